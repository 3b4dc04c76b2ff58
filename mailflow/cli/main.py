"""The ``mailflow`` command: entry points for cron, the daemon and the facilitator.

Exit codes: 0 done, 1 failed run, 2 configuration or usage error, 75 another run
holds the store's lock (EX_TEMPFAIL: cron may simply try again). A user's mistake is
one clear line on stderr; ``--debug`` shows the traceback too.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from mailflow import __version__
from mailflow.cli import facilitator as cli_facilitator
from mailflow.cli.common import parse_now, settings_of
from mailflow.core.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, MailflowError

__all__ = ["main"]

log = logging.getLogger("mailflow")

Command = Callable[[argparse.Namespace], int]


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _setup_logging(args: argparse.Namespace) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if getattr(args, "json_logs", False):
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    level = logging.DEBUG if args.debug else (logging.INFO if args.verbose else logging.WARNING)
    root.setLevel(level)


# -- commands -------------------------------------------------------------------------
def cmd_check_config(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    from mailflow.config.loader import resolve_secret

    for section, server in (("imap", settings.imap), ("smtp", settings.smtp)):
        if server is not None and (
            (section == "imap" and settings.mailbox.kind == "imap")
            or (section == "smtp" and settings.outbox.kind == "smtp")
        ):
            resolve_secret(server, section)  # raises SecretError naming the key
    print(f"{settings.source}: OK")
    imap_on = settings.imap is not None and settings.mailbox.kind == "imap"
    smtp_on = settings.smtp is not None and settings.outbox.kind == "smtp"
    inbox = settings.imap.host if imap_on and settings.imap else settings.resolve(
        settings.mailbox.path)
    outbox = settings.smtp.host if smtp_on and settings.smtp else settings.resolve(
        settings.outbox.path)
    print(f"  mailbox: {settings.mailbox.kind} {inbox}")
    print(f"  outbox:  {settings.outbox.kind} {outbox}")
    print(f"  store:   {settings.resolve(settings.store.path)}")
    print(f"  network: {settings.network.address}, facilitator {settings.network.facilitator}, "
          f"{settings.network.timezone}, at most {settings.network.max_per_org} per organisation")
    return EXIT_OK


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
            print(f"{prefix}handled {item.sender or '(unknown sender)'}: {item.subject!r} -> "
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


def cmd_inspect(args: argparse.Namespace) -> int:
    from mailflow.cli.inspect import inspect_file

    settings = settings_of(args)
    result = inspect_file(Path(args.file), settings)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mailflow",
        description="The scheduled daemon behind a development network's shared mailbox.",
    )
    parser.add_argument("--version", action="version", version=f"mailflow {__version__}")
    parser.add_argument("--config", help="config file (default: $MAILFLOW_CONFIG or the "
                        "embedded config/mailflow.toml)")
    parser.add_argument("--debug", action="store_true", help="debug logs and tracebacks")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is done")
    parser.add_argument("--json-logs", action="store_true", help="log JSON lines to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("tick", help="one pass: read mail, decide, send what is due (for cron)")
    p.add_argument("--dry-run", action="store_true",
                   help="show what would be sent and recorded; change nothing")
    p.add_argument("--now", help="pretend it is this moment (ISO 8601, with offset)")
    p.set_defaults(func=cmd_tick)

    p = sub.add_parser("check-config", help="validate the config and fetch the secrets")
    p.set_defaults(func=cmd_check_config)

    p = sub.add_parser("inspect", help="show what mailflow understands of one .eml file")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.set_defaults(func=cmd_inspect)

    cli_facilitator.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    _setup_logging(args)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.func(args)
        return code
    except MailflowError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"mailflow: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug or an unexpected failure: one line, traceback with --debug
        if args.debug:
            traceback.print_exc()
        print(f"mailflow: the run failed: {exc.__class__.__name__}: {exc} "
              "(run with --debug for the traceback)", file=sys.stderr)
        log.debug("unexpected failure", exc_info=True)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
