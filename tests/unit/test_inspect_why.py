"""`mailflow inspect` says why: the phrases matched per intent kind and language, whose
request the mail is, the robot signals and the language scores, in text and in --json
(through ``mailflow.cli.main.main`` on corpus files, against an empty store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mailflow.cli.main import main
from tests.factories import write_maildir_config

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_maildir_config(tmp_path)


def why(config: Path, name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["--config", str(config), "inspect", str(DATA / name), "--json"]) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def text(config: Path, name: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--config", str(config), "inspect", str(DATA / name)]) == 0
    return capsys.readouterr().out


def test_a_mail_asking_two_things_shows_the_phrases_of_each(
        config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = why(config, "human_several_intents.eml", capsys)
    assert result["intent"] == "signup"
    assert [a["kind"] for a in result["also"]] == ["interest_leave"]
    phrases = {(p["kind"], p["language"], p["words"]) for p in result["why"]["phrases"]}
    assert ("signup", "fi", "ilmoittaudun") in phrases
    assert ("interest_leave", "fi", "poistakaa minut") in phrases
    scores = result["why"]["language_scores"]
    assert next(iter(scores)) == "fi"  # the default language first
    assert scores["fi"] > scores["en"]
    out = text(config, "human_several_intents.eml", capsys)
    assert "    interest_leave [fi] 'poistakaa minut'" in out
    assert "  whose request: the sender's own request" in out


def test_a_form_shows_whose_request_it_is_and_why(
        config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = why(config, "behalf_form_cf7_laheta_fi.eml", capsys)
    assert (result["acts_for"], result["acting_via"]) == ("aino.aaltonen@gradia.test", "form")
    sender = result["why"]["sender"]
    assert sender["via"] == "form"
    assert any("web site's own address" in s for s in sender["signals"])
    assert any("in Reply-To" in s for s in sender["signals"])
    assert {"kind": "join keyword", "language": "fi", "words": "LÄHETÄ"} in (
        result["why"]["phrases"])
    out = text(config, "behalf_form_cf7_laheta_fi.eml", capsys)
    assert "whose request: acts for aino.aaltonen@gradia.test (form)" in out


def test_a_robot_shows_its_signals(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = why(config, "robot_gmail_vacation.eml", capsys)
    assert result["intent"] is None
    assert "auto-submitted: auto-replied" in result["why"]["robot"]
    assert result["why"]["robot"][-1] == "read as a robot: autoreply"


def test_a_swedish_mail_and_a_language_wish(
        config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = why(config, "human_cancel_sv.eml", capsys)["why"]["language_scores"]
    assert scores["sv"] > 2 * scores["fi"]
    result = why(config, "language_change_fi_to_sv.eml", capsys)
    assert (result["intent"], result["wants_language"]) == ("language_change", "sv")
    assert result["why"]["wants_language"]["language"] == "sv"
