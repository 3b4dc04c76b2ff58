"""Which network day a mail is about: dates in its text, mailflow's Message-IDs it
answers, ``[day-ID]`` tags in its subject.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from mailflow.core.languages.lexicon import known
from mailflow.core.languages.screen import fold
from mailflow.core.understanding.text import Reading
from mailflow.core.values import NetworkState, ParsedMessage

__all__ = [
    "DAY_TAG", "answers_day", "coming_days", "day_from_references", "day_reply",
    "month_only_days", "named_days", "relative_days", "rsvp_day",
]

DAY_TAG = re.compile(r"\[day-(\d{4}-\d{2}-\d{2})\]", re.I)
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?(?![\d])")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def day_from_references(refs: tuple[str, ...] | list[str], network_domain: str) -> str:
    """The network-day id named by mailflow's own Message-IDs among ``refs``, or "".

    mailflow makes the Message-IDs of mail about one day as
    ``<{hash}.day-{day_id}@{network_domain}>``; a reference matches when it contains
    ``.day-<ID>.`` or ends ``day-<ID>@<network_domain>>``. The last such reference (the
    nearest ancestor, as References lists oldest first) wins.
    """
    domain = re.escape(network_domain.strip().lower())
    pattern = re.compile(rf"\.day-([0-9a-z][0-9a-z_-]*?)(?:\.|@{domain}>?$)")
    found = ""
    for ref in refs:
        for part in ref.split():
            match = pattern.search(part.strip().lower())
            if match:
                found = match.group(1)
    return found


def day_reply(msg: ParsedMessage, state: NetworkState, network_domain: str) -> str:
    """The day a reply answers: by mailflow's Message-IDs, or a ``[day-ID]`` subject tag."""
    day = day_from_references((msg.in_reply_to, *msg.references), network_domain)
    if day in state.days:
        return day
    tag = DAY_TAG.search(msg.subject)
    return tag.group(1) if tag and tag.group(1) in state.days else ""


def answers_day(msg: ParsedMessage, state: NetworkState, network_domain: str) -> str:
    """The day a reply answers: :func:`day_reply`, or else, for a reply to a mail from the
    network's domain whose subject names exactly one network day, that day (an invitation
    or reminder sent from another tool, with Message-IDs that are not mailflow's)."""
    replied = day_reply(msg, state, network_domain)
    domain = f"@{network_domain.strip().lower()}"
    from_network = any(domain in ref.lower() for ref in (msg.in_reply_to, *msg.references))
    if replied or not (from_network and known().reply_subject.match(msg.subject)):
        return replied
    named = named_days(fold(msg.subject), state)
    return named[0] if len(named) == 1 else ""


def rsvp_day(
    msg: ParsedMessage, reading: Reading, state: NetworkState, network_domain: str
) -> str:
    """The day an RSVP is about: named in the text, replied to, tagged, or the only one."""
    named = named_days(reading.folded_text, state)
    if len(named) == 1:
        return named[0]
    replied = day_reply(msg, state, network_domain)
    if replied:
        return replied
    in_subject = named_days(fold(msg.subject), state)
    if len(in_subject) == 1:
        return in_subject[0]
    relative = relative_days(reading.folded_text, msg.date.date() if msg.date else None, state)
    if len(relative) == 1:
        return relative[0]
    if msg.in_reply_to or known().reply_subject.match(msg.subject):
        answered = named_days(fold(msg.text), state)  # the history tells what is answered
        if len(answered) == 1:
            return answered[0]
    return ""


def relative_days(folded: str, sent_on: date | None, state: NetworkState) -> list[str]:
    """Ids of the network days named relative to the mail's date ``sent_on``: "huomenna",
    "imorgon", "tomorrow" (that date), "ensi viikolla", "nästa vecka", "next week" (a
    day in the week after the mail's week)."""
    if sent_on is None:
        return []
    lexicon = known()
    dates = {sent_on + timedelta(days=n) for rule, n in lexicon.relative_days
             if rule.search(folded)}
    week = None
    if lexicon.next_week.search(folded):
        week = (sent_on + timedelta(days=7)).isocalendar()[:2]
    return sorted(
        d.id for d in state.days.values()
        if not d.cancelled and (d.date in dates or d.date.isocalendar()[:2] == week)
    )


def coming_days(state: NetworkState, today: date | None) -> list[str]:
    """Ids of the days not cancelled and not past ``today`` (all of them without a date)."""
    return sorted(
        d.id for d in state.days.values()
        if not d.cancelled and (today is None or d.date >= today)
    )


def named_days(folded: str, state: NetworkState) -> list[str]:
    """Ids of the network days whose date the text names, in date order."""
    lexicon = known()
    wanted: set[tuple[int, int, int | None]] = set()
    for d, m, y in _DOTTED_DATE.findall(folded):
        year = int(y) + (2000 if len(y) == 2 else 0) if y else None
        wanted.add((int(d), int(m), year))
    for y, m, d in _ISO_DATE.findall(folded):
        wanted.add((int(d), int(m), int(y)))
    for d, month in lexicon.day_month.findall(folded):
        wanted.add((int(d), lexicon.months[month], None))
    for month, d in lexicon.month_day.findall(folded):
        wanted.add((int(d), lexicon.months[month], None))
    for tag in DAY_TAG.findall(folded):
        y, m, d = tag.split("-")
        wanted.add((int(d), int(m), int(y)))
    days = []
    for day in state.days.values():
        for d, m, y in wanted:
            if day.date.day == d and day.date.month == m and y in (None, day.date.year):
                days.append((day.date, day.id))
                break
    return [day_id for _, day_id in sorted(days)]


def month_only_days(folded: str, state: NetworkState) -> list[str]:
    """Ids of the days not cancelled in the months ``folded`` names by a month word alone
    ("joulukuun päivään", "the February day"), in date order. Month words of under four
    letters are left out ("may" is a verb more often than a month)."""
    lexicon = known()
    words = _month_word(tuple(lexicon.months)).findall(folded)
    months = {lexicon.months[word] for word in words}
    return [d.id for d in sorted(state.days.values(), key=lambda d: d.date)
            if not d.cancelled and d.date.month in months]


@lru_cache(maxsize=8)
def _month_word(months: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(sorted((m for m in months if len(m) >= 4), key=len, reverse=True))
    return re.compile(rf"\b({words})\w*") if words else re.compile(r"(?!)")
