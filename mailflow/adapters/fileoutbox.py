"""A Sender that writes each mail as an ``.eml`` file a person can open (the default outbox)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import default
from email.utils import parsedate_to_datetime
from pathlib import Path

from mailflow.adapters.durable import fsync_folder, write_file_atomically
from mailflow.adapters.header_fields import first_field
from mailflow.adapters.ports import SendResult
from mailflow.core.errors import TemporaryServerError

__all__ = ["FileOutbox"]

# The Message-ID of a rendered mail, found in its header block without parsing it (the
# raw is mailflow's own output); anything else is left to the email package.
_MESSAGE_ID = re.compile(rb"<[^<>\s]+>")


def _message_id(raw: bytes) -> str:
    """The Message-ID of ``raw``; the first field's value, as the email package reads it."""
    field = first_field(raw, "Message-ID")
    if field is not None:
        value = field.strip()
        if _MESSAGE_ID.fullmatch(value):
            return value.decode("ascii")
    return str(BytesHeaderParser(policy=default).parsebytes(raw).get("Message-ID", ""))


def _written_at(raw: bytes) -> datetime | None:
    """The mail's Date (UTC), which a resend of the same mail carries unchanged; None when
    it has no date that parses."""
    field = first_field(raw, "Date")
    if field is None:
        return None
    try:
        written = parsedate_to_datetime(field.decode("ascii", "replace").strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return written.astimezone(UTC) if written.tzinfo is not None else None


def _id_hash(message_id: str) -> str:
    return hashlib.sha256(message_id.strip().encode("utf-8")).hexdigest()[:16]


class FileOutbox:
    """Writes mail to ``path`` as ``<UTC time>-<hash of Message-ID>.eml``.

    Each file is written to a temporary name and renamed, so a reader never sees half a
    mail. Sending the same Message-ID again replaces its file instead of adding a second
    one, as a resend after a crash would: the time in the name is the mail's own Date,
    so a resend comes to the same name without listing the folder (a mail without a Date
    is looked for by its Message-ID among the files, and named with the time of
    writing). Files are private to the owner (mode 0600): they hold people's names and
    addresses.
    """

    resends_replace = True  # the same Message-ID is written over its earlier file

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.last_paths: list[Path] = []
        self._files: dict[str, Path] | None = None
        self._unsynced = False  # files renamed into the folder since its last fsync

    def send(self, raw: bytes, sender: str, recipients: list[str]) -> SendResult:
        message_id = _message_id(raw)
        if not message_id:
            message_id = "sha256:" + hashlib.sha256(raw).hexdigest()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            written = _written_at(raw)
            if written is not None:
                target = self.path / f"{written:%Y%m%dT%H%M%SZ}-{_id_hash(message_id)}.eml"
            else:
                target = self.path_for(message_id) or self.path / self._name(message_id)
            self._write_atomically(target, raw)
        except OSError as exc:
            raise TemporaryServerError(f"cannot write to the outbox {self.path}: {exc}") from exc
        self.last_paths.append(target)
        if self._files is not None:
            self._files[_id_hash(message_id)] = target
        return SendResult()

    def path_for(self, message_id: str) -> Path | None:
        """The file holding the mail with this Message-ID, or None when there is none.
        The folder is listed once per outbox object, then kept up to date by send."""
        if self._files is None:
            names: dict[str, str] = {}
            with contextlib.suppress(FileNotFoundError), os.scandir(self.path) as entries:
                for entry in entries:
                    name = entry.name
                    if name.endswith(".eml") and "-" in name and not name.startswith("."):
                        digest = name[:-4].rsplit("-", 1)[1]
                        names[digest] = max(name, names.get(digest, name))  # the latest
            self._files = {digest: self.path / name for digest, name in names.items()}
        return self._files.get(_id_hash(message_id))

    def close(self) -> None:
        """Make the renames of this outbox's files durable: one folder fsync for them all
        (a mail is marked sent only after this; until then a crash resends it, which
        replaces its file)."""
        if self._unsynced:
            fsync_folder(self.path)
            self._unsynced = False

    def _name(self, message_id: str) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        return f"{stamp}-{_id_hash(message_id)}.eml"

    def _write_atomically(self, target: Path, raw: bytes) -> None:
        write_file_atomically(target, raw)
        self._unsynced = True

