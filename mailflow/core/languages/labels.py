"""Labels: the facilitator's CLI labels, CSV headers and file names in one language."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Labels"]


@dataclass(frozen=True)
class Labels:
    """The facilitator's CLI labels, CSV headers and file names in one language."""
