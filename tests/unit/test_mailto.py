"""mailto URLs (RFC 6068): they decode back to their fields, stay short, and inject nothing."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailflow.core.writing.mailto import (
    ELLIPSIS,
    MAX_URL_CHARS,
    Mailto,
    mailto_url,
    one_line,
    plain_address,
    quote_lines,
    read_mailto,
)

NETWORK = "verkosto@example.org"


def _url(*args: str | tuple[str, ...], **fields: str | tuple[str, ...] | int) -> str:
    url = mailto_url(*args, **fields)  # type: ignore[arg-type]
    assert url is not None
    return url


def test_a_reply_decodes_back_to_its_fields() -> None:
    body = "\n\n> Hei,\n> kuka maksaa lounaan?"
    url = _url("aino@omnia.test", cc=(NETWORK,), subject="Re: Lounas ja ruokavalio", body=body)
    assert read_mailto(url) == Mailto(("aino@omnia.test",), (NETWORK,),
                                      "Re: Lounas ja ruokavalio", body)


def test_spaces_are_percent_20_line_breaks_crlf_and_text_utf8() -> None:
    url = _url(NETWORK, subject="KÄSITELTY #k3m9qa", body="a b\nc+d")
    assert url == (f"mailto:{NETWORK}?subject=K%C3%84SITELTY%20%23k3m9qa"
                   "&body=a%20b%0D%0Ac%2Bd")
    assert "+" not in url


def test_the_standard_library_reads_the_same_fields() -> None:
    url = _url("a@x.test", cc=("b@x.test", "c@x.test"), subject="Å & ä = ?", body="100 %")
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "a@x.test"
    pairs = [p.split("=", 1) for p in parts.query.split("&")]
    assert [(k, unquote(v)) for k, v in pairs] == [
        ("cc", "b@x.test,c@x.test"), ("subject", "Å & ä = ?"), ("body", "100 %")]


@pytest.mark.parametrize("hostile", [
    "x\r\nBcc: evil@example.org",
    "x&cc=evil@example.org",
    "x?cc=evil@example.org",
    "x%26cc%3Devil@example.org",
    "x#&cc=evil@example.org",
    '"><script>alert(1)</script>',
])
def test_hostile_text_stays_inside_its_field(hostile: str) -> None:
    url = _url("aino@omnia.test", cc=(NETWORK,), subject=hostile, body=hostile)
    fields = read_mailto(url)
    assert fields.to == ("aino@omnia.test",)
    assert fields.cc == (NETWORK,)
    assert fields.subject == one_line(hostile)
    assert fields.body == hostile.replace("\r\n", "\n")
    assert "\r" not in fields.subject
    assert "\n" not in fields.subject
    assert url.count("&") == 2
    assert url.count("?") == 1
    assert "#" not in url


@pytest.mark.parametrize("address", [
    "Aino Laine <aino@omnia.test>", "aino@omnia.test?cc=evil@example.org",
    "aino@omnia.test,evil@example.org", "aino@omnia.test\r\nBcc: evil@example.org",
    "aino @omnia.test", "aino@omnia", "@omnia.test", "aino@@omnia.test", '"a b"@omnia.test',
    "aino@omnia.test&cc=evil@example.org", "", "a\u00a0b@omnia.test",
])
def test_an_address_that_is_not_plain_is_not_linked(address: str) -> None:
    assert not plain_address(address)
    assert mailto_url(address, subject="x") is None
    assert mailto_url(NETWORK, cc=(address,), subject="x") is None


def test_an_odd_but_plain_address_is_encoded_and_stays_one_recipient() -> None:
    url = _url("a&cc=evil@omnia.test", subject="x")
    assert url.startswith("mailto:a%26cc%3Devil@omnia.test?")
    assert read_mailto(url).to == ("a&cc=evil@omnia.test",)
    assert read_mailto(url).cc == ()
    assert plain_address("äiti.öljy@esimerkki.test")


def test_a_long_body_is_trimmed_at_a_word_with_an_ellipsis() -> None:
    text = quote_lines(" ".join(["lounaan erityisruokavalio äöå"] * 200))
    url = _url("aino@omnia.test", cc=(NETWORK,), subject="Re: Lounas", body=text)
    assert len(url) <= MAX_URL_CHARS
    body = read_mailto(url).body
    assert body.endswith(" " + ELLIPSIS)
    kept = body.removesuffix(" " + ELLIPSIS)
    assert text.startswith(kept)
    assert text[len(kept)] == " "
    assert len(url) > MAX_URL_CHARS - 60  # and not much shorter than it could be


def test_a_long_subject_is_kept_to_a_quarter_and_the_body_gets_the_rest() -> None:
    url = _url(NETWORK, subject="sana " * 400, body="teksti " * 400)
    fields = read_mailto(url)
    assert len(url) <= MAX_URL_CHARS
    assert fields.subject.endswith(ELLIPSIS)
    assert fields.body.endswith(ELLIPSIS)
    assert len(fields.subject) < MAX_URL_CHARS // 4


def test_addresses_that_alone_do_not_fit_give_no_link() -> None:
    assert mailto_url("a" * 60 + "@x.test", subject="x", limit=40) is None


def test_quote_lines() -> None:
    assert quote_lines("a\n\nb") == "> a\n>\n> b"
    assert quote_lines("") == ""


_addresses = st.from_regex(r"[a-z0-9%+&=?_-]{1,10}(\.[a-z0-9%+&=?_-]{1,8})?@[a-z0-9]{1,10}\.test",
                           fullmatch=True)


# Short enough never to be trimmed: 30 + 80 characters of up to 12 encoded characters each.
@settings(max_examples=300, deadline=None)
@given(to=_addresses, cc=st.lists(_addresses, max_size=2), subject=st.text(max_size=30),
       body=st.text(max_size=80))
def test_any_fields_decode_back_exactly(to: str, cc: list[str], subject: str, body: str) -> None:
    url = _url(to, cc=tuple(cc), subject=subject, body=body)
    fields = read_mailto(url)
    assert fields.to == (to,)
    assert fields.cc == tuple(cc)
    assert fields.subject == one_line(subject)
    assert fields.body == body.replace("\r\n", "\n").replace("\r", "\n")
    assert url.isascii()
    assert " " not in url
    assert "+" not in url


@settings(max_examples=200, deadline=None)
@given(body=st.text(min_size=1, max_size=3000), limit=st.integers(min_value=120, max_value=2000))
def test_any_body_fits_the_limit_and_is_a_prefix_of_itself(body: str, limit: int) -> None:
    url = _url("aino@omnia.test", cc=(NETWORK,), subject="Re: x", body=body, limit=limit)
    assert len(url) <= limit
    got = read_mailto(url).body
    whole = body.replace("\r\n", "\n").replace("\r", "\n")
    assert got == whole or whole.startswith(got.removesuffix(" " + ELLIPSIS).rstrip())
