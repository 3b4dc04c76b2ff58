"""The ``mailflow`` command: entry points for cron, the daemon and the facilitator.

Exit codes: 0 done, 1 failed run, 2 configuration or usage error, 75 another run
holds the store's lock (EX_TEMPFAIL: cron may simply try again). A user's mistake is
one clear line on stderr; ``--debug`` shows the traceback too.

The global options (``--config``, ``--debug``, ``--verbose``, ``--json-logs``) may come
before the command or after it: ``mailflow tick --config FILE`` is how people type it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from mailflow import __version__
from mailflow.cli.common import Subcommands
from mailflow.core.errors import EXIT_FAILED, EXIT_USAGE, MailflowError

__all__ = ["build_parser", "main"]

log = logging.getLogger("mailflow")

#: Each command: its name, and the module and function that add its parser, in the order
#: ``mailflow --help`` lists them. A run imports only the module of the command it runs,
#: so ``mailflow tick`` from cron loads nothing of the facilitator's commands.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("tick", "running", "add_tick"), ("check-config", "running", "add_check_config"),
    ("inspect", "inspect", "add_inspect"), ("run", "running", "add_run"),
    ("days", "days", "add_days"), ("people", "people", "add_people"),
    ("orgs", "people", "add_orgs"), ("attention", "attention", "add_attention"),
    ("digest", "attention", "add_digest"), ("costs", "costs", "add_costs"),
    ("announce", "outreach", "add_announce"), ("invite", "outreach", "add_invite"),
    ("export", "privacy", "add_export"), ("forget", "privacy", "add_forget"),
    ("demo", "demo", "add_demo"),
)


def _adder(module: str, function: str) -> Callable[[Subcommands], None]:
    adder: Callable[[Subcommands], None] = getattr(
        importlib.import_module(f"mailflow.cli.{module}"), function)
    return adder


def _command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word that is not an option or --config's
    value), when it is one of ours; None for none or an unknown one."""
    words = iter(argv)
    for word in words:
        if word == "--config":
            next(words, None)
        elif not word.startswith("-"):
            return word if any(word == name for name, _, _ in COMMANDS) else None
    return None


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
    if args.json_logs:
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    level = logging.DEBUG if args.debug else (logging.INFO if args.verbose else logging.WARNING)
    root.setLevel(level)
    # IMAPClient says INFO "Connection closed" at every logout: a line a pass for the daemon
    # (which logs INFO) and under -v. Its lines show with --debug only; its warnings always.
    logging.getLogger("imapclient").setLevel(logging.NOTSET if args.debug else logging.WARNING)


def _global_options(after_command: bool) -> argparse.ArgumentParser:
    """The options every command takes. After the command they default to "not given"
    (``SUPPRESS``), so they never overwrite what was given before it."""

    def default(value: object) -> Any:
        return argparse.SUPPRESS if after_command else value

    parser = argparse.ArgumentParser(add_help=False)
    options = parser.add_argument_group("global options (before or after the command)")
    options.add_argument("--config", default=default(None),
                         help="config file (default: $MAILFLOW_CONFIG or the embedded "
                         "config/mailflow.toml)")
    options.add_argument("--debug", action="store_true", default=default(False),
                         help="debug logs and tracebacks")
    options.add_argument("-v", "--verbose", action="store_true", default=default(False),
                         help="log what is done")
    options.add_argument("--json-logs", action="store_true", default=default(False),
                         help="log JSON lines to stderr")
    return parser


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``mailflow`` parser: the global options, then one sub-parser per command (only
    the command named ``only``, when given)."""
    parser = argparse.ArgumentParser(
        prog="mailflow", parents=[_global_options(after_command=False)],
        description="The scheduled daemon behind a development network's shared mailbox.",
    )
    parser.add_argument("--version", action="version", version=f"mailflow {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module, function in COMMANDS:
        if only is None or name == only:
            _adder(module, function)(_TakingGlobalOptions(sub))
    return parser


class _TakingGlobalOptions:
    """The subparsers object, handing every command the global options as a parent."""

    def __init__(self, sub: Any) -> None:  # argparse's _SubParsersAction
        self._sub = sub
        self._options = _global_options(after_command=True)

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = self._sub.add_parser(
            name, parents=[self._options], **kwargs)
        return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(only=_command_named(words))
    try:
        args = parser.parse_args(words)
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
