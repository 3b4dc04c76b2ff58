"""Every tests/data/*.eml through parse_message and understand, checked against its .expected.json.

The JSON keys: robot, bounced, intent (null for robots), people (only the fields given
are compared, in order), day, language, reason_contains, new_text_contains,
new_text_excludes, also (the kinds of the further requests, ``Intent.also``, in order;
a mail without the key asks one thing). Keys left out are not checked but "also".
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from mailflow.core.languages.reasons import reason_text
from mailflow.core.model import NetworkDay, Organisation, Person
from mailflow.core.organisations import OrgDirectory
from mailflow.core.reading.parse import parse_message
from mailflow.core.settings import OrganisationAlias
from mailflow.core.understanding.intents import understand
from mailflow.core.values import Intent, NetworkState, ParsedMessage

DATA = Path(__file__).resolve().parent.parent / "data"
OWN = "verkosto@example.org"
DOMAIN = "example.org"
CASES = sorted(DATA.glob("*.eml"))

ALIASES = (
    OrganisationAlias("Omnia", ("Espoon seudun koulutuskuntayhtymä Omnia", "Omnian ammattiopisto"),
                      ("omnia.test",)),
    OrganisationAlias("Stadin ammatti- ja aikuisopisto",
                      ("Stadin AO", "Stadin ammattiopisto", "Stadi"), ("stadi.test",)),
    OrganisationAlias("Keuda", ("Keski-Uudenmaan koulutuskuntayhtymä Keuda", "Keudan ammattiopisto"),
                      ("keuda.test",)),
)


def network_state() -> NetworkState:
    at = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    orgs = {
        "omnia": Organisation("omnia", "Omnia", ("omnia.test",)),
        "stadin ammatti- ja aikuisopisto": Organisation(
            "stadin ammatti- ja aikuisopisto", "Stadin ammatti- ja aikuisopisto", ("stadi.test",)),
        "keuda": Organisation("keuda", "Keuda", ("keuda.test",)),
    }
    people = [
        Person("maija.mallikas@omnia.test", "Maija Mallikas", "omnia", "management",
               registered_at=at),
        Person("matti.meikalainen@stadi.test", "Matti Meikäläinen",
               "stadin ammatti- ja aikuisopisto", "staff", registered_at=at),
        Person("liisa.laine@keuda.test", "Liisa Laine", "keuda", "supervisor", language="en",
               registered_at=at),
        Person("anna.lindqvist@omnia.test", "Anna Lindqvist", "omnia", "staff", language="sv",
               registered_at=at),
    ]
    days = [
        NetworkDay("2026-12-09", date(2026, 12, 9), time(10), time(16), "Kuntatalo, Helsinki",
                   title="Verkostopäivä"),
        NetworkDay("2027-02-10", date(2027, 2, 10), time(10), time(16), "Kuntatalo, Helsinki",
                   title="Jatkopäivä", follow_up=True),
    ]
    return NetworkState(
        organisations=orgs,
        people={p.address: p for p in people},
        days={d.id: d for d in days},
    )


def run(path: Path) -> tuple[ParsedMessage, Intent | None]:
    msg = parse_message(path.read_bytes(), own_address=OWN)
    if msg.robot is not None:
        return msg, None
    state = network_state()
    orgs = OrgDirectory.from_settings(ALIASES, state.organisations)
    return msg, understand(msg, state, orgs, own_address=OWN, network_domain=DOMAIN)


def check_people(actual: tuple[Any, ...], expected: list[dict[str, str]]) -> None:
    assert len(actual) == len(expected), [p.name or p.address for p in actual]
    for person, want in zip(actual, expected, strict=True):
        got = {key: getattr(person, key) for key in want}
        assert got == want


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_corpus_file(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    msg, intent = run(path)
    assert msg.robot == expected.get("robot"), msg.problems
    if "bounced" in expected:
        assert sorted(msg.bounced) == sorted(expected["bounced"])
    for snippet in expected.get("new_text_contains", ()):
        assert snippet in msg.new_text
    for snippet in expected.get("new_text_excludes", ()):
        assert snippet not in msg.new_text
    if msg.robot is not None:
        assert expected.get("intent") is None
        return
    assert intent is not None
    assert intent.kind == expected["intent"], (intent.reason, intent.notes)
    if "day" in expected:
        assert intent.day == expected["day"]
    if "language" in expected:
        assert intent.language == expected["language"]
    if "reason_contains" in expected:
        assert expected["reason_contains"] in reason_text(intent.reason, "en")
    if "people" in expected:
        check_people(intent.people, expected["people"])
    assert [a.kind for a in intent.also] == expected.get("also", [])
    assert intent.sender == msg.from_addr
    assert intent.answer_to == msg.message_id


def test_corpus_is_large_enough() -> None:
    human = [p for p in CASES if p.name.startswith("human_")]
    assert len(human) >= 40
    for path in CASES:
        assert path.with_suffix(".expected.json").exists(), path.name
