"""The facilitator's digest: content for a realistic network, change detection, rendering."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow.core.model import (
    AttentionItem,
    CostItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    OutgoingMail,
    Person,
    Reason,
    Role,
    Rsvp,
    RsvpAnswer,
)
from mailflow.core.schedule.digest import Digest, build_digest, text_bar
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import MailRequest, NetworkState
from mailflow.core.writing.render import Renderer

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 4, 14, 8, 0, tzinfo=TZ)
SINCE = NOW - timedelta(days=1)
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

ORG_NAMES = [
    "Omnia", "Stadin ammattiopisto", "Keuda", "Varia", "Sedu", "Gradia", "Tredu",
    "Careeria", "Luovi", "Savon ammattiopisto", "Ammattiopisto Lappia", "Äänekosken opisto",
]
ROLES: list[Role] = ["management", "supervisor", "staff", "staff"]
SIZES = [5, 4, 4, 3, 4, 5, 4, 3, 4, 4, 3, 0]  # people per organisation, in ORG_NAMES order
FIRST = ["Aino", "Eero", "Helmi", "Juha", "Kaisa", "Lauri", "Minna", "Olli", "Riikka", "Sami"]
LAST = ["Laine", "Koski", "Virta", "Niemi", "Salo", "Aalto", "Heikkilä", "Mäkinen"]

DAY1 = NetworkDay(id="2026-04-22", date=date(2026, 4, 22), start=time(10), end=time(16),
                  place="Kuntatalo, Helsinki", title="Verkostopäivä 3")
DAY2 = NetworkDay(id="2026-06-10", date=date(2026, 6, 10), start=time(9, 30), end=time(15),
                  place="Kuntatalo, Helsinki", follow_up=True,
                  cost_items=(CostItem("asiantuntijapalkkio", Decimal("1800")),))
PAST = NetworkDay(id="2026-02-02", date=date(2026, 2, 2), start=time(10), end=time(16),
                  place="Kuntatalo")


def _key(name: str) -> str:
    return name.lower()


def sample_network(seed: int = 7) -> NetworkState:
    """12 organisations and 45 people: 4 places each, the rest waitlisted; a few guests,
    RSVPs for the coming day, two attention items and an interest list."""
    rng = random.Random(seed)
    orgs = {
        _key(n): Organisation(key=_key(n), name=n, committed=i % 4 == 0,
                              committed_at=NOW - timedelta(days=30) if i % 4 == 0 else None)
        for i, n in enumerate(ORG_NAMES)
    }
    people: dict[str, Person] = {}
    for org, size in zip(orgs, SIZES, strict=True):
        for n in range(1, size + 1):
            i = len(people)
            address = f"p{i:02d}@{org.split()[0].replace('ä', 'a')}.test"
            people[address] = Person(
                address=address,
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                org=org,
                role=ROLES[(n - 1) % 4] if org != "keuda" else "staff",  # keuda: staff only
                status="registered" if n <= 4 else "waitlisted",
                waitlist_position=n - 4 if n > 4 else None,
                registered_at=NOW - timedelta(days=40 - i % 30, hours=i),
            )
    for j, when in enumerate((NOW - timedelta(hours=5), NOW - timedelta(hours=3))):
        address = f"new{j}@gradia.test"
        people[address] = Person(address=address, name=f"Uusi Ihminen {j}", org="gradia",
                                 role="supervisor", status="waitlisted",
                                 waitlist_position=2 + j, registered_at=when)
    # 45 people in organisations: 43 + 2 new; plus a guest without one
    people["vieras@example.org"] = Person(address="vieras@example.org", name="Vera Vieras",
                                          org="", role="guest", status="invited",
                                          days=(DAY1.id,))
    rsvps = {}
    registered = sorted(a for a, p in people.items() if p.status == "registered")
    for k, address in enumerate(registered[:20]):
        answer: RsvpAnswer = "no" if k % 5 == 0 else "yes"
        rsvps[(DAY1.id, address)] = Rsvp(DAY1.id, address, answer,
                                         NOW - timedelta(days=2, minutes=k))
    attention = {
        "a1": AttentionItem(id="a1", message_key="<m1@example.org>", sender="p03@varia.test",
                            subject="Kysymys laskutuksesta", reasons=(Reason.of("not_understood"),),
                            excerpt="Hei,\r\nkuka maksaa <b>lounaan</b>?\n\n\n\nt. Olli",
                            at=NOW - timedelta(hours=2)),
        "a2": AttentionItem(id="a2", message_key="<m2@example.org>", sender="p04@sedu.test",
                            subject="Vanha asia", reasons=(Reason.of("no_intent"),), excerpt="Vanha",
                            at=NOW - timedelta(days=3)),
        "a3": AttentionItem(id="a3", message_key="<m3@example.org>", sender="p05@gradia.test",
                            subject="Hoidettu", reasons=(Reason.of("question"),), excerpt="x",
                            at=NOW - timedelta(hours=1), handled=True),
    }
    interest = {
        f"i{n}@example.org": InterestSubscription(f"i{n}@example.org", subscribed=n != 3,
                                                  at=NOW - timedelta(days=20))
        for n in range(8)
    }
    return NetworkState(organisations=orgs, people=people,
                        days={d.id: d for d in (DAY1, DAY2, PAST)}, rsvps=rsvps,
                        interest=interest, attention=attention)


def digest_of(state: NetworkState, since: datetime | None = SINCE,
              failed: list[OutgoingMail] | None = None, now: datetime = NOW) -> Digest:
    return build_digest(state, now, since, failed_mails=failed or [], max_per_org=4, tz=TZ)


def test_sample_network_is_the_promised_size() -> None:
    state = sample_network()
    assert len(state.organisations) == 12
    assert sum(1 for p in state.people.values() if p.org) == 45


def test_new_signups_are_those_registered_since_the_last_digest() -> None:
    d = digest_of(sample_network())
    assert [p.address for p in d.new_people] == ["new0@gradia.test", "new1@gradia.test"]
    assert all(p.new for p in d.new_people)


def test_every_organisation_has_a_roster_in_finnish_order() -> None:
    d = digest_of(sample_network())
    names = [r.name for r in d.rosters]
    assert len(names) == 12
    assert names[0] == "Ammattiopisto Lappia"
    assert names[-1] == "Äänekosken opisto"
    empty = d.rosters[-1]
    assert empty.people == ()
    assert empty.registered == 0
    assert empty.missing_roles == ("management", "supervisor", "staff")


def test_roster_counts_places_against_the_cap_and_orders_the_waitlist() -> None:
    d = digest_of(sample_network())
    gradia = next(r for r in d.rosters if r.key == "gradia")
    assert gradia.registered == 4
    assert gradia.cap == 4
    assert gradia.fill.percent == 100
    assert gradia.fill.text == "██████████ 4/4"
    assert [p.waitlist_position for p in gradia.waitlist] == [1, 2, 3]
    assert [p.status for p in gradia.people] == ["registered"] * 4 + ["waitlisted"] * 3
    assert d.registered == sum(r.registered for r in d.rosters) == 41
    assert d.waitlisted == 4


def test_role_coverage_shows_what_is_missing() -> None:
    d = digest_of(sample_network())
    keuda = next(r for r in d.rosters if r.key == "keuda")
    assert keuda.missing_roles == ("management", "supervisor")
    omnia = next(r for r in d.rosters if r.key == "omnia")
    assert omnia.missing_roles == ()


def test_rsvp_counts_for_each_coming_day() -> None:
    d = digest_of(sample_network())
    assert [r.day.id for r in d.days] == [DAY1.id, DAY2.id]  # the past day is left out
    day1 = d.days[0]
    # 41 registered + 1 invited guest; 20 answered: 4 no, 16 yes
    assert (day1.yes.part, day1.no.part, day1.no_answer.part) == (16, 4, 22)
    assert day1.invited == 42
    assert (day1.yes.percent, day1.no.percent, day1.no_answer.percent) == (38, 10, 52)
    assert day1.yes.text == "████░░░░░░ 16/42"
    day2 = d.days[1]  # the guest was invited to the first day only
    assert (day2.yes.part, day2.no_answer.part) == (0, 41)


def test_open_attention_items_are_listed_cleaned_and_quoted() -> None:
    d = digest_of(sample_network())
    assert [a.id for a in d.attention] == ["a2", "a1"]  # oldest first; handled one left out
    a1 = d.attention[1]
    assert a1.new
    assert not d.attention[0].new
    assert "\r" not in a1.excerpt
    assert "\n\n\n" not in a1.excerpt
    assert a1.quoted.splitlines()[0] == "> Hei,"
    assert "> kuka maksaa <b>lounaan</b>?" in a1.quoted


def test_bounces_failures_and_interest_list() -> None:
    state = sample_network()
    people = dict(state.people)
    people["p00@omnia.test"] = people["p00@omnia.test"].replace(failing=True)
    failed = OutgoingMail(key="reminder:x", to="p01@stadin.test", subject="Muistutus",
                          message_id="<r@example.org>", created_at=NOW - timedelta(hours=6),
                          status="failed", last_error="550 no such user")
    d = digest_of(NetworkState(**{**state.__dict__, "people": people}), failed=[failed])
    assert [b.address for b in d.bounced] == ["p00@omnia.test"]
    assert [(f.to, f.error, f.new) for f in d.failed] == [
        ("p01@stadin.test", "550 no such user", True)]
    assert d.interest_count == 7


def test_changed_when_something_happened_since() -> None:
    state = sample_network()
    assert digest_of(state).changed  # two sign-ups and an attention item in the last day
    quiet_since = NOW - timedelta(minutes=30)
    assert not digest_of(state, since=quiet_since).changed
    assert digest_of(state, since=None).changed


@pytest.mark.parametrize("what", ["rsvp", "interest", "commit", "failure", "attention"])
def test_each_kind_of_event_counts_as_a_change(what: str) -> None:
    state = sample_network()
    since = NOW - timedelta(minutes=30)
    moment = NOW - timedelta(minutes=10)
    failed: list[OutgoingMail] = []
    extra: dict[str, object] = {}
    if what == "rsvp":
        extra["rsvps"] = {**state.rsvps, ("d", "x@omnia.test"): Rsvp("d", "x@omnia.test",
                                                                      "yes", moment)}
    elif what == "interest":
        extra["interest"] = {"z@example.org": InterestSubscription("z@example.org", True,
                                                                   moment)}
    elif what == "commit":
        extra["organisations"] = {**state.organisations, "varia": state.organisations[
            "varia"].replace(committed=True, committed_at=moment)}
    elif what == "failure":
        failed = [OutgoingMail(key="k", to="x@omnia.test", subject="s", message_id="<k@x>",
                               created_at=moment, status="failed")]
    else:
        extra["attention"] = {"n": AttentionItem(id="n", message_key="k", sender="s",
                                                 subject="", reasons=(Reason.of("question"),), excerpt="", at=moment)}
    changed = NetworkState(**{**state.__dict__, **extra})
    assert digest_of(changed, since=since, failed=failed).changed


def test_events_after_now_do_not_count() -> None:
    state = sample_network()
    earlier = NOW - timedelta(hours=4)  # after one sign-up (5 h ago), before the other (3 h)
    d = digest_of(state, since=NOW - timedelta(hours=6), now=earlier)
    assert [p.address for p in d.new_people] == ["new0@gradia.test"]


def test_an_empty_network_has_nothing_to_report() -> None:
    d = digest_of(NetworkState(), since=None)
    assert not d.changed
    assert d.rosters == ()
    assert d.days == ()


def test_text_bar() -> None:
    assert text_bar(6, 10) == "██████░░░░ 6/10"
    assert text_bar(0, 0) == "░░░░░░░░░░ 0/0"
    assert text_bar(1, 3) == "███░░░░░░░ 1/3"


# --- rendering through the real renderer -----------------------------------------------------


def render_digest(lang: str, digest: Digest) -> tuple[str, str, str]:
    network = NetworkSettings(address="verkosto@example.org", facilitator="vetaja@example.org",
                              name="Asiakaslähtöisyys oppilaitoksissa")
    mail = Renderer(TEMPLATES, network, TZ).render(
        MailRequest(key="digest:2026-04-14", to="vetaja@example.org", template="digest",
                    language=lang, context={"digest": digest}, auto="auto-generated"),
        now=NOW,
    )
    return mail.subject, mail.text, mail.html


@pytest.mark.parametrize(("lang", "heading"), [("fi", "VASTAUKSET TULEVIIN PÄIVIIN"),
                                               ("en", "ANSWERS FOR THE COMING DAYS"),
                                               ("sv", "SVAR FÖR DE KOMMANDE DAGARNA")])
def test_the_digest_renders_with_bars_in_both_parts(lang: str, heading: str) -> None:
    subject, text, html = render_digest(lang, digest_of(sample_network()))
    assert heading in text
    assert "2" in subject
    assert "\n" not in subject
    assert "████░░░░░░ 16/42" in text
    assert "Uusi Ihminen 0" in text
    assert "Uusi Ihminen 0" in html
    assert 'width="100%"' in html
    assert "background-color:#2e7d32" in html
    assert "<img" not in html
    assert "class=" not in html
    assert "Äänekosken opisto" in text
    assert "Äänekosken opisto" in html
    assert "> kuka maksaa" in text


@pytest.mark.parametrize("lang", ["fi", "en", "sv"])
def test_user_text_in_the_digest_is_escaped_in_html(lang: str) -> None:
    state = sample_network()
    evil = AttentionItem(id="e", message_key="k", sender="x@example.org",
                         subject="<script>alert(1)</script>", reasons=(Reason.of("not_understood"),),
                         excerpt="{{ 7*7 }} <img src=x onerror=alert(1)>", at=NOW)
    d = digest_of(NetworkState(**{**state.__dict__, "attention": {"e": evil}}))
    _, text, html = render_digest(lang, d)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img src=x" not in html
    assert "{{ 7*7 }}" in text
    assert "49" not in text  # shown as text, never evaluated
