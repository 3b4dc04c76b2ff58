"""understand(), role_from_title() and day_from_references() on hand-built ParsedMessages."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailflow.core.languages.lexicon import known
from mailflow.core.languages.reasons import reason_text
from mailflow.core.languages.screen import holds, needles
from mailflow.core.model import NetworkDay, Organisation, Person
from mailflow.core.organisations import OrgDirectory
from mailflow.core.rules.decide import Rules, decide
from mailflow.core.settings import OrganisationAlias
from mailflow.core.understanding.intents import day_from_references, role_from_title, understand
from mailflow.core.values import INTENT_KINDS, CalendarReply, Intent, NetworkState, ParsedMessage

OWN = "verkosto@example.org"
DOMAIN = "example.org"
ALIASES = (
    OrganisationAlias("Omnia", ("Espoon seudun koulutuskuntayhtymä Omnia",), ("omnia.test",)),
    OrganisationAlias("Keuda", (), ("keuda.test",)),
)
DAY1 = NetworkDay("2026-12-09", date(2026, 12, 9), time(10), time(16), "Kuntatalo, Helsinki")
DAY2 = NetworkDay("2027-02-10", date(2027, 2, 10), time(10), time(16), "Kuntatalo, Helsinki",
                  follow_up=True)
MAIJA = Person("maija.mallikas@omnia.test", "Maija Mallikas", "omnia", "management")
STATE = NetworkState(
    organisations={"omnia": Organisation("omnia", "Omnia", ("omnia.test",))},
    people={MAIJA.address: MAIJA},
    days={DAY1.id: DAY1, DAY2.id: DAY2},
)
ORGS = OrgDirectory.from_settings(ALIASES, STATE.organisations)
NOVEMBER = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)


def message(new_text: str, **fields: Any) -> ParsedMessage:
    values: dict[str, Any] = {
        "message_id": "<m1@mail.test>", "key": "<m1@mail.test>",
        "from_addr": "uusi.henkilo@omnia.test", "from_name": "Uusi Henkilö",
        "subject": "Re: Verkosto", "new_text": new_text, "text": new_text, "date": NOVEMBER,
    }
    values.update(fields)
    return ParsedMessage(**values)


def intent_of(new_text: str, state: NetworkState = STATE, **fields: Any) -> Intent:
    return understand(message(new_text, **fields), state, ORGS, own_address=OWN,
                      network_domain=DOMAIN)


# --- role_from_title ---------------------------------------------------------------

@pytest.mark.parametrize(("title", "role"), [
    ("rehtori", "management"), ("Vararehtori", "management"), ("apulaisrehtori", "management"),
    ("koulutuspäällikkö", "management"), ("KOULUTUSPAALLIKKO", "management"),
    ("toimialajohtaja", "management"), ("Director of Education", "management"),
    ("Head of apprenticeships", "management"), ("principal", "management"),
    ("project manager", "management"), ("rehtorina", "management"),
    ("esimies", "supervisor"), ("oppisopimusesimies", "supervisor"),
    ("oppisopimustoiminnan esimies", "supervisor"), ("esihenkilö", "supervisor"),
    ("tiiminvetäjä", "supervisor"), ("Team leader", "supervisor"), ("supervisor", "supervisor"),
    ("lähijohtaja", "supervisor"),
    ("opettaja", "staff"), ("vastuuopettaja", "staff"), ("koulutustarkastaja", "staff"),
    ("koulutuskoordinaattori", "staff"), ("asiantuntija", "staff"), ("suunnittelija", "staff"),
    ("opinto-ohjaaja", "staff"), ("teacher", "staff"), ("coordinator", "staff"),
    ("specialist", "staff"), ("advisor", "staff"), ("opettajana", "staff"),
    ("johtava asiantuntija", "staff"),
    ("asiakas", "guest"), ("sidosryhmä", "guest"), ("yrittäjä", "guest"), ("customer", "guest"),
    ("stakeholder", "guest"), ("guest", "guest"),
    ("", "unknown"), ("kokki", "unknown"), ("Maija Mallikas", "unknown"),
])
def test_role_from_title(title: str, role: str) -> None:
    assert role_from_title(title) == role


def test_the_most_senior_role_in_a_title_wins() -> None:
    assert role_from_title("rehtori ja oppisopimustoiminnan esimies") == "management"
    assert role_from_title("esimies ja opettaja") == "supervisor"


# --- day_from_references -----------------------------------------------------------

def test_day_from_references() -> None:
    assert day_from_references(("<ab12.day-2026-12-09@example.org>",), DOMAIN) == "2026-12-09"
    assert day_from_references(("<x@mail.test>", "<ab.day-2027-02-10.r1@other.test>"),
                               DOMAIN) == "2027-02-10"
    refs = ("<a.day-2026-12-09@example.org> <b.day-2027-02-10@example.org>",)
    assert day_from_references(refs, DOMAIN) == "2027-02-10"  # the nearest ancestor


def test_day_from_references_ignores_other_domains_and_plain_ids() -> None:
    assert day_from_references(("<ab.day-2026-12-09@evil.test>",), DOMAIN) == ""
    assert day_from_references(("<day-2026-12-09@mail.test>", ""), DOMAIN) == ""
    assert day_from_references((), DOMAIN) == ""


# --- the copied fields ---------------------------------------------------------------

def test_intent_carries_the_message_identity() -> None:
    intent = intent_of("LÄHETÄ", subject="LÄHETÄ", authenticated=True)
    assert intent.kind == "interest_join"
    assert (intent.sender, intent.answer_to, intent.subject, intent.authenticated) == (
        "uusi.henkilo@omnia.test", "<m1@mail.test>", "LÄHETÄ", True)


def test_a_robot_is_never_read_for_intent() -> None:
    intent = intent_of("Poissa toimistosta. EI KIITOS", robot="autoreply")
    assert intent.kind == "attention"
    assert "robot" in reason_text(intent.reason, "en")


def test_mail_from_own_address_is_not_understood() -> None:
    assert intent_of("LÄHETÄ", from_addr=OWN).kind == "attention"


# --- quoted history ------------------------------------------------------------------

def test_quoted_ei_kiitos_does_not_unsubscribe() -> None:
    msg = message("Ilmoittaudun verkostopäivään 9.12.",
                  text="Ilmoittaudun verkostopäivään 9.12.\n\n> EI KIITOS")
    intent = understand(msg, STATE, ORGS, own_address=OWN, network_domain=DOMAIN)
    assert intent.kind == "signup"
    assert intent.day == "2026-12-09"


def test_whole_text_is_read_when_there_is_no_new_text() -> None:
    msg = message("", text="EI KIITOS")
    assert understand(msg, STATE, ORGS, own_address=OWN, network_domain=DOMAIN).kind == (
        "interest_leave")


def test_reply_subject_words_do_not_count() -> None:
    assert intent_of("Kiitos!", subject="Re: Ilmoittautuminen").kind == "attention"
    assert intent_of("", subject="Ilmoittautuminen").kind == "signup"


# --- sign-ups --------------------------------------------------------------------------

def test_signup_of_the_sender_from_free_text() -> None:
    intent = intent_of("Hei, olen Omnian koulutuspäällikkö Pirjo Peltonen ja ilmoittaudun "
                       "verkostoon. Erityisruokavalio: gluteeniton", from_name="")
    assert intent.kind == "signup"
    (person,) = intent.people
    assert (person.name, person.organisation, person.role, person.address, person.diet) == (
        "Pirjo Peltonen", "Omnia", "management", "uusi.henkilo@omnia.test", "gluteeniton")


def test_signup_falls_back_to_display_name_and_domain() -> None:
    intent = intent_of("Ilmoittaudun!", from_name="Kalle Kivinen", from_addr="kalle@keuda.test")
    (person,) = intent.people
    assert (person.name, person.organisation, person.role) == ("Kalle Kivinen", "Keuda",
                                                              "unknown")


def test_signup_from_generic_mail_takes_the_organisation_from_the_signature() -> None:
    text = "Ilmoittaudun.\n\nTerveisin\nRiikka Rinne\nopettaja\nOmnian ammattiopisto"
    intent = intent_of(text, from_addr="riikka@gmail.com", from_name="")
    (person,) = intent.people
    assert (person.name, person.organisation, person.role) == ("Riikka Rinne", "Omnia", "staff")


def test_signup_of_several_people_with_one_address_missing() -> None:
    text = ("Ilmoitan seuraavat osallistujiksi:\n\n"
            "Kalle Kivinen, rehtori, kalle.kivinen@keuda.test\n"
            "Mirja Mäki, opettaja\n")
    intent = intent_of(text, from_addr="assistentti@keuda.test")
    assert intent.kind == "signup"
    assert [(p.name, p.role, p.address, p.organisation) for p in intent.people] == [
        ("Kalle Kivinen", "management", "kalle.kivinen@keuda.test", "Keuda"),
        ("Mirja Mäki", "staff", "", "Keuda"),
    ]
    assert any("Mirja Mäki" in note for note in intent.notes)


def test_signup_of_several_people_without_any_address_needs_attention() -> None:
    text = "Ilmoitan seuraavat osallistujiksi:\n\nKalle Kivinen, rehtori\nMirja Mäki, opettaja\n"
    intent = intent_of(text)
    assert intent.kind == "attention"
    assert "no mail address" in reason_text(intent.reason, "en")


def test_signup_with_labelled_blocks() -> None:
    text = ("Ilmoittautuminen\n\nNimi: Risto Rantanen\nRooli: toimialajohtaja\n"
            "Sähköposti: risto@keuda.test\n\nNimi: Eeva Ekholm\nTehtävä: tiiminvetäjä\n"
            "Sähköposti: eeva@keuda.test\nErityisruokavalio: vegaani\n")
    intent = intent_of(text)
    assert [(p.name, p.role, p.address, p.diet) for p in intent.people] == [
        ("Risto Rantanen", "management", "risto@keuda.test", ""),
        ("Eeva Ekholm", "supervisor", "eeva@keuda.test", "vegaani"),
    ]


@pytest.mark.parametrize(("text", "day", "note"), [
    ("Ilmoittaudun verkostopäivään 9.12.", "2026-12-09", "days: 2026-12-09"),
    ("Ilmoittaudun 10.2.2027 päivään", "2027-02-10", "days: 2027-02-10"),
    ("I would like to register for 10 February", "2027-02-10", "days: 2027-02-10"),
    ("Ilmoittaudun molempiin päiviin", "", "days: all"),
    ("Please sign me up for both days", "", "days: all"),
    ("Ilmoittaudun 9.12. ja 10.2.", "", "days: 2026-12-09, 2027-02-10"),
])
def test_signup_days(text: str, day: str, note: str) -> None:
    intent = intent_of(text)
    assert intent.kind == "signup"
    assert intent.day == day
    assert note in intent.notes


def test_attending_from_an_unregistered_sender_is_a_signup() -> None:
    assert intent_of("Osallistun verkostopäivään 9.12.").kind == "signup"


def test_signup_with_a_question_keeps_the_question_in_the_notes() -> None:
    intent = intent_of("Ilmoittaudun. Onko paikalla pysäköintiä?")
    assert intent.kind == "signup"
    assert "also asks a question" in intent.notes


# --- interest list ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["LÄHETÄ", "lähetä", "Haluan kuulla lisää", "lisää minut listalle",
                                  "Please keep me posted", "subscribe"])
def test_interest_join(text: str) -> None:
    assert intent_of(text, subject="").kind == "interest_join"


@pytest.mark.parametrize("text", ["EI KIITOS", "Ei kiitos.", "Poista minut listalta",
                                  "En halua enää viestejä", "unsubscribe", "Please remove me"])
def test_interest_leave(text: str) -> None:
    assert intent_of(text, subject="").kind == "interest_leave"


def test_laheta_inside_a_data_request_is_no_subscription() -> None:
    assert intent_of("lähettäkää minulle tietoni").kind == "export_request"


# --- RSVPs -----------------------------------------------------------------------------

def registered(text: str, **fields: Any) -> Intent:
    return intent_of(text, from_addr=MAIJA.address, from_name="Mallikas Maija", **fields)


@pytest.mark.parametrize(("text", "kind"), [
    ("Kyllä, osallistun.", "rsvp_yes"), ("Tulen!", "rsvp_yes"), ("Pääsen paikalle", "rsvp_yes"),
    ("I'll be there", "rsvp_yes"), ("Yes", "rsvp_yes"),
    ("En pääse.", "rsvp_no"), ("En valitettavasti pääse", "rsvp_no"), ("Ei", "rsvp_no"),
    ("Olen estynyt", "rsvp_no"), ("Sorry, I can't make it", "rsvp_no"),
])
def test_rsvp_by_reply_to_the_days_mail(text: str, kind: str) -> None:
    ref = "<c0de.day-2026-12-09@example.org>"
    intent = registered(text, in_reply_to=ref, references=(ref,))
    assert (intent.kind, intent.day) == (kind, "2026-12-09")


def test_rsvp_day_from_subject_tag() -> None:
    intent = registered("Tulen", subject="Re: Kutsu [day-2027-02-10]")
    assert (intent.kind, intent.day) == ("rsvp_yes", "2027-02-10")


def test_rsvp_day_from_a_date_in_the_text() -> None:
    assert registered("En pääse 10.2.").day == "2027-02-10"


def test_bare_yes_with_two_coming_days_needs_attention() -> None:
    intent = registered("Kyllä")
    assert intent.kind == "attention"
    assert "no network day" in reason_text(intent.reason, "en")


def test_bare_yes_with_one_coming_day_means_that_day() -> None:
    intent = registered("Kyllä", date=datetime(2027, 1, 5, tzinfo=UTC))
    assert (intent.kind, intent.day) == ("rsvp_yes", "2027-02-10")


def calendar(partstat: str, uid: str = "day-2026-12-09@example.org") -> Intent:
    reply = CalendarReply("REPLY", uid, partstat, MAIJA.address)
    return registered("Hyväksytty: Verkostopäivä", calendar=reply)


def test_calendar_replies() -> None:
    assert (calendar("ACCEPTED").kind, calendar("ACCEPTED").day) == ("rsvp_yes", "2026-12-09")
    assert calendar("DECLINED").kind == "rsvp_no"
    tentative = calendar("TENTATIVE")
    assert tentative.kind == "attention"
    assert "TENTATIVE" in reason_text(tentative.reason, "en")


def test_a_reply_to_an_invitation_mailflow_did_not_make_is_matched_by_its_date() -> None:
    """The facilitator invited people from her own calendar: another UID, the day's date."""
    def foreign(partstat: str, on: date) -> Intent:
        reply = CalendarReply("REPLY", "040000008200E00074C5B7@outlook.test", partstat,
                              MAIJA.address, starts_on=on)
        return registered("Hyväksytty: Verkostopäivä", calendar=reply)

    assert (foreign("ACCEPTED", date(2026, 12, 9)).kind,
            foreign("ACCEPTED", date(2026, 12, 9)).day) == ("rsvp_yes", "2026-12-09")
    assert foreign("DECLINED", date(2027, 2, 10)).day == "2027-02-10"
    assert foreign("DECLINED", date(2027, 2, 10)).kind == "rsvp_no"
    assert foreign("ACCEPTED", date(2026, 12, 10)).day != "2026-12-09"  # no day that date


def test_a_calendar_reply_to_someone_elses_event_is_not_an_rsvp() -> None:
    assert calendar("DECLINED", uid="day-2026-12-09@evil.test").kind != "rsvp_no"
    assert calendar("ACCEPTED", uid="day-2030-01-01@example.org").kind != "rsvp_yes"


# --- cancel, substitute, commit, correction ------------------------------------------

@pytest.mark.parametrize("text", ["Peruutan ilmoittautumiseni.", "Peru ilmoittautumiseni",
                                  "En pääse mukaan verkostoon", "Please cancel my registration"])
def test_cancel(text: str) -> None:
    intent = registered(text)
    assert (intent.kind, intent.day) == ("cancel", "")


def test_cancelling_one_day_is_a_cancel_for_that_day() -> None:
    """The person's own word, with its day: the rules make it that day's no when they are
    registered for more days, and the registration's end when only for that day."""
    intent = registered("Joudun perumaan osallistumiseni 10.2. päivään")
    assert (intent.kind, intent.day) == ("cancel", "2027-02-10")


def test_cancelling_the_registration_on_a_day_mail_is_a_cancel() -> None:
    ref = "<c0de.day-2026-12-09@example.org>"
    intent = registered("Peruutan koko ilmoittautumiseni verkostoon", in_reply_to=ref)
    assert intent.kind == "cancel"


def test_substitute() -> None:
    intent = registered("En pääse 9.12. Tilalleni tulee Kaisa Korhonen, opettaja, "
                        "kaisa.korhonen@omnia.test.")
    assert (intent.kind, intent.day) == ("substitute", "2026-12-09")
    (person,) = intent.people
    assert (person.name, person.role, person.address, person.organisation) == (
        "Kaisa Korhonen", "staff", "kaisa.korhonen@omnia.test", "Omnia")


def test_substitute_without_address_is_a_substitute_whose_address_is_asked() -> None:
    intent = registered("Sijaiseni on Kaisa Korhonen.")
    assert intent.kind == "substitute"
    assert [(p.name, p.address) for p in intent.people] == [("Kaisa Korhonen", "")]


def test_substitute_not_named_needs_attention() -> None:
    intent = registered("En pääse 9.12., mutta meiltä tulee joku muu. Kerron nimen myöhemmin.")
    assert intent.kind == "attention"
    assert "substitute" in reason_text(intent.reason, "en")


@pytest.mark.parametrize("text", ["Sitoudumme jatkoon.", "Olemme mukana jatkotyöskentelyssä",
                                  "We commit to the follow-up work."])
def test_commit(text: str) -> None:
    intent = registered(text)
    assert intent.kind == "commit"
    assert intent.people[0].organisation == "Omnia"


def test_correction_carries_only_the_fields_given() -> None:
    intent = registered("Korjaus: nimeni on oikeasti Maija Mallikas-Virtanen.")
    assert intent.kind == "correction"
    (person,) = intent.people
    assert (person.name, person.title, person.diet, person.organisation, person.address) == (
        "Maija Mallikas-Virtanen", "", "", "", MAIJA.address)


def test_correction_of_role() -> None:
    (person,) = registered("Vaihtakaa rooliksi oppisopimustoiminnan esimies").people
    assert person.role == "supervisor"


def test_diet_line_from_a_registered_person_is_a_correction() -> None:
    intent = registered("Erityisruokavalio: gluteeniton")
    assert intent.kind == "correction"
    assert intent.people[0].diet == "gluteeniton"


def test_diet_line_from_a_stranger_is_not_understood() -> None:
    assert intent_of("Erityisruokavalio: gluteeniton").kind == "attention"


# --- data requests, confirmations, attention ---------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("Lähettäkää minulle tietoni", "export_request"),
    ("Mitä tietoja teillä on minusta?", "export_request"),
    ("Please send me my data (GDPR)", "export_request"),
    ("Poistakaa tietoni", "forget_request"), ("Unohtakaa minut", "forget_request"),
    ("Please delete my data", "forget_request"), ("Forget me", "forget_request"),
])
def test_data_requests(text: str, kind: str) -> None:
    assert registered(text).kind == kind


def test_confirmation_token_in_text_or_subject() -> None:
    assert registered("VAHVISTA-7KX2MPQ9").token == "VAHVISTA-7KX2MPQ9"
    by_subject = registered("ok", subject="Re: Vahvista VAHVISTA-ABCD2345")
    assert (by_subject.kind, by_subject.token) == ("confirm", "VAHVISTA-ABCD2345")
    lower = registered("vahvista-abcd2345 EI KIITOS")
    assert (lower.kind, lower.token) == ("confirm", "VAHVISTA-ABCD2345")


def test_a_malformed_token_is_no_confirmation() -> None:
    assert registered("VAHVISTA-ABC10").kind != "confirm"  # 0 and 1 are not in the alphabet


@pytest.mark.parametrize(("text", "reason"), [
    ("Voisitteko kertoa, missä päivä pidetään?", "question"),
    ("Where is the venue?", "question"),
    ("Kiitos hyvästä päivästä!", "no intent recognised"),
    ("Tilalleni tulee Kaisa Korhonen (kaisa.korhonen@omnia.test). Poistakaa minut listalta.",
     "several intents"),
])
def test_attention_reasons(text: str, reason: str) -> None:
    intent = intent_of(text)
    assert intent.kind == "attention"
    assert reason in reason_text(intent.reason, "en")


# --- language ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("I would like to register for the network day.", "en"),
    ("Ilmoittaudun verkostopäivään, kiitos!", "fi"),
    ("LÄHETÄ", "fi"),
    ("Hei, I'll be there ja osallistun mielelläni, kiitos ja terveisin", "fi"),
])
def test_language(text: str, language: str) -> None:
    assert intent_of(text).language == language


# --- never raises ------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.text(max_size=80), st.lists(st.text(max_size=60), max_size=3))
def test_any_text_gives_a_valid_intent(text: str, subject: str, refs: list[str]) -> None:
    intent = intent_of(text, subject=subject, references=tuple(refs))
    assert intent.kind in INTENT_KINDS
    for person in intent.people:
        for value in (person.name, person.organisation, person.title, person.diet, person.address):
            assert "\n" not in value
            assert "\r" not in value


def test_line_breaks_in_a_display_name_never_reach_the_details() -> None:
    intent = intent_of("Ilmoittaudun!", from_name="Kalle\r\nBcc: x@evil.test", from_addr="k@keuda.test")
    assert intent.kind == "signup"
    assert all("\n" not in p.name and "\r" not in p.name for p in intent.people)


# --- coordinators' lists ------------------------------------------------------------------

PEOPLE_LINES = ("Pekka Puupää, oppisopimustoiminnan esimies, pekka.puupaa@omnia.test\n"
                "Sanna Salo, koordinaattori, sanna.salo@omnia.test\n")
EXPECTED_PEOPLE = [
    ("Pekka Puupää", "supervisor", "pekka.puupaa@omnia.test", "Omnia"),
    ("Sanna Salo", "staff", "sanna.salo@omnia.test", "Omnia"),
]


def people_of(intent: Intent) -> list[tuple[str, str, str, str]]:
    return [(p.name, p.role, p.address, p.organisation) for p in intent.people]


@pytest.mark.parametrize("opening", [
    "Ilmoitan Omniasta verkostoon seuraavat henkilöt:",
    "ilmoitan seuraavat henkilöt:",
    "Ilmoitamme verkostoon:",
    "Ilmoitamme alla olevat henkilöt verkostopäiville:",
    "Osallistujat Omniasta:",
    "Omnian osallistujat:",
    "Alla osallistujamme:",
    "Tässä meidän osallistujat verkostoon.",
    "Meiltä osallistuvat:",
    "Voisitteko lisätä seuraavat henkilöt verkostoon:",
    "Please register the following colleagues:",
    "Please register the following colleagues from Omnia for the network:",
    "The following colleagues from Omnia will attend the network days:",
    "Our participants:",
])
def test_a_coordinators_wordings_sign_up_everyone_listed(opening: str) -> None:
    intent = intent_of(f"Hei,\n\n{opening}\n\n{PEOPLE_LINES}\nTerveisin\nAnna Assistentti\nOmnia")
    assert intent.kind == "signup", intent.reason
    assert people_of(intent) == EXPECTED_PEOPLE


@pytest.mark.parametrize("lines", [
    "• Pekka Puupää, oppisopimustoiminnan esimies, pekka.puupaa@omnia.test\n"
    "• Sanna Salo, koordinaattori, sanna.salo@omnia.test",
    "- Pekka Puupää – oppisopimustoiminnan esimies – pekka.puupaa@omnia.test\n"
    "- Sanna Salo – koordinaattori – sanna.salo@omnia.test",
    "1. Pekka Puupää, oppisopimustoiminnan esimies, pekka.puupaa@omnia.test\n"
    "2. Sanna Salo, koordinaattori, sanna.salo@omnia.test",
    "1) Pekka Puupää, oppisopimustoiminnan esimies, pekka.puupaa@omnia.test\n"
    "2) Sanna Salo, koordinaattori, sanna.salo@omnia.test",
    "Pekka Puupää\toppisopimustoiminnan esimies\tpekka.puupaa@omnia.test\n"
    "Sanna Salo\tkoordinaattori\tsanna.salo@omnia.test",
    "Pekka Puupää; oppisopimustoiminnan esimies; pekka.puupaa@omnia.test\n"
    "Sanna Salo; koordinaattori; sanna.salo@omnia.test",
    "Nimi | Tehtävä | Sähköposti\n"
    "Pekka Puupää | oppisopimustoiminnan esimies | pekka.puupaa@omnia.test\n"
    "Sanna Salo | koordinaattori | sanna.salo@omnia.test",
    "Pekka Puupää <pekka.puupaa@omnia.test>, oppisopimustoiminnan esimies\n"
    "Sanna Salo <sanna.salo@omnia.test>, koordinaattori",
], ids=["bullets", "dashes", "numbers", "parens", "tabs", "semicolons", "table", "angles"])
def test_a_coordinators_list_in_any_layout(lines: str) -> None:
    intent = intent_of(f"Hei,\nilmoitan seuraavat henkilöt:\n\n{lines}\n\nt. Anna")
    assert intent.kind == "signup", intent.reason
    assert people_of(intent) == EXPECTED_PEOPLE


def test_a_comma_inside_a_table_cell_stays_in_the_cell() -> None:
    intent = intent_of("Please register:\n\nName | Title | Email\n"
                       "Jari Juntunen | Team leader, apprenticeships | jari@keuda.test\n"
                       "Helena Hirvonen | Director | helena@keuda.test\n")
    assert [(p.name, p.title, p.address) for p in intent.people] == [
        ("Jari Juntunen", "Team leader, apprenticeships", "jari@keuda.test"),
        ("Helena Hirvonen", "Director", "helena@keuda.test"),
    ]


def test_a_bare_list_of_people_with_addresses_is_a_signup() -> None:
    intent = intent_of(f"Hei,\n\n{PEOPLE_LINES}\nt. Anna")
    assert intent.kind == "signup"
    assert "a list of people with addresses" in intent.notes
    assert people_of(intent) == EXPECTED_PEOPLE


def test_a_question_with_a_list_is_not_taken_as_a_signup() -> None:
    intent = intent_of(f"Saavatko nämä henkilöt kutsun jo?\n\n{PEOPLE_LINES}")
    assert intent.kind == "attention"
    assert "question" in reason_text(intent.reason, "en")


# --- commitment must be stated ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Olemme päättäneet sitoutua jatkotyöskentelyyn.",
    "Omnia sitoutuu verkoston jatkotyöskentelyyn.",
    "Johtoryhmä käsitteli asian, ja sitoudumme jatkoon.",
    "Vahvistamme Omnian sitoutumisen jatkotyöskentelyyn.",
    "Lähdemme mukaan jatkotyöskentelyyn.",
    "We have decided to commit to the follow-up work.",
    "We will take part in the follow-up work.",
    "Omnia commits to the follow-up work.",
])
def test_a_stated_commitment(text: str) -> None:
    intent = registered(text)
    assert intent.kind == "commit", intent.reason
    assert intent.people[0].organisation == "Omnia"


@pytest.mark.parametrize(("text", "reason"), [
    ("voisitteko kertoa, mitä jatkotyöskentelyyn sitoutuminen käytännössä tarkoittaa ja "
     "paljonko se maksaa?", "a question for the facilitator"),
    ("Sitoudummeko samalla myös kokeiluun?", "a question for the facilitator"),
    ("Could you tell us what it means if we commit to the follow-up work?",
     "a question for the facilitator"),
    ("Jos hinta pysyy kohtuullisena, sitoudumme jatkoon.", "not declared"),
    ("Sitoudumme jatkoon, mikäli johtoryhmä hyväksyy budjetin.", "not declared"),
    ("If the board agrees, we commit to the follow-up work.", "not declared"),
    ("Emme vielä sitoudu jatkotyöskentelyyn.", "not declared"),
    ("Emme ole vielä sitoutuneet jatkotyöskentelyyn.", "not declared"),
    ("We cannot commit to the follow-up work yet.", "not declared"),
])
def test_a_question_a_condition_or_a_negation_is_no_commitment(text: str, reason: str) -> None:
    intent = registered(text)
    assert intent.kind == "attention"
    assert reason in reason_text(intent.reason, "en")


def test_a_question_beside_a_stated_commitment_keeps_the_commitment() -> None:
    intent = registered("Sitoudumme jatkoon. Milloin ensimmäinen jatkopäivä on?")
    assert intent.kind == "commit"
    assert "also asks a question" in intent.notes


# --- the replies the templates ask for -------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("PERUUTAN", "cancel"), ("Cancel", "cancel"), ("Cancel, please.", "cancel"),
    ("Poista tietoni", "forget_request"), ("Delete my data", "forget_request"),
    ("Lähettäkää tietoni", "export_request"), ("Send me my data", "export_request"),
    ("EI KIITOS", "interest_leave"), ("LÄHETÄ", "interest_join"),
    ("Korjaus: erityisruokavalio gluteeniton", "correction"),
    ("Correction: special diet gluten-free", "correction"),
])
def test_each_instructed_reply_is_understood(text: str, kind: str) -> None:
    assert registered(text).kind == kind


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Korjaus: erityisruokavalio gluteeniton", "diet", "gluteeniton"),
    ("Korjaus: special diet gluten-free", "diet", "gluten-free"),
    ("Korjaus: gluteeniton", "diet", "gluteeniton"),
    ("Correction: my diet is vegan, thanks", "diet", "vegan"),
    ("Korjaus: nimi Maija Mallikas-Virta", "name", "Maija Mallikas-Virta"),
    ("Korjaus: nimeni on Maija Virta, kiitos", "name", "Maija Virta"),
    ("Correction: my name should be Maija Virta", "name", "Maija Virta"),
    ("Korjaus: rooli opettaja eikä rehtori", "title", "opettaja"),
    ("Correction: my title is Head of Apprenticeships, not team leader.", "title",
     "Head of Apprenticeships"),
    ("Korjaus: koulutuspäällikkö", "title", "koulutuspäällikkö"),
    ("Korjaus: organisaatio Keuda", "organisation", "Keuda"),
])
def test_a_correction_line_sets_the_field_it_names(text: str, field: str, value: str) -> None:
    intent = registered(text)
    assert intent.kind == "correction"
    (person,) = intent.people
    assert getattr(person, field) == value
    others = {"name", "title", "diet", "organisation"} - {field}
    assert all(getattr(person, other) == "" for other in others)


@pytest.mark.parametrize("text", [
    "My substitute is John Smith, john.smith@omnia.test",
    "Tilalleni tulee John Smith, john.smith@omnia.test",
    "Tilalleni tulee John Smith (john.smith@omnia.test).",
])
def test_an_instructed_substitute(text: str) -> None:
    intent = registered(text)
    assert intent.kind == "substitute"
    assert [(p.name, p.address) for p in intent.people] == [("John Smith", "john.smith@omnia.test")]


# --- Outlook's "Sukunimi Etunimi" display names ----------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Ilmoittaudun verkostoon.\n\nTerveisin\nMaija Mallikas\nkoulutuspäällikkö", "Maija Mallikas"),
    ("Ilmoittaudun verkostoon.\n\nNimi: Maija Mallikas\nRooli: rehtori", "Maija Mallikas"),
    ("Ilmoittaudun verkostoon.\n\nMaija", "Maija Mallikas"),
    ("Ilmoittaudun verkostoon.\n\nt. Maija", "Maija Mallikas"),
    ("Ilmoittaudun verkostoon.", "Mallikas Maija"),
    ("Ilmoittaudun verkostoon.\n\nt. Mallikas", "Mallikas Maija"),
])
def test_a_reversed_display_name_yields_to_the_mails_own_order(text: str, name: str) -> None:
    intent = intent_of(text, from_name="Mallikas Maija", from_addr="maija.m@omnia.test")
    assert intent.kind == "signup"
    assert intent.people[0].name == name


# --- the days a sign-up names reach the person record -----------------------------------------

@pytest.mark.parametrize(("text", "days"), [
    ("Ilmoittaudun 9.12. ja 10.2.", ("2026-12-09", "2027-02-10")),
    ("Ilmoittaudun verkostopäivään 9.12.", ("2026-12-09",)),
    ("Ilmoittaudun molempiin päiviin", ()),
    ("Ilmoittaudun verkostoon", ()),
])
def test_signup_days_are_recorded_on_the_person(text: str, days: tuple[str, ...]) -> None:
    intent = intent_of(text)
    assert intent.days == days
    rules = Rules(max_per_org=4, network_address=OWN, facilitator="vetaja@example.org",
                  secret="s" * 32)
    decision = decide(intent, STATE, NOVEMBER, rules)
    (person,) = [r for r in decision.records if isinstance(r, Person)]
    assert person.address == "uusi.henkilo@omnia.test"
    assert person.days == days


# --- diets the invitation asks for; withdrawing a commitment --------------------------------

DAY_REPLY = ("<abc.day-2026-12-09@example.org>",)


@pytest.mark.parametrize(("text", "diet"), [
    ("Osallistun. Erityisruokavalio: laktoositon", "laktoositon"),
    ("Osallistun, olen keliaakikko.", "keliaakikko"),
    ("I will attend. I'm vegetarian.", "vegetarian"),
])
def test_a_yes_carries_the_diet_it_names(text: str, diet: str) -> None:
    intent = registered(text, references=DAY_REPLY)
    assert (intent.kind, intent.day) == ("rsvp_yes", "2026-12-09")
    assert [(p.address, p.diet) for p in intent.people] == [(MAIJA.address, diet)]
    assert f"diet: {diet}" in intent.notes


def test_a_plain_yes_carries_no_person() -> None:
    intent = registered("Osallistun!", references=DAY_REPLY)
    assert intent.kind == "rsvp_yes"
    assert intent.people == ()


def test_a_diet_word_from_a_registered_person_is_a_diet_correction() -> None:
    intent = registered("Olen vegaani.")
    assert intent.kind == "correction"
    assert intent.people[0].diet == "vegaani"


@pytest.mark.parametrize("text", [
    "We withdraw our commitment to the follow-up work.",
    "Perumme sitoutumisemme jatkotyöskentelyyn.",
])
def test_withdrawing_a_commitment_is_no_cancellation_of_the_registration(text: str) -> None:
    intent = registered(text, references=DAY_REPLY)
    assert intent.kind == "attention"
    assert "commitment" in reason_text(intent.reason, "en")


@pytest.mark.parametrize(("text", "kind"), [
    ("Olemme sitoutuneet asiakaslähtöisyyteen ja ilmoittaudun verkostoon.", "signup"),
    ("We are committed to customer orientation and would like to join the network.", "signup"),
])
def test_being_committed_to_something_else_is_no_commitment(text: str, kind: str) -> None:
    assert intent_of(text).kind == kind


# --- the literal screens in front of the lexicon's regexes -------------------------------

_SCREENED = [*(rule for _, rule in known().intent_rules), known().question]
_ALTERNATIVES = [alt for rule in _SCREENED for alt in rule.alternatives]


@pytest.mark.parametrize("alternative", _ALTERNATIVES)
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_an_alternative_holds_its_literals(alternative: str,
                                                          data: st.DataObject) -> None:
    text = data.draw(st.from_regex(re.compile(alternative), fullmatch=True))
    assert needles(alternative) == () or holds(needles(alternative), text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aeiklmnoprstuvy ?'-\n", max_size=80)
       | st.sampled_from(_ALTERNATIVES).map(lambda a: a.replace("\\b", "").replace("\\s+", " ")))
def test_a_screened_regex_answers_as_its_whole_pattern(text: str) -> None:
    for rule in _SCREENED:
        assert rule.search(text) == (rule.pattern.search(text) is not None)
        assert rule.sub(lambda m: "#" * len(m.group(0)), text) == rule.pattern.sub(
            lambda m: "#" * len(m.group(0)), text)


def test_the_screens_rule_out_texts_without_their_literals() -> None:
    # the point of the screens: most rules never run their regex on an unrelated text
    assert needles(r"\bpoista(?:kaa)?\s+tietoni\b") == (("tietoni",), ("poista",))
    assert needles(r"\b(?:delete|erase)\s+my\s+data\b") == (("data",), ("delete", "erase"))
    assert needles(r"\bi'?ll\s+be\s+there\b") == (("there",),)
    assert needles(r"a|b") == ()
