"""The commands that change the network: an announcement, a guest invited, attention items
handled, a place offered, a bounced address tried again, a person forgotten, a day
cancelled. Each checks its arguments first (a mistake gets the help text and why), then
waits for her confirmation when it must (:meth:`Session.hold`), then changes the state
with the rules' own steps and answers her with ``command_done``."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from mailflow.core.commands import item_ref
from mailflow.core.commands.outreach import announcement_requests, invited, subscribers
from mailflow.core.commands.parse import Command, arguments
from mailflow.core.commands.reports import coming_to
from mailflow.core.commands.session import Session, command_to_doc, day_named
from mailflow.core.model import Person
from mailflow.core.rules.places import days_for, fill_places

__all__ = ["CHANGES"]


def _done(session: Session, command: Command, result: dict[str, Any], detail: str,
          change: str, targets: tuple[str, ...], line: str = "") -> None:
    session.reply("command_done", {"verb": command.verb, "result": result}, line or command.line)
    session.log(command.verb, line or command.line, "done", detail, change, targets)


def _announcement(command: Command) -> tuple[str, str]:
    """The announcement's subject (after the command word, else the body's first line)
    and its text."""
    subject = command.args.strip(" :-–")
    body = command.body.strip()
    if not subject and body:
        first, _, rest = body.partition("\n")
        subject, body = first.strip(), rest.strip()
    return subject, body


def _announce(session: Session, command: Command) -> None:
    subject, body = _announcement(command)
    addresses = subscribers(session.state.interest.values())
    if not subject or not body:
        session.refuse(command, "empty_announcement")
    elif not addresses:
        session.refuse(command, "no_subscribers")
    elif not session.hold(command, {"subject": subject, "body": body, "count": len(addresses)}):
        for request in announcement_requests(subject, body, addresses, session.rules.language):
            session.work.mails[request.key] = request
        _done(session, command, {"subject": subject, "count": len(addresses)},
              f"announcement {subject!r} to {len(addresses)} subscriber(s)", "announced",
              (subject, str(len(addresses))))


def _one_address(session: Session, command: Command) -> str | None:
    found = arguments(command.args).addresses
    if not found:
        session.refuse(command, "missing_address")
        return None
    return found[0]


def _invite(session: Session, command: Command) -> None:
    address = _one_address(session, command)
    if address is None:
        return
    day = day_named(session.state, command.args.replace(address, " "), session.now.date())
    if day is None or day.cancelled or day.date < session.now.date():
        session.refuse(command, "unknown_day", day=command.args.replace(address, "").strip())
        return
    if session.hold(command, {"address": address, "day": day}):
        return
    person = invited(session.state.people.get(address), address, day,
                     language=session.rules.language, now=session.now)
    session.work.put(person)
    _done(session, command, {"address": address, "day": day, "guest": person.role == "guest"},
          f"{address} invited to {day.id}", "invited", (address, day.id))


def _handled(session: Session, command: Command) -> None:
    refs = arguments(command.args).refs
    open_items = {item_ref(i.id): i for i in session.state.attention.values() if not i.handled}
    found = [r for r in refs if r in open_items]
    unknown = [r for r in refs if r not in open_items]
    if not found:
        session.refuse(command, "unknown_refs", refs=" ".join(refs))
        return
    if session.hold(command, {"refs": found}):
        return
    for ref in found:
        session.work.put(open_items[ref].replace(handled=True))
    _done(session, command, {"refs": found, "unknown": unknown},
          f"{len(found)} item(s) handled: {' '.join(found)}", "handled", tuple(found))


def _person(session: Session, command: Command) -> Person | None:
    address = _one_address(session, command)
    if address is None:
        return None
    person = session.state.people.get(address)
    if person is None:
        session.refuse(command, "unknown_person", address=address)
    return person


def _offer(session: Session, command: Command) -> None:
    person = _person(session, command)
    if person is None:
        return
    if person.status != "waitlisted":
        session.refuse(command, "not_waitlisted", address=person.address)
        return
    organisation = session.work.org(person.org)
    if session.hold(command, {"address": person.address, "organisation": organisation.name}):
        return
    placed = person.replace(status="registered", waitlist_position=None)
    work = session.work
    work.put(placed)
    work.mail(f"place:{person.org}:{person.address}", person.address, "place_offered",
              {"person": placed, "organisation": organisation, "days": days_for(work, placed)},
              language=person.language)
    fill_places(work, person.org)  # the rest of the queue renumbered
    _done(session, command, {"address": person.address, "organisation": organisation.name},
          f"{person.address} offered a place in {organisation.name}", "offered",
          (person.address,))


def _retry(session: Session, command: Command) -> None:
    person = _person(session, command)
    if person is None:
        return
    if not person.failing:
        session.refuse(command, "not_failing", address=person.address)
        return
    if session.hold(command, {"address": person.address}):
        return
    session.work.put(person.replace(failing=False))
    _done(session, command, {"address": person.address},
          f"{person.address} tried again", "retried", (person.address,))


def _remove(session: Session, command: Command) -> None:
    person = _person(session, command)
    if person is None:
        return
    state = session.state
    answers = sum(1 for r in state.rsvps.values() if r.address == person.address)
    preview = {"address": person.address, "name": person.name, "answers": answers,
               "organisation": session.work.org(person.org).name if person.org else ""}
    if session.hold(command, preview):
        return
    session.work.people.pop(person.address)
    session.work.forget.append(person.address)
    fill_places(session.work, person.org)
    withheld = command.word  # the command log and the kept token name nobody forgotten
    if session.pending is not None:
        kept = dataclasses.replace(command, args="", line=withheld, body="")
        intent = {"command": command_to_doc(kept),
                  "vouched": bool(session.pending.intent.get("vouched"))}
        session.work.put(session.pending.replace(done=True, intent=intent))
    _done(session, command, preview, "a person forgotten", "removed", ("1",), withheld)


def _cancel_day(session: Session, command: Command) -> None:
    day = day_named(session.state, command.args, session.now.date())
    if day is None or day.date < session.now.date():
        session.refuse(command, "unknown_day", day=command.args)
        return
    if day.cancelled:
        session.refuse(command, "day_cancelled", day=day.id)
        return
    count = coming_to(day, session.state)
    if session.hold(command, {"day": day, "count": count}):
        return
    session.work.records[("NetworkDay", day.id)] = day.replace(cancelled=True,
                                                              sequence=day.sequence + 1)
    _done(session, command, {"day": day, "count": count},
          f"{day.id} cancelled; {count} people get the cancellation", "cancelled_day",
          (day.id, str(count)))


CHANGES: dict[str, Callable[[Session, Command], None]] = {
    "announce": _announce,
    "invite": _invite,
    "handled": _handled,
    "offer": _offer,
    "retry": _retry,
    "remove": _remove,
    "cancel_day": _cancel_day,
}
