"""apply_decision: records upserted by key, forgotten addresses erased everywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from mailflow.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    PendingAction,
    Person,
    Rsvp,
)
from mailflow.state import apply_decision, state_from_records
from mailflow.values import Decision

NOW = datetime(2016, 9, 1, 9, 0, tzinfo=UTC)
MAIJA = "maija@omnia.test"
PEKKA = "pekka@stadi.test"


def _state():
    return state_from_records(
        orgs=[Organisation(key="omnia", name="Omnia"), Organisation(key="stadi", name="Stadi")],
        people=[
            Person(address=MAIJA, name="Maija Mallikas", org="omnia", role="management"),
            Person(address=PEKKA, name="Pekka Puup", org="stadi", role="staff"),
        ],
        days=[NetworkDay(id="d1", date=date(2016, 10, 5), start=time(10), end=time(16),
                         place="Kuntatalo")],
        rsvps=[Rsvp(day_id="d1", address=MAIJA, answer="yes", at=NOW),
               Rsvp(day_id="d1", address=PEKKA, answer="no", at=NOW)],
        interest=[InterestSubscription(address=MAIJA, subscribed=True, at=NOW)],
        attention=[AttentionItem(id="att:<m1>", message_key="<m1>", sender=MAIJA, subject="?",
                                 reason="not understood", excerpt="...", at=NOW)],
        pending=[
            PendingAction(token="VAHVISTA-AAAAAAAA", address=MAIJA, intent={"kind": "cancel"},
                          created_at=NOW, expires_at=NOW + timedelta(hours=72)),
            PendingAction(token="VAHVISTA-BBBBBBBB", address=PEKKA,
                          intent={"kind": "substitute", "sender": PEKKA,
                                  "people": [{"address": MAIJA}]},
                          created_at=NOW, expires_at=NOW + timedelta(hours=72)),
        ],
    )


def test_state_from_records_keys_every_record() -> None:
    state = _state()
    assert set(state.organisations) == {"omnia", "stadi"}
    assert set(state.people) == {MAIJA, PEKKA}
    assert set(state.rsvps) == {("d1", MAIJA), ("d1", PEKKA)}
    assert set(state.pending) == {"VAHVISTA-AAAAAAAA", "VAHVISTA-BBBBBBBB"}


def test_records_are_upserted_by_key_and_the_old_state_is_untouched() -> None:
    state = _state()
    moved = state.people[MAIJA].replace(status="cancelled")
    new_rsvp = Rsvp(day_id="d1", address=PEKKA, answer="yes", at=NOW)
    new_org = Organisation(key="keuda", name="Keuda")
    after = apply_decision(state, Decision(records=(moved, new_rsvp, new_org)))
    assert after.people[MAIJA].status == "cancelled"
    assert after.rsvps[("d1", PEKKA)].answer == "yes"
    assert set(after.organisations) == {"omnia", "stadi", "keuda"}
    assert state.people[MAIJA].status == "registered"
    assert state.rsvps[("d1", PEKKA)].answer == "no"
    assert "keuda" not in state.organisations


def test_forget_erases_the_address_everywhere_and_nothing_else() -> None:
    after = apply_decision(_state(), Decision(forget=(" Maija@Omnia.test ",)))
    assert MAIJA not in after.people
    assert MAIJA not in after.interest
    assert all(addr != MAIJA for (_day, addr) in after.rsvps)
    assert not after.attention
    # both pending actions concern her: her own, and Pekka's naming her as substitute
    assert not after.pending
    assert PEKKA in after.people and ("d1", PEKKA) in after.rsvps
    assert set(after.organisations) == {"omnia", "stadi"}


def test_forget_wins_over_a_record_of_the_same_decision() -> None:
    state = _state()
    person = state.people[MAIJA].replace(name="Maija M.")
    after = apply_decision(state, Decision(records=(person,), forget=(MAIJA,)))
    assert MAIJA not in after.people
