"""The settings the core reads: who the network is and which names mean which organisation.

They are loaded and checked by :mod:`mailflow.config`; the core only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["NetworkSettings", "OrganisationAlias"]


@dataclass(frozen=True)
class NetworkSettings:
    """Who the network is: its address, its facilitator, its rules."""

    address: str
    facilitator: str
    name: str = "Kehittämisverkosto"
    facilitator_name: str = ""
    timezone: str = "Europe/Helsinki"
    language: str = "fi"  # a registered language pack's code (checked on loading)
    max_per_org: int = 4
    cost_split: Literal["participating", "committed"] = "participating"


@dataclass(frozen=True)
class OrganisationAlias:
    """A canonical organisation name and the other names and domains that mean it."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
