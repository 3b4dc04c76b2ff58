"""The mailbox read in a child process, so that reading does not take the pass's turns.

Reading a batch of 200 messages from IMAP costs about 0.15 ms of Python a message
(imaplib reads each response line by line, IMAPClient parses each FETCH item). On a
thread of the pass's own process that time is taken from the pass and the worker it
feeds: both wait for the one interpreter lock. So when the pass may fork (it has one
thread: ``mailflow tick`` from cron), :class:`ForkedReader` forks a child before the store
is loaded. The child opens its own mailbox (a connection of its own) and reads one batch
each time it is asked; the batch comes back whole over a pipe, and waiting on a pipe
leaves the lock free. The pass's reading thread only asks and waits, so the read-ahead
and its memory bound are the same as with a reading thread (two batches ahead).

The child logs in as soon as it is forked, while the pass loads its store and replays
its moves, so the first batch comes sooner. It only reads (``BODY.PEEK[]``), so it
changes nothing: the pass commits each batch's cursor and moves the messages as before.
If the child fails, the error it met comes back to the pass as it would have on a
reading thread; if it dies, the pass gets a ``TemporaryServerError`` and the next pass
starts again at the last committed cursor.
Beside other threads (the daemon) nothing is forked and the pass reads on a thread; a
local Maildir is read on a thread too (files, no protocol to parse: a fork would cost
more than it saves).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Generator, Iterator
from datetime import datetime
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from mailflow.adapters.ports import Batch, Mailbox
from mailflow.core.errors import MailflowError, TemporaryServerError
from mailflow.intake.forking import end, fork_child, let_go, may_fork

__all__ = ["ForkedReader"]

log = logging.getLogger(__name__)

_NEXT, _CLOSE = b"next", b"close"


def _serve(conn: Connection, open_mailbox: Callable[[], Mailbox]) -> None:
    """The child: wait for what to read, then send one batch per request until told to
    close (or the pipe closes); the last answer is the mailbox's history count."""
    let_go(conn.fileno())
    opened: list[Mailbox] = []
    try:  # log in while the pass loads its store; a failure shows again when reading
        opened.append(open_mailbox())
        opened[0].connect()
    except Exception as exc:
        log.debug("logging in ahead failed (%s); trying again when reading", exc)
    try:
        args, kwargs = conn.recv()
    except (EOFError, OSError):
        if opened:
            opened[0].close()
        return

    def batches() -> Generator[Batch, None, None]:
        if not opened:
            opened.append(open_mailbox())
        yield from opened[0].fetch_new(*args, **kwargs)

    reading = batches()
    try:
        while conn.recv_bytes() == _NEXT:
            try:
                batch = next(reading, None)
            except BaseException as exc:  # handed to the pass, which raises it
                conn.send_bytes(_error(exc))
                continue
            conn.send_bytes(pickle.dumps(("batch", batch), protocol=pickle.HIGHEST_PROTOCOL))
        reading.close()
        conn.send(("closed", opened[0].history_count if opened else 0))
    except (EOFError, OSError):
        return  # the pass is gone
    finally:
        if opened:
            opened[0].close()


def _error(exc: BaseException) -> bytes:
    """``exc`` pickled for the pass; as a MailflowError with its text if it does not
    survive pickling (a library's exception with required arguments, say)."""
    try:
        data = pickle.dumps(("error", exc), protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)  # noqa: S301 - made just now
        return data
    except Exception:
        text = f"{type(exc).__name__}: {exc}".rstrip(": ")
        return pickle.dumps(("error", MailflowError(text)), protocol=pickle.HIGHEST_PROTOCOL)


class ForkedReader:
    """A mailbox read by a forked child (see the module's notes).

    open_mailbox: opens the mailbox; called in the child. :meth:`fork_standby` forks the
    child while the process is small; then :meth:`fetch_new` reads through it, once.
    """

    def __init__(self, open_mailbox: Callable[[], Mailbox]) -> None:
        self._open_mailbox = open_mailbox
        self._conn: Connection | None = None
        self._process: BaseProcess | None = None
        self._history = 0

    @property
    def ready(self) -> bool:
        """Whether the child runs and has not been used yet."""
        return self._conn is not None and self._process is not None

    @property
    def history_count(self) -> int:
        """How many messages older than ``since`` the child's fetch left alone."""
        return self._history

    def fork_standby(self) -> None:
        """Fork the child now if the process has one thread (otherwise do nothing, and the
        pass reads on a thread)."""
        if self._process is None and may_fork():
            try:
                self._conn, self._process = fork_child(_serve, (self._open_mailbox,),
                                                       "mailflow-reader")
            except OSError as exc:
                log.warning("cannot fork a reading process (%s); reading on a thread", exc)

    def fetch_new(self, cursor: dict[str, Any], since: datetime, batch_size: int,
                  max_bytes: int, *, first_size: int = 0) -> Iterator[Batch]:
        """The mailbox's ``fetch_new``, read by the child one batch per ``next``. Closing
        the iterator (or using it up) ends the child."""
        conn = self._conn
        if conn is None:
            raise RuntimeError("the reading process is not running")
        self._conn = None  # used once
        try:
            _talk(conn.send, ((cursor, since, batch_size, max_bytes),
                              {"first_size": first_size}))
            while True:
                _talk(conn.send_bytes, _NEXT)
                kind, value = pickle.loads(_received(conn))  # noqa: S301 - our own child
                if kind == "error":
                    raise value
                if value is None:
                    return
                yield value
        finally:
            self._finish(conn)

    def __enter__(self) -> ForkedReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the child if it was never used. Closing again does nothing."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._join()

    def _finish(self, conn: Connection) -> None:
        try:
            conn.send_bytes(_CLOSE)
            kind, history = conn.recv()
            if kind == "closed":
                self._history = int(history)
        except (EOFError, OSError, ValueError, TypeError):
            pass  # the child is gone: nothing to finish
        finally:
            conn.close()
            self._join()

    def _join(self) -> None:
        if self._process is not None:
            end(self._process, timeout=10)
            self._process = None


def _received(conn: Connection) -> bytes:
    return _talk(conn.recv_bytes)  # type: ignore[no-any-return]


def _talk(call: Callable[..., Any], *args: Any) -> Any:
    """``call(*args)`` on the child's pipe; a TemporaryServerError if the child is gone."""
    try:
        return call(*args)
    except (EOFError, OSError) as exc:
        raise TemporaryServerError(
            f"the mailbox reading process ended unexpectedly ({type(exc).__name__})") from None
