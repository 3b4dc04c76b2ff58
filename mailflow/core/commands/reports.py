"""The commands that change nothing: help, the days, who is coming (with a CSV), a day's
cost split (with a CSV). Each answers her with a ``command_*`` mail."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from mailflow.core.commands.parse import Command
from mailflow.core.commands.session import Session, day_named
from mailflow.core.languages.labels import Labels
from mailflow.core.languages.registry import pack
from mailflow.core.model import NetworkDay, Person
from mailflow.core.rules.places import org_key
from mailflow.core.schedule.costs import (
    CENT,
    attendee_counts,
    attends,
    cost_csv,
    excel_csv,
    participating_organisations,
    split_costs,
)
from mailflow.core.values import NetworkState
from mailflow.core.writing.formatting import role_label

__all__ = ["REPORTS", "answers_text", "help_text", "people_of", "people_rows"]


def help_text(session: Session, command: Command) -> None:
    """What she can write, with examples, in her language."""
    session.reply("command_help", {"reason": "", "params": {}, "words": session.words()},
                  command.line)
    session.log(command.verb, command.line, "done", "help sent")


def _days(session: Session, command: Command) -> None:
    if session.hold(command, {}):
        return
    state = session.state
    days = sorted(state.days.values(), key=lambda d: (d.date, d.start, d.id))
    listed = [{"day": d, "coming": sum(1 for p in state.people.values() if attends(p, d, state)),
               "past": d.date < session.now.date()} for d in days]
    session.reply("command_days", {"days": listed}, command.line)
    session.log(command.verb, command.line, "done", f"{len(listed)} day(s) listed")


def _people(session: Session, command: Command) -> None:
    state = session.state
    wanted = command.args.strip()
    key = _org_named(state, wanted) if wanted else ""
    if key is None:
        session.refuse(command, "unknown_org", organisation=wanted)
        return
    if session.hold(command, {"organisation": _org_name(state, key)}):
        return
    labels = pack(session.language).labels
    rows = people_rows(state, key, session.language)
    name = _org_name(state, key)
    part = org_key(name).replace(" ", "-")
    filename = f"{labels.people_csv_stem}{'-' + part if part else ''}.csv"
    session.reply("command_people",
                  {"organisation": name, "people": rows, "columns": labels.people_columns},
                  command.line,
                  attachment={"filename": filename, "data": excel_csv(labels.people_columns, rows)})
    session.log(command.verb, command.line, "done", f"{len(rows)} people listed")


def _costs(session: Session, command: Command) -> None:
    day = day_named(session.state, command.args, session.now.date())
    if day is None:
        session.refuse(command, "unknown_day", day=command.args)
        return
    if session.hold(command, {"day": day}):
        return
    state = session.state
    total = Decimal("0.00") if day.sponsor else day.price.quantize(CENT)
    orgs = participating_organisations(day, state, session.rules.cost_split)
    shares = split_costs(total, orgs, attendee_counts(day, state))
    labels = pack(session.language).labels
    session.reply("command_costs", {"day": day, "shares": shares, "total": total},
                  command.line,
                  attachment={"filename": labels.cost_csv_file(day.id),
                              "data": cost_csv(day, shares, session.language)})
    session.log(command.verb, command.line, "done", f"cost split of {day.id}: {len(shares)} "
                "organisation(s)")


def _org_named(state: NetworkState, wanted: str) -> str | None:
    """The key of the organisation called ``wanted`` (key, name or alias), or None."""
    key = org_key(wanted)
    for org in state.organisations.values():
        if key in (org.key, org_key(org.name), *(org_key(a) for a in org.aliases)):
            return org.key
    return None


def _org_name(state: NetworkState, key: str) -> str:
    org = state.organisations.get(key)
    return org.name if org else key


def people_of(state: NetworkState, org: str | None) -> list[Person]:
    """Everyone, by organisation, status and name; only ``org`` (key or name) when given."""
    people = sorted(state.people.values(), key=lambda p: (p.org, p.status, p.name))
    if not org:
        return people
    wanted = org.lower()
    return [p for p in people if p.org == wanted
            or (state.organisations.get(p.org, None) is not None
                and state.organisations[p.org].name.lower() == wanted)]


def answers_text(person: Person, state: NetworkState, language: str) -> str:
    """The person's answers, by the days' dates: "declined 2026-12-09, coming 2027-01-20"."""
    labels = pack(language).labels
    answers = [(state.days[r.day_id].date if r.day_id in state.days else None, r)
               for (_, address), r in state.rsvps.items() if address == person.address]
    answers.sort(key=lambda pair: (pair[0] is None, pair[0], pair[1].day_id))
    words = {"yes": labels.answer_yes, "no": labels.answer_no}
    return ", ".join(words[r.answer].format(day=r.day_id) for _, r in answers)


def people_rows(state: NetworkState, org: str | None, language: str,
                refused: Mapping[str, str] | None = None) -> list[tuple[Any, ...]]:
    """The rows of ``mailflow people`` and of the people command's CSV (its columns:
    ``Labels.people_columns``), worded in ``language``: the status from the pack's labels
    ("jonossa #1"); the mail cell says whether mail to the address bounces, or, for an
    address in ``refused`` (address -> the server's answer), that it was refused."""
    labels = pack(language).labels
    return [
        (p.name, p.address,
         state.organisations[p.org].name if p.org in state.organisations else p.org,
         role_label(p.role, language), labels.status_text(p.status, p.waitlist_position),
         answers_text(p, state, language), p.diet, _mail_cell(p, refused or {}, labels))
        for p in people_of(state, org)
    ]


def _mail_cell(person: Person, refused: Mapping[str, str], labels: Labels) -> str:
    if person.failing:
        return labels.mail_bounces
    if person.address in refused:
        return labels.mail_failed.format(error=refused[person.address])
    return labels.mail_ok


def coming_to(day: NetworkDay, state: NetworkState) -> int:
    """How many people a change to ``day`` reaches: registered people and invited guests
    signed up for it whose mail gets through."""
    return sum(1 for p in state.people.values()
               if p.status in ("registered", "invited") and not p.failing
               and (not p.days or day.id in p.days))


REPORTS: dict[str, Callable[[Session, Command], None]] = {
    "days": _days,
    "people": _people,
    "costs": _costs,
}
