"""``mailflow announce`` and ``mailflow invite``: an announcement to the interest list,
once per subscriber and throttled; a guest (or a registered person) invited to a day.

The mails are queued under idempotency keys and sent by the next ticks, so running a
command again sends nothing twice.
"""

from __future__ import annotations

import argparse
import hashlib
from datetime import timedelta
from pathlib import Path

from mailflow.cli.common import Subcommands, day_of, parse_now, settings_of
from mailflow.config.loader import Settings
from mailflow.core.errors import EXIT_OK, UsageError
from mailflow.core.languages.registry import packs
from mailflow.core.model import InterestSubscription, NetworkDay, Person, normalise_address
from mailflow.core.values import MailRequest
from mailflow.run.bootstrap import build_services, open_store
from mailflow.run.tick import load_state, queue_requests

__all__ = ["add_announce", "add_invite"]

#: How the first line of an announcement file names its subject.
_SUBJECT_PREFIXES = ("Subject:", "Aihe:", "# ")


def _read_announcement(path: Path) -> tuple[str, str]:
    """The subject (the first line, without its prefix) and the body of an announcement."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the announcement ({exc})") from None
    lines = text.strip().splitlines()
    if not lines:
        raise UsageError(f"{path}: the announcement is empty")
    first = lines[0].strip()
    for prefix in _SUBJECT_PREFIXES:
        if first.startswith(prefix):
            return first[len(prefix):].strip(), "\n".join(lines[1:]).strip()
    raise UsageError(f"{path}: the first line must be the subject ('Aihe: ...', "
                     "'Subject: ...' or a Markdown '# ' heading)")


def cmd_announce(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    subject, body = _read_announcement(Path(args.file))
    digest = hashlib.sha256((subject + "\n" + body).encode()).hexdigest()[:16]
    now = parse_now(args.now)
    per_minute = settings.outbox.sends_per_minute
    with open_store(settings) as store:
        subscribers = sorted((s.address, s.language)
                             for s in store.all(InterestSubscription) if s.subscribed)
        requests = [  # the frame, greeting and List-Unsubscribe in each subscriber's language
            MailRequest(
                key=f"announce:{digest}:{address}", to=address, template="announcement",
                language=language or settings.network.language,
                context={"address": address, "subject": subject, "body": body},
                auto="auto-generated", list_mail=True,
            )
            for address, language in subscribers
        ]
        if args.dry_run:
            print(f"would send {subject!r} to {len(requests)} subscriber(s), "
                  f"{per_minute} a minute")
            for request in requests:
                print(f"  {request.to}")
            return EXIT_OK
        queued = queue_requests(
            build_services(settings), store, load_state(store), now, requests,
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
        day = day_of(state, args.day)
        store.put(_invited(state.people.get(address), address, day, args, settings))
        store.commit()
    print(f"invited {address} to {day.id}; the invitation with a calendar part goes out "
          "with the next tick")
    return EXIT_OK


def _invited(existing: Person | None, address: str, day: NetworkDay,
             args: argparse.Namespace, settings: Settings) -> Person:
    """The person invited to ``day``: one already coming keeps their place; anyone else
    comes as a guest, and only with ``--guest``."""
    if existing is not None and existing.status in ("registered", "invited"):
        # Already coming: add the day, unless they are signed up for all days ("").
        days = existing.days and tuple(sorted({*existing.days, day.id}))
        return existing.replace(days=days)
    if not args.guest:
        raise UsageError(f"{address} has no place in the network; invite them with "
                         "--guest (outside the organisations' places and cost shares)")
    return Person(
        address=address, name=args.name or (existing.name if existing else ""),
        org=existing.org if existing else "", role="guest",
        status="invited", language=args.language or settings.network.language,
        registered_at=parse_now(args.now), days=(day.id,),
    )


def add_announce(sub: Subcommands) -> None:
    """``mailflow announce``."""
    p = sub.add_parser("announce", help="send an announcement file to the interest list")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--now", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_announce)


def add_invite(sub: Subcommands) -> None:
    """``mailflow invite``."""
    p = sub.add_parser("invite", help="invite someone (a guest) to a network day")
    p.add_argument("address")
    p.add_argument("--day", required=True)
    p.add_argument("--guest", action="store_true", help="outside the cap and the cost shares")
    p.add_argument("--name")
    p.add_argument("--language", choices=tuple(language.code for language in packs()))
    p.add_argument("--now", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_invite)
