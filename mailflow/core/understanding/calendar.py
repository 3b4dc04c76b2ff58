"""Calendar answers: an iTIP REPLY to a network day's invitation, mailflow's own or one
the facilitator sent from her calendar, is an RSVP for that day."""

from __future__ import annotations

import re
from dataclasses import replace

from mailflow.core.reason import Reason
from mailflow.core.values import CalendarReply, Intent, NetworkState, ParsedMessage

__all__ = ["calendar_intent"]


def calendar_intent(
    msg: ParsedMessage, state: NetworkState, network_domain: str, base: Intent
) -> Intent | None:
    """The RSVP an iTIP REPLY gives (its PARTSTAT for the day it answers), attention when
    it is neither yes nor no; None when the mail carries no reply to a known day."""
    cal = msg.calendar
    if cal is None or cal.method.upper() != "REPLY":
        return None
    day = _calendar_day(cal, state, network_domain)
    if day is None:
        return None
    partstat = cal.partstat.upper()
    if partstat == "ACCEPTED":
        return replace(base, kind="rsvp_yes", day=day, notes=("calendar reply",))
    if partstat == "DECLINED":
        return replace(base, kind="rsvp_no", day=day, notes=("calendar reply",))
    return replace(base, day=day, reason=Reason.of("calendar_neither", partstat=partstat,
                                                   day=day))


def _calendar_day(cal: CalendarReply, state: NetworkState, network_domain: str) -> str | None:
    """The network day a calendar reply answers: by mailflow's UID, or else (an invitation
    the facilitator sent from her own calendar) the one coming day on the event's date."""
    match = re.fullmatch(rf"day-(.+)@{re.escape(network_domain.lower())}", cal.uid.strip().lower())
    if match and match.group(1) in state.days:
        return match.group(1)
    on_that_date = [d.id for d in state.days.values()
                    if cal.starts_on is not None and d.date == cal.starts_on and not d.cancelled]
    return on_that_date[0] if len(on_that_date) == 1 else None
