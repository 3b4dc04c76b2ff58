"""Dates, times, money and role names as a Finn or an English reader writes them (pure).

Finnish follows the Kielitoimisto conventions: ``ke 9.12.2026 klo 10.00–16.00``, a comma as
the decimal mark and a no-break space (U+00A0) between digit groups and before ``€``, so a
sum never wraps across lines in a mail client. (The narrow no-break space U+202F would be
typographically finer but is missing from some fonts that mail clients fall back to.)
English is British-style: ``Wed 9 Dec 2026, 10:00–16:00`` and ``€1,234.50``.
The names and formats are each language pack's (``Wording``); a language without a pack
is written in the default language, Finnish.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from mailflow.core.languages.registry import pack
from mailflow.core.languages.wording import Wording
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


def _says(lang: str) -> Wording:
    return pack(lang).says


def format_date(d: date, lang: str) -> str:
    """``ke 9.12.2026`` / ``Wed 9 Dec 2026``."""
    says = _says(lang)
    return says.date.format(weekday=says.weekdays[d.weekday()], day=d.day, month=d.month,
                            month_name=says.months[d.month - 1], year=d.year)


def format_time(t: time, lang: str) -> str:
    """``10.00`` / ``10:00`` (24-hour clock in both)."""
    return _says(lang).time.format(hour=t.hour, minute=t.minute)


def format_day(day: NetworkDay, lang: str) -> str:
    """``ke 9.12.2026 klo 10.00–16.00`` / ``Wed 9 Dec 2026, 10:00–16:00``."""
    span = f"{format_time(day.start, lang)}{_EN_DASH}{format_time(day.end, lang)}"
    return _says(lang).at_time.format(date=format_date(day.date, lang), time=span)


def format_datetime(moment: datetime, tz: tzinfo, lang: str) -> str:
    """An aware moment in ``tz``: ``ke 9.12.2026 klo 10.00`` / ``Wed 9 Dec 2026, 10:00``."""
    if moment.tzinfo is None:
        raise ValueError("format_datetime needs a timezone-aware datetime")
    local = moment.astimezone(tz)
    when = format_time(local.time(), lang)
    return _says(lang).at_time.format(date=format_date(local.date(), lang), time=when)


def format_money(amount: Decimal, lang: str) -> str:
    """``1 234,50 €`` (no-break spaces) / ``€1,234.50``; rounded half up to cents."""
    says = _says(lang)
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if cents < 0 else ""
    whole, fraction = f"{abs(cents):,.2f}".split(".")  # "1,234" and "50"
    grouped = whole.replace(",", says.group_separator) + says.decimal_mark + fraction
    return says.money.format(sign=sign, amount=grouped)


def role_label(role: Role | str, lang: str) -> str:
    """The role's name in the language; an unknown role reads as "not given"."""
    labels = _says(lang).roles
    return labels.get(role, labels["unknown"])
