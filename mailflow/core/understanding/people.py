"""People named in a mail: labelled blocks, tables, one person a line; names, titles,
organisations and diets told apart by their look and by the packs' words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mailflow.core.languages.lexicon import Lexicon, known
from mailflow.core.languages.screen import fold
from mailflow.core.organisations import OrgDirectory
from mailflow.core.understanding.roles import role_from_title
from mailflow.core.understanding.text import (
    ADDRESS,
    CAP_WORD,
    NAME,
    Reading,
    addresses_in,
    one_line,
)
from mailflow.core.values import PersonDetails

__all__ = [
    "classify_cell", "classify_cells", "diet_word", "is_name", "label_field", "labelled_blocks",
    "labelled_diet", "listed_people", "lists_people", "org_text", "person_details", "split_cells",
]


def label_field(label: str) -> str | None:
    """The PersonDetails field a "Label:" names ("Sähköposti" -> "address"), if any."""
    return _label_field(label, known())


@lru_cache(maxsize=4096)
def _label_field(label: str, lexicon: Lexicon) -> str | None:
    return lexicon.labels.get(fold(label).strip(" -*•\t").strip())


def is_name(text: str, orgs: OrgDirectory) -> bool:
    text = text.strip()
    return (
        bool(NAME.fullmatch(text)) and role_from_title(text) == "unknown"
        and orgs.resolve(text) is None and not known().organisation_words.search(text)
    )


def org_text(text: str, orgs: OrgDirectory) -> str:
    """The organisation as written, or its canonical name when an alias matched."""
    org = orgs.resolve(text) or orgs.find_in(text)
    return org.name if org is not None else " ".join(text.split())


def classify_cells(fields: list[str], orgs: OrgDirectory) -> dict[str, str]:
    """Cells of a person line -> PersonDetails field values; a lone capitalised word after
    the name or the title ("koulutuspäällikkö, Gradia", "Ana Ferreira, Gradia, teacher") is
    the organisation, known or not."""
    out: dict[str, str] = {}
    for raw in fields:
        cell = raw.strip(" -*•<>()\t")
        address = ADDRESS.search(cell)
        if address:
            out.setdefault("address", address.group(0).lower())
            cell = (cell[: address.start()] + " " + cell[address.end():]).strip(" <>()[],;")
        for part in _name_first(cell, orgs):
            before = len(out)
            classify_cell(part, out, orgs)
            if len(out) == before and ("title" in out or "name" in out) and (
                    "organisation" not in out and CAP_WORD.match(part.strip())):
                # "koulutuspäällikkö, Gradia", "Ana Ferreira, Gradia, teacher"
                out["organisation"] = part.strip()
    return out


def _name_first(cell: str, orgs: OrgDirectory) -> list[str]:
    """"Kalle Kivinen rehtori" (table cells joined by spaces) -> ["Kalle Kivinen", "rehtori"]."""
    words = cell.split()
    if len(words) <= 2 or is_name(cell, orgs):
        return [cell] if cell else []
    run = 0
    while run < len(words) and run < 4 and CAP_WORD.match(words[run]):
        run += 1
    if run >= 2 and is_name(" ".join(words[:run]), orgs):
        return [" ".join(words[:run]), " ".join(words[run:])]
    return [cell]


def classify_cell(cell: str, out: dict[str, str], orgs: OrgDirectory) -> None:
    if not cell:
        return
    lexicon = known()
    folded = fold(cell)
    if "diet" not in out and lexicon.diet_words.search(folded):
        out["diet"] = cell
    elif "name" not in out and is_name(cell, orgs):
        out["name"] = cell
    elif "title" not in out and role_from_title(cell) != "unknown":
        out["title"] = cell
    elif "organisation" not in out and (
            orgs.resolve(cell) or lexicon.organisation_words.search(cell)):
        out["organisation"] = org_text(cell, orgs)


def split_cells(line: str) -> list[str]:
    """A person line's cells; "|", tab or ";" (a table, a spreadsheet paste) outrank commas."""
    line = _BULLET.sub("", line)
    split = _STRONG_SPLIT if _STRONG.search(line) else _WEAK_SPLIT
    return [c for c in split.split(line) if c.strip()]


_BULLET = re.compile(r"^\s*(?:[-*•–—·▪◦‣>]|\(?\d{1,3}[.)])\s*")
_STRONG = re.compile(r"\s\|\s|\t|;")
_STRONG_SPLIT = re.compile(r"\s*[|;\t]\s*")
_WEAK_SPLIT = re.compile(r"\s*,\s*|\s{2,}|\s+[–-]\s+")
#: Found in every line that split_cells splits in two or more cells (a cheap first look).
_ANY_SEPARATOR = re.compile(r"[|;\t,]|\s\s|\s[–-]\s")


def labelled_blocks(lines: tuple[str, ...] | list[str]) -> list[dict[str, str]]:
    """Blocks of "Nimi: ..." / "Sähköposti: ..." lines; a repeated label starts a new person."""
    people: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for line in lines:
        label, sep, value = line.partition(":")
        field = label_field(label) if sep else None
        if field is None:
            continue
        value = value.strip()
        if field in current:
            people.append(current)
            current = {}
        if field == "address":
            found = ADDRESS.search(value)
            value = found.group(0).lower() if found else ""
        current[field] = value
    if current:
        people.append(current)
    return [p for p in people if p.get("name") or p.get("address")]


def _table(lines: tuple[str, ...] | list[str]) -> list[dict[str, str]]:
    """A header row of labels ("Nimi | Organisaatio | ...") and the rows under it."""
    lexicon = known()
    people: list[dict[str, str]] = []
    header: list[str | None] = []
    for line in lines:
        if header and people and not line.strip():
            header = []  # a blank line after the rows ends the table
        if not _ANY_SEPARATOR.search(line):
            continue  # one cell: neither a header nor a row
        cells = split_cells(line)
        labels = [lexicon.labels.get(fold(c).strip(" :")) for c in cells]
        if sum(1 for x in labels if x) >= 2:
            header = labels
            continue
        if header and len(cells) >= 2:
            row = {f: c.strip() for f, c in zip(header, cells, strict=False) if f and c.strip()}
            if "address" in row:
                found = ADDRESS.search(row["address"])
                row["address"] = found.group(0).lower() if found else ""
            if row.get("name") or row.get("address"):
                people.append(row)
    return people


def listed_people(lines: list[str], orgs: OrgDirectory) -> list[dict[str, str]]:
    """People named in the body: labelled blocks, a table, or one person per line."""
    for found in (_table(lines), labelled_blocks(lines)):
        if found:
            return found
    people: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for row in _person_rows(lines, orgs):
        if not row:  # a blank line ends a person's block
            current = {}
        elif current and "name" not in row and not set(row) & set(current):
            current.update(row)  # "Name" / "title, organisation" / "address" lines: one person
        else:
            current = row
            people.append(row)
    return [row for row in people if "address" in row or (
        "name" in row and ("title" in row or "organisation" in row))]


def _person_rows(lines: list[str], orgs: OrgDirectory) -> Iterator[dict[str, str]]:
    """Per line, or per sentence of a line of running text, the person fields it holds;
    {} for a blank line. A sentence too long to be a person's cells that holds one
    address gives that address alone ("... opettaja Marko Lahtisen (marko@...)")."""
    header_line = known().header_line
    for line in lines:
        if not line.strip():
            yield {}
            continue
        if header_line.match(line):
            continue
        for sentence in _SENTENCES.split(line):
            cells = split_cells(sentence)
            found = addresses_in(sentence)
            if cells and all(len(c.split()) <= 6 for c in cells):
                row = classify_cells(cells, orgs)
                if len(found) > 1:
                    row.pop("address", None)
                yield row
            elif len(found) == 1:
                yield {"address": found[0]}


#: Where a line of running text is cut into sentences: after ".", "!" or "?" and a space,
#: not after a digit ("9.12. päivään").
_SENTENCES = re.compile(r"(?<=[^\d\s][.!?])\s+(?=\S)")


def person_details(row: dict[str, str], orgs: OrgDirectory) -> PersonDetails:
    title = row.get("title", "").strip()
    organisation = row.get("organisation", "").strip()
    if organisation:
        organisation = org_text(organisation, orgs)
    diet = row.get("diet", "").strip()
    return PersonDetails(
        name=one_line(row.get("name", "")),
        organisation=one_line(organisation),
        role=role_from_title(title) if title else "unknown",
        address=one_line(row.get("address", "")).lower(),
        diet="" if known().no_diet.match(diet) else one_line(diet),
        title=one_line(title),
    )


def lists_people(reading: Reading, orgs: OrgDirectory) -> bool:
    """Two or more people, each with a name and a mail address, listed in the body."""
    body = list(reading.body)
    rows = [r for r in listed_people(body, orgs) if r.get("name") and r.get("address")]
    return len({r["address"] for r in rows}) >= 2


def diet_word(text: str) -> str:
    """A diet named without a label ("olen vegaani", "I am vegetarian"), as written."""
    found = known().diet_words.search(fold(text))
    return text[found.start():found.end()] if found else ""


def labelled_diet(text: str) -> str:
    """A diet introduced in the text ("ruokavalioni on gluteeniton"), if not a "none"."""
    lexicon = known()
    match = lexicon.diet_statement.search(text)
    if not match:
        return ""
    value = match.group(1).strip()
    return "" if lexicon.no_diet.match(value) else value

