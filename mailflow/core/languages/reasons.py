"""Needs-attention reasons in the facilitator's language (pure).

``decide``, ``intents`` and ``tick`` write why a message waits for the facilitator as an
English reason ("a question for the facilitator", "RSVP for an unknown network day
(2026-12-09)"); the log and the store keep that wording. ``reason_text`` gives it in the
language the facilitator reads: English as written, Finnish from the patterns below, whose
groups carry the variable parts (addresses, names, day ids, byte counts, intent kinds)
over. Several problems of one message are joined with "; " and are worded one by one; a
reason no pattern knows comes back unchanged, so nothing is ever lost.

Every reason literal in ``mailflow/*.py`` must have a pattern here:
``tests/unit/test_reasons.py`` reads the source and fails on one that has none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["reason_text"]

_SEPARATOR = "; "
#: At most this many "; "-separated parts are tried as one reason (the oversize reason holds
#: one "; ", a name may hold a few); it keeps wording a long list of problems linear.
_MAX_JOINED = 4
_NBSP = "\u00a0"
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

#: Intent kinds as "several intents: signup and cancel" names them.
_KINDS = {
    "signup": "ilmoittautuminen",
    "interest_join": "postituslistalle liittyminen",
    "interest_leave": "postituslistalta poistuminen",
    "rsvp_yes": "osallistuminen",
    "rsvp_no": "poissaolo",
    "cancel": "peruutus",
    "substitute": "sijaisen nimeäminen",
    "commit": "sitoutuminen jatkotyöskentelyyn",
    "correction": "tietojen korjaus",
    "export_request": "omien tietojen pyyntö",
    "forget_request": "tietojen poistopyyntö",
    "confirm": "vahvistus",
    "attention": "viesti vetäjälle",
}
_ROBOTS = {
    "autoreply": "automaattinen vastaus",
    "bounce": "palautusilmoitus",
    "loop": "postisilmukka",
}
_PARTSTATS = {
    "TENTATIVE": "alustava",
    "NEEDS-ACTION": "vastaamatta",
    "DELEGATED": "siirretty toiselle",
    "without PARTSTAT": "vastauksen tila puuttuu",
}
#: "RSVP from a person who is {status}, not registered", by status.
_RSVP_BY_STATUS = {
    "waitlisted": "vastaus kutsuun henkilöltä, joka on vielä jonossa eikä ole saanut paikkaa",
    "cancelled": "vastaus kutsuun henkilöltä, joka on perunut ilmoittautumisensa",
}
#: "the substitute {address} is already {status}": the participle after "on jo".
_ALREADY = {
    "registered": "ilmoittautunut",
    "invited": "kutsuttu",
    "waitlisted": "jonossa",
    "cancelled": "perunut",
}

_Wording = Callable[[re.Match[str]], str]


def _day(day_id: str) -> str:
    """A day id that is an ISO date as a Finn writes the date (9.12.2026); others as they are."""
    match = _ISO_DATE.fullmatch(day_id)
    if match is None:
        return day_id
    year, month, day = match.groups()
    return f"{int(day)}.{int(month)}.{year}"


def _count(digits: str, one: str, many: str) -> str:
    """``12 345 tavua`` (no-break spaces between digit groups); ``1 tavu``."""
    grouped = f"{int(digits):,}".replace(",", _NBSP)
    return f"{grouped}{_NBSP}{one if int(digits) == 1 else many}"


def _kinds(listed: str) -> str:
    words = [_KINDS.get(k, k) for k in listed.split(" and ")]
    return ", ".join(words[:-1]) + " ja " + words[-1] if len(words) > 1 else words[0]


def _fixed(text: str) -> _Wording:
    return lambda _m: text


def _who(prefix: str) -> _Wording:
    """``prefix: who``; decide's stand-in "a person" (no name, no address) is left out."""
    return lambda m: prefix if m["who"] == "a person" else f"{prefix}: {m['who']}"


def _rsvp_status(m: re.Match[str]) -> str:
    status = m["status"]
    return _RSVP_BY_STATUS.get(status) or (
        f"vastaus kutsuun henkilöltä, jolla ei ole paikkaa (tila: {_ALREADY.get(status, status)})")


def _already(m: re.Match[str]) -> str:
    status = m["status"]
    said = _ALREADY.get(status, f"tilassa {status}")
    return f"sijaiseksi nimetty {m['address']} on jo {said}"


def _calendar(m: re.Match[str]) -> str:
    partstat = m["partstat"]
    said = _PARTSTATS.get(partstat)
    detail = f"{said}, {partstat}" if said and partstat.isupper() else said or partstat
    return (f"kalenterivastaus verkostopäivän {_day(m['day'])} kutsuun ei ole kyllä eikä ei "
            f"({detail})")


def _oversize(m: re.Match[str]) -> str:
    return (f"viestin koko {_count(m['size'], 'tavu', 'tavua')} ylittää enimmäiskoon "
            f"{_count(m['cap'], 'tavu', 'tavua')}, joten sitä ei luettu")


_FINNISH: tuple[tuple[str, _Wording], ...] = (
    # decide.py
    (r"unknown intent kind (?P<kind>.+)", lambda m: f"tuntematon pyynnön laji {m['kind']}"),
    (r"the sender's address is not a usable mail address",
     _fixed("lähettäjän osoite ei ole käyttökelpoinen sähköpostiosoite")),
    (r"sign-up for (?P<who>.+) without an address",
     _who("ilmoittautuminen ilman sähköpostiosoitetta")),
    (r"sign-up for (?P<who>.+) with an unusable address",
     _who("ilmoittautuminen, jonka sähköpostiosoite ei kelpaa")),
    (r"sign-up for (?P<who>.+) without an organisation",
     _who("ilmoittautuminen ilman organisaatiota")),
    (r"RSVP that names no network day",
     _fixed("vastauksesta kutsuun ei selviä, mitä verkostopäivää se koskee")),
    (r"RSVP for an unknown network day \((?P<day>.*)\)",
     lambda m: f"vastaus kutsuun koskee tuntematonta verkostopäivää ({_day(m['day'])})"),
    (r"RSVP for a cancelled network day \((?P<day>.*)\)",
     lambda m: f"vastaus kutsuun koskee peruttua verkostopäivää ({_day(m['day'])})"),
    (r"RSVP from an address that is not registered",
     _fixed("vastaus kutsuun lähettäjältä, joka ei ole ilmoittautunut")),
    (r"RSVP from a person who is (?P<status>.+), not registered", _rsvp_status),
    (r"cancellation from an address that is not registered",
     _fixed("peruutus lähettäjältä, joka ei ole ilmoittautunut")),
    (r"substitute named by an address that is not registered",
     _fixed("sijaisen nimesi lähettäjä, jolla ei ole paikkaa")),
    (r"substitute without a usable address",
     _fixed("sijaisen sähköpostiosoite puuttuu tai ei kelpaa")),
    (r"the substitute named is the sender themself",
     _fixed("lähettäjä nimesi sijaiseksi itsensä")),
    (r"the substitute (?P<address>.+) is already (?P<status>\w+)", _already),
    (r"commitment to the follow-up work from an address that is not registered",
     _fixed("sitoutuminen jatkotyöskentelyyn lähettäjältä, joka ei ole ilmoittautunut")),
    (r"correction from an address that is not registered",
     _fixed("tietojen korjaus lähettäjältä, joka ei ole ilmoittautunut")),
    (r"correction names another address \(address changes are for the facilitator\)",
     _fixed("korjaus koskee toista osoitetta (osoitteen vaihtaa verkoston vetäjä)")),
    (r"correction without any change that could be understood",
     _fixed("korjauksesta ei löytynyt ymmärrettävää muutosta")),
    (r"unknown or expired token", _fixed("tuntematon tai vanhentunut vahvistuskoodi")),
    (r"confirmation token from the wrong address",
     _fixed("vahvistuskoodi tuli väärästä osoitteesta")),
    (r"the confirmed change could not be read",
     _fixed("vahvistettua muutosta ei voitu lukea")),
    (r"the message was not understood", _fixed("viestiä ei ymmärretty")),
    # intents.py
    (r"robot mail \((?P<robot>.+)\) reached intent rules",
     lambda m: f"koneen lähettämä viesti ({_ROBOTS.get(m['robot'], m['robot'])}) "
               "päätyi tulkittavaksi"),
    (r"mail from mailflow's own address", _fixed("viesti mailflow'n omasta osoitteesta")),
    (r"calendar answer (?P<partstat>.+?) for day (?P<day>.+): neither yes nor no", _calendar),
    (r"withdraws or changes the commitment to the follow-up work",
     _fixed("jatkotyöskentelyyn sitoutumisen peruminen tai muutos")),
    (r"a question for the facilitator", _fixed("kysymys verkoston vetäjälle")),
    (r"commitment mentioned but not declared \(a condition or a negation\)",
     _fixed("viesti mainitsee sitoutumisen, mutta ei sitoudu (ehto tai kielto)")),
    (r"no intent recognised", _fixed("viestistä ei tunnistettu pyyntöä")),
    (r"several intents: (?P<kinds>.+)", lambda m: f"useita pyyntöjä: {_kinds(m['kinds'])}"),
    (r"rsvp but no network day could be determined",
     _fixed("vastaus kutsuun, mutta verkostopäivää ei voitu päätellä")),
    (r"sign-up lists people but no mail address for any of them",
     _fixed("ilmoittautumisessa on henkilöitä, mutta ei yhdenkään sähköpostiosoitetta")),
    (r"substitute named without a mail address",
     _fixed("sijaiselle ei ole annettu sähköpostiosoitetta")),
    (r"a correction but no corrected detail found",
     _fixed("korjauspyyntö, mutta korjattavaa tietoa ei löytynyt")),
    # tick.py
    (r"message of (?P<size>\d+) bytes is over the size cap of (?P<cap>\d+) bytes; not parsed",
     _oversize),
)
_PATTERNS = tuple((re.compile(p, re.DOTALL), wording) for p, wording in _FINNISH)


def _one(part: str) -> str | None:
    for pattern, wording in _PATTERNS:
        match = pattern.fullmatch(part)
        if match is not None:
            return wording(match)
    return None


def reason_text(reason: str, lang: str) -> str:
    """``reason`` worded in ``lang``: "en" as written, otherwise Finnish where known.

    Problems joined with "; " are worded one by one: each part alone if a pattern knows it,
    else with the next parts (up to ``_MAX_JOINED``), so a reason that itself holds "; " (or
    a name that does) stays whole. A part no pattern knows is kept as written.
    """
    if lang == "en" or not reason:
        return reason
    parts = reason.split(_SEPARATOR)
    out: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(i + 1, min(len(parts), i + _MAX_JOINED) + 1):
            worded = _one(_SEPARATOR.join(parts[i:j]))
            if worded is not None:
                out.append(worded)
                i = j
                break
        else:
            out.append(parts[i])
            i += 1
    return _SEPARATOR.join(out)
