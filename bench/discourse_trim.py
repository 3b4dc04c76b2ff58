"""Discourse's reply-trimmer fixtures through mailflow's reading: how many new texts agree.

Discourse's ``email_reply_trimmer`` (MIT) keeps 64 mail bodies in ``test/emails`` and what
its trimmer leaves of each in ``test/trimmed``. This script reads them from a local git
snapshot of that repository (nothing of it is copied into mailflow), wraps each body as a
plain-text UTF-8 message, parses it with ``parse_message`` and compares
``ParsedMessage.new_text`` with Discourse's trimmed text.

Whitespace is normalised on both sides before comparing: CR LF as LF, trailing blanks of
each line dropped, runs of blank lines as one, no blank line at either end (what
mailflow's trimming does to every text; Discourse strips only the ends).

Usage: python bench/discourse_trim.py [SNAPSHOT_GIT_DIR] [--rev HEAD] [--show NAME] [-v]
(default snapshot: /work/.mirror/discourse+email_reply_trimmer/repo, where the search
tool's fetch puts it). Prints one line per case and the total.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailflow.core.reading.parse import parse_message

DEFAULT_SNAPSHOT = Path("/work/.mirror/discourse+email_reply_trimmer/repo")
_BLANKS = re.compile(r"\n{3,}")


def _git(snapshot: Path, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={snapshot}", *args], check=True,
                          capture_output=True).stdout


def _fixtures(snapshot: Path, rev: str) -> list[str]:
    listing = _git(snapshot, "ls-tree", "--name-only", f"{rev}:test/emails").decode()
    return sorted(name for name in listing.split() if name.endswith(".txt"))


def _wrap(body: bytes) -> bytes:
    """The body as the single text/plain part of a message, bytes as they are."""
    head = (b"From: Someone <someone@example.com>\r\nTo: verkosto@example.org\r\n"
            b"Subject: Re: test\r\nDate: Mon, 07 Dec 2026 10:00:00 +0200\r\n"
            b"Message-ID: <bench@example.com>\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n")
    return head + body


def normalise(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("snapshot", nargs="?", type=Path, default=DEFAULT_SNAPSHOT)
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--show", default="", help="print both texts of this case")
    ap.add_argument("-v", "--verbose", action="store_true", help="print both texts of failures")
    args = ap.parse_args()
    if not args.snapshot.exists():
        print(f"no snapshot at {args.snapshot}: fetch github:discourse/email_reply_trimmer")
        return 2
    passed = 0
    names = _fixtures(args.snapshot, args.rev)
    for name in names:
        body = _git(args.snapshot, "show", f"{args.rev}:test/emails/{name}")
        want = normalise(_git(args.snapshot, "show", f"{args.rev}:test/trimmed/{name}")
                         .decode("utf-8"))
        got = normalise(parse_message(_wrap(body), own_address="verkosto@example.org").new_text)
        ok = got == want
        passed += ok
        print(f"{'pass' if ok else 'FAIL'}  {name}")
        if args.show == name.removesuffix(".txt") or (args.verbose and not ok):
            print(f"--- discourse\n{want}\n--- mailflow\n{got}\n---")
    print(f"{passed} of {len(names)} new texts as Discourse trims them")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
