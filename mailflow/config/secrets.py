"""Secrets at connect time: from the environment, a command, or an OAuth2 token command.

They are never in the config file, the store, a log line or an error message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

from mailflow.config.loader import ServerSettings
from mailflow.core.errors import SecretError

__all__ = ["Secret", "resolve_secret"]


@dataclass(frozen=True)
class Secret:
    """A credential fetched at connect time. ``repr`` never shows the value."""

    kind: Literal["password", "oauth2", "none"]
    value: str = field(repr=False, default="")


def resolve_secret(server: ServerSettings, section: str) -> Secret:
    """Fetch the server's secret from the environment or a command; raise ``SecretError``."""
    if server.password_env:
        value = os.environ.get(server.password_env, "")
        if not value:
            raise SecretError(
                f"the environment variable {server.password_env} is not set",
                key=f"{section}.password_env",
            )
        return Secret("password", value)
    if server.password_command:
        return Secret("password", _run_secret_command(server.password_command,
                                                      f"{section}.password_command"))
    if server.oauth2_token_command:
        return Secret("oauth2", _run_secret_command(server.oauth2_token_command,
                                                    f"{section}.oauth2_token_command"))
    return Secret("none")


def _run_secret_command(command: str, key: str) -> str:
    import subprocess  # only for a password or token command

    try:
        done = subprocess.run(
            ["/bin/sh", "-c", command], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SecretError(f"the command could not be run ({exc.__class__.__name__})",
                          key=key) from None
    value = done.stdout.strip()
    if done.returncode != 0 or not value:
        # stderr is not shown: a failing password manager may print the secret's context.
        raise SecretError(
            f"the command exited with status {done.returncode} and printed "
            f"{'nothing' if not value else 'something'} on stdout",
            key=key,
        )
    return value
