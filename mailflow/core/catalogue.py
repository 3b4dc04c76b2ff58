"""The catalogue of mails mailflow sends: template name -> the context keys it needs.

The core (decide.py, schedule.py) builds ``MailRequest(template=NAME, context={...})``
with exactly these keys; ``render.py`` renders ``templates/<lang>/NAME.subject.txt``,
``NAME.txt`` and ``NAME.html`` with them, adding ``network`` (NetworkSettings) and
``now`` itself. Values are model records (``Person``, ``NetworkDay``, ``Organisation``)
or plain data, never template source.
"""

from __future__ import annotations

__all__ = ["CATALOGUE"]

CATALOGUE: dict[str, tuple[str, ...]] = {
    # answers to people (Auto-Submitted: auto-replied)
    "signup_confirmation": ("person", "organisation", "days"),  # echoes what was understood
    "waitlist_notice": ("person", "organisation", "position"),
    "place_offered": ("person", "organisation", "days"),  # a place freed: you are in
    "cancel_confirmation": ("person",),
    "substitute_confirmation": ("person", "substitute", "organisation"),  # to both people
    # a substitute named without an address: the sender is asked for it
    "substitute_address_request": ("person", "substitute_name"),
    "correction_confirmation": ("person", "organisation", "changes"),  # changes: list[str]
    "rsvp_confirmation": ("person", "day", "answer"),  # answer: "yes" | "no"
    "commit_confirmation": ("person", "organisation"),
    "interest_welcome": ("address",),
    "interest_goodbye": ("address",),
    "attention_ack": ("subject",),  # "the facilitator will answer you", once per thread
    "confirm_request": ("action", "token", "subject"),  # action: human wording of the change
    "data_export": ("address", "data_json"),  # the person's data as JSON text
    "forget_done": ("address",),
    "language_confirmation": ("person", "address"),  # in the language asked for
    # scheduled mail (Auto-Submitted: auto-generated)
    "day_invitation": ("person", "day"),  # with METHOD:REQUEST
    "day_reminder": ("person", "day", "days_before"),  # with METHOD:REQUEST
    "day_changed": ("person", "day", "changes"),  # with METHOD:REQUEST, SEQUENCE bumped
    "day_cancelled": ("person", "day"),  # with METHOD:CANCEL
    "announcement": ("address", "subject", "body"),  # interest list; List-Unsubscribe
    # to the facilitator
    "digest": ("digest",),  # digest: mailflow.core.schedule.digest.Digest
    "cost_summary": ("day", "shares", "total"),  # shares: list[costs.Share]; CSV attached
    # answers to a meeting from the facilitator's calendar (commands/meetings.py); notes:
    # what was assumed or unread, each {"code": ..., its parameters}
    "day_created": ("day", "zone", "subject", "notes"),  # with METHOD:REPLY (accepted)
    "day_updated": ("day", "zone", "subject", "notes", "previous", "changed", "announced"),
    "day_refused": ("reason", "event", "day", "subject"),  # day: the one left alone, or None
}
