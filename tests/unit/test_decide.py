"""The network's rules, checked the way the facilitator would: who has a place, who is
waiting, who got which mail at which address, and what needs her attention."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mailflow.core.catalogue import CATALOGUE
from mailflow.core.languages.reasons import reason_text
from mailflow.core.model import AttentionItem, NetworkDay, PendingAction, Person, Reason, Role
from mailflow.core.rules.confirm import find_token
from mailflow.core.rules.decide import Rules, decide, decide_robot
from mailflow.core.state import apply_decision
from mailflow.core.values import (
    Decision,
    Intent,
    IntentKind,
    MailRequest,
    NetworkState,
    ParsedMessage,
    PersonDetails,
)

NOW = datetime(2016, 9, 1, 9, 0, tzinfo=UTC)
RULES = Rules(max_per_org=4, network_address="verkosto@example.org",
              facilitator="vetaja@example.org", secret="test-secret")
DAY1 = NetworkDay(id="2016-10-05", date=date(2016, 10, 5), start=time(10), end=time(16),
                  place="Kuntatalo, Helsinki")
DAY2 = NetworkDay(id="2016-12-19", date=date(2016, 12, 19), start=time(10), end=time(16),
                  place="Kuntatalo, Helsinki")
EMPTY = NetworkState(days={DAY1.id: DAY1, DAY2.id: DAY2})
_counter = iter(range(1, 10_000))


def said(item: AttentionItem) -> str:
    """The item's reasons as the log words them."""
    return reason_text(item.reasons, "en")


def intent(kind: IntentKind, sender: str, **fields: Any) -> Intent:
    fields.setdefault("answer_to", f"<m{next(_counter)}@omnia.test>")
    return Intent(kind=kind, sender=sender, **fields)


def person(name: str, address: str, org: str = "Omnia", role: Role = "staff",
           **fields: Any) -> PersonDetails:
    return PersonDetails(name=name, organisation=org, role=role, address=address, **fields)


def run(state: NetworkState, the_intent: Intent, now: datetime = NOW,
        rules: Rules = RULES) -> tuple[Decision, NetworkState]:
    decision = decide(the_intent, state, now, rules)
    for mail in decision.mails:  # every mail is one the renderer knows, with its context keys
        assert set(mail.context) == set(CATALOGUE[mail.template]), mail.template
    return decision, apply_decision(state, decision)


def mails_to(decision: Decision, address: str) -> list[MailRequest]:
    return [m for m in decision.mails if m.to == address]


def sign_up_omnia(count: int, state: NetworkState = EMPTY) -> NetworkState:
    for i in range(1, count + 1):
        _, state = run(state, intent("signup", f"p{i}@omnia.test",
                                     people=(person(f"Person {i}", ""),)))
    return state


def test_signup_registers_creates_the_organisation_and_confirms() -> None:
    maija = "maija@omnia.test"
    the_intent = intent("signup", maija, people=(person("Maija Mallikas", "", role="management"),))
    decision, state = run(EMPTY, the_intent)
    registered = state.people[maija]
    assert (registered.name, registered.org, registered.role) == ("Maija Mallikas", "omnia", "management")
    assert registered.status == "registered"
    assert registered.registered_at == NOW
    assert state.organisations["omnia"].name == "Omnia"
    (mail,) = decision.mails
    assert mail.to == maija
    assert mail.template == "signup_confirmation"
    assert mail.key == f"confirm:{the_intent.answer_to}:{maija}"
    assert mail.in_reply_to == the_intent.answer_to
    assert mail.auto == "auto-replied"
    assert [d.id for d in mail.context["days"]] == [DAY1.id, DAY2.id]
    assert decision.summary == "signup: Maija Mallikas (Omnia, management) registered; 1 mail"


def test_signup_for_one_day_lists_only_that_day() -> None:
    decision, state = run(EMPTY, intent("signup", "a@keuda.test", day=DAY2.id,
                                        people=(person("Aino", "", org="Keuda"),)))
    assert state.people["a@keuda.test"].days == (DAY2.id,)
    assert [d.id for d in decision.mails[0].context["days"]] == [DAY2.id]


def test_coordinator_signing_up_three_colleagues_sends_each_their_own_confirmation() -> None:
    colleagues = tuple(person(f"Kollega {i}", f"k{i}@stadi.test", org="Stadi") for i in (1, 2, 3))
    decision, state = run(EMPTY, intent("signup", "koordinaattori@stadi.test", people=colleagues))
    assert sorted(m.to for m in decision.mails) == ["k1@stadi.test", "k2@stadi.test", "k3@stadi.test"]
    assert {m.template for m in decision.mails} == {"signup_confirmation"}
    assert "koordinaattori@stadi.test" not in state.people
    assert all(state.people[f"k{i}@stadi.test"].status == "registered" for i in (1, 2, 3))


def test_fifth_and_sixth_of_an_organisation_are_waitlisted_in_order() -> None:
    state = sign_up_omnia(4)
    decision5, state = run(state, intent("signup", "p5@omnia.test", people=(person("P5", ""),)))
    decision6, state = run(state, intent("signup", "p6@omnia.test", people=(person("P6", ""),)))
    assert [state.people[f"p{i}@omnia.test"].status for i in range(1, 7)] == ["registered"] * 4 + ["waitlisted"] * 2
    assert state.people["p5@omnia.test"].waitlist_position == 1
    assert state.people["p6@omnia.test"].waitlist_position == 2
    assert decision6.mails[0].template == "waitlist_notice"
    assert decision6.mails[0].context["position"] == 2
    assert "waitlisted (#1)" in decision5.summary
    # another organisation is not affected by Omnia's cap
    _, state = run(state, intent("signup", "s@stadi.test", people=(person("S", "", org="Stadi"),)))
    assert state.people["s@stadi.test"].status == "registered"


def test_cap_applies_within_one_message_too() -> None:
    many = tuple(person(f"P{i}", f"p{i}@omnia.test") for i in range(1, 7))
    _, state = run(EMPTY, intent("signup", "hr@omnia.test", people=many))
    positions = [state.people[f"p{i}@omnia.test"].waitlist_position for i in range(1, 7)]
    assert positions == [None, None, None, None, 1, 2]


def test_guests_do_not_take_places() -> None:
    state = sign_up_omnia(3)
    _, state = run(state, intent("signup", "kumppani@yritys.test",
                                 people=(person("Kumppani", "", role="guest"),)))
    _, state = run(state, intent("signup", "p4@omnia.test", people=(person("P4", ""),)))
    assert state.people["p4@omnia.test"].status == "registered"
    decision, state = run(state, intent("signup", "asiakas@yritys.test",
                                        people=(person("Asiakas", "", role="guest"),)))
    assert state.people["asiakas@yritys.test"].status == "registered"
    assert decision.mails[0].template == "signup_confirmation"
    _, state = run(state, intent("signup", "p5@omnia.test", people=(person("P5", ""),)))
    assert state.people["p5@omnia.test"].waitlist_position == 1


def test_signing_up_again_unchanged_confirms_once_only() -> None:
    state = sign_up_omnia(1)
    again1, state = run(state, intent("signup", "p1@omnia.test", people=(person("Person 1", ""),)))
    again2, state = run(state, intent("signup", "p1@omnia.test", people=(person("Person 1", ""),)))
    assert len(again1.mails) == 1
    assert again1.mails[0].key == again2.mails[0].key
    assert sum(1 for p in state.people.values() if p.org == "omnia") == 1


def test_signup_that_changes_details_needs_the_address_to_confirm() -> None:
    state = sign_up_omnia(1)
    changed = intent("signup", "p1@omnia.test", people=(person("Person 1", "", diet="vegaani"),))
    decision, after = run(state, changed)
    assert after.people["p1@omnia.test"].diet == ""
    (mail,) = decision.mails
    assert mail.template == "confirm_request"
    assert mail.to == "p1@omnia.test"
    assert "vegaani" in mail.context["action"]
    assert decision.summary == "signup: correction waits for p1@omnia.test to confirm; 1 mail"
    applied, after = run(state, Intent(**{**changed.__dict__, "authenticated": True}))
    assert after.people["p1@omnia.test"].diet == "vegaani"
    assert applied.mails[0].template == "signup_confirmation"


def test_cancel_promotes_the_first_waitlisted_and_renumbers() -> None:
    state = sign_up_omnia(7)  # p5, p6, p7 waitlisted 1, 2, 3
    decision, state = run(state, intent("cancel", "p2@omnia.test", authenticated=True))
    assert state.people["p2@omnia.test"].status == "cancelled"
    assert state.people["p5@omnia.test"].status == "registered"
    assert state.people["p5@omnia.test"].waitlist_position is None
    assert state.people["p6@omnia.test"].waitlist_position == 1
    assert state.people["p7@omnia.test"].waitlist_position == 2
    assert [m.template for m in mails_to(decision, "p2@omnia.test")] == ["cancel_confirmation"]
    (offer,) = mails_to(decision, "p5@omnia.test")
    assert offer.template == "place_offered"
    assert offer.key == "place:omnia:p5@omnia.test"
    # not an answer to anything p5 wrote: not threaded, and marked auto-generated
    assert offer.auto == "auto-generated"
    assert offer.in_reply_to == ""
    assert mails_to(decision, "p6@omnia.test") == []
    registered = [p for p in state.people.values() if p.org == "omnia" and p.status == "registered"]
    assert len(registered) == 4


def test_waitlisted_person_cancelling_moves_the_queue_up() -> None:
    state = sign_up_omnia(7)
    _, state = run(state, intent("cancel", "p5@omnia.test", authenticated=True))
    assert state.people["p6@omnia.test"].waitlist_position == 1
    assert state.people["p7@omnia.test"].waitlist_position == 2
    assert state.people["p5@omnia.test"].waitlist_position is None


def test_cancel_for_one_day_of_several_is_an_rsvp_no() -> None:
    state = sign_up_omnia(1)
    decision, state = run(state, intent("cancel", "p1@omnia.test", day=DAY1.id))
    assert state.people["p1@omnia.test"].status == "registered"
    assert state.rsvps[(DAY1.id, "p1@omnia.test")].answer == "no"
    assert decision.mails[0].template == "rsvp_confirmation"


def test_a_waitlisted_persons_cancel_for_one_day_does_not_end_the_registration() -> None:
    state = sign_up_omnia(5)
    decision, state = run(state, intent("cancel", "p5@omnia.test", day=DAY1.id))
    assert state.people["p5@omnia.test"].status == "waitlisted"
    (item,) = [r for r in decision.records if isinstance(r, AttentionItem)]
    assert [r.code for r in item.reasons] == ["rsvp_status"]


def test_cancel_for_the_only_day_one_is_registered_for_ends_the_registration() -> None:
    _, state = run(EMPTY, intent("signup", "p1@omnia.test", days=(DAY1.id,),
                                 people=(person("Person 1", ""),)))
    _, state = run(state, intent("cancel", "p1@omnia.test", day=DAY1.id, authenticated=True))
    assert state.people["p1@omnia.test"].status == "cancelled"


def test_spoofed_cancel_is_not_applied_but_the_registered_address_is_asked() -> None:
    state = sign_up_omnia(5)
    forged = intent("cancel", "p1@omnia.test", authenticated=False)
    decision, after = run(state, forged)
    assert after.people["p1@omnia.test"].status == "registered"
    assert after.people["p5@omnia.test"].status == "waitlisted"
    (mail,) = decision.mails
    assert mail.template == "confirm_request"
    assert mail.to == "p1@omnia.test"
    token = mail.context["token"]
    assert mail.key == f"confirm-request:{token}"
    pending = after.pending[token]
    assert pending.address == "p1@omnia.test"
    assert not pending.done
    assert pending.expires_at == NOW + timedelta(hours=72)


def _pending_cancel() -> tuple[NetworkState, str]:
    state = sign_up_omnia(5)
    decision, state = run(state, intent("cancel", "p1@omnia.test"))
    return state, decision.mails[0].context["token"]


def test_confirm_from_the_registered_address_applies_the_change() -> None:
    state, token = _pending_cancel()
    reply = intent("confirm", "p1@omnia.test", token=token.lower())
    decision, state = run(state, reply, NOW + timedelta(hours=5))
    assert state.people["p1@omnia.test"].status == "cancelled"
    assert state.people["p5@omnia.test"].status == "registered"
    assert state.pending[token].done
    (cancel,) = mails_to(decision, "p1@omnia.test")
    assert cancel.template == "cancel_confirmation"
    assert cancel.in_reply_to == reply.answer_to
    assert [m.template for m in mails_to(decision, "p5@omnia.test")] == ["place_offered"]
    # the same token a second time does nothing more
    again, state = run(state, intent("confirm", "p1@omnia.test", token=token))
    assert again.mails[0].template == "attention_ack"
    assert "unknown or expired token" in again.summary


def test_a_pending_change_survives_the_store_and_still_applies() -> None:
    state, token = _pending_cancel()
    stored = PendingAction.from_doc(json.loads(json.dumps(state.pending[token].to_doc())))
    state = NetworkState(**{**state.__dict__, "pending": {token: stored}})
    _, state = run(state, intent("confirm", "p1@omnia.test", token=token))
    assert state.people["p1@omnia.test"].status == "cancelled"


def test_confirm_token_from_the_wrong_address_is_rejected() -> None:
    state, token = _pending_cancel()
    decision, after = run(state, intent("confirm", "hyokkaaja@evil.test", token=token))
    assert after.people["p1@omnia.test"].status == "registered"
    assert not after.pending[token].done
    (item,) = after.attention.values()
    assert said(item) == "confirmation token from the wrong address"
    assert [m.template for m in decision.mails] == ["attention_ack"]
    assert decision.mails[0].to == "hyokkaaja@evil.test"


def test_expired_token_is_rejected() -> None:
    state, token = _pending_cancel()
    late = NOW + timedelta(hours=72, seconds=1)
    _, after = run(state, intent("confirm", "p1@omnia.test", token=token), late)
    assert after.people["p1@omnia.test"].status == "registered"
    assert said(next(iter(after.attention.values()))) == "unknown or expired token"


def test_unknown_token_is_rejected() -> None:
    state, _ = _pending_cancel()
    _, after = run(state, intent("confirm", "p1@omnia.test", token="VAHVISTA-ABCDEFGH"))
    assert after.people["p1@omnia.test"].status == "registered"
    assert said(next(iter(after.attention.values()))) == "unknown or expired token"


def test_cancel_from_an_unknown_address_needs_attention() -> None:
    decision, after = run(sign_up_omnia(1), intent("cancel", "stranger@example.org"))
    assert said(next(iter(after.attention.values()))) == "cancellation from an address that is not registered"
    assert [m.template for m in decision.mails] == ["attention_ack"]


def test_substitute_takes_the_senders_place() -> None:
    state = sign_up_omnia(4)
    sub = PersonDetails(name="Sanna Sijainen", address="sanna@omnia.test")
    decision, state = run(state, intent("substitute", "p2@omnia.test", people=(sub,), authenticated=True))
    assert state.people["p2@omnia.test"].status == "cancelled"
    sanna = state.people["sanna@omnia.test"]
    assert (sanna.status, sanna.org, sanna.role, sanna.name) == ("registered", "omnia", "staff", "Sanna Sijainen")
    assert sorted(m.to for m in decision.mails) == ["p2@omnia.test", "sanna@omnia.test"]
    assert {m.template for m in decision.mails} == {"substitute_confirmation"}
    assert all(m.context["substitute"].address == "sanna@omnia.test" for m in decision.mails)
    assert sum(1 for p in state.people.values() if p.org == "omnia" and p.status == "registered") == 4


def test_unauthenticated_substitute_waits_for_confirmation() -> None:
    state = sign_up_omnia(2)
    sub = PersonDetails(name="Sanna Sijainen", address="sanna@omnia.test")
    decision, after = run(state, intent("substitute", "p2@omnia.test", people=(sub,)))
    assert "sanna@omnia.test" not in after.people
    assert [(m.template, m.to) for m in decision.mails] == [("confirm_request", "p2@omnia.test")]
    assert "sanna@omnia.test" in decision.mails[0].context["action"]
    token = decision.mails[0].context["token"]
    _, after = run(after, intent("confirm", "p2@omnia.test", token=token))
    assert after.people["sanna@omnia.test"].status == "registered"
    assert after.people["p2@omnia.test"].status == "cancelled"


def test_a_substitute_named_without_an_address_asks_the_sender_for_it() -> None:
    state = sign_up_omnia(2)
    sub = PersonDetails(name="Sanna Sijainen")
    decision, after = run(state, intent("substitute", "p2@omnia.test", people=(sub,),
                                        day=DAY1.id))
    assert dict(after.people) == dict(state.people)  # nothing changes until the address comes
    assert not any(isinstance(r, AttentionItem) for r in decision.records)
    (mail,) = decision.mails
    assert (mail.template, mail.to, mail.day) == ("substitute_address_request",
                                                  "p2@omnia.test", DAY1.id)
    assert mail.context["substitute_name"] == "Sanna Sijainen"


def test_a_substitute_named_without_an_address_by_a_stranger_waits() -> None:
    decision, _ = run(sign_up_omnia(1), intent(
        "substitute", "stranger@omnia.test", people=(PersonDetails(name="Sanna Sijainen"),)))
    assert "substitute_address_request" not in {m.template for m in decision.mails}
    assert any(isinstance(r, AttentionItem) for r in decision.records)


def test_correction_to_another_organisation_rechecks_the_cap() -> None:
    state = sign_up_omnia(5)  # p5 waitlisted at Omnia
    for i in range(1, 5):
        _, state = run(state, intent("signup", f"s{i}@stadi.test", people=(person("S", "", org="Stadi"),)))
    moved = intent("correction", "p1@omnia.test", people=(PersonDetails(organisation="Stadi"),),
                   authenticated=True)
    decision, state = run(state, moved)
    p1 = state.people["p1@omnia.test"]
    assert (p1.org, p1.status, p1.waitlist_position) == ("stadi", "waitlisted", 1)
    assert state.people["p5@omnia.test"].status == "registered"  # Omnia's freed place
    (confirmation,) = mails_to(decision, "p1@omnia.test")
    assert confirmation.template == "correction_confirmation"
    assert any("Stadi" in c for c in confirmation.context["changes"])


def test_correction_of_name_and_diet_lists_the_changes() -> None:
    state = sign_up_omnia(1)
    fix = intent("correction", "p1@omnia.test", language="en", authenticated=True,
                 people=(PersonDetails(name="Person Yksi", diet="gluteeniton"),))
    decision, state = run(state, fix)
    assert state.people["p1@omnia.test"].name == "Person Yksi"
    assert decision.mails[0].context["changes"] == ["name: Person 1 → Person Yksi",
                                                    "special diet: – → gluteeniton"]


def test_a_role_change_is_listed_with_the_role_names_used_everywhere() -> None:
    from mailflow.core.writing.formatting import role_label

    state = sign_up_omnia(1)
    fix = intent("correction", "p1@omnia.test", language="fi", authenticated=True,
                 people=(PersonDetails(role="supervisor"),))
    decision, state = run(state, fix)
    assert state.people["p1@omnia.test"].role == "supervisor"
    [change] = decision.mails[0].context["changes"]
    assert change.endswith(f"→ {role_label('supervisor', 'fi')}")  # as the digest names it
    assert change == "rooli: henkilöstö → oppisopimustoiminnan esihenkilö"


def test_commit_marks_the_organisation_committed() -> None:
    state = sign_up_omnia(1)
    decision, state = run(state, intent("commit", "p1@omnia.test", authenticated=True))
    assert state.organisations["omnia"].committed
    assert state.organisations["omnia"].committed_at == NOW
    assert decision.mails[0].template == "commit_confirmation"
    _, state = run(state, intent("commit", "stranger@example.org"))
    assert "not registered" in said(next(iter(state.attention.values())))


def test_rsvp_for_a_known_day_is_recorded_and_confirmed() -> None:
    state = sign_up_omnia(1)
    decision, state = run(state, intent("rsvp_yes", "p1@omnia.test", day=DAY1.id))
    assert state.rsvps[(DAY1.id, "p1@omnia.test")].answer == "yes"
    assert decision.mails[0].template == "rsvp_confirmation"
    assert decision.mails[0].context["day"] == DAY1
    _, state = run(state, intent("rsvp_no", "p1@omnia.test", day=DAY1.id))
    assert state.rsvps[(DAY1.id, "p1@omnia.test")].answer == "no"


def test_rsvp_for_an_unknown_day_needs_attention() -> None:
    state = sign_up_omnia(1)
    decision, after = run(state, intent("rsvp_yes", "p1@omnia.test", day="2017-01-01",
                                        subject="Osallistun", notes=("Osallistun tammikuussa",)))
    assert not after.rsvps
    (item,) = after.attention.values()
    assert "unknown network day" in said(item)
    assert item.excerpt == "Osallistun tammikuussa"
    assert [m.template for m in decision.mails] == ["attention_ack"]


def test_rsvp_from_an_unregistered_address_needs_attention() -> None:
    _, after = run(sign_up_omnia(1), intent("rsvp_yes", "someone@example.org", day=DAY1.id))
    assert not after.rsvps
    assert said(next(iter(after.attention.values()))) == "RSVP from an address that is not registered"


def test_rsvp_for_a_cancelled_day_needs_attention() -> None:
    state = sign_up_omnia(1)
    state = NetworkState(**{**state.__dict__, "days": {DAY1.id: DAY1.replace(cancelled=True)}})
    _, after = run(state, intent("rsvp_yes", "p1@omnia.test", day=DAY1.id))
    assert not after.rsvps
    assert after.attention


def test_interest_list_join_and_leave() -> None:
    decision, state = run(EMPTY, intent("interest_join", "kiinnostunut@keuda.test"))
    assert state.interest["kiinnostunut@keuda.test"].subscribed
    assert decision.mails[0].template == "interest_welcome"
    assert decision.mails[0].list_mail
    decision, state = run(state, intent("interest_leave", "kiinnostunut@keuda.test"))
    assert not state.interest["kiinnostunut@keuda.test"].subscribed
    assert decision.mails[0].template == "interest_goodbye"


def test_export_goes_only_to_the_address_itself_with_only_its_data() -> None:
    state = sign_up_omnia(2)
    _, state = run(state, intent("rsvp_yes", "p1@omnia.test", day=DAY1.id))
    _, state = run(state, intent("rsvp_yes", "p2@omnia.test", day=DAY1.id))
    _, state = run(state, intent("interest_join", "p1@omnia.test"))
    decision, after = run(state, intent("export_request", "p1@omnia.test"))
    (mail,) = decision.mails
    assert mail.to == "p1@omnia.test"
    assert mail.template == "data_export"
    data = json.loads(mail.context["data_json"])
    assert data["person"]["name"] == "Person 1"
    assert [r["day_id"] for r in data["rsvps"]] == [DAY1.id]
    assert data["interest"]["subscribed"] is True
    assert "p2@omnia.test" not in mail.context["data_json"]
    assert after == state  # exporting changes nothing


def test_forget_erases_and_frees_the_place() -> None:
    state = sign_up_omnia(5)
    _, state = run(state, intent("rsvp_yes", "p1@omnia.test", day=DAY1.id))
    asked, after = run(state, intent("forget_request", "p1@omnia.test"))
    assert "p1@omnia.test" in after.people
    assert asked.mails[0].template == "confirm_request"
    decision, after = run(state, intent("forget_request", "p1@omnia.test", authenticated=True))
    assert decision.forget == ("p1@omnia.test",)
    assert [m.template for m in mails_to(decision, "p1@omnia.test")] == ["forget_done"]
    assert "p1@omnia.test" not in after.people
    assert (DAY1.id, "p1@omnia.test") not in after.rsvps
    assert after.people["p5@omnia.test"].status == "registered"


def test_same_intent_on_the_same_state_gives_the_same_keys_and_records() -> None:
    state = sign_up_omnia(5)
    for the_intent in (
        intent("signup", "new@stadi.test", people=(person("New", "", org="Stadi"),)),
        intent("cancel", "p1@omnia.test"),
        intent("cancel", "p1@omnia.test", authenticated=True),
        intent("rsvp_yes", "p1@omnia.test", day="nope"),
        intent("export_request", "p1@omnia.test"),
    ):
        first = decide(the_intent, state, NOW, RULES)
        second = decide(the_intent, state, NOW, RULES)
        assert [m.key for m in first.mails] == [m.key for m in second.mails]
        assert first == second


def test_attention_is_acknowledged_once_per_thread() -> None:
    first, state = run(EMPTY, intent("attention", "kysyja@keuda.test", subject="Kysymys hinnasta",
                                     reason=Reason.of("question")))
    second, state = run(state, intent("attention", "kysyja@keuda.test", subject="VS: Re: Kysymys hinnasta",
                                      reason=Reason.of("question")))
    assert first.mails[0].template == "attention_ack"
    assert first.mails[0].key == second.mails[0].key
    assert len(state.attention) == 2
    assert first.summary == "attention: a question for the facilitator; 1 mail"


def test_no_automatic_answer_to_ourselves_or_to_no_reply_addresses() -> None:
    for sender in ("verkosto@example.org", "vetaja@example.org", "noreply@omnia.test"):
        decision, state = run(EMPTY, intent("attention", sender, reason=Reason.of("question")))
        assert decision.mails == ()
        assert state.attention


def test_user_text_never_carries_a_line_break_into_mail_fields() -> None:
    evil = person("Maija\r\nBcc: all@example.org", "", org="Omnia\nX")
    decision, state = run(EMPTY, intent("signup", "maija@omnia.test", people=(evil,),
                                        subject="Hei\r\nBcc: all@example.org"))
    assert "\n" not in decision.mails[0].to_name
    assert "\r" not in decision.mails[0].to_name
    assert "\n" not in state.people["maija@omnia.test"].name
    ack, _ = run(EMPTY, intent("attention", "x@omnia.test", subject="Hei\r\nBcc: a@example.org"))
    assert "\n" not in ack.mails[0].context["subject"]
    assert "\r" not in ack.mails[0].key


def test_signup_missing_parts_needs_attention_but_keeps_the_rest() -> None:
    people = (person("Hyvä", "hyva@omnia.test"), person("Ei org", "x@omnia.test", org=""))
    decision, state = run(EMPTY, intent("signup", "hr@omnia.test", people=people))
    assert state.people["hyva@omnia.test"].status == "registered"
    assert "x@omnia.test" not in state.people
    assert sorted((m.template, m.to) for m in decision.mails) == [
        ("attention_ack", "hr@omnia.test"), ("signup_confirmation", "hyva@omnia.test")]
    assert "without an organisation" in said(next(iter(state.attention.values())))
    # two people without an address: the first is the sender, the second needs attention
    two = (person("Minä", ""), person("Ei osoitetta", ""))
    _, state = run(EMPTY, intent("signup", "mina@omnia.test", people=two))
    assert "mina@omnia.test" in state.people
    assert "without an address" in said(next(iter(state.attention.values())))


def test_several_problems_of_one_message_stay_several_reasons() -> None:
    people = (person("", "", org=""), person("Aino Laine", "aino@omnia.test", org=""),
              person("", "", org=""))
    _, state = run(EMPTY, intent("signup", "hr@omnia.test", people=people))
    (item,) = state.attention.values()
    # the nameless sender is signed up at their own address, without an organisation
    assert item.reasons == (Reason.of("signup_no_org", who="hr@omnia.test"),
                            Reason.of("signup_no_org", who="Aino Laine"),
                            Reason.of("signup_no_address", who=""))
    assert said(item) == ("sign-up for hr@omnia.test without an organisation; sign-up for "
                          "Aino Laine without an organisation; sign-up for a person without "
                          "an address")


def test_bounce_marks_known_addresses_failing_and_is_never_answered() -> None:
    state = sign_up_omnia(1)
    bounce = ParsedMessage(message_id="<b@mx.test>", key="<b@mx.test>", from_addr="mailer-daemon@mx.test",
                           robot="bounce", bounced=("P1@omnia.test", "unknown@omnia.test"))
    decision = decide_robot(bounce, state, NOW)
    assert decision.mails == ()
    after = apply_decision(state, decision)
    assert after.people["p1@omnia.test"].failing
    assert "unknown@omnia.test" not in after.people


def test_autoreply_records_nothing() -> None:
    auto = ParsedMessage(message_id="<a@omnia.test>", key="<a@omnia.test>", from_addr="p1@omnia.test",
                         robot="autoreply", subject="Automaattinen vastaus: Poissa toimistosta")
    decision = decide_robot(auto, sign_up_omnia(1), NOW)
    assert decision.records == ()
    assert decision.mails == ()
    assert decision.forget == ()


def test_mail_to_a_failing_address_is_still_requested() -> None:
    state = sign_up_omnia(1)
    state = apply_decision(state, Decision(records=(Person(address="p1@omnia.test", name="Person 1",
                                                           org="omnia", failing=True),)))
    decision, _ = run(state, intent("rsvp_yes", "p1@omnia.test", day=DAY1.id))
    assert [m.to for m in decision.mails] == ["p1@omnia.test"]


def test_confirm_request_token_is_found_back_in_a_reply() -> None:
    state = sign_up_omnia(1)
    decision, _ = run(state, intent("forget_request", "p1@omnia.test"))
    token = decision.mails[0].context["token"]
    assert find_token(f"> Vastaa koodilla {token}\n") == token


def test_messages_without_a_subject_are_each_acknowledged() -> None:
    first, state = run(EMPTY, intent("attention", "kysyja@keuda.test", reason=Reason.of("question")))
    second, _ = run(state, intent("attention", "kysyja@keuda.test", reason=Reason.of("question")))
    assert first.mails[0].key != second.mails[0].key


# --- the cap and the queue hold whatever order sign-ups and cancellations come in ------

SENDERS = [f"p{i}@omnia.test" for i in range(5)] + [f"p{i}@stadi.test" for i in range(3)]
KINDS = ["signup"] * 4 + ["guest", "cancel", "cancel", "forget", "move"]
SMALL = Rules(max_per_org=2, network_address="verkosto@example.org",
              facilitator="vetaja@example.org", secret="test-secret")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(SENDERS)), min_size=5, max_size=40))
def test_cap_and_waitlist_invariants_hold(steps: list[tuple[str, str]]) -> None:
    state = EMPTY
    for kind, sender in steps:
        org = "Omnia" if sender.endswith("omnia.test") else "Stadi"
        if kind in ("signup", "guest"):
            role: Role = "guest" if kind == "guest" else "staff"
            the_intent = intent("signup", sender, people=(person("X", "", org=org, role=role),))
        elif kind == "move":
            the_intent = intent("correction", sender, authenticated=True,
                                people=(PersonDetails(organisation="Stadi" if org == "Omnia" else "Omnia"),))
        else:
            the_intent = intent("cancel" if kind == "cancel" else "forget_request", sender,
                                authenticated=True)
        _, state = run(state, the_intent, rules=SMALL)
    for org in {p.org for p in state.people.values()}:
        members = [p for p in state.people.values() if p.org == org]
        placed = [p for p in members if p.status == "registered" and p.role != "guest"]
        waiting = [p.waitlist_position for p in members if p.status == "waitlisted"]
        queue = sorted(position for position in waiting if position is not None)
        assert len(queue) == len(waiting)  # everyone waiting has a place in the queue
        assert len(placed) <= SMALL.max_per_org
        assert queue == list(range(1, len(queue) + 1))  # 1, 2, 3... without gaps
        assert not queue or len(placed) == SMALL.max_per_org  # nobody waits for a free place
        assert all(p.waitlist_position is None for p in members if p.status != "waitlisted")
