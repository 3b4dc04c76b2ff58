"""The language seam: a pack registered at run time is read, understood and answered.

A tiny Norwegian pack, made here with a handful of phrases, is registered with one call;
nothing else in mailflow is touched. A Norwegian mail is then understood (its intent, its
language detected as "nb"), decided on, and answered with the templates this test writes
for "nb". A new language touches three things: its pack (as ``mailflow/core/languages/sv/``:
``__init__.py`` and ``knowledge.py``, with the wording and labels parts beside them), its
templates folder (``templates/nb/``) and one line of registration.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mailflow.core.catalogue import CATALOGUE
from mailflow.core.languages import registry
from mailflow.core.languages.knowledge import Knowledge
from mailflow.core.languages.pack import LanguagePack
from mailflow.core.model import NetworkDay, Organisation
from mailflow.core.organisations import OrgDirectory
from mailflow.core.rules.decide import Rules, decide
from mailflow.core.settings import NetworkSettings
from mailflow.core.understanding.intents import understand
from mailflow.core.values import NetworkState, ParsedMessage
from mailflow.core.writing.render import Renderer

OWN = "verkosto@example.org"
DOMAIN = "example.org"
NOW = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
DAY = NetworkDay("2026-12-09", date(2026, 12, 9), time(10), time(16), "Kuntatalo, Helsinki")
STATE = NetworkState(
    organisations={"omnia": Organisation("omnia", "Omnia", ("omnia.test",))},
    people={},
    days={DAY.id: DAY},
)
ORGS = OrgDirectory.from_settings((), STATE.organisations)
RULES = Rules(max_per_org=4, network_address=OWN, facilitator="vetaja@example.org",
              secret="s" * 32)
NETWORK = NetworkSettings(
    address=OWN, facilitator="vetaja@example.org",
    name="Asiakaslähtöisyys oppilaitoksissa", facilitator_name="Verkoston vetäjä",
)

ENGLISH = registry.pack("en")
NORWEGIAN = LanguagePack(
    code="nb",
    name="Norsk bokmål",
    knows=Knowledge(
        intents={
            "interest_join": (r"\bholder\s+meg\s+orientert\b", r"\bfortell\s+mer\b"),
            "interest_leave": (r"\bnei\s+takk\b",),
            "rsvp_yes": (r"\bjeg\s+kommer\b",),
        },
        weak_yes=("ja",),
        common_words=frozenset({"jeg", "og", "meg", "til", "mer", "takk", "hei", "vil",
                                "nettverket", "gjerne", "dere", "hilsen", "ikke"}),
    ),
    # what it says outside the templates (reasons, role names, dates; CLI labels): a real
    # pack writes its own, as languages/en/wording.py and labels.py do; this one borrows them
    says=ENGLISH.says,
    labels=ENGLISH.labels,
)
TEMPLATES = {
    "interest_welcome.subject.txt": "Takk for din interesse – {{ network.name }}",
    "interest_welcome.txt": "Vi har lagt til {{ address }} på nettverkets e-postliste.",
    "interest_welcome.html": "<p>Vi har lagt til {{ address }} på nettverkets e-postliste.</p>",
}


@pytest.fixture
def norwegian() -> Iterator[LanguagePack]:
    registry.register(NORWEGIAN)  # the one line a new language needs
    yield NORWEGIAN
    registry.unregister("nb")


def message(text: str, **fields: Any) -> ParsedMessage:
    values: dict[str, Any] = {
        "message_id": "<sv1@mail.test>", "key": "<sv1@mail.test>",
        "from_addr": "anna.andersson@omnia.test", "from_name": "Anna Andersson",
        "subject": "Nätverket", "new_text": text, "text": text, "date": NOW,
    }
    values.update(fields)
    return ParsedMessage(**values)


def understood(text: str) -> Any:
    return understand(message(text), STATE, ORGS, own_address=OWN, network_domain=DOMAIN)


def test_a_norwegian_mail_is_understood_and_answered_in_norwegian(
    norwegian: LanguagePack, tmp_path: Path
) -> None:
    intent = understood("Hei!\n\nJeg vil gjerne at dere holder meg orientert om nettverket. "
                        "Fortell mer!\n\nTakk og hilsen,\nAnne")
    assert (intent.kind, intent.language) == ("interest_join", "nb")

    decision = decide(intent, STATE, NOW, RULES)
    [request] = decision.mails
    assert (request.template, request.language) == ("interest_welcome", "nb")
    assert set(request.context) == set(CATALOGUE["interest_welcome"])

    (tmp_path / "nb").mkdir()
    for name, source in TEMPLATES.items():
        (tmp_path / "nb" / name).write_text(source, encoding="utf-8")
    mail = Renderer(tmp_path, NETWORK, ZoneInfo("Europe/Helsinki")).render(request, now=NOW)
    parsed = message_from_bytes(mail.raw, policy=default)
    assert parsed["Subject"] == "Takk for din interesse – Asiakaslähtöisyys oppilaitoksissa"
    assert parsed["Content-Language"] == "nb"
    assert "Vi har lagt til anna.andersson@omnia.test" in mail.text


def test_the_other_languages_are_still_read_beside_the_new_one(norwegian: LanguagePack) -> None:
    assert understood("Nei takk, jeg vil ikke ha mer post.").language == "nb"
    assert understood("Nej tack, jag vill inte ha mer post.").language == "sv"
    assert understood("Pitäkää minut ajan tasalla, kiitos!").language == "fi"
    assert understood("Please keep me posted about the network, thanks!").language == "en"


def test_a_removed_pack_is_no_longer_read() -> None:
    registry.register(NORWEGIAN)
    registry.unregister("nb")
    intent = understood("Hei! Fortell mer, takk.")
    assert (intent.kind, intent.language) == ("attention", "fi")
    assert [p.code for p in registry.packs()] == ["fi", "en", "sv"]


def test_a_registered_pack_may_be_the_network_language(norwegian: LanguagePack) -> None:
    assert registry.codes() == ("fi", "en", "sv", "nb")
    assert registry.pack("nb") is norwegian
