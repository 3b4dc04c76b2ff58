"""What a meeting's description says about a network day: its costs, who pays, and
whether it is a follow-up day, in any registered language (pure).

The words are each pack's (``Knowledge.meeting_costs``, ``meeting_sponsor``,
``follow_up_words``); the numbers are read the same in every language, as people write
euros: ``1 200 €`` (space or no-break space between thousands), ``450,50 €``,
``€1,200``, ``€450.50``, ``1.200,50``. A separator followed by one or two digits at the
amount's end is the decimal mark; any other separates thousands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from mailflow.core.languages.lexicon import known
from mailflow.core.languages.screen import fold
from mailflow.core.model import CostItem

__all__ = ["MeetingTerms", "read_terms"]

_AMOUNT = re.compile(
    r"(?<![\w.,])(?:€\s*)?(?P<whole>\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+)"
    r"(?:[.,](?P<cents>\d{1,2}))?(?![\d])\s*(?:€|eur(?:oa|os|o)?\b|e\b)?",
    re.IGNORECASE,
)
#: between two costs: ";" or a comma that no digit follows (in "450,50" it is a decimal mark)
_ITEM_SEPARATOR = re.compile(r";|,(?!\d)|\n")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_LABEL_TRIM = " \t-–—:=€·•*"
_MAX_SPONSOR = 100
_MAX_LABEL = 80
_MAX_LISTED = 30  # lines under a label read as its list (hostile text cannot cost more)


@dataclass(frozen=True)
class MeetingTerms:
    """What the description said: ``cost_items``; ``sponsor`` ("" when nobody was named);
    ``follow_up``; ``unread``: cost lines without an amount, as written."""

    cost_items: tuple[CostItem, ...] = ()
    sponsor: str = ""
    follow_up: bool = False
    unread: tuple[str, ...] = ()


def _union(alternatives: tuple[str, ...]) -> str:
    return "|".join(f"(?:{a})" for a in alternatives) or "(?!)"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


def _line_label(field: str) -> re.Pattern[str]:
    """``Label:`` at a line's start, for the labels of every registered pack (folded)."""
    words = _union(known().alternatives(field))
    return _compiled(r"^[ \t>*•-]*(?:" + words + r")[ \t]*:[ \t]*")


def _follow_up() -> re.Pattern[str]:
    return _compiled(_union(known().alternatives("follow_up_words")))


def _labelled(text: str, field: str) -> list[str]:
    """The text after each ``Label:`` of ``field``, with the bulleted lines under a label
    that has nothing after it on its own line."""
    found = []
    for match in _line_label(field).finditer(fold(text)):
        line_end = text.find("\n", match.end())
        rest = text[match.end(): len(text) if line_end < 0 else line_end].strip()
        if rest or line_end < 0:
            found.append(rest)
            continue
        below = []
        for line in text[line_end + 1:].split("\n", _MAX_LISTED)[:_MAX_LISTED]:
            if not line.strip():
                break
            below.append(_BULLET.sub("", line).strip())
        found.append("\n".join(below))
    return found


def _amount(match: re.Match[str]) -> Decimal | None:
    whole = re.sub(r"[ \u00a0\u202f.,]", "", match["whole"])
    try:
        return Decimal(f"{whole}.{match['cents'] or '0'}").quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


def _cost(item: str, fallback_label: str) -> CostItem | str:
    """One cost, or the item as written when it has no amount."""
    match = _AMOUNT.search(item)
    amount = _amount(match) if match else None
    if match is None or amount is None:
        return item.strip(_LABEL_TRIM)
    label = (item[: match.start()] + " " + item[match.end():]).strip(_LABEL_TRIM)
    label = " ".join(label.split())[:_MAX_LABEL]
    return CostItem(label=label or fallback_label, amount=amount)


def _costs(description: str) -> tuple[list[CostItem], list[str]]:
    items: list[CostItem] = []
    unread: list[str] = []
    for listed in _labelled(description, "meeting_costs"):
        for part in _ITEM_SEPARATOR.split(listed):
            if not part.strip(_LABEL_TRIM):
                continue
            cost = _cost(part, fallback_label="—")
            if isinstance(cost, CostItem):
                items.append(cost)
            else:
                unread.append(" ".join(cost.split())[:_MAX_LABEL])
    return items, unread


def _sponsor(description: str) -> str:
    for named in _labelled(description, "meeting_sponsor"):
        first_line = named.split("\n", 1)[0]
        sponsor = " ".join(first_line.split()).rstrip(".")[:_MAX_SPONSOR]
        if sponsor:
            return sponsor
    return ""


def read_terms(summary: str, description: str) -> MeetingTerms:
    """The costs, sponsor and follow-up of a meeting from its title and description."""
    text = description.replace("\r\n", "\n")
    items, unread = _costs(text)
    return MeetingTerms(
        cost_items=tuple(items),
        sponsor=_sponsor(text),
        follow_up=bool(_follow_up().search(fold(f"{summary}\n{text}"))),
        unread=tuple(unread),
    )
