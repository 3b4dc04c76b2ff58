"""The real ``run_tick`` driven through Helsinki's DST changes, downtime and repeated passes.

A Maildir in, a folder of .eml files out, the TinyDB store: network days right after the
last Sundays of March and October 2026 (Europe/Helsinki goes to UTC+3 on 29 March and
back to UTC+2 on 25 October), a sign-up arriving every afternoon. The clock steps every
30 minutes like a cron job; each reminder and each daily digest must go out exactly
once, at its local hour, on the right date, in both offsets. After three days of downtime
each due mail goes once (one digest, only the latest reminder). A second pass at the
same moment sends nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email import message_from_bytes
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mailflow.adapters.store import Store
from mailflow.config.loader import (
    MailboxSettings,
    NetworkSettings,
    OutboxSettings,
    ScheduleSettings,
    Settings,
    StoreSettings,
)
from mailflow.core.model import NetworkDay, Person
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import QueuedMail, Services, run_tick
from tests.mailgen import deliver, signup

HELSINKI = ZoneInfo("Europe/Helsinki")
STEP = timedelta(minutes=30)
REMINDER_HOUR, DIGEST_HOUR = 9, 8


@dataclass(frozen=True)
class Sent:
    at: datetime  # the tick's moment
    mail: QueuedMail


def _services(root: Path, offsets: tuple[int, ...] = (7, 1)) -> Services:
    settings = Settings(
        network=NetworkSettings(address="verkosto@example.org",
                                facilitator="vetaja@example.org", max_per_org=100),
        mailbox=MailboxSettings(path=str(root / "mail"),
                                handle_since="2020-01-01T00:00:00+00:00"),
        outbox=OutboxSettings(path=str(root / "outbox"), max_auto_replies_per_day=100),
        store=StoreSettings(path=str(root / "mailflow.json")),
        schedule=ScheduleSettings(reminder_offsets_days=offsets, reminder_hour=REMINDER_HOUR,
                                  digest_hour=DIGEST_HOUR),
    )
    with Store(root / "mailflow.json") as store:
        for day in DAYS:
            store.put(day)
        store.commit()
    return build_services(settings)


DAYS = [
    # Monday after the spring change: its 1-day reminder falls on the change's Sunday.
    NetworkDay(id="2026-03-30", date=date(2026, 3, 30), start=time(10), end=time(16),
               place="Kuntatalo, Helsinki"),
    # Tuesday: 7-day reminder in EET (UTC+2), 1-day reminder in EEST (UTC+3).
    NetworkDay(id="2026-03-31", date=date(2026, 3, 31), start=time(10), end=time(16),
               place="Kuntatalo, Helsinki"),
    # Monday after the autumn change: 7-day reminder in EEST, 1-day on the change's Sunday.
    NetworkDay(id="2026-10-26", date=date(2026, 10, 26), start=time(10), end=time(16),
               place="Omnia, Espoo"),
]


def _moments(start: datetime, end: datetime, step: timedelta = STEP) -> Iterator[datetime]:
    now = start
    while now < end:
        yield now
        now += step


def _run(services: Services, start: datetime, end: datetime, *, first_signup: int,
         step: timedelta = STEP, twice: bool = True, signup_at_start: bool = True,
         ) -> list[Sent]:
    """Tick from start to end; a sign-up arrives each day at 12:00 UTC; return what was sent.

    With ``twice``, every tick that sent something is repeated at the same moment, and
    the repeat must queue and send nothing.
    """
    mail = str(services.settings.resolve(services.settings.mailbox.path))
    sent: list[Sent] = []
    n = first_signup
    for now in _moments(start, end, step):
        if (now.hour, now.minute) == (12, 0) or (now == start and signup_at_start):
            deliver(mail, [signup(n, when=now)])
            n += 1
        report = run_tick(services, now)
        assert not report.failed
        sent.extend(Sent(now, m) for m in report.sent)
        if twice and (report.sent or report.queued):
            again = run_tick(services, now)
            assert (again.handled, again.queued, again.sent) == ([], [], []), now
    return sent


def _people(services: Services) -> dict[str, Person]:
    with Store(services.settings.resolve(services.settings.store.path)) as store:
        return {p.address: p for p in store.all(Person)}


def _local(moment: datetime) -> datetime:
    return moment.astimezone(HELSINKI)


def _expected_reminders(people: dict[str, Person], days: list[NetworkDay],
                        offsets: tuple[int, ...], start: datetime, end: datetime,
                        ) -> dict[str, datetime]:
    """reminder key -> the UTC moment it is due (local REMINDER_HOUR, offset days before)."""
    expected = {}
    for day in days:
        day_start = datetime.combine(day.date, day.start, tzinfo=HELSINKI)
        for offset in offsets:
            moment = datetime.combine(day.date - timedelta(days=offset), time(REMINDER_HOUR),
                                      tzinfo=HELSINKI)
            if not start <= moment < min(end, day_start):
                continue
            for person in people.values():
                assert person.registered_at is not None
                if person.registered_at <= moment:
                    expected[f"reminder:{day.id}:{person.address}:{offset}"] = moment
    return expected


def _check_reminders_and_digests(sent: list[Sent], services: Services, days: list[NetworkDay],
                                 start: datetime, end: datetime) -> None:
    keys = Counter(s.mail.key for s in sent)
    assert [k for k, n in keys.items() if n > 1] == []  # nothing twice

    reminders = {s.mail.key: s.at for s in sent if s.mail.key.startswith("reminder:")}
    expected = _expected_reminders(_people(services), days, (7, 1), start, end)
    assert reminders == expected
    for key, at in reminders.items():
        local = _local(at)
        day_id, offset = key.split(":")[1], int(key.rsplit(":", 1)[1])
        assert (local.hour, local.minute) == (REMINDER_HOUR, 0), key
        assert local.date() == date.fromisoformat(day_id) - timedelta(days=offset), key

    digests = [s for s in sent if s.mail.key.startswith("digest:")]
    local_dates = [_local(s.at).date() for s in digests]
    first = _local(start).date()
    wanted = [first + timedelta(days=i) for i in range((_local(end).date() - first).days + 1)
              if datetime.combine(first + timedelta(days=i), time(DIGEST_HOUR),
                                  tzinfo=HELSINKI) < end]
    assert local_dates == wanted  # one a day, every day, in order
    assert all((_local(s.at).hour, _local(s.at).minute) == (DIGEST_HOUR, 0) for s in digests)
    assert all(s.mail.to == "vetaja@example.org" for s in digests)


def _outbox_dates(services: Services, prefix: str) -> list[datetime]:
    """The Date headers of the .eml files whose Subject starts with ``prefix``."""
    folder = services.settings.resolve(services.settings.outbox.path)
    dates = []
    for path in sorted(folder.glob("*.eml")):
        msg = message_from_bytes(path.read_bytes())
        if str(msg["Subject"]).startswith(prefix):
            dates.append(parsedate_to_datetime(str(msg["Date"])))
    return dates


def test_reminders_and_digests_through_the_spring_change(tmp_path: Path) -> None:
    services = _services(tmp_path)
    start = datetime(2026, 3, 20, 22, tzinfo=UTC)  # Saturday 21 March 00:00 EET
    end = datetime(2026, 3, 31, 6, tzinfo=UTC)  # Tuesday 31 March 09:00 EEST
    sent = _run(services, start, end, first_signup=0)

    _check_reminders_and_digests(sent, services, DAYS[:2], start, end)
    reminder_moments = sorted({_local(s.at) for s in sent if s.mail.key.startswith("reminder:")})
    assert [m.isoformat() for m in reminder_moments] == [
        "2026-03-23T09:00:00+02:00",  # 7 days before the 30th, still EET
        "2026-03-24T09:00:00+02:00",  # 7 days before the 31st
        "2026-03-29T09:00:00+03:00",  # the change's Sunday, 6 hours after it
        "2026-03-30T09:00:00+03:00",
    ]
    # The .eml files written carry those moments in their Date headers.
    assert sorted({_local(d) for d in _outbox_dates(services, "Muistutus")}) == reminder_moments


def test_reminders_and_digests_through_the_autumn_change(tmp_path: Path) -> None:
    services = _services(tmp_path)
    start = datetime(2026, 10, 16, 21, tzinfo=UTC)  # Saturday 17 October 00:00 EEST
    end = datetime(2026, 10, 26, 7, tzinfo=UTC)  # Monday 26 October 09:00 EET
    sent = _run(services, start, end, first_signup=100)

    _check_reminders_and_digests(sent, services, DAYS[2:], start, end)
    reminder_moments = sorted({_local(s.at) for s in sent if s.mail.key.startswith("reminder:")})
    assert [m.isoformat() for m in reminder_moments] == [
        "2026-10-19T09:00:00+03:00",
        "2026-10-25T09:00:00+02:00",  # the change's Sunday: 09:00 EET, not 08:00 or 10:00
    ]
    digest_moments = [_local(s.at) for s in sent if s.mail.key.startswith("digest:")]
    around_change = [m.isoformat() for m in digest_moments
                     if date(2026, 10, 24) <= m.date() <= date(2026, 10, 26)]
    assert around_change == ["2026-10-24T08:00:00+03:00", "2026-10-25T08:00:00+02:00",
                             "2026-10-26T08:00:00+02:00"]


def test_after_three_days_of_downtime_each_due_mail_goes_once(tmp_path: Path) -> None:
    services = _services(tmp_path, offsets=(2, 1))
    before = _run(services, datetime(2026, 3, 26, 22, tzinfo=UTC),
                  datetime(2026, 3, 27, 18, tzinfo=UTC), first_signup=200)
    assert [s.mail.key for s in before if s.mail.key.startswith("reminder:")] == []
    assert [s.mail.key for s in before if s.mail.key.startswith("digest:")] == [
        "digest:2026-03-27"]

    # Down from Friday 27 March 20:00 EET to Monday 30 March 09:00 EEST (an hour before
    # the 30th starts): both reminders of both days and three digest mornings passed.
    back = datetime(2026, 3, 30, 6, tzinfo=UTC)
    after = _run(services, back, back + timedelta(hours=3), first_signup=300,
                 signup_at_start=False)

    people = sorted(_people(services))
    assert people == ["henkilo200@omnia.test", "henkilo201@stadi.test"]
    reminders = sorted(s.mail.key for s in after if s.mail.key.startswith("reminder:"))
    assert reminders == sorted(f"reminder:{day}:{p}:1" for day in ("2026-03-30", "2026-03-31")
                               for p in people)  # the latest reminder only
    assert all(s.at == back for s in after if s.mail.key.startswith("reminder:"))
    digests = [(s.mail.key, s.at) for s in after if s.mail.key.startswith("digest:")]
    assert digests == [("digest:2026-03-30", back)]  # one digest, not one per missed morning
    keys = Counter(s.mail.key for s in [*before, *after])
    assert max(keys.values()) == 1


def test_a_second_pass_at_the_same_moment_sends_nothing(tmp_path: Path) -> None:
    services = _services(tmp_path)
    now = datetime(2026, 3, 23, 7, tzinfo=UTC)  # 09:00 EET: the 30th's 7-day reminder
    mail = str(services.settings.resolve(services.settings.mailbox.path))
    deliver(mail, [signup(400)])
    first = run_tick(services, now - timedelta(days=3))
    assert len(first.handled) == 1
    assert len(first.sent) >= 2  # confirmation + invitations
    due = run_tick(services, now)
    assert {m.key for m in due.sent} >= {"reminder:2026-03-30:henkilo400@omnia.test:7",
                                         "digest:2026-03-23"}
    again = run_tick(services, now)
    assert (again.handled, again.queued, again.sent) == ([], [], [])
    files = sorted((tmp_path / "outbox").glob("*.eml"))
    assert len(files) == len(first.sent) + len(due.sent)
