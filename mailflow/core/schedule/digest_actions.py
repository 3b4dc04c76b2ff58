"""The digest's action links: the prepared mails that make the digest a control panel (pure).

Each attention item carries *reply to the person* (to them, the network's address in Cc,
"Re: <their subject>", their text quoted) and *mark handled* (to the network's address,
"<HANDLED word> #ref"); a waitlisted person carries *offer a place*; a bounced address
*retry* and *remove*. A command's words are the digest language's first word for the verb
(``Knowledge.commands``), so a command mail is read back by the same pack. Every link is
a ``mailto:`` URL from :func:`mailflow.core.writing.mailto.mailto_url` ("" when an address
cannot be linked); the text part shows the same command, since a text client has no links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailflow.core.commands import Verb, item_ref
from mailflow.core.languages.registry import DEFAULT, pack
from mailflow.core.writing.mailto import mailto_url, quote_lines

__all__ = ["Action", "BouncedAddress", "Reply", "bounced_actions", "command", "handled_action",
           "offer_action", "reply", "reply_subject"]

_REPLY_PREFIX = re.compile(r"^\s*((re|vs|sv|aw|fw|fwd|vl|ve)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)


@dataclass(frozen=True)
class Action:
    """A command mail to the network's address: ``command`` is its subject (what a text
    client writes by hand), ``url`` the mailto link that writes it ("" when none)."""

    command: str
    url: str


@dataclass(frozen=True)
class Reply:
    """An answer to a person: to them, the network's address in Cc, their text quoted."""

    to: str
    subject: str
    url: str  # "" when the sender's address cannot be linked


@dataclass(frozen=True)
class BouncedAddress:
    """An address whose mail bounced, with *retry* and *remove*."""

    address: str
    retry: Action
    remove: Action


def command(verb: Verb, argument: str, language: str) -> str:
    """The subject of a command mail in ``language``: its first word for ``verb`` and the
    argument ("KÄSITELTY #k3m9qa", "TARJOA anna@example.org")."""
    words = pack(language).knows.commands.get(verb) or pack(DEFAULT).knows.commands[verb]
    return f"{words[0]} {argument}"


def _action(verb: Verb, argument: str, network_address: str, language: str) -> Action:
    subject = command(verb, argument, language)
    url = mailto_url(network_address, subject=subject) if network_address else None
    return Action(subject, url or "")


def handled_action(item_id: str, network_address: str, language: str) -> Action:
    """*Mark handled* for an attention item: "<HANDLED word> #ref" to the network."""
    return _action("handled", item_ref(item_id), network_address, language)


def offer_action(address: str, network_address: str, language: str) -> Action:
    """*Offer a place* to a waitlisted person: "<OFFER word> <address>" to the network."""
    return _action("offer", address, network_address, language)


def bounced_actions(address: str, network_address: str, language: str) -> BouncedAddress:
    """*Retry* and *remove* for an address whose mail bounced."""
    return BouncedAddress(address, _action("retry", address, network_address, language),
                          _action("remove", address, network_address, language))


def reply_subject(subject: str) -> str:
    """"Re: <subject>", with any earlier Re:/Vs:/SV:/AW: prefixes removed."""
    return "Re: " + _REPLY_PREFIX.sub("", subject).strip()


def reply(sender: str, subject: str, text: str, network_address: str) -> Reply:
    """*Reply to the person*: to ``sender``, the network in Cc (so the answer marks the
    item handled), "Re: <subject>", ``text`` quoted with "> " (trimmed to fit)."""
    cc = (network_address,) if network_address else ()
    body = "\n\n" + quote_lines(text) if text else ""
    url = mailto_url(sender, cc=cc, subject=reply_subject(subject), body=body) if sender else None
    return Reply(sender, reply_subject(subject), url or "")
