"""The facilitator's commands through ``mailflow.cli.main.main``, as she would type them.

A temporary config (Maildir in, .eml files out, a TinyDB store); people come in by real
mail handled by ``mailflow tick`` (generated sign-ups and corpus files), so each command
reads a store the way production fills it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from mailflow.adapters.store import Store
from mailflow.cli.main import main
from mailflow.core.model import NetworkDay, OutgoingMail, Person
from tests.mailgen import deliver, signup

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = "2026-11-20T10:00+02:00"
DAY = "2026-12-09"

CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
max_per_org = 2

[mailbox]
path = "{root}/mail"
handle_since = "2020-01-01T00:00:00+00:00"
batch_size = 20

[outbox]
path = "{root}/outbox"
sends_per_minute = 30

[store]
path = "{root}/mailflow.json"

[[organisations]]
name = "Omnia"
domains = ["omnia.test"]
"""

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "mailflow.toml").write_text(CONFIG.format(root=tmp_path))
    return tmp_path


@pytest.fixture
def run(root: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """``mailflow --config ROOT/mailflow.toml ARGS...`` -> (exit code, stdout, stderr)."""

    def call(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--config", str(root / "mailflow.toml"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def _add_day(run: Run, *extra: str) -> None:
    code, out, _ = run("days", "add", DAY, "--date", DAY, "--start", "10:00", "--end", "16:00",
                       "--place", "Kuntatalo, Helsinki", *extra)
    assert code == 0, out


@pytest.fixture
def network(root: Path, run: Run) -> Path:
    """A follow-up day with costs; five sign-ups (Omnia 3, Stadi 2; Omnia's cap is 2), two
    interest-list joiners and a question that needs the facilitator, all handled by a tick."""
    _add_day(run, "--follow-up", "--cost", "Asiantuntijapalkkio=1200", "--cost",
             "Tarjoilut=450,50")
    raws = [signup(n, org=n % 2) for n in range(5)]
    raws += [(DATA / f"{name}.eml").read_bytes()
             for name in ("human_interest_join_fi", "human_interest_join_en",
                          "human_question_fi")]
    deliver(str(root / "mail"), raws)
    code, out, _ = run("tick", "--now", NOW)
    assert code == 0, out
    assert "8 message(s) handled" in out, out
    return root


def _outbox(root: Path) -> list[OutgoingMail]:
    with Store(root / "mailflow.json") as store:
        return store.all(OutgoingMail)


def _day(root: Path) -> NetworkDay:
    with Store(root / "mailflow.json") as store:
        day = store.get(NetworkDay, DAY)
    assert day is not None
    return day


def _eml(root: Path, to: str, subject_start: str) -> EmailMessage:
    found = []
    for path in (root / "outbox").glob("*.eml"):
        msg = message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(msg, EmailMessage)
        if to in str(msg["To"]) and str(msg["Subject"]).startswith(subject_start):
            found.append(msg)
    assert len(found) == 1, [str(m["Subject"]) for m in found]
    return found[0]


# -- days -------------------------------------------------------------------------------------
def test_days_add_list_change_cancel(root: Path, run: Run) -> None:
    _add_day(run, "--title", "Verkostopäivä 3")
    code, out, _ = run("days", "list")
    assert code == 0
    assert "2026-12-09  ke 9.12.2026 klo 10.00–16.00  Kuntatalo, Helsinki" in out

    assert run("days", "change", DAY, "--sponsor", "Kunteko")[0] == 0
    assert _day(root).sequence == 0  # who pays is not the attendees' business
    code, out, _ = run("days", "change", DAY, "--place", "Omnia, Espoo", "--start", "9.30")
    assert code == 0
    assert "the update goes to everyone registered" in out
    day = _day(root)
    assert (day.sequence, day.place, day.start.isoformat()) == (1, "Omnia, Espoo", "09:30:00")
    assert run("days", "change", DAY, "--cost", "Tarjoilut=300")[0] == 0
    assert _day(root).sequence == 1

    code, out, _ = run("days", "cancel", DAY)
    assert code == 0
    assert "cancelled 2026-12-09" in out
    assert (_day(root).cancelled, _day(root).sequence) == (True, 2)
    assert "cancelled" in run("days", "list")[1]


@pytest.mark.parametrize(("args", "message"), [
    (("days", "change", "2027-01-01", "--place", "X"),
     "mailflow: no network day '2027-01-01' (known: 2026-12-09)\n"),
    (("days", "cancel", "nope"), "mailflow: no network day 'nope' (known: 2026-12-09)\n"),
    (("days", "add", DAY, "--date", DAY, "--start", "10", "--end", "16", "--place", "X"),
     "mailflow: network day '2026-12-09' exists; use `days change`\n"),
    (("days", "change", DAY), "mailflow: days change: nothing to change (give --date, "
                              "--place ...)\n"),
    (("days", "change", DAY, "--end", "08:00"),
     "mailflow: network day '2026-12-09' would end (08:00) before it starts (10:00)\n"),
    (("days", "add", "x", "--date", "9.12.2026", "--start", "10", "--end", "16", "--place",
      "X"), "mailflow: expected a date as YYYY-MM-DD, got '9.12.2026'\n"),
    (("days", "add"), "mailflow: days add needs the day's id, e.g. 2026-12-09\n"),
    (("costs", "nope"), "mailflow: no network day 'nope' (known: 2026-12-09)\n"),
])
def test_usage_errors_exit_2_with_one_line(run: Run, args: tuple[str, ...],
                                           message: str) -> None:
    _add_day(run)
    code, out, err = run(*args)
    assert (code, out, err) == (2, "", message)


# -- people, organisations, attention ---------------------------------------------------------
def test_people_by_organisation_and_as_csv(network: Path, run: Run) -> None:
    code, out, _ = run("people")
    assert code == 0
    assert out.count("@omnia.test") == 3
    assert out.count("@stadi.test") == 2
    assert "jonossa #1" in out  # Omnia's third: over the cap of 2

    code, out, _ = run("people", "--org", "Omnia", "--csv")
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert rows[0] == ["nimi", "osoite", "organisaatio", "rooli", "tila", "vastaukset",
                       "ruokavalio", "posti"]  # the Finnish network's Excel
    assert sorted(r[1] for r in rows[1:]) == [
        "henkilo0@omnia.test", "henkilo2@omnia.test", "henkilo4@omnia.test"]
    assert {r[4] for r in rows[1:]} == {"ilmoittautunut", "jonossa #1"}


def test_orgs_show_places_waitlist_and_role_coverage(network: Path, run: Run) -> None:
    code, out, _ = run("orgs")
    assert code == 0
    omnia = next(line for line in out.splitlines() if line.startswith("Omnia"))
    assert "2/2" in omnia
    assert "+management" in omnia
    assert "-apprenticeship supervisor" in omnia
    assert omnia.split()[-1] == "no"  # not committed to the follow-up work


def test_attention_lists_the_question_and_marks_it_handled(network: Path, run: Run) -> None:
    code, out, _ = run("attention")
    assert code == 0
    assert "maija.mallikas@omnia.test" in out
    assert "subject: Kustannukset" in out
    item_id = out.split("[", 1)[1].split("]", 1)[0]
    assert run("attention", "--handled", item_id) == (0, f"marked handled: {item_id}\n", "")
    assert run("attention")[1] == "nothing needs your attention\n"
    assert "(handled)" in run("attention", "--all")[1]
    code, out, err = run("attention", "--handled", "att:nope")
    assert code == 2
    assert err.startswith("mailflow: no attention item 'att:nope'")


# -- digest and costs ---------------------------------------------------------------------------
def test_digest_preview_prints_text_and_writes_html(network: Path, run: Run) -> None:
    html = network / "preview" / "digest.html"
    code, out, err = run("digest", "--preview", "--html", str(html), "--now",
                         "2026-11-21T08:00+02:00")
    assert code == 0
    assert "henkilo0@omnia.test" in out or "Maija Mallikas" in out
    assert "<html" in html.read_text(encoding="utf-8").lower()
    assert str(html) in err
    assert not [m for m in _outbox(network) if m.key.startswith("digest:manual")]


def test_digest_send_queues_it_for_the_next_tick(network: Path, run: Run) -> None:
    code, out, _ = run("digest", "--send", "--now", "2026-11-21T08:00+02:00")
    assert code == 0
    assert "queued for vetaja@example.org" in out
    [queued] = [m for m in _outbox(network) if m.key.startswith("digest:manual")]
    assert (queued.to, queued.status) == ("vetaja@example.org", "pending")
    code, out, _ = run("tick", "--now", "2026-11-21T08:05+02:00")
    assert f"sent {queued.key} to vetaja@example.org" in out


def test_digest_goes_to_every_facilitator(network: Path, run: Run) -> None:
    config = network / "mailflow.toml"
    config.write_text(config.read_text().replace(
        'facilitator = "vetaja@example.org"',
        'facilitators = ["vetaja@example.org", "toinen@example.org"]'))
    code, _, err = run("digest", "--preview", "--html", str(network / "d.html"), "--now",
                       "2026-11-21T08:00+02:00")
    assert code == 0
    assert "to: vetaja@example.org, toinen@example.org" in err
    code, out, _ = run("digest", "--send", "--now", "2026-11-21T08:00+02:00")
    assert "queued for vetaja@example.org, toinen@example.org" in out
    queued = [m for m in _outbox(network) if m.key.startswith("digest:manual")]
    assert sorted(m.to for m in queued) == ["toinen@example.org", "vetaja@example.org"]
    code, out, _ = run("tick", "--now", "2026-11-21T08:05+02:00")
    assert all(f"to {m.to}" in out for m in queued)
    sent = {m.to: m.subject for m in _outbox(network) if m.key.startswith("digest:manual")}
    assert len(set(sent.values())) == 1  # the same digest to both


def test_costs_table_and_finnish_csv(network: Path, run: Run) -> None:
    code, out, _ = run("costs", DAY)
    assert code == 0
    assert "total 1\xa0650,50\xa0€ shared by 2 organisation(s)" in out
    assert "Asiantuntijapalkkio: 1\xa0200,00\xa0€" in out
    assert "825,25\xa0€" in out

    code, out, _ = run("costs", DAY, "--csv")
    assert code == 0
    assert out.startswith("\ufeffOrganisaatio;")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert rows[1:] == [["Omnia", "2", "825,25"],
                        ["Stadin ammatti- ja aikuisopisto", "2", "825,25"],
                        [rows[-1][0], "4", "1650,50"]]

    assert run("days", "change", DAY, "--sponsor", "Kunteko")[0] == 0
    code, out, _ = run("costs", DAY)
    assert "paid by Kunteko: nothing to share" in out
    assert "total 0,00\xa0€" in out


# -- announcements and guests ---------------------------------------------------------------
def test_announce_queues_once_per_subscriber_spaced_by_the_throttle(
    network: Path, run: Run,
) -> None:
    text = network / "kutsu.md"
    text.write_text("# Kevään verkostopäivät\n\nTervetuloa mukaan keväällä!\n", encoding="utf-8")
    code, out, _ = run("announce", str(text), "--dry-run")
    assert code == 0
    assert "would send 'Kevään verkostopäivät' to 2 subscriber(s)" in out
    assert not [m for m in _outbox(network) if m.key.startswith("announce:")]

    code, out, _ = run("announce", str(text), "--now", NOW)
    assert (code, out.split(";")[0]) == (0, "queued 2 of 2 (0 had it already)")
    announced = sorted((m for m in _outbox(network) if m.key.startswith("announce:")),
                       key=lambda m: m.to)
    assert [m.to for m in announced] == ["olavi.oksanen@luukku.com", "sam.lee@keuda.test"]
    moments = sorted(m.next_attempt_at for m in announced if m.next_attempt_at)
    assert (moments[1] - moments[0]).total_seconds() == 2  # 30 a minute

    code, out, _ = run("announce", str(text), "--now", NOW)
    assert out.startswith("queued 0 of 2 (2 had it already)")
    assert len([m for m in _outbox(network) if m.key.startswith("announce:")]) == 2


def test_announce_without_a_subject_line_is_a_usage_error(network: Path, run: Run) -> None:
    text = network / "kutsu.txt"
    text.write_text("Tervetuloa!\n", encoding="utf-8")
    code, _, err = run("announce", str(text))
    assert code == 2
    assert err.count("\n") == 1
    assert "the first line must be the subject" in err


def test_a_guest_gets_an_invitation_with_a_calendar_and_shares_no_costs(
    network: Path, run: Run,
) -> None:
    code, _, err = run("invite", "asiakas@yritys.test", "--day", DAY)
    assert code == 2
    assert "--guest" in err

    code, out, _ = run("invite", "Asiakas@Yritys.test", "--day", DAY, "--guest",
                       "--name", "Aino Asiakas", "--now", NOW)
    assert code == 0
    assert "invited asiakas@yritys.test to 2026-12-09" in out
    code, out, _ = run("tick", "--now", "2026-11-20T10:05+02:00")
    assert "sent invite:2026-12-09:asiakas@yritys.test:0" in out

    invitation = _eml(network, "asiakas@yritys.test", "")
    calendar = invitation.get_body(("calendar",))
    assert calendar is not None
    assert calendar.get_param("method") == "REQUEST"
    [event] = Calendar.from_ical(calendar.get_content()).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 12, 9, 10, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert "asiakas@yritys.test" in str(event["ATTENDEE"]).lower()
    # Omnia's cap (2) does not apply to guests, and guests share no costs.
    with Store(network / "mailflow.json") as store:
        guest = store.get(Person, "asiakas@yritys.test")
    assert guest is not None
    assert (guest.role, guest.status) == ("guest", "invited")
    assert "shared by 2 organisation(s)" in run("costs", DAY)[1]


def test_inviting_a_registered_person_keeps_their_place(network: Path, run: Run) -> None:
    assert run("invite", "henkilo0@omnia.test", "--day", DAY, "--guest")[0] == 0
    with Store(network / "mailflow.json") as store:
        person = store.get(Person, "henkilo0@omnia.test")
    assert person is not None
    assert (person.role, person.status, person.org, person.days) == (
        "staff", "registered", "omnia", ())


# -- a person's data, the config ------------------------------------------------------------------
def test_export_shows_everything_about_one_address(network: Path, run: Run) -> None:
    code, out, _ = run("export", "Henkilo0@Omnia.test")
    data = json.loads(out)
    assert code == 0
    assert data["address"] == "henkilo0@omnia.test"
    assert data["person"]["name"] == "Maija Mallikas"
    assert {m["key"].split(":")[0] for m in data["mail_sent_to"]} >= {"confirm", "invite"}
    assert data["interest_list"] is None


def test_check_config(root: Path, run: Run) -> None:
    code, out, _ = run("check-config")
    assert code == 0
    assert out.splitlines()[0] == f"{root / 'mailflow.toml'}: OK"
    assert f"store:   {root / 'mailflow.json'}" in out


# -- tick's progress display ------------------------------------------------------------------
class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_tick_shows_the_backlog_count_on_a_terminal_and_clears_it(
    root: Path, run: Run, monkeypatch: pytest.MonkeyPatch,
) -> None:
    deliver(str(root / "mail"), [signup(n) for n in range(50)])  # batches of 20, 20 and 10
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    code, out, _ = run("tick", "--now", NOW)
    assert code == 0
    assert "50 message(s) handled" in out
    shown = terminal.getvalue()
    assert [f"mailflow: {n} message(s) handled (" in shown for n in (20, 40, 50)] == [True] * 3
    assert shown.endswith("\r\x1b[K")  # the line is gone when the tick prints its report


def test_tick_shows_no_progress_when_stderr_is_not_a_terminal(root: Path, run: Run) -> None:
    deliver(str(root / "mail"), [signup(n) for n in range(3)])
    code, _, err = run("tick", "--now", NOW)
    assert code == 0
    assert "message(s) handled" not in err
    assert "\r" not in err
