"""Reading a few header fields of a message without parsing the whole of it.

The adapters need a field or two of messages they keep or write: the From address of a
kept message (to erase a person's mail), the Message-ID and Date of a mail being written.
Mail is untrusted input, so nothing here raises on a field it cannot read.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["first_field", "from_address", "header_block", "header_end", "header_value"]

_HEADER_END = re.compile(rb"\r?\n\r?\n")


def header_end(raw: bytes) -> int:
    """Where the header block of ``raw`` ends: the first empty line (the end when none)."""
    end = _HEADER_END.search(raw)
    return end.start() if end is not None else len(raw)


def header_block(raw: bytes) -> bytes:
    """The header block of ``raw``, without the empty line and the body after it."""
    return raw[:header_end(raw)]


@lru_cache(maxsize=16)
def _field(name: str) -> re.Pattern[bytes]:
    value = rb":([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)"  # up to the next line that is no fold
    return re.compile(rb"^" + re.escape(name.encode("ascii")) + value,
                      re.IGNORECASE | re.MULTILINE)


def first_field(raw: bytes, name: str) -> bytes | None:
    """The raw (still folded) value of the first ``name`` field in the header block of
    ``raw``, found without parsing; None when there is none."""
    field = _field(name).search(raw, 0, header_end(raw))
    return field.group(1) if field is not None else None


def header_value(header: bytes, name: str) -> str:
    """One field's value in a header block, unfolded ("" when missing)."""
    from email.parser import BytesHeaderParser  # only when erasing: not on every pass
    from email.policy import compat32

    value = BytesHeaderParser(policy=compat32).parsebytes(header).get(name)
    return " ".join(str(value).split()) if value is not None else ""


def from_address(header: bytes) -> str:
    """The lower-case address in the ``From:`` field of a header block ("" when unreadable)."""
    value = header_value(header, "From")
    if not value:
        return ""
    try:
        from email.utils import parseaddr

        _, found = parseaddr(value)
    except Exception:  # mail is untrusted: a header the parser cannot take matches nobody
        return ""
    return found.strip().lower()
