"""Understanding ahead of a message's turn: the same intent as understanding at its turn,
and a clear "no" whenever what it read of the state has changed since."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from mailflow.core.model import Organisation, Person
from mailflow.core.organisations import OrgDirectory
from mailflow.core.state import apply_decision
from mailflow.core.understanding.intents import understand
from mailflow.core.values import Decision, NetworkState
from mailflow.intake.prepare import StateView, ViewChanges, prepare_all, still_holds
from mailflow.intake.preparer import Reader
from tests.unit.test_corpus import ALIASES, CASES, DOMAIN, OWN, network_state

READER = Reader(OWN, "", ALIASES)
AT = datetime(2026, 11, 2, 10, tzinfo=UTC)


def view_of(state: NetworkState, serial: int = 1) -> StateView:
    """A view brought up to ``state`` the way a pass publishes it to its worker."""
    view = StateView()
    view.apply(ViewChanges(serial=serial, days=dict(state.days.items()),
                           organisations=dict(state.organisations.items()),
                           people=dict(state.people.items())))
    return view


def tables(state: NetworkState) -> tuple[Any, Any]:
    return state.days, state.organisations


def directory(organisations: Any) -> OrgDirectory:
    """The directory the pass would build for a table of organisations."""
    return OrgDirectory.from_settings(ALIASES, organisations)


def mail(sender: str, text: str, subject: str = "Verkostopäivä") -> bytes:
    return (f"From: {sender}\r\nTo: {OWN}\r\nSubject: {subject}\r\n"
            f"Message-ID: <{abs(hash(text + sender))}@mail.test>\r\n"
            "Date: Mon, 02 Nov 2026 10:00:00 +0200\r\n\r\n" + text).encode()


def understood_now(raw: bytes, state: NetworkState) -> Any:
    (prepared,) = prepare_all([raw], StateView(), Reader(OWN, "", ()))
    assert prepared is not None
    orgs = OrgDirectory.from_settings(ALIASES, state.organisations)
    return understand(prepared.parsed, state, orgs, own_address=OWN, network_domain=DOMAIN)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_corpus_mail_is_understood_ahead_as_at_its_turn(path: Path) -> None:
    state = network_state()
    (prepared,) = prepare_all([path.read_bytes()], view_of(state), READER)
    assert prepared is not None
    if prepared.parsed.robot is not None:
        assert prepared.intent is None  # robots are not understood: decide_robot takes them
        return
    assert prepared.intent == understood_now(path.read_bytes(), state)
    assert still_holds(prepared, state, tables(state), directory)


def test_a_message_over_the_size_cap_stays_unread() -> None:
    assert prepare_all([None], StateView(), READER) == [None]


def test_a_sender_registered_since_the_view_makes_the_understanding_stale() -> None:
    before = network_state()
    newcomer = "kaisa.koskinen@omnia.test"
    raw = mail(f"Kaisa Koskinen <{newcomer}>", "Kyllä, tulen 9.12.")
    (ahead,) = prepare_all([raw], view_of(before), READER)
    assert ahead is not None
    assert ahead.intent is not None
    assert ahead.intent.kind == "signup"  # a yes from a stranger is a sign-up
    assert (newcomer, None) in ahead.seen
    after = apply_decision(before, Decision(records=(
        Person(newcomer, "Kaisa Koskinen", "omnia", "staff", registered_at=AT),)))
    assert after.days is before.days
    assert after.organisations is before.organisations
    assert still_holds(ahead, before, tables(before), directory)
    assert not still_holds(ahead, after, tables(before), directory)
    assert understood_now(raw, after).kind == "rsvp_yes"  # what the pass then finds


def test_other_people_changing_leaves_the_understanding_good() -> None:
    before = network_state()
    raw = mail("Maija Mallikas <maija.mallikas@omnia.test>", "Kyllä, tulen 9.12.")
    (ahead,) = prepare_all([raw], view_of(before), READER)
    assert ahead is not None
    after = apply_decision(before, Decision(records=(
        Person("someone@keuda.test", "Joku Muu", "keuda", "staff", registered_at=AT),
        replace(before.people["liisa.laine@keuda.test"], status="cancelled"),
    )))
    assert still_holds(ahead, after, tables(before), directory)


def test_a_changed_day_makes_every_understanding_stale() -> None:
    before = network_state()
    raw = mail("Maija Mallikas <maija.mallikas@omnia.test>", "Kyllä, tulen 9.12.")
    (ahead,) = prepare_all([raw], view_of(before), READER)
    assert ahead is not None
    new_day = apply_decision(before, Decision(records=(
        replace(before.days["2026-12-09"], place="Muualla"),)))
    assert not still_holds(ahead, new_day, tables(before), directory)


def test_a_new_organisation_makes_stale_only_what_asked_about_it() -> None:
    before = network_state()
    unrelated = mail("Maija Mallikas <maija.mallikas@omnia.test>", "Kyllä, tulen 9.12.")
    asking = mail("Ville Virtanen <ville@varia.test>",
                  "Ilmoittaudun verkostopäivään.\n\nNimi: Ville Virtanen\n"
                  "Organisaatio: Varia\nRooli: opettaja\n", subject="Ilmoittautuminen")
    (kept, stale) = prepare_all([unrelated, asking], view_of(before), READER)
    assert kept is not None
    assert stale is not None
    new_org = apply_decision(before, Decision(records=(
        Organisation("varia", "Vantaan ammattiopisto Varia", aliases=("varia.test",)),)))
    assert new_org.organisations is not before.organisations
    # Maija's yes never asked about Varia: understood now, it is the same
    assert still_holds(kept, new_org, tables(before), directory)
    assert kept.intent == understood_now(unrelated, new_org)
    # Ville's sign-up looked Varia up and found nothing then; now it finds the record
    assert any(org is None for _, what, org in stale.orgs_seen if "aria" in what)
    assert not still_holds(stale, new_org, tables(before), directory)  # understood again


@pytest.mark.parametrize("added", [
    Organisation("varia", "Vantaan ammattiopisto Varia", aliases=("varia.test",)),
    Organisation("omnia", "Omnia uudella nimellä", aliases=("omnia.test", "omnia")),
    Organisation("stadi", "Stadin ammatti- ja aikuisopisto", aliases=("stadi.test",)),
    Organisation("mallikas", "Mallikas Oy", aliases=("mail.test",)),
], ids=["new", "renamed", "another-new", "a-common-domain"])
def test_an_understanding_said_to_hold_after_an_organisation_changed_is_the_one_now(
    added: Organisation,
) -> None:
    before = network_state()
    after = apply_decision(before, Decision(records=(added,)))
    held = 0
    for path in CASES:
        (ahead,) = prepare_all([path.read_bytes()], view_of(before), READER)
        if ahead is None or ahead.intent is None:
            continue
        if still_holds(ahead, after, tables(before), directory):
            held += 1
            assert ahead.intent == understood_now(path.read_bytes(), after), path.name
    assert held > 20  # most of the corpus never asks about that organisation


def test_the_view_follows_the_changes_published_to_it() -> None:
    state = network_state()
    view = view_of(state)
    gone = "maija.mallikas@omnia.test"
    view.apply(ViewChanges(people={gone: None}))
    raw = mail(f"Maija Mallikas <{gone}>", "Kyllä, tulen 9.12.")
    (ahead,) = prepare_all([raw], view, READER)
    assert ahead is not None
    assert ahead.intent is not None
    assert (gone, None) in ahead.seen
    assert ahead.intent.kind == "signup"
    assert not still_holds(ahead, state, tables(state), directory)  # she is registered in the state
    view.apply(ViewChanges(serial=2, days={}, organisations={}))
    assert view.serial == 2
    assert not view.days
    assert not view.organisations


def test_an_understanding_that_reads_more_than_people_by_address_is_not_vouched_for() -> None:
    def reads_everyone(msg: Any, state: NetworkState, *args: Any, **kwargs: Any) -> Any:
        return understand(msg, state, *args, **kwargs) if len(state.people) >= 0 else None

    def reads_rsvps(msg: Any, state: NetworkState, *args: Any, **kwargs: Any) -> Any:
        return understand(msg, state, *args, **kwargs) if not state.rsvps else None

    raw = mail("Maija Mallikas <maija.mallikas@omnia.test>", "Kyllä, tulen 9.12.")
    for wider in (reads_everyone, reads_rsvps):
        (ahead,) = prepare_all([raw], view_of(network_state()), READER, wider)
        assert ahead is not None, wider.__name__
        assert ahead.intent is None, wider.__name__
