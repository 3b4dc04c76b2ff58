"""Rendering: every catalogue mail in both languages, the headers, the calendar, the safety."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from decimal import Decimal
from email import message_from_bytes
from email.message import EmailMessage, MIMEPart
from email.policy import default
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from mailflow.config.resources import templates_dir
from mailflow.core.catalogue import CATALOGUE
from mailflow.core.model import CostItem, NetworkDay, Organisation, Person
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import MailRequest
from mailflow.core.writing.headers import make_message_id
from mailflow.core.writing.render import Attachment, RenderedMail, Renderer, RenderError

NOW = datetime(2026, 11, 20, 7, 15, tzinfo=UTC)
NETWORK = NetworkSettings(
    address="verkosto@example.org",
    facilitator="vetaja@example.org",
    name="Asiakaslähtöisyys oppilaitoksissa",
    facilitator_name="Verkoston vetäjä",
)
DAY = NetworkDay(
    id="2026-12-09", date=date(2026, 12, 9), start=time(10), end=time(16),
    place="Kuntatalo, Helsinki", follow_up=True, sequence=2,
    cost_items=(CostItem("asiantuntijapalkkio", Decimal("1200")),
                CostItem("tarjoilu", Decimal("34.50"))),
    calendar_uid="040000008200E00074C5B7101A82E008@example.org", calendar_sequence=1,
)
MINE = [name for name in CATALOGUE if name not in ("digest", "cost_summary")]
HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"
DAY_DATE = {"fi": "ke 9.12.2026", "en": "Wed 9 Dec 2026", "sv": "ons 9.12.2026"}
SIGNATURE = {"fi": "Ystävällisin terveisin", "en": "Kind regards", "sv": "Med vänliga hälsningar"}
CALENDAR = {"day_invitation": "request", "day_reminder": "request", "day_changed": "request",
            "day_cancelled": "cancel", "day_created": "reply", "day_updated": "reply"}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(templates_dir(), NETWORK, ZoneInfo("Europe/Helsinki"))


def person(name: str = "Maija Mäkinen", **changes: Any) -> Person:
    return Person(address="maija@omnia.test", name=name, org="omnia", role="management",
                  diet="gluteeniton", **changes)


def context_for(template: str, text: str = "") -> dict[str, Any]:
    """A realistic context with exactly the catalogue's keys; ``text`` is mixed into user text."""
    suffix = f" {text}" if text else ""
    values: dict[str, Any] = {
        "person": person(name="Maija Mäkinen" + suffix),
        "organisation": Organisation(key="omnia", name="Omnia" + suffix),
        "days": [DAY],
        "position": 3,
        "substitute": Person(address="teppo@omnia.test", name="Teppo Testaaja" + suffix,
                             org="omnia", role="staff"),
        "substitute_name": "Teppo Testaaja" + suffix,
        "changes": ["erityisruokavalio: laktoositon" + suffix],
        "day": DAY.replace(place="Kuntatalo, Helsinki" + suffix),
        "answer": "yes",
        "address": "maija@omnia.test",
        "subject": "Kysymys jatkopäivästä" + suffix,
        "action": "peru ilmoittautuminen" + suffix,
        "token": "VAHVISTA-7KQ2M9XD",
        "data_json": '{"name": "Maija Mäkinen' + suffix.replace('"', "") + '"}',
        "days_before": 7,
        "body": "Hei kaikki,\n\nseuraava verkostopäivä lähestyy." + suffix,
        "zone": "FLE Standard Time",
        "notes": [{"code": "cost_without_amount", "line": "tilavuokra" + suffix}],
        "previous": DAY.replace(place="Omnia, Espoo" + suffix),
        "changed": ["place"],
        "announced": True,
        "reason": "past",
        "event": None,
    }
    return {key: values[key] for key in CATALOGUE[template]}


def request_for(template: str, lang: str = "fi", text: str = "", **changes: Any) -> MailRequest:
    fields: dict[str, Any] = dict(
        key=f"{template}:maija@omnia.test", to="maija@omnia.test", to_name="Maija Mäkinen",
        template=template, language=lang, context=context_for(template, text),
        calendar=CALENDAR.get(template, ""), day=DAY.id if template in CALENDAR else "",
        list_mail=template == "announcement",
        auto="auto-generated" if template.startswith(("day_", "announcement")) else "auto-replied",
    )
    fields.update(changes)
    return MailRequest(**fields)


def render(renderer: Renderer, request: MailRequest, **kwargs: Any) -> tuple[RenderedMail, EmailMessage]:
    day = kwargs.pop("day", request.context.get("day", DAY if request.calendar else None))
    mail = renderer.render(request, now=NOW, day=day, **kwargs)
    parsed = message_from_bytes(mail.raw, policy=default)
    assert isinstance(parsed, EmailMessage)
    return mail, parsed


def parts(msg: EmailMessage) -> tuple[str, str]:
    text = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert text is not None
    assert html is not None
    return (text.get_content().replace("\r\n", "\n"), html.get_content().replace("\r\n", "\n"))


def facts(template: str, lang: str) -> list[str]:
    """What a reader checks first in each mail: who, which organisation, which day..."""
    keys = CATALOGUE[template]
    expected = []
    if "person" in keys:
        expected.append("Maija")
    if "organisation" in keys:
        expected.append("Omnia")
    if "day" in keys or "days" in keys:
        expected.append(DAY_DATE[lang])
    if "substitute" in keys:
        expected += ["Teppo Testaaja", "teppo@omnia.test", "Maija Mäkinen"]
    if "substitute_name" in keys:
        expected.append("Teppo Testaaja")
    if "position" in keys:
        expected.append("3")
    if "address" in keys:
        expected.append("maija@omnia.test")
    if "token" in keys:
        expected += ["VAHVISTA-7KQ2M9XD", "peru ilmoittautuminen"]
    if "changes" in keys:
        expected.append("laktoositon")
    if "subject" in keys and template != "announcement":  # an announcement's is its Subject
        expected.append("Kysymys jatkopäivästä")
    if "body" in keys:
        expected.append("seuraava verkostopäivä lähestyy")
    return expected


def test_templates_exist_for_every_catalogue_mail_in_every_language() -> None:
    for lang in ("fi", "en", "sv"):
        for name in MINE:
            for suffix in (".subject.txt", ".txt", ".html"):
                assert (templates_dir() / lang / f"{name}{suffix}").is_file(), (lang, name, suffix)


@pytest.mark.parametrize("lang", ["fi", "en", "sv"])
@pytest.mark.parametrize("template", MINE)
def test_every_mail_renders_with_its_key_facts(renderer: Renderer, template: str, lang: str) -> None:
    mail, msg = render(renderer, request_for(template, lang))
    assert mail.subject
    assert "\n" not in mail.subject
    assert msg["Subject"] == mail.subject
    text, html = parts(msg)
    assert text == mail.text
    assert html == mail.html
    for fact in facts(template, lang):
        assert fact in text, (fact, "text")
        assert fact in html, (fact, "html")
    assert NETWORK.name in text
    assert f'<html lang="{lang}">' in html
    assert (SIGNATURE[lang] in text) == (template != "announcement")


@pytest.mark.parametrize("lang", ["fi", "en", "sv"])
@pytest.mark.parametrize("template", MINE)
def test_user_text_is_shown_never_evaluated_or_run(renderer: Renderer, template: str, lang: str) -> None:
    mail, msg = render(renderer, request_for(template, lang, text=HOSTILE))
    text, html = parts(msg)
    assert "<script>" not in html
    assert "49" not in text + html + mail.subject
    # mails whose only user text is the name greeted by its first word are checked below
    free_text = set(CATALOGUE[template]) - {"address", "position", "answer", "days_before", "token",
                                            "person"}
    if free_text:
        assert "&lt;script&gt;" in html
        assert "{{ 7*7 }}" in text


def test_a_hostile_first_name_is_escaped_in_the_greeting(renderer: Renderer) -> None:
    request = request_for("cancel_confirmation",
                          context={"person": person(name="<b>Maija</b>{{7*7}} Mäkinen")})
    _, msg = render(renderer, request)
    text, html = parts(msg)
    assert text.startswith("Hei <b>Maija</b>{{7*7}},")
    assert "Hei &lt;b&gt;Maija&lt;/b&gt;{{7*7}}," in html


def test_signup_confirmation_echoes_what_was_understood(renderer: Renderer) -> None:
    _, msg = render(renderer, request_for("signup_confirmation"))
    text, html = parts(msg)
    for part in (text, html):
        assert "Hei Maija," in part
        for fact in ("Maija Mäkinen", "Omnia", "johto", "gluteeniton", "ke 9.12.2026 klo 10.00–16.00",
                     "Kuntatalo, Helsinki", "Korjaus:", "PERUUTAN"):
            assert fact in part, fact
    _, msg = render(renderer, request_for("signup_confirmation", "en"))
    text, _ = parts(msg)
    assert "Hello Maija," in text
    assert "management" in text
    assert "Wed 9 Dec 2026, 10:00–16:00" in text


def test_signup_with_all_days_says_so(renderer: Renderer) -> None:
    request = request_for("signup_confirmation")
    request = request_for("signup_confirmation", context={**request.context, "days": []})
    text, html = parts(render(renderer, request)[1])
    assert "kaikki tulevat verkostopäivät" in text
    assert "kaikki tulevat verkostopäivät" in html


def test_rsvp_no_reads_differently_from_yes(renderer: Renderer) -> None:
    yes = request_for("rsvp_confirmation")
    no = request_for("rsvp_confirmation", context={**yes.context, "answer": "no"})
    yes_mail, _ = render(renderer, yes)
    no_mail, _ = render(renderer, no)
    assert "osallistut" in yes_mail.text
    assert "ettet pääse" in no_mail.text
    assert yes_mail.subject != no_mail.subject


def test_follow_up_invitation_shows_the_shared_price(renderer: Renderer) -> None:
    mail, _ = render(renderer, request_for("day_invitation"))
    assert "1\u00a0234,50\u00a0€" in mail.text
    assert "jaetaan" in mail.text


def test_headers_of_an_answer(renderer: Renderer) -> None:
    request = request_for("signup_confirmation", in_reply_to="<abc@omnia.test>",
                          references=("<root@omnia.test>",))
    mail, msg = render(renderer, request)
    assert mail.message_id == make_message_id(request.key, "example.org") == msg["Message-ID"]
    assert msg["From"].addresses[0].display_name == NETWORK.name
    assert msg["From"].addresses[0].addr_spec == "verkosto@example.org"
    assert msg["To"].addresses[0].display_name == "Maija Mäkinen"
    assert msg["To"].addresses[0].addr_spec == mail.to == "maija@omnia.test"
    assert msg["Reply-To"] == "verkosto@example.org"
    assert msg["Date"].datetime == NOW
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert msg["X-Mailflow-Loop"] == "verkosto@example.org"
    assert msg["In-Reply-To"] == "<abc@omnia.test>"
    assert msg["References"] == "<root@omnia.test> <abc@omnia.test>"
    assert msg["Precedence"] is None
    assert msg["List-Unsubscribe"] is None


def test_raw_is_seven_bit_crlf_with_short_lines(renderer: Renderer) -> None:
    mail, _ = render(renderer, request_for("day_invitation"))
    assert mail.raw.isascii()  # no 8BITMIME needed
    lines = mail.raw.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 80  # folded: far under RFC 5322's 998


def test_message_id_is_stable_across_renders_and_names_the_day(renderer: Renderer) -> None:
    first, _ = render(renderer, request_for("day_reminder"))
    again, _ = render(renderer, request_for("day_reminder"))
    assert first.message_id == again.message_id
    assert ".day-2026-12-09@example.org>" in first.message_id


def test_list_mail_carries_unsubscribe_and_bulk(renderer: Renderer) -> None:
    _, msg = render(renderer, request_for("announcement"))
    assert msg["Subject"] == "Kysymys jatkopäivästä"
    assert msg["Precedence"] == "bulk"
    assert msg["List-Unsubscribe"] == "<mailto:verkosto@example.org?subject=EI%20KIITOS>"
    assert "<interest.example.org>" in msg["List-Id"]
    assert msg["Auto-Submitted"] == "auto-generated"


def test_english_request_gets_english_and_unknown_language_finnish(renderer: Renderer) -> None:
    english, _ = render(renderer, request_for("cancel_confirmation", "en"))
    swedish, _ = render(renderer, request_for("cancel_confirmation", "sv"))
    german, _ = render(renderer, request_for("cancel_confirmation", "de"))
    assert "cancelled" in english.subject
    assert "återkallats" in swedish.subject
    assert "peruttu" in german.subject


def calendar_of(msg: EmailMessage) -> tuple[MIMEPart, Calendar]:
    inline = msg.get_body(("calendar",))
    assert inline is not None
    return inline, Calendar.from_ical(inline.get_content())


def test_invitation_has_calendar_inline_and_attached(renderer: Renderer) -> None:
    _, msg = render(renderer, request_for("day_invitation"))
    assert msg.get_content_type() == "multipart/mixed"
    alternative = next(p for p in msg.iter_parts() if p.get_content_type() == "multipart/alternative")
    types = [p.get_content_type() for p in alternative.iter_parts()]
    assert types == ["text/plain", "text/html", "text/calendar"]
    inline, cal = calendar_of(msg)
    assert inline.get_param("method") == "REQUEST"
    [event] = cal.walk("VEVENT")
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == "day-2026-12-09@example.org"
    assert event.decoded("SEQUENCE") == 2
    assert str(event["ATTENDEE"]) == "mailto:maija@omnia.test"
    assert event["ATTENDEE"].params["RSVP"] == "TRUE"
    [ics] = [p for p in msg.iter_attachments() if p.get_filename() == "invite.ics"]
    assert Calendar.from_ical(ics.get_content()).walk("VEVENT")[0]["UID"] == event["UID"]


def test_cancellation_sends_method_cancel(renderer: Renderer) -> None:
    _, msg = render(renderer, request_for("day_cancelled"), day=DAY.replace(cancelled=True))
    inline, cal = calendar_of(msg)
    assert inline.get_param("method") == "CANCEL"
    assert str(cal.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_attachments_arrive_with_name_and_content(renderer: Renderer) -> None:
    csv = "organisaatio;osuus\nOmnia;411,50\n"
    _, msg = render(renderer, request_for("commit_confirmation"),
                    attachments=(Attachment("kustannukset-2026-12-09.csv", "text/csv", csv.encode()),))
    [attached] = list(msg.iter_attachments())
    assert attached.get_filename() == "kustannukset-2026-12-09.csv"
    assert attached.get_content_type() == "text/csv"
    assert attached.get_payload(decode=True) == csv.encode()


def test_missing_context_key_is_a_render_error(renderer: Renderer) -> None:
    request = request_for("waitlist_notice")
    broken = request_for("waitlist_notice", context={k: v for k, v in request.context.items()
                                                     if k != "position"})
    with pytest.raises(RenderError, match="position"):
        renderer.render(broken, now=NOW)


def test_unknown_template_and_calendar_without_day_are_render_errors(renderer: Renderer) -> None:
    with pytest.raises(RenderError, match="no_such_mail"):
        renderer.render(MailRequest(key="k", to="maija@omnia.test", template="no_such_mail"),
                        now=NOW)
    request = request_for("forget_done", calendar="request")
    with pytest.raises(RenderError, match="network day"):
        renderer.render(request, now=NOW)


def test_a_naive_now_is_refused(renderer: Renderer) -> None:
    with pytest.raises(RenderError, match="aware"):
        renderer.render(request_for("forget_done"), now=datetime(2026, 11, 20, 7, 15))


HEADER_NAME = re.compile(rb"^[A-Za-z0-9-]+:")
ALLOWED = {"from", "to", "reply-to", "subject", "date", "message-id", "content-language",
           "auto-submitted", "x-auto-response-suppress", "x-mailflow-loop", "in-reply-to",
           "references", "mime-version", "content-type", "precedence", "list-id",
           "list-unsubscribe"}
nasty = st.one_of(
    st.text(max_size=60),
    st.sampled_from([
        "Maija\r\nBcc: x@evil.test", "=?utf-8?q?=0D=0ABcc:_x@evil.test?=", "Mäkinen\x00\r\n\r\n<b>",
        "x\nSubject: spoof", "\u2028To: x@evil.test", "=?utf-8?b?DQpCY2M6IHhAZXZpbC50ZXN0?=",
    ]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=nasty, subject=nasty, org=nasty, ref=nasty)
def test_no_user_text_ever_breaks_a_header(renderer: Renderer, name: str, subject: str, org: str,
                                           ref: str) -> None:
    context = {"subject": subject}
    for template, ctx in (("attention_ack", context),
                          ("commit_confirmation", {"person": person(name=name),
                                                   "organisation": Organisation("o", org)}),
                          ("announcement", {"address": "maija@omnia.test", "subject": subject,
                                            "body": name})):
        request = MailRequest(key="k", to="maija@omnia.test", to_name=name, template=template,
                              context=ctx, in_reply_to=ref, references=(ref, "<ok@omnia.test>"),
                              list_mail=template == "announcement")
        mail = renderer.render(request, now=NOW)
        head = mail.raw.split(b"\r\n\r\n", 1)[0]
        names = []
        for line in head.split(b"\r\n"):
            assert b"\r" not in line
            assert b"\n" not in line
            if line[:1] in (b" ", b"\t"):
                continue  # folding
            assert HEADER_NAME.match(line), line
            names.append(line.split(b":", 1)[0].decode().lower())
        assert set(names) <= ALLOWED, names
        assert len(names) == len(set(names))
        parsed = message_from_bytes(mail.raw, policy=default)
        for header, value in parsed.items():
            assert "\r" not in str(value), header
            assert "\n" not in str(value), header
        assert [a.addr_spec for a in parsed["To"].addresses] == ["maija@omnia.test"]
        assert "\n" not in mail.subject
        assert "=?" not in mail.subject


@pytest.mark.parametrize("lang", ["fi", "en", "sv"])
def test_day_changed_without_listed_changes_still_reads_well(renderer: Renderer, lang: str) -> None:
    request = request_for("day_changed", lang)
    request = request_for("day_changed", lang, context={**request.context, "changes": []})
    text, html = parts(render(renderer, request)[1])
    assert DAY_DATE[lang] in text
    assert DAY_DATE[lang] in html
    assert "<ul" not in html
    assert "\n- " not in text


def test_same_request_renders_to_the_same_bytes_in_its_language(renderer: Renderer) -> None:
    first, msg = render(renderer, request_for("day_invitation", "en"))
    again, _ = render(renderer, request_for("day_invitation", "en"))
    assert first.raw == again.raw  # a resend after a crash is the very same mail
    assert msg["Content-Language"] == "en"


def test_long_finnish_names_and_subjects_fold_and_read_back(renderer: Renderer) -> None:
    name = "Ääliö Öörni-Äyräpää Ålander von Überlänge-Pitkäsukunimi"
    subject = "Kysymys jatkopäivästä " + "pitkä teksti ä ö " * 6
    request = MailRequest(key="k", to="maija@omnia.test", to_name=name, template="attention_ack",
                          context={"subject": subject}, in_reply_to="<" + "x" * 300 + "@omnia.test>",
                          references=("<root@omnia.test>",))
    mail, msg = render(renderer, request)
    lines = mail.raw.split(b"\r\n")
    assert mail.raw.isascii()
    assert max(len(line) for line in lines) <= 78
    assert msg["Subject"] == mail.subject == "Re: " + subject.strip()
    [to] = msg["To"].addresses
    assert to.addr_spec == "maija@omnia.test"
    assert to.display_name.replace(" ", "") == name.replace(" ", "")
    assert msg["In-Reply-To"] is None  # an id too long for a header line is left out
    assert msg["References"] == "<root@omnia.test>"
