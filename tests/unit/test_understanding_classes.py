"""understand() on the classes of mail the unseen corpus showed it misread (issue 14).

Each case is written here in its own words (never a corpus mail's text): the class is
what is tested, "how people write", not one mail.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailflow.core.reading.parse import parse_message
from mailflow.core.understanding.corrections import respelled_name
from mailflow.core.understanding.names import base_name
from tests.unit.test_intents import MAIJA, intent_of


@pytest.mark.parametrize(("text", "kind"), [
    ("Poistakaa kaikki mun tiedot teidän rekisteristä, kiitos.", "forget_request"),
    ("Poistaisitteko minut kokonaan rekisteristänne?", "forget_request"),
    # erasing is more than leaving the list or an export, whatever else the mail names
    ("I unsubscribed last week; now please erase all my personal data too (GDPR).",
     "forget_request"),
    ("Please delete all of my data, my registration included.", "forget_request"),
])
def test_erasure_in_own_words_is_forgetting(text: str, kind: str) -> None:
    assert intent_of(text, subject="tietosuoja").kind == kind


@pytest.mark.parametrize("text", [
    "Mitä kaikkia tietoja teillä on musta?",
    "What details do you store about me? Could you send them?",
    "Vilka uppgifter om mig har ni sparat?",
    "Haluaisin tietää mitä tietoja minusta on tallennettu ilmoittautumisen yhteydessä.",
])
def test_asking_what_is_kept_is_an_export(text: str) -> None:
    assert intent_of(text, subject="tiedot").kind == "export_request"


@pytest.mark.parametrize("text", [
    "Voiko kollegani vielä ilmoittautua joulukuun päivään?",
    "Ska vi förbinda oss redan nu?",
])
def test_an_intent_asked_about_is_not_asked_for(text: str) -> None:
    intent = intent_of(text, subject="kysymys")
    assert intent.kind == "attention"


def test_a_polite_request_put_as_a_question_is_a_request() -> None:
    intent = intent_of("Voisitteko poistaa minut tältä postituslistalta?", subject="lista")
    assert intent.kind == "interest_leave"


def test_an_empty_phone_reply_says_nothing_of_its_history() -> None:
    quoted = ("Lähetetty iPhonesta\n\n1.12.2026 kello 9.00, Verkosto <verkosto@example.org> "
              "kirjoitti:\n\n> Ilmoittautuminen alkaa klo 9.30.\n")
    intent = intent_of("", text=quoted, subject="Re: Muistutus")
    assert intent.kind == "attention"


def test_a_reply_to_a_day_mail_from_another_tool_is_an_answer() -> None:
    intent = intent_of("Kiitos, tulen paikalle!", subject="Re: Kutsu: Verkostopäivä 9.12.2026",
                       in_reply_to="<kutsu-1@example.org>")
    assert (intent.kind, intent.day) == ("rsvp_yes", "2026-12-09")


def test_a_forward_to_a_colleague_with_the_network_in_cc_waits() -> None:
    intent = intent_of("Katso alta, ilmoittaudutaanko?", subject="VL: Verkostopäivä",
                       to=("kollega@omnia.test",), cc=("verkosto@example.org",))
    assert intent.kind == "attention"


@pytest.mark.parametrize(("text", "kind"), [
    ("Moi, ilmottaudun verkostopäivään 9.12.", "signup"),
    ("Tulisin mielelläni mukaan verkostoon.", "signup"),
    ("Laittaisitteko minut postituslistalle?", "interest_join"),
    ("Ei valitettavasti onnistu multa 9.12.", "rsvp_no"),
    ("I'm afraid I have to decline 9 December, we have an inspection that day.", "rsvp_no"),
])
def test_own_words_for_common_requests(text: str, kind: str) -> None:
    assert intent_of(text, subject="Verkosto").kind == kind


def test_a_substitute_named_before_the_words_in_my_place() -> None:
    text = ("I cannot come on 9 December. Pia Koski (teacher, pia.koski@omnia.test) "
            "will attend in my place.")
    intent = intent_of(text, from_addr=MAIJA.address, from_name=MAIJA.name, subject="Day")
    assert intent.kind == "substitute"
    assert intent.people[0].address == "pia.koski@omnia.test"


def test_a_substitute_to_be_named_later_waits() -> None:
    text = "Perukaa Villen paikka ja laittakaa tilalle joku toinen, kerron nimen myöhemmin."
    intent = intent_of(text, from_addr=MAIJA.address, subject="paikka")
    assert intent.kind == "attention"


@pytest.mark.parametrize(("text", "name", "fixed"), [
    ("My surname is misspelt: it's Mallikas, not Malikas.", "Maija Malikas", "Maija Mallikas"),
    ("efternamnet är Berg, inte Borg.", "Jonas Borg", "Jonas Berg"),
    ("nimeni oli muodossa Mallikas, oikein se on Mällikäs", "Maija Mällikäs", "Maija Mällikäs"),
    ("Kiitos vahvistuksesta!", "Maija Mallikas", ""),
])
def test_a_respelled_name(text: str, name: str, fixed: str) -> None:
    assert respelled_name(text, name) == fixed


def test_a_title_corrected_in_own_words() -> None:
    text = "Vahvistuksessa minut on merkitty opettaja, mutta olen tiiminvetäjä. Korjatkaa."
    intent = intent_of(text, from_addr=MAIJA.address, subject="Re: Vahvistus")
    assert intent.kind == "correction"
    assert (intent.people[0].title, intent.people[0].role) == ("tiiminvetäjä", "supervisor")


@pytest.mark.parametrize(("name", "address", "base"), [
    ("Marko Lahtisen", "marko.lahtinen@gradia.test", "Marko Lahtinen"),
    ("Paula Kivimäen", "paula.kivimaki@omnia.test", "Paula Kivimäki"),
    ("Tiinalla Koski", "tiina.koski@keuda.test", "Tiina Koski"),
    ("Barbro Nylunds", "barbro.nylund@yrkesakademin.test", "Barbro Nylund"),
    ("Annamari Berg", "anna.berg@omnia.test", "Annamari Berg"),  # another name, not a case
    ("Riikka Rinne", "riikka.rinne72@example.org", "Riikka Rinne"),
    ("Katja Mäki", "katja.maki@omnia.test", "Katja Mäki"),
])
def test_a_name_in_the_base_form_its_address_spells(name: str, address: str, base: str) -> None:
    assert base_name(name, address) == base


def test_a_colleague_signed_up_in_running_text_is_stored_in_base_form() -> None:
    text = "Ilmoitan jatkopäivään opettaja Pekka Virtasen (pekka.virtanen@omnia.test)."
    intent = intent_of(text, from_addr=MAIJA.address, subject="Ilmoittautuminen")
    assert intent.kind == "signup"
    assert [(p.name, p.address) for p in intent.people] == [
        ("Pekka Virtanen", "pekka.virtanen@omnia.test")]


@pytest.mark.parametrize("text", [
    "Toivottavasti pääsen mukaan joulukuussa.",
    "Vi vet inte än om vi kommer.",
    "Hopefully I can make it, but we don't know yet.",
])
def test_a_hedged_answer_is_no_answer(text: str) -> None:
    intent = intent_of(text, from_addr=MAIJA.address, subject="Re: Kutsu 9.12.")
    assert intent.kind == "attention"


@pytest.mark.parametrize(("text", "sent_on"), [
    ("En pääse huomenna.", datetime(2026, 12, 8, 18, 0, tzinfo=UTC)),
    ("Jag kan tyvärr inte komma imorgon.", datetime(2026, 12, 8, 18, 0, tzinfo=UTC)),
    ("Sorry, I can't come next week.", datetime(2026, 12, 2, 9, 0, tzinfo=UTC)),
])
def test_relative_dates_resolve_against_the_mails_date(text: str, sent_on: datetime) -> None:
    intent = intent_of(text, from_addr=MAIJA.address, subject="poissa", date=sent_on)
    assert (intent.kind, intent.day) == ("rsvp_no", "2026-12-09")


def test_a_cancellation_naming_one_day_carries_it() -> None:
    intent = intent_of("Peruutan ilmoittautumiseni 9.12. päivään.", from_addr=MAIJA.address,
                       subject="peruutus")
    assert (intent.kind, intent.day) == ("cancel", "2026-12-09")


def test_a_commitment_that_also_names_a_new_participant_signs_her_up_too() -> None:
    text = ("Omnia sitoutuu jatkotyöskentelyyn. Jatkossa meiltä tulee myös "
            "Pia Koski (pia.koski@omnia.test).")
    intent = intent_of(text, from_addr=MAIJA.address, subject="Sitoutuminen")
    assert intent.kind == "commit"
    (signup,) = intent.also
    assert signup.kind == "signup"
    assert [(p.name, p.address) for p in signup.people] == [("Pia Koski", "pia.koski@omnia.test")]


@pytest.mark.parametrize(("subject", "text", "robot"), [
    ("Re: Kutsu", "Tämä on automaattinen vastaus. Olen lomalla 14.12. asti.", "autoreply"),
    ("Verkostopäivä", "I am out of the office until Monday. For urgent matters call the desk.",
     "autoreply"),
    ("Re: Kutsu", "Olen lomalla 9.12., joten en pääse. Terveisin Maija", None),
    # away, and what becomes of mail meanwhile (no one named for urgent matters)
    ("Re: Kutsu", "Olen lomalla 14.12. asti ja vastaan viesteihin palattuani.", "autoreply"),
    ("Re: Kutsu", "Olen koulutuksessa koko viikon enkä pääse lukemaan sähköpostiani.",
     "autoreply"),
    ("SV: Inbjudan", "Jag är tjänstledig fram till 31.1 och läser inte e-post under tiden.",
     "autoreply"),
    ("Re: Invitation", "I'm away until Monday 14 December and will reply when I'm back.",
     "autoreply"),
    ("Re: Invitation", "I am on annual leave until 4 January. Your message will not be "
     "forwarded.", "autoreply"),
    ("Re: Invitation", "I'm on leave that week, so I can't come on 9 December. Sorry! Sam", None),
    ("SV: Inbjudan", "Jag är på semester den veckan så jag kan tyvärr inte delta 9.12. /Per",
     None),
    ("Form", "New form submission.\nEmail: a@example.org\n--\nThis is an automatic message "
     "from the website form.", None),
])
def test_an_automatic_answer_by_its_wording(subject: str, text: str, robot: str | None) -> None:
    raw = (f"From: someone@omnia.test\r\nTo: verkosto@example.org\r\nSubject: {subject}\r\n"
           "Message-ID: <a1@omnia.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           f"{text}\r\n").encode()
    assert parse_message(raw, own_address="verkosto@example.org").robot == robot


def test_a_sign_up_in_labelled_lines_without_an_address_line() -> None:
    text = "Nimi: Pia Koski\nOrganisaatio: Omnia\nTehtävä: opettaja"
    intent = intent_of(text, from_addr="pia.koski@omnia.test", subject="Verkostopäivä")
    assert intent.kind == "signup"
    assert [(p.name, p.address, p.role) for p in intent.people] == [
        ("Pia Koski", "pia.koski@omnia.test", "staff")]


def test_a_conditional_answer_is_no_answer() -> None:
    text = "Onko etäyhteys mahdollinen? Jos on, osallistuisin mieluiten etänä."
    assert intent_of(text, subject="Jatkopäivä").kind == "attention"


def test_a_name_the_record_spells_otherwise_is_corrected() -> None:
    intent = intent_of("Sukunimeni kirjoitetaan Mallikkas, korjatkaa se.",
                       from_addr=MAIJA.address, from_name="", subject="Re: Vahvistus")
    assert (intent.kind, intent.people[0].name) == ("correction", "Maija Mallikkas")


def test_a_title_in_its_case_is_stored_in_base_form() -> None:
    intent = intent_of("Titteli on väärin. Toimin koordinaattorina.", from_addr=MAIJA.address,
                       subject="Re: Vahvistus")
    assert (intent.kind, intent.people[0].title) == ("correction", "koordinaattori")
