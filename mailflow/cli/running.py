"""Running mailflow: ``tick`` (one pass, for cron), ``run`` (the daemon) and
``check-config`` (the config, its secrets and the mail servers, before either)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mailflow.cli.common import Subcommands, labels_of, parse_now, settings_of
from mailflow.config.loader import Settings
from mailflow.config.secrets import Secret
from mailflow.core.errors import EXIT_FAILED, EXIT_OK

if TYPE_CHECKING:
    from mailflow.adapters.checks import Check

__all__ = ["add_check_config", "add_run", "add_tick"]


def cmd_check_config(args: argparse.Namespace) -> int:
    """Validate the file, fetch the secrets, then walk each mail server through what a
    pass does (log in, folders, IDLE, MOVE; SMTP up to AUTH and QUIT, nothing sent):
    a line per step on stdout; a failed step, or one that works otherwise than
    configured, one line on stderr naming the step, the file and the key."""
    from mailflow.config.secrets import resolve_secret

    settings = settings_of(args)
    imap_on = settings.imap is not None and settings.mailbox.kind == "imap"
    smtp_on = settings.smtp is not None and settings.outbox.kind == "smtp"
    secrets = {section: resolve_secret(server, section)  # raises SecretError naming the key
               for section, server, used in (("imap", settings.imap, imap_on),
                                             ("smtp", settings.smtp, smtp_on))
               if server is not None and used}
    code = EXIT_OK
    for check in _server_checks(settings, secrets):
        if check.level == "failed":
            print(f"mailflow: {check.name} failed: {settings.source}: {check.detail}",
                  file=sys.stderr)
        elif check.level == "warning":
            print(f"mailflow: {check.name}: {check.detail}", file=sys.stderr)
        else:
            print(f"  {check.name}: {check.detail}")
        code = max(code, check.exit_code)
    if code == EXIT_OK:
        print(f"{settings.source}: OK")
        print("\n".join(_summary(settings, imap_on, smtp_on)))
    return code


def _server_checks(settings: Settings, secrets: dict[str, Secret]) -> Iterator[Check]:
    """The checks of each mail server in use (those ``secrets`` has), as they are made."""
    if "imap" in secrets and settings.imap is not None:
        from mailflow.adapters.imap_check import check_imap

        box = settings.mailbox
        yield from check_imap(
            settings.imap, secrets["imap"],
            {"mailbox.processed_folder": box.processed_folder,
             "mailbox.attention_folder": box.attention_folder},
            interval_minutes=settings.schedule.interval_minutes)
    if "smtp" in secrets and settings.smtp is not None:
        from mailflow.adapters.smtp import check_smtp

        yield from check_smtp(settings.smtp, secrets["smtp"])


def _summary(settings: Settings, imap_on: bool, smtp_on: bool) -> list[str]:
    """Where mail comes from and goes to, the store, and the network."""
    inbox = settings.imap.host if imap_on and settings.imap else settings.resolve(
        settings.mailbox.path)
    outbox = settings.smtp.host if smtp_on and settings.smtp else settings.resolve(
        settings.outbox.path)
    network = settings.network
    return [
        f"  mailbox: {settings.mailbox.kind} {inbox}",
        f"  outbox:  {settings.outbox.kind} {outbox}",
        f"  store:   {settings.resolve(settings.store.path)}",
        f"  network: {network.address}, facilitator {network.facilitator}, "
        f"{network.timezone}, at most {network.max_per_org} per organisation",
    ]


def cmd_tick(args: argparse.Namespace) -> int:
    from mailflow.run.bootstrap import build_services
    from mailflow.run.progress import IntakeProgress
    from mailflow.run.tick import HandledMessage, QueuedMail, TickReport, run_tick

    settings = settings_of(args)
    progress = IntakeProgress.for_terminal(sys.stderr)  # a backlog's count, on a terminal
    prefix = "dry run: would have " if args.dry_run else ""

    def show(kind: str, item: HandledMessage | QueuedMail) -> None:
        """One line per message and mail as it happens (a backlog's report is not kept)."""
        if progress is not None:
            progress.close()  # the line is drawn again after the batch
        if isinstance(item, HandledMessage):
            sender = item.sender or labels_of(settings).unknown_sender
            print(f"{prefix}handled {sender}: {item.subject!r} -> "
                  f"{item.understood} [{item.folder}]")
        elif kind == "queued":
            print(f"{prefix}queued {item.key} to {item.to}: {item.subject!r}")
        elif kind == "sent":
            print(f"sent {item.key} to {item.to}")
        else:
            print(f"FAILED {item.key} to {item.to}")

    try:
        report = run_tick(build_services(settings), parse_now(args.now), dry_run=args.dry_run,
                          progress=progress, report=TickReport(keep=0, listener=show))
    finally:
        if progress is not None:
            progress.close()
    print(("dry run: " if args.dry_run else "") + report.summary())
    return EXIT_FAILED if report.counts["failed"] else EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from mailflow.run.bootstrap import build_services
    from mailflow.run.daemon import run_daemon

    settings = settings_of(args)
    services = build_services(settings)
    # A daemon says what it does: INFO unless --debug; APScheduler's per-run lines only
    # with --debug.
    if not args.debug:
        logging.getLogger().setLevel(logging.INFO)
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    return run_daemon(services)


def add_tick(sub: Subcommands) -> None:
    """``mailflow tick``."""
    p = sub.add_parser("tick", help="one pass: read mail, decide, send what is due (for cron)")
    p.add_argument("--dry-run", action="store_true",
                   help="show what would be sent and recorded; change nothing")
    p.add_argument("--now", help="pretend it is this moment (ISO 8601, with offset)")
    p.set_defaults(func=cmd_tick)


def add_check_config(sub: Subcommands) -> None:
    """``mailflow check-config``."""
    p = sub.add_parser("check-config", help="validate the config, fetch the secrets, log in to "
                       "the mail servers (nothing sent) and check the folders")
    p.set_defaults(func=cmd_check_config)


def add_run(sub: Subcommands) -> None:
    """``mailflow run``."""
    p = sub.add_parser("run", help="the daemon: a tick every interval, at once on new mail (IDLE)")
    p.set_defaults(func=cmd_run)
