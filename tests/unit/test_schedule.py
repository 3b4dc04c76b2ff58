"""What is due when: invitations, reminders, cancellations, digests and cost summaries.

The clock tests drive ``due_mails`` like the daemon does (a tick every 15 minutes, the
outbox dropping keys it has seen) through Helsinki's DST changes of 2026 (29 March and
25 October) and across downtime.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mailflow.core.catalogue import CATALOGUE
from mailflow.core.model import (
    AttentionItem,
    CostItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    OutgoingMail,
    Person,
    Reason,
    Rsvp,
)
from mailflow.core.schedule.costs import Share
from mailflow.core.schedule.digest import Digest
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import MailRequest, NetworkState
from mailflow.core.writing.render import Renderer

TZ = ZoneInfo("Europe/Helsinki")
FACILITATOR = "vetaja@example.org"
RULES = ScheduleRules(facilitator=FACILITATOR, tz=TZ)
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


def day(day_id: str, on: date, **kw: Any) -> NetworkDay:
    return NetworkDay(id=day_id, date=on, start=time(10), end=time(16), place="Kuntatalo", **kw)


def person(address: str, org: str = "omnia", **kw: Any) -> Person:
    kw.setdefault("registered_at", local(2026, 1, 5, 12))
    kw.setdefault("role", "staff")
    return Person(address=address, name=address.split("@")[0].title(), org=org, **kw)


def network(days: Iterable[NetworkDay], people: Iterable[Person], rsvps: Iterable[Rsvp] = (),
            **extra: Any) -> NetworkState:
    orgs = {k: Organisation(key=k, name=n) for k, n in
            [("omnia", "Omnia"), ("stadi", "Stadin ammattiopisto"), ("keuda", "Keuda")]}
    return NetworkState(
        organisations=extra.pop("organisations", orgs),
        days={d.id: d for d in days},
        people={p.address: p for p in people},
        rsvps={(r.day_id, r.address): r for r in rsvps},
        **extra,
    )


def due(state: NetworkState, now: datetime, rules: ScheduleRules = RULES,
        last_digest_at: datetime | None = None,
        failed: list[OutgoingMail] | None = None) -> list[MailRequest]:
    return due_mails(state, now, rules, last_digest_at=last_digest_at, failed_mails=failed or [])


def keys(mails: Iterable[MailRequest], prefix: str = "") -> list[str]:
    return [m.key for m in mails if m.key.startswith(prefix)]


MAY = day("2026-05-20", date(2026, 5, 20))


# --- invitations --------------------------------------------------------------------------------


def test_registered_people_and_invited_guests_are_invited() -> None:
    state = network([MAY], [
        person("a@omnia.test"),
        person("b@stadi.test", "stadi", language="en"),
        person("c@keuda.test", "keuda", status="waitlisted", waitlist_position=1),
        person("d@keuda.test", "keuda", status="cancelled"),
        person("e@example.org", "", role="guest", status="invited", days=(MAY.id,)),
        person("f@omnia.test", days=("another-day",)),
    ])
    mails = [m for m in due(state, local(2026, 5, 1, 12)) if m.template == "day_invitation"]
    assert keys(mails) == [
        "invite:2026-05-20:a@omnia.test:0",
        "invite:2026-05-20:b@stadi.test:0",
        "invite:2026-05-20:e@example.org:0",
    ]
    english = mails[1]
    assert english.to == "b@stadi.test"
    assert english.language == "en"
    assert english.calendar == "request"
    assert english.day == MAY.id
    assert english.auto == "auto-generated"
    assert english.context == {"person": state.people["b@stadi.test"], "day": MAY}


def test_people_who_declined_or_bounce_are_not_invited() -> None:
    state = network(
        [MAY],
        [person("a@omnia.test"), person("b@omnia.test"), person("c@omnia.test", failing=True)],
        [Rsvp(MAY.id, "b@omnia.test", "no", local(2026, 4, 1))],
    )
    assert keys(due(state, local(2026, 5, 1)), "invite:") == ["invite:2026-05-20:a@omnia.test:0"]


def test_a_changed_day_goes_out_again_once_as_day_changed() -> None:
    changed = MAY.replace(sequence=2, place="Paasitorni")
    state = network([changed], [person("a@omnia.test")])
    (mail,) = [m for m in due(state, local(2026, 5, 1)) if m.key.startswith("invite:")]
    assert mail.key == "invite:2026-05-20:a@omnia.test:2"
    assert mail.template == "day_changed"
    assert mail.calendar == "request"
    assert mail.context["changes"] == []
    assert mail.context["day"].place == "Paasitorni"


def test_nothing_is_sent_for_a_day_that_has_begun() -> None:
    state = network([MAY], [person("a@omnia.test")])
    assert keys(due(state, local(2026, 5, 20, 9, 59)), "invite:")
    assert [m.key for m in due(state, local(2026, 5, 20, 10, 0)) if m.day] == []


# --- reminders ------------------------------------------------------------------------------------


def test_reminders_come_at_the_reminder_hour_on_the_offset_days() -> None:
    state = network([MAY], [person("a@omnia.test")])
    assert keys(due(state, local(2026, 5, 13, 8, 59)), "reminder:") == []
    assert keys(due(state, local(2026, 5, 13, 9, 0)), "reminder:") == [
        "reminder:2026-05-20:a@omnia.test:7"]
    (mail,) = [m for m in due(state, local(2026, 5, 19, 9, 0)) if m.template == "day_reminder"]
    assert mail.key == "reminder:2026-05-20:a@omnia.test:1"
    assert mail.context["days_before"] == 1
    assert mail.calendar == "request"


def test_only_the_latest_passed_reminder_is_due() -> None:
    state = network([MAY], [person("a@omnia.test")])
    assert keys(due(state, local(2026, 5, 19, 23, 0)), "reminder:") == [
        "reminder:2026-05-20:a@omnia.test:1"]


def test_no_reminder_for_those_who_declined() -> None:
    state = network([MAY], [person("a@omnia.test"), person("b@omnia.test")],
                    [Rsvp(MAY.id, "a@omnia.test", "no", local(2026, 5, 2))])
    assert keys(due(state, local(2026, 5, 19, 9)), "reminder:") == [
        "reminder:2026-05-20:b@omnia.test:1"]


def test_who_signs_up_after_a_reminder_moment_gets_the_invitation_not_that_reminder() -> None:
    late = person("late@omnia.test", registered_at=local(2026, 5, 14, 15))
    state = network([MAY], [late])
    assert keys(due(state, local(2026, 5, 14, 15, 5))) == ["invite:2026-05-20:late@omnia.test:0"]
    assert "reminder:2026-05-20:late@omnia.test:1" in keys(due(state, local(2026, 5, 19, 9)))


# --- cancellations ------------------------------------------------------------------------------


def test_a_cancelled_day_sends_cancellations_until_it_would_have_ended() -> None:
    cancelled = MAY.replace(cancelled=True, sequence=1)
    state = network(
        [cancelled],
        [person("a@omnia.test"), person("b@omnia.test"),
         person("c@omnia.test", status="waitlisted", waitlist_position=1)],
        [Rsvp(MAY.id, "b@omnia.test", "no", local(2026, 5, 2))],
    )
    mails = due(state, local(2026, 5, 10))
    assert keys(mails) == ["cancel:2026-05-20:a@omnia.test", "cancel:2026-05-20:b@omnia.test"]
    assert {(m.template, m.calendar) for m in mails} == {("day_cancelled", "cancel")}
    assert keys(due(state, local(2026, 5, 20, 15, 59)), "cancel:")
    assert keys(due(state, local(2026, 5, 20, 16, 0)), "cancel:") == []


# --- the digest -------------------------------------------------------------------------------------


def test_the_digest_goes_to_the_facilitator_at_its_hour_when_something_changed() -> None:
    state = network([], [person("a@omnia.test", registered_at=local(2026, 5, 3, 17))])
    since = local(2026, 5, 3, 8)
    assert keys(due(state, local(2026, 5, 4, 7, 59), last_digest_at=since)) == []
    (mail,) = due(state, local(2026, 5, 4, 8, 0), last_digest_at=since)
    assert mail.key == "digest:2026-05-04"
    assert mail.to == FACILITATOR
    assert mail.template == "digest"
    assert mail.auto == "auto-generated"
    digest = mail.context["digest"]
    assert isinstance(digest, Digest)
    assert [p.address for p in digest.new_people] == ["a@omnia.test"]


def test_no_digest_when_nothing_changed() -> None:
    state = network([], [person("a@omnia.test", registered_at=local(2026, 5, 1))])
    assert due(state, local(2026, 5, 4, 8), last_digest_at=local(2026, 5, 3, 8)) == []


def test_a_change_after_the_digest_hour_waits_for_tomorrow() -> None:
    state = network([], [person("a@omnia.test", registered_at=local(2026, 5, 4, 10))])
    since = local(2026, 5, 3, 8)
    assert due(state, local(2026, 5, 4, 11), last_digest_at=since) == []
    assert keys(due(state, local(2026, 5, 5, 8), last_digest_at=since)) == ["digest:2026-05-05"]


def test_a_new_failed_send_alone_brings_a_digest() -> None:
    state = network([], [])
    failed = OutgoingMail(key="x", to="a@omnia.test", subject="Muistutus", message_id="<x@y>",
                          created_at=local(2026, 5, 4, 2), status="failed")
    mails = due(state, local(2026, 5, 4, 9), last_digest_at=local(2026, 5, 3, 8),
                failed=[failed])
    assert keys(mails) == ["digest:2026-05-04"]
    assert [f.to for f in mails[0].context["digest"].failed] == ["a@omnia.test"]


# --- cost summaries -------------------------------------------------------------------------------

FOLLOW_UP = day("2026-09-15", date(2026, 9, 15), follow_up=True,
                cost_items=(CostItem("asiantuntijapalkkio", Decimal("1000")),))


def test_the_cost_summary_comes_once_the_follow_up_day_has_ended() -> None:
    people = [person("a@omnia.test"), person("b@stadi.test", "stadi"),
              person("c@stadi.test", "stadi"), person("d@keuda.test", "keuda")]
    state = network([FOLLOW_UP], people,
                    [Rsvp(FOLLOW_UP.id, "d@keuda.test", "no", local(2026, 9, 1))])
    assert keys(due(state, local(2026, 9, 15, 15, 59)), "costs:") == []
    (mail,) = [m for m in due(state, local(2026, 9, 15, 16)) if m.key.startswith("costs:")]
    assert mail.key == "costs:2026-09-15"
    assert mail.to == FACILITATOR
    assert mail.template == "cost_summary"
    assert mail.day == FOLLOW_UP.id
    assert mail.context["total"] == Decimal("1000.00")
    assert mail.context["shares"] == [
        Share("omnia", "Omnia", Decimal("500.00"), 1),
        Share("stadi", "Stadin ammattiopisto", Decimal("500.00"), 2),
    ]


def test_committed_split_and_sponsored_days() -> None:
    orgs = {"omnia": Organisation("omnia", "Omnia", committed=True),
            "stadi": Organisation("stadi", "Stadin ammattiopisto", committed=True),
            "keuda": Organisation("keuda", "Keuda", committed=True)}
    state = network([FOLLOW_UP], [person("a@omnia.test")], organisations=orgs)
    rules = ScheduleRules(facilitator=FACILITATOR, tz=TZ, cost_split="committed")
    (mail,) = [m for m in due(state, local(2026, 9, 16), rules) if m.key.startswith("costs:")]
    assert [s.amount for s in mail.context["shares"]] == [
        Decimal("333.34"), Decimal("333.33"), Decimal("333.33")]
    sponsored = network([FOLLOW_UP.replace(sponsor="Kunteko")], [person("a@omnia.test")])
    (mail,) = [m for m in due(sponsored, local(2026, 9, 16)) if m.key.startswith("costs:")]
    assert mail.context["total"] == 0
    assert [s.amount for s in mail.context["shares"]] == [0]


# --- every request fits the catalogue and renders -----------------------------------------------


def busy_network() -> NetworkState:
    days = [MAY, FOLLOW_UP.replace(date=date(2026, 5, 2)),
            day("2026-05-25", date(2026, 5, 25), cancelled=True),
            day("2026-05-30", date(2026, 5, 30), sequence=1)]
    attention = {"a": AttentionItem(id="a", message_key="k", sender="x@example.org",
                                    subject="Kysymys", reasons=(Reason.of("not_understood"),),
                                    excerpt="Hei\nkuka maksaa?", at=local(2026, 5, 18, 12))}
    return network(days, [person("a@omnia.test"), person("b@stadi.test", "stadi", language="en")],
                   attention=attention)


def test_every_request_carries_exactly_the_catalogue_keys() -> None:
    mails = due(busy_network(), local(2026, 5, 19, 9))
    assert {m.template for m in mails} == {
        "day_invitation", "day_reminder", "day_changed", "day_cancelled", "digest",
        "cost_summary"}
    for m in mails:
        assert set(m.context) == set(CATALOGUE[m.template]), m.key
        assert m.auto == "auto-generated"
    assert len(keys(mails)) == len(set(keys(mails)))


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_scheduled_mail_renders(lang: str) -> None:
    network_settings = NetworkSettings(address="verkosto@example.org", facilitator=FACILITATOR)
    renderer = Renderer(TEMPLATES, network_settings, TZ)
    now = local(2026, 5, 19, 9)
    rules = ScheduleRules(facilitator=FACILITATOR, tz=TZ, language=lang)
    for request in due(busy_network(), now, rules):
        if request.template in ("digest", "cost_summary"):
            mail = renderer.render(request, now=now)
            assert mail.subject
            assert mail.text
            assert mail.html
    summary = next(r for r in due(busy_network(), now, rules) if r.template == "cost_summary")
    text = renderer.render(summary, now=now).text
    assert "500,00\u00a0€" in text
    assert ("Omnia" in text)


# --- the clock -------------------------------------------------------------------------------------


def run_clock(state: NetworkState, start: datetime, end: datetime, rules: ScheduleRules = RULES,
              step: timedelta = timedelta(minutes=15)) -> dict[str, datetime]:
    """Tick from ``start`` to ``end`` like the daemon; return each key's first moment."""
    seen: dict[str, datetime] = {}
    last_digest: datetime | None = None
    now = start.astimezone(UTC)
    while now < end:
        for request in due(state, now, rules, last_digest_at=last_digest):
            if request.key not in seen:  # the outbox drops keys it already holds
                seen[request.key] = now
                if request.template == "digest":
                    last_digest = now
        now += step
    return seen


# Reminder moments on and around the DST changes: 29 March 2026 (03:00 -> 04:00) and
# 25 October 2026 (04:00 -> 03:00).
DST_DAYS = [
    day("2026-03-30", date(2026, 3, 30)),  # 1-day reminder on 29 March
    day("2026-04-05", date(2026, 4, 5)),  # 7-day reminder on 29 March
    day("2026-10-26", date(2026, 10, 26)),  # 1-day reminder on 25 October
    day("2026-11-01", date(2026, 11, 1), follow_up=True,  # 7-day reminder on 25 October
        cost_items=(CostItem("asiantuntijapalkkio", Decimal("900")),)),
]
PEOPLE = [person("a@omnia.test"), person("b@stadi.test", "stadi", language="en"),
          person("c@keuda.test", "keuda")]


def daily_changes(first: date, last: date) -> dict[str, InterestSubscription]:
    """An interest-list sign-up every afternoon, so every morning's digest has news."""
    out = {}
    for n in range((last - first).days + 1):
        at = datetime.combine(first + timedelta(days=n), time(15, 7), tzinfo=TZ)
        out[f"i{n}@example.org"] = InterestSubscription(f"i{n}@example.org", True, at)
    return out


def check_clock(seen: dict[str, datetime], days: list[NetworkDay], first_digest: date,
                last_digest: date) -> None:
    reminders = {k: v for k, v in seen.items() if k.startswith("reminder:")}
    assert sorted(reminders) == sorted(
        f"reminder:{d.id}:{p.address}:{o}" for d in days for p in PEOPLE for o in (7, 1))
    for key, moment in reminders.items():
        day_id, offset = key.split(":")[1], int(key.split(":")[3])
        at = moment.astimezone(TZ)
        assert (at.date(), at.hour, at.minute) == (
            date.fromisoformat(day_id) - timedelta(days=offset), 9, 0), key
    digests = {k: v.astimezone(TZ) for k, v in seen.items() if k.startswith("digest:")}
    expected = [first_digest + timedelta(days=n)
                for n in range((last_digest - first_digest).days + 1)]
    assert sorted(digests) == [f"digest:{d.isoformat()}" for d in expected]
    for key, at in digests.items():
        assert (at.date().isoformat(), at.hour, at.minute) == (key[7:], 8, 0), key


def test_spring_dst_change_each_reminder_and_digest_once_at_its_local_hour() -> None:
    days = DST_DAYS[:2]
    state = network(days, PEOPLE, interest=daily_changes(date(2026, 3, 14), date(2026, 4, 6)))
    seen = run_clock(state, local(2026, 3, 15, 0), local(2026, 4, 6, 0))
    check_clock(seen, days, date(2026, 3, 15), date(2026, 4, 5))
    assert sum(k.startswith("invite:") for k in seen) == 6


def test_autumn_dst_change_each_reminder_digest_and_cost_summary_once() -> None:
    days = DST_DAYS[2:]
    state = network(days, PEOPLE, interest=daily_changes(date(2026, 10, 14), date(2026, 11, 3)))
    seen = run_clock(state, local(2026, 10, 15, 0), local(2026, 11, 3, 0))
    check_clock(seen, days, date(2026, 10, 15), date(2026, 11, 2))
    assert seen["costs:2026-11-01"].astimezone(TZ) == local(2026, 11, 1, 16)


@pytest.mark.slow
def test_a_whole_year_of_ticks() -> None:
    state = network(DST_DAYS, PEOPLE, interest=daily_changes(date(2025, 12, 31), date(2026, 12, 31)))
    seen = run_clock(state, local(2026, 1, 1, 0), local(2027, 1, 1, 0))
    check_clock(seen, DST_DAYS, date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(("on", "expected_local_hour"), [
    (date(2026, 3, 29), 4),  # 03:00 does not exist that day: the reminder comes at 04:00
    (date(2026, 10, 25), 3),  # 03:00 happens twice: the reminder comes once, the first time
])
def test_a_reminder_hour_the_dst_change_skips_or_repeats(on: date,
                                                          expected_local_hour: int) -> None:
    the_day = day("d", on + timedelta(days=1))
    rules = ScheduleRules(facilitator=FACILITATOR, tz=TZ, reminder_offsets_days=(1,),
                          reminder_hour=3)
    state = network([the_day], PEOPLE[:1])
    seen = run_clock(state, local(on.year, on.month, on.day - 1), local(on.year, on.month, on.day, 12),
                     rules)
    moment = seen["reminder:d:a@omnia.test:1"]
    assert moment.astimezone(TZ).hour == expected_local_hour
    assert moment.astimezone(TZ).fold == 0


# --- downtime and idempotency ---------------------------------------------------------------------


def test_after_three_days_of_downtime_each_due_mail_goes_once() -> None:
    follow_up = day("2026-05-20", date(2026, 5, 20), follow_up=True,
                    cost_items=(CostItem("tarjoilu", Decimal("300")),))
    coming = day("2026-05-22", date(2026, 5, 22))
    rules = ScheduleRules(facilitator=FACILITATOR, tz=TZ, reminder_offsets_days=(3, 1))
    state = network([follow_up, coming], PEOPLE,
                    interest=daily_changes(date(2026, 5, 10), date(2026, 5, 25)))
    outbox = set(keys(due(state, local(2026, 5, 18, 7, 0), rules,
                          last_digest_at=local(2026, 5, 17, 8))))
    assert "digest:2026-05-18" not in outbox
    back = local(2026, 5, 21, 12, 0)  # three days later: follow-up over, both reminders passed
    new = [k for k in keys(due(state, back, rules, last_digest_at=local(2026, 5, 17, 8)))
           if k not in outbox]
    assert sorted(new) == sorted(
        ["digest:2026-05-21", "costs:2026-05-20"]
        + [f"reminder:2026-05-22:{p.address}:1" for p in PEOPLE]
    )


def test_the_same_moment_twice_gives_the_same_mails_and_nothing_new() -> None:
    state = busy_network()
    now = local(2026, 5, 19, 9, 30)
    first = due(state, now, last_digest_at=local(2026, 5, 18, 8))
    second = due(state, now, last_digest_at=local(2026, 5, 18, 8))
    assert keys(first) == keys(second)
    assert first
    assert [k for k in keys(second) if k not in set(keys(first))] == []
