"""A screenshot of the facilitator's digest with its action links, by headless Chromium.

Renders the sample digest (tests/digest_sample.py: a question, a hostile subject, a
waitlisted person, a bounced address) through the real templates, opens its HTML in
Debian's Chromium (``make chromium`` installs it) through the ``playwright`` package, and
writes a PNG; it prints each action link's label and length, the longest link, and the
worst case: a reply to the longest excerpt the digest keeps, written all in "ä" (9
characters each once encoded), trimmed to fit.

    .venv/bin/python bench/digest_screenshot.py [--lang fi|sv|en] [--out docs/digest.png]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mailflow.core.schedule.digest import EXCERPT_CHARS  # noqa: E402
from mailflow.core.schedule.digest_actions import reply  # noqa: E402
from mailflow.core.writing.mailto import MAX_URL_CHARS, read_mailto  # noqa: E402
from tests.browser import BrowserUnavailableError, open_html  # noqa: E402
from tests.digest_sample import NETWORK, render_sample  # noqa: E402


def worst_case() -> str:
    """The reply link to an excerpt of EXCERPT_CHARS characters, all "ä" in short words."""
    text = " ".join(["ääää"] * (EXCERPT_CHARS // 5))
    url = reply("aino.laine@omnia.test", "Lounas ja ruokavalio", text, NETWORK.address).url
    kept = read_mailto(url).body.count("ä")
    return (f"worst case: a reply quoting {text.count('ä')} 'ä' is {len(url)} characters "
            f"(limit {MAX_URL_CHARS}); {kept} of them kept, cut at a word with ' …'")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fi", choices=("fi", "sv", "en"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "digest.png"))
    parser.add_argument("--width", type=int, default=680)
    args = parser.parse_args()
    mail = render_sample(args.lang)
    try:
        with open_html(mail.html, width=args.width) as page:
            links = page.eval_on_selector_all(
                "a[href^='mailto:']", "els => els.map(a => [a.textContent, a.href])")
            out = Path(args.out)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
    except BrowserUnavailableError as exc:
        print(f"no browser: {exc}", file=sys.stderr)
        return 1
    for label, href in links:
        print(f"{len(href):5d}  {label.strip()[:28]:28s}  {href[:70]}")
    longest = max((len(h) for _, h in links), default=0)
    print(f"{len(links)} mailto links; longest {longest} characters; screenshot: {out} "
          f"({out.stat().st_size} bytes)")
    print(worst_case())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
