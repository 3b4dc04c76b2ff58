"""MIME entities written as bytes: 7-bit, CRLF, short lines, and read back by ``email``."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

from hypothesis import given
from hypothesis import strategies as st

from mailflow.core.writing.mime import (
    content_header,
    file_part,
    message_bytes,
    multipart,
    text_part,
)


def parse(raw: bytes) -> EmailMessage:
    msg = message_from_bytes(raw, policy=default)
    assert isinstance(msg, EmailMessage)
    return msg


def well_formed(raw: bytes) -> None:
    assert raw.isascii()
    lines = raw.split(b"\r\n")
    assert b"\r" not in b"".join(lines)
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 78


@given(st.text(max_size=400))
def test_any_text_part_is_seven_bit_and_decodes_to_the_text(text: str) -> None:
    raw = message_bytes(["Subject: x"], text_part("plain", text))
    well_formed(raw)
    lines = text.encode("utf-8").splitlines()  # set_content's line ends: LF, CRLF, a lone CR
    expected = b"\r\n".join(lines) + b"\r\n"
    assert parse(raw).get_payload(decode=True) == expected


def test_text_part_headers_and_trailing_spaces() -> None:
    entity = text_part("calendar", "BEGIN:VCALENDAR \r\nEND:VCALENDAR", (("method", "REQUEST"),))
    assert entity.headers == ('Content-Type: text/calendar; charset="utf-8"; method="REQUEST"',
                              "Content-Transfer-Encoding: quoted-printable")
    assert entity.body == b"BEGIN:VCALENDAR=20\r\nEND:VCALENDAR\r\n"


def test_a_long_file_name_is_cut_into_rfc_2231_sections() -> None:
    name = "kustannukset-" + "x" * 120 + ".csv"
    field = content_header("Content-Disposition", "attachment", (("filename", name),))
    assert "filename*0=" in field
    assert "filename*2=" in field
    raw = message_bytes([], file_part("text/csv", b"a;b\n", name))
    well_formed(raw)
    msg = parse(raw)
    assert msg.get_filename() == name
    assert msg.get_payload(decode=True) == b"a;b\n"


def test_nested_multiparts_keep_their_order_and_content() -> None:
    data = bytes(range(256)) * 3
    alternative = multipart("alternative", [text_part("plain", "Hei Mäkinen"),
                                            text_part("html", "<p>Hei Mäkinen</p>")], "=_alt_1")
    mixed = multipart("mixed", [alternative, file_part("application/ics", data, "invite.ics")],
                      "=_mix_1")
    raw = message_bytes(["Subject: x", "Content-Language: fi"], mixed)
    well_formed(raw)
    msg = parse(raw)
    assert [p.get_content_type() for p in msg.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/ics"]
    assert msg["MIME-Version"] == "1.0"
    assert msg["Content-Language"] == "fi"
    body = msg.get_body(("plain",))
    assert body is not None
    assert body.get_content() == "Hei Mäkinen\r\n"
    [ics] = list(msg.iter_attachments())
    assert ics.get_filename() == "invite.ics"
    assert ics.get_payload(decode=True) == data
