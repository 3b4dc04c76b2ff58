"""Dates, times, money and role names as a Finn or an English reader writes them (pure).

Finnish follows the Kielitoimisto conventions: ``ke 9.12.2026 klo 10.00–16.00``, a comma as
the decimal mark and a no-break space (U+00A0) between digit groups and before ``€``, so a
sum never wraps across lines in a mail client. (The narrow no-break space U+202F would be
typographically finer but is missing from some fonts that mail clients fall back to.)
English is British-style: ``Wed 9 Dec 2026, 10:00–16:00`` and ``€1,234.50``.
Any language other than "en" is written in Finnish, the network's default.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from mailflow.core.model import NetworkDay, Role

__all__ = [
    "NBSP",
    "format_date",
    "format_datetime",
    "format_day",
    "format_money",
    "format_time",
    "role_label",
]

NBSP = "\u00a0"
_EN_DASH = "\u2013"
_FI_WEEKDAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ROLES: dict[str, dict[str, str]] = {
    "fi": {
        "management": "johto",
        "supervisor": "oppisopimustoiminnan esihenkilö",
        "staff": "henkilöstö",
        "guest": "vieras",
        "unknown": "ei tiedossa",
    },
    "en": {
        "management": "management",
        "supervisor": "apprenticeship supervisor",
        "staff": "staff",
        "guest": "guest",
        "unknown": "not given",
    },
}


def _en(lang: str) -> bool:
    return lang == "en"


def format_date(d: date, lang: str) -> str:
    """``ke 9.12.2026`` / ``Wed 9 Dec 2026``."""
    if _en(lang):
        return f"{_EN_WEEKDAYS[d.weekday()]} {d.day} {_EN_MONTHS[d.month - 1]} {d.year}"
    return f"{_FI_WEEKDAYS[d.weekday()]} {d.day}.{d.month}.{d.year}"


def format_time(t: time, lang: str) -> str:
    """``10.00`` / ``10:00`` (24-hour clock in both)."""
    return f"{t.hour:02d}:{t.minute:02d}" if _en(lang) else f"{t.hour}.{t.minute:02d}"


def format_day(day: NetworkDay, lang: str) -> str:
    """``ke 9.12.2026 klo 10.00–16.00`` / ``Wed 9 Dec 2026, 10:00–16:00``."""
    span = f"{format_time(day.start, lang)}{_EN_DASH}{format_time(day.end, lang)}"
    if _en(lang):
        return f"{format_date(day.date, lang)}, {span}"
    return f"{format_date(day.date, lang)} klo {span}"


def format_datetime(moment: datetime, tz: tzinfo, lang: str) -> str:
    """An aware moment in ``tz``: ``ke 9.12.2026 klo 10.00`` / ``Wed 9 Dec 2026, 10:00``."""
    if moment.tzinfo is None:
        raise ValueError("format_datetime needs a timezone-aware datetime")
    local = moment.astimezone(tz)
    when = format_time(local.time(), lang)
    if _en(lang):
        return f"{format_date(local.date(), lang)}, {when}"
    return f"{format_date(local.date(), lang)} klo {when}"


def format_money(amount: Decimal, lang: str) -> str:
    """``1 234,50 €`` (no-break spaces) / ``€1,234.50``; rounded half up to cents."""
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if cents < 0 else ""
    grouped = f"{abs(cents):,.2f}"  # "1,234.50"
    if _en(lang):
        return f"{sign}€{grouped}"
    whole, fraction = grouped.split(".")
    return f"{sign}{whole.replace(',', NBSP)},{fraction}{NBSP}€"


def role_label(role: Role | str, lang: str) -> str:
    """The role's name in the language; an unknown role reads as "not given"."""
    labels = _ROLES["en" if _en(lang) else "fi"]
    return labels.get(role, labels["unknown"])
