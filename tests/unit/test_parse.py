"""parse_message and message_key: what a user of the parsed message relies on."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailflow.core.reading.htmltext import html_to_text
from mailflow.core.reading.parse import message_key, parse_message
from mailflow.core.values import CalendarReply, ParsedMessage
from tests.work import assert_linear, calls

OWN = "verkosto@example.org"
DATA = Path(__file__).resolve().parent.parent / "data"
MY_CORPUS = sorted([*DATA.glob("robot_*.eml"), *DATA.glob("format_*.eml")])


def parse(raw: bytes, **kwargs: str) -> ParsedMessage:
    return parse_message(raw, own_address=OWN, **kwargs)


def mail(body: bytes | str = "Tulen.\n", **headers: str) -> bytes:
    fields = {
        "From": "Maija Mallikas <maija.mallikas@omnia.test>",
        "To": OWN,
        "Subject": "Verkostopäivä",
        "Message-ID": "<m1@omnia.test>",
        "Content-Type": "text/plain; charset=utf-8",
    }
    fields.update({name.replace("_", "-"): value for name, value in headers.items()})
    head = "".join(f"{name}: {value}\n" for name, value in fields.items() if value)
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    return head.encode("utf-8") + b"\n" + data


# -- the corpus ------------------------------------------------------------------


def test_corpus_is_large_enough() -> None:
    assert len(MY_CORPUS) >= 25


@pytest.mark.parametrize("path", MY_CORPUS, ids=[p.name for p in MY_CORPUS])
def test_corpus_robot_bounced_and_new_text(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    parsed = parse(path.read_bytes())
    assert parsed.robot == expected["robot"]
    assert list(parsed.bounced) == expected.get("bounced", [])
    for words in expected.get("new_text_contains", []):
        assert words in parsed.new_text
    for words in expected.get("new_text_excludes", []):
        assert words not in parsed.new_text
    assert parsed.key == message_key(path.read_bytes())


# -- addresses and headers ----------------------------------------------------------


def test_from_is_lower_cased_and_the_name_decoded() -> None:
    raw = mail(From="=?iso-8859-1?Q?P=E4ivi_Heikkil=E4?= <Paivi.Heikkila@STADI.test>")
    parsed = parse(raw)
    assert parsed.from_addr == "paivi.heikkila@stadi.test"
    assert parsed.from_name == "Päivi Heikkilä"


@pytest.mark.parametrize(
    "display",
    [
        "=?utf-8?q?x=0D=0ABcc:_evil@evil.test?=",
        "=?utf-8?q?Mallikas,_Maija?=",
        '"evil@evil.test <evil@evil.test>"',
        "Evil: group@evil.test;",
    ],
)
def test_the_angle_address_of_from_wins_over_a_tricky_display_name(display: str) -> None:
    parsed = parse(mail(From=f"{display} <henkilo@omnia.test>"))
    assert parsed.from_addr == "henkilo@omnia.test"
    assert "\n" not in parsed.from_name


def test_implausible_addresses_are_dropped() -> None:
    parsed = parse(mail(From="=?utf-8?q?x:_a@evil.test?=", To="=?utf-8?q?x:_b@evil.test?=, ok@omnia.test"))
    assert parsed.from_addr == ""
    assert parsed.to == ("ok@omnia.test",)


def test_raw_utf8_in_headers_is_read() -> None:
    parsed = parse(mail(From="Päivi Heikkilä <paivi@stadi.test>", Subject="Ilmoittautuminen päivään"))
    assert parsed.from_name == "Päivi Heikkilä"
    assert parsed.subject == "Ilmoittautuminen päivään"


def test_recipients_with_commas_in_names() -> None:
    raw = mail(
        To='"Mallikas, Maija" <Maija@omnia.test>, verkosto@example.org',
        Cc="Pekka <pekka@stadi.test>,\n liisa@keuda.test",
        Reply_To="Assistentti <Assistentti@omnia.test>",
    )
    parsed = parse(raw)
    assert parsed.to == ("maija@omnia.test", "verkosto@example.org")
    assert parsed.cc == ("pekka@stadi.test", "liisa@keuda.test")
    assert parsed.reply_to == "assistentti@omnia.test"


def test_encoded_words_join_without_spurious_spaces() -> None:
    raw = mail(Subject="=?utf-8?Q?Verkostop=C3=A4?= =?utf-8?Q?iv=C3=A4?= 9.12. =?utf-8?B?a3lsbMOk?=")
    assert parse(raw).subject == "Verkostopäivä 9.12. kyllä"


def test_broken_encoded_word_keeps_the_raw_text() -> None:
    parsed = parse(mail(Subject="=?utf-8?B?SWxtb2l0dGF1dHVtaW5lbi?= =?broken?="))
    assert parsed.subject == "Ilmoittautuminen =?broken?="


def test_unknown_charset_in_an_encoded_word_still_reads() -> None:
    assert parse(mail(Subject="=?x-unknown?Q?Tulen_9.12.?=")).subject == "Tulen 9.12."


def test_encoded_line_breaks_never_reach_a_header_value() -> None:
    raw = mail(
        Subject="=?utf-8?Q?Hei=0D=0ABcc:_x@evil.test?=",
        From="=?utf-8?Q?Maija=0D=0AX-Injected:_1?= <maija@omnia.test>",
    )
    parsed = parse(raw)
    for value in (parsed.subject, parsed.from_name, *parsed.headers.values()):
        assert "\r" not in value
        assert "\n" not in value
    assert "Bcc: x@evil.test" in parsed.subject


def test_date_is_aware() -> None:
    parsed = parse(mail(Date="Wed, 2 Dec 2026 10:00:00 +0200"))
    assert parsed.date == datetime(2026, 12, 2, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    assert parse(mail(Date="2 Dec 2026 09:31:07 -0000")).date == datetime(
        2026, 12, 2, 9, 31, 7, tzinfo=UTC
    )


def test_bad_date_is_none_and_a_problem() -> None:
    parsed = parse(mail(Date="eilen iltapäivällä"))
    assert parsed.date is None
    assert any("Date" in p for p in parsed.problems)


def test_threading_headers() -> None:
    raw = mail(
        In_Reply_To="<b2.day-2026-12-09@example.org> (Kehittämisverkosto's message)",
        References="<a1@example.org>\n <b2.day-2026-12-09@example.org>",
    )
    parsed = parse(raw)
    assert parsed.in_reply_to == "b2.day-2026-12-09@example.org"
    assert parsed.references == ("a1@example.org", "b2.day-2026-12-09@example.org")


def test_selected_headers_are_kept_by_lower_case_name() -> None:
    raw = mail(Auto_Submitted="auto-replied", List_Id="<x.lists.stadi.test>", X_Spam="no")
    headers = parse(raw).headers
    assert headers["auto-submitted"] == "auto-replied"
    assert headers["list-id"] == "<x.lists.stadi.test>"
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert "x-spam" not in headers


# -- message_key ------------------------------------------------------------------


def test_message_key_strips_brackets_and_whitespace() -> None:
    raw = b"From: a@omnia.test\r\nMessage-Id:\r\n <abc.123@omnia.test >\r\n\r\nbody\r\n"
    assert message_key(raw) == "abc.123@omnia.test"
    assert parse(raw).message_id == "abc.123@omnia.test"


def test_message_key_without_message_id_is_the_hash() -> None:
    raw = b"From: a@omnia.test\n\nMessage-ID: <in-the-body@omnia.test>\n"
    key = message_key(raw)
    assert key == "sha256:" + hashlib.sha256(raw).hexdigest()
    parsed = parse(raw)
    assert parsed.key == key
    assert parsed.message_id == ""


def test_message_key_differs_for_different_mail_without_id() -> None:
    assert message_key(b"From: a@omnia.test\n\nyes\n") != message_key(b"From: a@omnia.test\n\nno\n")


def test_message_key_reads_only_the_header_block() -> None:
    # the same work whatever the body's size (bench/hostile_input.py times it)
    assert calls(message_key, mail("x" * 200_000)) == calls(message_key, mail("x" * 400_000))


# -- bodies ------------------------------------------------------------------------


def test_html_only_mail_becomes_readable_text() -> None:
    html = (
        "<html><head><title>x</title><style>p {color: red}</style>"
        "<script>alert('x')</script></head><body>"
        "<div class=WordSection1><p class=MsoNormal>Ilmoitan osallistujiksi:<o:p></o:p></p>"
        "<ul><li>Maija Mallikas</li><li>Pekka &amp; Liisa</li></ul>"
        "<p>Terveisin<br>Riikka&nbsp;Mattila</p></div></body></html>"
    )
    parsed = parse(mail(html, Content_Type="text/html; charset=utf-8"))
    assert parsed.html_only
    assert parsed.text == (
        "Ilmoitan osallistujiksi:\n\n- Maija Mallikas\n- Pekka & Liisa\n\nTerveisin\nRiikka Mattila"
    )
    assert "alert" not in parsed.text
    assert "color" not in parsed.text


def test_html_blockquote_becomes_quoted_lines() -> None:
    text = html_to_text("<p>Tulen.</p><blockquote><p>Tuletko?</p><blockquote>Vanha</blockquote></blockquote>")
    assert text.splitlines() == ["Tulen.", "", "> Tuletko?", ">", "> > Vanha"]


def test_outlook_conditional_markup_is_dropped_and_its_content_kept() -> None:
    html = (
        "<!DOCTYPE html><html><body><!--[if gte mso 9]><xml><o:OfficeDocumentSettings>"
        "</o:OfficeDocumentSettings></xml><![endif]-->"
        "<p class=MsoListParagraph><![if !supportLists]>- <![endif]>Maija Mallikas</p>"
        "<p>Pekka &lt;pekka@stadi.test&gt; a < b</p></body></html>"
    )
    assert html_to_text(html) == "- Maija Mallikas\n\nPekka <pekka@stadi.test> a < b"


@pytest.mark.parametrize(
    "unit", ["<!--", "<a x=", "<div x", "</", "<![CDATA[x>", "<![if x>", "<x='", "<?", "<a"]
)
def test_hostile_html_takes_linear_work(unit: str) -> None:
    # html.parser alone takes minutes on 400 kB of these (bench/hostile_input.py times it)
    assert_linear(html_to_text, lambda size: unit * (size // len(unit)), 20_000)


def test_plain_alternative_is_preferred_over_html() -> None:
    raw = mail(
        "--B\nContent-Type: text/plain; charset=utf-8\n\nTulen (plain).\n"
        "--B\nContent-Type: text/html; charset=utf-8\n\n<p>Tulen (html).</p>\n--B--\n",
        Content_Type='multipart/alternative; boundary="B"',
        MIME_Version="1.0",
    )
    parsed = parse(raw)
    assert parsed.text == "Tulen (plain)."
    assert not parsed.html_only


@pytest.mark.parametrize(
    ("charset", "data", "expected"),
    [
        ("iso-8859-1", "Hyvää päivää".encode("iso-8859-1"), "Hyvää päivää"),
        ("iso-8859-15", "Hinta 450 €".encode("iso-8859-15"), "Hinta 450 €"),
        ("windows-1252", "\u201dSitoudumme\u201d \u2013 450 \u20ac".encode("cp1252"), "\u201dSitoudumme\u201d \u2013 450 \u20ac"),
        ("iso-8859-1", "Outlook \u2013 \u201dlainaus\u201d".encode("cp1252"), "Outlook \u2013 \u201dlainaus\u201d"),
        ("iso-8859-1", "Tulen päivään".encode(), "Tulen päivään"),
        ("utf-8", "Tulen päivään".encode("iso-8859-1"), "Tulen päivään"),
        ("x-no-such-charset", "Tulen päivään".encode(), "Tulen päivään"),
        ("us-ascii", "Tulen päivään".encode(), "Tulen päivään"),
    ],
    ids=["latin1", "latin9", "cp1252", "cp1252-as-latin1", "utf8-as-latin1", "latin1-as-utf8", "unknown", "utf8-as-ascii"],
)
def test_charsets_and_their_mislabelling(charset: str, data: bytes, expected: str) -> None:
    raw = mail(data, Content_Type=f"text/plain; charset={charset}", Content_Transfer_Encoding="8bit")
    assert parse(raw).text == expected


def test_unknown_charset_is_named_as_a_problem() -> None:
    raw = mail("Tulen.", Content_Type="text/plain; charset=x-no-such-charset")
    assert any("charset" in p for p in parse(raw).problems)


def test_base64_and_quoted_printable_bodies() -> None:
    b64 = base64.encodebytes("Osallistun päivään.\n".encode()).decode()
    assert parse(mail(b64, Content_Transfer_Encoding="base64")).text == "Osallistun päivään."
    qp = "Osallistun p=C3=A4iv=C3=A4=\n=C3=A4n.\n"
    assert parse(mail(qp, Content_Transfer_Encoding="quoted-printable")).text == "Osallistun päivään."


def test_broken_base64_does_not_raise() -> None:
    parsed = parse(mail("T3NhbGxpc3R1bi!!!?\n====\n", Content_Transfer_Encoding="base64"))
    assert parsed.from_addr == "maija.mallikas@omnia.test"


def test_huge_text_part_is_truncated_and_noted() -> None:
    parsed = parse(mail("Tulen.\n" + "x" * 79 + "\n" * 1 + ("y" * 99 + "\n") * 30_000))
    assert parsed.text.startswith("Tulen.")
    assert len(parsed.text) <= 1024 * 1024
    assert "text part truncated" in parsed.problems


def test_attachments_are_named_not_decoded() -> None:
    raw = mail(
        "--B\nContent-Type: text/plain; charset=utf-8\n\nLiitteenä osallistujat.\n"
        "--B\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment; filename*=utf-8''Osallistujat%20p%C3%A4iv%C3%A4.pdf\n\n"
        "JVBERi0xLjQK\n"
        "--B\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--B--\n",
        Content_Type='multipart/mixed; boundary="B"',
    )
    parsed = parse(raw)
    assert parsed.attachments == ("Osallistujat päivä.pdf", "image/png")
    assert parsed.text == "Liitteenä osallistujat."


def test_large_attachment_is_cheap() -> None:
    blob = base64.encodebytes(bytes(range(256)) * 40_000 * 3)  # about 40 MB encoded
    raw = mail(
        b"--B\nContent-Type: text/plain\n\nLiitteen\xc3\xa4 esitys.\n"
        b"--B\nContent-Type: application/octet-stream; name=esitys.pptx\n"
        b"Content-Transfer-Encoding: base64\n\n" + blob + b"--B--\n",
        Content_Type='multipart/mixed; boundary="B"',
    )
    parsed = parse(raw)  # bench/hostile_input.py times it
    assert "long base64 content skipped" in parsed.problems
    assert parsed.attachments == ("esitys.pptx",)
    assert parsed.text == "Liitteenä esitys."
    assert parsed.size == len(raw)


def test_forwarded_message_rfc822_text_is_kept_as_new_text() -> None:
    raw = mail(
        "--B\nContent-Type: text/plain\n\nValitan ilmoittautumisen.\n"
        "--B\nContent-Type: message/rfc822\n\n"
        "From: Kalle Nurmi <kalle@omnia.test>\nSubject: Ilmoittautuminen\n"
        "Content-Type: text/plain\n\nIlmoittaudun verkostopaivaan.\n--B--\n",
        Content_Type='multipart/mixed; boundary="B"',
    )
    new = parse(raw).new_text
    assert "Valitan ilmoittautumisen." in new
    assert "From: Kalle Nurmi <kalle@omnia.test>" in new
    assert "Ilmoittaudun verkostopaivaan." in new


def test_deep_nesting_is_capped_not_fatal() -> None:
    depth = 30
    opening = "".join(
        f'--b{i}\nContent-Type: multipart/mixed; boundary="b{i + 1}"\n\n' for i in range(depth)
    )
    closing = "".join(f"--b{i}--\n" for i in reversed(range(depth + 1)))
    body = opening + f"--b{depth}\nContent-Type: text/plain\n\nSyvalla.\n" + closing
    parsed = parse(mail(body, Content_Type='multipart/mixed; boundary="b0"'))
    assert "MIME nesting too deep" in parsed.problems
    assert parsed.from_addr == "maija.mallikas@omnia.test"


def test_hundreds_of_boundaries_read_the_headers_only() -> None:
    depth = 500
    opening = "".join(
        f'--b{i}\nContent-Type: multipart/mixed; boundary="b{i + 1}"\n\n' for i in range(depth)
    )
    parsed = parse(mail(opening, Content_Type='multipart/mixed; boundary="b0"'))
    assert parsed.problems == ("too many MIME boundaries: body not read",)
    assert parsed.from_addr == "maija.mallikas@omnia.test"
    assert parsed.text == ""


def test_many_parts_are_capped() -> None:
    parts = "".join(f"--B\nContent-Type: application/octet-stream; name=f{i}.bin\n\nx\n" for i in range(300))
    parsed = parse(mail(parts + "--B--\n", Content_Type='multipart/mixed; boundary="B"'))
    assert "too many MIME parts" in parsed.problems
    assert len(parsed.attachments) <= 50


# -- calendar -------------------------------------------------------------------------


def test_outlook_accept_yields_the_calendar_reply() -> None:
    parsed = parse((DATA / "format_ical_outlook_accept.eml").read_bytes())
    assert parsed.calendar == CalendarReply(
        method="REPLY",
        uid="day-2026-12-09@example.org",
        partstat="ACCEPTED",
        attendee="maija.mallikas@omnia.test",
        starts_on=date(2026, 12, 9),
    )
    assert parsed.text == "Tulen mielelläni."


def test_gmail_decline_yields_the_calendar_reply() -> None:
    parsed = parse((DATA / "format_ical_gmail_decline.eml").read_bytes())
    assert parsed.calendar is not None
    assert (parsed.calendar.partstat, parsed.calendar.attendee) == ("DECLINED", "ville.virtanen@stadi.test")
    assert parsed.calendar.uid == "day-2026-12-09@example.org"
    assert "invite.ics" in parsed.attachments


def test_bad_calendar_data_is_a_problem() -> None:
    raw = mail(
        "--B\nContent-Type: text/plain\n\nTulen.\n"
        "--B\nContent-Type: text/calendar; method=REPLY\n\nBEGIN:VCALENDAR\nthis is not ical\n--B--\n",
        Content_Type='multipart/mixed; boundary="B"',
    )
    parsed = parse(raw)
    assert parsed.calendar is None
    assert any(p.startswith("calendar") for p in parsed.problems)
    assert parsed.text == "Tulen."


# -- authentication ----------------------------------------------------------------------

TRUSTED = "mx.example.org"


def authed(*results: str, sender: str = "maija@omnia.test", trusted: str = TRUSTED) -> bool:
    head = "".join(f"Authentication-Results: {r}\n" for r in results)
    raw = (head + f"From: {sender}\nTo: {OWN}\nSubject: x\n\nTulen.\n").encode()
    return parse(raw, trusted_authserv_id=trusted).authenticated


def test_dmarc_pass_from_our_server_authenticates() -> None:
    assert authed("mx.example.org; dkim=pass header.d=omnia.test; dmarc=pass (p=quarantine) header.from=omnia.test")


def test_aligned_dkim_pass_authenticates_also_from_a_parent_domain() -> None:
    assert authed("mx.example.org; dkim=pass header.d=omnia.test", sender="maija@mail.omnia.test")


def test_unaligned_dkim_does_not_authenticate() -> None:
    assert not authed("mx.example.org; dkim=pass header.d=evil.test; spf=pass")


def test_results_from_another_server_are_ignored() -> None:
    assert not authed("mx.evil.test; dmarc=pass header.from=omnia.test")


def test_no_trusted_server_configured_never_authenticates() -> None:
    assert not authed("mx.example.org; dmarc=pass header.from=omnia.test", trusted="")


def test_only_the_topmost_header_of_our_server_counts() -> None:
    assert not authed(
        "mx.example.org; dmarc=fail header.from=omnia.test",
        "mx.example.org; dmarc=pass header.from=omnia.test",  # forged further down
    )


def test_dmarc_pass_for_another_from_domain_does_not_count() -> None:
    assert not authed("mx.example.org; dmarc=pass header.from=evil.test")


# -- robustness and speed ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [b"", b"\x00\xff\xfe", b"From:\n\n", b"no headers at all", b"Content-Type: multipart/mixed\n\n--"],
)
def test_junk_never_raises(raw: bytes) -> None:
    parsed = parse(raw)
    assert parsed.key == message_key(raw)
    assert parsed.size == len(raw)


def test_missing_from_is_a_problem() -> None:
    parsed = parse(mail(From=""))
    assert parsed.from_addr == ""
    assert "no readable From address" in parsed.problems


# -- the single-part shortcut must build exactly the tree compat32 builds ------------------

_ODD_HEADERS = [
    b"From mbox Thu Nov 26 10:00:00 2026\nFrom: a@omnia.test\n\nbody\n",  # Unix From line
    b" folded first\nFrom: a@omnia.test\n\nbody\n",  # continuation first
    b"From: a@omnia.test\nno colon here\n\nbody\n",  # a body line among the headers
    b"From: a@omnia.test\rSubject: x\r\rbody\r",  # old Mac line ends
    b": no name\nFrom: a@omnia.test\n\nbody\n",
    b"From: a@omnia.test\r\nSubject: =?utf-8?q?x?=\r\n\tfolded\r\n\r\nbody\r\n",
    b"From: a@omnia.test\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n",
    b"From: a@omnia.test\nContent-Type: message/rfc822\n\nFrom: b@omnia.test\n\nx\n",
    b"From: a@omnia.test\nSubject: \xc3\xa4\xff\n\n\xe4 body \r\n\r\n> q\n",
    b"From: a@omnia.test\n\n",
]


@pytest.mark.parametrize(
    "raw", [*_ODD_HEADERS, *(p.read_bytes() for p in sorted(DATA.glob("*.eml")))]
)
def test_single_part_shortcut_builds_what_compat32_builds(raw: bytes) -> None:
    from email.parser import BytesParser
    from email.policy import compat32

    from mailflow.core.reading.tree import simple_tree

    simple = simple_tree(raw)
    full = BytesParser(policy=compat32).parsebytes(raw)
    if simple is None:  # left to the full parser: multipart, message/*, or odd headers
        assert full.is_multipart() or full.defects or full.get_unixfrom() or b"\r" in raw
        return
    assert not full.defects
    assert not full.is_multipart()
    assert list(simple.raw_items()) == list(full.raw_items())
    assert simple.get_payload() == full.get_payload()
    assert simple.get_content_type() == full.get_content_type()


# -- the header shortcuts read what the email package reads --------------------------------


@pytest.mark.parametrize(
    "value",
    ["Sun, 01 Nov 2026 08:00:00 +0200", "1 Nov 2026 08:00:00 -0530", "Mon,2 Feb 2026 23:59:59 +0000",
     "Tue, 3 Mar 2026 10:00:00 -0000", "Wed, 30 Feb 2026 10:00:00 +0200",
     "Thu, 5 Nov 0099 10:00:00 +0200", "5 nov 2026 10:00 +0200", "5 November 2026 10:00:00 EET"],
)
def test_dates_read_as_parsedate_to_datetime_reads_them(value: str) -> None:
    from email.utils import parsedate_to_datetime

    try:
        expected = parsedate_to_datetime(value)
    except ValueError:
        expected = None
    if expected is not None and expected.tzinfo is None:
        expected = expected.replace(tzinfo=UTC)
    got = parse(mail(Date=value)).date
    assert got == expected
    assert (got and got.utcoffset()) == (expected and expected.utcoffset())


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ("=?utf-8?q?Kehitt=C3=A4misverkosto?= <Verkosto@Example.org>", ("verkosto@example.org",)),
        ("  verkosto@example.org ", ("verkosto@example.org",)),
        ("Maija M. Mallikas <maija.mallikas@omnia.test>", ("maija.mallikas@omnia.test",)),
        ("Mallikas, Maija <maija@omnia.test>", ("maija@omnia.test",)),
        ('"Mallikas, Maija" <maija@omnia.test>, olli@omnia.test',
         ("maija@omnia.test", "olli@omnia.test")),
        ("maija@omnia.test <olli@omnia.test>", ("maija@omnia.test", "olli@omnia.test")),
        ("a..b@omnia.test", ("a..b@omnia.test",)),
        ("Undisclosed recipients:;", ()),
    ],
)
def test_recipients_simple_and_not(to: str, expected: tuple[str, ...]) -> None:
    assert parse(mail(To=to)).to == expected


@pytest.mark.parametrize(
    ("content_type", "disposition", "text", "attachments"),
    [
        ('text/plain; charset="iso-8859-1"', "", "Hyvä", ()),
        ("text/plain; CHARSET=ISO-8859-1;", "", "Hyvä", ()),
        ("text/plain; charset*=iso-8859-1''latin-1", "", "Hyvä", ()),  # RFC 2231 (was a TypeError)
        ('text/plain; charset=iso-8859-1; name="viesti.txt"', "", "", ("viesti.txt",)),
        ("text/plain; charset=iso-8859-1", "attachment", "", ("text/plain",)),
        ("text/plain; charset=iso-8859-1", 'inline; filename="a.txt"', "", ("a.txt",)),
    ],
)
def test_charset_and_file_names_of_a_single_part(
    content_type: str, disposition: str, text: str, attachments: tuple[str, ...]
) -> None:
    parsed = parse(mail("Hyvä".encode("latin-1"), Content_Type=content_type,
                        Content_Disposition=disposition))
    assert parsed.text == text
    assert parsed.attachments == attachments


def _ical_reply(start: str) -> bytes:
    return mail(
        "--B\nContent-Type: text/plain\n\nKyllä.\n"
        "--B\nContent-Type: text/calendar; method=REPLY\n\n"
        "BEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:040000008200E00074C5B7101A82E008@outlook.test\n"
        f"{start}\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:maija.mallikas@omnia.test\nEND:VEVENT\nEND:VCALENDAR\n"
        "--B--\n",
        Content_Type='multipart/mixed; boundary="B"',
    )


@pytest.mark.parametrize("start", [
    "DTSTART;TZID=FLE Standard Time:20261209T100000",  # Outlook, in its own zone
    "DTSTART:20261209T080000Z",  # Google, in UTC
    "DTSTART;VALUE=DATE:20261209",  # a whole day
])
def test_a_calendar_reply_carries_the_date_its_event_starts_on(start: str) -> None:
    parsed = parse(_ical_reply(start))
    assert parsed.calendar is not None
    assert parsed.calendar.starts_on == date(2026, 12, 9)
