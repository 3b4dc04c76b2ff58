"""The moves a pass commits before it makes them are kept by the folder's role, so a pass
cut short follows the config the next pass has (a folder renamed, a refused name fixed)."""

from __future__ import annotations

import json
from pathlib import Path

from mailflow.adapters.store import Store
from mailflow.adapters.store.migrations import SCHEMA_VERSION
from mailflow.config.loader import MailboxSettings
from mailflow.run.records import PENDING_MOVES_META, folders_of_roles, roles_of_folders

OLD = MailboxSettings(processed_folder="~mailflow/processed", attention_folder="Huomio")
FIXED = MailboxSettings(processed_folder="mailflow/processed",
                        attention_folder="mailflow/attention")


def test_moves_are_kept_by_role_and_made_to_the_folders_the_config_names_now() -> None:
    kept = roles_of_folders({"~mailflow/processed": ["7:1", "7:2"], "Huomio": ["7:3"]}, OLD)
    assert kept == {"processed": ["7:1", "7:2"], "attention": ["7:3"]}
    assert folders_of_roles(kept, FIXED) == {"mailflow/processed": ["7:1", "7:2"],
                                             "mailflow/attention": ["7:3"]}


def test_one_folder_for_both_roles_gets_both_roles_moves() -> None:
    same = MailboxSettings(processed_folder="Arkisto", attention_folder="Arkisto")
    kept = roles_of_folders({"Arkisto": ["7:1"]}, same)
    assert folders_of_roles({**kept, "attention": ["7:2"]}, same) == {"Arkisto": ["7:1", "7:2"]}


def test_a_version_2_store_keeps_its_pending_moves_under_their_roles(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    path.write_text(json.dumps({
        "meta": {"1": {"schema_version": 2}},
        "settings": {"1": {"name": PENDING_MOVES_META, "value": {
            "~mailflow/processed": ["7:1"], "Huomio": ["7:2"], "verkosto/attention": ["7:3"],
            "Arkisto": ["7:4"]}}},
        "messages": {
            "1": {"key": "<a@x.test>", "received_at": "2026-11-20T07:00:00+00:00",
                  "handled_at": "2026-11-20T07:00:00+00:00", "sender": "a@x.test",
                  "outcome": "attention", "intent": "question", "folder": "Huomio"},
            "2": {"key": "<b@x.test>", "received_at": "2026-11-20T07:00:00+00:00",
                  "handled_at": "2026-11-20T07:00:00+00:00", "sender": "b@x.test",
                  "outcome": "handled", "intent": "signup", "folder": "~mailflow/processed"},
        },
    }))
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        # a name's role from the records moved there; else from the name itself
        assert store.meta(PENDING_MOVES_META) == {
            "processed": ["7:1", "7:4"], "attention": ["7:2", "7:3"]}
