"""Preparing a message at its turn, in the pass: parse it, understand it.

Kept apart from :mod:`mailflow.intake.prepare` (preparing ahead, against a view) so that a
pass with nothing new imports neither the stages nor the view machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mailflow.core.settings import OrganisationAlias

if TYPE_CHECKING:
    from mailflow.core.organisations import DirectoryCache
    from mailflow.core.values import Intent, NetworkState, ParsedMessage

__all__ = ["Preparer", "Reader", "parse_for"]


@dataclass(frozen=True)
class Reader:
    """What understanding needs besides the state: the network's own address and domain,
    the configured organisation aliases and the trusted Authentication-Results server."""

    own_address: str
    trusted_authserv_id: str = ""
    aliases: tuple[OrganisationAlias, ...] = ()

    @property
    def network_domain(self) -> str:
        return self.own_address.rsplit("@", 1)[-1]


class Preparer:
    """Parses and understands messages at their turn, in the pass, for ``reader``'s network.

    The reading and understanding stages (hundreds of patterns compiled at import) are
    imported at the first message: a pass with nothing new never pays for them.
    """

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._orgs: DirectoryCache | None = None

    def key(self, raw: bytes) -> str:
        """The message's key, without parsing it whole."""
        from mailflow.core.reading.parse import message_key

        return message_key(raw)

    def parse(self, raw: bytes) -> ParsedMessage:
        return parse_for(raw, self.reader)

    def understand(self, parsed: ParsedMessage, state: NetworkState) -> Intent:
        """What ``parsed`` asks for against ``state``."""
        from mailflow.core.organisations import DirectoryCache
        from mailflow.core.understanding.intents import understand

        if self._orgs is None:
            self._orgs = DirectoryCache(self.reader.aliases)
        reader = self.reader
        return understand(parsed, state, self._orgs.of(state.organisations),
                          own_address=reader.own_address, network_domain=reader.network_domain)


def parse_for(raw: bytes, reader: Reader) -> ParsedMessage:
    """``raw`` parsed for ``reader``'s network."""
    from mailflow.core.reading.parse import parse_message

    return parse_message(raw, own_address=reader.own_address,
                         trusted_authserv_id=reader.trusted_authserv_id)
