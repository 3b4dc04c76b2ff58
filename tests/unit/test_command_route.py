"""The decision on a facilitator's mail: each command, its confirmation, her answers to
people, and what never happens (a person's sign-up, an answer to anyone else)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from mailflow.core.commands import item_ref
from mailflow.core.commands.route import decide_facilitator
from mailflow.core.commands.session import CommandRules
from mailflow.core.model import AttentionItem, CommandEntry, NetworkDay, PendingAction, Person
from mailflow.core.reading.parse import parse_message
from mailflow.core.rules.work import Rules
from mailflow.core.state import apply_decision
from mailflow.core.values import Decision, MailRequest, NetworkState, ParsedMessage
from tests.factories import sample_network

MEETINGS = Path(__file__).resolve().parents[1] / "data" / "meetings"

NETWORK = "verkosto@example.org"
VETAJA = "vetaja@example.org"
TOINEN = "toinen.vetaja@example.org"
SAMPLE = sample_network()
NOW = SAMPLE.now
STATE = SAMPLE.state
RULES = CommandRules(
    rules=Rules(max_per_org=4, network_address=NETWORK, facilitator=VETAJA, secret="x" * 64),
    facilitators=(VETAJA, TOINEN), language="fi",
)


def mail(subject: str, text: str = "", *, authenticated: bool = True, key: str = "c1",
         sender: str = VETAJA, **fields: Any) -> ParsedMessage:
    values: dict[str, Any] = {"to": (NETWORK,)} | fields
    return ParsedMessage(message_id=f"{key}@example.org", key=f"{key}@example.org",
                         from_addr=sender, subject=subject, text=text, new_text=text,
                         authenticated=authenticated, **values)


def decide(parsed: ParsedMessage, state: NetworkState = STATE) -> tuple[Decision, NetworkState]:
    decision = decide_facilitator(parsed, state, NOW, RULES)
    return decision, apply_decision(state, decision)


def only_mail(decision: Decision, to: str = VETAJA) -> MailRequest:
    (request,) = decision.mails
    assert request.to == to
    return request


def entry(decision: Decision) -> CommandEntry:
    (found,) = [r for r in decision.records if isinstance(r, CommandEntry)]
    return found


def token_of(decision: Decision) -> str:
    (pending,) = [r for r in decision.records if isinstance(r, PendingAction)]
    assert pending.address == VETAJA
    return pending.token


def confirm(token: str, state: NetworkState, key: str = "c2") -> tuple[Decision, NetworkState]:
    return decide(mail(f"Re: Vahvista – koodi {token}", "Kyllä.\n", key=key,
                       authenticated=False), state)


def waitlisted() -> Person:
    return min((p for p in STATE.people.values() if p.status == "waitlisted"),
               key=lambda p: (p.org, p.waitlist_position or 0))


def test_help_answers_her_in_the_language_of_her_command_word() -> None:
    for word, language in (("APUA", "fi"), ("hjälp", "sv"), ("Help", "en")):
        decision, _ = decide(mail(word))
        request = only_mail(decision)
        assert (request.template, request.language) == ("command_help", language)
        assert request.context["reason"] == ""
        assert request.in_reply_to == "<c1@example.org>"


def test_help_for_unvouched_mail_counts_against_the_daily_cap_of_automatic_answers() -> None:
    vouched = only_mail(decide(mail("Mitä kuuluu?"))[0])
    unvouched = only_mail(decide(mail("Mitä kuuluu?", authenticated=False))[0])
    assert (vouched.template, unvouched.template) == ("command_help", "command_help")
    assert vouched.auto == "auto-generated"  # her own server vouched: never held back
    assert unvouched.auto == "auto-replied"  # forged mail cannot make us write without end
    asked = only_mail(decide(mail("PÄIVÄT", authenticated=False))[0])
    assert (asked.template, asked.auto) == ("command_confirm", "auto-generated")


def test_mail_without_a_command_gets_the_help_and_why_never_a_persons_handling() -> None:
    decision, state = decide(mail("Ilmoittaudun", "Nimi: Vetäjä\nOrganisaatio: Omnia"))
    request = only_mail(decision)
    assert (request.template, request.context["reason"]) == ("command_help", "no_command")
    assert state.people == STATE.people
    assert not any(isinstance(r, AttentionItem) for r in decision.records)
    assert entry(decision).outcome == "refused"


def test_people_come_as_text_and_as_a_finnish_excel_csv() -> None:
    decision, _ = decide(mail("OSALLISTUJAT Omnia"))
    request = only_mail(decision)
    assert request.template == "command_people"
    attachment = request.context["attachment"]
    data: bytes = attachment["data"]
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    omnia = {p.address for p in STATE.people.values() if p.org == "omnia"}
    assert {row[1] for row in rows[1:]} == omnia
    assert attachment["filename"] == "osallistujat-omnia.csv"


def test_an_unknown_organisation_is_said_not_guessed() -> None:
    decision, _ = decide(mail("OSALLISTUJAT Tuntematon opisto"))
    assert only_mail(decision).context["reason"] == "unknown_org"


def test_costs_of_a_day_named_by_its_date() -> None:
    decision, _ = decide(mail("kustannukset 20.1."))
    request = only_mail(decision)
    assert request.template == "command_costs"
    assert request.context["day"].id == "2027-01-20"
    assert sum(s.amount for s in request.context["shares"]) == request.context["total"]
    assert request.context["attachment"]["filename"] == "kustannukset-2027-01-20.csv"


def test_an_unvouched_command_waits_for_her_token_and_runs_once() -> None:
    decision, state = decide(mail("PÄIVÄT", authenticated=False))
    request = only_mail(decision)
    assert request.template == "command_confirm"
    token = token_of(decision)
    decision, state = confirm(token, state)
    assert only_mail(decision).template == "command_days"
    decision, state = confirm(token, state, key="c3")  # replayed
    assert only_mail(decision).context["reason"] == "token_used"
    assert entry(decision).outcome == "refused"


def test_a_token_from_another_address_does_nothing() -> None:
    decision, state = decide(mail("PÄIVÄT", authenticated=False))
    token = token_of(decision)
    other = mail(f"Re: {token}", token, key="c2", sender=TOINEN, authenticated=True)
    decision, _ = decide(other, state)
    assert only_mail(decision, TOINEN).context["reason"] == "token_unknown"


def test_an_announcement_is_previewed_with_its_count_confirmed_and_queued_once() -> None:
    parsed = mail("TIEDOTE Joulun verkostopäivä", "Tervetuloa 9.12. Kuntatalolle!")
    decision, state = decide(parsed)
    request = only_mail(decision)  # even when vouched for: a preview first
    assert request.template == "command_confirm"
    assert request.context["preview"]["count"] == 5
    assert request.context["preview"]["body"] == "Tervetuloa 9.12. Kuntatalolle!"
    decision, state = confirm(token_of(decision), state)
    announcements = [m for m in decision.mails if m.template == "announcement"]
    assert len(announcements) == 5
    assert {m.context["subject"] for m in announcements} == {"Joulun verkostopäivä"}
    assert entry(decision).change == "announced"
    decision, _ = confirm(token_of_pending(state), state, key="c3")
    assert [m.template for m in decision.mails] == ["command_help"]


def token_of_pending(state: NetworkState) -> str:
    (pending,) = state.pending.values()
    assert pending.done
    return pending.token


def test_handled_marks_the_items_she_names() -> None:
    ref = item_ref("att:1")
    decision, state = decide(mail(f"Re: KÄSITELTY {ref} #zzzzzz"))
    assert state.attention["att:1"].handled
    assert not state.attention["att:2"].handled
    request = only_mail(decision)
    assert request.context["result"] == {"refs": [ref], "unknown": ["#zzzzzz"]}
    assert (entry(decision).change, entry(decision).targets) == ("handled", (ref,))


def test_her_answer_with_the_network_in_cc_handles_that_persons_items_without_a_mail() -> None:
    parsed = mail("Re: Kysymys jatkotyöskentelystä", "Hei Riitta, ...",
                  to=("rehtori@stadi.test",), cc=(NETWORK,))
    decision, state = decide(parsed)
    assert decision.mails == ()
    assert state.attention["att:1"].handled
    assert entry(decision).change == "answered"


def test_her_answer_with_the_network_in_bcc_handles_the_item_of_the_mail_answered() -> None:
    parsed = mail("Re: RSVP", "Kiitos!", to=("someone.else@example.org",),
                  in_reply_to="<q3@example.org>", references=("<q3@example.org>",))
    decision, state = decide(parsed)
    assert decision.mails == ()
    assert state.attention["att:3"].handled
    assert not state.attention["att:1"].handled


def test_offer_gives_a_waitlisted_person_a_place_now() -> None:
    person = waitlisted()
    decision, state = decide(mail(f"TARJOA {person.address}"))
    assert state.people[person.address].status == "registered"
    offers = [m for m in decision.mails if m.template == "place_offered"]
    assert [m.to for m in offers] == [person.address]
    assert any(m.template == "command_done" for m in decision.mails)


def test_offer_to_someone_not_waiting_is_refused() -> None:
    person = next(p for p in STATE.people.values() if p.status == "registered")
    decision, state = decide(mail(f"TARJOA {person.address}"))
    assert only_mail(decision).context["reason"] == "not_waitlisted"
    assert state.people == STATE.people


def test_retry_clears_a_bounced_address() -> None:
    person = next(p for p in STATE.people.values() if p.failing)
    _, state = decide(mail(f"uudelleen {person.address}"))
    assert not state.people[person.address].failing


def test_remove_asks_first_then_forgets_and_the_log_names_nobody() -> None:
    person = next(p for p in STATE.people.values() if p.status == "registered")
    decision, state = decide(mail(f"POISTA {person.address}"))
    assert only_mail(decision).context["preview"]["address"] == person.address
    assert person.address in state.people
    decision, state = confirm(token_of(decision), state)
    assert decision.forget == (person.address,)
    assert person.address not in state.people
    logged = entry(decision)
    assert person.address not in f"{logged.what} {logged.detail} {logged.targets}"
    assert person.address not in str(state.pending[token_of_pending(state)].intent)


def test_cancel_day_asks_first_showing_how_many_it_reaches() -> None:
    decision, state = decide(mail("PERU 9.12."))
    preview = only_mail(decision).context["preview"]
    assert preview["day"].id == "2026-12-09"
    assert preview["count"] > 0
    assert not state.days["2026-12-09"].cancelled
    decision, state = confirm(token_of(decision), state)
    day: NetworkDay = state.days["2026-12-09"]
    assert day.cancelled
    assert day.sequence == 1
    assert entry(decision).targets == ("2026-12-09", str(preview["count"]))


def test_invite_makes_a_guest_of_a_stranger() -> None:
    _, state = decide(mail("KUTSU vieras@asiakas.test 20.1.2027"))
    guest = state.people["vieras@asiakas.test"]
    assert (guest.role, guest.status, guest.days) == ("guest", "invited", ("2027-01-20",))


def test_invite_to_an_unknown_day_is_refused() -> None:
    decision, state = decide(mail("KUTSU vieras@asiakas.test 1.5."))
    assert only_mail(decision).context["reason"] == "unknown_day"
    assert "vieras@asiakas.test" not in state.people


def meeting(name: str, *, authenticated: bool = True, key: str = "m1") -> ParsedMessage:
    """A fixture meeting from her calendar (tests/data/meetings), as her mail."""
    message = parse_message((MEETINGS / name).read_bytes(), own_address=NETWORK)
    return replace(message, from_addr=VETAJA, key=f"{key}@example.org",
                   message_id=f"{key}@example.org", authenticated=authenticated)


def days_made(decision: Decision) -> list[NetworkDay]:
    return [r for r in decision.records if isinstance(r, NetworkDay)]


def test_a_vouched_meeting_from_her_calendar_makes_a_day_and_is_logged() -> None:
    decision, state = decide(meeting("outlook_desktop_request.eml"))
    (day,) = days_made(decision)
    assert day.calendar_uid
    assert day.id in state.days
    request = only_mail(decision)
    assert (request.template, request.calendar) == ("day_created", "reply")
    logged = entry(decision)
    assert (logged.verb, logged.outcome, logged.change) == ("meeting", "done", "day_created")
    assert logged.targets[0] == day.id


def test_an_unvouched_meeting_waits_for_her_token_then_makes_the_day_once() -> None:
    decision, state = decide(meeting("google_request.eml", authenticated=False))
    assert days_made(decision) == []
    asked = only_mail(decision)
    assert (asked.template, asked.context["verb"]) == ("command_confirm", "meeting")
    token = token_of(decision)
    confirmed, state = confirm(token, state)
    (day,) = days_made(confirmed)
    assert day.id in state.days
    assert {m.template for m in confirmed.mails} == {"day_created"}
    again, _ = confirm(token, state, key="c3")
    assert days_made(again) == []
    assert only_mail(again).context["reason"] == "token_used"


def test_a_calendar_cancellation_asks_her_to_confirm_then_cancels_the_day() -> None:
    _, state = decide(meeting("outlook_desktop_request.eml"))
    (made,) = [d for d in state.days.values() if d.calendar_uid]
    decision, state = decide(meeting("outlook_desktop_cancel.eml", key="m2"), state)
    asked = only_mail(decision)
    assert (asked.template, asked.context["verb"]) == ("command_confirm", "cancel_day")
    assert not state.days[made.id].cancelled
    _, state = confirm(token_of(decision), state)
    assert state.days[made.id].cancelled
    assert state.days[made.id].sequence == made.sequence + 1


def test_cancelling_a_meeting_no_day_was_made_from_changes_nothing() -> None:
    decision, state = decide(meeting("outlook_desktop_cancel.eml"))
    assert only_mail(decision).context["reason"] == "unknown_meeting"
    assert state.days == STATE.days


def test_an_expired_token_does_nothing() -> None:
    decision, state = decide(mail("PÄIVÄT", authenticated=False))
    token = token_of(decision)
    later = decide_facilitator(mail(f"Re: {token}", token, key="c2"), state,
                               NOW + timedelta(days=4), RULES)
    assert only_mail(later).context["reason"] == "token_expired"


def test_the_second_facilitator_commands_too() -> None:
    decision, _ = decide(replace(mail("PÄIVÄT"), from_addr=TOINEN))
    assert only_mail(decision, TOINEN).template == "command_days"


def test_unvouched_mail_gets_at_most_the_days_cap_of_confirmation_requests() -> None:
    cap = RULES.max_confirmations_per_day
    state = STATE
    for n in range(cap):
        decision, state = decide(mail("PÄIVÄT", key=f"f{n}", authenticated=False), state)
        assert only_mail(decision).template == "command_confirm"
    for parsed in (mail("PÄIVÄT", key="over", authenticated=False),
                   meeting("google_request.eml", authenticated=False, key="m-over")):
        held, state = decide(parsed, state)
        assert held.mails == ()
        assert (entry(held).outcome, entry(held).change) == ("capped", "held_back")
        assert not [r for r in held.records if isinstance(r, PendingAction)]
    vouched, _ = decide(mail("PÄIVÄT", key="own"), state)  # hers: never held back
    assert only_mail(vouched).template == "command_days"
    other, _ = decide(mail("PÄIVÄT", key="toinen", sender=TOINEN, authenticated=False), state)
    assert only_mail(other, TOINEN).template == "command_confirm"  # a cap per address
    later, _ = decide_later(mail("PÄIVÄT", key="later", authenticated=False), state)
    assert only_mail(later).template == "command_confirm"  # a day later: asked again


def decide_later(parsed: ParsedMessage, state: NetworkState) -> tuple[Decision, NetworkState]:
    decision = decide_facilitator(parsed, state, NOW + timedelta(hours=24, minutes=1), RULES)
    return decision, apply_decision(state, decision)
