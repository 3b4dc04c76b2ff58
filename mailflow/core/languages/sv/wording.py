"""What mailflow says in Swedish outside the templates.

Dates as Finland-Swedish writes them (``ons 9.12.2026 kl. 10.00``), as in Finnish with
the day before the month; money ``1 234,50 €`` with no-break spaces (U+00A0) between
digit groups and before ``€``, so a sum never wraps across lines in a mail client.
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

#: Intent kinds as "flera ärenden: anmälan och avbokning" names them.
INTENT_KINDS = {
    "signup": "anmälan",
    "interest_join": "anslutning till e-postlistan",
    "interest_leave": "avslutad prenumeration på e-postlistan",
    "rsvp_yes": "deltagande",
    "rsvp_no": "förhinder",
    "cancel": "avbokning",
    "substitute": "ersättare",
    "commit": "förbindelse till det fortsatta arbetet",
    "correction": "rättelse av uppgifter",
    "export_request": "begäran om egna uppgifter",
    "forget_request": "begäran om radering av uppgifter",
    "language_change": "byte av språk",
    "confirm": "bekräftelse",
    "attention": "meddelande till koordinatorn",
}
ROBOT_KINDS = {
    "autoreply": "automatiskt svar",
    "bounce": "returmeddelande",
    "loop": "e-postslinga",
}
_PARTSTATS = {
    "TENTATIVE": "preliminärt",
    "NEEDS-ACTION": "obesvarat",
    "DELEGATED": "delegerat",
    "without PARTSTAT": "svarets status saknas",
}
_RSVP_BY_STATUS = {
    "waitlisted": "svar på inbjudan från en person som står på reservplats och inte fått plats",
    "cancelled": "svar på inbjudan från en person som har återkallat sin anmälan",
}
#: "ersättaren {address} är redan {status}"
_ALREADY = {
    "registered": "anmäld",
    "invited": "inbjuden",
    "waitlisted": "på reservplats",
    "cancelled": "avanmäld",
}


def _rsvp_status(p: Mapping[str, str]) -> str:
    status = p["status"]
    return _RSVP_BY_STATUS.get(status) or (
        f"svar på inbjudan från en person utan plats (status: {_ALREADY.get(status, status)})")


def _already(p: Mapping[str, str]) -> str:
    status = p["status"]
    said = _ALREADY.get(status, f"i status {status}")
    return f"den namngivna ersättaren {p['address']} är redan {said}"


def _calendar(p: Mapping[str, str]) -> str:
    partstat = p.get("partstat") or "without PARTSTAT"
    said = _PARTSTATS.get(partstat)
    detail = f"{said}, {partstat}" if said and partstat.isupper() else said or partstat
    return (f"kalendersvaret på inbjudan till nätverksdagen {day_dotted(p['day'])} är varken ja "
            f"eller nej ({detail})")


def _oversize(p: Mapping[str, str]) -> str:
    return (f"meddelandets storlek {grouped_count(p['size'], 'byte', 'byte')} överskrider "
            f"maxstorleken {grouped_count(p['cap'], 'byte', 'byte')}, så det lästes inte")


def _kinds(p: Mapping[str, str]) -> str:
    words = [INTENT_KINDS.get(k, k) for k in p["kinds"].split()]
    listed = ", ".join(words[:-1]) + " och " + words[-1] if len(words) > 1 else words[0]
    return f"flera ärenden: {listed}"


def _robot(p: Mapping[str, str]) -> str:
    robot = ROBOT_KINDS.get(p["robot"], p["robot"])
    return f"ett maskinellt meddelande ({robot}) hamnade bland ärendena"


REASONS: dict[str, Callable[[Mapping[str, str]], str]] = {
    "unknown_kind": lambda p: f"okänd typ av ärende {p['kind']!r}",
    "sender_unusable": says("avsändarens adress är ingen användbar e-postadress"),
    "signup_no_address": who("anmälan utan e-postadress"),
    "signup_bad_address": who("anmälan med en oanvändbar e-postadress"),
    "signup_no_org": who("anmälan utan organisation"),
    "signup_past_day":
        lambda p: f"anmälan till en nätverksdag som redan har hållits ({day_dotted(p['day'])})",
    "signup_cancelled_day":
        lambda p: f"anmälan till en inställd nätverksdag ({day_dotted(p['day'])})",
    "rsvp_no_day": says("svaret på inbjudan nämner ingen nätverksdag"),
    "rsvp_unknown_day":
        lambda p: f"svaret på inbjudan gäller en okänd nätverksdag ({day_dotted(p['day'])})",
    "rsvp_cancelled_day":
        lambda p: f"svaret på inbjudan gäller en inställd nätverksdag ({day_dotted(p['day'])})",
    "rsvp_not_registered": says("svar på inbjudan från en avsändare som inte är anmäld"),
    "rsvp_status": _rsvp_status,
    "cancel_not_registered": says("avbokning från en avsändare som inte är anmäld"),
    "substitute_by_unregistered": says("ersättare namngiven av en avsändare utan plats"),
    "substitute_unusable": says("ersättarens e-postadress saknas eller duger inte"),
    "substitute_is_sender": says("avsändaren namngav sig själv som ersättare"),
    "substitute_already": _already,
    "commit_not_registered":
        says("förbindelse till det fortsatta arbetet från en avsändare som inte är anmäld"),
    "correction_not_registered": says("rättelse från en avsändare som inte är anmäld"),
    "correction_other_address":
        says("rättelsen gäller en annan adress (adressen ändras av nätverkets koordinator)"),
    "correction_no_change": says("ingen begriplig ändring hittades i rättelsen"),
    "token_unknown": says("okänd eller föråldrad bekräftelsekod"),
    "token_wrong_address": says("bekräftelsekoden kom från fel adress"),
    "confirmed_unreadable": says("den bekräftade ändringen kunde inte läsas"),
    "not_understood": says("meddelandet förstods inte"),
    "robot": _robot,
    "form_without_address": says("ett meddelande från ett "
                  "webbformulär ({address}) utan någons adress"),
    "language_nobody": says("en begäran om ett annat språk från "
                  "en adress som inte finns i registret"),
    "own_address": says("meddelande från mailflows egen adress"),
    "calendar_neither": _calendar,
    "commitment_withdrawn":
        says("förbindelsen till det fortsatta arbetet återkallas eller ändras"),
    "question": says("en fråga till nätverkets koordinator"),
    "commitment_not_declared":
        says("meddelandet nämner förbindelsen men förbinder sig inte (villkor eller nekande)"),
    "no_intent": says("inget ärende kändes igen i meddelandet"),
    "several_intents": _kinds,
    "rsvp_day_undetermined": says("svar på inbjudan, men nätverksdagen kunde inte avgöras"),
    "signup_no_addresses":
        says("anmälan nämner personer men ingen e-postadress för någon av dem"),
    "substitute_without_address": says("ersättaren namngavs utan e-postadress"),
    "cancel_for_unnamed": says("avbokningen gäller någon annan, vars adress inte finns i "
                               "meddelandet"),
    "correction_nothing_found": says("en rättelse, men inga uppgifter att rätta hittades"),
    "oversize": _oversize,
    "mail_expired": lambda p: (f"meddelandet ”{p['subject']}” till {p['to']} kunde inte "
                               f"skickas på {p['days']} dagar och gavs upp (senaste fel: "
                               f"{p['error']}); skicka det på annat sätt"),
    "legacy": lambda p: p["text"],
}

WORDING = Wording(
    reasons=REASONS,
    reason_separator="; ",
    intent_kinds=INTENT_KINDS,
    robot_kinds=ROBOT_KINDS,
    roles={
        "management": "ledning",
        "supervisor": "förman för läroavtal",
        "staff": "personal",
        "guest": "gäst",
        "unknown": "inte angiven",
    },
    change_fields={"name": "namn", "role": "roll", "diet": "specialdiet",
                   "organisation": "organisation", "days": "dagar", "status": "status"},
    actions={
        "cancel": "återkalla din anmälan till nätverket",
        "commit": "förbinda organisationen {detail} till nätverkets fortsatta arbete",
        "substitute": "ge din plats till en ersättare: {detail}",
        "correction": "rätta dina uppgifter: {detail}",
        "forget_request": "radera alla uppgifter som sparats om dig",
    },
    weekdays=("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    months=("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december"),
    date="{weekday} {day}.{month}.{year}",
    time="{hour}.{minute:02d}",
    at_time="{date} kl. {time}",
    money="{sign}{amount}" + _NBSP + "€",
    decimal_mark=",",
    group_separator=_NBSP,
    day_title="nätverksdag",
    unsubscribe_subject="NEJ TACK",
)
