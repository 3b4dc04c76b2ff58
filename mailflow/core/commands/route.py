"""Where a facilitator's mail goes: ``decide_facilitator(parsed, state, now, rules)``.

Nothing a facilitator sends is a person's sign-up, RSVP or question, and her mail gets no
automatic answer but a command's result. In this order, a mail from her is:

a. a confirmation token she sends back: the command kept for it runs, once;
b. a calendar invitation or cancellation (iTIP REQUEST or CANCEL): a meeting;
c. her answer to a person (the network's address not in To, so in Cc or Bcc): the open
   attention items of the people she wrote to, or of the mail she answered, are handled;
d. a command (:mod:`mailflow.core.commands.parse`), run when our server vouched for her
   mail, else after a token round trip to her configured address;
e. anything else: the help text, with the reason.
"""

from __future__ import annotations

from datetime import datetime

from mailflow.core.commands import item_ref
from mailflow.core.commands.changes import CHANGES
from mailflow.core.commands.meeting_route import (
    apply_meeting,
    cancel_command,
    event_of_doc,
    hold_meeting,
)
from mailflow.core.commands.parse import Command, read_command
from mailflow.core.commands.reports import REPORTS, help_text
from mailflow.core.commands.session import CommandRules, Session, command_of_doc
from mailflow.core.model import normalise_address
from mailflow.core.rules.confirm import find_token
from mailflow.core.values import CalendarEvent, Decision, NetworkState, ParsedMessage

__all__ = ["decide_facilitator", "is_answer"]


def decide_facilitator(parsed: ParsedMessage, state: NetworkState, now: datetime,
                       rules: CommandRules) -> Decision:
    """What to record and answer for one mail from a configured facilitator."""
    session = Session(parsed, state, now, rules)
    token = find_token(f"{parsed.subject}\n{parsed.text}")
    if token is not None:
        _confirmed(session, token)
    elif parsed.event is not None and parsed.event.method in ("REQUEST", "CANCEL"):
        _meeting(session, parsed.event)
    elif is_answer(parsed, rules):
        _answered(session)
    else:
        command = read_command(parsed.subject, parsed.new_text or parsed.text)
        if command is None:
            session.refuse(None, "no_command")
        else:
            run(session, command)
    return session.finish()


def run(session: Session, command: Command) -> None:
    """Carry out ``command`` (or ask for its confirmation first)."""
    session.speak(command.language)
    if command.verb == "help":
        help_text(session, command)
        return
    handler = REPORTS.get(command.verb) or CHANGES.get(command.verb)
    if handler is None:  # a verb a pack names that this version cannot carry out
        session.refuse(command, "no_command")
        return
    handler(session, command)


def is_answer(parsed: ParsedMessage, rules: CommandRules) -> bool:
    """Her mail to someone else, the network's address only in Cc or Bcc."""
    network = normalise_address(rules.rules.network_address)
    return network not in (normalise_address(a) for a in parsed.to)


def _confirmed(session: Session, token: str) -> None:
    pending = session.state.pending.get(token)
    kept = pending.intent if pending is not None else {}
    command = command_of_doc(kept.get("command"))
    event = event_of_doc(kept.get("meeting")) if command is None else None
    if pending is None or (command is None and event is None) \
            or normalise_address(pending.address) != session.sender:
        session.refuse(None, "token_unknown")
    elif pending.done:
        session.refuse(command, "token_used")
    elif session.now >= pending.expires_at:
        session.refuse(command, "token_expired")
    else:
        session.work.put(pending.replace(done=True))
        session.confirmed, session.pending = True, pending
        if command is not None:
            run(session, command)
        elif event is not None:
            apply_meeting(session, event)


def _meeting(session: Session, event: CalendarEvent) -> None:
    """A meeting from her calendar: a REQUEST makes or moves a day, a CANCEL cancels it."""
    if event.method == "CANCEL":
        command = cancel_command(session, event)
        if command is None:
            session.refuse(None, "unknown_meeting")
        else:
            run(session, command)
    elif session.trusted:
        apply_meeting(session, event)
    else:
        hold_meeting(session, event)


def _answered(session: Session) -> None:
    """Her answer to a person: their open items, and the item of the mail answered, handled."""
    parsed, rules = session.parsed, session.rules
    ours = {normalise_address(rules.rules.network_address),
            *(normalise_address(a) for a in rules.facilitators)}
    people = {normalise_address(a) for a in (*parsed.to, *parsed.cc)} - ours
    answered = {r.strip().strip("<>") for r in (parsed.in_reply_to, *parsed.references)} - {""}
    items = [
        item for item in session.state.attention.values()
        if not item.handled and (normalise_address(item.sender) in people
                                 or item.message_key.strip("<>") in answered)
    ]
    for item in items:
        session.work.put(item.replace(handled=True))
    refs = tuple(item_ref(item.id) for item in sorted(items, key=lambda i: (i.at, i.id)))
    detail = (f"answer to {', '.join(sorted(people)) or 'nobody named'}: "
              f"{len(items)} item(s) handled {' '.join(refs)}".strip())
    session.log("answer", parsed.subject, "done", detail, "answered" if items else "",
                (*sorted({normalise_address(i.sender) for i in items}), *refs))
