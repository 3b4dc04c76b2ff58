"""The main file: TinyDB's JSON laid out one record a line, written and read in chunks.

::

    {
    "people":{
    "1":{"address":"a@omnia.test",...},
    "2":{"address":"b@omnia.test",...}
    },
    "messages":{
    }
    }

which is exactly the JSON TinyDB reads: tables of document id -> document. It is written
in chunks straight to a temporary file and replaced atomically (fsync, 0600, rename, fsync
of the folder), and loaded a few hundred records at a time, so neither a compaction nor an
open holds the whole text. A file in any other layout (TinyDB's own, an older mailflow's
single line, a hand edit) is read whole, and the next compaction lays it out again.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import IO, Any

from mailflow.core.errors import StoreError

__all__ = ["CHUNK_BYTES", "encode", "load_store", "replace_atomically", "write_store"]

#: bytes of the main file read or written at a time
CHUNK_BYTES = 256 * 1024

#: JSON as mailflow writes it: compact, UTF-8 kept as is
encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _not_json(value: object) -> None:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# json's C encoder called straight, one document at a time, without JSONEncoder.encode's
# setup per call (a fifth of the time of writing 27,000 documents)
_ENCODE_PARTS: Callable[[Any, int], list[str]] | None = (
    None if c_make_encoder is None else
    c_make_encoder(None, _not_json, encode_basestring, None, ":", ",", False, False, True)
)


def _encode_doc(doc: Any) -> str:
    if _ENCODE_PARTS is None:
        return encode(doc)
    return "".join(_ENCODE_PARTS(doc, 0))


def write_store(handle: IO[bytes], tables: Iterable[tuple[str, Iterable[tuple[str, Any]]]]) -> None:
    """Write ``(table name, (document id, document)...)...`` to ``handle`` as TinyDB JSON,
    one document a line, a chunk of lines at a time (never the whole text at once)."""
    parts: list[str] = ["{"]
    size = 0
    for number, (name, docs) in enumerate(tables):
        parts.append(f"{',' if number else ''}\n{encode(name)}:{{")
        separator = "\n"
        for doc_id, doc in docs:
            line = f"{separator}{encode(doc_id)}:{_encode_doc(doc)}"
            parts.append(line)
            separator = ",\n"
            size += len(line)
            if size >= CHUNK_BYTES:
                handle.write("".join(parts).encode())
                parts, size = [], 0
        parts.append("\n}")
    parts.append("\n}\n")
    handle.write("".join(parts).encode())


def replace_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Replace ``path`` with what ``write`` writes to a file handle: a temporary file in
    the same folder, fsync, 0600, rename, fsync of the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when the file is written whole, not on every pass

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _open_main_file(path: Path) -> IO[bytes] | None:
    """The main file open for reading; None when there is none."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror})") from None


def load_store(path: Path, add: Callable[[str, dict[str, Any]], None],
               clear: Callable[[], None]) -> bool:
    """Feed the main file's documents to ``add(table, {document id: document})``, a batch
    at a time; False when there is no file or it is empty. A file in another layout is
    read whole (after ``clear()`` undoes what a first attempt added). Damage raises
    :class:`StoreError` naming the file."""
    handle = _open_main_file(path)
    if handle is None:
        return False
    with handle:  # read twice on fallback
        if _load_lines(path, handle, add):
            return True
        clear()
        handle.seek(0)
        data = _decode_whole(path, handle)
    if data is None:
        return False
    for name, docs in data.items():
        add(name, docs)
    return True


def _load_lines(path: Path, handle: IO[bytes], add: Callable[[str, dict[str, Any]], None]) -> bool:
    """Whether the file was in :func:`write_store`'s layout (and all of it given to ``add``)."""
    try:
        if handle.read(2) != b"{\n":
            return False
        for name, docs in _LineReader().batches(handle):
            add(name, docs)
        return True
    except _NotLineLayout:
        return False
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror})") from None


class _NotLineLayout(Exception):
    """The file is not (or no longer, from here on) in :func:`write_store`'s layout."""


# what the next line may be: a table's header, a record, a table's end ("}"), the file's end
_HEADER_OR_END = frozenset({"header", "end"})
_HEADER = frozenset({"header"})
_END = frozenset({"end"})
_RECORD_OR_CLOSE = frozenset({"record", "close"})
_RECORD = frozenset({"record"})
_CLOSE = frozenset({"close"})
_NOTHING: frozenset[str] = frozenset()

Batch = tuple[str, dict[str, Any]]


class _LineReader:
    """``(table name, {document id: document})`` batches of a file in :func:`write_store`'s
    layout, a chunk of lines at a time (the first line ``{`` already read). Raises
    :class:`_NotLineLayout` at the first line that does not fit."""

    def __init__(self) -> None:
        self.may: frozenset[str] = _HEADER_OR_END
        self.table = ""

    def batches(self, handle: IO[bytes]) -> Iterator[Batch]:
        for lines in iter(lambda: handle.readlines(CHUNK_BYTES), []):
            start = 0
            while start < len(lines):
                start, batch = self._step(lines, start)
                if batch is not None:
                    yield batch
        if self.may is not _NOTHING:
            raise _NotLineLayout

    def _step(self, lines: list[bytes], start: int) -> tuple[int, Batch | None]:
        """Read the line(s) at ``start``: where the next read starts, and any batch."""
        line = lines[start]
        if line[:1] == b"}":
            self._close(line)
            return start + 1, None
        if "header" in self.may:
            return start + 1, self._header(line)
        if "record" in self.may:
            return self._records(lines, start)
        raise _NotLineLayout

    def _close(self, line: bytes) -> None:
        if line == b"}\n" and "end" in self.may:
            self.may = _NOTHING
        elif line in (b"}\n", b"},\n") and "close" in self.may:
            self.may = _HEADER if line == b"},\n" else _END
        else:
            raise _NotLineLayout

    def _header(self, line: bytes) -> Batch:
        name = _decode_json(line[:-3]) if line.endswith(b":{\n") else None
        if not isinstance(name, str):
            raise _NotLineLayout
        self.table, self.may = name, _RECORD_OR_CLOSE
        return name, {}  # the table exists even when it holds no document

    def _records(self, lines: list[bytes], start: int) -> tuple[int, Batch]:
        """A run of documents up to a ``}`` line or the chunk's end, parsed as one object."""
        end = start
        while end < len(lines) and lines[end][:1] != b"}":
            end += 1
        run = lines[start:end]
        if run[-1].endswith(b",\n"):
            run[-1], self.may = run[-1][:-2], _RECORD
        else:
            self.may = _CLOSE
        docs = _decode_json(b"".join([b"{", *run, b"}"]))
        if not isinstance(docs, dict):
            raise _NotLineLayout
        return end, (self.table, docs)


def _decode_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _NotLineLayout from None


def _decode_whole(path: Path, handle: IO[bytes]) -> dict[str, Any] | None:
    try:
        text = handle.read().decode("utf-8")  # the bytes are dropped before parsing
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: the store is not UTF-8 ({exc.reason} at byte {exc.start})") \
            from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror})") from None
    if not text.strip():
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreError(f"{path}: the store is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise StoreError(f"{path}: the store is not a TinyDB file")
    return data
