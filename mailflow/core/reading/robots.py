"""Mail written by machines: our own mail coming back (loop), bounces and auto-replies.

The order matters: a loop first (From is our own address, or the mail carries our loop
header), then bounces (RFC 3464 reports, ``X-Failed-Recipients``, the text bounces of
Postfix, Exim, qmail, Exchange/Office 365 and Gmail), then auto-replies (RFC 3834
``Auto-Submitted``, ``X-Autoreply``, ``Precedence: bulk``, list mail, and the subjects of
out-of-office answers). A bounce yields the addresses that failed. The wording of bounces
and automatic answers comes from every registered language pack, built on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from functools import cache

from mailflow.core.languages.lexicon import Lexicon, known
from mailflow.core.languages.screen import Screened, fold
from mailflow.core.values import RobotKind

__all__ = ["LOOP_HEADER", "classify_robot"]

LOOP_HEADER = "X-Mailflow-Loop"
_MAX_BOUNCED = 50
_MAX_REPORT_PARTS = 50
_MAX_SCAN_CHARS = 20_000

_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
#: an SMTP permanent failure as bounces quote it ("#5.1.1 smtp;550", "550 5.1.1"), any language
_SMTP_FAILURE = re.compile(
    r"#5\.\d{1,3}\.\d{1,3}\b|\bsmtp;\s*5\d\d\b|\b5\d\d[ -]5\.\d{1,3}\.\d{1,3}\b", re.I
)
_DAEMON = re.compile(
    r"^(mailer-daemon|postmaster|mail-daemon|maildaemon|mdaemon|microsoftexchange[0-9a-f]*)@", re.I
)


@dataclass(frozen=True)
class _Wording:
    """What robots write, in every registered pack's words (each any case)."""

    bounce_subject: re.Pattern[str]
    bounce_body: re.Pattern[str]
    delay: re.Pattern[str]
    original_starts: re.Pattern[str]  # where a bounce's returned message starts
    auto_subject: re.Pattern[str]
    weak_auto_subject: re.Pattern[str]  # counts with X-Auto-Response-Suppress only
    whole_auto_subject: re.Pattern[str]  # nothing but "Out of office" (and dates)
    auto_text: Screened  # "This is an automatic reply" in the text (lower case)
    away_text: Screened  # "I am out of the office until ..." in the text (lower case)
    urgent_text: Screened  # "in urgent matters, contact ..." in the text (lower case)


@cache
def _wording(lexicon: Lexicon) -> _Wording:
    def one_of(field: str) -> str:
        return "|".join(lexicon.alternatives(field)) or "(?!)"

    return _Wording(
        bounce_subject=re.compile(rf"^\s*(?:{one_of('bounce_subjects')})", re.I),
        bounce_body=re.compile(one_of("bounce_phrases"), re.I),
        delay=re.compile(one_of("delay_phrases"), re.I),
        original_starts=re.compile(
            rf"^(?:-{{2,}}.*(?:{one_of('returned_titles')})|(?:{one_of('returned_headings')}))",
            re.I | re.M),
        auto_subject=re.compile(rf"^\s*(?:{one_of('auto_reply_subjects')})\s*:", re.I),
        weak_auto_subject=re.compile(rf"\b(?:{one_of('away_words')})\b", re.I),
        # "Out of office", "Lomalla 1.–5.12.": the subject says nothing else than dates
        whole_auto_subject=re.compile(
            rf"^\s*(?:{one_of('auto_reply_subjects')})[\s\d.,:;!/–-]*$", re.I),
        auto_text=Screened(*lexicon.alternatives("auto_reply_phrases")),
        away_text=Screened(*lexicon.alternatives("away_phrases")),
        urgent_text=Screened(*lexicon.alternatives("urgent_referrals")),
    )


_REPORT_TYPES = frozenset({"message/delivery-status", "message/global-delivery-status"})
_PRECEDENCE_ROBOT = frozenset({"bulk", "junk", "list", "auto_reply"})


def _header(headers: Mapping[str, str], name: str) -> str:
    return headers.get(name, "").strip()


def _is_loop(headers: Mapping[str, str], from_addr: str, own_address: str) -> bool:
    own = own_address.strip().lower()
    return bool(_header(headers, LOOP_HEADER.lower())) or (bool(own) and from_addr == own)


def _parts(msg: Message, depth: int = 0) -> Iterator[Message]:
    """Bounded walk for the report parts of a DSN (they sit near the top)."""
    yield msg
    if depth >= 3 or not msg.is_multipart():
        return
    payload = msg.get_payload()
    if isinstance(payload, list):
        for part in payload[:_MAX_REPORT_PARTS]:
            if isinstance(part, Message):
                yield from _parts(part, depth + 1)


def _report_blocks(part: Message) -> list[str]:
    """The per-message and per-recipient field blocks of a message/delivery-status part."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return [
            "\n".join(f"{k}: {v}" for k, v in block.items())
            for block in payload[:_MAX_REPORT_PARTS]
            if isinstance(block, Message)
        ]
    if isinstance(payload, str):
        return re.split(r"\r?\n\s*\r?\n", payload[:_MAX_SCAN_CHARS])
    return []


def _field(block: str, name: str) -> str:
    match = re.search(rf"^{name}\s*:\s*(.*)$", block, re.I | re.M)
    return match.group(1).strip() if match else ""


def _dsn_failures(msg: Message) -> tuple[bool, list[str]]:
    """(is an RFC 3464 report, failed recipients) of a multipart/report message."""
    found = False
    failed: list[str] = []
    for part in _parts(msg):
        if part.get_content_type() not in _REPORT_TYPES:
            continue
        found = True
        for block in _report_blocks(part):
            action = _field(block, "Action").lower()
            status = _field(block, "Status")
            recipient = _field(block, "Final-Recipient") or _field(block, "Original-Recipient")
            if not recipient:
                continue
            if action.startswith("failed") or (not action and status.startswith("5")):
                failed.extend(_ADDRESS.findall(recipient.split(";", 1)[-1]))
    return found, failed


def _text_failures(text: str, exclude: set[str]) -> list[str]:
    """Addresses named in a text bounce before the returned original message starts."""
    head = text[:_MAX_SCAN_CHARS]
    cut = _wording(known()).original_starts.search(head)
    if cut:
        head = head[: cut.start()]
    return [a for a in _ADDRESS.findall(head) if a.lower() not in exclude and not _DAEMON.match(a)]


def _unique(addresses: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for address in addresses:
        seen.setdefault(address.strip().strip(".<>").lower(), None)
    return tuple(a for a in seen if a)[:_MAX_BOUNCED]


def _bounce(
    msg: Message, headers: Mapping[str, str], from_addr: str, subject: str, text: str, own: str
) -> tuple[bool, tuple[str, ...]]:
    exclude = {own, from_addr}
    is_report = msg.get_content_type() == "multipart/report"
    report, failed = _dsn_failures(msg) if is_report else (False, [])
    if report:
        return True, _unique([a for a in failed if a.lower() not in {own}])
    failed_header = _header(headers, "x-failed-recipients")
    if failed_header:
        return True, _unique(_ADDRESS.findall(failed_header))
    daemon = bool(_DAEMON.match(from_addr)) or _header(headers, "return-path") == "<>"
    wording = _wording(known())
    bounce_subject = bool(wording.bounce_subject.match(subject))
    if not (daemon or bounce_subject):
        return False, ()  # the body cannot make it a bounce: skip scanning it
    head = text[:_MAX_SCAN_CHARS]
    bounce_body = bool(wording.bounce_body.search(head) or _SMTP_FAILURE.search(head))
    if not ((daemon and (bounce_subject or bounce_body)) or (bounce_subject and bounce_body)):
        if daemon and _DAEMON.match(from_addr):
            return True, ()  # mail from a mailer daemon is never a person's
        return False, ()
    if wording.delay.search(subject) or wording.delay.search(text[:2000]):
        return True, ()  # a delay warning: not (yet) a failure
    return True, _unique(_text_failures(text, exclude))


def _is_read_receipt(msg: Message) -> bool:
    """An RFC 8098 message disposition notification ("Read: ...", "Luettu: ...")."""
    if msg.get_content_type() != "multipart/report":
        return False
    report_type = msg.get_param("report-type", "")
    return isinstance(report_type, str) and report_type.lower() == "disposition-notification"


def _is_autoreply(
    msg: Message, headers: Mapping[str, str], from_addr: str, subject: str, text: str
) -> bool:
    if _is_read_receipt(msg):
        return True
    auto = _header(headers, "auto-submitted").lower()
    if auto and not auto.startswith("no"):
        return True
    if any(_header(headers, name) for name in ("x-autoreply", "x-autorespond", "x-autogenerated")):
        return True
    precedence = _header(headers, "precedence").lower()
    if precedence in _PRECEDENCE_ROBOT or _header(headers, "list-id"):
        return True
    if _header(headers, "return-path") == "<>":
        return True  # RFC 3834: automatic answers go out with a null envelope sender
    wording = _wording(known())
    if wording.auto_subject.match(subject) or wording.whole_auto_subject.match(subject):
        return True  # "Automatic reply: ..." or, from a client rule, just "Out of office"
    suppress = _header(headers, "x-auto-response-suppress")
    if suppress and wording.weak_auto_subject.search(subject):
        return True
    if _relays_someone(headers, from_addr):
        return False  # a web form's "automatic message" carries a person's request
    return _automatic_text(wording, text[:_AUTO_TEXT_CHARS].lower())


def _relays_someone(headers: Mapping[str, str], from_addr: str) -> bool:
    """Replies go to another address than the sender's: a form or an assistant relays a
    person (an automatic answer, when it sets Reply-To at all, names itself)."""
    reply_to = {a.lower() for a in _ADDRESS.findall(_header(headers, "reply-to"))}
    return bool(reply_to - {from_addr})


#: How much of a text is read for an automatic answer's wording (it says so at once).
_AUTO_TEXT_CHARS = 800


def _automatic_text(wording: _Wording, text: str) -> bool:
    """A client rule's answer with no header at all, by its wording: it says it is
    automatic ("Tämä on automaattinen vastaus", "Your ticket has been received"), or it
    says the person is away and whom to turn to in urgent matters, what becomes of mail
    meanwhile or when they are back (a person away on the day says they cannot come)."""
    if wording.auto_text.search(text):
        return True
    if not (wording.urgent_text.search(text) and wording.away_text.search(text)):
        return False
    cannot_come = known().intent_patterns.get("rsvp_no")
    return not (cannot_come and cannot_come.search(fold(text)))  # away on the day: a person


def classify_robot(
    msg: Message,
    *,
    headers: Mapping[str, str],
    from_addr: str,
    subject: str,
    text: str,
    own_address: str,
    new_text: str | None = None,
) -> tuple[RobotKind | None, tuple[str, ...]]:
    """Classify a parsed (compat32) message: (robot kind or None, addresses that bounced).

    headers: lower-case names to decoded values (as ParsedMessage.headers); from_addr:
    the lower-cased From address; text: the readable body; new_text: the body without
    quoted history, where an automatic answer's wording is looked for (a person quoting
    mailflow's own "This is an automatic message" stays a person). Never raises on odd input.
    """
    own = own_address.strip().lower()
    if _is_loop(headers, from_addr, own):
        return "loop", ()
    is_bounce, bounced = _bounce(msg, headers, from_addr, subject, text, own)
    if is_bounce:
        return "bounce", bounced
    own_words = text if new_text is None else new_text
    if _is_autoreply(msg, headers, from_addr, subject, own_words):
        return "autoreply", ()
    return None, ()
