"""Swedish end to end: ``mailflow tick`` on a Maildir with the file outbox, network in Swedish.

A Swedish-speaking school's people write in Swedish; each mail is read and answered in
Swedish (the .eml files in the outbox are what they receive), and with
``network.language = "sv"`` the facilitator's digest is in Swedish too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from mailflow.adapters.store import Store
from mailflow.cli.demo import run_demo
from mailflow.cli.main import main
from mailflow.core.model import Person
from tests.factories import plain_mail, write_maildir_config
from tests.mailgen import deliver

WHEN = datetime.fromisoformat("2026-11-20T09:00+02:00")
DAY = "2026-12-09"
CAMILLA = "camilla.sundstrom@prakticum.test"
ORGANISATIONS = """
[[organisations]]
name = "Prakticum"
domains = ["prakticum.test"]
"""
SIGNUP = """Hej!

Jag anmäler mig till nätverksdagen den 9 december.

Namn: Camilla Sundström
Organisation: Prakticum
Titel: utbildningskoordinator
E-post: camilla.sundstrom@prakticum.test
Specialdiet: vegetarisk

Med vänliga hälsningar
Camilla Sundström
"""

Run = Callable[..., int]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    write_maildir_config(tmp_path, extra=ORGANISATIONS, language="sv")
    return tmp_path


@pytest.fixture
def run(root: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def call(*args: str) -> int:
        code = main(["--config", str(root / "mailflow.toml"), *args])
        capsys.readouterr()
        return code

    return call


def mail_to(root: Path, to: str) -> list[EmailMessage]:
    """The .eml files in the outbox addressed to ``to``."""
    found = []
    for path in sorted((root / "outbox").glob("*.eml")):
        msg = message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(msg, EmailMessage)
        if to in str(msg["To"]):
            found.append(msg)
    return found


def text_of(msg: EmailMessage) -> str:
    body = msg.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_a_swedish_sign_up_rsvp_and_digest_through_tick(root: Path, run: Run) -> None:
    assert run("days", "add", DAY, "--date", DAY, "--start", "10:00", "--end", "16:00",
               "--place", "Kuntatalo, Helsinki") == 0
    deliver(str(root / "mail"), [plain_mail(CAMILLA, "Camilla Sundström", "Anmälan",
                                            SIGNUP, WHEN, "<sv-1@prakticum.test>")])
    assert run("tick", "--now", "2026-11-20T10:00+02:00") == 0

    mails = {str(m["Subject"]).split(" ")[0]: m for m in mail_to(root, CAMILLA)}
    assert sorted(mails) == ["Din", "Inbjudan:"]  # the confirmation, and the day's invitation
    assert {m["Content-Language"] for m in mails.values()} == {"sv"}
    assert mails["Inbjudan:"]["Subject"] == "Inbjudan: nätverksdag ons 9.12.2026"
    assert "Jag deltar" in text_of(mails["Inbjudan:"])
    confirmation = mails["Din"]
    assert confirmation["Subject"].startswith("Din anmälan har tagits emot")
    text = text_of(confirmation)
    for fact in ("Hej Camilla,", "Roll: personal", "Specialdiet: vegetarisk",
                 "ons 9.12.2026 kl. 10.00–16.00"):
        assert fact in text, fact
    with Store(root / "mailflow.json") as store:
        person = store.get(Person, CAMILLA)
    assert person is not None
    assert person.language == "sv"

    deliver(str(root / "mail"), [plain_mail(
        CAMILLA, "Camilla Sundström", "SV: Inbjudan: nätverksdag 9.12.2026",
        "Hej,\n\njag kan tyvärr inte delta på nätverksdagen den 9.12, vi har examinationer.\n\n"
        "Hälsningar\nCamilla", WHEN.replace(hour=11), "<sv-2@prakticum.test>")])
    assert run("tick", "--now", "2026-11-20T12:00+02:00") == 0
    answers = [m for m in mail_to(root, CAMILLA) if m["Subject"].startswith("Du har förhinder")]
    [answer] = answers
    assert "Vi har noterat att du inte kan delta" in text_of(answer)

    assert run("digest", "--send", "--now", "2026-11-21T08:00+02:00") == 0
    assert run("tick", "--now", "2026-11-21T08:05+02:00") == 0
    [digest] = mail_to(root, "vetaja@example.org")
    assert digest["Subject"].startswith("Nätverkets sammandrag 21.11.2026: 1 ny anmälan")
    assert "NYA ANMÄLNINGAR (1)" in text_of(digest)


def test_the_demo_answers_its_swedish_sign_up_in_swedish(tmp_path: Path) -> None:
    assert run_demo(tmp_path / "demo", fast=True) == 0
    # by subject: the outbox's file names order mails written in the same second by hash
    mails = mail_to(tmp_path / "demo", "camilla.sundstrom@prakticum.test")
    assert len(mails) == 2
    (invitation,) = [m for m in mails if str(m["Subject"]).startswith("Inbjudan:")]
    (answer,) = [m for m in mails if m is not invitation]
    assert answer["Content-Language"] == "sv"
    assert answer["Subject"].startswith("Din anmälan har tagits emot")
    assert invitation["Subject"].startswith("Inbjudan:")  # to the day from the calendar
    assert "Specialdiet: laktosfri" in text_of(answer)
