"""The digest's action links as a real browser reads them: Debian's Chromium, headless.

The sample digest (an attention item, one with a hostile subject and body, a waitlisted
person, a bounced address) is rendered by the real templates and opened in Chromium; what
the browser resolved each link's href to must decode to the intended recipient, cc,
subject and body, and the hostile text must neither break the page nor add a recipient.
Skipped when Chromium is absent (``make chromium``); failing instead under ``CI=true``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from mailflow.core.commands import item_ref
from mailflow.core.model import AttentionItem
from mailflow.core.schedule.digest_actions import reply_subject
from mailflow.core.writing.mailto import Mailto, quote_lines, read_mailto
from tests.browser import chromium_binary, open_html
from tests.digest_sample import EVIL_SUBJECT, NETWORK, QUESTION, render_sample
from tests.integration.test_security import NETWORK as SEC_NETWORK
from tests.integration.test_security import NOW as SEC_NOW
from tests.integration.test_security import mail, make_network, text_of

pytestmark = pytest.mark.browser

#: A hostile subject as a mail header can carry it (one line).
HOSTILE = 'Kysymys "lounaasta" <script>alert(1)</script> &cc=evil@example.org'
WORDS = {"fi": ("KÄSITELTY", "TARJOA", "UUDELLEEN", "POISTA"),
         "sv": ("KLART", "ERBJUD", "FÖRSÖK IGEN", "TA BORT"),
         "en": ("HANDLED", "OFFER", "RETRY", "REMOVE")}


@pytest.fixture(autouse=True)
def _require_chromium() -> None:
    missing = ""
    if chromium_binary() is None:
        missing = "chromium is not installed: install the Debian package chromium (make chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed (pip install -e '.[test]')"
    if not missing:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(missing)
    pytest.skip(missing)


def _seen(lang: str) -> Iterator[dict[str, object]]:
    """What Chromium made of the rendered digest: its links, scripts and text."""
    with open_html(render_sample(lang).html) as page:
        yield {
            "links": page.eval_on_selector_all(
                "a[href]", "els => els.map(a => [a.textContent.trim(), a.href])"),
            "scripts": page.eval_on_selector_all("script", "els => els.length"),
            "handlers": page.evaluate(
                "() => [...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                ".some(a => a.name.startsWith('on'))).length"),
            "text": page.inner_text("body"),
            "headings": page.eval_on_selector_all("h2", "els => els.map(h => h.textContent)"),
        }


@pytest.fixture(params=["fi", "sv", "en"])
def seen(request: pytest.FixtureRequest) -> Iterator[tuple[str, dict[str, object]]]:
    yield from ((request.param, s) for s in _seen(request.param))


def _mailtos(seen: dict[str, object]) -> list[Mailto]:
    links = seen["links"]
    assert isinstance(links, list)
    return [read_mailto(href) for _, href in links if href.startswith("mailto:")]


def test_each_link_opens_the_intended_mail(seen: tuple[str, dict[str, object]]) -> None:
    lang, page = seen
    handled, offer, retry, remove = WORDS[lang]
    network = NETWORK.address
    assert _mailtos(page) == [
        Mailto(("aino.laine@omnia.test",), (network,), "Re: Lounas ja ruokavalio",
               "\n\n" + quote_lines(QUESTION)),
        Mailto((network,), (), f"{handled} {item_ref('q1')}"),
        Mailto(("helmi.virta@keuda.test",), (network,),
               reply_subject(" ".join(EVIL_SUBJECT.split())),
               "\n\n" + quote_lines('"><script>alert(2)</script>\nTo: evil@example.org & 100 %')),
        Mailto((network,), (), f"{handled} {item_ref('q2')}"),
        Mailto((network,), (), f"{offer} juha.niemi@keuda.test"),
        Mailto((network,), (), f"{retry} eero.koski@omnia.test"),
        Mailto((network,), (), f"{remove} eero.koski@omnia.test"),
        Mailto((network,)),  # the signature's address
    ]


def test_a_hostile_subject_neither_breaks_the_page_nor_adds_a_recipient(
        seen: tuple[str, dict[str, object]]) -> None:
    _, page = seen
    recipients = {a for m in _mailtos(page) for a in (*m.to, *m.cc)}
    assert recipients == {NETWORK.address, "aino.laine@omnia.test", "helmi.virta@keuda.test"}
    assert page["scripts"] == 0
    assert page["handlers"] == 0
    text = page["text"]
    assert isinstance(text, str)
    assert "<script>alert(1)</script>" in text  # shown as text
    assert "&cc=evil@example.org" in text
    headings = page["headings"]
    assert isinstance(headings, list)
    assert len(headings) >= 5  # every section after the hostile item is still there
    assert "Verkostopäivä 2" in text
    assert "eero.koski@omnia.test" in text


def test_the_digest_a_pass_sends_opens_the_intended_mails(tmp_path: Path) -> None:
    """A hostile question by mail, a pass, the next morning's digest as the outbox wrote it:
    Chromium resolves its links to a reply (the network in Cc) and a *mark handled*."""
    net = make_network(tmp_path / "net")
    net.deliver(mail("kysyja@stadi.test", HOSTILE, "Hei,\nkuka maksaa lounaan?\n"))
    net.tick()
    net.new_mails()
    net.tick(SEC_NOW + timedelta(days=1))
    [digest] = net.new_mails()
    with net.store() as store:
        [item] = store.all(AttentionItem)
    with open_html(text_of(digest, "html")) as page:
        hrefs = page.eval_on_selector_all("a[href^='mailto:']", "els => els.map(a => a.href)")
    links = [read_mailto(h) for h in hrefs]
    assert Mailto(("kysyja@stadi.test",), (SEC_NETWORK,), reply_subject(HOSTILE),
                  "\n\n> Hei,\n> kuka maksaa lounaan?") in links
    assert Mailto((SEC_NETWORK,), (), f"KÄSITELTY {item_ref(item.id)}") in links
    assert {a for m in links for a in (*m.to, *m.cc)} == {"kysyja@stadi.test", SEC_NETWORK}
