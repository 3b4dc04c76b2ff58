"""Knowledge: what reading and understanding look for in one language."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Knowledge"]


@dataclass(frozen=True)
class Knowledge:
    """What reading and understanding look for in one language."""
