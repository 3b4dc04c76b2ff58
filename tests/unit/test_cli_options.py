"""The global options through ``mailflow.cli.main.main``: before the command or after it.

People type ``mailflow tick --config FILE`` as often as ``mailflow --config FILE tick``;
both must work, for every global option, and an option given before the command must
not be undone by the command's defaults.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mailflow.cli.main import main
from tests.factories import write_maildir_config
from tests.mailgen import deliver, signup

NOW = "2026-11-20T10:00+02:00"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_maildir_config(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("where", ["before", "after", "after the command's options"])
def test_tick_takes_the_config_before_or_after_the_command(
    config: Path, capsys: pytest.CaptureFixture[str], where: str,
) -> None:
    deliver(str(config.parent / "mail"), [signup(1)])
    args = {
        "before": ["--config", str(config), "tick", "--now", NOW],
        "after": ["tick", "--config", str(config), "--now", NOW],
        "after the command's options": ["tick", "--now", NOW, "--config", str(config)],
    }[where]
    code, out, err = run(capsys, *args)
    assert (code, err) == (0, "")
    assert "1 message(s) handled" in out
    assert (config.parent / "mailflow.json").exists()  # the store the config names


def test_every_command_takes_the_config_after_it(
    config: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "check-config", "--config", str(config))
    assert code == 0
    assert out.splitlines()[0] == f"{config}: OK"
    code, out, _ = run(capsys, "days", "list", "--config", str(config))
    assert code == 0
    assert out.startswith("id  when")
    code, out, _ = run(capsys, "people", "--csv", "--config", str(config))
    assert (code, out) == (0, "nimi;osoite;organisaatio;rooli;tila;vastaukset;ruokavalio;posti\n")


@pytest.mark.parametrize("args", [
    ("--debug", "days", "cancel", "nope", "--config", "{config}"),
    ("--config", "{config}", "days", "cancel", "nope", "--debug"),
    ("days", "cancel", "nope", "--debug", "--config", "{config}"),
])
def test_debug_shows_the_traceback_wherever_it_is_given(
    config: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
) -> None:
    code, _, err = run(capsys, *(a.format(config=config) for a in args))
    assert code == 2
    assert "Traceback" in err
    assert err.endswith("mailflow: no network day 'nope' (known: none yet)\n")


def test_without_debug_a_usage_error_is_one_line(
    config: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "days", "cancel", "nope", "--config", str(config))
    assert (code, err) == (2, "mailflow: no network day 'nope' (known: none yet)\n")


@pytest.mark.parametrize("verbose", ["-v", "--verbose"])
def test_verbose_and_json_logs_after_the_command(
    config: Path, capsys: pytest.CaptureFixture[str], verbose: str,
) -> None:
    deliver(str(config.parent / "mail"), [signup(1)])
    code, _, err = run(capsys, "tick", "--now", NOW, "--config", str(config), verbose,
                       "--json-logs")
    assert code == 0
    logged = [json.loads(line) for line in err.splitlines()]
    assert any(entry["level"] == "info" and entry["message"].startswith("handled signup-1")
               for entry in logged)


def test_quiet_by_default(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deliver(str(config.parent / "mail"), [signup(1)])
    code, _, err = run(capsys, "tick", "--now", NOW, "--config", str(config))
    assert (code, err) == (0, "")


def test_the_help_lists_every_command_though_a_run_loads_only_its_own(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in ("tick", "check-config", "inspect", "run", "days", "people", "orgs",
                 "attention", "digest", "costs", "announce", "invite", "export", "forget",
                 "demo"):
        assert f"    {name} " in out


@pytest.mark.parametrize(("args", "command"), [
    (["tick", "--config", "c.toml"], "tick"),
    (["--config", "days", "people", "--org", "tick"], "people"),  # --config's value is no command
    (["-v", "--config=x.toml", "days", "list"], "days"),
    (["--version"], None),
    (["nosuch"], None),
])
def test_the_command_is_found_before_the_parser_is_built(args: list[str],
                                                         command: str | None) -> None:
    from mailflow.cli.main import _command_named

    assert _command_named(args) == command


def test_an_unknown_command_is_a_usage_error_naming_the_commands(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "nosuch")
    assert code == 2
    assert "invalid choice: 'nosuch'" in err
    assert "'forget'" in err
