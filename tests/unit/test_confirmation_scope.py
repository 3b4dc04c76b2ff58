"""Which changes by mail wait for the registered address's token, as the README lists them.

Waits (unless our server vouched for the sender): cancelling the registration, a
substitute, a correction, erasure, and an organisation's commitment. Applies at once: an
answer to a day, whose confirmation goes to the registered address and says how to undo it.
"""

from __future__ import annotations

import pytest

from mailflow.core.rules.confirm import find_token
from mailflow.core.values import IntentKind
from tests.unit.test_decide import DAY1, intent, mails_to, person, run, said, sign_up_omnia

P1 = "p1@omnia.test"


@pytest.mark.parametrize(("kind", "fields"), [
    ("cancel", {}),
    ("substitute", {"people": (person("Olli Ojala", "olli@omnia.test"),)}),
    ("correction", {"people": (person("", "", diet="vegaani"),)}),
    ("forget_request", {}),
    ("commit", {}),
])
def test_a_change_from_an_unverified_sender_waits_for_the_token(
        kind: IntentKind, fields: dict[str, object]) -> None:
    before = sign_up_omnia(1)
    decision, after = run(before, intent(kind, P1, **fields))
    (mail,) = decision.mails
    assert (mail.to, mail.template) == (P1, "confirm_request")
    assert after.people == before.people
    assert after.organisations == before.organisations
    assert "waits for p1@omnia.test to confirm" in decision.summary


def test_a_commitment_applies_when_the_token_comes_back_from_the_registered_address() -> None:
    state = sign_up_omnia(1)
    decision, state = run(state, intent("commit", P1, language="en"))
    (request,) = decision.mails
    assert "commit Omnia to the network's follow-up work" in request.context["action"]
    token = find_token(request.context["token"])
    assert token is not None

    _, state = run(state, intent("confirm", "stranger@example.org", token=token))
    assert not state.organisations["omnia"].committed
    assert "from the wrong address" in said(next(iter(state.attention.values())))

    decision, state = run(state, intent("confirm", P1, token=token))
    assert state.organisations["omnia"].committed
    assert [m.template for m in mails_to(decision, P1)] == ["commit_confirmation"]


@pytest.mark.parametrize("kind", ["rsvp_no", "rsvp_yes"])
def test_an_answer_to_a_day_applies_at_once_and_is_confirmed_to_the_registered_address(
        kind: IntentKind) -> None:
    state = sign_up_omnia(1)
    decision, state = run(state, intent(kind, P1, day=DAY1.id))
    assert state.rsvps[(DAY1.id, P1)].answer == kind.removeprefix("rsvp_")
    assert state.people[P1].status == "registered"  # the place is kept either way
    (mail,) = decision.mails
    assert (mail.to, mail.template, mail.day) == (P1, "rsvp_confirmation", DAY1.id)
