"""A small network whose digest has every action link, rendered by the real renderer.

One attention item with a plain question, one with a hostile subject and body (quotes,
``<script>``, CR/LF, ``&cc=evil@example.org``), a waitlisted person and a bounced address.
Used by the digest's link tests, the browser test and ``bench/digest_screenshot.py``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mailflow.core.model import AttentionItem, NetworkDay, Organisation, Person, Reason
from mailflow.core.schedule.digest import Digest, build_digest
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import MailRequest, NetworkState
from mailflow.core.writing.mailto import read_mailto
from mailflow.core.writing.render import RenderedMail, Renderer

__all__ = [
    "EVIL_SUBJECT",
    "NETWORK",
    "NOW",
    "QUESTION",
    "TZ",
    "render_sample",
    "sample_digest",
    "sample_state",
]

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 12, 6, 8, 0, tzinfo=TZ)
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
NETWORK = NetworkSettings(address="verkosto@example.org", facilitator="vetaja@example.org",
                          name="Asiakaslähtöisyys oppilaitoksissa")
#: A subject that tries to break out of the link, the attribute and the page.
EVIL_SUBJECT = 'Kysymys "lounaasta" <script>alert(1)</script>\r\nBcc: x@example.org &cc=evil@example.org'
QUESTION = "Hei,\nkuka maksaa lounaan? Tuleeko 19.12. päivään myös\nerityisruokavalio?\n\nt. Aino"

_DAY = NetworkDay(id="2026-12-19", date=date(2026, 12, 19), start=time(10), end=time(16),
                  place="Kuntatalo, Helsinki", title="Verkostopäivä 2")


def _person(address: str, name: str, org: str, status: str = "registered",
            position: int | None = None, *, failing: bool = False) -> Person:
    return Person(address=address, name=name, org=org, role="staff",
                  status=status,  # type: ignore[arg-type]
                  waitlist_position=position, registered_at=NOW - timedelta(days=3),
                  failing=failing)


def sample_state() -> NetworkState:
    """Two organisations, a waitlisted person, a bounced address and two attention items."""
    orgs = {"omnia": Organisation(key="omnia", name="Omnia"),
            "keuda": Organisation(key="keuda", name="Keuda")}
    people = [
        _person("aino.laine@omnia.test", "Aino Laine", "omnia"),
        _person("eero.koski@omnia.test", "Eero Koski", "omnia", failing=True),
        _person("helmi.virta@keuda.test", "Helmi Virta", "keuda"),
        _person("juha.niemi@keuda.test", "Juha Niemi", "keuda", "waitlisted", 1),
    ]
    attention = {
        "q1": AttentionItem(id="q1", message_key="<q1@omnia.test>", sender="aino.laine@omnia.test",
                            subject="VS: Lounas ja ruokavalio", excerpt=QUESTION,
                            reasons=(Reason.of("question"),), at=NOW - timedelta(hours=3)),
        "q2": AttentionItem(id="q2", message_key="<q2@keuda.test>", sender="helmi.virta@keuda.test",
                            subject=EVIL_SUBJECT, reasons=(Reason.of("not_understood"),),
                            excerpt='"><script>alert(2)</script>\r\nTo: evil@example.org & 100 %',
                            at=NOW - timedelta(hours=1)),
    }
    return NetworkState(organisations=orgs, people={p.address: p for p in people},
                        days={_DAY.id: _DAY}, attention=attention)


def sample_digest(language: str = "fi") -> Digest:
    """The sample network's digest in ``language``, links to the network's address."""
    return build_digest(sample_state(), NOW, NOW - timedelta(days=1), failed_mails=[],
                        max_per_org=4, tz=TZ, language=language,
                        network_address=NETWORK.address)


def render_sample(language: str = "fi") -> RenderedMail:
    """The sample digest as the facilitator receives it (subject, text and HTML)."""
    request = MailRequest(key="digest:2026-12-06", to=NETWORK.facilitator, template="digest",
                          language=language, context={"digest": sample_digest(language)},
                          auto="auto-generated")
    return Renderer(TEMPLATES, NETWORK, TZ).render(request, now=NOW)


def mail_from_link(url: str, sender: str, when: datetime = NOW) -> EmailMessage:
    """The mail a client writes when the facilitator clicks ``url`` and presses send: its
    To, Cc, Subject and body as the link gave them (for tests that deliver it)."""
    fields = read_mailto(url)
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = ", ".join(fields.to)
    if fields.cc:
        mail["Cc"] = ", ".join(fields.cc)
    mail["Subject"] = fields.subject
    mail["Date"] = format_datetime(when)
    mail["Message-ID"] = f"<link-{abs(hash(url)) % 10**12}@example.org>"
    mail.set_content(fields.body or "\n")
    return mail
