"""A sign-up that names network days: the days still coming are the ones confirmed; a
sign-up for days that are over (passed or cancelled) is handed to the facilitator, never
confirmed for "all coming network days"."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from mailflow.core.values import NetworkState
from tests.unit.test_decide import DAY1, DAY2, EMPTY, NOW, intent, person, run, said

AFTER_DAY1 = NOW.replace(year=2016, month=11, day=1)  # DAY1 (5.10.) has passed, DAY2 coming


def test_a_sign_up_for_a_day_that_has_passed_goes_to_the_facilitator() -> None:
    aino = "aino@keuda.test"
    decision, state = run(EMPTY, intent("signup", aino, day=DAY1.id, days=(DAY1.id,),
                                        people=(person("Aino", "", org="Keuda"),)),
                          now=AFTER_DAY1)
    assert aino not in state.people
    (item,) = state.attention.values()
    assert said(item) == f"sign-up for a network day that has passed ({DAY1.id})"
    (mail,) = decision.mails
    assert (mail.to, mail.template) == (aino, "attention_ack")


def test_a_sign_up_for_a_cancelled_day_goes_to_the_facilitator() -> None:
    cancelled = NetworkState(days={DAY1.id: dataclasses.replace(DAY1, cancelled=True),
                                   DAY2.id: DAY2})
    _, state = run(cancelled, intent("signup", "aino@keuda.test", day=DAY1.id, days=(DAY1.id,),
                                     people=(person("Aino", "", org="Keuda"),)))
    (item,) = state.attention.values()
    assert said(item) == f"sign-up for a cancelled network day ({DAY1.id})"


def test_a_sign_up_for_a_passed_and_a_coming_day_is_confirmed_for_the_coming_one() -> None:
    aino = "aino@keuda.test"
    decision, state = run(EMPTY, intent("signup", aino, days=(DAY1.id, DAY2.id),
                                        people=(person("Aino", "", org="Keuda"),)),
                          now=AFTER_DAY1)
    assert state.people[aino].days == (DAY2.id,)
    (mail,) = decision.mails
    assert mail.template == "signup_confirmation"
    assert [d.id for d in mail.context["days"]] == [DAY2.id]
    assert f"left out {DAY1.id} (passed)" in decision.summary
    assert not state.attention


def test_the_day_itself_is_still_open_for_sign_ups() -> None:
    on_the_day = NOW.replace(month=10, day=5) + timedelta(hours=1)
    _, state = run(EMPTY, intent("signup", "aino@keuda.test", day=DAY1.id, days=(DAY1.id,),
                                 people=(person("Aino", "", org="Keuda"),)), now=on_the_day)
    assert state.people["aino@keuda.test"].days == (DAY1.id,)
