"""The language seam: a pack registered at run time is read, understood and answered.

A tiny Swedish pack, made here with a handful of phrases, is registered with one call;
nothing else in mailflow is touched. A Swedish mail is then understood (its intent, its
language detected as "sv"), decided on, and answered with the templates this test writes
for "sv". A new language touches three things: its pack (``mailflow/core/languages/sv/``:
``__init__.py`` and ``knowledge.py``, with the wording and labels parts beside them), its
templates folder (``templates/sv/``) and one line of registration.
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
SWEDISH = LanguagePack(
    code="sv",
    name="Svenska",
    knows=Knowledge(
        intents={
            "interest_join": (r"\bhaller\s+mig\s+informerad\b", r"\bberatta\s+mer\b"),
            "interest_leave": (r"\bnej\s+tack\b",),
            "rsvp_yes": (r"\bjag\s+kommer\b",),
        },
        weak_yes=("ja",),
        common_words=frozenset({"jag", "och", "mig", "till", "om", "mer", "tack", "hej",
                                "vill", "nätverket", "natverket", "gärna", "garna"}),
    ),
    # what it says outside the templates (reasons, role names, dates; CLI labels): a real
    # pack writes its own, as languages/en/wording.py and labels.py do; this one borrows them
    says=ENGLISH.says,
    labels=ENGLISH.labels,
)
TEMPLATES = {
    "interest_welcome.subject.txt": "Tack för ditt intresse – {{ network.name }}",
    "interest_welcome.txt": "Vi har lagt till {{ address }} på nätverkets e-postlista.",
    "interest_welcome.html": "<p>Vi har lagt till {{ address }} på nätverkets e-postlista.</p>",
}


@pytest.fixture
def swedish() -> Iterator[LanguagePack]:
    registry.register(SWEDISH)  # the one line a new language needs
    yield SWEDISH
    registry.unregister("sv")


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


def test_a_swedish_mail_is_understood_and_answered_in_swedish(
    swedish: LanguagePack, tmp_path: Path
) -> None:
    intent = understood("Hej!\n\nJag vill gärna att ni håller mig informerad om nätverket. "
                        "Berätta mer!\n\nTack och hälsningar,\nAnna")
    assert (intent.kind, intent.language) == ("interest_join", "sv")

    decision = decide(intent, STATE, NOW, RULES)
    [request] = decision.mails
    assert (request.template, request.language) == ("interest_welcome", "sv")
    assert set(request.context) == set(CATALOGUE["interest_welcome"])

    (tmp_path / "sv").mkdir()
    for name, source in TEMPLATES.items():
        (tmp_path / "sv" / name).write_text(source, encoding="utf-8")
    mail = Renderer(tmp_path, NETWORK, ZoneInfo("Europe/Helsinki")).render(request, now=NOW)
    parsed = message_from_bytes(mail.raw, policy=default)
    assert parsed["Subject"] == "Tack för ditt intresse – Asiakaslähtöisyys oppilaitoksissa"
    assert parsed["Content-Language"] == "sv"
    assert "Vi har lagt till anna.andersson@omnia.test" in mail.text


def test_the_other_languages_are_still_read_beside_the_new_one(swedish: LanguagePack) -> None:
    assert understood("Nej tack, jag vill inte ha mer post.").kind == "interest_leave"
    assert understood("Pitäkää minut ajan tasalla, kiitos!").language == "fi"
    assert understood("Please keep me posted about the network, thanks!").language == "en"


def test_a_removed_pack_is_no_longer_read() -> None:
    registry.register(SWEDISH)
    registry.unregister("sv")
    intent = understood("Hej! Berätta mer om nätverket, tack.")
    assert (intent.kind, intent.language) == ("attention", "fi")
    assert [p.code for p in registry.packs()] == ["fi", "en"]


def test_a_registered_pack_may_be_the_network_language(swedish: LanguagePack) -> None:
    assert registry.codes() == ("fi", "en", "sv")
    assert registry.pack("sv") is swedish
