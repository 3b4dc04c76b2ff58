"""Small text helpers of the rules: user text made one safe line, addresses, subjects."""

from __future__ import annotations

import hashlib
import re

from mailflow.core.model import Person

__all__ = ["bracketed", "clean", "fingerprint", "is_address", "short_hash", "thread_subject"]

_ADDRESS = re.compile(r"[^@\s<>\"(),;:\[\]]+@[^@\s<>\"(),;:\[\]]+\.[^@\s<>\"(),;:\[\]]+")
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|vs|vl|fwd?|aw|sv)\s*(?:\[\d+\])?\s*:)+", re.IGNORECASE)


def clean(text: str, limit: int = 200) -> str:
    """User text made safe for one line: no CR/LF or other control characters."""
    one_line = " ".join(str(text).split())
    if one_line.isprintable():  # nearly always: no need to look at each character
        return one_line[:limit]
    return "".join(c for c in one_line if c.isprintable())[:limit]


def bracketed(message_id: str) -> str:
    """A Message-ID as headers carry it: parse keys messages by the id without <>."""
    inner = message_id.strip().strip("<>")
    return f"<{inner}>" if inner else ""


def is_address(address: str) -> bool:
    return len(address) <= 254 and _ADDRESS.fullmatch(address) is not None


def thread_subject(subject: str) -> str:
    """The subject without reply/forward prefixes (Re:, Vs:, VS:, Fwd:, VL:), lower-cased."""
    return _REPLY_PREFIX.sub("", subject).strip().lower()


def short_hash(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def fingerprint(person: Person) -> tuple[str, ...]:
    return (person.name, person.org, person.role, person.status,
            str(person.waitlist_position), ",".join(person.days), person.diet)

