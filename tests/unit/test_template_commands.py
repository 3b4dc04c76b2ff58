"""Every word a mail asks its reader to write back is one mailflow understands, in the
mail's own language: an English mail never asks for a Finnish command word ("osallistun",
"PERUUTAN"), and the Finnish and English templates stay in step."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from mailflow.core.model import NetworkDay, Organisation, Person
from mailflow.core.organisations import OrgDirectory
from mailflow.core.understanding.intents import understand
from mailflow.core.values import NetworkState, ParsedMessage

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
DAY = NetworkDay("2026-12-09", date(2026, 12, 9), time(10), time(16), "Kuntatalo, Helsinki")
MAIJA = Person("maija.mallikas@omnia.test", "Maija Mallikas", "omnia", "management")
STATE = NetworkState(organisations={"omnia": Organisation("omnia", "Omnia", ("omnia.test",))},
                     people={MAIJA.address: MAIJA}, days={DAY.id: DAY})

#: language -> (what the templates ask for, a reply that says it, its kind, the templates)
COMMANDS: dict[str, list[tuple[str, str, str, tuple[str, ...]]]] = {
    "en": [
        ("I will attend", "I will attend", "rsvp_yes", ("day_invitation", "rsvp_confirmation")),
        ("I cannot come", "I cannot come", "rsvp_no",
         ("day_changed", "day_invitation", "day_reminder", "rsvp_confirmation")),
        ("I cancel my registration", "I cancel my registration", "cancel",
         ("signup_confirmation", "place_offered", "waitlist_notice")),
        ("Correction: ...", "Correction: my special diet is gluten-free", "correction",
         ("correction_confirmation", "signup_confirmation", "place_offered", "waitlist_notice")),
        ("no thanks", "no thanks", "interest_leave", ("announcement", "interest_welcome")),
        ("Please subscribe me", "Please subscribe me", "interest_join", ("interest_goodbye",)),
        ("Erase my data", "Erase my data", "forget_request", ("data_export",)),
        ("My substitute is", "My substitute is Olli Ojala, olli.ojala@omnia.test", "substitute",
         ("signup_confirmation", "place_offered")),
    ],
    "fi": [
        ("osallistun", "osallistun", "rsvp_yes", ("day_invitation", "rsvp_confirmation")),
        ("en pääse", "en pääse", "rsvp_no",
         ("day_changed", "day_invitation", "day_reminder", "rsvp_confirmation")),
        ("PERUUTAN", "PERUUTAN", "cancel",
         ("signup_confirmation", "place_offered", "waitlist_notice")),
        ("Korjaus: ...", "Korjaus: erityisruokavalio gluteeniton", "correction",
         ("correction_confirmation", "signup_confirmation", "place_offered", "waitlist_notice")),
        ("EI KIITOS", "EI KIITOS", "interest_leave", ("announcement", "interest_welcome")),
        ("LÄHETÄ", "LÄHETÄ", "interest_join", ("interest_goodbye",)),
        ("Poista tietoni", "Poista tietoni", "forget_request", ("data_export",)),
        ("Tilalleni tulee", "Tilalleni tulee Olli Ojala, olli.ojala@omnia.test", "substitute",
         ("signup_confirmation", "place_offered")),
    ],
}
CASES = [(lang, *case) for lang, cases in COMMANDS.items() for case in cases]


def _words(path: Path) -> str:
    """A template's text as a reader sees its words: tags gone, whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).split())


def _reply(text: str) -> ParsedMessage:
    return ParsedMessage(
        message_id="<r1@omnia.test>", key="<r1@omnia.test>", from_addr=MAIJA.address,
        from_name=MAIJA.name, subject="Re: Verkosto", new_text=text, text=text,
        date=datetime(2026, 11, 17, 9, 0, tzinfo=UTC),
    )


@pytest.mark.parametrize(("language", "asked", "reply", "kind", "templates"), CASES)
def test_each_command_a_mail_asks_for_is_understood_in_its_language(
        language: str, asked: str, reply: str, kind: str, templates: tuple[str, ...]) -> None:
    for name in templates:
        for suffix in (".txt", ".html"):
            assert asked.lower() in _words(TEMPLATES / language / (name + suffix)).lower(), (
                f"{language}/{name}{suffix} does not ask for {asked!r}")
    orgs = OrgDirectory.from_settings((), STATE.organisations)
    understood = understand(_reply(reply), STATE, orgs, own_address="verkosto@example.org",
                            network_domain="example.org")
    assert (understood.kind, understood.language) == (kind, language)


@pytest.mark.parametrize("finnish", [asked for asked, *_ in COMMANDS["fi"]])
def test_no_english_mail_asks_for_a_finnish_word(finnish: str) -> None:
    word = finnish.removesuffix(" ...").lower()
    found = [p.name for p in sorted((TEMPLATES / "en").iterdir())
             if word in _words(p).lower()]
    assert found == []


def test_the_finnish_and_english_templates_are_the_same_mails() -> None:
    def names(language: str) -> list[str]:
        return sorted(p.name for p in (TEMPLATES / language).iterdir())

    assert names("fi") == names("en")
