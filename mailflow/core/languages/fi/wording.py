"""What mailflow says in Finnish outside the templates.

Dates follow the Kielitoimisto conventions (``ke 9.12.2026 klo 10.00``); money is
``1 234,50 €`` with no-break spaces (U+00A0) between digit groups and before ``€``, so a
sum never wraps across lines in a mail client.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mailflow.core.languages.wording import ReasonWords, Wording

__all__ = ["WORDING"]

_NBSP = "\u00a0"

#: Intent kinds as "useita pyyntöjä: ilmoittautuminen ja peruutus" names them.
INTENT_KINDS = {
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
ROBOT_KINDS = {
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


def _day(day_id: str) -> str:
    """A day id that is an ISO date as a Finn writes the date (9.12.2026); others as they are."""
    parts = day_id.split("-")
    if [len(p) for p in parts] != [4, 2, 2] or not all(p.isdecimal() for p in parts):
        return day_id
    year, month, day = parts
    return f"{int(day)}.{int(month)}.{year}"


def _count(digits: str, one: str, many: str) -> str:
    """``12 345 tavua`` (no-break spaces between digit groups); ``1 tavu``."""
    grouped = f"{int(digits):,}".replace(",", _NBSP)
    return f"{grouped}{_NBSP}{one if int(digits) == 1 else many}"


def _says(text: str) -> ReasonWords:
    return lambda p: text.format_map(p)


def _who(prefix: str) -> ReasonWords:
    """``prefix: who``; nobody named leaves the name out."""
    return lambda p: prefix if not p.get("who") else f"{prefix}: {p['who']}"


def _rsvp_status(p: Mapping[str, str]) -> str:
    status = p["status"]
    return _RSVP_BY_STATUS.get(status) or (
        f"vastaus kutsuun henkilöltä, jolla ei ole paikkaa (tila: {_ALREADY.get(status, status)})")


def _already(p: Mapping[str, str]) -> str:
    status = p["status"]
    said = _ALREADY.get(status, f"tilassa {status}")
    return f"sijaiseksi nimetty {p['address']} on jo {said}"


def _calendar(p: Mapping[str, str]) -> str:
    partstat = p.get("partstat") or "without PARTSTAT"
    said = _PARTSTATS.get(partstat)
    detail = f"{said}, {partstat}" if said and partstat.isupper() else said or partstat
    return (f"kalenterivastaus verkostopäivän {_day(p['day'])} kutsuun ei ole kyllä eikä ei "
            f"({detail})")


def _oversize(p: Mapping[str, str]) -> str:
    return (f"viestin koko {_count(p['size'], 'tavu', 'tavua')} ylittää enimmäiskoon "
            f"{_count(p['cap'], 'tavu', 'tavua')}, joten sitä ei luettu")


def _kinds(p: Mapping[str, str]) -> str:
    words = [INTENT_KINDS.get(k, k) for k in p["kinds"].split()]
    listed = ", ".join(words[:-1]) + " ja " + words[-1] if len(words) > 1 else words[0]
    return f"useita pyyntöjä: {listed}"


def _robot(p: Mapping[str, str]) -> str:
    robot = ROBOT_KINDS.get(p["robot"], p["robot"])
    return f"koneen lähettämä viesti ({robot}) päätyi tulkittavaksi"


REASONS: dict[str, Callable[[Mapping[str, str]], str]] = {
    "unknown_kind": lambda p: f"tuntematon pyynnön laji {p['kind']!r}",
    "sender_unusable": _says("lähettäjän osoite ei ole käyttökelpoinen sähköpostiosoite"),
    "signup_no_address": _who("ilmoittautuminen ilman sähköpostiosoitetta"),
    "signup_bad_address": _who("ilmoittautuminen, jonka sähköpostiosoite ei kelpaa"),
    "signup_no_org": _who("ilmoittautuminen ilman organisaatiota"),
    "signup_past_day":
        lambda p: f"ilmoittautuminen jo pidettyyn verkostopäivään ({_day(p['day'])})",
    "signup_cancelled_day":
        lambda p: f"ilmoittautuminen peruttuun verkostopäivään ({_day(p['day'])})",
    "rsvp_no_day": _says("vastauksesta kutsuun ei selviä, mitä verkostopäivää se koskee"),
    "rsvp_unknown_day":
        lambda p: f"vastaus kutsuun koskee tuntematonta verkostopäivää ({_day(p['day'])})",
    "rsvp_cancelled_day":
        lambda p: f"vastaus kutsuun koskee peruttua verkostopäivää ({_day(p['day'])})",
    "rsvp_not_registered": _says("vastaus kutsuun lähettäjältä, joka ei ole ilmoittautunut"),
    "rsvp_status": _rsvp_status,
    "cancel_not_registered": _says("peruutus lähettäjältä, joka ei ole ilmoittautunut"),
    "substitute_by_unregistered": _says("sijaisen nimesi lähettäjä, jolla ei ole paikkaa"),
    "substitute_unusable": _says("sijaisen sähköpostiosoite puuttuu tai ei kelpaa"),
    "substitute_is_sender": _says("lähettäjä nimesi sijaiseksi itsensä"),
    "substitute_already": _already,
    "commit_not_registered":
        _says("sitoutuminen jatkotyöskentelyyn lähettäjältä, joka ei ole ilmoittautunut"),
    "correction_not_registered": _says("tietojen korjaus lähettäjältä, joka ei ole ilmoittautunut"),
    "correction_other_address":
        _says("korjaus koskee toista osoitetta (osoitteen vaihtaa verkoston vetäjä)"),
    "correction_no_change": _says("korjauksesta ei löytynyt ymmärrettävää muutosta"),
    "token_unknown": _says("tuntematon tai vanhentunut vahvistuskoodi"),
    "token_wrong_address": _says("vahvistuskoodi tuli väärästä osoitteesta"),
    "confirmed_unreadable": _says("vahvistettua muutosta ei voitu lukea"),
    "not_understood": _says("viestiä ei ymmärretty"),
    "robot": _robot,
    "own_address": _says("viesti mailflow'n omasta osoitteesta"),
    "calendar_neither": _calendar,
    "commitment_withdrawn": _says("jatkotyöskentelyyn sitoutumisen peruminen tai muutos"),
    "question": _says("kysymys verkoston vetäjälle"),
    "commitment_not_declared":
        _says("viesti mainitsee sitoutumisen, mutta ei sitoudu (ehto tai kielto)"),
    "no_intent": _says("viestistä ei tunnistettu pyyntöä"),
    "several_intents": _kinds,
    "rsvp_day_undetermined": _says("vastaus kutsuun, mutta verkostopäivää ei voitu päätellä"),
    "signup_no_addresses":
        _says("ilmoittautumisessa on henkilöitä, mutta ei yhdenkään sähköpostiosoitetta"),
    "substitute_without_address": _says("sijaiselle ei ole annettu sähköpostiosoitetta"),
    "correction_nothing_found": _says("korjauspyyntö, mutta korjattavaa tietoa ei löytynyt"),
    "oversize": _oversize,
    "mail_expired": lambda p: (f"viestiä ”{p['subject']}” osoitteeseen {p['to']} ei saatu "
                               f"lähetettyä {p['days']} päivässä, joten siitä luovuttiin "
                               f"(viimeisin virhe: {p['error']}); lähetä se muuta kautta"),
    "legacy": lambda p: p["text"],
}

WORDING = Wording(
    reasons=REASONS,
    reason_separator="; ",
    intent_kinds=INTENT_KINDS,
    robot_kinds=ROBOT_KINDS,
    roles={
        "management": "johto",
        "supervisor": "oppisopimustoiminnan esihenkilö",
        "staff": "henkilöstö",
        "guest": "vieras",
        "unknown": "ei tiedossa",
    },
    change_fields={"name": "nimi", "role": "rooli", "diet": "erityisruokavalio",
                   "organisation": "organisaatio", "days": "päivät", "status": "tila"},
    actions={
        "cancel": "peruuttaa ilmoittautumisesi verkostoon",
        "commit": "sitouttaa organisaation {detail} verkoston jatkotyöskentelyyn",
        "substitute": "antaa paikkasi sijaiselle: {detail}",
        "correction": "korjata tietojasi: {detail}",
        "forget_request": "poistaa kaikki sinusta tallennetut tiedot",
    },
    weekdays=("ma", "ti", "ke", "to", "pe", "la", "su"),
    months=("tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu",
            "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu"),
    date="{weekday} {day}.{month}.{year}",
    time="{hour}.{minute:02d}",
    at_time="{date} klo {time}",
    money="{sign}{amount}" + _NBSP + "€",
    decimal_mark=",",
    group_separator=_NBSP,
)
