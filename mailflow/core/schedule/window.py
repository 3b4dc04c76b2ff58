"""Whether anything happened in a window of time: the test that makes a digest due.

Kept apart from :mod:`~mailflow.core.schedule.digest` so that a tick can tell, cheaply and
without building the digest, that there is nothing new to report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from mailflow.core.model import OutgoingMail
from mailflow.core.values import NetworkState

__all__ = ["happened_between", "in_window"]


def in_window(moment: datetime | None, since: datetime | None, now: datetime) -> bool:
    """``moment`` in ``(since, now]`` (``since`` None: any time up to ``now``)."""
    return moment is not None and moment <= now and (since is None or moment > since)


def happened_between(state: NetworkState, failed_mails: Sequence[OutgoingMail],
                     since: datetime | None, now: datetime) -> bool:
    """Whether the digest has news for ``(since, now]``: people who signed up, RSVPs,
    open attention items, interest-list changes, commitments, failed sends (a failed
    mail counts when it was created or last retried in the window)."""
    return (
        any(in_window(p.registered_at, since, now) for p in state.people.values())
        or any(in_window(r.at, since, now) for r in state.rsvps.values())
        or any(in_window(a.at, since, now) for a in state.attention.values() if not a.handled)
        or any(in_window(s.at, since, now) for s in state.interest.values())
        or any(in_window(o.committed_at, since, now) for o in state.organisations.values())
        or any(in_window(m.created_at, since, now) or in_window(m.next_attempt_at, since, now)
               for m in failed_mails)
    )
