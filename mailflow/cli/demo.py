"""``mailflow demo``: a newcomer watches mailflow handle a realistic sample, in seconds.

In a fresh folder (``var/demo``, emptied first) it writes a config for the embedded
default (Maildir in, .eml files out), adds two network days as the facilitator would,
then lays sample mail into the Maildir and runs ticks over a simulated timeline: the
sign-ups, a week before the first day, the day before, and after a follow-up day. It
prints what each mail was understood as, each mail sent (with its .eml path), the digest
and the cost split.
"""

from __future__ import annotations

import argparse
import html
import mailbox
import re
import shutil
import textwrap
from datetime import date, datetime, time
from decimal import Decimal
from email import message_from_bytes, policy
from pathlib import Path
from zoneinfo import ZoneInfo

from mailflow.cli.common import Subcommands
from mailflow.cli.demo_mail import (
    SampleMail,
    facilitator_meeting,
    first_wave,
    mail_of_link,
    rsvp_wave,
    second_wave,
    swedish_wave,
)
from mailflow.config.loader import load_settings
from mailflow.core.model import CostItem, NetworkDay, OutgoingMail
from mailflow.run.bootstrap import build_services, open_store
from mailflow.run.tick import TickReport, run_tick

__all__ = ["add_demo", "run_demo"]

TZ = ZoneInfo("Europe/Helsinki")
DAY_ONE = "2026-12-09"
FOLLOW_UP = "2027-01-20"

CONFIG = """\
# Written by `mailflow demo`: the embedded default, inside this folder.
[network]
name = "Asiakaslähtöisyys oppilaitoksissa"
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
facilitator_name = "Verkoston vetäjä"
timezone = "Europe/Helsinki"
language = "fi"
max_per_org = 4

[mailbox]
kind = "maildir"
path = "{folder}/mail"
handle_since = "2026-11-01T00:00:00+02:00"
trusted_authserv_id = "mx.example.org"   # the network's own server vouches for its users

[outbox]
kind = "file"
path = "{folder}/outbox"
max_auto_replies_per_day = 5

[store]
path = "{folder}/mailflow.json"

[schedule]
reminder_offsets_days = [7, 1]
reminder_hour = 9
digest_hour = 8

[[organisations]]
name = "Omnia"
aliases = ["Espoon seudun koulutuskuntayhtymä Omnia"]
domains = ["omnia.test"]

[[organisations]]
name = "Stadin ammatti- ja aikuisopisto"
aliases = ["Stadin AO", "Stadi"]
domains = ["stadi.test"]

[[organisations]]
name = "Keuda"
aliases = ["Keski-Uudenmaan koulutuskuntayhtymä Keuda"]
domains = ["keuda.test"]
"""


def _at(day: str, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour, minute), TZ)


class _Demo:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.config = folder / "mailflow.toml"
        self.config.write_text(CONFIG.format(folder=folder), encoding="utf-8")
        self.settings = load_settings(self.config)
        self.services = build_services(self.settings)
        self.maildir = mailbox.Maildir(folder / "mail", create=True)
        self.outbox = folder / "outbox"

    def deliver(self, mails: list[SampleMail]) -> None:
        for mail in mails:
            self.maildir.add(mail.raw())

    def tick(self, title: str, now: datetime) -> TickReport:
        print(f"\n== {now.strftime('%a %d.%m.%Y %H.%M')} - {title}")
        report = run_tick(self.services, now)
        for item in report.handled:
            print(f"  in   {item.sender:<30} {_short(item.subject, 34):<34} -> {item.understood}")
        if report.capped:
            print(f"  ({report.capped} answer(s) held back by the daily cap)")
        for mail in report.sent:
            path = self._path_of(mail.message_id)
            print(f"  out  {mail.to:<30} {_short(mail.subject, 34):<34}   {path}")
        for mail in report.failed:
            print(f"  FAILED {mail.to}: {mail.subject}")
        if not (report.handled or report.sent):
            print("  (nothing to do)")
        return report

    def _path_of(self, message_id: str) -> str:
        for path in sorted(self.outbox.glob("*.eml")):
            with path.open("rb") as handle:
                head = handle.read(4096)
            if message_id.encode() in head:
                return str(path)
        return "(not found)"

    def message_ids(self, template: str, day: str) -> dict[str, str]:
        with open_store(self.settings) as store:
            return {
                m.to: m.message_id for m in store.all(OutgoingMail)
                if m.kind.endswith(":" + template) and (not day or f":{day}:" in m.key)
            }

    def digest_link(self, marker: str) -> str:
        """The first ``mailto:`` link of the latest digest whose URL holds ``marker``."""
        digest = self.eml_of("digest:")
        if digest is None:
            return ""
        _, page = _body_parts(digest)
        links = (html.unescape(h) for h in re.findall(r'href="(mailto:[^"]+)"', page))
        return next((link for link in links if marker in link), "")

    def print_changes(self) -> None:
        """The latest digest's list of the changes the facilitator made by mail."""
        digest = self.eml_of("digest:")
        text = _body_parts(digest)[0] if digest is not None else ""
        start = text.find("TEHDYT MUUTOKSET")
        if start >= 0:
            section = re.split(r"\n[ \t]*\r?\n", text[start:], maxsplit=1)[0]
            print(textwrap.indent(section.strip(), "       "))

    def eml_of(self, key_prefix: str) -> Path | None:
        with open_store(self.settings) as store:
            mails = [m for m in store.all(OutgoingMail) if m.key.startswith(key_prefix)]
        if not mails:
            return None
        path = self._path_of(mails[-1].message_id)
        return Path(path) if path.startswith(str(self.outbox)) else None


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _body_parts(path: Path) -> tuple[str, str]:
    msg = message_from_bytes(path.read_bytes(), policy=policy.default)
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    return (text.get_content() if text else "", html.get_content() if html else "")


def run_demo(folder: Path, fast: bool = False) -> int:
    """Run the whole demo in ``folder`` (emptied first); returns the exit code."""
    folder = folder.resolve()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    demo = _Demo(folder)
    print(f"mailflow demo in {folder}: a Maildir in, .eml files out, no servers")
    print(f"config: {demo.config}")

    with open_store(demo.settings) as store:
        store.put_many([
            NetworkDay(id=DAY_ONE, date=date(2026, 12, 9), start=time(10), end=time(16),
                       place="Kuntatalo, Toinen linja 14, Helsinki",
                       title="Verkostopäivä 1", sponsor="Kunteko"),
            NetworkDay(id=FOLLOW_UP, date=date(2027, 1, 20), start=time(10), end=time(15),
                       place="Omnia, Espoo", title="Jatkotyöskentelyn päivä", follow_up=True,
                       cost_items=(CostItem("Asiantuntijapalkkio", Decimal("1200.00")),
                                   CostItem("Tarjoilut", Decimal("450.50")),
                                   CostItem("Tilavuokra", Decimal("300.00")))),
        ])
        store.commit()
    print(f"network days: {DAY_ONE} (sponsored by Kunteko) and follow-up day {FOLLOW_UP} "
          "(costs 1 950,50 € shared)")

    demo.deliver(first_wave(_at("2026-11-02", 9, 40)))
    demo.tick("sign-ups, the interest list and a question arrive", _at("2026-11-02", 10))

    bounced = "sanna.salo@omnia.test"
    confirmations = demo.message_ids("waitlist_notice", "")
    demo.deliver(second_wave(_at("2026-11-02", 10, 20), bounced,
                             confirmations.get(bounced, "")))
    demo.tick("an out-of-office reply and a bounce", _at("2026-11-02", 10, 30))

    demo.tick("the next morning: the facilitator's digest", _at("2026-11-03", 8))
    facilitator = [facilitator_meeting(_at("2026-11-03", 8, 40))]
    handled_link = demo.digest_link("K%C3%84SITELTY")
    if handled_link:
        facilitator.append(mail_of_link(handled_link, _at("2026-11-03", 8, 45)))
    demo.deliver(facilitator)
    demo.tick("the facilitator: a day from her calendar; an item handled from the digest's link",
              _at("2026-11-03", 9))
    demo.tick("the next digest lists what she changed by mail", _at("2026-11-04", 8))
    demo.print_changes()
    demo.tick("a week before the first day: reminders", _at("2026-12-02", 9))

    invitations = demo.message_ids("day_reminder", DAY_ONE)
    demo.deliver(rsvp_wave(_at("2026-12-02", 11), DAY_ONE, invitations,
                           f"day-{DAY_ONE}@example.org"))
    demo.tick("answers to the reminder: a reply, a calendar accept, a decline",
              _at("2026-12-02", 11, 30))
    demo.tick("the day before: reminders", _at("2026-12-08", 9))
    demo.tick("after the follow-up day: the cost summary", _at("2027-01-20", 16))
    demo.deliver(swedish_wave(_at("2027-01-21", 6, 40)))
    demo.tick("a sign-up in Swedish, answered in Swedish", _at("2027-01-21", 7))

    digest = demo.eml_of("digest:")
    if digest is not None:
        text, html = _body_parts(digest)
        html_path = folder / "digest.html"
        html_path.write_text(html, encoding="utf-8")
        print("\n== the facilitator's latest digest (text part)\n")
        print(textwrap.indent(text.strip(), "  "))
        print(f"\n  HTML: {html_path}\n  mail: {digest}")
    costs = demo.eml_of("costs:")
    if costs is not None:
        text, _ = _body_parts(costs)
        print("\n== the cost summary (text part)\n")
        print(textwrap.indent(text.strip(), "  "))
        print(f"\n  mail with the CSV for Excel: {costs}")
    print(f"\nTry: mailflow --config {demo.config} people | orgs | attention | days list")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    return run_demo(Path(args.folder), fast=args.fast)


def add_demo(sub: Subcommands) -> None:
    """``mailflow demo``."""
    p = sub.add_parser("demo", help="watch mailflow handle a realistic sample, in seconds")
    p.add_argument("--folder", default="var/demo")
    p.add_argument("--fast", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)
