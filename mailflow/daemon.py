"""``mailflow run``: the long-lived daemon. APScheduler runs the same tick as cron.

The tick runs on an interval trigger (not a cron trigger: APScheduler 3.11's cron trigger
can loop forever at the autumn DST change in Europe/Helsinki, agronholm/apscheduler#1021)
with ``coalesce=True``, ``max_instances=1`` and a generous ``misfire_grace_time`` (its
default of 1 s silently drops late runs). What is due is computed from the store and the
clock by the pure core, never from scheduler state, so the daemon and cron agree.

With IMAP IDLE, a watcher thread keeps an IDLE connection and asks for a tick as soon as
the server reports new mail; IDLE is re-issued every ``imap.idle_renew_seconds`` (well
before servers or firewalls drop it, RFC 2177 says 29 minutes) and each wait is bounded,
so a dead connection cannot hang it; when the server goes away it reconnects with backoff.
SIGTERM and SIGINT let the running tick finish, then the daemon exits 0.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from mailflow.errors import MailflowError, StoreLockedError, TemporaryServerError
from mailflow.tick import Services, TickReport, run_tick

__all__ = ["IdleWatcher", "run_daemon"]

log = logging.getLogger(__name__)

JOB_ID = "tick"


def _tick_job(services: Services, on_report: Callable[[TickReport], None] | None) -> None:
    try:
        report = run_tick(services, datetime.now(UTC))
    except StoreLockedError as exc:
        log.warning("tick skipped: %s", exc)
        return
    except TemporaryServerError as exc:
        log.warning("tick cut short, will retry: %s", exc)
        return
    except MailflowError as exc:
        log.error("tick failed: %s", exc)
        return
    except Exception:
        log.exception("tick failed unexpectedly")
        return
    if report.handled or report.sent or report.failed:
        log.info("tick: %s", report.summary())
    if on_report is not None:
        on_report(report)


def run_daemon(
    services: Services,
    *,
    stop: threading.Event | None = None,
    on_report: Callable[[TickReport], None] | None = None,
    install_signals: bool = True,
) -> int:
    """Run ticks until SIGTERM/SIGINT (or ``stop`` is set); return the exit code (0)."""
    settings = services.settings
    stop = stop or threading.Event()
    if install_signals:
        def _stop(signum: int, _frame: FrameType | None) -> None:
            log.info("received %s: finishing the running tick, then stopping",
                     signal.Signals(signum).name)
            stop.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)

    scheduler = BackgroundScheduler(
        executors={"default": ThreadPoolExecutor(1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        timezone=UTC,
    )
    interval = timedelta(minutes=settings.schedule.interval_minutes)
    job = scheduler.add_job(
        _tick_job, IntervalTrigger(seconds=interval.total_seconds(), timezone=UTC),
        args=(services, on_report), id=JOB_ID, next_run_time=datetime.now(UTC),
    )
    scheduler.start()
    log.info("mailflow daemon started: a tick every %s", interval)

    def tick_now() -> None:
        job.modify(next_run_time=datetime.now(UTC))

    watcher = None
    if settings.mailbox.kind == "imap" and settings.imap is not None and settings.imap.idle:
        from mailflow.adapters.imap_connect import connect_imap
        from mailflow.config import resolve_secret

        imap = settings.imap
        watcher = IdleWatcher(
            lambda: connect_imap(imap, resolve_secret(imap, "imap")),
            imap.folder, tick_now, stop, renew_seconds=imap.idle_renew_seconds,
        )
        watcher.start()
    try:
        while not stop.wait(1.0):
            pass
    finally:
        scheduler.shutdown(wait=True)  # lets a running tick finish
        if watcher is not None:
            watcher.join(timeout=35)
    log.info("mailflow daemon stopped")
    return 0


class IdleWatcher(threading.Thread):
    """Waits in IMAP IDLE and calls ``on_new_mail`` when the server reports new mail."""

    def __init__(
        self,
        connect: Callable[[], Any],
        folder: str,
        on_new_mail: Callable[[], None],
        stop: threading.Event,
        *,
        renew_seconds: float = 600,
        wait_seconds: float = 30,
        max_backoff: float = 300,
    ) -> None:
        super().__init__(name="imap-idle", daemon=True)
        self.connect = connect
        self.folder = folder
        self.on_new_mail = on_new_mail
        self.stop = stop
        self.renew_seconds = renew_seconds
        self.wait_seconds = wait_seconds
        self.max_backoff = max_backoff
        self.connections = 0  # how many times it (re)connected: for tests and logs

    def run(self) -> None:
        backoff = 1.0
        while not self.stop.is_set():
            client = None
            try:
                client = self.connect()
                self.connections += 1
                client.select_folder(self.folder, readonly=True)
                if b"IDLE" not in client.capabilities():
                    log.info("the IMAP server has no IDLE: polling only")
                    return
                backoff = 1.0
                self._idle(client)
            except Exception as exc:  # the server went away: reconnect with backoff
                log.warning("IMAP IDLE connection lost (%s: %s); reconnecting in %.0f s",
                            exc.__class__.__name__, exc, backoff)
                self.stop.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff)
            finally:
                if client is not None:
                    try:
                        client.logout()
                    except Exception:  # noqa: S110 - the connection may already be gone
                        pass

    def _idle(self, client: Any) -> None:
        while not self.stop.is_set():
            client.idle()
            started = time.monotonic()
            activity = False
            try:
                while not self.stop.is_set() and time.monotonic() - started < self.renew_seconds:
                    responses = client.idle_check(timeout=self.wait_seconds)
                    if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                        activity = True
                        break
            finally:
                client.idle_done()
            if activity:
                self.on_new_mail()
