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
from mailflow.core.commands.parse import Command, read_command
from mailflow.core.commands.reports import REPORTS, help_text
from mailflow.core.commands.session import CommandRules, Session, command_of_doc
from mailflow.core.model import AttentionItem, Reason, normalise_address
from mailflow.core.rules.confirm import find_token
from mailflow.core.values import Decision, NetworkState, ParsedMessage

__all__ = ["decide_facilitator", "is_answer"]


def decide_facilitator(parsed: ParsedMessage, state: NetworkState, now: datetime,
                       rules: CommandRules) -> Decision:
    """What to record and answer for one mail from a configured facilitator."""
    session = Session(parsed, state, now, rules)
    token = find_token(f"{parsed.subject}\n{parsed.text}")
    if token is not None:
        _confirmed(session, token)
    elif parsed.calendar is not None and parsed.calendar.method in ("REQUEST", "CANCEL"):
        # MEETINGS: the lead wires the meetings part here at merge: REQUEST ->
        # commands.meetings.decide_meeting(event, parsed, state, now, rules); CANCEL ->
        # commands.meetings.day_of_event(event, state), then the cancel_day command (with
        # its confirmation). Until then the meeting waits for her on the attention list.
        _meeting_unread(session)
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
    command = command_of_doc(pending.intent.get("command")) if pending else None
    if pending is None or command is None or normalise_address(pending.address) != session.sender:
        session.refuse(None, "token_unknown")
    elif pending.done:
        session.refuse(command, "token_used")
    elif session.now >= pending.expires_at:
        session.refuse(command, "token_expired")
    else:
        session.work.put(pending.replace(done=True))
        session.confirmed, session.pending = True, pending
        run(session, command)


def _meeting_unread(session: Session) -> None:
    parsed = session.parsed
    method = parsed.calendar.method if parsed.calendar else ""
    session.work.put(AttentionItem(
        id=f"att:{parsed.key}", message_key=parsed.key, sender=session.sender,
        subject=parsed.subject, reasons=(Reason.of("meeting_unread", kind=method),),
        excerpt="", at=session.now,
    ))
    session.log("", parsed.subject, "refused", f"a calendar {method} waits for the facilitator")


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
