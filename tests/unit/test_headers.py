"""Untrusted text is made safe before it may reach a header."""

import re
from email import message_from_bytes
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.policy import SMTP, default
from email.utils import parseaddr

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mailflow.core.writing.headers import (
    InvalidAddressError,
    address_header,
    clean_address,
    clean_header_text,
    clean_message_ids,
    format_address,
    make_message_id,
    structured_header,
    unstructured_header,
)


def test_header_injection_becomes_one_harmless_line() -> None:
    cleaned = clean_header_text("Maija\r\nBcc: x@evil.test")
    assert cleaned == "Maija Bcc: x@evil.test"


def test_control_characters_and_bidi_overrides_are_removed() -> None:
    assert clean_header_text("Ma\x00ija\x1b[31m \u202eMäkinen\t") == "Ma ija [31m Mäkinen"


def test_encoded_word_that_hides_a_line_break_is_neutralised() -> None:
    cleaned = clean_header_text("=?utf-8?q?=0D=0ABcc:_x@evil.test?=")
    assert "\r" not in cleaned
    assert "\n" not in cleaned
    assert "=?" not in cleaned
    assert "Bcc: x@evil.test" in cleaned


def test_an_honest_encoded_word_is_decoded() -> None:
    assert clean_header_text("=?utf-8?q?Maija_M=C3=A4kinen?=") == "Maija Mäkinen"


def test_a_broken_encoded_word_does_not_raise() -> None:
    cleaned = clean_header_text("=?no-such-charset?b?!!!?= Maija")
    assert "=?" not in cleaned
    assert "Maija" in cleaned


def test_long_text_is_cut_with_an_ellipsis() -> None:
    cleaned = clean_header_text("a" * 500, max_len=50)
    assert len(cleaned) == 50
    assert cleaned.endswith("…")


def test_format_address_encodes_finnish_names_per_rfc_2047() -> None:
    msg = EmailMessage(policy=SMTP)
    msg["To"] = format_address("Maija Mäkinen", "maija@omnia.test")
    raw = msg.as_bytes()
    assert raw.isascii()
    assert b"=?utf-8?" in raw
    parsed = message_from_bytes(msg.as_bytes(), policy=default)
    address = parsed["To"].addresses[0]
    assert (address.display_name, address.addr_spec) == ("Maija Mäkinen", "maija@omnia.test")


def test_format_address_quotes_specials_in_a_name() -> None:
    value = format_address('Mäkinen, "Maija" <boss>', "maija@omnia.test")
    msg = EmailMessage(policy=SMTP)
    msg["To"] = value
    parsed = message_from_bytes(msg.as_bytes(), policy=default)
    [address] = parsed["To"].addresses
    assert address.addr_spec == "maija@omnia.test"
    assert address.display_name == 'Mäkinen, "Maija" <boss>'


def test_format_address_with_an_encoded_word_name_cannot_redirect() -> None:
    msg = EmailMessage(policy=SMTP)
    msg["To"] = format_address("=?utf-8?q?x_=3Cboss@evil.test=3E?=", "maija@omnia.test")
    parsed = message_from_bytes(msg.as_bytes(), policy=default)
    assert [a.addr_spec for a in parsed["To"].addresses] == ["maija@omnia.test"]


@pytest.mark.parametrize(
    "address", ["", "no-at-sign", "a@b@c.test", "x@evil.test\r\nBcc: y@evil.test", "<x@y.test>", "a b@c.test"]
)
def test_unusable_addresses_are_refused(address: str) -> None:
    with pytest.raises(InvalidAddressError):
        clean_address(address)


def test_message_id_is_deterministic_and_carries_the_day() -> None:
    first = make_message_id("invite:2026-12-09:maija@omnia.test", "example.org", "2026-12-09")
    again = make_message_id("invite:2026-12-09:maija@omnia.test", "example.org", "2026-12-09")
    other = make_message_id("invite:2026-12-09:teppo@omnia.test", "example.org", "2026-12-09")
    assert first == again != other
    assert re.fullmatch(r"<[0-9a-f]{24}\.day-2026-12-09@example\.org>", first)


def test_message_id_without_a_day() -> None:
    assert re.fullmatch(r"<[0-9a-f]{24}@example\.org>", make_message_id("k", "example.org"))


def test_message_id_strips_unsafe_characters_from_the_day() -> None:
    value = make_message_id("k", "example.org", "päivä <1>")
    assert re.fullmatch(r"<[0-9a-f]{24}\.day-[A-Za-z0-9._-]+@example\.org>", value)


def test_clean_message_ids_keeps_only_well_formed_ids() -> None:
    assert clean_message_ids("<a@x.test> junk\r\nBcc: y", "<b@y.test> <a@x.test>", "") == (
        "<a@x.test>",
        "<b@y.test>",
    )


@given(st.text())
def test_cleaned_text_never_contains_a_line_break_or_control(text: str) -> None:
    cleaned = clean_header_text(text)
    assert not any(c in cleaned for c in "\r\n\x00\x0b\x0c\x85\u2028\u2029")
    assert "=?" not in cleaned
    assert len(cleaned) <= 200


# -- whole header fields, as render writes them -------------------------------------------
def parse_header(field: str) -> EmailMessage:
    msg = message_from_bytes(field.encode("ascii") + b"\r\n\r\n", policy=default)
    assert isinstance(msg, EmailMessage)
    return msg


def lines_of(field: str) -> list[str]:
    lines = field.split("\r\n")
    assert all(len(line) <= 78 for line in lines), field
    assert all(line[:1] == " " for line in lines[1:]), field  # folded, never a new field
    return lines


def test_address_header_encodes_only_the_finnish_words() -> None:
    field = address_header("To", "Maija Mäkinen", "maija@omnia.test")
    assert field == "To: Maija =?utf-8?q?M=C3=A4kinen?= <maija@omnia.test>"
    [address] = parse_header(field)["To"].addresses
    assert (address.display_name, address.addr_spec) == ("Maija Mäkinen", "maija@omnia.test")


def test_address_header_quotes_specials_and_cannot_be_redirected() -> None:
    field = address_header("To", 'x <boss@evil.test>, "y"', "maija@omnia.test")
    assert field == 'To: "x <boss@evil.test>, \\"y\\"" <maija@omnia.test>'
    [address] = parse_header(field)["To"].addresses
    assert address.addr_spec == "maija@omnia.test"
    assert address.display_name == 'x <boss@evil.test>, "y"'
    assert address_header("Reply-To", "", "verkosto@example.org") == \
        "Reply-To: verkosto@example.org"
    with pytest.raises(InvalidAddressError):
        address_header("To", "Maija", "x@evil.test\r\nBcc: y@evil.test")


def test_a_long_finnish_subject_folds_at_78_columns_and_keeps_every_space() -> None:
    subject = "Kysymys jatkopäivästä " + "pitkä teksti ä ö " * 8 + "loppu"
    field = unstructured_header("Subject", subject)
    assert field.isascii()
    assert len(lines_of(field)) > 2
    assert parse_header(field)["Subject"] == subject
    unfolded = field.replace("\r\n", "")[len("Subject: "):]
    assert str(make_header(decode_header(unfolded))) == subject  # the RFC 2047 reading too


def test_structured_header_folds_only_between_ids() -> None:
    ids = " ".join(f"<{n}.{'x' * 30}@omnia.test>" for n in range(5))
    field = structured_header("References", ids)
    assert field.replace("\r\n", "") == "References: " + ids
    assert all(line.endswith("@omnia.test>") for line in lines_of(field))


def test_an_overlong_message_id_is_dropped_not_broken() -> None:
    assert clean_message_ids("<" + "x" * 300 + "@omnia.test> <ok@omnia.test>") == ("<ok@omnia.test>",)


header_text = st.text(alphabet=st.sampled_from(list('aä "\\,<>@:;()=?_.Ö€\U0001d11e\t-')), max_size=300) \
    | st.text(max_size=300)


@given(header_text)
def test_any_subject_is_one_folded_ascii_field_that_decodes_to_itself(text: str) -> None:
    subject = clean_header_text(text)
    field = unstructured_header("Subject", subject)
    assert field.isascii()
    lines_of(field)
    assert parse_header(field)["Subject"] == subject
    unfolded = field.replace("\r\n", "")[len("Subject: "):]
    assert str(make_header(decode_header(unfolded))) == subject


@given(header_text)
def test_any_name_stays_a_name_of_the_one_address(text: str) -> None:
    name = clean_header_text(text, 100)
    field = address_header("To", text, "maija@omnia.test")
    assert field.isascii()
    lines_of(field)
    [address] = parse_header(field)["To"].addresses
    assert address.addr_spec == "maija@omnia.test"
    # Python's parser puts a space between two encoded-words of a phrase (RFC 2047 drops it)
    assert address.display_name.replace(" ", "") == name.replace(" ", "")
    display, addr_spec = parseaddr(field.replace("\r\n", "")[len("To: "):])
    assert addr_spec == "maija@omnia.test"
    assert str(make_header(decode_header(display))) == name  # as RFC 2047 clients read it
