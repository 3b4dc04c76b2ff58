"""Write the facilitator's digest for a realistic network to files, to look at.

12 organisations, 45 people (roles, waitlists, two guests, one cancelled), RSVPs for two
coming days, four attention items, a bounced address and a failed send (the builder is
``tests.factories.sample_network``). The digest is made the way a tick makes it
(``schedule.due_mails`` -> ``Renderer``) and its text and HTML parts are written out.

    .venv/bin/python bench/digest_sample.py [--out var/digest-sample] [--lang fi|en] [--png]

``--png`` also renders the HTML with chromium headless, when it is installed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailflow.config.resources import templates_dir
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.settings import NetworkSettings
from mailflow.core.writing.render import Renderer
from tests.factories import FACILITATOR, NETWORK, NETWORK_NAME, TZ, sample_network


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="var/digest-sample",
                        help="path without suffix: .txt and .html are written")
    parser.add_argument("--lang", choices=("fi", "en"), default="fi")
    parser.add_argument("--png", action="store_true", help="a screenshot with chromium")
    args = parser.parse_args()

    sample = sample_network()
    rules = ScheduleRules(facilitator=FACILITATOR, tz=TZ, language=args.lang)
    started = time.perf_counter()
    (request,) = [m for m in due_mails(sample.state, sample.now, rules,
                                       last_digest_at=sample.last_digest_at,
                                       failed_mails=sample.failed_mails)
                  if m.template == "digest"]
    network = NetworkSettings(name=NETWORK_NAME, address=NETWORK, facilitator=FACILITATOR,
                              language=args.lang)
    mail = Renderer(templates_dir(), network, TZ).render(request, now=sample.now)
    elapsed = time.perf_counter() - started

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text_path, html_path = out.with_suffix(".txt"), out.with_suffix(".html")
    text_path.write_text(mail.text, encoding="utf-8")
    html_path.write_text(mail.html, encoding="utf-8")
    state = sample.state
    print(f"network: {len(state.organisations)} organisations, {len(state.people)} people, "
          f"{len(state.rsvps)} RSVPs, {len(state.attention)} attention items")
    print(f"digest: subject {mail.subject!r}; text {len(mail.text)} chars, "
          f"{mail.text.count(chr(10))} lines; HTML {len(mail.html)} chars; "
          f"whole mail {len(mail.raw)} bytes; made in {elapsed * 1000:.0f} ms")
    print(text_path.resolve())
    print(html_path.resolve())
    if args.png:
        browser = shutil.which("chromium") or shutil.which("chromium-browser") \
            or shutil.which("google-chrome")
        if browser is None:
            print("no chromium: no PNG")
        else:
            png = out.with_suffix(".png").resolve()
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                            f"--screenshot={png}", "--window-size=700,4200",
                            html_path.resolve().as_uri()], check=False, capture_output=True)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
