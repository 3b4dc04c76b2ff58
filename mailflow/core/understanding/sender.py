"""Who the sender is: an introduction ("olen Omnian rehtori ..."), the signature, the
display name (Outlook's "Sukunimi Etunimi" turned round when signed with the first name),
a forwarded mail's author, and the organisation by mail domain.
"""

from __future__ import annotations

import re

from mailflow.core.languages.lexicon import Lexicon, known
from mailflow.core.languages.screen import fold
from mailflow.core.organisations import OrgDirectory
from mailflow.core.understanding.people import classify_cells, is_name, labelled_diet
from mailflow.core.understanding.roles import role_from_title
from mailflow.core.understanding.text import (
    ADDRESS,
    CAP_WORD,
    Reading,
    own_part,
    signature_lines,
)
from mailflow.core.values import NetworkState, ParsedMessage

__all__ = ["organisation_of_sender", "self_details"]


def _intro(text: str, orgs: OrgDirectory) -> dict[str, str]:
    """Name, title and organisation from "olen Omnian koulutuspäällikkö Maija Mallikas"."""
    lexicon = known()
    out: dict[str, str] = {}
    for match in lexicon.introduction.finditer(text):
        words = re.findall(r"[\w'’-]+", match.group(1))
        run: list[str] = []
        for i, word in enumerate([*words, ""]):
            if CAP_WORD.match(word) and orgs.resolve(word) is None and (
                    role_from_title(word) == "unknown"):
                run.append(word)
                continue
            if len(run) >= 2 and "name" not in out:
                out["name"] = " ".join(run[:4])
            run = []
            if word and "title" not in out and role_from_title(word) != "unknown":
                out["title"] = _title_at(words, i, lexicon)
        org = orgs.find_in(match.group(1))
        if org is not None and "organisation" not in out:
            out["organisation"] = org.name
    return out


def _title_at(words: list[str], i: int, lexicon: Lexicon) -> str:
    """The title whose word is ``words[i]``: "head of studies", "oppisopimustoiminnan
    esimies", or the word alone."""
    if fold(words[i]) in lexicon.title_heads and i + 2 < len(words):
        return " ".join(words[i:i + 3])
    before = words[i - 1] if i else ""
    genitive = lexicon.title_genitives
    return f"{before} {words[i]}" if genitive and before.endswith(genitive) else words[i]


def _forwarded_author(text: str) -> tuple[str, str]:
    """(name, address) from the first "Lähettäjä:/From:" line of forwarded history."""
    match = known().forward_from.search(text)
    if not match:
        return "", ""
    value = match.group(1)
    found = ADDRESS.search(value)
    if not found:
        return "", ""
    name = value[: found.start()].strip(' "<[(')
    return name, found.group(0).lower()


def self_details(
    msg: ParsedMessage, reading: Reading, orgs: OrgDirectory
) -> dict[str, str]:
    """The sender's own details from intro sentence, signature, display name and domain."""
    name, address = msg.from_name, msg.from_addr
    if reading.forwarded:
        fw_name, fw_address = _forwarded_author(msg.text)
        if fw_address:
            name, address = fw_name, fw_address
    row = _intro(reading.text, orgs)
    signature = signature_lines(reading.lines)
    if not signature and msg.text and not reading.forwarded:
        signature = signature_lines(tuple(own_part(msg.text).splitlines()))
    for line in signature:
        cells = [c for c in re.split(r"\s*[,|/]\s*", line) if c]
        for key, value in classify_cells(cells, orgs).items():
            row.setdefault(key, value)
    if name and is_name(name, orgs) and (reading.forwarded or not row.get("name")):
        row["name"] = _display_name_order(name, signature, reading.lines)
    row["address"] = address
    if not row.get("organisation"):
        org = orgs.for_address(address)
        if org is not None:
            row["organisation"] = org.name
    diet = labelled_diet(reading.text)
    if diet and not row.get("diet"):
        row["diet"] = diet
    return row


def _signed_first_name(lines: tuple[str, ...]) -> list[str]:
    """The lone name a mail is signed with ("Ville", "t. Ville", "BR, Ville"), if any."""
    last = [line.strip() for line in lines if line.strip()][-3:]
    sign_off = known().sign_off
    found = []
    for line in last:
        rest = sign_off.sub("", line)
        if ((rest != line or len(last) == 1 or line == last[-1])
                and CAP_WORD.fullmatch(rest.strip(" ,.!"))):
            found.append(rest.strip(" ,.!"))
    return found


def _display_name_order(name: str, signature: list[str], lines: tuple[str, ...]) -> str:
    """"Mallikas Maija" (Outlook's "Sukunimi Etunimi") as "Maija Mallikas" when the mail is
    signed with the first name alone ("Maija", "t. Maija"); otherwise as written.
    """
    words = name.split()
    if len(words) != 2:
        return name
    signed = {fold(w) for line in signature for w in re.findall(r"[\w'’-]+", line)
              if len(line.split()) <= 2}
    signed |= {fold(w) for w in _signed_first_name(lines)}
    if fold(words[1]) in signed and fold(words[0]) not in signed:
        return f"{words[1]} {words[0]}"
    return name


def organisation_of_sender(
    msg: ParsedMessage, reading: Reading, state: NetworkState, orgs: OrgDirectory
) -> str:
    """The sender's organisation: as registered, named in the text, or by mail domain."""
    person = state.people.get(msg.from_addr)
    if person is not None and person.org in state.organisations:
        return state.organisations[person.org].name
    org = orgs.find_in(reading.text) or orgs.for_address(msg.from_addr)
    return org.name if org is not None else ""

