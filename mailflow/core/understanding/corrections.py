"""Corrections: "Korjaus: erityisruokavalio gluteeniton", "my title is X, not Y",
labelled lines and "nimeni on oikeasti ..." give the sender's corrected details.
"""

from __future__ import annotations

from dataclasses import replace

from mailflow.core.languages.lexicon import known
from mailflow.core.languages.screen import fold
from mailflow.core.organisations import OrgDirectory
from mailflow.core.reason import Reason
from mailflow.core.understanding.people import (
    classify_cell,
    diet_word,
    label_field,
    labelled_blocks,
    labelled_diet,
    person_details,
)
from mailflow.core.understanding.text import Reading
from mailflow.core.values import Intent, ParsedMessage

__all__ = ["correction_intent"]


def _correction_line(text: str, orgs: OrgDirectory) -> dict[str, str]:
    """Fields from "Korjaus: erityisruokavalio gluteeniton" / "Correction: my title is X".

    A field word (nimi, titteli, erityisruokavalio, name, title, diet, ...) says which
    field; without one, the value's look decides (a diet word, a job title, a name, an
    organisation). Whatever follows "ei ..." / "not ..." is the old value and is dropped.
    """
    lexicon = known()
    out: dict[str, str] = {}
    for match in lexicon.correction_line.finditer(text):
        value = match.group(1).strip()
        folded = fold(value)
        for key, words in lexicon.field_words:
            field = words.match(folded)
            if field and field.end() < len(value):
                found = lexicon.value_end.sub("", value[field.end():]).strip(" .,\"'")
                if found:
                    out.setdefault(key, found)
                break
        else:
            value = lexicon.value_end.sub("", value).strip(" .,\"'")
            probe: dict[str, str] = {}
            classify_cell(value, probe, orgs)
            for key, found in probe.items():
                out.setdefault(key, found)
    return out


def correction_intent(
    intent: Intent, msg: ParsedMessage, reading: Reading, orgs: OrgDirectory
) -> Intent:
    """A correction with the corrected details of the sender, or attention without any."""
    body = reading.body
    text = "\n".join(body)
    row: dict[str, str] = _correction_line(text, orgs)
    labelled = labelled_blocks(body)
    for block in labelled[:1]:
        row.update({k: v for k, v in block.items() if v and k not in row})
    for key, pattern in known().correction_phrases:
        match = pattern.search(text)
        if match and key not in row:
            row[key] = match.group(1).strip()
    for line in body:
        label, sep, value = line.partition(":")
        field = label_field(label) if sep else None
        if field and field != "address" and value.strip():
            row.setdefault(field, value.strip())
    diet = labelled_diet(text) or diet_word(text)
    if diet:
        row.setdefault("diet", diet)
    row["address"] = msg.from_addr
    person = person_details(row, orgs)
    if (person.name, person.organisation, person.title, person.diet) == ("", "", "", ""):
        return replace(intent, kind="attention",
                       reason=Reason.of("correction_nothing_found"))
    return replace(intent, people=(person,))

