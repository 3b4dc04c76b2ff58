"""Folder names every server accepts: the example config, unchanged, on Dovecot with the
separator ``.`` (its default on Maildir), ``/``, and personal folders under ``INBOX.``
(as Courier and Cyrus have them); a name the server refuses is exit 2 naming the key; and
the moves a refused name left pending follow the config once it is fixed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mailflow.adapters.store import Store
from mailflow.core.model import ProcessedMessage
from mailflow.run.records import CURSOR_META, FIRST_RUN_META, PENDING_MOVES_META
from tests.dovecot import Dovecot
from tests.factories import TZ, plain_mail, signup_mail

pytestmark = pytest.mark.dovecot

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "imap-smtp.example.toml"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=TZ)
HIERARCHIES = {"separator-dot": (".", ""), "separator-slash": ("/", ""),
               "prefix-INBOX.": (".", "INBOX.")}


@pytest.fixture(params=list(HIERARCHIES), ids=list(HIERARCHIES))
def server(request: pytest.FixtureRequest, dovecot_factory: Callable[..., Dovecot]) -> Dovecot:
    """A Dovecot with the separator (and personal prefix) of the parameter."""
    separator, prefix = HIERARCHIES[request.param]
    return dovecot_factory(separator=separator, prefix=prefix)


def example_config(root: Path, server: Dovecot, *, mailbox: str = "") -> Path:
    """config/imap-smtp.example.toml pointed at ``server`` (and a file outbox), its
    [mailbox] section as shipped unless ``mailbox`` replaces it."""
    text = EXAMPLE.read_text(encoding="utf-8")
    imap = (f'[imap]\nhost = "127.0.0.1"\nport = {server.port}\ntls = "none"\n'
            f'username = "{server.user}"\npassword_env = "TEST_IMAP_PASSWORD"\n'
            'folder = "INBOX"\n\n')
    text = re.sub(r"\[imap\]\n.*?\n\n", lambda _: imap, text, flags=re.DOTALL)
    text = re.sub(r"\[outbox\]\n.*?\n\n\[smtp\]\n.*?\n\n",
                  lambda _: f'[outbox]\nkind = "file"\npath = "{root}/outbox"\n\n', text,
                  flags=re.DOTALL)
    text = text.replace('path = "var/mailflow.json"', f'path = "{root}/mailflow.json"')
    if mailbox:
        text = re.sub(r"\[mailbox\]\n.*?\n\n", lambda _: mailbox + "\n\n", text,
                      flags=re.DOTALL)
    path = root / "mailflow.toml"
    path.write_text(text, encoding="utf-8")
    return path


def tick(config: Path, server: Dovecot) -> tuple[int, str, str]:
    """``mailflow tick`` as cron runs it: exit code, stdout, stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "mailflow", "--config", str(config), "tick", "--now",
         NOW.isoformat()], capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "TEST_IMAP_PASSWORD": server.password})
    return done.returncode, done.stdout, done.stderr


def deliver_two(server: Dovecot) -> None:
    """A sign-up (kept in the processed folder) and a question (in the attention folder)."""
    server.deliver(signup_mail("maija@omnia.test", "Maija Mäkinen", "Omnia", "opettaja",
                               NOW, "<signup-1@omnia.test>"),
                   received_at=NOW + timedelta(minutes=1))
    server.deliver(plain_mail("pekka@stadi.test", "Pekka Puupää", "Kysymys",
                              "Voiko verkostopäivään tulla myös osan päivää? Entä etänä?",
                              NOW, "<question-1@stadi.test>"),
                   received_at=NOW + timedelta(minutes=2))


def folders(server: Dovecot) -> dict[str, int]:
    """Each selectable folder and how many messages it holds."""
    with server.client() as client:
        return {name: int(client.folder_status(name, [b"MESSAGES"])[b"MESSAGES"])
                for flags, _, name in client.list_folders() if b"\\Noselect" not in flags}


def test_the_example_config_works_unchanged_on_each_kind_of_server(
    server: Dovecot, tmp_path: Path,
) -> None:
    deliver_two(server)
    code, out, err = tick(example_config(tmp_path, server), server)
    assert (code, err) == (0, ""), out
    level = server.separator
    top = server.prefix  # "" or "INBOX."
    assert folders(server) == {
        "INBOX": 0,
        f"{top}mailflow{level}processed": 1,
        f"{top}mailflow{level}attention": 1,
    }
    assert "handled maija@omnia.test" in out


def test_a_name_the_server_refuses_is_exit_2_naming_the_key_and_fixing_it_recovers(
    server: Dovecot, tmp_path: Path,
) -> None:
    deliver_two(server)
    refused = ('[mailbox]\nkind = "imap"\nprocessed_folder = "~mailflow/processed"\n'
               'attention_folder = "mailflow/attention"')
    code, out, err = tick(example_config(tmp_path, server, mailbox=refused), server)
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith("mailflow: mailbox.processed_folder: the IMAP server refuses a "
                          "folder named ")
    assert "'INBOX'" not in err
    assert "handled maija@omnia.test" in out  # decided and committed, not yet moved
    code, out, err = tick(example_config(tmp_path, server, mailbox=refused), server)
    assert code == 2  # every pass says so, as cron mails it: never a passing fault

    code, out, err = tick(example_config(tmp_path, server), server)  # the config fixed
    assert (code, err) == (0, ""), out
    assert "handled maija" not in out  # nothing handled twice: only moved
    assert "sent confirm:signup-1@omnia.test:maija@omnia.test" in out  # the answer waited
    assert folders(server)[f"{server.prefix}mailflow{server.separator}processed"] == 1
    assert folders(server)["INBOX"] == 0
    with Store(tmp_path / "mailflow.json") as store:
        assert store.meta(PENDING_MOVES_META) == {}


def test_a_store_from_before_with_moves_to_an_old_name_follows_the_fixed_config(
    dovecot: Dovecot, tmp_path: Path,
) -> None:
    """A version 2 store kept pending moves by folder name; once migrated they go where the
    config now says (and the old name's folder is never made)."""
    dovecot.deliver(signup_mail("maija@omnia.test", "Maija Mäkinen", "Omnia", "opettaja",
                                NOW, "<signup-1@omnia.test>"),
                    received_at=NOW + timedelta(minutes=1))
    with dovecot.client() as client:
        validity = int(client.select_folder("INBOX")[b"UIDVALIDITY"])
        (uid,) = client.search()
    store_path = tmp_path / "mailflow.json"
    with Store(store_path) as store:  # what the crashed pass of an older mailflow left
        store.put(ProcessedMessage(key="<signup-1@omnia.test>", received_at=NOW,
                                   handled_at=NOW, sender="maija@omnia.test", outcome="handled",
                                   intent="signup", folder="verkosto/käsitellyt"))
        store.set_meta(FIRST_RUN_META, (NOW - timedelta(days=1)).isoformat())
        store.set_meta(CURSOR_META, {"uidvalidity": validity, "last_uid": uid})
        store.set_meta(PENDING_MOVES_META, {"verkosto/käsitellyt": [f"{validity}:{uid}"]})
        store.commit()
    data = json.loads(store_path.read_text())
    data["meta"]["1"]["schema_version"] = 2
    store_path.write_text(json.dumps(data))

    code, out, err = tick(example_config(tmp_path, dovecot), dovecot)
    assert (code, err) == (0, ""), out
    assert folders(dovecot) == {"INBOX": 0, "mailflow.processed": 1}
