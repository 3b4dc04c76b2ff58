"""The facilitators: one or more in the config, the digest and cost summaries to each, and
the changes made by mail listed in the digest ("Tehdyt muutokset") and kept in the store."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow.adapters.store import Store
from mailflow.config.loader import load_settings
from mailflow.config.resources import templates_dir
from mailflow.core.errors import ConfigError
from mailflow.core.model import CommandEntry
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.settings import NetworkSettings
from mailflow.core.writing.render import Renderer
from mailflow.run.records import erase_person
from tests.factories import sample_network

TZ = ZoneInfo("Europe/Helsinki")
CONFIG = '[network]\naddress = "verkosto@example.org"\n'
SAMPLE = sample_network()
FACILITATORS = ("vetaja@example.org", "toinen@example.org")


def load(tmp_path: Path, network_lines: str) -> NetworkSettings:
    path = tmp_path / "mailflow.toml"
    path.write_text(CONFIG + network_lines, encoding="utf-8")
    return load_settings(path).network


def test_facilitators_are_a_list(tmp_path: Path) -> None:
    network = load(tmp_path, 'facilitators = ["vetaja@example.org", "toinen@example.org"]\n')
    assert network.all_facilitators == FACILITATORS
    assert network.facilitator == "vetaja@example.org"


def test_the_old_single_facilitator_loads_as_a_list_of_one(tmp_path: Path) -> None:
    network = load(tmp_path, 'facilitator = "vetaja@example.org"\n')
    assert network.facilitators == ("vetaja@example.org",)


@pytest.mark.parametrize(("lines", "key"), [
    ('facilitators = "vetaja@example.org"\n', "network.facilitators: expected an array"),
    ('facilitators = ["vetaja"]\n', "network.facilitators: expected a mail address"),
    ('facilitators = []\n', "network.facilitators: missing required key"),
    ('facilitators = ["a@example.org", "A@example.org"]\n', "network.facilitators: an address"),
    ('facilitator = "a@example.org"\nfacilitators = ["b@example.org"]\n',
     "network.facilitator: give network.facilitators only"),
])
def test_a_bad_facilitators_value_names_the_key_and_the_file(tmp_path: Path, lines: str,
                                                             key: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load(tmp_path, lines)
    assert key in str(raised.value)
    assert str(tmp_path / "mailflow.toml") in str(raised.value)


def change(at: datetime, code: str, *targets: str, key: str = "c1") -> CommandEntry:
    return CommandEntry(id=f"cmd:{key}", by="vetaja@example.org", at=at, verb="handled",
                        what="KÄSITELTY #k3m9qa", detail="1 item(s) handled", change=code,
                        targets=targets)


def test_the_digest_goes_to_every_facilitator_with_the_changes_since_the_last() -> None:
    rules = ScheduleRules(facilitator=FACILITATORS[0], facilitators=FACILITATORS, tz=TZ)
    since = SAMPLE.last_digest_at
    changes = [change(since + timedelta(hours=1), "handled", "#k3m9qa"),
               change(since - timedelta(hours=1), "offered", "old@omnia.test", key="c0")]
    digests = [m for m in due_mails(SAMPLE.state, SAMPLE.now, rules, last_digest_at=since,
                                    failed_mails=(), changes=changes)
               if m.template == "digest"]
    assert [(m.key, m.to) for m in digests] == [
        ("digest:2026-12-03", "vetaja@example.org"),
        ("digest:2026-12-03:toinen@example.org", "toinen@example.org"),
    ]
    (line,) = digests[0].context["digest"].changes
    assert (line.change, line.targets) == ("handled", ("#k3m9qa",))


def test_a_change_alone_brings_a_digest() -> None:
    rules = ScheduleRules(facilitator=FACILITATORS[0], tz=TZ)
    quiet = SAMPLE.state.__class__(days=SAMPLE.state.days)
    since = SAMPLE.now - timedelta(hours=20)
    assert not [m for m in due_mails(quiet, SAMPLE.now, rules, last_digest_at=since,
                                     failed_mails=()) if m.template == "digest"]
    with_change = due_mails(quiet, SAMPLE.now, rules, last_digest_at=since, failed_mails=(),
                            changes=[change(since + timedelta(hours=2), "retried", "a@b.test")])
    assert [m.template for m in with_change if m.template == "digest"] == ["digest"]


@pytest.mark.parametrize(("language", "heading"), [
    ("fi", "TEHDYT MUUTOKSET (2)"), ("sv", "GENOMFÖRDA ÄNDRINGAR (2)"), ("en", "CHANGES MADE (2)"),
])
def test_the_digest_lists_the_changes_in_its_language(language: str, heading: str) -> None:
    rules = ScheduleRules(facilitator=FACILITATORS[0], tz=TZ, language=language)
    since = SAMPLE.last_digest_at
    changes = [change(since + timedelta(hours=1), "handled", "#k3m9qa"),
               change(since + timedelta(hours=2), "announced", "<b>Joulu</b>", "5", key="c2")]
    (digest,) = [m for m in due_mails(SAMPLE.state, SAMPLE.now, rules, last_digest_at=since,
                                      failed_mails=(), changes=changes)
                 if m.template == "digest"]
    network = NetworkSettings(address="verkosto@example.org", facilitator=FACILITATORS[0])
    mail = Renderer(templates_dir(), network, TZ).render(digest, now=SAMPLE.now)
    assert heading in mail.text
    assert "#k3m9qa" in mail.text
    assert "<b>Joulu</b>" in mail.text
    assert "&lt;b&gt;Joulu&lt;/b&gt;" in mail.html
    assert "<b>Joulu</b>" not in mail.html


def test_the_command_log_is_kept_in_the_store(tmp_path: Path) -> None:
    logged = change(SAMPLE.now, "handled", "#k3m9qa", "#abcdef")
    with Store(tmp_path / "mailflow.json") as store:
        store.put(logged)
        store.commit()
    with Store(tmp_path / "mailflow.json") as store:
        assert store.all(CommandEntry) == [logged]


def test_forgetting_a_person_leaves_the_log_naming_nobody(tmp_path: Path) -> None:
    offered = CommandEntry(id="cmd:c1", by="vetaja@example.org", at=SAMPLE.now, verb="offer",
                           what="TARJOA Maija@Omnia.test", detail="maija@omnia.test offered",
                           change="offered", targets=("maija@omnia.test",))
    other = change(SAMPLE.now, "handled", "#k3m9qa", key="c2")
    with Store(tmp_path / "mailflow.json") as store:
        store.put_many([offered, other])
        store.commit()
        erase_person(store, "maija@omnia.test")
        store.commit()
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("mailflow.json*"))
    assert b"maija" not in on_disk.lower()
    with Store(tmp_path / "mailflow.json") as store:
        kept = {e.id: e for e in store.all(CommandEntry)}
    assert (kept["cmd:c1"].verb, kept["cmd:c1"].change) == ("offer", "offered")
    assert kept["cmd:c2"] == other
