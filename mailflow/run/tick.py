"""The one pass the daemon and cron both run: intake -> decide -> record -> send -> acknowledge.

Exactly once: every message's outcome is committed to the store (with the mailbox cursor)
before the message is moved out of the inbox; a crash in between replays only the move,
because a message whose key is already recorded is never handled again. Every mail is
recorded in the outbox under an idempotency key before it is sent and marked sent after
(in the sending log as soon as the server accepted it, in the store when it is next
locked); a key already in the outbox is never queued again. Sending happens after the
store is closed, so a slow server never holds its lock.

The steps are in :mod:`mailflow.run.one_pass`, sending in :mod:`mailflow.run.outbox`,
the store's bookkeeping in :mod:`mailflow.run.records`, the report in
:mod:`mailflow.run.report` and the adapters a pass uses in :mod:`mailflow.run.services`;
this module runs the steps in order (and offers those modules' public names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import closing
from datetime import datetime, timedelta
from functools import partial

from mailflow.adapters.spool import Spool
from mailflow.adapters.store import Store
from mailflow.core.model import OutgoingMail
from mailflow.core.values import MailRequest, NetworkState
from mailflow.run.one_pass import Pass
from mailflow.run.outbox import Sending
from mailflow.run.records import (
    FIRST_RUN_META,
    LAST_DIGEST_META,
    PENDING_MOVES_META,
    OutboxKeys,
    erase_person,
    load_state,
    record_mails,
    store_secret,
)
from mailflow.run.report import HandledMessage, QueuedMail, TickReport
from mailflow.run.services import OpenIntake, Services

__all__ = [
    "FIRST_RUN_META",
    "LAST_DIGEST_META",
    "PENDING_MOVES_META",
    "HandledMessage",
    "OpenIntake",
    "OutboxKeys",
    "QueuedMail",
    "Services",
    "TickReport",
    "erase_person",
    "load_state",
    "queue_requests",
    "record_mails",
    "run_tick",
]

def run_tick(
    services: Services,
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    report: TickReport | None = None,
    send: Callable[[Callable[[], None]], None] | None = None,
) -> TickReport:
    """One pass at ``now``. With ``dry_run`` nothing is committed, moved or sent.
    ``report``: the report to fill (e.g. one that keeps few items and prints each);
    ``send``: runs the sending that follows the pass (given it as a function; the daemon
    runs it on a thread of its own, so the next pass need not wait for a slow server);
    by default it runs before this returns."""
    report = report if report is not None else TickReport()
    sending: Sending | None = None
    with closing(services.open_intake(services.open_mailbox)) as intake:
        if not dry_run:  # while the process is small: before the store is loaded
            intake.get_ready()
        with services.open_store() as store:
            steps = Pass(services, store, now, report, dry_run)
            try:
                steps.take_in(intake, progress)
            finally:
                intake.close()  # the mailboxes and helpers are done with
            with closing(steps.outbox):
                if not dry_run:
                    steps.outbox.begin()  # what the last sending did, what expired
                steps.schedule()
                steps.prune()
                if not dry_run:
                    store.checkpoint()
                    sending = steps.outbox.plan()
    if sending is not None:  # the store's lock is free meanwhile
        (send or _now)(partial(_send, sending, services.open_store))
    return report


def _send(sending: Sending, open_store: Callable[[], Store]) -> None:
    with sending:
        sending.run()
        sending.record(open_store)


def _now(job: Callable[[], None]) -> None:
    job()


def queue_requests(
    services: Services,
    store: Store,
    state: NetworkState,
    now: datetime,
    requests: Iterable[MailRequest],
    spacing: timedelta | None = None,
) -> int:
    """Queue mails from outside a pass (the CLI); returns how many were new."""
    known = OutboxKeys(store.keys(OutgoingMail), store_secret(store))
    return len(record_mails(services.renderer, store, state, now, requests, known,
                            spacing=spacing, spool=Spool.beside(store.path)))
