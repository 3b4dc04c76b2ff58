"""The deploy files do what the README says.

The crontab line as shipped, with its paths moved into a temporary install, runs under the
bare environment cron gives it: mailflow sees the secrets of the env file (it logs in to a
real SMTP server on loopback with them), every pass lands in the log, and only a failed pass
prints anything (which cron mails to MAILTO). The systemd units pass `systemd-analyze verify`,
keep a misconfigured daemon down, and carry a mail daemon's hardening.
"""

from __future__ import annotations

import fcntl
import mailbox
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from mailflow.core.errors import EXIT_OK, EXIT_TEMPFAIL, EXIT_USAGE
from tests.factories import TZ, RecordingSmtp, free_port, signup_mail

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
MAILFLOW = Path(sys.executable).with_name("mailflow")  # the venv's console script
SERVICES = ("mailflow.service", "mailflow-tick.service")
# Quoted in the env file as a deployer would quote it: a space and a `$` survive.
SMTP_PASSWORD = "s3cret with $pace"
SIGNUP = "maija.mallikas@omnia.test"

CONFIG = """\
# The embedded default's layout (relative paths, under the working folder), SMTP out.
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"

[mailbox]
kind = "maildir"
path = "var/mail"
handle_since = "2020-01-01T00:00:00+00:00"

[outbox]
kind = "smtp"

[smtp]
host = "127.0.0.1"
port = {port}
tls = "none"
username = "mailflow"
password_env = "MAILFLOW_SMTP_PASSWORD"
timeout_seconds = 10

[store]
path = "var/mailflow.json"
lock_timeout_seconds = 0
"""

IMAP_CONFIG = """\
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"

[mailbox]
kind = "imap"

[imap]
host = "127.0.0.1"
port = {port}
tls = "none"
username = "verkosto"
password_env = "MAILFLOW_IMAP_PASSWORD"
"""


# -- the crontab line -----------------------------------------------------------------------
ASSIGNMENT = re.compile(r"^\s*(\w+)\s*=\s*(.*?)\s*$")


def cron_job(crontab: str) -> tuple[dict[str, str], str]:
    """The crontab's variables and the command of its one schedule line, as cron runs it.

    Cron puts the ``NAME=value`` lines in the command's environment, ends the command at the
    first `%` (the rest would be its stdin) and turns `\\%` into `%`; the shipped line must
    not feed stdin.
    """
    variables, jobs = {}, []
    for line in crontab.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if assignment := ASSIGNMENT.match(line):
            variables[assignment[1]] = assignment[2].strip("'\"")
        else:
            jobs.append(line)
    assert len(jobs) == 1, jobs
    command = jobs[0].split(None, 5)[5]
    assert not re.search(r"(?<!\\)%", command), "an unescaped % would end the command"
    return variables, command.replace("\\%", "%")


@dataclass(frozen=True)
class Install:
    """A temporary install: the shipped paths, each moved under ``root``."""

    root: Path

    @property
    def workdir(self) -> Path:
        return self.root / "srv"

    @property
    def etc(self) -> Path:
        return self.root / "etc"

    @property
    def log(self) -> Path:
        return self.root / "log" / "tick.log"

    def job(self) -> tuple[dict[str, str], str]:
        variables, command = cron_job((DEPLOY / "crontab").read_text(encoding="utf-8"))
        for shipped, here in (("/srv/mailflow", self.workdir), ("/etc/mailflow", self.etc),
                              ("/var/log/mailflow", self.log.parent)):
            assert shipped in command, f"the crontab line no longer uses {shipped}"
            command = command.replace(shipped, str(here))
        return variables, command

    def cron(self) -> subprocess.CompletedProcess[str]:
        """Run the line with only what cron puts in the environment (cron(8), crontab(5))."""
        variables, command = self.job()
        env = {"PATH": "/usr/bin:/bin", "SHELL": "/bin/sh", "HOME": str(self.workdir),
               "LOGNAME": "mailflow", **variables}
        return subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True,
                              env=env, check=False)

    def write_env(self, password: str | None) -> None:
        """deploy/env.example with the SMTP password set (or its line left out)."""
        lines = []
        for line in (DEPLOY / "env.example").read_text(encoding="utf-8").splitlines():
            if line.startswith("MAILFLOW_SMTP_PASSWORD="):
                if password is None:
                    continue
                line = f"MAILFLOW_SMTP_PASSWORD='{password}'"
            lines.append(line)
        (self.etc / "env").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def deliver_signup(self) -> None:
        raw = signup_mail(SIGNUP, "Maija Mallikas", "Omnia", "koulutuspäällikkö",
                          datetime.now(TZ) - timedelta(minutes=5), "<signup-1@omnia.test>")
        mailbox.Maildir(self.workdir / "var" / "mail", create=True).add(raw)


@dataclass
class SmtpServer:
    """aiosmtpd on loopback: what it received, and the passwords it was logged in with."""

    port: int
    handler: RecordingSmtp = field(default_factory=RecordingSmtp)
    logins: list[str] = field(default_factory=list)

    def authenticate(self, server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                     auth_data: Any) -> AuthResult:
        password = auth_data.password.decode() if isinstance(auth_data, LoginPassword) else ""
        self.logins.append(password)
        return AuthResult(success=password == SMTP_PASSWORD, handled=False)

    def recipients(self) -> list[str]:
        return [to for delivery in self.handler.received for to in delivery.rcpt_tos]


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    controller = Controller(server.handler, hostname="127.0.0.1", port=server.port,
                            authenticator=server.authenticate, auth_require_tls=False)
    controller.start()
    yield server
    controller.stop()


@pytest.fixture
def install(tmp_path: Path, smtp: SmtpServer) -> Install:
    """The install as the README sets it up: venv, config, env file, log folder."""
    here = Install(tmp_path)
    (here.workdir / ".venv" / "bin").mkdir(parents=True)
    (here.workdir / "var").mkdir()  # the one folder the units let mailflow write to
    (here.workdir / ".venv" / "bin" / "mailflow").symlink_to(MAILFLOW)
    here.etc.mkdir()
    (here.etc / "mailflow.toml").write_text(CONFIG.format(port=smtp.port), encoding="utf-8")
    here.write_env(SMTP_PASSWORD)
    here.log.parent.mkdir()
    return here


def _runs(log: Path) -> list[str]:
    """The exit codes of the passes in the log, from their header lines."""
    return re.findall(r"^\d{4}-\d\d-\d\dT[\d:]+[+-]\d\d:\d\d exit (\d+)$",
                      log.read_text(encoding="utf-8"), re.MULTILINE)


def test_a_good_pass_uses_the_env_files_secret_logs_and_prints_nothing(
        install: Install, smtp: SmtpServer) -> None:
    install.deliver_signup()
    done = install.cron()
    assert (done.stdout, done.stderr) == ("", "")  # nothing for cron to mail
    assert smtp.logins == [SMTP_PASSWORD]  # quoted in the env file: space and $ intact
    assert smtp.recipients() == [SIGNUP]
    assert _runs(install.log) == [str(EXIT_OK)]
    assert re.search(rf"^sent \S+ to {re.escape(SIGNUP)}$", install.log.read_text(), re.M)


def test_a_missing_secret_is_printed_for_cron_to_mail(install: Install) -> None:
    install.write_env(None)
    install.deliver_signup()
    done = install.cron()
    assert done.returncode == EXIT_USAGE
    assert "the environment variable MAILFLOW_SMTP_PASSWORD is not set" in done.stdout
    assert done.stdout.startswith(f"exit {EXIT_USAGE}\n")
    assert _runs(install.log) == [str(EXIT_USAGE)]
    # In the order it happened: the sign-up was handled, then sending it failed.
    assert re.search(r"^handled .*\n.*MAILFLOW_SMTP_PASSWORD is not set\n\Z",
                     install.log.read_text(), re.M)


def test_a_refused_login_is_printed_and_the_secret_is_not(install: Install,
                                                          smtp: SmtpServer) -> None:
    install.write_env("wrong password")
    install.deliver_signup()
    done = install.cron()
    assert (set(smtp.logins), smtp.recipients()) == ({"wrong password"}, [])
    assert done.returncode == EXIT_USAGE
    assert "refused the login" in done.stdout
    assert "wrong password" not in done.stdout + install.log.read_text()


def test_a_pass_that_finds_the_lock_held_is_logged_not_mailed(install: Install) -> None:
    lock = install.workdir / "var" / "mailflow.json.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        done = install.cron()
    assert (done.stdout, done.stderr) == ("", "")
    assert _runs(install.log) == [str(EXIT_TEMPFAIL)]
    assert "another mailflow run holds" in install.log.read_text()


def test_a_missing_log_folder_or_env_file_is_mailed(install: Install) -> None:
    install.log.parent.rmdir()
    done = install.cron()
    assert "tick.log" in done.stderr  # the shell cannot create it: cron mails that
    install.log.parent.mkdir()
    (install.etc / "env").unlink()
    done = install.cron()
    assert f"{install.etc}/env" in done.stderr
    assert not install.log.exists()


# -- the systemd units ----------------------------------------------------------------------
def unit_settings(name: str) -> dict[str, list[str]]:
    """``Section.Key`` -> its values, in order (a key may repeat), of a shipped unit file."""
    settings: dict[str, list[str]] = {}
    section = ""
    for line in (DEPLOY / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        settings.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return settings


HARDENING = {
    "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
    "PrivateDevices": "yes", "NoNewPrivileges": "yes", "CapabilityBoundingSet": "",
    "RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX", "RestrictNamespaces": "yes",
    "RestrictSUIDSGID": "yes", "ProtectKernelTunables": "yes", "ProtectKernelModules": "yes",
    "ProtectControlGroups": "yes", "SystemCallArchitectures": "native", "UMask": "0077",
}


@pytest.mark.parametrize("name", SERVICES)
def test_the_services_carry_a_mail_daemons_hardening(name: str) -> None:
    unit = unit_settings(name)
    for key, value in HARDENING.items():
        assert unit.get(f"Service.{key}") == [value], key
    assert unit["Service.SystemCallFilter"][0] == "@system-service"


def _shipped_paths() -> list[str]:
    """Every store, Maildir and outbox path the shipped configs use."""
    paths = []
    for name in ("mailflow.toml", "imap-smtp.example.toml"):
        config = tomllib.loads((ROOT / "config" / name).read_text(encoding="utf-8"))
        paths.append(config["store"]["path"])
        for section, local in (("mailbox", "maildir"), ("outbox", "file")):
            if config[section].get("kind", local) == local:
                paths.append(config[section]["path"])
    return paths


@pytest.mark.parametrize("name", SERVICES)
def test_the_store_maildir_and_outbox_are_writable(name: str) -> None:
    unit = unit_settings(name)
    workdir = Path(unit["Service.WorkingDirectory"][0])
    writable = [Path(path) for path in unit["Service.ReadWritePaths"]]
    for path in _shipped_paths():
        assert any((workdir / path).is_relative_to(root) for root in writable), path


def test_a_misconfigured_daemon_stays_down_and_the_tick_timer_tolerates_the_lock() -> None:
    daemon, tick = unit_settings("mailflow.service"), unit_settings("mailflow-tick.service")
    assert daemon["Service.Restart"] == ["on-failure"]
    assert daemon["Service.RestartPreventExitStatus"] == [str(EXIT_USAGE)]
    assert tick["Service.SuccessExitStatus"] == [str(EXIT_TEMPFAIL)]


def test_mailflow_run_exits_2_on_a_missing_secret(tmp_path: Path) -> None:
    """What RestartPreventExitStatus=2 relies on: the daemon stops, it does not spin."""
    config = tmp_path / "mailflow.toml"
    config.write_text(IMAP_CONFIG.format(port=free_port()), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAILFLOW_")}
    done = subprocess.run([str(MAILFLOW), "--config", str(config), "run"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == EXIT_USAGE, done.stderr
    assert "MAILFLOW_IMAP_PASSWORD is not set" in done.stderr


def _systemd_analyze() -> str:
    found = shutil.which("systemd-analyze")
    if found:
        return found
    message = "systemd-analyze is not installed: install the Debian package systemd (make systemd)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _units_here(folder: Path) -> list[Path]:
    """The shipped units with ExecStart= pointing at this venv's mailflow (verify checks it)."""
    units = []
    for name in (*SERVICES, "mailflow-tick.timer"):
        text = (DEPLOY / name).read_text(encoding="utf-8")
        units.append(folder / name)
        units[-1].write_text(text.replace("/srv/mailflow/.venv/bin/mailflow", str(MAILFLOW)),
                             encoding="utf-8")
    return units


def test_systemd_analyze_verify_passes_without_a_warning(tmp_path: Path) -> None:
    units = _units_here(tmp_path)
    done = subprocess.run([_systemd_analyze(), "verify", *map(str, units)],
                          capture_output=True, text=True, check=False)
    # verify exits 0 on an unknown key or a bad value too, so a warning fails the test.
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_systemd_analyze_security_rates_the_services_ok(tmp_path: Path) -> None:
    analyze = _systemd_analyze()
    version = subprocess.run([analyze, "--version"], capture_output=True, text=True, check=True)
    if int(version.stdout.split()[1]) < 250:
        pytest.skip("systemd-analyze security --offline needs systemd 250 or newer")
    for unit in _units_here(tmp_path)[:2]:
        done = subprocess.run([analyze, "security", "--offline=yes", "--threshold=20",
                               str(unit)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout[-400:]  # exposure 2.0 of 10 at most
