"""What the commands share: the settings of ``--config``, the moment of ``--now``, the
facilitator's labels, tables and CSV on stdout, and finding a network day."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from mailflow.config.loader import Settings, config_path_from, load_settings
from mailflow.core.errors import UsageError
from mailflow.core.model import NetworkDay
from mailflow.core.values import NetworkState

if TYPE_CHECKING:
    from mailflow.core.languages.labels import Labels

__all__ = ["Subcommands", "day_of", "labels_of", "parse_now", "print_csv", "settings_of",
           "table"]

class Subcommands(Protocol):
    """Where a command family adds its commands (``add_subparsers()``, as ``main`` hands
    it over)."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


def parse_now(value: str | None) -> datetime:
    """``--now`` for tests and the demo; the real clock otherwise."""
    if not value:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--now: expected an ISO 8601 moment, got {value!r}") from None
    if moment.tzinfo is None:
        raise UsageError("--now: give a UTC offset, e.g. 2026-12-02T09:00+02:00")
    return moment


def settings_of(args: argparse.Namespace) -> Settings:
    """The settings of ``--config`` (or ``$MAILFLOW_CONFIG``, or the embedded default)."""
    return load_settings(config_path_from(args.config))


def labels_of(settings: Settings) -> Labels:
    """The facilitator's labels, in the network's language."""
    from mailflow.core.languages.registry import pack  # loads the packs: not on idle ticks

    return pack(settings.network.language).labels


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table: a header row, a rule, the rows; columns as wide as their widest."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """The rows as CSV on stdout, ``;``-separated as Finnish Excel reads it."""
    import csv

    writer = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)


def day_of(state: NetworkState, day_id: str) -> NetworkDay:
    """The network day ``day_id``; a usage error naming the known ones when there is none."""
    if day_id not in state.days:
        known = ", ".join(sorted(state.days)) or "none yet"
        raise UsageError(f"no network day {day_id!r} (known: {known})")
    return state.days[day_id]
