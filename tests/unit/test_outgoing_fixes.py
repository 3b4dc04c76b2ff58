"""Two bugs of the outgoing mail, fixed: a waitlist notice without a position, and the
``day_changed`` mail sent to people who were never invited to the day before it changed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from mailflow.config.resources import templates_dir
from mailflow.core.model import NetworkDay, Organisation, Person
from mailflow.core.rules.decide import Rules, decide
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import Intent, NetworkState, PersonDetails
from mailflow.core.writing.render import Renderer

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 2, 8, tzinfo=UTC)
RULES = Rules(max_per_org=1, network_address="verkosto@example.org",
              facilitator="vetaja@example.org", secret="s")
DAY = NetworkDay(id="2026-12-09", date=date(2026, 12, 9), start=time(10), end=time(16),
                 place="Kuntatalo", sequence=2)
OMNIA = Organisation(key="omnia", name="Omnia")


def _person(address: str, **kw: Any) -> Person:
    return Person(address=address, name="Liisa Laine", org="omnia", role="staff",
                  registered_at=datetime(2026, 11, 1, tzinfo=UTC), **kw)


def test_a_waitlisted_person_without_a_position_gets_the_last_place_in_words() -> None:
    state = NetworkState(
        organisations={"omnia": OMNIA},
        people={p.address: p for p in (
            _person("a@omnia.test"),
            _person("b@omnia.test", status="waitlisted", waitlist_position=1),
            _person("c@omnia.test", status="waitlisted", waitlist_position=None),
        )},
    )
    intent = Intent(kind="signup", sender="c@omnia.test", answer_to="<x@omnia.test>",
                    people=(PersonDetails(name="Liisa Laine", organisation="Omnia",
                                          role="staff"),))
    decision = decide(intent, state, NOW, RULES)
    (mail,) = decision.mails
    assert mail.template == "waitlist_notice"
    assert mail.context["position"] == 2
    assert [p.waitlist_position for p in decision.records if isinstance(p, Person)] == [2]
    renderer = Renderer(templates_dir(), NetworkSettings(address="verkosto@example.org",
                                                         facilitator="vetaja@example.org"), TZ)
    rendered = renderer.render(mail, now=NOW)
    assert "Varasijasi: 2" in rendered.text
    assert "None" not in rendered.text
    assert "None" not in rendered.subject
    assert "None" not in rendered.html


def test_after_a_change_only_people_invited_before_get_day_changed() -> None:
    old, new = _person("old@omnia.test"), _person("new@omnia.test")
    state = NetworkState(organisations={"omnia": OMNIA}, days={DAY.id: DAY},
                         people={old.address: old, new.address: new})
    rules = ScheduleRules(facilitator="vetaja@example.org", tz=TZ)
    sent = {f"invite:{DAY.id}:old@omnia.test:0"}
    mails = due_mails(state, datetime(2026, 11, 20, 10, tzinfo=TZ), rules,
                      last_digest_at=None, failed_mails=[], sent_keys=sent)
    invites = {m.to: m for m in mails if m.key.startswith("invite:")}
    assert invites["old@omnia.test"].template == "day_changed"
    assert invites["new@omnia.test"].template == "day_invitation"
    # both carry the current SEQUENCE: the key says which, the renderer puts it in the calendar
    assert {m.key for m in invites.values()} == {
        f"invite:{DAY.id}:old@omnia.test:2", f"invite:{DAY.id}:new@omnia.test:2"}
    assert all(m.calendar == "request" for m in invites.values())


def test_a_cancellation_goes_only_to_people_who_were_invited() -> None:
    cancelled = DAY.replace(cancelled=True, sequence=1)
    old, new = _person("old@omnia.test"), _person("new@omnia.test")
    state = NetworkState(organisations={"omnia": OMNIA}, days={DAY.id: cancelled},
                         people={old.address: old, new.address: new})
    rules = ScheduleRules(facilitator="vetaja@example.org", tz=TZ)
    mails = due_mails(state, datetime(2026, 11, 20, 10, tzinfo=TZ), rules, last_digest_at=None,
                      failed_mails=[], sent_keys={f"invite:{DAY.id}:old@omnia.test:0"})
    assert [(m.to, m.template, m.calendar) for m in mails if m.day] == [
        ("old@omnia.test", "day_cancelled", "cancel")]


def test_an_answer_is_threaded_under_a_message_id_that_parse_keyed_without_brackets() -> None:
    intent = Intent(kind="interest_join", sender="ville@example.org",
                    answer_to="laheta-1@example.org")  # parse keys messages without <>
    (mail,) = decide(intent, NetworkState(), NOW, RULES).mails
    assert mail.in_reply_to == "<laheta-1@example.org>"
    assert mail.key == "interest:laheta-1@example.org"  # keys stay as they were


def test_a_yes_that_names_a_diet_keeps_it() -> None:
    day = NetworkDay(id="2026-12-09", date=date(2026, 12, 9), start=time(10), end=time(16),
                     place="Kuntatalo")
    maija = _person("maija@omnia.test", diet="")
    state = NetworkState(organisations={"omnia": Organisation("omnia", "Omnia")},
                         people={maija.address: maija}, days={day.id: day})
    intent = Intent(kind="rsvp_yes", sender=maija.address, day=day.id, answer_to="<r@omnia.test>",
                    people=(PersonDetails(name="Maija", diet="keliakia"),))
    decision = decide(intent, state, NOW, RULES)
    people = [r for r in decision.records if isinstance(r, Person)]
    assert [p.diet for p in people] == ["keliakia"]
    assert [m.template for m in decision.mails] == ["rsvp_confirmation"]
    assert decision.mails[0].context["person"].diet == "keliakia"


def test_a_calendar_accept_is_answered_in_the_persons_own_language() -> None:
    day = NetworkDay(id="2026-12-09", date=date(2026, 12, 9), start=time(10), end=time(16),
                     place="Kuntatalo")
    teemu = _person("teemu@stadi.test", language="en")
    state = NetworkState(people={teemu.address: teemu}, days={day.id: day})
    intent = Intent(kind="rsvp_yes", sender=teemu.address, day=day.id, language="fi",
                    answer_to="<a@stadi.test>")
    assert [m.language for m in decide(intent, state, NOW, RULES).mails] == ["en"]
