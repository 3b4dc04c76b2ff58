"""Wording: what mailflow says in one language outside the templates.

Plain data and small functions; nothing is compiled at import. A language's wording lives
in ``mailflow/core/languages/<code>/wording.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["ReasonWords", "Wording", "day_dotted", "grouped_count", "says", "who"]

#: Words one reason from its parameters (see :data:`mailflow.core.model.ReasonCode`).
ReasonWords = Callable[[Mapping[str, str]], str]


_NBSP = "\u00a0"


def says(text: str) -> ReasonWords:
    """A reason worded by ``text`` with its parameters filled in (``{day}``)."""
    return lambda p: text.format_map(p)


def who(prefix: str) -> ReasonWords:
    """``prefix: who``; nobody named leaves the name out."""
    return lambda p: prefix if not p.get("who") else f"{prefix}: {p['who']}"


def day_dotted(day_id: str) -> str:
    """A day id that is an ISO date as Finland writes dates (9.12.2026); others as they are."""
    parts = day_id.split("-")
    if [len(p) for p in parts] != [4, 2, 2] or not all(p.isdecimal() for p in parts):
        return day_id
    year, month, day = parts
    return f"{int(day)}.{int(month)}.{year}"


def grouped_count(digits: str, one: str, many: str) -> str:
    """``12 345 tavua``: no-break spaces between digit groups and before the unit."""
    grouped = f"{int(digits):,}".replace(",", _NBSP)
    return f"{grouped}{_NBSP}{one if int(digits) == 1 else many}"


@dataclass(frozen=True)
class Wording:
    """What mailflow says in one language outside the templates.

    reasons: for each reason code, its wording from the reason's parameters;
    reason_separator: between the reasons of one message;
    intent_kinds, robot_kinds: the names of kinds (``signup``, ``bounce``) in this language;
    roles: role names as mail, lists and the digest give them (``role`` filter);
    change_fields: how a change of one's details is listed in a confirmation
    ("rooli: johto → henkilöstö"); actions: what a confirmation request asks to confirm,
    by intent kind, ``{detail}`` filled in;
    weekdays (Monday first), months (January first): short names for dates;
    date, time, at_time: format strings for ``format_date``, ``format_time`` and a date with
    a time or a span (fields ``weekday day month month_name year``, ``hour minute``,
    ``date time``); money: ``sign amount``, with the amount's ``decimal_mark`` and
    ``group_separator``;
    day_title: a network day's calendar title when the day has none ("verkostopäivä");
    unsubscribe_subject: the subject of List-Unsubscribe's mailto, the words that leave the
    interest list in this language ("EI KIITOS").
    """

    reasons: Mapping[str, ReasonWords]
    reason_separator: str
    intent_kinds: Mapping[str, str]
    robot_kinds: Mapping[str, str]
    roles: Mapping[str, str]
    change_fields: Mapping[str, str]
    actions: Mapping[str, str]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    date: str
    time: str
    at_time: str
    money: str
    decimal_mark: str
    group_separator: str
    day_title: str = ""
    unsubscribe_subject: str = ""
