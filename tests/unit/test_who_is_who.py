"""Who is who in a mail about one or several people: each name bound to its own address,
title and organisation, whichever way the mail lays them out. Written by class here,
in Finnish, Swedish and English; none is a corpus mail's text.
"""

from __future__ import annotations

import pytest

from mailflow.core.values import PersonDetails
from tests.unit.test_intents import intent_of


def people_of(text: str, sender: str = "uusi@omnia.test") -> list[tuple[str, str, str, str]]:
    intent = intent_of(text, subject="Ilmoittautuminen", from_addr=sender)
    signup = next(i for i in (intent, *intent.also) if i.kind == "signup")
    return [_fields(p) for p in signup.people]


def _fields(person: PersonDetails) -> tuple[str, str, str, str]:
    return person.name, person.address, person.role, person.organisation


def test_a_signature_block_over_lines_is_one_person() -> None:
    text = ("Moi, ilmoittaudun verkostopäivään 9.12.\n\nHanna Niemi\nkoordinaattori, Omnia\n"
            "hanna.niemi@omnia.test\n\nLähetetty iPhonesta")
    assert people_of(text, "hanna.niemi@omnia.test") == [
        ("Hanna Niemi", "hanna.niemi@omnia.test", "staff", "Omnia")]


@pytest.mark.parametrize("text", [
    "Hi, please register me for the network. Sam Salo, specialist, Omnia (sam.salo@omnia.test).",
    "Hej, jag vill anmäla mig. Sam Salo, lärare, Omnia, sam.salo@omnia.test. Tack!",
])
def test_a_person_in_one_sentence_of_running_text(text: str) -> None:
    assert people_of(text, "sam.salo@omnia.test") == [
        ("Sam Salo", "sam.salo@omnia.test", "staff", "Omnia")]


@pytest.mark.parametrize(("text", "name"), [
    ("Hei! Ilmoitan uutena osallistujana opettaja Marko Lahtisen (marko.lahtinen@omnia.test). "
     "Hän on mukana jatkossa.", "Marko Lahtinen"),
    ("Hej! Jag anmäler också vår lärare Maria Storbacka, maria.storbacka@omnia.test.",
     "Maria Storbacka"),
])
def test_an_address_in_running_text_is_the_person_named_before_it(text: str, name: str) -> None:
    """The colleague is signed up, in her name's base form, not the sender."""
    ((got_name, address, role, _),) = people_of(text, "maija.mallikas@omnia.test")
    assert (got_name, address.split("@")[0], role) == (
        name, name.lower().replace(" ", "."), "staff")


def test_a_sentence_under_a_table_is_nobody() -> None:
    text = ("Ilmoitan osallistujat:\n\nNimi\tTehtävä\tSähköposti\n"
            "Tuomas Korhonen\trehtori\ttuomas.korhonen@omnia.test\n"
            "Jukka Ojala\topettaja\tjukka.ojala@omnia.test\n\n"
            "Pekka Puro on ilmoittautunut jo itse, joten häntä ei ole listalla.")
    assert [p[0] for p in people_of(text)] == ["Tuomas Korhonen", "Jukka Ojala"]


@pytest.mark.parametrize("text", [
    "Tuomme jatkopäivään vieraaksi yhden yrityksen edustajan:\n\nTimo Aalto\n"
    "toimitusjohtaja, Rakennus Aalto Oy\ntimo.aalto@aalto.test",
    "Vi vill anmäla en gäst till uppföljningsdagen.\n\nTimo Aalto, vd, Aalto Bygg Ab\n"
    "timo.aalto@aalto.test",
    "We would like to bring a guest to the follow-up day.\n\nTimo Aalto, CEO, Aalto Ltd\n"
    "timo.aalto@aalto.test",
])
def test_someone_brought_as_a_guest_from_outside_the_network_is_a_guest(text: str) -> None:
    ((name, address, role, _),) = people_of(text, "maija.mallikas@omnia.test")
    assert (name, address, role) == ("Timo Aalto", "timo.aalto@aalto.test", "guest")


@pytest.mark.parametrize("text", [
    "Voisitteko perua kollegamme ilmoittautumisen? Hän ei pääse, mutta en muista hänen "
    "osoitettaan. Hänen ilmoittautumisensa tehtiin viime viikolla.",
    "Kan ni avboka hennes anmälan? Hon kan inte komma, men jag minns inte hennes adress.",
    "Could you cancel the registration of our teacher who signed up last week? I don't "
    "remember her address.",
])
def test_someone_elses_cancellation_without_their_address_waits(text: str) -> None:
    """Not the sender's own registration to cancel, and nobody else's can be found."""
    intent = intent_of(text, subject="Peruutus", from_addr="maija.mallikas@omnia.test")
    assert intent.kind == "attention"
    assert intent.reason is not None
    assert intent.reason.code == "cancel_for_unnamed"


@pytest.mark.parametrize("text", [
    "Joudun valitettavasti perumaan ilmoittautumiseni.",
    "Jag måste tyvärr avboka min anmälan.",
    "I have to cancel my registration, sorry.",
])
def test_ones_own_cancellation_is_still_a_cancel(text: str) -> None:
    intent = intent_of(text, subject="Peruutus", from_addr="maija.mallikas@omnia.test")
    assert intent.kind == "cancel"


def test_an_organisation_the_network_does_not_know_yet_after_the_title() -> None:
    text = ("Hei, ilmoittaudun verkostoon.\n\nTerveisin\nRiikka Salo\nkoulutuspäällikkö, Gradia\n"
            "riikka.salo@gradia.test")
    ((name, _, role, organisation),) = people_of(text, "riikka.salo@gradia.test")
    assert (name, role, organisation) == ("Riikka Salo", "management", "Gradia")
