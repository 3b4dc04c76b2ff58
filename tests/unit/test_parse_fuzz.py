"""Fuzzing parse_message: random, truncated, mutated and hostile mail never makes it raise.

About 10,000 examples in all; each asserts a ParsedMessage comes back, that its key is
message_key's (stable across calls) and that no header-bound value carries a line break.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailflow.core.reading.parse import message_key, parse_message
from mailflow.core.values import ParsedMessage

OWN = "verkosto@example.org"
DATA = Path(__file__).resolve().parent.parent / "data"
CORPUS = [p.read_bytes() for p in sorted(DATA.glob("*.eml"))]
FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def fuzz(examples: int) -> settings:
    return settings(FUZZ, max_examples=examples)

CHARSETS = [
    "utf-8", "iso-8859-1", "iso-8859-15", "windows-1252", "us-ascii", "utf-16", "utf-7",
    "x-unknown", "", "\"utf-8", "rot13", "base64", "zlib", "idna", "koi8-r", "cp037",
    "utf-8'fi'", "=?utf-8?", "iso-2022-jp", "big5",
]
ENCODINGS = ["7bit", "8bit", "base64", "quoted-printable", "binary", "x-uuencode", "bogus", ""]
CONTENT_TYPES = [
    "text/plain", "text/html", "text/calendar", "application/ics", "message/rfc822",
    "message/delivery-status", "multipart/mixed", "multipart/alternative",
    "multipart/report", "application/octet-stream", "text/rfc822-headers", "bogus",
]


def check(raw: bytes) -> ParsedMessage:
    parsed = parse_message(raw, own_address=OWN, trusted_authserv_id="mx.example.org")
    assert isinstance(parsed, ParsedMessage)
    key = message_key(raw)
    assert key == message_key(raw)
    assert parsed.key == key
    assert parsed.size == len(raw)
    for value in (parsed.subject, parsed.from_addr, parsed.from_name, *parsed.headers.values()):
        assert "\n" not in value
        assert "\r" not in value
    return parsed


@fuzz(2500)
@given(st.binary(max_size=4000))
def test_random_bytes(raw: bytes) -> None:
    check(raw)


@fuzz(1500)
@given(st.sampled_from(CORPUS), st.floats(min_value=0, max_value=1))
def test_truncated_corpus_files(raw: bytes, fraction: float) -> None:
    check(raw[: int(len(raw) * fraction)])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(CORPUS)))
    for _ in range(draw(st.integers(1, 12))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "dup", "junk"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.sampled_from([b"\n", b"\r\n", b"--", b"=?", b"?=", b"\x00", b"\xff", b"<", b";"]))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif action == "dup":
            data[at:at] = data[at : at + draw(st.integers(1, 500))]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
    return bytes(data)


@fuzz(2000)
@given(mutated())
def test_mutated_corpus_files(raw: bytes) -> None:
    check(raw)


text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60
)


@st.composite
def encoded_word(draw: st.DrawFn) -> str:
    charset = draw(st.sampled_from(CHARSETS))
    kind = draw(st.sampled_from(["Q", "B", "q", "b", "X", ""]))
    payload = draw(st.text(alphabet="ABCabc=_?+/0123456789 %\u00e4", max_size=30))
    closing = draw(st.sampled_from(["?=", "", "?", "="]))
    return f"=?{charset}?{kind}?{payload}{closing}"


header_value = st.one_of(
    text.map(lambda s: s.replace("\r", " ").replace("\n", " ")),
    st.lists(encoded_word(), min_size=1, max_size=4).map(" ".join),
)


@st.composite
def part(draw: st.DrawFn, depth: int) -> str:
    ctype = draw(st.sampled_from(CONTENT_TYPES))
    charset = draw(st.sampled_from(CHARSETS))
    cte = draw(st.sampled_from(ENCODINGS))
    head = f"Content-Type: {ctype}; charset=\"{charset}\""
    if ctype.startswith("multipart/") and depth > 0:
        boundary = draw(st.sampled_from(["b", "B1", "x y", "", "--", "b" * 80]))
        children = draw(st.lists(part(depth - 1), max_size=3))
        close = draw(st.sampled_from([f"--{boundary}--\n", "", f"--{boundary}\n", "--wrong--\n"]))
        body = "".join(f"--{boundary}\n{c}\n" for c in children) + close
        return f'{head}; boundary="{boundary}"\n\n{body}'
    extra = draw(st.sampled_from(["", "Content-Disposition: attachment; filename=\"x.ics\"\n",
                                  "Content-Disposition: inline; filename*=utf-8''%C3%A4.txt\n"]))
    body = draw(st.one_of(
        text,
        st.just("BEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:day-x@example.org\n"),
        st.just("<html><blockquote><p>x</p><script>y</script><o:p>&auml;&#0;&#x110000;"),
        st.just("Final-Recipient: rfc822; a@omnia.test\nAction: failed\n"),
    ))
    return f"{head}\nContent-Transfer-Encoding: {cte}\n{extra}\n{body}\n"


@st.composite
def structured(draw: st.DrawFn) -> bytes:
    headers = {
        "From": draw(st.one_of(header_value, st.just("Maija <maija@omnia.test>"))),
        "To": draw(header_value),
        "Subject": draw(header_value),
        "Date": draw(st.sampled_from(["Wed, 2 Dec 2026 10:00:00 +0200", "", "32 Foo 99999 25:61", "0"])),
        "Message-ID": draw(st.sampled_from(["<a@b>", "", "<>", "< x y >", "<<a>>"])),
        "References": draw(st.sampled_from(["<a@b> <c@d>", "<", "junk"])),
        "Authentication-Results": draw(st.sampled_from(
            ["mx.example.org; dmarc=pass header.from=omnia.test", "mx.example.org;", ";;;", "("])),
        "Auto-Submitted": draw(st.sampled_from(["no", "auto-replied", ""])),
        "MIME-Version": "1.0",
    }
    head = "".join(f"{k}: {v}\n" for k, v in headers.items() if v)
    body = draw(part(depth=draw(st.integers(0, 4))))
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "cp1252"]))
    return (head + body).encode(encoding, errors="replace")


@fuzz(2500)
@given(structured())
def test_generated_messages_with_broken_parts(raw: bytes) -> None:
    check(raw)


@fuzz(300)
@given(st.integers(1, 400), st.sampled_from(["mixed", "alternative", "related"]))
def test_deep_nesting(depth: int, kind: str) -> None:
    opening = "".join(
        f'--n{i}\nContent-Type: multipart/{kind}; boundary="n{i + 1}"\n\n' for i in range(depth)
    )
    body = opening + f"--n{depth}\nContent-Type: text/plain\n\nsyvalla\n"
    raw = f'From: a@omnia.test\nContent-Type: multipart/{kind}; boundary="n0"\n\n{body}'.encode()
    parsed = check(raw)
    assert parsed.from_addr == "a@omnia.test"


@fuzz(1200)
@given(st.sampled_from(CORPUS), st.binary(max_size=300))
def test_message_key_ignores_the_body(raw: bytes, extra: bytes) -> None:
    key = message_key(raw)
    if not key.startswith("sha256:"):
        assert message_key(raw + extra) == key
        assert check(raw + extra).message_id == key
