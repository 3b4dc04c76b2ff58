"""Wording: what mailflow says in one language outside the templates."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Wording"]


@dataclass(frozen=True)
class Wording:
    """What mailflow says in one language outside the templates."""
