"""Corrections: "Korjaus: erityisruokavalio gluteeniton", "my title is X, not Y",
labelled lines and "nimeni on oikeasti ..." give the sender's corrected details.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

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
from mailflow.core.understanding.roles import role_from_title
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


_CAPITALISED = re.compile(r"\b[A-ZÅÄÖ][\w'’-]+")


def respelled_name(text: str, name: str, *, single: bool = False) -> str:
    """``name`` with the part the text spells two ways in its right spelling, or "".

    "it's Okafor, not Okafur", "Ekholm, inte Ekström", "Björklund med ö, inte Bjorklund":
    the spelling after a negation is the old one. Without a negation ("oli muodossa
    Meikalainen, oikein se on Meikäläinen") the spelling in the sender's own display
    name is taken for the right one. With ``single`` (``name`` is the recorded one), one
    other spelling in the text is the right one.
    """
    words = _CAPITALISED.findall(text)
    parts = name.split()
    for i, part in enumerate(parts):
        spellings = list(dict.fromkeys(w for w in words if _nearest(w, parts) == i))
        if single and spellings and all(w != part for w in spellings):
            spellings.append(part)  # the record's spelling is the old one
        if len(spellings) < 2:
            continue
        new = [w for w in spellings if not _negated(text, w)]
        if len(new) > 1:
            new = [w for w in new if w == part]
        if len(new) == 1:
            return " ".join([*parts[:i], new[0], *parts[i + 1:]])
    return ""


def _add_phrased(row: dict[str, str], text: str, orgs: OrgDirectory) -> None:
    """The fields ``text`` states in a phrase ("nimeni on X", "my title has changed: I am
    X at Omnia"), added to ``row`` where it has none."""
    for key, pattern in known().correction_phrases:
        match = pattern.search(text)
        if match and key not in row:
            row[key] = match.group(1).strip()
    if "title" in row and "organisation" not in row:
        row.update(_title_at_organisation(row["title"], orgs))


def _title_at_organisation(title: str, orgs: OrgDirectory) -> dict[str, str]:
    """"Head of International Services at Omnia" -> the title and the organisation, when
    the last words name a known organisation (the word joining them, any language's
    "at" / "på" / "vid", is dropped); nothing otherwise."""
    words = title.split()
    for size in range(1, min(3, len(words) - 2) + 1):
        tail = " ".join(words[-size:])
        if orgs.resolve(tail) is not None:
            return {"title": " ".join(words[:-size - 1]), "organisation": tail}
    return {}


def _last_title(text: str) -> dict[str, str]:
    """The last job title the text names, not after a negation ("ei opettaja"): a
    correction that names nothing else corrects the title."""
    words = re.findall(r"[\w-]+", text)
    negation = known().negation
    for i in range(len(words) - 1, -1, -1):
        if role_from_title(words[i]) != "unknown" and not (
                i and negation.search(fold(words[i - 1]))):
            return {"title": _without_case_ending(words[i])}
    return {}


def _without_case_ending(word: str) -> str:
    """"koordinaattorina" -> "koordinaattori" (a title in a case: "toimin X-na")."""
    for ending in known().alternatives("title_case_endings"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and role_from_title(stem) == role_from_title(word):
            return stem
    return word


def _nearest(word: str, parts: list[str]) -> int:
    """The index of the name part ``word`` is a spelling of, or -1 when none is alike."""
    scores = [_likeness(word, part) for part in parts]
    best = max(range(len(parts)), key=scores.__getitem__, default=-1)
    return best if best >= 0 and scores[best] >= 0.6 else -1


def _likeness(word: str, part: str) -> float:
    a, b = fold(word), fold(part)
    return SequenceMatcher(None, a, b).ratio() if a[:1] == b[:1] else 0.0


def _negated(text: str, word: str) -> bool:
    """True when every place ``word`` is written follows a negation ("not", "inte", "ei")."""
    places = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    negation = known().negation
    return all(negation.search(" ".join(fold(text[:at]).split()[-2:])) for at in places)


def _stated_values(text: str, orgs: OrgDirectory) -> dict[str, str]:
    """Values stated as the right ones ("en ole opettaja vaan X", "should be X"); the
    value's look (a diet, a title, a name, an organisation) decides its field."""
    out: dict[str, str] = {}
    for match in known().correction_value.finditer(text):
        probe: dict[str, str] = {}
        classify_cell(match.group(1).strip(" \"'"), probe, orgs)
        for key, found in probe.items():
            out.setdefault(key, found)
    return out


def correction_intent(
    intent: Intent, msg: ParsedMessage, reading: Reading, orgs: OrgDirectory,
    recorded_name: str = "",
) -> Intent:
    """A correction with the corrected details of the sender, or attention without any.

    ``recorded_name`` is the name the network has for the sender, if any: a name part
    the mail spells otherwise is its correction ("sukunimeni kirjoitetaan Mäkelä")."""
    body = reading.body
    text = "\n".join(body)
    row: dict[str, str] = _correction_line(text, orgs)
    for key, found in _stated_values(text, orgs).items():
        row.setdefault(key, found)
    labelled = labelled_blocks(body)
    for block in labelled[:1]:
        row.update({k: v for k, v in block.items() if v and k not in row})
    _add_phrased(row, text, orgs)
    for line in body:
        label, sep, value = line.partition(":")
        field = label_field(label) if sep else None
        if field and field != "address" and value.strip():
            row.setdefault(field, value.strip())
    diet = labelled_diet(text) or diet_word(text)
    if diet:
        row.setdefault("diet", diet)
    if "name" not in row:
        respelled = respelled_name(text, msg.from_name) or (
            respelled_name(text, recorded_name, single=True) if recorded_name else "")
        if respelled:
            row["name"] = respelled
    if not row:
        row.update(_last_title(text))
    row["address"] = msg.from_addr
    person = person_details(row, orgs)
    if (person.name, person.organisation, person.title, person.diet) == ("", "", "", ""):
        return replace(intent, kind="attention",
                       reason=Reason.of("correction_nothing_found"))
    return replace(intent, people=(person,))

