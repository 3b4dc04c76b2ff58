"""The seam between a pass and its intake: what a pass asks for, whichever intake serves it.

A pass asks an :class:`Intake` for batches of new messages, each message an
:class:`Arrival` carrying what was prepared of it ahead (parsed, understood), and asks it
to move the messages it has decided on. How the messages come (read on a thread, by a
forked child, prepared by a worker process) is the intake's business: the pass never
sees a process, a thread or a claim. Two intakes serve it:
:class:`~mailflow.intake.sequential.SequentialIntake` and, for backlogs,
:class:`~mailflow.intake.pipelined.PipelinedIntake`; the composition root chooses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from mailflow.adapters.ports import IncomingMessage, Mailbox
from mailflow.core.values import Intent, NetworkState, ParsedMessage
from mailflow.intake.preparer import Preparer

if TYPE_CHECKING:
    from mailflow.intake.prepare import Prepared

__all__ = [
    "FIRST_BATCH", "Arrival", "BatchSizes", "Intake", "IntakeBatch", "Moves", "never_holds",
    "replay_moves",
]

#: the first batch of a pass holds at most this many messages: in a backlog, the worker
#: process starts and the first answers go out sooner (the others: mailbox.batch_size)
FIRST_BATCH = 50

#: refs of handled messages by the folder they go to
Moves = dict[str, list[str]]


def replay_moves(box: Mailbox, moves: Moves) -> int:
    """Make again the moves a crashed pass had asked for (``move_again`` does not copy a
    message twice); how many messages they were."""
    for folder, refs in moves.items():
        box.move_again(refs, folder)
    return sum(len(refs) for refs in moves.values())


def never_holds(prepared: Prepared, state: NetworkState) -> bool:
    """For an intake that prepares nothing ahead: nothing prepared holds."""
    return False


@dataclass(frozen=True)
class BatchSizes:
    """How many messages a batch holds: ``batch_size``, the first at most ``first``
    (0: no limit of its own); a message over ``max_bytes`` comes unread."""

    batch_size: int
    max_bytes: int
    first: int = 0

    @classmethod
    def of(cls, batch_size: int, max_bytes: int) -> BatchSizes:
        """The sizes a pass reads in: the first batch at most :data:`FIRST_BATCH`."""
        return cls(batch_size, max_bytes, min(batch_size, FIRST_BATCH))


@dataclass(frozen=True)
class Arrival:
    """One new message and what was prepared of it ahead (``ahead``; None: nothing).

    preparer: parses and understands it at its turn when nothing was prepared;
    holds: whether an understanding made ahead is what understanding it now would give.
    """

    incoming: IncomingMessage
    preparer: Preparer
    ahead: Prepared | None = None
    holds: Callable[[Prepared, NetworkState], bool] = never_holds

    def key(self) -> str:
        """The message's key (its Message-ID, or a digest of it); needs ``raw``."""
        if self.ahead is not None:
            return self.ahead.parsed.key
        assert self.incoming.raw is not None
        return self.preparer.key(self.incoming.raw)

    def parsed(self) -> ParsedMessage:
        """The message parsed: ahead, or now (parsing costs: ask once)."""
        if self.ahead is not None:
            return self.ahead.parsed
        assert self.incoming.raw is not None
        return self.preparer.parse(self.incoming.raw)

    def intent(self, parsed: ParsedMessage, state: NetworkState) -> Intent:
        """What the message asks for against ``state``: the understanding made ahead
        when it still holds, else understood now."""
        ahead = self.ahead
        if ahead is not None and ahead.intent is not None and self.holds(ahead, state):
            return ahead.intent
        return self.preparer.understand(parsed, state)


@dataclass(frozen=True)
class IntakeBatch:
    """A batch of new messages and the mailbox cursor to commit with their outcomes.

    Iterate it once, deciding on each arrival in turn before asking for the next: when
    the iteration ends, the intake may take the state (``state()`` of
    :meth:`Intake.batches`) as those decisions left it, for what it prepares next.
    """

    size: int
    cursor: dict[str, Any]
    arrivals: Iterator[Arrival]

    def __iter__(self) -> Iterator[Arrival]:
        return self.arrivals


class Intake(Protocol):
    """How a pass gets its messages and moves them out of the inbox.

    Call :meth:`get_ready` before the pass loads its store (a dry run may skip it),
    then :meth:`replay`, :meth:`batches` and the moves, :meth:`finish_moves` at the end,
    and :meth:`close` in any case (it ends whatever the intake started; again: nothing).
    """

    def get_ready(self) -> None:
        """Get ready to read and prepare ahead while the process is still small."""
        ...

    def replay(self, moves: Moves) -> int:
        """Move again what a pass cut short had committed to move; returns how many."""
        ...

    def batches(self, cursor: dict[str, Any], since: datetime,
                state: Callable[[], NetworkState]) -> Iterator[IntakeBatch]:
        """The new messages from ``cursor`` on, in batches (older than ``since``: left
        alone and counted in :attr:`history_count`). ``state()`` is the state the next
        messages are decided against."""
        ...

    def unmoved(self, moves: Moves) -> Moves:
        """The moves asked for and not yet done, with ``moves``: what must stay
        committed as pending. A move that failed raises its error here."""
        ...

    def move(self, moves: Moves) -> None:
        """Move handled messages out of the inbox (now or soon; see :meth:`unmoved`)."""
        ...

    def finish_moves(self) -> bool:
        """Do every move asked for (raising the error of one that failed); True when
        there were any."""
        ...

    @property
    def history_count(self) -> int:
        """How many messages older than ``since`` the last batches left alone."""
        ...

    def close(self) -> None: ...
