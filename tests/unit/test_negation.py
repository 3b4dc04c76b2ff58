"""Negation scope: a request the sentence denies asks for nothing, in the language its
words are written in. Written by class here (fi/sv/en); none is a corpus mail's text."""

from __future__ import annotations

import pytest

from tests.unit.test_intents import MAIJA, intent_of


def kind_of(text: str) -> str:
    return intent_of(text, subject="Re: Verkostopäivä", from_addr=MAIJA.address).kind


@pytest.mark.parametrize("text", [
    "Emme peru osallistumista, kysyin vain aikataulusta.",
    "Jag avbokar inte min anmälan, jag ville bara fråga om programmet.",
    "I am not cancelling my registration, I just wanted to ask about the programme.",
    "I don't want to be removed from the mailing list, please keep sending news.",
])
def test_a_denied_request_is_not_asked_for(text: str) -> None:
    assert kind_of(text) == "attention"


@pytest.mark.parametrize(("text", "kind"), [
    ("En peru ilmoittautumistani, vaikka aikataulu muuttui. Tulen 9.12.", "rsvp_yes"),
    ("Please don't cancel my place, I will come after all on 9 December.", "rsvp_yes"),
    # a "no" is itself a negation, and a negation in another clause reaches nothing
    ("En pääse, joten peruutan ilmoittautumiseni.", "cancel"),
    ("I can't make it, so please cancel my registration.", "cancel"),
    ("Jag kan inte komma, så jag avbokar min anmälan.", "cancel"),
    ("Unfortunately I won't be attending on 9 December.", "rsvp_no"),
])
def test_what_the_sentence_still_asks_for(text: str, kind: str) -> None:
    assert kind_of(text) == kind


def test_a_word_that_denies_in_one_language_does_not_in_another() -> None:
    """Swedish "en" is an article: "anmäla en gäst" is a sign-up, not a Finnish "en"."""
    text = "Vi vill anmäla en gäst:\n\nTimo Aalto, vd, Aalto Bygg Ab, timo.aalto@aalto.test"
    intent = intent_of(text, subject="Anmälan", from_addr=MAIJA.address)
    assert intent.kind == "signup"
