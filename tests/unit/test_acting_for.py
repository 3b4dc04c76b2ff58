"""Mail sent on a person's behalf is the person's: a web form (Contact Form 7, Gravity
Forms), an assistant writing for her boss, a forward of the boss's own mail.

The mails are ``tests/data/behalf_*.eml`` (reserved addresses). What a user would see:
who joins the list or is registered, who gets the answer (never the form's address), who
gets a copy (the assistant), and that a form cannot cancel anyone: the registered address
is asked to confirm and nothing changes until it does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from mailflow.adapters.store import Store
from mailflow.cli.main import main
from mailflow.core.model import (
    AttentionItem,
    InterestSubscription,
    PendingAction,
    Person,
    Rsvp,
)
from mailflow.core.organisations import OrgDirectory
from mailflow.core.reading.parse import parse_message
from mailflow.core.rules.decide import Rules, decide
from mailflow.core.state import apply_decision
from mailflow.core.understanding.intents import understand
from mailflow.core.values import Decision, Intent, NetworkState
from tests.factories import write_maildir_config
from tests.mailgen import deliver
from tests.unit.test_corpus import ALIASES, DATA, DOMAIN, OWN, network_state, run

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
RULES = Rules(max_per_org=4, network_address="verkosto@example.org",
              facilitator="vetaja@example.org", secret="test-secret")
FORM = "wordpress@verkosto.example.org"
ORGANISATIONS = """
[[organisations]]
name = "Omnia"
domains = ["omnia.test"]
"""


def understood(name: str) -> Intent:
    _, intent = run(DATA / f"{name}.eml")
    assert intent is not None
    return intent


def decided(name: str, state: NetworkState | None = None) -> tuple[Decision, NetworkState]:
    state = state or network_state()
    decision = decide(understood(name), state, NOW, RULES)
    return decision, apply_decision(state, decision)


def recipients(decision: Decision) -> dict[str, str]:
    return {m.to: m.template for m in decision.mails}


@pytest.mark.parametrize(("name", "person", "via"), [
    ("behalf_form_cf7_laheta_fi", "aino.aaltonen@gradia.test", "form"),
    ("behalf_form_gravity_nej_tack_sv", "erik.ek@prakticum.test", "form"),
    ("behalf_form_cf7_keep_posted_en", "jane.doe@college.test", "form"),
    ("behalf_assistant_cc_fi", "paula.virtanen@omnia.test", "assistant"),
    ("behalf_assistant_body_sv", "per.holm@prakticum.test", "assistant"),
    ("behalf_assistant_rsvp_en", "liisa.laine@keuda.test", "assistant"),
    ("behalf_forward_boss_sv", "anna.lindqvist@omnia.test", "forward"),
    ("behalf_forward_boss_en", "liisa.laine@keuda.test", "forward"),
    ("human_signup_forwarded_outlook", "jussi.jokinen@stadi.test", "forward"),
])
def test_the_request_is_the_persons(name: str, person: str, via: str) -> None:
    intent = understood(name)
    assert (intent.acts_for, intent.acting_via) == (person, via)
    assert intent.person == person
    assert FORM not in intent.copy_to  # a form never gets anything


def test_a_mail_of_ones_own_acts_for_nobody_else() -> None:
    intent = understood("human_signup_forwarded_outlook")
    assert intent.copy_to == ("anna.aalto@stadi.test",)  # the forwarder
    for name in ("format_qp_alternative_laheta", "format_base64_ei_kiitos"):
        assert understood(name).acts_for == ""


def test_the_sender_and_her_boss_both_named_is_the_senders_own_list() -> None:
    raw = (DATA / "behalf_assistant_cc_fi.eml").read_bytes().replace(
        b"ilmoitan esimieheni Paula Virtasen verkostop\xc3\xa4iv\xc3\xa4\xc3\xa4n 9.12.",
        "ilmoitan verkostopäivään 9.12. itseni ja esihenkilömme:\n\n"
        "Sari Salo, assistentti, sari.salo@omnia.test\n"
        "Paula Virtanen, koulutusjohtaja, paula.virtanen@omnia.test\n".encode())
    state = network_state()
    orgs = OrgDirectory.from_settings(ALIASES, state.organisations)
    intent = understand(parse_message(raw, own_address=OWN), state, orgs, own_address=OWN,
                        network_domain=DOMAIN)
    assert intent.acts_for == ""
    assert {p.address for p in intent.people} == {"sari.salo@omnia.test",
                                                  "paula.virtanen@omnia.test"}


def test_the_forms_laheta_puts_the_person_on_the_list_and_answers_only_them() -> None:
    decision, state = decided("behalf_form_cf7_laheta_fi")
    assert recipients(decision) == {"aino.aaltonen@gradia.test": "interest_welcome"}
    assert state.interest["aino.aaltonen@gradia.test"].subscribed
    assert FORM not in state.interest


def test_the_forms_nej_tack_takes_the_person_off_the_list_in_swedish() -> None:
    start = replace(network_state(), interest={"erik.ek@prakticum.test": InterestSubscription(
        "erik.ek@prakticum.test", True, NOW, language="sv")})
    decision, state = decided("behalf_form_gravity_nej_tack_sv", start)
    [mail] = decision.mails
    assert (mail.to, mail.template, mail.language) == (
        "erik.ek@prakticum.test", "interest_goodbye", "sv")
    assert not state.interest["erik.ek@prakticum.test"].subscribed


def test_a_form_cannot_cancel_anyone_even_when_the_site_passes_dmarc() -> None:
    parsed = parse_message((DATA / "behalf_form_cancel_fi.eml").read_bytes(), own_address=OWN)
    vouched = replace(parsed, authenticated=True)  # our server vouched for the site's domain
    state = network_state()
    orgs = OrgDirectory.from_settings(ALIASES, state.organisations)
    intent = understand(vouched, state, orgs, own_address=OWN, network_domain=DOMAIN)
    assert (intent.kind, intent.acts_for, intent.authenticated) == (
        "cancel", "maija.mallikas@omnia.test", False)
    decision = decide(intent, state, NOW, RULES)
    after = apply_decision(state, decision)
    assert recipients(decision) == {"maija.mallikas@omnia.test": "confirm_request"}
    assert after.people["maija.mallikas@omnia.test"].status == "registered"


def test_the_persons_own_token_then_cancels_as_the_form_asked() -> None:
    decision, state = decided("behalf_form_cancel_fi")
    [pending] = [r for r in decision.records if isinstance(r, PendingAction)]
    assert pending.address == "maija.mallikas@omnia.test"
    reply = Intent(kind="confirm", sender="maija.mallikas@omnia.test", token=pending.token,
                   answer_to="<re-token@omnia.test>")
    done = decide(reply, state, NOW, RULES)
    after = apply_decision(state, done)
    assert after.people["maija.mallikas@omnia.test"].status == "cancelled"
    assert recipients(done) == {"maija.mallikas@omnia.test": "cancel_confirmation"}


def test_a_form_that_names_nobody_goes_to_the_facilitator_and_is_not_answered() -> None:
    raw = (DATA / "behalf_form_cf7_laheta_fi.eml").read_bytes()
    raw = raw.replace(b"Reply-To: aino.aaltonen@gradia.test\n", b"").replace(
        b"aino.aaltonen@gradia.test", b"")
    msg = parse_message(raw, own_address=OWN)
    state = network_state()
    orgs = OrgDirectory.from_settings(ALIASES, state.organisations)
    intent = understand(msg, state, orgs, own_address=OWN, network_domain=DOMAIN)
    assert (intent.kind, intent.acting_via, intent.acts_for) == ("attention", "form", "")
    decision = decide(intent, state, NOW, RULES)
    assert decision.mails == ()
    [item] = [r for r in decision.records if isinstance(r, AttentionItem)]
    assert item.reasons[0].code == "form_without_address"


def test_an_assistant_registers_her_boss_who_gets_the_answer_and_she_a_copy() -> None:
    decision, state = decided("behalf_assistant_cc_fi")
    paula = state.people["paula.virtanen@omnia.test"]
    assert (paula.name, paula.org, paula.status) == ("Paula Virtanen", "omnia", "registered")
    assert "sari.salo@omnia.test" not in state.people  # the assistant is not signed up
    assert recipients(decision) == {"paula.virtanen@omnia.test": "signup_confirmation",
                                    "sari.salo@omnia.test": "signup_confirmation"}


def test_an_assistants_no_is_the_bosss_answer_in_english() -> None:
    decision, state = decided("behalf_assistant_rsvp_en")
    assert state.rsvps[("2026-12-09", "liisa.laine@keuda.test")].answer == "no"
    assert ("2026-12-09", "tom.reed@keuda.test") not in state.rsvps
    assert recipients(decision) == {"liisa.laine@keuda.test": "rsvp_confirmation",
                                    "tom.reed@keuda.test": "rsvp_confirmation"}
    assert {m.language for m in decision.mails} == {"en"}


def test_a_forwarded_no_is_the_authors_in_her_own_language() -> None:
    decision, state = decided("behalf_forward_boss_sv")
    rsvp = state.rsvps[("2026-12-09", "anna.lindqvist@omnia.test")]
    assert isinstance(rsvp, Rsvp)
    assert rsvp.answer == "no"
    mine = [m for m in decision.mails if m.to == "anna.lindqvist@omnia.test"]
    assert [(m.template, m.language) for m in mine] == [("rsvp_confirmation", "sv")]


def test_a_forwarded_yes_from_a_registered_boss_is_her_answer_not_a_sign_up() -> None:
    decision, state = decided("behalf_forward_boss_en")  # the forwarder is not registered
    assert state.rsvps[("2026-12-09", "liisa.laine@keuda.test")].answer == "yes"
    assert "tom.reed@keuda.test" not in state.people
    assert recipients(decision) == {"liisa.laine@keuda.test": "rsvp_confirmation",
                                    "tom.reed@keuda.test": "rsvp_confirmation"}


def test_a_token_never_goes_to_the_assistant() -> None:
    start = network_state()
    paula = Person("paula.virtanen@omnia.test", "Paula Virtanen", "omnia", "management",
                   registered_at=NOW)
    state = replace(start, people={**start.people, paula.address: paula})
    intent = replace(understood("behalf_assistant_cc_fi"), kind="cancel", people=(), day="", days=())
    decision = decide(intent, state, NOW, RULES)
    assert recipients(decision) == {"paula.virtanen@omnia.test": "confirm_request"}


def outbox(root: Path) -> list[EmailMessage]:
    found = []
    for path in sorted((root / "outbox").glob("*.eml")):
        msg = message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(msg, EmailMessage)
        found.append(msg)
    return found


def test_through_tick_the_form_and_the_assistant_reach_the_people(tmp_path: Path) -> None:
    write_maildir_config(tmp_path, extra=ORGANISATIONS)
    def mailflow(*args: str) -> int:
        return main(["--config", str(tmp_path / "mailflow.toml"), *args])

    assert mailflow("days", "add", "2026-12-09", "--date", "2026-12-09", "--start", "10:00",
                    "--end", "16:00", "--place", "Kuntatalo, Helsinki") == 0
    deliver(str(tmp_path / "mail"), [(DATA / f"{n}.eml").read_bytes() for n in (
        "behalf_form_cf7_laheta_fi", "behalf_assistant_cc_fi")])
    assert mailflow("tick", "--now", "2026-12-04T10:00+02:00") == 0
    to = sorted((str(m["To"]), str(m["Subject"])) for m in outbox(tmp_path))
    assert not [t for t in to if FORM in t[0]]
    assert [t[1] for t in to if "aino.aaltonen@gradia.test" in t[0]] == [
        "Kiitos kiinnostuksestasi – Kehittämisverkosto"]
    paula = [t[1] for t in to if "paula.virtanen@omnia.test" in t[0]]
    sari = [t[1] for t in to if "sari.salo@omnia.test" in t[0]]
    assert sari  # her copy of the confirmation (and no invitation: she is not signed up)
    assert set(sari) < set(paula)
    with Store(tmp_path / "mailflow.json") as store:
        assert store.get(Person, "paula.virtanen@omnia.test") is not None
        assert store.get(Person, "sari.salo@omnia.test") is None
        assert store.get(InterestSubscription, "aino.aaltonen@gradia.test") is not None
