"""How long reading takes on hostile input: the timings the unit tests used to assert.

The tests count work instead (tests/work.py: doubling the input at most doubles the
calls); this prints the wall-clock figures, each at 400 kB and at 800 kB, and the ratio,
so a quadratic case shows as a ratio near 4 instead of 2. Also message_key on a 200 kB
mail (2,000 times), a mail with a 40 MB attachment, and parse throughput over the corpus.

Usage: python bench/hostile_input.py
"""

from __future__ import annotations

import base64
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailflow.core.reading.htmltext import html_to_text  # noqa: E402
from mailflow.core.reading.parse import message_key, parse_message  # noqa: E402
from mailflow.core.reading.quotes import split_new_text  # noqa: E402

OWN = "verkosto@example.org"
SIZE = 400_000
HTML_UNITS = ("<table>", "<tr>", "<td>", "<table><tr><td>", "</td></tr>", "<td>x</td>",
              "<tr><td>a<td>b", "<!--", "<a x=", "<div x", "</", "<![CDATA[x>", "<![if x>",
              "<x='", "<?", "<a")
HISTORY_UNITS = ("From: x\nSent: y\n", "-- \n", "On 1.1. a@b.test wrote:\n", "> q\nx\n")


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def mail(body: bytes, content_type: str = "text/plain; charset=utf-8") -> bytes:
    head = (f"From: Maija <maija@omnia.test>\nTo: {OWN}\nSubject: x\n"
            f"Message-ID: <m1@omnia.test>\nContent-Type: {content_type}\n\n")
    return head.encode() + body


def doubling(label: str, fn: Callable[[str], object], unit: str) -> None:
    once = seconds(lambda: fn(unit * (SIZE // len(unit))))
    twice = seconds(lambda: fn(unit * (2 * SIZE // len(unit))))
    print(f"{label:14} {unit!r:24} {once * 1000:9.1f} {twice * 1000:9.1f} {twice / once:6.1f}")


def main() -> None:
    print(f"{'function':14} {'repeated unit':24} {'400 kB ms':>9} {'800 kB ms':>9} {'ratio':>6}")
    for unit in HTML_UNITS:
        doubling("html_to_text", html_to_text, unit)
    for unit in HISTORY_UNITS:
        doubling("split_new_text", lambda text: split_new_text("Tulen.\n" + text), unit)
    raw = mail(b"x" * 200_000)
    took = seconds(lambda: [message_key(raw) for _ in range(2000)])
    print(f"\nmessage_key, 200 kB mail, 2,000 times: {took * 1000:.0f} ms")
    blob = base64.encodebytes(bytes(range(256)) * 40_000 * 3)
    big = mail(b"--B\nContent-Type: text/plain\n\nLiite.\n--B\nContent-Type: application/"
               b"octet-stream; name=x.pptx\nContent-Transfer-Encoding: base64\n\n" + blob
               + b"--B--\n", 'multipart/mixed; boundary="B"')
    took = seconds(lambda: parse_message(big, own_address=OWN))
    print(f"parse_message, {len(big) / 1e6:.0f} MB attachment: {took * 1000:.0f} ms")
    corpus = [p.read_bytes() for p in sorted((ROOT / "tests" / "data").glob("*.eml"))]
    took = seconds(lambda: [parse_message(r, own_address=OWN) for r in corpus * 10])
    print(f"parse_message over the corpus: {len(corpus) * 10 / took:,.0f} messages/s")


if __name__ == "__main__":
    main()
