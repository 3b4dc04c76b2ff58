"""`mailflow inspect FILE.eml [--json]`: what mailflow understands of one message.

Through ``mailflow.cli.main.main`` as a facilitator runs it, on the corpus files in tests/data,
against a store in a temporary folder that inspect must read and never change.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from mailflow.cli.main import main
from tests.factories import write_maildir_config

DATA = Path(__file__).resolve().parent.parent / "data"
KEYS = {"robot", "bounced", "new_text", "intent", "people", "day", "reason"}

ORGANISATIONS = """
[[organisations]]
name = "Omnia"
aliases = ["Espoon seudun koulutuskuntayhtymä Omnia"]
domains = ["omnia.test"]
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_maildir_config(tmp_path, extra=ORGANISATIONS)


def inspect_json(config: Path, name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["--config", str(config), "inspect", str(DATA / name), "--json"]) == 0
    out = capsys.readouterr().out
    result: dict[str, Any] = json.loads(out)  # one JSON object, nothing else on stdout
    assert set(result) >= KEYS
    return result


def add_day(config: Path) -> None:
    assert main(["--config", str(config), "days", "add", "2026-12-09", "--date", "2026-12-09",
                 "--start", "10:00", "--end", "16:00", "--place", "Kuntatalo"]) == 0


def test_a_signup_shows_the_person_and_the_day(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_day(config)  # the day the mail names must exist in the store
    capsys.readouterr()
    result = inspect_json(config, "human_signup_fi_fields.eml", capsys)
    assert result["robot"] is None
    assert result["bounced"] == []
    assert result["intent"] == "signup"
    assert result["day"] == "2026-12-09"
    assert result["reason"] == ""
    assert "Nimi: Sanna Salonen" in result["new_text"]
    [person] = result["people"]
    assert person["name"] == "Sanna Salonen"
    assert person["organisation"] == "Omnia"
    assert person["role"] == "management"
    assert person["address"] == "sanna.salonen@omnia.test"
    assert person["diet"] == "gluteeniton"


def test_an_auto_reply_is_a_robot_without_an_intent(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = inspect_json(config, "robot_outlook_oof_fi.eml", capsys)
    assert result["robot"] == "autoreply"
    assert result["intent"] is None
    assert result["people"] == []
    assert result["bounced"] == []
    assert "lomalla" in result["new_text"]


def test_a_bounce_names_the_bounced_address(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = inspect_json(config, "robot_postfix_dsn.eml", capsys)
    assert result["robot"] == "bounce"
    assert result["bounced"] == ["maija.mallikas@omnia.test"]
    assert result["intent"] is None


def test_a_question_goes_to_attention_with_the_reason(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = inspect_json(config, "human_question_fi.eml", capsys)
    assert result["robot"] is None
    assert result["intent"] == "attention"
    assert "question" in result["reason"]
    assert result["people"] == []


def test_the_text_form_prints_one_line_per_field(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(config), "inspect",
                 str(DATA / "robot_postfix_dsn.eml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "robot: bounce" in lines
    assert "bounced: ['maija.mallikas@omnia.test']" in lines
    assert "intent: None" in lines


def test_inspect_judges_against_the_store_and_changes_nothing(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bare "Kyllä" from an unknown sender reads as a sign-up; once she is signed up and
    a day exists, it is her yes to that day. Inspecting leaves every file as it was."""
    stranger = inspect_json(config, "human_rsvp_bare_kylla_no_day.eml", capsys)
    assert stranger["intent"] == "signup"
    assert not (tmp_path / "mailflow.json").exists(), "inspect creates no store"

    add_day(config)
    signup = (DATA / "human_signup_fi_fields.eml").read_bytes()
    signup = signup.replace(b"sanna.salonen", b"maija.mallikas")
    (tmp_path / "mail" / "new").mkdir(parents=True)
    (tmp_path / "mail" / "new" / "1.eml").write_bytes(signup)
    assert main(["--config", str(config), "tick", "--now", "2026-11-20T10:00+02:00"]) == 0
    capsys.readouterr()

    before = snapshot(tmp_path)
    known = inspect_json(config, "human_rsvp_bare_kylla_no_day.eml", capsys)
    assert known["intent"] == "rsvp_yes"
    assert known["day"] == "2026-12-09"
    assert snapshot(tmp_path) == before


def test_a_missing_file_is_a_usage_error(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(config), "inspect", str(tmp_path / "nothing.eml")]) == 2
    assert "cannot read the message" in capsys.readouterr().err


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes (the store, its lock, mail, outbox)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_snapshot_sees_a_change(tmp_path: Path) -> None:
    """The no-change check above can fail: a changed byte shows."""
    shutil.copy(DATA / "human_question_fi.eml", tmp_path / "a.eml")
    before = snapshot(tmp_path)
    (tmp_path / "a.eml").write_bytes(b"x")
    assert snapshot(tmp_path) != before
