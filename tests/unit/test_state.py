"""apply_decision: records upserted by key, forgotten addresses erased everywhere."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from mailflow.core.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    PendingAction,
    Person,
    Reason,
    Rsvp,
)
from mailflow.core.state import apply_decision, state_from_records
from mailflow.core.values import Decision, NetworkState

NOW = datetime(2016, 9, 1, 9, 0, tzinfo=UTC)
MAIJA = "maija@omnia.test"
PEKKA = "pekka@stadi.test"


def _state() -> NetworkState:
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
                                 reasons=(Reason.of("not_understood"),), excerpt="...", at=NOW)],
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
    assert PEKKA in after.people
    assert ("d1", PEKKA) in after.rsvps
    assert set(after.organisations) == {"omnia", "stadi"}


def test_forget_wins_over_a_record_of_the_same_decision() -> None:
    state = _state()
    person = state.people[MAIJA].replace(name="Maija M.")
    after = apply_decision(state, Decision(records=(person,), forget=(MAIJA,)))
    assert MAIJA not in after.people


# --- versions: every state stays as it was, the newest is updated in place -----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ORGS = ["omnia", "stadi", "keuda"]
_STATUSES = ["registered", "waitlisted", "cancelled"]
_person = st.builds(
    lambda n, org, status, pos: Person(address=f"p{n}@omnia.test", name=f"P{n}", org=org,
                                       status=status,
                                       waitlist_position=pos if status == "waitlisted" else None),
    st.integers(0, 12), st.sampled_from(_ORGS), st.sampled_from(_STATUSES), st.integers(1, 9))
_step = st.one_of(
    st.lists(_person, min_size=1, max_size=3).map(lambda ps: Decision(records=tuple(ps))),
    st.integers(0, 12).map(lambda n: Decision(forget=(f"p{n}@omnia.test",))),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_step, max_size=25), st.data())
def test_every_version_reads_as_a_copy_would_and_the_index_follows(
    steps: list[Decision], data: st.DataObject
) -> None:
    states = [state_from_records(orgs=[], people=[], days=[], rsvps=[], interest=[],
                                 attention=[], pending=[])]
    expected: list[dict[str, Person]] = [{}]
    for decision in steps:
        states.append(apply_decision(states[-1], decision))
        if data.draw(st.booleans()):  # build the index now: later updates must keep it right
            states[-1].members("omnia", "waitlisted")
            states[-1].last_position(data.draw(st.sampled_from(_ORGS)))
        people = dict(expected[-1])
        for p in decision.records:
            people[p.address] = p
        for address in decision.forget:
            people.pop(address, None)
        expected.append(people)
    # read the versions in any order: each is what a copy would have held
    for i in data.draw(st.permutations(range(len(states)))):
        state, people = states[i], expected[i]
        assert dict(state.people) == people
        for org in _ORGS:
            for status in _STATUSES:
                assert dict(state.members(org, status)) == {
                    a: p for a, p in people.items() if (p.org, p.status) == (org, status)}
            assert state.last_position(org) == max(
                (p.waitlist_position or 0 for p in people.values()
                 if (p.org, p.status) == (org, "waitlisted")), default=0)


def test_a_dict_handed_in_is_never_changed() -> None:
    people = {MAIJA: Person(address=MAIJA, name="Maija", org="omnia")}
    state = NetworkState(people=people)
    apply_decision(state, Decision(records=(Person(address=PEKKA, name="Pekka", org="omnia"),)))
    assert set(people) == {MAIJA}
    assert set(state.people) == {MAIJA}
