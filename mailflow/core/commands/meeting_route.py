"""A meeting from a facilitator's calendar, as her mail: an iTIP REQUEST makes or moves a
network day (:mod:`mailflow.core.commands.meetings`) when our server vouched for her mail,
else after she confirms it with a token; a CANCEL becomes the ``cancel_day`` command,
which always asks her to confirm, showing how many people get the cancellation."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from mailflow.core.commands.meetings import MeetingRules, day_of_event, decide_meeting
from mailflow.core.commands.parse import Command
from mailflow.core.commands.session import Session
from mailflow.core.model import NetworkDay, PendingAction
from mailflow.core.rules.confirm import make_token
from mailflow.core.values import CalendarEvent

__all__ = ["apply_meeting", "cancel_command", "event_of_doc", "event_to_doc", "hold_meeting"]

_MOMENTS = ("starts", "ends")


def cancel_command(session: Session, event: CalendarEvent) -> Command | None:
    """The ``cancel_day`` command a calendar CANCEL means, or None when no day was made
    from that meeting."""
    day = day_of_event(event, session.state)
    if day is None:
        return None
    word = session.words().get("cancel_day", "PERU")
    return Command(verb="cancel_day", word=word, language=session.language,
                   line=f"{word} {day.id}", args=day.id)


def apply_meeting(session: Session, event: CalendarEvent) -> None:
    """Make or move the day (her answer carries the iTIP REPLY that accepts it)."""
    rules = session.rules
    meeting_rules = MeetingRules(network_address=rules.rules.network_address, tz=rules.tz,
                                 language=session.language)
    decision = decide_meeting(event, session.parsed, session.state, session.now, meeting_rules)
    days = [r for r in decision.records if isinstance(r, NetworkDay)]
    for record in decision.records:
        session.work.put(record)
    session.mails.extend(decision.mails)
    if days:
        day = days[0]
        change = "day_changed" if day.id in session.state.days else "day_created"
        session.log("meeting", event.summary or session.parsed.subject, "done",
                    decision.summary, change, (day.id, event.summary))
    else:
        session.log("meeting", event.summary or session.parsed.subject, "refused",
                    decision.summary)


def hold_meeting(session: Session, event: CalendarEvent) -> None:
    """Our server did not vouch for her mail: keep the meeting and mail her a token
    (unless her address had its day's confirmation requests)."""
    if session.over_confirmation_cap():
        session.hold_back("meeting", event.summary)
        return
    token = make_token(session.rules.rules.secret, f"meeting:{session.parsed.key}")
    session.work.put(PendingAction(
        token=token, address=session.sender,
        intent={"meeting": event_to_doc(event), "sender": session.sender},
        created_at=session.now,
        expires_at=session.now + timedelta(hours=session.rules.rules.confirm_hours),
    ))
    preview = {"title": event.summary, "starts": _when(event, session),
               "location": event.location}
    session.reply("command_confirm", {"verb": "meeting", "token": token, "preview": preview,
                                      "authenticated": False}, event.summary)
    session.log("meeting", event.summary, "asked", f"waits for {session.sender} to confirm")


def event_to_doc(event: CalendarEvent) -> dict[str, Any]:
    """The event as a JSON-safe dict (kept in a PendingAction until she confirms)."""
    doc: dict[str, Any] = {
        "method": event.method, "uid": event.uid, "sequence": event.sequence,
        "summary": event.summary, "description": event.description,
        "location": event.location, "online_url": event.online_url, "zone": event.zone,
        "organizer": event.organizer, "organizer_name": event.organizer_name,
        "attendees": list(event.attendees), "problems": list(event.problems),
    }
    for name in _MOMENTS:
        value = getattr(event, name)
        kind = "moment" if isinstance(value, datetime) else "date" if value else ""
        doc[name] = {"kind": kind, "value": value.isoformat() if value else ""}
    return doc


def event_of_doc(doc: Any) -> CalendarEvent | None:
    """The event :func:`event_to_doc` kept, or None when ``doc`` is not one."""
    try:
        moments = {name: _moment(doc[name]) for name in _MOMENTS}
        return CalendarEvent(
            method=str(doc["method"]), uid=str(doc["uid"]), sequence=int(doc["sequence"]),
            summary=str(doc["summary"]), description=str(doc["description"]),
            location=str(doc["location"]), online_url=str(doc["online_url"]),
            zone=str(doc["zone"]), organizer=str(doc["organizer"]),
            organizer_name=str(doc["organizer_name"]),
            attendees=tuple(str(a) for a in doc["attendees"]),
            problems=tuple(str(p) for p in doc["problems"]), **moments,
        )
    except (TypeError, KeyError, ValueError):
        return None


def _when(event: CalendarEvent, session: Session) -> str:
    """When the meeting starts, on the network's clock ("2026-12-09 10:00"), for a preview."""
    starts = event.starts
    if isinstance(starts, datetime):
        local = starts.astimezone(session.rules.tz) if starts.tzinfo else starts
        return local.strftime("%Y-%m-%d %H:%M")
    return starts.isoformat() if starts else ""


def _moment(doc: Any) -> datetime | date | None:
    kind, value = doc["kind"], doc["value"]
    if kind == "moment":
        return datetime.fromisoformat(value)
    return date.fromisoformat(value) if kind == "date" else None
