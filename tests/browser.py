"""Debian's Chromium, headless, driven through the ``playwright`` package, for tests and bench.

``open_html(html)`` starts ``/usr/bin/chromium`` (never a browser Playwright would
download) with an empty profile and no network features, loads the HTML as the page's
content, and yields the Playwright page. :func:`chromium_binary` is None when Chromium is
not installed (``make chromium`` installs it from Debian's packages).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["CHROMIUM", "FLAGS", "BrowserUnavailableError", "chromium_binary", "open_html"]

CHROMIUM = "/usr/bin/chromium"
#: Headless, sandbox-free (we run as root in CI), and quiet: no GPU, QUIC, first-run
#: screens, background networking, component updates or sync. Playwright adds
#: ``--headless`` itself, and ``--user-data-dir`` for the empty profile it is given.
FLAGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


class BrowserUnavailableError(RuntimeError):
    """Chromium or the playwright package is not installed."""


def chromium_binary() -> str | None:
    """Debian's Chromium, or None when it is not installed."""
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    return shutil.which("chromium")


@contextmanager
def open_html(html: str, *, width: int = 800) -> Iterator[Page]:
    """A headless Chromium page showing ``html``; the browser is closed afterwards."""
    binary = chromium_binary()
    if binary is None:
        raise BrowserUnavailableError("chromium is not installed: run make chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # the test extra installs it
        raise BrowserUnavailableError("the playwright package is not installed") from exc
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile, \
            sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=binary, headless=True, args=list(FLAGS),
            viewport={"width": width, "height": 800}, offline=True,
            java_script_enabled=True,
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_content(html, wait_until="load")
            yield page
        finally:
            context.close()
