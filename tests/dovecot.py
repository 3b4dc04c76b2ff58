"""A throwaway Dovecot IMAP server on loopback, for tests and benchmarks.

``Dovecot().start()`` writes a config under a fresh temporary folder, runs
``dovecot -F -c CONFIG`` and waits for the ``* OK`` greeting. Tests fill the mailbox
fast by writing Maildir files under :attr:`Dovecot.maildir_path` (see :meth:`deliver`).
Only ``127.0.0.1`` is ever listened on.
"""

from __future__ import annotations

import contextlib
import grp
import imaplib
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path

from imapclient import IMAPClient

__all__ = ["DOVECOT_BINARY", "Dovecot", "dovecot_binary", "make_certificate"]

DOVECOT_BINARY = "/usr/sbin/dovecot"
HOST = "127.0.0.1"
USER = "tester"
PASSWORD = "loopback-only-password"


def dovecot_binary() -> str | None:
    """The dovecot executable, or None when it is not installed."""
    found = shutil.which("dovecot")
    if found:
        return found
    return DOVECOT_BINARY if os.access(DOVECOT_BINARY, os.X_OK) else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _descendants(pid: int) -> list[int]:
    """The PIDs of a process's children, grandchildren, ... (Linux /proc; else none)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _group(pgid: int) -> list[int]:
    """The PIDs in process group ``pgid`` (Linux /proc; else none)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[2]) == pgid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _signal(pid: int, sig: signal.Signals) -> bool:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        return False
    return True


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _end(pids: list[int], timeout: float) -> None:
    """SIGTERM the given PIDs, SIGKILL those still there after ``timeout``."""
    alive = [pid for pid in pids if _signal(pid, signal.SIGTERM)]
    deadline = time.monotonic() + timeout
    while alive and time.monotonic() < deadline:
        time.sleep(0.02)
        alive = [pid for pid in alive if _running(pid)]
    for pid in alive:
        _signal(pid, signal.SIGKILL)


def make_certificate(folder: Path, name: str = "") -> tuple[Path, Path]:
    """A throwaway self-signed certificate for ``localhost`` and 127.0.0.1, and its key,
    in ``folder`` (``cert.pem`` and ``key.pem``, or ``<name>-cert.pem``...). Another call
    makes another CA: a client trusting one does not trust the other. Needs openssl."""
    prefix = f"{name}-" if name else ""
    cert, key = folder / f"{prefix}cert.pem", folder / f"{prefix}key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


class Dovecot:
    """One Dovecot instance with one user; ``stop()`` keeps the mail for ``start()``/``restart()``.

    capabilities: when given, replaces Dovecot's post-login capability list
    (``imap_capability``), e.g. to test a server without MOVE or IDLE. tls: also listen for
    implicit TLS (``imaps``) with a fresh self-signed certificate for ``localhost``.
    separator, prefix: the personal namespace's hierarchy separator (Dovecot's default
    for Maildir is ``.``; ``/`` as many servers use) and prefix (``INBOX.`` as Courier
    and Cyrus have it; by default none).
    """

    def __init__(self, *, capabilities: str = "", tls: bool = False,
                 password: str = PASSWORD, separator: str = ".", prefix: str = "") -> None:
        binary = dovecot_binary()
        if binary is None:
            raise FileNotFoundError("dovecot is not installed (Debian package dovecot-imapd)")
        self.binary = binary
        self.root = Path(tempfile.mkdtemp(prefix="mailflow-dovecot-"))
        self.root.chmod(0o755)  # the mail user (nobody) must reach its home below
        self.user, self.password = USER, password
        self.host = HOST
        self.port = _free_port()
        self.tls_port = _free_port() if tls else 0
        self.cert_path: Path | None = None
        self.capabilities = capabilities
        self.separator, self.prefix = separator, prefix
        self.uid, self.gid = self._mail_owner()
        self.home = self.root / "home" / USER
        self.config_path = self.root / "dovecot.conf"
        self.log_path = self.root / "dovecot.log"
        self._process: subprocess.Popen[bytes] | None = None
        if tls:
            self.cert_path = self._make_certificate()
        self._write_config()

    # -- paths and mail -----------------------------------------------------------
    @property
    def maildir_path(self) -> Path:
        """The user's Maildir: the INBOX is its new/ and cur/, folders are ``.name``."""
        return self.home / "Maildir"

    def deliver(self, raw: bytes, *, received_at: datetime | None = None, name: str = "",
                folder: str = "") -> Path:
        """Drop a message into INBOX's new/ as Dovecot's own delivery (LDA/LMTP) would: the
        file name carries its size and its size with CRLF line ends (``,S=…,W=…``), which
        Dovecot reads instead of the file to answer RFC822.SIZE. mtime is the INTERNALDATE.
        ``folder``: another folder than INBOX, by its levels joined with ``.`` as
        Maildir++ keeps it on disk (``mailflow.processed``), whatever the separator."""
        box = self.maildir_path / f".{folder}" if folder else self.maildir_path
        new = box / "new"
        for sub in ("tmp", "new", "cur"):
            self._own_dir(box / sub)
        stamp = received_at.timestamp() if received_at else time.time()
        name = name or f"{int(stamp)}.M{time.perf_counter_ns()}P{os.getpid()}.mailflow-test"
        crlf_size = len(raw) + raw.count(b"\n") - raw.count(b"\r\n")
        name = f"{name},S={len(raw)},W={crlf_size}"
        tmp = box / "tmp" / name
        tmp.write_bytes(raw)
        os.utime(tmp, (stamp, stamp))
        os.chown(tmp, self.uid, self.gid)
        target = new / name
        tmp.rename(target)
        return target

    def _own_dir(self, path: Path) -> None:
        if path.is_dir():
            return
        path.mkdir(parents=True, exist_ok=True)
        for part in [path, *path.parents]:
            if part == self.root:
                break
            os.chown(part, self.uid, self.gid)
            part.chmod(0o700)

    # -- life cycle -----------------------------------------------------------------
    def start(self) -> Dovecot:
        """Start Dovecot and wait until it greets; raise RuntimeError with its log if not."""
        if self.running:
            return self
        self._own_dir(self.maildir_path)
        # A master that had to be SIGKILLed (it can take more than stop()'s timeout to
        # shut down) left its sockets; Dovecot would take them for a running instance.
        shutil.rmtree(self.root / "run", ignore_errors=True)
        self._process = subprocess.Popen(
            [self.binary, "-F", "-c", str(self.config_path)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group: kill() reaches every child
        )
        self._wait_for_greeting(timeout=10.0)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM by PID, SIGKILL after ``timeout``; mail and config stay for a restart."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        children = _descendants(process.pid)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
        finally:
            if process.stderr is not None:
                process.stderr.close()
        _end(children, timeout)  # imap processes may outlive the master: a restart ends them
        self._wait_port_closed(timeout)

    def kill(self) -> None:
        """SIGKILL Dovecot and every process of it at once, as a crash would.

        The whole process group goes in one signal: killing the master and then the
        children it had could miss a child it was forking at that moment (an imap
        process for a new connection), which then went on serving."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            children = _descendants(process.pid)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.kill()
            for pid in children:
                _signal(pid, signal.SIGKILL)
            self._wait_port_closed(5.0)
            process.wait(5.0)
            # gone, not just signalled: a killed imap process still exiting holds its
            # mailbox locks, and the next instance would wait for them
            deadline = time.monotonic() + 5.0
            while time.monotonic() < deadline and any(
                    _running(pid) for pid in [*children, *_group(process.pid)]):
                time.sleep(0.01)
        if process is not None and process.stderr is not None:
            process.stderr.close()

    def restart(self) -> Dovecot:
        self.stop()
        return self.start()

    def cleanup(self) -> None:
        """Kill Dovecot (its state is thrown away: no need to wait ~1 s for a clean
        shutdown) and remove the temporary folder."""
        self.kill()
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def client(self, *, timeout: float = 10.0) -> IMAPClient:
        """A new IMAPClient, logged in as the test user (plain IMAP on loopback)."""
        client = IMAPClient(self.host, self.port, ssl=False, timeout=timeout)
        try:
            if self.password.isascii():
                client.login(self.user, self.password)
            else:
                client.plain_login(self.user, self.password)
        except BaseException:  # e.g. the server killed between connect and login
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                client.shutdown()
            raise
        return client

    @property
    def key_path(self) -> Path:
        """The key of :attr:`cert_path` (with ``tls=True``)."""
        return self.root / "key.pem"

    def tls_context(self) -> ssl.SSLContext:
        """A client context trusting this server's self-signed certificate."""
        assert self.cert_path is not None, "start Dovecot with tls=True"
        return ssl.create_default_context(cafile=str(self.cert_path))

    def __enter__(self) -> Dovecot:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.cleanup()

    # -- internals ------------------------------------------------------------------
    def _wait_for_greeting(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                stderr = ""
                if self._process.stderr is not None:
                    stderr = self._process.stderr.read().decode(errors="replace")
                    self._process.stderr.close()
                self._process = None
                raise RuntimeError(f"dovecot exited at start:\n{stderr}\n{self.log()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1.0) as conn:
                    if conn.recv(200).startswith(b"* OK"):
                        return
            except OSError:
                pass
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"dovecot did not greet within {timeout} s:\n{self.log()}")

    def _wait_port_closed(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    pass
            except OSError:
                return
            time.sleep(0.02)

    @staticmethod
    def _mail_owner() -> tuple[int, int]:
        if os.geteuid() != 0:
            return os.getuid(), os.getgid()
        nobody = pwd.getpwnam("nobody")
        return nobody.pw_uid, nobody.pw_gid

    def _make_certificate(self) -> Path | None:
        if shutil.which("openssl") is None:
            return None
        return make_certificate(self.root)[0]

    def _write_config(self) -> None:
        root = self.root
        (root / "passwd").write_text(f"{self.user}:{{PLAIN}}{self.password}::::::\n",
                                     encoding="utf-8")
        user = pwd.getpwuid(os.geteuid()).pw_name
        not_root = "" if os.geteuid() == 0 else f"""
default_internal_user = {user}
default_internal_group = {grp.getgrgid(os.getegid()).gr_name}
default_login_user = {user}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
"""
        tls = "ssl = no"
        if self.cert_path is not None:
            tls = f"ssl = yes\nssl_cert = <{self.cert_path}\nssl_key = <{root / 'key.pem'}"
        imaps = f"inet_listener imaps {{\n    address = {HOST}\n    port = {self.tls_port}\n  }}" \
            if self.tls_port else "inet_listener imaps {\n    port = 0\n  }"
        capability = f"imap_capability = {self.capabilities}" if self.capabilities else ""
        self.config_path.write_text(f"""# written by tests/dovecot.py
base_dir = {root}/run
state_dir = {root}/state
log_path = {self.log_path}
info_log_path = {self.log_path}
protocols = imap
listen = {HOST}
{tls}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:~/Maildir
{capability}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={self.uid} gid={self.gid} home={root}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = {self.separator}
  prefix = {self.prefix}
}}
service imap-login {{
  inet_listener imap {{
    address = {HOST}
    port = {self.port}
  }}
  {imaps}
}}
{not_root}
""")
        for sub in ("run", "state"):
            (root / sub).mkdir(exist_ok=True)
