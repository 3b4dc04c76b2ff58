"""Bytes to text: the declared charset, then UTF-8, then windows-1252, as mail needs."""

from __future__ import annotations

__all__ = ["decode_bytes", "unsurrogate"]

_LATIN = frozenset({"us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "iso-8859-15",
                    "windows-1252", "cp1252"})


def decode_bytes(data: bytes, declared: str | None) -> tuple[str, str]:
    """(text, problem) decoding ``data``: declared charset, then UTF-8, then windows-1252.

    A body labelled as a Latin charset that is valid UTF-8 with non-ASCII bytes is read
    as UTF-8 (a common mislabelling)."""
    declared = (declared or "").strip().strip('"').lower()
    if declared in _LATIN and not data.isascii():
        try:
            return data.decode("utf-8"), f"charset {declared} mislabelled, read as utf-8"
        except UnicodeDecodeError:
            pass
    problem = ""
    # As browsers do (WHATWG): mail labelled Latin-1 or ASCII is read as windows-1252,
    # whose smart quotes and dashes Outlook sends under those labels.
    first = "windows-1252" if declared in _LATIN and "15" not in declared else declared
    for charset in (first, "utf-8", "windows-1252"):
        if not charset:
            continue
        try:
            return data.decode(charset), problem
        except LookupError:
            problem = f"unknown charset {declared[:40]!r}"
        except (UnicodeDecodeError, ValueError):  # ValueError: odd codecs' own errors
            if charset == first:
                problem = f"text not valid {declared[:40]}"
    return data.decode("latin-1"), problem or "undecodable text"


def unsurrogate(value: str) -> str:
    """8-bit header bytes come back from compat32 as surrogates: decode them as UTF-8."""
    try:
        data = value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return value
    return decode_bytes(data, "utf-8")[0]

