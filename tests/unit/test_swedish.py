"""Swedish mail is understood and answered in Swedish, through the pure pipeline.

A Swedish sign-up, RSVP, cancellation and erasure request (as a Swedish-speaking school
writes them) are read, decided on and rendered with the real templates in
``templates/sv/``: each answer is in Swedish, and the person is remembered as Swedish, so
a later mail that says little (a calendar accept) is answered in Swedish too.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from email import message_from_bytes
from email.policy import default
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mailflow.config.resources import templates_dir
from mailflow.core.languages.registry import codes, pack
from mailflow.core.model import NetworkDay, Organisation, Person
from mailflow.core.organisations import OrgDirectory
from mailflow.core.rules.decide import Rules, decide
from mailflow.core.settings import NetworkSettings
from mailflow.core.understanding.intents import understand
from mailflow.core.values import (
    CalendarReply,
    Decision,
    Intent,
    MailRequest,
    NetworkState,
    ParsedMessage,
)
from mailflow.core.writing.render import Renderer

OWN = "verkosto@example.org"
DOMAIN = "example.org"
NOW = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
DAY = NetworkDay("2026-12-09", date(2026, 12, 9), time(10), time(16), "Kuntatalo, Helsinki")
PRAKTICUM = Organisation("prakticum", "Prakticum", ("prakticum.test",))
ANNA = Person(address="anna.lindqvist@prakticum.test", name="Anna Lindqvist", org="prakticum",
              role="management", language="sv", registered_at=NOW, days=(DAY.id,))
RULES = Rules(max_per_org=4, network_address=OWN, facilitator="vetaja@example.org",
              secret="s" * 32)
NETWORK = NetworkSettings(address=OWN, facilitator="vetaja@example.org",
                          name="Asiakaslähtöisyys oppilaitoksissa",
                          facilitator_name="Verkoston vetäjä")
RENDERER = Renderer(templates_dir(), NETWORK, ZoneInfo("Europe/Helsinki"))


def state(*people: Person) -> NetworkState:
    return NetworkState(organisations={"prakticum": PRAKTICUM},
                        people={p.address: p for p in people}, days={DAY.id: DAY})


def message(text: str, sender: str = ANNA.address, subject: str = "Nätverket",
            **fields: Any) -> ParsedMessage:
    values: dict[str, Any] = {
        "message_id": "<sv@prakticum.test>", "key": "<sv@prakticum.test>",
        "from_addr": sender, "from_name": "", "subject": subject, "new_text": text,
        "text": text, "date": NOW,
    }
    values.update(fields)
    return ParsedMessage(**values)


def read(msg: ParsedMessage, network: NetworkState) -> Intent:
    orgs = OrgDirectory.from_settings((), network.organisations)
    return understand(msg, network, orgs, own_address=OWN, network_domain=DOMAIN)


def answer(decision: Decision, to: str) -> tuple[MailRequest, str, str]:
    """The decision's mail to ``to``, and its subject and text as rendered."""
    [request] = [m for m in decision.mails if m.to == to]
    mail = RENDERER.render(request, now=NOW, day=DAY if request.calendar else None)
    parsed = message_from_bytes(mail.raw, policy=default)
    assert parsed["Content-Language"] == "sv"
    return request, mail.subject, mail.text


def test_swedish_is_a_built_in_language() -> None:
    assert "sv" in codes()
    assert pack("sv").name == "Svenska"


def test_a_swedish_sign_up_is_answered_in_swedish_and_remembered() -> None:
    network = state()
    intent = read(message(
        "Hej!\n\nJag anmäler mig till nätverksdagen den 9 december.\n\n"
        "Namn: Camilla Sundström\nOrganisation: Prakticum\nTitel: utbildningskoordinator\n"
        "E-post: camilla.sundstrom@prakticum.test\nSpecialdiet: glutenfri\n\n"
        "Med vänliga hälsningar\nCamilla Sundström",
        sender="camilla.sundstrom@prakticum.test"), network)
    assert (intent.kind, intent.language) == ("signup", "sv")
    [person] = intent.people
    assert (person.name, person.role) == ("Camilla Sundström", "staff")

    decision = decide(intent, network, NOW, RULES)
    request, subject, text = answer(decision, "camilla.sundstrom@prakticum.test")
    assert request.template == "signup_confirmation"
    assert subject == "Din anmälan har tagits emot – Asiakaslähtöisyys oppilaitoksissa"
    assert text.startswith("Hej Camilla,")
    for fact in ("Roll: personal", "Specialdiet: glutenfri", "ons 9.12.2026 kl. 10.00–16.00",
                 "Rättelse:", "Med vänliga hälsningar"):
        assert fact in text, fact
    [stored] = [r for r in decision.records if isinstance(r, Person)]
    assert stored.language == "sv"


@pytest.mark.parametrize(("text", "answer_says"), [
    ("Hej,\n\njag deltar gärna på nätverksdagen den 9.12.\n\nHälsningar\nAnna",
     "Vi har noterat att du deltar i nätverksdagen"),
    ("Hej,\n\njag kan tyvärr inte delta på nätverksdagen den 9.12, vi har examinationer "
     "just den veckan.\n\nHälsningar\nAnna", "Vi har noterat att du inte kan delta"),
])
def test_a_swedish_rsvp_is_answered_in_swedish(text: str, answer_says: str) -> None:
    network = state(ANNA)
    intent = read(message(text), network)
    assert (intent.language, intent.day) == ("sv", DAY.id)
    request, _, said = answer(decide(intent, network, NOW, RULES), ANNA.address)
    assert request.template == "rsvp_confirmation"
    assert answer_says in said
    assert "ons 9.12.2026" in said


def test_a_calendar_accept_from_a_swedish_person_is_answered_in_swedish() -> None:
    network = state(ANNA)
    reply = CalendarReply("REPLY", f"day-{DAY.id}@{DOMAIN}", "ACCEPTED", ANNA.address)
    intent = read(message("", subject="Accepterat: Verkostopäivä 9.12.2026", calendar=reply),
                  network)
    assert (intent.kind, intent.day) == ("rsvp_yes", DAY.id)
    request, subject, _ = answer(decide(intent, network, NOW, RULES), ANNA.address)
    assert request.language == "sv"
    assert subject.startswith("Du deltar: nätverksdagen")


def test_a_swedish_cancellation_is_answered_in_swedish() -> None:
    network = state(ANNA)
    text = ("Hej,\n\njag måste tyvärr återkalla min anmälan till nätverket helt."
            "\n\nVänliga hälsningar\nAnna Lindqvist")
    intent = read(message(text), network)
    assert (intent.kind, intent.language) == ("cancel", "sv")
    request, subject, said = answer(decide(intent, network, NOW, RULES), ANNA.address)
    assert request.template == "confirm_request"  # not authenticated: asked to confirm
    assert subject.startswith("Bekräfta din begäran – kod ")
    assert "återkalla din anmälan till nätverket" in said

    intent = read(message(text, authenticated=True), network)
    request, subject, said = answer(decide(intent, network, NOW, RULES), ANNA.address)
    assert request.template == "cancel_confirmation"
    assert subject == "Din anmälan har återkallats – Asiakaslähtöisyys oppilaitoksissa"
    assert said.startswith("Hej Anna,\n\nVi har återkallat din anmälan")


def test_a_swedish_erasure_request_is_forgetting_and_asked_to_be_confirmed_in_swedish() -> None:
    network = state(ANNA)
    intent = read(message("Hej,\n\njag vill att ni raderar alla mina personuppgifter ur ert "
                          "register.\n\nVänliga hälsningar\nAnna Lindqvist"), network)
    assert (intent.kind, intent.language) == ("forget_request", "sv")
    request, subject, text = answer(decide(intent, network, NOW, RULES), ANNA.address)
    assert request.template == "confirm_request"
    assert subject.startswith("Bekräfta din begäran – kod ")
    assert "radera alla uppgifter som sparats om dig" in text


@pytest.mark.parametrize(("text", "kind"), [
    ("Radera mig ur registret, tack. Alla uppgifter.", "forget_request"),
    ("Hej, vilka uppgifter om mig har ni sparat? Skicka gärna en kopia.", "export_request"),
    ("Nej tack, inte aktuellt för oss just nu.", "interest_leave"),
    ("Jag vill inte ha fler mejl om nätverket, tack. Ta bort min e-post från listan.",
     "interest_leave"),
    ("Håll mig informerad om nätverket, tack!", "interest_join"),
    ("Prakticum förbinder sig till det fortsatta arbetet och står för sin andel av "
     "kostnaderna.", "commit"),
])
def test_swedish_requests_are_read_for_what_they_ask(text: str, kind: str) -> None:
    intent = read(message(text), state(ANNA))
    assert (intent.kind, intent.language) == (kind, "sv")


@pytest.mark.parametrize("text", [
    "Jag hoppas kunna komma, men det beror på om jag får vikarie. Jag återkommer.",
    "Vi återkommer i januari angående det fortsatta arbetet – vi kan inte binda oss innan dess.",
])
def test_swedish_hedges_go_to_the_facilitator(text: str) -> None:
    assert read(message(text), state(ANNA)).kind == "attention"


@pytest.mark.parametrize(("title", "role"), [
    ("rektor", "management"), ("utbildningschef", "management"),
    ("utbildningsdirektör", "management"), ("förman för läroavtalsenheten", "supervisor"),
    ("läroavtalschef", "supervisor"), ("teamledare, läroavtal", "supervisor"),
    ("lärare", "staff"), ("utbildningskoordinator", "staff"), ("studiehandledare", "staff"),
    ("sakkunnig", "staff"),
])
def test_swedish_titles_have_their_roles(title: str, role: str) -> None:
    intent = read(message(
        f"Hej! Jag anmäler mig.\n\nNamn: Eva Ek\nTitel: {title}\nOrganisation: Prakticum\n"
        "E-post: eva.ek@prakticum.test", sender="eva.ek@prakticum.test"), state())
    [person] = intent.people
    assert person.role == role


def test_the_facilitators_digest_is_in_swedish_when_the_network_is() -> None:
    network = state(ANNA)
    intent = read(message("Kan vi ta med en studerande som gäst?"), network)
    assert intent.kind == "attention"
    words = pack("sv").says
    assert words.reasons["question"]({}) == "en fråga till nätverkets koordinator"
    assert words.roles["supervisor"] == "förman för läroavtal"
