"""Where the shipped templates and default config live, in a checkout and when installed."""

from __future__ import annotations

from pathlib import Path

__all__ = ["default_config_path", "templates_dir"]

_PACKAGE = Path(__file__).resolve().parent.parent


def _find(name: str) -> Path:
    installed = _PACKAGE / "_data" / name  # the wheel maps top-level folders here
    checkout = _PACKAGE.parent / name  # a source checkout or an editable install
    return installed if installed.is_dir() else checkout


def templates_dir() -> Path:
    """The folder with one subfolder of Jinja2 templates per language."""
    return _find("templates")


def default_config_path() -> Path:
    """The embedded default configuration, ``config/mailflow.toml``."""
    return _find("config") / "mailflow.toml"
