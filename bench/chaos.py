"""The chaos run: mailflow against a real Dovecot and a real SMTP server while things break.

For ``--rounds`` rounds (default 200): append a random mix of realistic mail to the IMAP
INBOX (generated sign-ups, the tests/data corpus with fresh Message-IDs, cancellations from
registered people, sign-ups from addresses the SMTP server refuses for good, malformed
mail), then run ``mailflow tick`` as a subprocess; in some rounds it is SIGKILLed at a
random moment, Dovecot is restarted (between rounds or in the middle of a tick) and the
SMTP server answers 421, 451 or 550 for a few rounds. Then ticks run, with the clock
moving on, until everything is quiet. The invariants are printed as figures:

  handled once      every appended message is in processed/attention exactly once, none in
                    INBOX, and recorded once (ProcessedMessage keys = appended keys)
  delivered         every mail the store marks sent reached the SMTP server; copies of one
                    Message-ID only right after a killed tick
  no endless retry  a mail refused for good (550) is never offered again, unless the tick
                    that was refused was killed before it could record that
  store agrees      the store opens; ProcessedMessage count = messages in the two folders;
                    no mail left pending

Usage: python bench/chaos.py [--rounds 200] [--seed 1] [--keep DIR]
Exit status 0 when every invariant holds, 1 otherwise (the figures say which).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import SMTP, Envelope, Session  # noqa: E402

from mailflow.adapters.store import Store  # noqa: E402
from mailflow.core.model import OutgoingMail, ProcessedMessage  # noqa: E402
from mailflow.core.reading.parse import message_key  # noqa: E402
from tests.dovecot import Dovecot  # noqa: E402
from tests.mailgen import ORGS, signup  # noqa: E402

PASSWORD_ENV = "MAILFLOW_CHAOS_IMAP_PASSWORD"
GONE = "gone.test"  # the SMTP server refuses every address here with 550
CORPUS = sorted((ROOT / "tests" / "data").glob("*.eml"))

CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
max_per_org = 4
[mailbox]
kind = "imap"
handle_since = "2026-01-01T00:00:00+02:00"
batch_size = 20
[outbox]
kind = "smtp"
max_auto_replies_per_day = 5
queue_lifetime_days = 5
[store]
path = "{root}/mailflow.json"
lock_timeout_seconds = 20
[imap]
host = "127.0.0.1"
port = {imap_port}
tls = "none"
username = "{user}"
password_env = "{password_env}"
timeout_seconds = 10
idle = false
[smtp]
host = "127.0.0.1"
port = {smtp_port}
tls = "none"
timeout_seconds = 10
[[organisations]]
name = "Omnia"
domains = ["omnia.test"]
[[organisations]]
name = "Stadin ammatti- ja aikuisopisto"
aliases = ["Stadi"]
domains = ["stadi.test"]
"""


# -- the SMTP server --------------------------------------------------------------------
@dataclass
class FlakySmtp:
    """An aiosmtpd handler that records everything and fails as ``mode`` says."""

    mode: str = "ok"  # "ok", "421", "451" or "550" (answers to DATA)
    tick: int = 0  # which tick is running (set by the driver)
    received: list[tuple[int, str]] = field(default_factory=list)  # (tick, Message-ID)
    refused: list[tuple[int, str, str]] = field(default_factory=list)  # (tick, id, reply)
    gone_attempts: list[tuple[int, str]] = field(default_factory=list)  # (tick, address)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if address.lower().endswith("@" + GONE):
            with self.lock:
                self.gone_attempts.append((self.tick, address.lower()))
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.content if isinstance(envelope.content, bytes) else b""
        found = re.search(rb"^Message-ID:\s*(<[^>]*>)", content, re.M | re.I)
        message_id = found.group(1).decode("latin-1") if found else ""
        with self.lock:
            mode, tick = self.mode, self.tick
            if mode == "ok":
                self.received.append((tick, message_id))
                return "250 Message accepted for delivery"
            reply = {"421": "421 4.3.2 Service shutting down",
                     "451": "451 4.3.0 Try again later",
                     "550": "550 5.7.1 Message refused"}[mode]
            self.refused.append((tick, message_id, reply[:3]))
            return reply


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- the mail -------------------------------------------------------------------------
class MailMix:
    """A random but reproducible mix of realistic mail; every message gets a unique key."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.count = 0
        self.registered: list[str] = []

    def next(self) -> bytes:
        self.count += 1
        n, rng = self.count, self.rng
        roll = rng.random()
        if roll < 0.30:
            number = 100_000 + n
            self.registered.append(f"henkilo{number}@{ORGS[number % len(ORGS)][1]}")
            return signup(number, when=datetime.now(UTC))
        if roll < 0.35:
            return self._plain(f"poissa{n}@{GONE}", "Ilmoittautuminen",
                               f"Ilmoittaudun verkostoon.\n\nNimi: Poissa {n}\n"
                               "Organisaatio: Omnia\nRooli: opettaja\n", n)
        if roll < 0.45 and self.registered:
            who = rng.choice(self.registered)
            text = rng.choice(["Hei,\n\nperuutan ilmoittautumiseni verkostoon.\n",
                               "Kyllä, osallistun verkostopäivään.\n",
                               "LÄHETÄ\n", "EI KIITOS\n"])
            return self._plain(who, "Re: verkosto", text, n)
        if roll < 0.55:
            return self._malformed(n)
        return self._corpus(n)

    def _plain(self, sender: str, subject: str, body: str, n: int) -> bytes:
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = "verkosto@example.org"
        msg["Subject"] = subject
        msg["Date"] = format_datetime(datetime.now(UTC))
        msg["Message-ID"] = f"<chaos-{n}@{sender.split('@')[1]}>"
        msg.set_content(body)
        return bytes(msg)

    def _corpus(self, n: int) -> bytes:
        raw = self.rng.choice(CORPUS).read_bytes()
        fresh = f"Message-ID: <chaos-corpus-{n}@mail.test>".encode()
        replaced, count = re.subn(rb"(?im)^Message-ID:[^\r\n]*", fresh, raw, count=1)
        return replaced if count else fresh + b"\r\n" + raw

    def _malformed(self, n: int) -> bytes:
        kind = self.rng.randrange(5)
        nonce = f"chaos-{n}-{self.rng.getrandbits(64):x}".encode()
        if kind == 0:  # no headers at all
            return b"just some text " + nonce + b"\r\n"
        if kind == 1:  # random bytes
            return nonce + bytes(self.rng.getrandbits(8) for _ in range(self.rng.randrange(2000)))
        if kind == 2:  # a multipart without its end and a broken base64 part
            return (b"From: rikki@omnia.test\r\nSubject: " + nonce + b"\r\nMIME-Version: 1.0\r\n"
                    b'Content-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\n'
                    b"Content-Transfer-Encoding: base64\r\n\r\n@@@not base64@@@\r\n--zz\r\n")
        if kind == 3:  # a header block cut in the middle of a folded header
            return b"From: =?utf-8?q?Ke=C3=\r\n  ksken?= <x@omnia.test>\r\nSubject: " + nonce
        return (b"From: \xff\xfe<bad@omnia.test>\r\nTo: verkosto@example.org\r\nSubject: "
                + nonce + b"\r\nContent-Type: text/plain; charset=x-bogus\r\n\r\n\xe4\xf6\x00")


# -- the driver ------------------------------------------------------------------------
_SUMMARY = re.compile(r"(\d+) message\(s\) handled, (\d+) mail\(s\) queued, (\d+) sent")


@dataclass
class Chaos:
    rounds: int
    seed: int
    workdir: Path
    rng: random.Random = field(init=False)
    dovecot: Dovecot = field(init=False)
    smtp: FlakySmtp = field(default_factory=FlakySmtp)
    appended: list[str] = field(default_factory=list)  # message keys
    killed: set[int] = field(default_factory=set)
    exit_codes: Counter[str] = field(default_factory=Counter)
    restarts: int = 0
    fault_rounds: Counter[str] = field(default_factory=Counter)
    ticks: int = 0
    durations: list[float] = field(default_factory=list)  # of ticks that ran to the end
    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def run(self) -> dict[str, Any]:
        began = time.perf_counter()
        self.dovecot = Dovecot().start()
        controller = Controller(self.smtp, hostname="127.0.0.1", port=_free_port())
        controller.start()
        try:
            self.config = self.workdir / "mailflow.toml"
            self.config.write_text(CONFIG.format(
                root=self.workdir, imap_port=self.dovecot.port, user=self.dovecot.user,
                password_env=PASSWORD_ENV, smtp_port=controller.port))
            self.env = {**os.environ, PASSWORD_ENV: self.dovecot.password}
            self._chaos_rounds()
            finish_ticks = self._finish()
            figures = self._check()
        finally:
            controller.stop()
            self.dovecot.cleanup()
        figures["finishing ticks"] = finish_ticks
        figures["seconds"] = round(time.perf_counter() - began, 1)
        return figures

    def _chaos_rounds(self) -> None:
        mix = MailMix(self.rng)
        fault_left = 0
        for _ in range(self.rounds):
            for _ in range(self.rng.randrange(0, 7)):
                raw = mix.next()
                self.appended.append(message_key(raw))
                self.dovecot.deliver(raw)
            if fault_left == 0 and self.rng.random() < 0.12:
                self.smtp.mode = self.rng.choice(["421", "451", "550"])
                fault_left = self.rng.randint(1, 3)
            if fault_left:
                self.fault_rounds[self.smtp.mode] += 1
            if self.rng.random() < 0.06:
                self.dovecot.restart()
                self.restarts += 1
            typical = sorted(self.durations)[len(self.durations) // 2] if self.durations else 0.5
            kill_after = (self.rng.uniform(0.1, 1.1) * typical if self.rng.random() < 0.25
                          else None)
            restart_during = self.rng.uniform(0.05, 1.5) if self.rng.random() < 0.04 else None
            self._tick(kill_after, restart_during)
            if fault_left:
                fault_left -= 1
                if not fault_left:
                    self.smtp.mode = "ok"
            self.now += timedelta(minutes=2)

    def _tick(self, kill_after: float | None = None,
              restart_during: float | None = None) -> str:
        self.ticks += 1
        with self.smtp.lock:
            self.smtp.tick = self.ticks
        proc = subprocess.Popen(
            [sys.executable, "-m", "mailflow", "--config", str(self.config), "tick",
             "--now", self.now.isoformat()],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env,
            cwd=self.workdir,
        )
        timer = None
        if restart_during is not None:
            timer = threading.Timer(restart_during, self._restart_dovecot)
            timer.start()
        started = time.perf_counter()
        try:
            out, _err = proc.communicate(timeout=kill_after)
            self.durations.append(time.perf_counter() - started)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            out, _err = proc.communicate()
            if proc.returncode == -signal.SIGKILL:  # else it ended just before the signal
                self.killed.add(self.ticks)
        if timer is not None:
            timer.join()
        self.exit_codes["killed" if proc.returncode == -signal.SIGKILL else
                        str(proc.returncode)] += 1
        return out

    def _restart_dovecot(self) -> None:
        self.dovecot.restart()
        self.restarts += 1

    def _finish(self, limit: int = 80) -> int:
        """Tick without faults, the clock moving 3 hours a tick, until all is quiet."""
        self.smtp.mode = "ok"
        for n in range(1, limit + 1):
            self.now += timedelta(hours=3)
            out = self._tick()
            found = _SUMMARY.search(out)
            handled = int(found.group(1)) if found else -1
            if handled == 0 and not self._inbox() and not self._pending():
                return n
        return limit

    # -- the invariants -----------------------------------------------------------------
    def _folder_keys(self, folder: str) -> list[str]:
        base = self.dovecot.maildir_path / (f".{folder}" if folder else "")
        return [message_key(p.read_bytes()) for sub in ("new", "cur")
                if (base / sub).is_dir() for p in (base / sub).iterdir()]

    def _inbox(self) -> list[str]:
        return self._folder_keys("")

    def _pending(self) -> int:
        with Store(self.workdir / "mailflow.json") as store:
            return sum(1 for m in store.all(OutgoingMail) if m.status == "pending")

    def _imap_keys(self, folders: tuple[str, ...]) -> list[str]:
        """Message keys as mailflow computes them: from the bytes IMAP serves (CRLF lines)."""
        keys = []
        with self.dovecot.client() as client:
            for folder in folders:
                client.select_folder(folder, readonly=True)
                uids = client.search("ALL")
                for start in range(0, len(uids), 500):
                    fetched = client.fetch(uids[start:start + 500], ["BODY.PEEK[]"])
                    keys += [message_key(data[b"BODY[]"]) for data in fetched.values()]
        return keys

    def _check(self) -> dict[str, Any]:
        in_folders = Counter(self._folder_keys("processed") + self._folder_keys("attention"))
        served = set(self._imap_keys(("processed", "attention")))
        with Store(self.workdir / "mailflow.json") as store:
            recorded = store.keys(ProcessedMessage)
            outbox = store.all(OutgoingMail)
        appended = Counter(self.appended)
        figures: dict[str, Any] = {
            "rounds": self.rounds,
            "ticks": self.ticks,
            "ticks killed": len(self.killed),
            "tick exit codes": dict(sorted(self.exit_codes.items())),
            "dovecot restarts": self.restarts,
            "smtp fault rounds": dict(sorted(self.fault_rounds.items())),
            "messages appended": len(self.appended),
            "appended keys repeated": sum(c - 1 for c in appended.values()),
            "left in INBOX": len(self._inbox()),
            "in processed+attention": sum(in_folders.values()),
            "copies in folders beyond one": sum(c - 1 for c in in_folders.values()),
            "appended not in folders": len(set(appended) - set(in_folders)),
            "recorded (ProcessedMessage)": len(recorded),
            "in folders not recorded": len(served - recorded),
            "recorded not in folders": len(recorded - served),
        }
        sent_ids = {m.message_id for m in outbox if m.status == "sent"}
        all_ids = {m.message_id for m in outbox}
        received = Counter(mid for _tick, mid in self.smtp.received)
        first_tick: dict[str, int] = {}
        late_copies = 0
        for tick, mid in self.smtp.received:
            if mid in first_tick and not self._killed_since(first_tick[mid], tick):
                late_copies += 1
            first_tick[mid] = tick
        refused_for_good = [(t, mid) for t, mid, code in self.smtp.refused if code == "550"]
        retried_after_550 = sum(
            1 for t, mid in refused_for_good
            for t2, mid2 in self.smtp.received + [(a, b) for a, b, _c in self.smtp.refused]
            if mid2 == mid and t2 > t and not self._killed_since(t, t2)
        )
        gone_mails = [m for m in outbox if m.to.endswith("@" + GONE)]
        gone_by_address = Counter(a for _t, a in self.smtp.gone_attempts)
        gone_extra = sum(max(0, c - sum(1 for m in gone_mails if m.to == a))
                         for a, c in gone_by_address.items())
        figures.update({
            "mails in the store": len(outbox),
            "sent": len(sent_ids),
            "failed for good": sum(1 for m in outbox if m.status == "failed"),
            "pending left": sum(1 for m in outbox if m.status == "pending"),
            "sent but not received": len(sent_ids - set(received)),
            "received but unknown": len(set(received) - all_ids),
            "duplicate deliveries": sum(c - 1 for c in received.values()),
            "duplicates outside a kill window": late_copies,
            "refused 550 at DATA": len(refused_for_good),
            "offered again after a 550": retried_after_550,
            "mails to refused addresses": len(gone_mails),
            "of them not failed": sum(1 for m in gone_mails if m.status != "failed"),
            "RCPT tries to refused addresses": sum(gone_by_address.values()),
            "tries beyond one per mail": gone_extra,
        })
        figures["ok"] = all([
            figures["left in INBOX"] == 0,
            figures["copies in folders beyond one"] == 0,
            figures["appended not in folders"] == 0,
            figures["in folders not recorded"] == 0,
            figures["recorded not in folders"] == 0,
            figures["appended keys repeated"] == 0,
            figures["recorded (ProcessedMessage)"] == figures["in processed+attention"],
            figures["pending left"] == 0,
            figures["sent but not received"] == 0,
            figures["received but unknown"] == 0,
            figures["duplicates outside a kill window"] == 0,
            figures["offered again after a 550"] == 0,
            figures["of them not failed"] == 0,
            figures["tries beyond one per mail"] <= len(self.killed),
        ])
        return figures

    def _killed_since(self, first: int, later: int) -> bool:
        """A killed tick in [first, later): a resend then is the documented kill window."""
        return any(first <= k < later for k in self.killed)


def print_table(figures: dict[str, Any]) -> None:
    width = max(len(k) for k in figures)
    print(f"{'chaos figure':<{width}}  value")
    print(f"{'-' * width}  -----")
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="work in this folder and keep it")
    args = parser.parse_args()
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="mailflow-chaos-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        figures = Chaos(args.rounds, args.seed, workdir).run()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print_table(figures)
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
