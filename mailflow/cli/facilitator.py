"""The facilitator's commands: network days, people, organisations, attention, digest, costs,
announcements, guests, a person's data. Readable tables on a terminal, CSV where asked.

Every command that changes something opens the store under its lock and commits once;
mails it causes (a changed day, an invitation, an announcement) are queued in the outbox
under idempotency keys and sent by the next tick, so nothing goes out twice.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from mailflow.cli.common import parse_now, settings_of
from mailflow.core.errors import EXIT_OK, UsageError
from mailflow.core.model import (
    AttentionItem,
    CostItem,
    InterestSubscription,
    NetworkDay,
    OutgoingMail,
    Person,
    Rsvp,
    normalise_address,
)
from mailflow.core.schedule.costs import (
    CENT,
    attendee_counts,
    money_text,
    participating_organisations,
    split_costs,
)
from mailflow.core.values import MailRequest, NetworkState
from mailflow.core.writing.formatting import format_day, role_label
from mailflow.run.bootstrap import build_services, open_store
from mailflow.run.tick import erase_person, load_state, queue_requests

__all__ = ["register"]


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)


def _day(state: NetworkState, day_id: str) -> NetworkDay:
    if day_id not in state.days:
        known = ", ".join(sorted(state.days)) or "none yet"
        raise UsageError(f"no network day {day_id!r} (known: {known})")
    return state.days[day_id]


# -- days ------------------------------------------------------------------------------
def _parse_costs(values: list[str] | None) -> tuple[CostItem, ...]:
    items = []
    for value in values or []:
        label, _, amount = value.rpartition("=")
        try:
            items.append(CostItem(label=label.strip(), amount=Decimal(amount.replace(",", "."))))
        except InvalidOperation:
            raise UsageError(f"--cost: expected LABEL=EUROS such as 'Catering=450,50', "
                             f"got {value!r}") from None
        if not label.strip():
            raise UsageError(f"--cost: the item needs a label: {value!r}")
    return tuple(items)


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _parse_time(value: str) -> time:
    """``10``, ``9:30``, ``9.30`` (the Finnish way) or ``09:30``."""
    hours, _, minutes = value.strip().replace(".", ":").partition(":")
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        raise UsageError(f"expected a time as HH:MM, got {value!r}") from None


def cmd_days(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        state = load_state(store)
        if args.action == "list":
            rows = [
                (d.id, format_day(d, settings.network.language), d.place,
                 "cancelled" if d.cancelled else ("follow-up" if d.follow_up else ""),
                 d.sponsor or (money_text(d.price) if d.cost_items else ""),
                 sum(1 for r in state.rsvps.values() if r.day_id == d.id and r.answer == "yes"))
                for d in sorted(state.days.values(), key=lambda d: (d.date, d.start))
            ]
            print(_table(("id", "when", "place", "kind", "paid by / price", "yes"), rows))
            return EXIT_OK
        if not args.id:
            raise UsageError(f"days {args.action} needs the day's id, e.g. 2026-12-09")
        if args.action == "add":
            if args.id in state.days:
                raise UsageError(f"network day {args.id!r} exists; use `days change`")
            if not (args.date and args.start and args.end and args.place):
                raise UsageError("days add needs --date, --start, --end and --place")
            day = NetworkDay(
                id=args.id, date=_parse_date(args.date), start=_parse_time(args.start),
                end=_parse_time(args.end), place=args.place, title=args.title or "",
                sponsor=args.sponsor or "", cost_items=_parse_costs(args.cost),
                follow_up=args.follow_up,
            )
            _check_times(day)
            message = f"added {day.id}: {format_day(day, 'fi')}, {day.place}"
        else:
            day = _day(state, args.id)
            if args.action == "cancel":
                if day.cancelled:
                    raise UsageError(f"network day {day.id!r} is already cancelled")
                day = day.replace(cancelled=True, sequence=day.sequence + 1)
                message = f"cancelled {day.id}; the cancellation goes to everyone registered"
            else:
                changes: dict[str, Any] = {}
                if args.date:
                    changes["date"] = _parse_date(args.date)
                if args.start:
                    changes["start"] = _parse_time(args.start)
                if args.end:
                    changes["end"] = _parse_time(args.end)
                for name in ("place", "title", "sponsor"):
                    if getattr(args, name) is not None:
                        changes[name] = getattr(args, name)
                if args.cost is not None:
                    changes["cost_items"] = _parse_costs(args.cost)
                if not changes:
                    raise UsageError("days change: nothing to change (give --date, --place ...)")
                attendee_facing = {"date", "start", "end", "place", "title"} & changes.keys()
                day = day.replace(**changes,
                                  sequence=day.sequence + (1 if attendee_facing else 0))
                _check_times(day)
                message = f"changed {day.id}: {', '.join(sorted(changes))}" + (
                    "; the update goes to everyone registered" if attendee_facing else "")
        store.put(day)
        store.commit()
    print(message)
    return EXIT_OK


def _check_times(day: NetworkDay) -> None:
    if day.end <= day.start:
        raise UsageError(f"network day {day.id!r} would end ({day.end:%H:%M}) before it "
                         f"starts ({day.start:%H:%M})")


# -- people and organisations ----------------------------------------------------------
def cmd_people(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        state = load_state(store)
    lang = settings.network.language
    people = sorted(state.people.values(), key=lambda p: (p.org, p.status, p.name))
    if args.org:
        wanted = args.org.lower()
        people = [p for p in people if p.org == wanted
                  or (state.organisations.get(p.org, None) is not None
                  and state.organisations[p.org].name.lower() == wanted)]
    headers = ("name", "address", "organisation", "role", "status", "diet", "mail")
    rows = [
        (p.name, p.address,
         state.organisations[p.org].name if p.org in state.organisations else p.org,
         role_label(p.role, lang),
         p.status + (f" #{p.waitlist_position}" if p.waitlist_position else ""),
         p.diet, "BOUNCES" if p.failing else "ok")
        for p in people
    ]
    if args.csv:
        _csv(headers, rows)
    else:
        print(_table(headers, rows) if rows else "nobody yet")
    return EXIT_OK


def cmd_orgs(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        state = load_state(store)
    cap = settings.network.max_per_org
    rows = []
    for org in sorted(state.organisations.values(), key=lambda o: o.name.lower()):
        members = [p for p in state.people.values() if p.org == org.key]
        registered = [p for p in members if p.status == "registered"]
        roles = {p.role for p in registered}
        coverage = " ".join(
            ("+" if role in roles else "-") + role_label(role, "en")
            for role in ("management", "supervisor", "staff")
        )
        rows.append((org.name, f"{len(registered)}/{cap}",
                     sum(1 for p in members if p.status == "waitlisted"), coverage,
                     "yes" if org.committed else "no"))
    headers = ("organisation", "places", "waitlist", "role coverage", "committed")
    if args.csv:
        _csv(headers, rows)
    else:
        print(_table(headers, rows) if rows else "no organisations yet")
    return EXIT_OK


# -- attention ---------------------------------------------------------------------------
def cmd_attention(args: argparse.Namespace) -> int:
    from mailflow.core.languages.reasons import reason_text

    settings = settings_of(args)
    with open_store(settings) as store:
        items = sorted(store.all(AttentionItem), key=lambda a: a.at)
        if args.handled:
            item = store.get(AttentionItem, args.handled)
            if item is None:
                raise UsageError(f"no attention item {args.handled!r}; `mailflow attention` "
                                 "lists them")
            store.put(item.replace(handled=True))
            store.commit()
            print(f"marked handled: {item.id}")
            return EXIT_OK
    open_items = [a for a in items if not a.handled or args.all]
    if not open_items:
        print("nothing needs your attention")
        return EXIT_OK
    tz = settings.tz
    for item in open_items:
        when = item.at.astimezone(tz).strftime("%d.%m.%Y %H.%M")
        print(f"[{item.id}] {when} {item.sender or '(unknown sender)'}"
              + (" (handled)" if item.handled else ""))
        print(f"  subject: {item.subject}")
        print(f"  reason:  {reason_text(item.reasons, settings.network.language)}")
        for line in item.excerpt.strip().splitlines()[:8]:
            print(f"  > {line}")
        print()
    print("mark one handled with: mailflow attention --handled ID")
    return EXIT_OK


# -- digest and costs ----------------------------------------------------------------------
def cmd_digest(args: argparse.Namespace) -> int:
    from mailflow.core.schedule.digest import build_digest

    settings = settings_of(args)
    services = build_services(settings)
    now = parse_now(args.now)
    with open_store(settings) as store:
        state = load_state(store)
        failed = [m for m in store.all(OutgoingMail) if m.status == "failed"]
        last = store.meta("last_digest_at")
        digest = build_digest(
            state, now, datetime.fromisoformat(last) if last else None,
            failed_mails=failed, max_per_org=settings.network.max_per_org, tz=settings.tz,
            language=settings.network.language,
        )
        request = MailRequest(
            key=f"digest:manual:{now.isoformat()}", to=settings.network.facilitator,
            template="digest", language=settings.network.language,
            context={"digest": digest}, auto="auto-generated",
        )
        if args.send:
            queue_requests(services, store, state, now, [request])
            store.set_meta("last_digest_at", now.isoformat())
            store.commit()
            print(f"the digest is queued for {settings.network.facilitator}; "
                  "the next tick sends it")
            return EXIT_OK
    rendered = services.renderer.render(request, now=now)
    print(rendered.text)
    html_path = Path(args.html)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(rendered.html, encoding="utf-8")
    print(f"(HTML: {html_path})", file=sys.stderr)
    return EXIT_OK


def cmd_costs(args: argparse.Namespace) -> int:
    from mailflow.core.schedule.costs import cost_csv

    settings = settings_of(args)
    with open_store(settings) as store:
        state = load_state(store)
    day = _day(state, args.day)
    total = Decimal("0.00") if day.sponsor else day.price.quantize(CENT)  # as the mail does
    orgs = participating_organisations(day, state, settings.network.cost_split)
    shares = split_costs(total, orgs, attendee_counts(day, state))
    if args.csv:
        sys.stdout.buffer.write(cost_csv(day, shares, settings.network.language))
        return EXIT_OK
    print(f"{day.id} {format_day(day, 'fi')}, {day.place}")
    if day.sponsor:
        print(f"paid by {day.sponsor}: nothing to share")
    for item in day.cost_items:
        print(f"  {item.label}: {money_text(item.amount)}")
    print(f"  total {money_text(total)} shared by {len(shares)} organisation(s) "
          f"({settings.network.cost_split})")
    print(_table(("organisation", "attendees", "share"),
                 [(s.org_name, s.attendees, s.amount_text) for s in shares]))
    return EXIT_OK


# -- announcements and guests --------------------------------------------------------------
def _read_announcement(path: Path) -> tuple[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the announcement ({exc})") from None
    lines = text.strip().splitlines()
    if not lines:
        raise UsageError(f"{path}: the announcement is empty")
    first = lines[0].strip()
    for prefix in ("Subject:", "Aihe:", "# "):
        if first.startswith(prefix):
            return first[len(prefix):].strip(), "\n".join(lines[1:]).strip()
    raise UsageError(f"{path}: the first line must be the subject ('Aihe: ...', "
                     "'Subject: ...' or a Markdown '# ' heading)")


def cmd_announce(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    subject, body = _read_announcement(Path(args.file))
    digest = hashlib.sha256((subject + "\n" + body).encode()).hexdigest()[:16]
    now = parse_now(args.now)
    with open_store(settings) as store:
        subscribers = sorted(s.address for s in store.all(InterestSubscription) if s.subscribed)
        per_minute = settings.outbox.sends_per_minute
        requests = [
            MailRequest(
                key=f"announce:{digest}:{address}", to=address, template="announcement",
                language=settings.network.language,
                context={"address": address, "subject": subject, "body": body},
                auto="auto-generated", list_mail=True,
            )
            for address in subscribers
        ]
        if args.dry_run:
            print(f"would send {subject!r} to {len(requests)} subscriber(s), "
                  f"{per_minute} a minute")
            for request in requests:
                print(f"  {request.to}")
            return EXIT_OK
        state = load_state(store)
        queued = queue_requests(
            build_services(settings), store, state, now, requests,
            spacing=timedelta(seconds=60 / per_minute),
        )
        store.commit()
    print(f"queued {queued} of {len(requests)} ({len(requests) - queued} had it already); "
          f"ticks send them {per_minute} a minute")
    return EXIT_OK


def cmd_invite(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    address = normalise_address(args.address)
    if "@" not in address:
        raise UsageError(f"expected a mail address, got {args.address!r}")
    with open_store(settings) as store:
        state = load_state(store)
        day = _day(state, args.day)
        existing = state.people.get(address)
        if existing is not None and existing.status in ("registered", "invited"):
            # Already coming: add the day, unless they are signed up for all days ("").
            days = existing.days and tuple(sorted({*existing.days, day.id}))
            person = existing.replace(days=days)
        elif not args.guest:
            raise UsageError(f"{address} has no place in the network; invite them with "
                             "--guest (outside the organisations' places and cost shares)")
        else:
            person = Person(
                address=address, name=args.name or (existing.name if existing else ""),
                org=existing.org if existing else "", role="guest",
                status="invited", language=args.language or settings.network.language,
                registered_at=parse_now(args.now), days=(day.id,),
            )
        store.put(person)
        store.commit()
    print(f"invited {address} to {day.id}; the invitation with a calendar part goes out "
          "with the next tick")
    return EXIT_OK


# -- a person's data ------------------------------------------------------------------------
def person_data(store: Any, address: str) -> dict[str, Any]:
    """Everything the store holds about one address, as JSON-safe data."""
    address = normalise_address(address)
    person = store.get(Person, address)
    interest = store.get(InterestSubscription, address)
    return {
        "address": address,
        "person": person.to_doc() if person else None,
        "rsvps": [r.to_doc() for r in store.all(Rsvp) if r.address == address],
        "interest_list": interest.to_doc() if interest else None,
        "attention": [a.to_doc() for a in store.all(AttentionItem) if a.sender == address],
        "mail_sent_to": [
            {"key": m.key, "subject": m.subject, "status": m.status,
             "sent_at": m.sent_at.isoformat() if m.sent_at else None}
            for m in store.all(OutgoingMail) if m.to == address
        ],
    }


def cmd_export(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        data = person_data(store, args.address)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_forget(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    address = normalise_address(args.address)
    services = build_services(settings)
    with open_store(settings) as store:
        erased = erase_person(store, address)
        store.commit()
    mailbox = services.open_mailbox()
    try:
        erase = getattr(mailbox, "erase_from", None)
        kept = erase(address) if erase is not None else 0
    finally:
        mailbox.close()
    parts = ", ".join(f"{n} {table}" for table, n in erased.items() if n)
    print(f"forgot {address}: {parts or 'nothing in the store'}; "
          f"{kept} kept message(s) deleted from the mailbox")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from mailflow.run.daemon import run_daemon

    settings = settings_of(args)
    services = build_services(settings)
    # A daemon says what it does: INFO unless --debug; APScheduler's per-run lines only
    # with --debug.
    if not args.debug:
        logging.getLogger().setLevel(logging.INFO)
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    return run_daemon(services)


def cmd_demo(args: argparse.Namespace) -> int:
    from mailflow.cli.demo import run_demo

    return run_demo(Path(args.folder), fast=args.fast)


def register(sub: Any) -> None:
    """Add the facilitator's commands to the ``mailflow`` parser."""
    p = sub.add_parser("run", help="the daemon: a tick every interval, at once on new mail (IDLE)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("days", help="network days: add, change, cancel, list")
    p.add_argument("action", choices=("add", "change", "cancel", "list"))
    p.add_argument("id", nargs="?", default="", help="the day's id, e.g. 2026-12-09")
    p.add_argument("--date", help="YYYY-MM-DD")
    p.add_argument("--start", help="HH:MM local time")
    p.add_argument("--end", help="HH:MM local time")
    p.add_argument("--place")
    p.add_argument("--title")
    p.add_argument("--sponsor", help="who pays (then nothing is shared)")
    p.add_argument("--cost", action="append", metavar="LABEL=EUROS",
                   help="a cost item to share, e.g. 'Asiantuntijapalkkio=1200' (repeatable)")
    p.add_argument("--follow-up", action="store_true", help="a follow-up day (costs shared)")
    p.set_defaults(func=cmd_days)

    p = sub.add_parser("people", help="everyone known, by organisation")
    p.add_argument("--org", help="only this organisation (key or name)")
    p.add_argument("--csv", action="store_true")
    p.set_defaults(func=cmd_people)

    p = sub.add_parser("orgs", help="organisations: places, waitlist, role coverage, commitment")
    p.add_argument("--csv", action="store_true")
    p.set_defaults(func=cmd_orgs)

    p = sub.add_parser("attention", help="what needs you; --handled ID marks one done")
    p.add_argument("--handled", metavar="ID")
    p.add_argument("--all", action="store_true", help="handled ones too")
    p.set_defaults(func=cmd_attention)

    p = sub.add_parser("digest", help="the digest now: --preview (default) or --send")
    p.add_argument("--send", action="store_true")
    p.add_argument("--preview", action="store_true", help="text to stdout, HTML to --html")
    p.add_argument("--html", default="var/digest.html")
    p.add_argument("--now", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_digest)

    p = sub.add_parser("costs", help="how a day's costs are shared")
    p.add_argument("day")
    p.add_argument("--csv", action="store_true", help="the CSV for Finnish Excel")
    p.set_defaults(func=cmd_costs)

    p = sub.add_parser("announce", help="send an announcement file to the interest list")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--now", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_announce)

    p = sub.add_parser("invite", help="invite someone (a guest) to a network day")
    p.add_argument("address")
    p.add_argument("--day", required=True)
    p.add_argument("--guest", action="store_true", help="outside the cap and the cost shares")
    p.add_argument("--name")
    p.add_argument("--language", choices=("fi", "en"))
    p.add_argument("--now", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_invite)

    p = sub.add_parser("export", help="everything stored about one address, as JSON")
    p.add_argument("address")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("forget", help="erase one address everywhere, kept messages included")
    p.add_argument("address")
    p.set_defaults(func=cmd_forget)

    p = sub.add_parser("demo", help="watch mailflow handle a realistic sample, in seconds")
    p.add_argument("--folder", default="var/demo")
    p.add_argument("--fast", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)

