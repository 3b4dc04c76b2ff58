"""What mailflow says in Finnish outside the templates.

Dates follow the Kielitoimisto conventions (``ke 9.12.2026 klo 10.00``); money is
``1 234,50 €`` with no-break spaces (U+00A0) between digit groups and before ``€``, so a
sum never wraps across lines in a mail client.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mailflow.core.languages.wording import (
    Wording,
    day_dotted,
    grouped_count,
    says,
    who,
)

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
    "language_change": "kielen vaihto",
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
    return (f"kalenterivastaus verkostopäivän {day_dotted(p['day'])} kutsuun ei ole kyllä eikä ei "
            f"({detail})")


def _oversize(p: Mapping[str, str]) -> str:
    return (f"viestin koko {grouped_count(p['size'], 'tavu', 'tavua')} ylittää enimmäiskoon "
            f"{grouped_count(p['cap'], 'tavu', 'tavua')}, joten sitä ei luettu")


def _kinds(p: Mapping[str, str]) -> str:
    words = [INTENT_KINDS.get(k, k) for k in p["kinds"].split()]
    listed = ", ".join(words[:-1]) + " ja " + words[-1] if len(words) > 1 else words[0]
    return f"useita pyyntöjä: {listed}"


def _robot(p: Mapping[str, str]) -> str:
    robot = ROBOT_KINDS.get(p["robot"], p["robot"])
    return f"koneen lähettämä viesti ({robot}) päätyi tulkittavaksi"


REASONS: dict[str, Callable[[Mapping[str, str]], str]] = {
    "unknown_kind": lambda p: f"tuntematon pyynnön laji {p['kind']!r}",
    "sender_unusable": says("lähettäjän osoite ei ole käyttökelpoinen sähköpostiosoite"),
    "signup_no_address": who("ilmoittautuminen ilman sähköpostiosoitetta"),
    "signup_bad_address": who("ilmoittautuminen, jonka sähköpostiosoite ei kelpaa"),
    "signup_no_org": who("ilmoittautuminen ilman organisaatiota"),
    "signup_past_day":
        lambda p: f"ilmoittautuminen jo pidettyyn verkostopäivään ({day_dotted(p['day'])})",
    "signup_cancelled_day":
        lambda p: f"ilmoittautuminen peruttuun verkostopäivään ({day_dotted(p['day'])})",
    "rsvp_no_day": says("vastauksesta kutsuun ei selviä, mitä verkostopäivää se koskee"),
    "rsvp_unknown_day":
        lambda p: f"vastaus kutsuun koskee tuntematonta verkostopäivää ({day_dotted(p['day'])})",
    "rsvp_cancelled_day":
        lambda p: f"vastaus kutsuun koskee peruttua verkostopäivää ({day_dotted(p['day'])})",
    "rsvp_not_registered": says("vastaus kutsuun lähettäjältä, joka ei ole ilmoittautunut"),
    "rsvp_status": _rsvp_status,
    "cancel_not_registered": says("peruutus lähettäjältä, joka ei ole ilmoittautunut"),
    "substitute_by_unregistered": says("sijaisen nimesi lähettäjä, jolla ei ole paikkaa"),
    "substitute_unusable": says("sijaisen sähköpostiosoite puuttuu tai ei kelpaa"),
    "substitute_is_sender": says("lähettäjä nimesi sijaiseksi itsensä"),
    "substitute_already": _already,
    "commit_not_registered":
        says("sitoutuminen jatkotyöskentelyyn lähettäjältä, joka ei ole ilmoittautunut"),
    "correction_not_registered": says("tietojen korjaus lähettäjältä, joka ei ole ilmoittautunut"),
    "correction_other_address":
        says("korjaus koskee toista osoitetta (osoitteen vaihtaa verkoston vetäjä)"),
    "correction_no_change": says("korjauksesta ei löytynyt ymmärrettävää muutosta"),
    "token_unknown": says("tuntematon tai vanhentunut vahvistuskoodi"),
    "token_wrong_address": says("vahvistuskoodi tuli väärästä osoitteesta"),
    "confirmed_unreadable": says("vahvistettua muutosta ei voitu lukea"),
    "not_understood": says("viestiä ei ymmärretty"),
    "robot": _robot,
    "form_without_address": says("verkkolomakkeen viesti ({address}), jossa "
                  "ei ole kenenkään osoitetta"),
    "language_nobody": says("pyyntö vaihtaa viestien kieltä "
                  "osoitteesta, jota ei ole rekisterissä"),
    "own_address": says("viesti mailflow'n omasta osoitteesta"),
    "calendar_neither": _calendar,
    "commitment_withdrawn": says("jatkotyöskentelyyn sitoutumisen peruminen tai muutos"),
    "question": says("kysymys verkoston vetäjälle"),
    "commitment_not_declared":
        says("viesti mainitsee sitoutumisen, mutta ei sitoudu (ehto tai kielto)"),
    "no_intent": says("viestistä ei tunnistettu pyyntöä"),
    "several_intents": _kinds,
    "rsvp_day_undetermined": says("vastaus kutsuun, mutta verkostopäivää ei voitu päätellä"),
    "signup_no_addresses":
        says("ilmoittautumisessa on henkilöitä, mutta ei yhdenkään sähköpostiosoitetta"),
    "substitute_without_address": says("sijaiselle ei ole annettu sähköpostiosoitetta"),
    "cancel_for_unnamed": says("peruutus koskee jotakuta muuta, jonka osoitetta viestissä ei ole"),
    "correction_nothing_found": says("korjauspyyntö, mutta korjattavaa tietoa ei löytynyt"),
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
    day_title="verkostopäivä",
    unsubscribe_subject="EI KIITOS",
)
