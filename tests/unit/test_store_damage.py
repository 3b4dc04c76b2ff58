"""A store that existed is never taken for a new one: each kind of damage is refused with
the way back, nothing is reset, and ``mailflow store recover`` brings every record back."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mailflow.adapters.store import Snapshot, Store
from mailflow.adapters.store.recovery import rebuilt_tables
from mailflow.adapters.store.snapshot import committed_tables
from mailflow.cli.main import main
from mailflow.core.errors import StoreError
from mailflow.core.model import Person
from tests.factories import write_maildir_config
from tests.store_faults import DAMAGES, build_store, journal_lines, person

MAIN_FILE_DAMAGES = [name for name in DAMAGES if name.startswith("main")]


def files_of(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in root.glob("mailflow.json*")
            if not p.name.endswith((".lock", ".reserve"))}


def people(path: Path) -> int:
    with Store(path) as store:
        return store.count(Person)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """41 people: 20 in the file (and its previous generation), 21 in the journal."""
    path = tmp_path / "mailflow.json"
    build_store(path, people=41)
    write_maildir_config(tmp_path)
    return path


@pytest.mark.parametrize("damage", MAIN_FILE_DAMAGES)
def test_a_damaged_main_file_stops_the_pass_with_the_way_back_and_nothing_is_reset(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    DAMAGES[damage](store)
    before = files_of(tmp_path)
    config = str(tmp_path / "mailflow.toml")

    code, out, err = run(capsys, "tick", "--config", config)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"mailflow: {store}: ")
    assert "mailflow store recover" in err
    assert files_of(tmp_path) == before  # not replaced by an empty store
    for reader in ("people", "attention"):  # read-only commands refuse too
        assert run(capsys, reader, "--config", config)[0] == 2

    code, out, err = run(capsys, "store", "recover", "--config", config)
    assert (code, err) == (0, "")
    assert out.startswith(f"{store}: rebuilt (")
    assert "people 41" in out
    assert people(store) == 41
    assert run(capsys, "tick", "--config", config)[0] == 0


def test_a_missing_or_empty_store_says_what_existed(store: Path) -> None:
    store.unlink()
    with pytest.raises(StoreError, match=r"the store file is missing, but a store existed here "
                       r"\(mailflow\.json\.id, mailflow\.json\.journal, mailflow\.json\.previous"):
        Store(store)
    store.write_bytes(b"")
    with pytest.raises(StoreError, match="the store file is empty"):
        Snapshot(store)


def test_a_torn_last_journal_line_is_dropped_and_logged_with_its_keys_not_its_data(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    whole = len(journal_lines(store))
    DAMAGES["journal cut (torn last line)"](store)
    code, _, err = run(capsys, "tick", "--config", str(tmp_path / "mailflow.toml"))
    assert code == 0
    assert f"mailflow.json.journal: dropped line {whole + 1}, cut short by a crash" in err
    assert "people 1" in err
    assert "@omnia.test" not in err  # a person's key is their address: counted, not shown
    assert people(store) == 41


def test_a_garbled_journal_line_is_refused_and_recover_will_not_guess(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    DAMAGES["journal garbled (line 3)"](store)
    before = files_of(tmp_path)
    config = str(tmp_path / "mailflow.toml")
    for command in (["tick"], ["store", "recover"]):
        code, _, err = run(capsys, *command, "--config", config)
        assert code == 2
        assert "mailflow.json.journal: line 3 is damaged" in err
    assert files_of(tmp_path) == before


def test_store_check_tells_what_each_file_holds(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    DAMAGES["main file half"](store)
    code, out, _ = run(capsys, "store", "check", "--config", str(tmp_path / "mailflow.toml"))
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines()[3:]}
    assert "not valid JSON" in rows["mailflow.json"]
    assert "whole: people 1" in rows["mailflow.json.previous"]  # the copy made at creation
    assert "19 whole lines" in rows["mailflow.json.journal.previous"]
    assert "21 whole lines" in rows["mailflow.json.journal"]


def test_init_creates_a_store_only_where_there_is_none_unless_forced(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    DAMAGES["main file empty"](store)
    config = str(tmp_path / "mailflow.toml")
    code, _, err = run(capsys, "init", "--config", config)
    assert code == 2
    assert "a store exists here" in err

    code, out, _ = run(capsys, "init", "--force", "--config", config)
    assert code == 0
    kept = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("kept aside")]
    assert {Path(k).name.split(".discarded-")[0] for k in kept} >= {
        "mailflow.json", "mailflow.json.journal", "mailflow.json.previous", "mailflow.json.id"}
    assert people(store) == 0
    assert run(capsys, "tick", "--config", config)[0] == 0


def test_a_folder_without_any_store_file_gets_a_new_store(tmp_path: Path) -> None:
    path = tmp_path / "var" / "mailflow.json"
    with Store(path) as store:
        store.commit()
    assert path.exists()
    assert path.with_name("mailflow.json.id").exists()


def test_a_dry_run_on_an_empty_folder_leaves_no_marker(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with Store(path):
        pass  # opened, never committed
    with Store(path) as store:  # still a new store, not a damaged one
        store.commit()
    assert people(path) == 0


def test_a_store_from_before_the_marker_gets_one(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    build_store(path, people=3)
    path.with_name("mailflow.json.id").unlink()
    assert people(path) == 3
    assert path.with_name("mailflow.json.id").exists()


def test_the_previous_generation_and_the_journals_replay_to_the_store(tmp_path: Path) -> None:
    """Whatever the commits, compactions, deletes and migrations-free rewrites: the way
    back gives what the store holds."""
    path = tmp_path / "mailflow.json"
    rng = random.Random(16)
    with Store(path) as store:
        for step in range(300):
            n = rng.randrange(60)
            if rng.random() < 0.2:
                store.delete(Person, [person(n).address])
            else:
                store.put(person(n, name=f"Nimi {step}"))
            store.set_meta("step", step)
            store.commit()
            if rng.random() < 0.1:
                store.checkpoint()
            if rng.random() < 0.02:
                store.scrub()  # as forgetting a person does
                store.commit()
            if step % 37 == 0:
                assert rebuilt_tables(path).data == committed_tables(path).data
    assert rebuilt_tables(path).data == committed_tables(path).data
