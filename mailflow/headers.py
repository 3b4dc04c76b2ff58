"""Safe header values from untrusted text (pure).

User text (names, organisations, subjects) reaches headers only through
:func:`clean_header_text`, which leaves one harmless line: no CR, LF or other control
characters, no encoded-word (``=?charset?q?...?=``) that a mail client would decode back
into a line break or a fake header.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from email.header import decode_header, make_header
from email.headerregistry import Address

from mailflow.errors import MailflowError

__all__ = [
    "InvalidAddressError",
    "clean_address",
    "clean_header_text",
    "clean_message_ids",
    "format_address",
    "make_message_id",
]

_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_SPACES = re.compile(r"\s+")
_ADDRESS = re.compile(r"[^@\s<>()\[\],;:\"\\]+@[A-Za-z0-9.-]+")
_MSG_ID = re.compile(r"<[^<>\s@\"\\]+@[^<>\s@\"\\]+>")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


class InvalidAddressError(MailflowError, ValueError):
    """An address that cannot be put in a header as it is."""


def _decode_encoded_words(text: str) -> str:
    if not _ENCODED_WORD.search(text):
        return text
    try:
        return str(make_header(decode_header(text)))
    except (UnicodeError, LookupError, ValueError):  # unknown charset, bad base64...
        return _ENCODED_WORD.sub(" ", text)


def _printable(text: str) -> str:
    """Control, format and separator characters other than a plain space become spaces."""
    return "".join(
        " " if unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"} else c
        for c in text
    )


def clean_header_text(text: str, max_len: int = 200) -> str:
    """One harmless line of at most ``max_len`` characters, made from untrusted ``text``.

    Encoded-words are decoded and their result cleaned too; whatever still looks like
    the start of one (``=?``) is broken up, so no client decodes it later.
    """
    line = _printable(_decode_encoded_words(_printable(str(text))))
    line = _SPACES.sub(" ", line).strip().replace("=?", "= ?")
    if len(line) > max_len:
        line = line[: max_len - 1].rstrip() + "…"
    return line


def clean_address(address: str) -> str:
    """``address`` as a bare addr-spec, or raise :class:`InvalidAddressError`."""
    candidate = address.strip()
    if not _ADDRESS.fullmatch(candidate) or candidate.count("@") != 1:
        raise InvalidAddressError(f"not a usable mail address: {clean_header_text(address, 80)!r}")
    return candidate


def format_address(name: str, address: str) -> str:
    """``"Name" <address>`` for a header, the name cleaned and quoted as needed.

    Built with :class:`email.headerregistry.Address`, so specials in a name (``,`` ``"``
    ``<``) stay inside the quoted display name; a message with ``policy=SMTP`` writes a
    non-ASCII name as an RFC 2047 encoded-word.
    """
    display = clean_header_text(name, 100)
    local, domain = clean_address(address).rsplit("@", 1)
    return str(Address(display_name=display, username=local, domain=domain))


def clean_message_ids(*values: str) -> tuple[str, ...]:
    """The well-formed ``<id@host>`` tokens in untrusted header values, in order, once each."""
    found: list[str] = []
    for value in values:
        for token in _MSG_ID.findall(value or ""):
            if token not in found:
                found.append(token)
    return tuple(found)


def make_message_id(key: str, domain: str, day: str = "") -> str:
    """A deterministic Message-ID for an idempotency key: a resend carries the same one.

    ``<hash.day-ID@domain>`` when the mail is about network day ``ID`` (RSVP replies are
    matched by ``.day-ID@`` in References), else ``<hash@domain>``.
    """
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    host = _ID_UNSAFE.sub("", domain) or "mailflow.invalid"
    if day:
        return f"<{digest}.day-{_ID_UNSAFE.sub('_', day)}@{host}>"
    return f"<{digest}@{host}>"
