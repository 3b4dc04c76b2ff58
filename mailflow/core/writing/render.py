"""Rendering a MailRequest into a complete, sendable message (pure: no I/O but reading templates).

Templates live in ``templates/<lang>/``: ``NAME.subject.txt``, ``NAME.txt`` and ``NAME.html``
(see mailflow/catalogue.py). User text only ever enters as context *data*: it is never
template source, HTML templates autoescape it, and anything that reaches a header goes
through :mod:`mailflow.core.writing.headers` first.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from email.utils import format_datetime as rfc5322_date
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import jinja2

from mailflow.core.errors import MailflowError
from mailflow.core.languages.registry import DEFAULT, pack, packs
from mailflow.core.model import NetworkDay, Organisation
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import MailRequest
from mailflow.core.writing import formatting
from mailflow.core.writing.calendar import build_calendar, build_reply
from mailflow.core.writing.headers import (
    address_header,
    clean_address,
    clean_header_text,
    clean_message_ids,
    make_message_id,
    phrase_header,
    structured_header,
    unstructured_header,
)
from mailflow.core.writing.mime import Entity, file_part, message_bytes, multipart, text_part

__all__ = ["Attachment", "RenderError", "RenderedMail", "Renderer"]

_REPLY_PREFIX = re.compile(r"^\s*((re|vs|sv|aw|fw|fwd|vl|ve)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_MIME_TOKEN = re.compile(r"[A-Za-z0-9!#$&^_.+-]{1,64}")  # RFC 6838 restricted-name


class RenderError(MailflowError):
    """A mail could not be rendered: a missing template or context key (a bug, not user input)."""


@dataclass(frozen=True)
class Attachment:
    """A file attached to a mail, e.g. the cost CSV; ``data`` str is sent as UTF-8."""

    filename: str
    content_type: str
    data: bytes | str


@dataclass(frozen=True)
class RenderedMail:
    """A rendered mail: ``raw`` is the whole message (CRLF line ends); ``to`` the bare address."""

    message_id: str
    subject: str
    to: str
    raw: bytes
    text: str
    html: str


def _said(lang: str, name: str) -> str:
    """The wording ``name`` of the language ``lang``, the default language's when it has none."""
    return str(getattr(pack(lang).says, name) or getattr(pack(DEFAULT).says, name))


def _first_name(name: str) -> str:
    """The name to greet with: "Maija" from "Maija Mäkinen" and from "Mäkinen, Maija"."""
    text = str(name).strip()
    if "," in text:
        text = text.split(",", 1)[1].strip() or text.split(",", 1)[0].strip()
    return text.split()[0] if text.split() else ""


def _org_name(value: Any) -> str:
    if isinstance(value, Organisation):
        return value.name
    return "" if value is None else str(value)


def _reply_subject(subject: str) -> str:
    """``Re: <subject>`` with any earlier Re:/Vs:/AW: prefixes removed."""
    return "Re: " + _REPLY_PREFIX.sub("", str(subject)).strip()


def _paragraphs(text: str) -> list[str]:
    """Plain text split at blank lines (for HTML paragraphs)."""
    text = str(text).replace("\r\n", "\n")
    return [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]


class Renderer:
    """Renders MailRequests with the templates in ``templates_dir`` for one network."""

    def __init__(self, templates_dir: Path, network: NetworkSettings, tz: ZoneInfo) -> None:
        self.templates_dir = Path(templates_dir)
        self.network = network
        self.tz = tz
        self.domain = clean_address(network.address).rsplit("@", 1)[1]
        self._envs: dict[str, jinja2.Environment] = {}

    # -- the one entry point ------------------------------------------------------
    def render(
        self,
        request: MailRequest,
        *,
        now: datetime,
        day: NetworkDay | None = None,
        attachments: tuple[Attachment, ...] = (),
    ) -> RenderedMail:
        """Render ``request`` into a complete message; raise RenderError on a missing piece."""
        if now.tzinfo is None:
            raise RenderError("render needs a timezone-aware 'now'")
        lang = pack(request.language).code  # the default language's when none speaks it
        if day is None and isinstance(request.context.get("day"), NetworkDay):
            day = request.context["day"]
        context: dict[str, Any] = dict(request.context)
        if day is not None:
            context.setdefault("day", day)
        context.update(network=self.network, now=now, lang=lang)

        subject = clean_header_text(self._render(lang, f"{request.template}.subject.txt", context))
        text = self._render(lang, f"{request.template}.txt", context).strip() + "\n"
        html = self._render(lang, f"{request.template}.html", context)
        if not subject:
            subject = clean_header_text(self.network.name)
        message_id = make_message_id(request.key, self.domain, request.day)

        # multipart/alternative (text, HTML[, calendar]), inside multipart/mixed when there
        # are files (invite.ics, attachments). Boundaries come from the Message-ID, so the
        # same mail renders to the same bytes; "=_" never occurs in a QP or base64 body.
        tag = hashlib.sha256(message_id.encode("utf-8")).hexdigest()[:24]
        alternative = [text_part("plain", text), text_part("html", html)]
        files: list[Entity] = []
        if request.calendar == "reply":  # an answer to a meeting: inline only, as clients do
            alternative.append(self._reply_part(request, day, now))
        elif request.calendar:
            inline, ics = self._calendar_parts(request, day, now, lang)
            alternative.append(inline)
            files.append(ics)
        files += [self._attachment(attachment) for attachment in attachments]
        body = multipart("alternative", alternative, f"=_alt_{tag}")
        if files:
            body = multipart("mixed", [body, *files], f"=_mix_{tag}")
        headers = self._headers(request, subject, message_id, now, lang)
        return RenderedMail(
            message_id=message_id,
            subject=subject,
            to=clean_address(request.to),
            raw=message_bytes(headers, body),
            text=text,
            html=html,
        )

    # -- templates ----------------------------------------------------------------
    def _env(self, lang: str) -> jinja2.Environment:
        if lang not in self._envs:
            # the language's own templates first; common/ holds language-free macros
            codes = (p.code for p in packs())
            order = dict.fromkeys((lang, self.network.language, *codes, "common"))
            env = jinja2.Environment(
                loader=jinja2.FileSystemLoader([self.templates_dir / d for d in order]),
                undefined=jinja2.StrictUndefined,
                autoescape=jinja2.select_autoescape(
                    enabled_extensions=("html",), default_for_string=False, default=False
                ),
                keep_trailing_newline=True,
                trim_blocks=True,
                lstrip_blocks=True,
                auto_reload=False,
            )
            env.filters.update(self._filters(lang))
            self._envs[lang] = env
        return self._envs[lang]

    def _filters(self, lang: str) -> dict[str, Any]:
        tz = self.tz

        def day_line(value: Any) -> str:
            if isinstance(value, NetworkDay):
                when = formatting.format_day(value, lang)
                return f"{when}, {value.place}" if value.place.strip() else when
            return str(value)

        return {
            "date": lambda d: formatting.format_date(d, lang),
            "time": lambda t: formatting.format_time(t, lang),
            "day": lambda d: formatting.format_day(d, lang),
            "day_line": day_line,
            "datetime": lambda m: formatting.format_datetime(m, tz, lang),
            "money": lambda a: formatting.format_money(Decimal(a), lang),
            "role": lambda r: formatting.role_label(r, lang),
            "org": _org_name,
            "first_name": _first_name,
            "reply_subject": _reply_subject,
            "paragraphs": _paragraphs,
        }

    def _render(self, lang: str, name: str, context: dict[str, Any]) -> str:
        try:
            return self._env(lang).get_template(name).render(context)
        except jinja2.TemplateNotFound as exc:
            raise RenderError(f"no template {exc.name!r} under {self.templates_dir}") from None
        except jinja2.UndefinedError as exc:
            raise RenderError(f"{name}: {exc.message}") from None

    # -- the message ----------------------------------------------------------------
    def _headers(
        self, request: MailRequest, subject: str, message_id: str, now: datetime, lang: str,
    ) -> list[str]:
        network_address = clean_address(self.network.address)
        headers = [
            address_header("From", self.network.name, network_address),
            address_header("To", request.to_name, request.to),
            address_header("Reply-To", "", network_address),
            unstructured_header("Subject", subject),
            structured_header("Date", rfc5322_date(now.astimezone(self.tz))),
            structured_header("Message-ID", message_id),
            structured_header("Content-Language", lang),
            structured_header("Auto-Submitted", request.auto),
            "X-Auto-Response-Suppress: All",
            structured_header("X-Mailflow-Loop", network_address),
        ]
        answered = clean_message_ids(request.in_reply_to)
        references = clean_message_ids(*request.references, request.in_reply_to)
        if answered:
            headers.append(structured_header("In-Reply-To", answered[0]))
        if references:
            headers.append(structured_header("References", " ".join(references[-20:])))
        if request.list_mail:
            unsubscribe = quote(_said(lang, "unsubscribe_subject"))
            headers += [
                "Precedence: bulk",
                phrase_header("List-Id", clean_header_text(self.network.name, 80),
                              f"<interest.{self.domain}>"),
                structured_header("List-Unsubscribe",
                                  f"<mailto:{network_address}?subject={unsubscribe}>"),
            ]
        return headers

    def _calendar_parts(
        self, request: MailRequest, day: NetworkDay | None, now: datetime, lang: str
    ) -> tuple[Entity, Entity]:
        method = {"request": "REQUEST", "cancel": "CANCEL"}.get(request.calendar)
        if method is None:
            raise RenderError(f"unknown calendar kind {request.calendar!r} in {request.key}")
        if day is None:
            raise RenderError(f"{request.key}: a calendar part needs the network day")
        data = build_calendar(
            day, "REQUEST" if method == "REQUEST" else "CANCEL",
            organizer=clean_address(self.network.address), organizer_name=self.network.name,
            attendee=clean_address(request.to), attendee_name=request.to_name,
            tz=self.tz, network_domain=self.domain, stamp=now,
            day_word=_said(lang, "day_title"),
        )
        # Inline in the alternative (Outlook and Gmail show accept/decline from it) and as
        # invite.ics (what Apple Mail and others offer to open), as Outlook and Google do.
        inline = text_part("calendar", data.decode("utf-8"), (("method", method),))
        ics = file_part("application/ics", data, "invite.ics", (("name", "invite.ics"),))
        return inline, ics

    def _reply_part(self, request: MailRequest, day: NetworkDay | None, now: datetime) -> Entity:
        """The iTIP REPLY (accepted) to the organiser of the meeting ``day`` was made from."""
        if day is None or not day.calendar_uid:
            raise RenderError(f"{request.key}: a meeting reply needs the day made from it")
        data = build_reply(day, organizer=clean_address(request.to),
                           attendee=clean_address(self.network.address),
                           attendee_name=self.network.name, tz=self.tz, stamp=now)
        return text_part("calendar", data.decode("utf-8"), (("method", "REPLY"),))

    @staticmethod
    def _attachment(attachment: Attachment) -> Entity:
        maintype, _, subtype = attachment.content_type.partition("/")
        if not _MIME_TOKEN.fullmatch(maintype) or not _MIME_TOKEN.fullmatch(subtype):
            maintype, subtype = "application", "octet-stream"
        data = attachment.data
        raw = data.encode("utf-8") if isinstance(data, str) else data
        name = _FILENAME_UNSAFE.sub("_", clean_header_text(attachment.filename, 100)) or "liite"
        return file_part(f"{maintype}/{subtype}", raw, name)
