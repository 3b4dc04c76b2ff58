"""Wording: what mailflow says in one language outside the templates.

Plain data and small functions; nothing is compiled at import. A language's wording lives
in ``mailflow/core/languages/<code>/wording.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["ReasonWords", "Wording"]

#: Words one reason from its parameters (see :data:`mailflow.core.model.ReasonCode`).
ReasonWords = Callable[[Mapping[str, str]], str]


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
    ``group_separator``.
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
