"""understand() on the classes the second independent writer's mail showed misread
(issue 14, third round). Each case is written here in its own words, never a corpus
mail's text: the class is what is tested.
"""

from __future__ import annotations

import pytest

from mailflow.core.understanding.names import name_spelled_by
from tests.unit.test_intents import MAIJA, intent_of


@pytest.mark.parametrize("text", [
    "Jag kräver att alla uppgifter som ni har sparat om mig i registret raderas.",
    "Jag begär att alla personuppgifter som ert nätverk lagrat om mig raderas.",
    "I ask that all the personal data you hold about me be erased under the GDPR.",
    "Pyydän, että kaikki minua koskevat tiedot poistetaan rekisteristänne (GDPR 17 art.).",
])
def test_erasure_asked_in_a_long_sentence_is_forgetting(text: str) -> None:
    assert intent_of(text, subject="GDPR").kind == "forget_request"


@pytest.mark.parametrize(("text", "name"), [
    ("Otan 9.12. mukaan myös kumppaniyrityksemme toimitusjohtajan, jos se sopii:\n"
     "Ville Vieras, toimitusjohtaja, Vieras Oy\nville.vieras@vieras.test", "Ville Vieras"),
    ("Vi vill ta med en gäst från ett av våra praktikföretag den 9.12.:\n"
     "Greta Berg, vd, Ekfors Ab\ngreta.berg@ekfors.test", "Greta Berg"),
    ("We would like to bring a guest from a partner company on 9 December, if that's OK:\n"
     "Gary Hill, Managing Director, Brookline Ltd\ngary.hill@brookline.test", "Gary Hill"),
])
def test_bringing_someone_along_signs_them_up(text: str, name: str) -> None:
    intent = intent_of(text, subject="Vieras", from_addr=MAIJA.address)
    assert intent.kind == "signup"
    assert [p.name for p in intent.people] == [name]


@pytest.mark.parametrize("text", [
    "Jos budjetti riittää, otan mukaan myös kollegan: ville.vieras@vieras.test",
    "If the budget allows, we would like to bring a guest: gary.guest@guest.test",
])
def test_a_real_condition_still_leaves_it_open(text: str) -> None:
    assert intent_of(text, subject="Vieras", from_addr=MAIJA.address).kind == "attention"


@pytest.mark.parametrize("text", [
    "En itse pääse 9.12., mutta meiltä tulee joku muu. Nimi tulee myöhemmin.",
    "Jag kan inte själv komma 9.12. men någon annan från skolan kommer, namnet senare.",
    "I can't make 9 December, but someone else from our unit will come; name to follow.",
])
def test_someone_else_unnamed_waits_for_the_facilitator(text: str) -> None:
    """Not a "no": the place is meant to be kept for someone not yet named."""
    intent = intent_of(text, subject="Verkostopäivä", from_addr=MAIJA.address)
    assert intent.kind == "attention"


def test_a_coordinator_not_coming_herself_still_signs_up_her_list() -> None:
    text = ("Ilmoitan Keudan ammattiopiston puolesta seuraavat henkilöt:\n\n"
            "Nimi: Olli Opettaja\nTitteli: opettaja\nSähköposti: olli.opettaja@keuda.test\n\n"
            "Nimi: Eeva Esimies\nTitteli: tiiminvetäjä\nSähköposti: eeva.esimies@keuda.test\n\n"
            "Itse en valitettavasti pysty osallistumaan.")
    intent = intent_of(text, subject="Osallistujat", from_addr="rehtori@keuda.test")
    assert intent.kind == "signup"
    assert [p.address for p in intent.people] == ["olli.opettaja@keuda.test",
                                                  "eeva.esimies@keuda.test"]


def test_a_stranger_s_yes_to_a_day_without_references_signs_them_up() -> None:
    """No references to the network's mail: nothing says they were invited, and a yes
    from someone not registered is best carried out as their sign-up for that day."""
    intent = intent_of("Hinner nog, räkna med mig!", subject="SV: Uppföljningsdag 10.2.2027",
                       from_addr="ny.person@omnia.test")
    assert intent.kind == "signup"


def test_a_registered_person_s_yes_without_references_answers_the_day() -> None:
    intent = intent_of("Hinner nog, räkna med mig!", subject="SV: Uppföljningsdag 10.2.2027",
                       from_addr=MAIJA.address)
    assert (intent.kind, intent.day) == ("rsvp_yes", "2027-02-10")


def test_an_unregistered_assistant_not_coming_herself_still_signs_up_her_list() -> None:
    text = ("Här är Keudas deltagare:\n\n"
            "Namn: Olle Lärare\nTitel: lärare\nE-post: olle.larare@keuda.test\n\n"
            "Namn: Eva Chef\nTitel: rektor\nE-post: eva.chef@keuda.test\n\n"
            "Själv deltar jag inte, jag sköter bara anmälningarna.")
    intent = intent_of(text, subject="Deltagare", from_addr="assistent@keuda.test")
    assert intent.kind == "signup"
    assert len(intent.people) == 2


@pytest.mark.parametrize(("text", "kind"), [
    # colloquial object pronouns: "mut" for "minut", "mej" for "mig"
    ("Lisätkää mut postituslistalle, kiitos.", "interest_join"),
    ("Vad har ni för uppgifter om mej? Skicka dem gärna.", "export_request"),
    ("Ta bort mej helt ur registret.", "forget_request"),
    # Swedish puts the verb before the subject after an adverb
    ("Tyvärr har jag inte möjlighet att komma den 9.12.", "rsvp_no"),
    ("Tyvärr kommer jag inte den 9.12., vi har prov.", "rsvp_no"),
    # a copy of the data, however much is said of the data between
    ("Pyydän kopion kaikista minusta teidän järjestelmäänne kirjatuista tiedoista.",
     "export_request"),
])
def test_how_people_write_it_in_speech_and_in_long_sentences(text: str, kind: str) -> None:
    assert intent_of(text, subject="Verkosto", from_addr=MAIJA.address).kind == kind


@pytest.mark.parametrize(("button", "kind"), [("NO THANKS", "interest_leave"),
                                              ("SEND", "interest_join")])
def test_a_form_page_s_own_wording_is_not_what_the_person_asked(button: str, kind: str) -> None:
    """The page's title promises "you will hear more"; the button says what was asked."""
    text = ("New form submission\n\nForm: Leave your contact details and you will hear "
            f"more\nEmail address: pat.person@keuda.test\nButton: {button}")
    intent = intent_of(text, subject="New form submission", from_addr="noreply@example.org")
    assert (intent.kind, intent.acts_for) == (kind, "pat.person@keuda.test")


@pytest.mark.parametrize(("text", "title", "organisation"), [
    ("Ni har mig under Keuda i listan, men jag arbetar vid Omnia, inte Keuda. Rätta gärna.",
     "", "Omnia"),
    ("A small fix: I work at Keuda, not Omnia, since the autumn.", "", "Keuda"),
    ("My role has changed: from January I am now Director of Studies at Keuda. "
     "Please update my details.", "Director of Studies", "Keuda"),
])
def test_a_new_workplace_or_title_in_a_sentence_is_the_correction(
        text: str, title: str, organisation: str) -> None:
    intent = intent_of(text, subject="Uppgifter", from_addr=MAIJA.address)
    assert intent.kind == "correction"
    assert (intent.people[0].title, intent.people[0].organisation) == (title, organisation)


@pytest.mark.parametrize(("text", "address", "name"), [
    ("Laitan Sanna Kivimäen tilalleni (sanna.kivimaki@omnia.test).",
     "sanna.kivimaki@omnia.test", "Sanna Kivimäki"),
    ("Hon heter Lotta Berg och hennes e-post är lotta.berg@ekfors.test.",
     "lotta.berg@ekfors.test", "Lotta Berg"),
    ("Ota yhteyttä: Kivimäki Sanna <sanna.kivimaki@omnia.test>",
     "sanna.kivimaki@omnia.test", "Kivimäki Sanna"),
    ("Terveisin Pekka, pekka.puupaa@omnia.test", "pekka.puupaa@omnia.test", ""),
])
def test_the_name_an_address_spells(text: str, address: str, name: str) -> None:
    assert name_spelled_by(text, address) == name


def test_a_substitute_named_in_running_text_is_named_as_the_address_spells() -> None:
    text = ("Minulle tuli este 9.12. Laitan Sanna Kivimäen tilalleni "
            "(sanna.kivimaki@omnia.test), hän on meillä koulutustarkastajana.")
    intent = intent_of(text, subject="Sijainen", from_addr=MAIJA.address)
    assert intent.kind == "substitute"
    assert (intent.people[0].name, intent.people[0].address) == (
        "Sanna Kivimäki", "sanna.kivimaki@omnia.test")


@pytest.mark.parametrize("text", [
    "Otan mukaan 9.12. myös kumppaniyrityksemme edustajan:\nVille Vieras, myyntijohtaja\n"
    "ville.vieras@vieras.test",
    "Vi vill ta med en gäst den 9.12. Hon heter Lotta Berg och hennes e-post är "
    "lotta.berg@ekfors.test.",
])
def test_someone_brought_from_a_company_is_a_guest(text: str) -> None:
    intent = intent_of(text, subject="Vieras", from_addr=MAIJA.address)
    assert intent.kind == "signup"
    assert [p.role for p in intent.people] == ["guest"]


def test_a_colleague_at_the_senders_own_domain_is_no_guest() -> None:
    text = "Vi vill ta med en gäst och vår lärare Olle Lund, olle.lund@omnia.test."
    intent = intent_of(text, subject="Deltagare", from_addr=MAIJA.address)
    assert [p.role for p in intent.people if p.address == "olle.lund@omnia.test"] == ["staff"]


def test_a_lone_capitalised_word_after_the_name_is_the_organisation() -> None:
    intent = intent_of("Hi, pls sign me up for the network. Pia Lind, Ekfors, teacher of "
                       "welding.", subject="sign up", from_addr="pia.lind@ekfors.test")
    assert intent.kind == "signup"
    assert intent.people[0].organisation == "Ekfors"


def test_the_senders_signature_is_not_signed_up_beside_the_colleague_she_names() -> None:
    text = ("Hej, jag kommer som anmält, men vi vill också ta med vår lärare Olle Lund "
            "(olle.lund@omnia.test).\n\nMaija Mallikas\nrektor\nOmnia")
    intent = intent_of(text, subject="Deltagare", from_addr=MAIJA.address,
                       from_name=MAIJA.name)
    assert [p.address for p in intent.people] == ["olle.lund@omnia.test"]
