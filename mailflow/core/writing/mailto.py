"""``mailto:`` links that open a prepared mail (RFC 6068), short enough for every client.

:func:`mailto_url` builds one (to, cc, subject, body), percent-encoded as UTF-8 with
``urllib.parse.quote`` (a space is ``%20``, never ``+``; a line break in the body is
``%0D%0A``); :func:`read_mailto` reads one back into its fields. Pure: data in, text out.

Safety. Every field is encoded whole, so a ``?``, ``&``, ``=``, ``%`` or ``#`` in a subject,
a body or an address stays inside its field; the subject is made one line (control
characters and line breaks become spaces), so it can never start a header of its own; an
address that is not a plain ``local@domain`` (a display name, angle brackets, spaces, a
comma, a second ``@``, control characters, a domain that is not made of labels) gets no
link at all (``None``): the digest then shows the text and the command instead.

Length. RFC 6068 sets no limit, clients do. :data:`MAX_URL_CHARS` is 1,800 characters,
because the handlers between a click and a compose window cut near 2,000:

* Internet Explorer, whose URL handling older Outlook desktop and the Windows shell
  reuse, stops at 2,083 characters (Microsoft KB 208427, "Maximum URL length is 2,083
  characters in Internet Explorer");
* Chrome on Windows 10 stops launching the mail client for a mailto URL a little over
  2,000 characters (ucam-department-of-psychiatry/camcops issue 180, measured; the same
  failure, a long body cancelling the launch, in apache/ponymail issue 181);
* a web handler (Gmail's ``https://mail.google.com/mail/?extsrc=mailto&url=%s``, Outlook on
  the web) gets the whole mailto URL as a parameter of its own URL, encoded once more.

So the body (the quoted text) is trimmed first, at a word boundary, ending with "…",
never through a percent-escape; then, if it must be, the subject.

Clients, and how each was checked (docs/digest-links.md says the same, with the sources):

* Chromium 150 (Debian's, headless): **run**, in ``tests/integration/test_digest_browser.py``:
  the href the browser resolves for each link decodes to the intended to, cc, subject and
  body, and a hostile subject neither breaks the page nor adds a recipient.
* Outlook desktop (Windows), Outlook on the web, Gmail on the web and in its apps, iPhone
  Mail: **only against documentation and reports**, not run here. All of them read to, cc,
  subject and body, percent-encoded as UTF-8 (RFC 6068 section 5; Apple's "Mail Links" URL
  scheme reference shows cc, subject and body). Outlook desktop separates several
  addresses with ";" rather than RFC 6068's ",", so every link here has one address in To
  and at most one in Cc. Gmail on the web opens a mailto link through its registered
  handler, which re-encodes the whole URL into its own compose URL; the Gmail app on
  iPhone only opens mailto links when it is chosen as the default mail app (iOS 14 and
  later). iPhone Mail has no documented length limit. Old handlers that read "+" as a
  space still see a plus here, because "+" is always sent as ``%2B``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

__all__ = ["ELLIPSIS", "MAX_URL_CHARS", "Mailto", "mailto_url", "one_line", "plain_address",
           "quote_lines", "read_mailto"]

#: The longest URL :func:`mailto_url` makes (see the module's docstring for why).
MAX_URL_CHARS = 1800
#: What ends a trimmed text.
ELLIPSIS = "…"

# RFC 5322 dot-atom local part and a domain of letter/digit labels; any non-ASCII letter is
# allowed too (RFC 6531 addresses), but no space, control, quote, bracket, comma or "@".
_WIDE = r"\u00a0-\U0010ffff"
_ATEXT = rf"[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~\-{_WIDE}]"
_LABEL = rf"[A-Za-z0-9{_WIDE}](?:[A-Za-z0-9\-{_WIDE}]*[A-Za-z0-9{_WIDE}])?"
_PLAIN = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*@{_LABEL}(?:\.{_LABEL})+")
_NOT_TEXT = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Mailto:
    """The fields of a mailto URL: recipients, copies, subject and body (CRLF as "\\n")."""

    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    subject: str = ""
    body: str = ""


def plain_address(address: str) -> bool:
    """Whether ``address`` is a bare ``local@domain`` that may be put in a link."""
    return (len(address) <= 254 and address.isprintable() and _PLAIN.fullmatch(address) is not None
            and not any(c.isspace() for c in address))


def one_line(text: str) -> str:
    """``text`` as one line: control characters and runs of white space become one space."""
    return _SPACES.sub(" ", _NOT_TEXT.sub(" ", text)).strip()


def quote_lines(text: str) -> str:
    """``text`` quoted as a reply quotes it: "> " before each line."""
    return "\n".join("> " + line if line else ">" for line in text.split("\n")) if text else ""


def mailto_url(to: tuple[str, ...] | str, *, cc: tuple[str, ...] = (), subject: str = "",
               body: str = "", limit: int = MAX_URL_CHARS) -> str | None:
    """A mailto URL that opens a mail with these fields, at most ``limit`` characters long.

    None when an address is not plain (:func:`plain_address`) or the addresses alone do not
    fit. The subject is made one line and kept to a quarter of ``limit``; the body's line
    breaks become CRLF, and the body is trimmed to what is left. A trimmed text ends at a
    word boundary with " …".
    """
    recipients = (to,) if isinstance(to, str) else to
    if not recipients or not all(plain_address(a) for a in (*recipients, *cc)):
        return None
    fields = [("cc", ",".join(_address(a) for a in cc))] if cc else []
    url = "mailto:" + ",".join(_address(a) for a in recipients)
    line = _fit(one_line(subject), limit // 4)
    if line:
        fields.append(("subject", _encode(line)))
    used = len(url) + sum(len(k) + len(v) + 2 for k, v in fields)
    text = _fit(body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n"),
                limit - used - len("body") - 2)
    if text:
        fields.append(("body", _encode(text)))
    url += "".join(("&" if i else "?") + f"{k}={v}" for i, (k, v) in enumerate(fields))
    return url if len(url) <= limit else None


def read_mailto(url: str) -> Mailto:
    """The fields of a mailto URL, decoded as RFC 6068 says ("+" is a plus; the body's CRLF
    as "\\n"): the inverse of :func:`mailto_url` for the fields it was given."""
    parts = urlsplit(url)
    found: dict[str, list[str]] = {"to": [unquote(a) for a in parts.path.split(",") if a]}
    for pair in filter(None, parts.query.split("&")):
        key, _, value = pair.partition("=")
        found.setdefault(unquote(key).lower(), []).append(unquote(value))
    to = [a for value in found["to"] for a in value.split(",") if a]
    cc = [a for value in found.get("cc", []) for a in value.split(",") if a]
    return Mailto(tuple(to), tuple(cc), "".join(found.get("subject", [])[:1]),
                  "".join(found.get("body", [])[:1]).replace("\r\n", "\n"))


def _address(address: str) -> str:
    return quote(address, safe="@")


def _encode(text: str) -> str:
    return quote(text, safe="")


def _fit(text: str, room: int) -> str:
    """``text`` if its encoding fits in ``room`` characters, else its longest prefix that
    ends at a word boundary, with "…" after it, that does ("" when nothing does)."""
    if len(_encode(text)) <= room:
        return text
    room -= len(_encode(" " + ELLIPSIS))
    used, cut = 0, 0
    for index, char in enumerate(text):
        used += len(_encode(char))
        if used > room:
            break
        if char.isspace():
            cut = index
    kept = text[:cut].rstrip()
    return kept + " " + ELLIPSIS if kept else ""
