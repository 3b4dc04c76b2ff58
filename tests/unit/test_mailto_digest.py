"""The digest's action links, as rendered in fi, sv and en: each opens the intended mail."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.utils import getaddresses
from html.parser import HTMLParser

import pytest

from mailflow.core.commands import item_ref
from mailflow.core.model import AttentionItem
from mailflow.core.schedule.digest import build_digest
from mailflow.core.schedule.digest_actions import command, reply_subject
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.values import NetworkState
from mailflow.core.writing.mailto import Mailto, quote_lines, read_mailto
from tests.digest_sample import (
    EVIL_SUBJECT,
    NETWORK,
    NOW,
    QUESTION,
    TZ,
    mail_from_link,
    render_sample,
    sample_digest,
    sample_state,
)

LANGS = ("fi", "sv", "en")
#: label of each link, per language, as the templates word them
LABELS = {
    "fi": ("Vastaa", "Merkitse käsitellyksi", "Tarjoa paikkaa", "Yritä uudelleen", "Poista"),
    "sv": ("Svara", "Markera som klar", "Erbjud plats", "Försök igen", "Ta bort"),
    "en": ("Reply", "Mark handled", "Offer a place", "Retry", "Remove"),
}
#: the first command word of handled, offer, retry, remove in each pack
WORDS = {
    "fi": ("KÄSITELTY", "TARJOA", "UUDELLEEN", "POISTA"),
    "sv": ("KLART", "ERBJUD", "FÖRSÖK IGEN", "TA BORT"),
    "en": ("HANDLED", "OFFER", "RETRY", "REMOVE"),
}


class _Links(HTMLParser):
    """(label, href) of every mailto link, as an HTML parser reads the attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("mailto:"):
            self._href = href
            self.links.append(("", href))

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self.links[-1] = (self.links[-1][0] + data, self._href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None


def links_of(html: str) -> dict[str, list[Mailto]]:
    parser = _Links()
    parser.feed(html)
    found: dict[str, list[Mailto]] = {}
    for label, href in parser.links:
        found.setdefault(label.strip(), []).append(read_mailto(href))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_action_opens_the_intended_mail(lang: str) -> None:
    links = links_of(render_sample(lang).html)
    reply, handled, offer, retry, remove = LABELS[lang]
    w_handled, w_offer, w_retry, w_remove = WORDS[lang]
    assert links[reply][0] == Mailto(("aino.laine@omnia.test",), (NETWORK.address,),
                                     "Re: Lounas ja ruokavalio", "\n\n" + quote_lines(QUESTION))
    assert [m.subject for m in links[handled]] == [
        f"{w_handled} {item_ref('q1')}", f"{w_handled} {item_ref('q2')}"]
    assert links[offer] == [Mailto((NETWORK.address,), (), f"{w_offer} juha.niemi@keuda.test")]
    assert links[retry] == [Mailto((NETWORK.address,), (), f"{w_retry} eero.koski@omnia.test")]
    assert links[remove] == [Mailto((NETWORK.address,), (), f"{w_remove} eero.koski@omnia.test")]
    assert all(m.to == (NETWORK.address,) and m.cc == () for m in links[handled])


@pytest.mark.parametrize("lang", LANGS)
def test_a_hostile_subject_adds_no_recipient_and_stays_escaped(lang: str) -> None:
    mail = render_sample(lang)
    hostile = links_of(mail.html)[LABELS[lang][0]][1]
    assert hostile.to == ("helmi.virta@keuda.test",)
    assert hostile.cc == (NETWORK.address,)
    assert hostile.subject == reply_subject(" ".join(EVIL_SUBJECT.split()))
    assert "evil@example.org" not in (*hostile.to, *hostile.cc)
    assert "<script>" not in mail.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in mail.html


@pytest.mark.parametrize("lang", LANGS)
def test_the_text_part_shows_each_ref_and_command(lang: str) -> None:
    text = render_sample(lang).text
    w_handled, w_offer, w_retry, w_remove = WORDS[lang]
    for ref in (item_ref("q1"), item_ref("q2")):
        assert ref in text
        assert f'"{w_handled} {ref}"' in text
    assert f'"{w_offer} juha.niemi@keuda.test"' in text
    assert f'"{w_retry} eero.koski@omnia.test"' in text
    assert f'"{w_remove} eero.koski@omnia.test"' in text
    assert NETWORK.address in text
    assert "mailto:" not in text


def test_commands_are_the_packs_first_words() -> None:
    assert command("handled", "#k3m9qa", "fi") == "KÄSITELTY #k3m9qa"
    assert command("offer", "anna@x.test", "sv") == "ERBJUD anna@x.test"
    assert command("remove", "anna@x.test", "en") == "REMOVE anna@x.test"


def test_reply_subject_drops_earlier_prefixes() -> None:
    assert reply_subject("VS: Re: SV: Lounas") == "Re: Lounas"
    assert reply_subject("Lounas") == "Re: Lounas"


def test_without_the_network_address_only_the_reply_is_linked() -> None:

    digest = build_digest(sample_state(), NOW, None, failed_mails=[], max_per_org=4, tz=TZ)
    item = digest.attention[0]
    assert item.handled.url == ""
    assert item.handled.command == f"KÄSITELTY {item.ref}"
    assert read_mailto(item.reply.url).cc == ()


def test_a_sender_that_is_not_a_plain_address_gets_no_reply_link() -> None:

    state = sample_state()
    odd = AttentionItem(id="odd", message_key="k", sender="Aino <aino@omnia.test>",
                        subject="x", reasons=(), excerpt="", at=NOW)
    digest = build_digest(NetworkState(**{**state.__dict__, "attention": {"odd": odd}}), NOW,
                          None, failed_mails=[], max_per_org=4, tz=TZ,
                          network_address=NETWORK.address)
    assert digest.attention[0].reply.url == ""
    assert digest.attention[0].handled.url  # the item can still be marked handled


def test_the_digest_carries_refs_and_actions() -> None:
    digest = sample_digest("fi")
    assert [a.ref for a in digest.attention] == [item_ref("q1"), item_ref("q2")]
    waitlisted = [p for o in digest.rosters for p in o.people if p.status == "waitlisted"]
    assert [p.offer.command for p in waitlisted if p.offer] == ["TARJOA juha.niemi@keuda.test"]
    assert [b.address for b in digest.bounced] == ["eero.koski@omnia.test"]


def test_the_scheduled_digest_links_to_the_network_address() -> None:
    rules = ScheduleRules(facilitator=NETWORK.facilitator, tz=TZ,
                          network_address=NETWORK.address)
    [request] = [r for r in due_mails(sample_state(), NOW, rules, last_digest_at=None,
                                      failed_mails=[]) if r.template == "digest"]
    digest = request.context["digest"]
    assert read_mailto(digest.attention[0].handled.url).to == (NETWORK.address,)
    assert read_mailto(digest.attention[0].reply.url).cc == (NETWORK.address,)


def test_the_mail_a_hostile_reply_link_writes_has_one_recipient_and_one_copy() -> None:
    url = sample_digest("fi").attention[1].reply.url
    sent = message_from_bytes(bytes(mail_from_link(url, NETWORK.facilitator)),
                              policy=policy.default)
    recipients = getaddresses([str(v) for h in ("To", "Cc", "Bcc") for v in sent.get_all(h, [])])
    assert [a for _, a in recipients] == ["helmi.virta@keuda.test", NETWORK.address]
    assert sent["Bcc"] is None
    assert str(sent["Subject"]) == reply_subject(" ".join(EVIL_SUBJECT.split()))
    assert sent.get_content().startswith("\n\n> \"><script>")
