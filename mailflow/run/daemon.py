"""``mailflow run``: the long-lived daemon. APScheduler runs the same tick as cron.

The tick runs on an interval trigger (not a cron trigger: APScheduler 3.11's cron trigger
can loop forever at the autumn DST change in Europe/Helsinki, agronholm/apscheduler#1021)
with ``coalesce=True``, ``max_instances=1`` and a generous ``misfire_grace_time`` (its
default of 1 s silently drops late runs). What is due is computed from the store and the
clock by the pure core, never from scheduler state, so the daemon and cron agree.

Ticks never overlap: a tick asked for while one runs (new mail during a long tick) runs
right after it, instead of being dropped as APScheduler drops a run over ``max_instances``.

With IMAP IDLE, a watcher thread keeps an IDLE connection and asks for a tick as soon as
the server reports new mail (and once after every (re)connection, for mail that came
while it was away); IDLE is re-issued every ``imap.idle_renew_seconds`` (well before
servers or firewalls drop it, RFC 2177 says 29 minutes) and each wait is bounded, so a
dead connection cannot hang it; when the server goes away it reconnects with backoff.

SIGTERM and SIGINT stop the daemon gently: the running tick finishes the batch it is
handling (its outcomes are committed and its messages moved), sends what is due and
stops reading; the rest of the inbox waits for the next run. The exit code is then 0.
A configuration fault at start (a refused login, a missing secret, an unreadable store)
is the operator's to fix: the daemon logs it and exits 2 instead of failing every interval.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from mailflow.adapters.ports import Batch, Mailbox
from mailflow.core.errors import (
    EXIT_OK,
    EXIT_USAGE,
    MailflowError,
    StoreLockedError,
    TemporaryServerError,
)
from mailflow.run.idle import IdleWatcher
from mailflow.run.tick import Services, TickReport, run_tick

__all__ = ["StoppableMailbox", "Ticker", "run_daemon"]

log = logging.getLogger(__name__)

#: details kept per tick report (counts are always whole): a backlog never piles up
REPORT_KEEP = 1000

JOB_ID = "tick"


class StoppableMailbox:
    """A mailbox whose intake ends after the current batch once ``stop`` is set.

    The tick commits and moves each batch before it asks for the next, so ending the
    iteration there loses nothing: the next run starts at the committed cursor.
    """

    def __init__(self, inner: Mailbox, stop: threading.Event) -> None:
        self._inner = inner
        self._stop = stop

    def fetch_new(
        self, cursor: dict[str, Any], since: datetime, batch_size: int, max_bytes: int,
        *, first_size: int = 0,
    ) -> Iterator[Batch]:
        for batch in self._inner.fetch_new(cursor, since, batch_size, max_bytes,
                                           first_size=first_size):
            if self._stop.is_set() and batch.messages:
                log.info("stopping: the rest of the inbox is left for the next run")
                return
            yield batch
            if self._stop.is_set():
                log.info("stopping: the rest of the inbox is left for the next run")
                return

    @property
    def history_count(self) -> int:
        return self._inner.history_count

    def connect(self) -> None:
        self._inner.connect()

    def move(self, refs: list[str], folder: str) -> None:
        self._inner.move(refs, folder)

    def move_again(self, refs: list[str], folder: str) -> None:
        self._inner.move_again(refs, folder)

    def erase_from(self, address: str) -> int:
        return self._inner.erase_from(address)

    def close(self) -> None:
        self._inner.close()


class Ticker:
    """Runs ticks one at a time: the APScheduler job, and ``request()`` for new mail.

    ``exit_code`` becomes 2 (and ``stop`` is set) when a tick fails by the operator's
    fault before any tick succeeded (a wrong password, a missing secret: shown at once
    at start); later, such a fault is logged and retried like a passing one, because a
    server that is restarting may refuse a login for a moment.
    """

    def __init__(
        self,
        services: Services,
        stop: threading.Event,
        on_report: Callable[[TickReport], None] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.services = replace(
            services, open_mailbox=lambda: StoppableMailbox(services.open_mailbox(), stop)
        )
        self.stop = stop
        self.on_report = on_report
        self.clock = clock
        self.exit_code = EXIT_OK
        self.ticks = 0
        self.succeeded = False  # a tick has run through: later config faults are retried
        self._lock = threading.Lock()
        self._running = False
        self._again = False
        self._wake: Callable[[], None] | None = None
        self.sender: threading.Thread | None = None  # the sending after the last pass

    def attach(self, wake: Callable[[], None]) -> None:
        """``wake`` makes the scheduler run the job now (when no tick is running)."""
        self._wake = wake

    def request(self) -> None:
        """Ask for a tick as soon as possible (called from the IDLE watcher)."""
        with self._lock:
            if self._running:
                self._again = True
                return
            if self._wake is not None and not self.stop.is_set():
                self._wake()

    def run(self) -> None:
        """The job: one tick, and another at once for each request made meanwhile."""
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
        try:
            while not self.stop.is_set():
                self._tick()
                with self._lock:
                    if not self._again:
                        break
                    self._again = False
        finally:
            with self._lock:
                self._running = False

    def _send(self, job: Callable[[], None]) -> None:
        """The sending after a pass: on a thread of its own, so a slow server holds up
        no pass (a pass meanwhile leaves the outbox to it); the first one runs in the
        pass, so a refused login at start stops the daemon with exit 2. Once it is done,
        a pass records its results and sends what waited."""
        if not self.succeeded:
            job()
            return

        def sending() -> None:
            try:
                job()
            except MailflowError as exc:
                log.error("sending failed, will retry: %s", exc)
            except Exception:
                log.exception("sending failed unexpectedly")
            self.request()

        self.sender = threading.Thread(target=sending, name="mailflow-sender")
        self.sender.start()

    def _tick(self) -> None:
        self.ticks += 1
        try:
            report = run_tick(self.services, self.clock(), report=TickReport(keep=REPORT_KEEP),
                              send=self._send)
        except StoreLockedError as exc:
            log.warning("tick skipped: %s", exc)
            return
        except TemporaryServerError as exc:
            log.warning("tick cut short, will retry: %s", exc)
            return
        except MailflowError as exc:
            if exc.exit_code == EXIT_USAGE and not self.succeeded:
                log.error("stopping: %s", exc)
                self.exit_code = EXIT_USAGE
                self.stop.set()
            else:
                log.error("tick failed, will retry: %s", exc)
            return
        except Exception:
            log.exception("tick failed unexpectedly")
            return
        self.succeeded = True
        if report.did_something:
            log.info("tick: %s", report.summary())
        if self.on_report is not None:
            self.on_report(report)


def run_daemon(
    services: Services,
    *,
    stop: threading.Event | None = None,
    on_report: Callable[[TickReport], None] | None = None,
    install_signals: bool = True,
) -> int:
    """Run ticks until SIGTERM/SIGINT (or ``stop`` is set); return the exit code.

    0 after a stop; 2 when a tick failed by the operator's fault (configuration, secret,
    store), which retrying cannot mend.
    """
    settings = services.settings
    stop = stop or threading.Event()
    if install_signals:
        _install_signal_handlers(stop)
    ticker = Ticker(services, stop, on_report)
    scheduler = BackgroundScheduler(
        executors={"default": ThreadPoolExecutor(1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        timezone=UTC,
    )
    interval = timedelta(minutes=settings.schedule.interval_minutes)
    job = scheduler.add_job(
        ticker.run, IntervalTrigger(seconds=interval.total_seconds(), timezone=UTC),
        id=JOB_ID, next_run_time=datetime.now(UTC),
    )

    def wake() -> None:
        with contextlib.suppress(JobLookupError):  # the scheduler is shutting down
            job.modify(next_run_time=datetime.now(UTC))

    ticker.attach(wake)
    scheduler.start()
    watcher = _start_watcher(services, ticker, stop)
    log.info("mailflow daemon started: a tick every %s%s", interval,
             ", and at once on new mail (IMAP IDLE)" if watcher else "")
    try:
        while not stop.wait(1.0):
            pass
    finally:
        stop.set()
        if watcher is not None:
            watcher.interrupt()
        scheduler.shutdown(wait=True)  # lets the running tick finish its batch
        if ticker.sender is not None:  # the sending under way (each step has a timeout)
            ticker.sender.join()
        if watcher is not None:
            watcher.join(timeout=2)  # a daemon thread: nothing to lose
    log.info("mailflow daemon stopped")
    return ticker.exit_code


def _install_signal_handlers(stop: threading.Event) -> None:
    def _stop(signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if stop.is_set():
            log.info("received %s again: still finishing the running tick", name)
            return
        log.info("received %s: finishing the running tick's batch, then stopping", name)
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)


def _start_watcher(services: Services, ticker: Ticker,
                   stop: threading.Event) -> IdleWatcher | None:
    settings = services.settings
    imap = settings.imap
    if settings.mailbox.kind != "imap" or imap is None or not imap.idle:
        return None
    from mailflow.adapters.imap_connect import connect_imap
    from mailflow.config.secrets import resolve_secret

    watcher = IdleWatcher(
        lambda: connect_imap(imap, resolve_secret(imap, "imap")),
        imap.folder, ticker.request, stop, renew_seconds=imap.idle_renew_seconds,
    )
    watcher.start()
    return watcher
