"""An announcement to the interest list and a guest invited to a day: the part that the
``announce`` and ``invite`` commands by mail and the CLI's share (pure)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime

from mailflow.core.model import InterestSubscription, NetworkDay, Person
from mailflow.core.values import MailRequest

__all__ = ["announcement_requests", "invited", "subscribers"]


def subscribers(interest: Iterable[InterestSubscription]) -> list[tuple[str, str]]:
    """(address, language) of everyone on the interest list, sorted by address."""
    return sorted((s.address, s.language) for s in interest if s.subscribed)


def announcement_requests(subject: str, body: str, addresses: Iterable[tuple[str, str]],
                          language: str) -> list[MailRequest]:
    """One ``announcement`` per (address, its language), keyed by the text: the same
    announcement is never sent to anyone twice (queue them with the outbox's throttle).
    The frame, greeting and List-Unsubscribe are in each subscriber's language
    (``language`` where none is known); the text is as the facilitator wrote it."""
    digest = hashlib.sha256((subject + "\n" + body).encode()).hexdigest()[:16]
    return [
        MailRequest(
            key=f"announce:{digest}:{address}", to=address, template="announcement",
            language=own or language,
            context={"address": address, "subject": subject, "body": body},
            auto="auto-generated", list_mail=True,
        )
        for address, own in addresses
    ]


def invited(existing: Person | None, address: str, day: NetworkDay, *, language: str,
            now: datetime, name: str = "") -> Person:
    """The person invited to ``day``: one already coming keeps their place and gains the
    day; anyone else comes as a guest (outside the organisations' places and cost shares),
    whose invitation with its calendar part goes out with the next pass."""
    if existing is not None and existing.status in ("registered", "invited"):
        # Already coming: add the day, unless they are signed up for all days ("").
        days = existing.days and tuple(sorted({*existing.days, day.id}))
        return existing.replace(days=days)
    return Person(
        address=address, name=name or (existing.name if existing else ""),
        org=existing.org if existing else "", role="guest",
        status="invited", language=language, registered_at=now, days=(day.id,),
    )
