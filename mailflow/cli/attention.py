"""``mailflow attention`` and ``mailflow digest``: what needs the facilitator, marking it
handled, and the digest now (previewed, or queued for the next tick)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from mailflow.adapters.store import Store
from mailflow.cli.common import Subcommands, labels_of, parse_now, settings_of
from mailflow.config.loader import Settings
from mailflow.core.errors import EXIT_OK, UsageError
from mailflow.core.model import AttentionItem, CommandEntry, OutgoingMail
from mailflow.core.values import MailRequest, NetworkState
from mailflow.run.bootstrap import build_services, open_store
from mailflow.run.tick import load_state, queue_requests

__all__ = ["add_attention", "add_digest"]

_EXCERPT_LINES = 8  # of an item's text, under its headings


def cmd_attention(args: argparse.Namespace) -> int:
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
    labels = labels_of(settings)
    open_items = [a for a in items if not a.handled or args.all]
    if not open_items:
        print(labels.attention_empty)
        return EXIT_OK
    for item in open_items:
        print(_attention_item(item, settings))
    print(labels.attention_hint)
    return EXIT_OK


def _attention_item(item: AttentionItem, settings: Settings) -> str:
    """One item: who and when, its headings, the start of its text, an empty line."""
    from mailflow.core.languages.reasons import reason_text

    labels = labels_of(settings)
    when = item.at.astimezone(settings.tz).strftime("%d.%m.%Y %H.%M")
    handled = f" {labels.attention_handled}" if item.handled else ""
    width = max(len(labels.attention_subject), len(labels.attention_reason)) + 1
    lines = [
        f"[{item.id}] {when} {item.sender or labels.unknown_sender}{handled}",
        f"  {labels.attention_subject + ':':<{width}} {item.subject}",
        f"  {labels.attention_reason + ':':<{width}} "
        f"{reason_text(item.reasons, settings.network.language)}",
    ]
    lines += [f"  > {line}" for line in item.excerpt.strip().splitlines()[:_EXCERPT_LINES]]
    return "\n".join(lines) + "\n"


def cmd_digest(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    services = build_services(settings)
    now = parse_now(args.now)
    to = ", ".join(settings.network.all_facilitators)
    with open_store(settings) as store:
        state = load_state(store)
        requests = _digest_requests(store, state, settings, now)
        if args.send:
            queue_requests(services, store, state, now, requests)
            store.set_meta("last_digest_at", now.isoformat())
            store.commit()
            print(f"the digest is queued for {to}; the next tick sends it")
            return EXIT_OK
    rendered = services.renderer.render(requests[0], now=now)
    print(rendered.text)
    html_path = Path(args.html)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(rendered.html, encoding="utf-8")
    print(f"(to: {to}; HTML: {html_path})", file=sys.stderr)
    return EXIT_OK


def _digest_requests(store: Store, state: NetworkState, settings: Settings,
                     now: datetime) -> list[MailRequest]:
    """The digest as of ``now``, as a mail to each facilitator (the first keeps the key
    a single facilitator's digest always had; the others' keys name their address, as
    the scheduled digest's do)."""
    from mailflow.core.schedule.digest import build_digest

    failed = [m for m in store.all(OutgoingMail) if m.status == "failed"]
    last = store.meta("last_digest_at")
    digest = build_digest(
        state, now, datetime.fromisoformat(last) if last else None,
        failed_mails=failed, max_per_org=settings.network.max_per_org, tz=settings.tz,
        language=settings.network.language, network_address=settings.network.address,
        changes=store.all(CommandEntry),
    )
    key = f"digest:manual:{now.isoformat()}"
    return [
        MailRequest(key=key if index == 0 else f"{key}:{address}", to=address,
                    template="digest", language=settings.network.language,
                    context={"digest": digest}, auto="auto-generated")
        for index, address in enumerate(settings.network.all_facilitators)
    ]


def add_attention(sub: Subcommands) -> None:
    """``mailflow attention``."""
    p = sub.add_parser("attention", help="what needs you; --handled ID marks one done")
    p.add_argument("--handled", metavar="ID")
    p.add_argument("--all", action="store_true", help="handled ones too")
    p.set_defaults(func=cmd_attention)


def add_digest(sub: Subcommands) -> None:
    """``mailflow digest``."""
    p = sub.add_parser("digest", help="the digest now: --preview (default) or --send")
    p.add_argument("--send", action="store_true")
    p.add_argument("--preview", action="store_true", help="text to stdout, HTML to --html")
    p.add_argument("--html", default="var/digest.html")
    p.add_argument("--now", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_digest)
