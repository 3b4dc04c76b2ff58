"""What every command shares: the settings of ``--config`` and the moment of ``--now``."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from mailflow.config.loader import Settings, config_path_from, load_settings
from mailflow.core.errors import UsageError

__all__ = ["parse_now", "settings_of"]


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
    return load_settings(config_path_from(args.config))
