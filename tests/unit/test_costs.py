"""Cost sharing: exact cent splits, who takes part, and a CSV Finnish Excel opens right."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mailflow.core.model import CostItem, NetworkDay, Organisation, Person, Rsvp
from mailflow.core.schedule.costs import (
    Share,
    attendee_counts,
    cost_csv,
    largest_remainder,
    money_text,
    participating_organisations,
    split_costs,
)
from mailflow.core.values import NetworkState

TZ = ZoneInfo("Europe/Helsinki")
AT = datetime(2026, 3, 1, 12, 0, tzinfo=TZ)

ORGS = [("omnia", "Omnia"), ("stadi", "Stadin ammattiopisto"), ("keuda", "Keuda")]


def test_a_price_that_divides_evenly_is_shared_equally() -> None:
    shares = split_costs(Decimal("1500.00"), ORGS)
    assert [s.amount for s in shares] == [Decimal("500.00")] * 3


def test_the_extra_cents_go_to_the_first_names_alphabetically() -> None:
    shares = split_costs(Decimal("1000.00"), ORGS)
    assert [(s.org_name, s.amount) for s in shares] == [
        ("Keuda", Decimal("333.34")),
        ("Omnia", Decimal("333.33")),
        ("Stadin ammattiopisto", Decimal("333.33")),
    ]
    assert sum(s.amount for s in shares) == Decimal("1000.00")


def test_two_cents_left_over_go_to_the_first_two() -> None:
    shares = split_costs(Decimal("0.05"), ORGS)
    assert [s.amount for s in shares] == [Decimal("0.02"), Decimal("0.02"), Decimal("0.01")]


def test_finnish_letters_sort_after_z() -> None:
    orgs = [("a", "Äänekosken opisto"), ("z", "Zeta"), ("o", "Omnia")]
    assert [s.org_name for s in split_costs(Decimal("3.00"), orgs)] == [
        "Omnia", "Zeta", "Äänekosken opisto",
    ]


def test_no_organisations_no_shares() -> None:
    assert split_costs(Decimal("900.00"), []) == []


def test_a_sponsored_day_costs_nothing() -> None:
    shares = split_costs(Decimal("0"), ORGS)
    assert [s.amount for s in shares] == [Decimal("0.00")] * 3


@pytest.mark.parametrize("total", [Decimal("-1.00"), Decimal("10.005")])
def test_a_total_that_is_not_whole_cents_is_refused(total: Decimal) -> None:
    with pytest.raises(ValueError, match="whole cents"):
        split_costs(total, ORGS)


def test_attendee_counts_fill_the_shares() -> None:
    shares = split_costs(Decimal("100.00"), ORGS, {"omnia": 3, "keuda": 1})
    assert {s.org_key: s.attendees for s in shares} == {"omnia": 3, "keuda": 1, "stadi": 0}


def test_largest_remainder_follows_weights() -> None:
    assert largest_remainder(100, [1, 1, 1]) == [34, 33, 33]
    assert largest_remainder(10, [7, 2, 1]) == [7, 2, 1]
    assert largest_remainder(100, [2, 1]) == [67, 33]
    assert largest_remainder(5, [0, 0]) == [0, 0]


def test_money_text_is_finnish() -> None:
    assert money_text(Decimal("1234.5")) == "1\u00a0234,50\u00a0€"


names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=1, max_size=12)


@given(
    cents=st.integers(min_value=0, max_value=10_000_000),
    orgs=st.dictionaries(st.text(min_size=1, max_size=8), names, min_size=1, max_size=40),
)
def test_shares_add_up_exactly_and_differ_by_at_most_a_cent(
    cents: int, orgs: dict[str, str]
) -> None:
    total = Decimal(cents) / 100
    shares = split_costs(total, list(orgs.items()))
    assert len(shares) == len(orgs)
    assert sum(s.amount for s in shares) == total
    amounts = [s.amount for s in shares]
    assert max(amounts) - min(amounts) <= Decimal("0.01")
    assert all(a == a.quantize(Decimal("0.01")) for a in amounts)


@given(
    cents=st.integers(min_value=0, max_value=1_000_000),
    orgs=st.dictionaries(st.text(min_size=1, max_size=8), names, min_size=1, max_size=12),
    data=st.data(),
)
def test_the_split_does_not_depend_on_the_input_order(
    cents: int, orgs: dict[str, str], data: st.DataObject
) -> None:
    items = list(orgs.items())
    shuffled = data.draw(st.permutations(items))
    total = Decimal(cents) / 100
    assert split_costs(total, items) == split_costs(total, shuffled)


# --- who takes part ---------------------------------------------------------------------

DAY = NetworkDay(
    id="2026-05-20", date=date(2026, 5, 20), start=time(10), end=time(16), place="Kuntatalo",
    follow_up=True, cost_items=(CostItem("asiantuntijapalkkio", Decimal("1200.00")),),
)
OTHER = NetworkDay(id="2026-09-01", date=date(2026, 9, 1), start=time(10), end=time(16),
                   place="Kuntatalo")


def person(address: str, org: str, **kw: Any) -> Person:
    return Person(address=address, name=address.split("@")[0], org=org, **kw)


def state_of(people: list[Person], rsvps: Iterable[Rsvp] = (), **orgs: bool) -> NetworkState:
    organisations = {
        key: Organisation(key=key, name=name, committed=orgs.get(key, False))
        for key, name in [*ORGS, ("keva", "Keva")]
    }
    return NetworkState(
        organisations=organisations,
        people={p.address: p for p in people},
        days={DAY.id: DAY, OTHER.id: OTHER},
        rsvps={(r.day_id, r.address): r for r in rsvps},
    )


def test_participating_means_at_least_one_attendee() -> None:
    state = state_of(
        [
            person("a@omnia.test", "omnia"),  # all days, no answer: attends
            person("b@stadi.test", "stadi", days=(OTHER.id,)),  # another day only
            person("c@keuda.test", "keuda"),  # said no
            person("d@keuda.test", "keuda", status="waitlisted", waitlist_position=1),
            person("e@example.org", "keva", role="guest"),  # guests never count
            person("f@stadi.test", "stadi", status="cancelled"),
        ],
        [Rsvp(DAY.id, "c@keuda.test", "no", AT)],
    )
    assert participating_organisations(DAY, state, "participating") == [("omnia", "Omnia")]


def test_a_yes_answer_counts_even_for_a_day_not_signed_up_for() -> None:
    state = state_of(
        [person("b@stadi.test", "stadi", days=(OTHER.id,))],
        [Rsvp(DAY.id, "b@stadi.test", "yes", AT)],
    )
    assert participating_organisations(DAY, state, "participating") == [
        ("stadi", "Stadin ammattiopisto")
    ]
    assert attendee_counts(DAY, state) == {"stadi": 1}


def test_committed_mode_counts_committed_organisations_only() -> None:
    state = state_of([person("a@omnia.test", "omnia")], keuda=True, keva=True)
    assert participating_organisations(DAY, state, "committed") == [
        ("keuda", "Keuda"), ("keva", "Keva"),
    ]


# --- the CSV ------------------------------------------------------------------------------


def test_csv_opens_in_finnish_excel() -> None:
    shares = split_costs(Decimal("1000.00"), ORGS, {"omnia": 2, "stadi": 3, "keuda": 1})
    data = cost_csv(DAY, shares, "fi")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert lines == [
        "Organisaatio;Osallistujia;Osuus (€)",
        "Keuda;1;333,34",
        "Omnia;2;333,33",
        "Stadin ammattiopisto;3;333,33",
        "Yhteensä;6;1000,00",
    ]


def test_csv_in_english_has_english_headers() -> None:
    data = cost_csv(DAY, split_costs(Decimal("10.00"), ORGS[:1]), "en")
    assert data.decode("utf-8-sig").split("\r\n")[0] == "Organisation;Attendees;Share (€)"


def test_csv_quotes_awkward_names_and_defuses_formulas() -> None:
    shares = [
        Share("x", 'Oy "Koulu"; Ab', Decimal("5.00")),
        Share("y", "=HYPERLINK(\"http://example.org\")", Decimal("5.00")),
    ]
    rows = list(csv.reader(io.StringIO(cost_csv(DAY, shares, "fi").decode("utf-8-sig")),
                           delimiter=";"))
    assert rows[1] == ['Oy "Koulu"; Ab', "0", "5,00"]
    assert rows[2][0].startswith("'=")
    assert rows[3] == ["Yhteensä", "0", "10,00"]
