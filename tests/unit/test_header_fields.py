"""Reading a header field or two of mail the adapters keep or write (untrusted: never raises).

``mailflow.adapters.header_fields``; the headers mailflow writes are tested in test_headers.py.
"""

from __future__ import annotations

import pytest

from mailflow.adapters.header_fields import first_field, from_address, header_block, header_value

MAIL = (b"Received: from x\r\nFrom: =?utf-8?q?Maija_M=C3=A4kinen?=\r\n <Maija.Makinen@Omnia.test>\r\n"
        b"Message-ID: <1@omnia.test>\r\nSubject: Hei\r\n\r\nFrom: someone@else.test\r\n")


def test_the_header_block_ends_at_the_first_empty_line() -> None:
    assert header_block(MAIL).endswith(b"Subject: Hei")
    assert header_block(b"Subject: no body") == b"Subject: no body"
    assert header_block(b"A: 1\n\nbody") == b"A: 1"


@pytest.mark.parametrize(("header", "address"), [
    (header_block(MAIL), "maija.makinen@omnia.test"),  # folded, encoded name, upper case
    (b"From: plain@example.org\r\n", "plain@example.org"),
    (b"Subject: no sender\r\n", ""),
    (b"From: \r\n", ""),
    (b"From: \xff\xfe <bad@bytes.test>\r\n", "bad@bytes.test"),
])
def test_the_from_address_is_lower_case_and_never_raises(header: bytes, address: str) -> None:
    assert from_address(header) == address


def test_a_header_value_is_unfolded() -> None:
    assert header_value(b"Subject: one\r\n two\r\n", "Subject") == "one two"
    assert header_value(b"Subject: one\r\n", "Date") == ""


def test_first_field_reads_the_header_block_only_and_keeps_the_fold() -> None:
    assert first_field(MAIL, "message-id") == b" <1@omnia.test>"
    assert first_field(MAIL, "From") == (b" =?utf-8?q?Maija_M=C3=A4kinen?=\r\n"
                                         b" <Maija.Makinen@Omnia.test>")
    assert first_field(b"Subject: x\r\n\r\nDate: in the body\r\n", "Date") is None
