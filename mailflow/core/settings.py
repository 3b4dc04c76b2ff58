"""The settings the core reads: who the network is and which names mean which organisation.

They are loaded and checked by :mod:`mailflow.config`; the core only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["NetworkSettings", "OrganisationAlias"]


@dataclass(frozen=True)
class NetworkSettings:
    """Who the network is: its address, its facilitators, its rules.

    facilitators: the addresses that get the digest and cost summaries and may command
    by mail; facilitator: the first of them (the old single key ``network.facilitator``
    loads as a list of one).
    """

    address: str
    facilitator: str = ""
    name: str = "Kehittämisverkosto"
    facilitator_name: str = ""
    timezone: str = "Europe/Helsinki"
    language: str = "fi"  # a registered language pack's code (checked on loading)
    max_per_org: int = 4
    cost_split: Literal["participating", "committed"] = "participating"
    facilitators: tuple[str, ...] = ()

    @property
    def all_facilitators(self) -> tuple[str, ...]:
        """Every facilitator's address (``facilitators``, else the single ``facilitator``)."""
        return self.facilitators or ((self.facilitator,) if self.facilitator else ())


@dataclass(frozen=True)
class OrganisationAlias:
    """A canonical organisation name and the other names and domains that mean it."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
