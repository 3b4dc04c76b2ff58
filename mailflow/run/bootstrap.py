"""The one composition root: settings in, concrete adapters out.

It chooses the intake: pipelined (reading ahead, and a worker process for a backlog)
unless asked for the sequential one. Nothing heavy is built before it is needed: the
renderer (jinja2, icalendar) at the first mail, so a pass with nothing to do stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from mailflow.adapters.ports import Mailbox, Sender
from mailflow.adapters.store import Store
from mailflow.config.loader import Settings
from mailflow.config.resources import templates_dir
from mailflow.config.secrets import resolve_secret
from mailflow.core.model import NetworkDay
from mailflow.core.values import MailRequest
from mailflow.intake.port import BatchSizes, Intake
from mailflow.intake.preparer import Preparer, Reader
from mailflow.intake.sequential import SequentialIntake
from mailflow.run.services import Services

if TYPE_CHECKING:
    from mailflow.core.writing.render import Attachment, RenderedMail, Renderer

__all__ = ["RendererAtFirstMail", "build_services", "open_intake", "open_store", "reader_of"]


def open_store(settings: Settings) -> Store:
    """The store, locked for this process until closed."""
    return Store(settings.resolve(settings.store.path),
                 lock_timeout=settings.store.lock_timeout_seconds)


def open_intake(settings: Settings, open_mailbox: Callable[[], Mailbox], *,
                pipelined: bool = True) -> Intake:
    """The intake a pass reads ``open_mailbox`` through: pipelined (fast in a backlog,
    the same outcome) or sequential. A local Maildir holding fewer messages than a backlog
    is read sequentially: the pipelined machinery (threads, a worker process) would cost
    an idle tick more than it could save."""
    box = settings.mailbox
    sizes = BatchSizes.of(box.batch_size, box.max_message_bytes)
    preparer = Preparer(reader_of(settings))
    if pipelined and box.kind == "maildir":
        from mailflow.adapters.maildir import count_waiting

        pipelined = count_waiting(settings.resolve(box.path)) >= sizes.first
    if not pipelined:
        return SequentialIntake(open_mailbox, preparer, sizes)
    from mailflow.intake.pipelined import PipelinedIntake

    return PipelinedIntake(open_mailbox, preparer, sizes, fork_reader=box.kind == "imap")


def reader_of(settings: Settings) -> Reader:
    """What understanding a message needs of the settings besides the state."""
    return Reader(settings.network.address, settings.mailbox.trusted_authserv_id,
                  settings.organisations)


def _open_mailbox(settings: Settings) -> Mailbox:
    box = settings.mailbox
    if box.kind == "imap":
        from mailflow.adapters.imap import ImapMailbox
        from mailflow.adapters.imap_connect import connect_imap

        imap = settings.imap
        assert imap is not None  # checked by config validation
        secret = resolve_secret(imap, "imap")
        return ImapMailbox(
            lambda: connect_imap(imap, secret), imap.folder,
            processed_folder=box.processed_folder, attention_folder=box.attention_folder,
        )
    from mailflow.adapters.maildir import MaildirMailbox

    return MaildirMailbox(settings.resolve(box.path),
                          kept_folders=(box.processed_folder, box.attention_folder))


def _open_sender(settings: Settings) -> Sender:
    if settings.outbox.kind == "smtp":
        from mailflow.adapters.smtp import SmtpSender

        smtp = settings.smtp
        assert smtp is not None  # checked by config validation
        return SmtpSender(smtp, resolve_secret(smtp, "smtp"))
    from mailflow.adapters.fileoutbox import FileOutbox

    return FileOutbox(settings.resolve(settings.outbox.path))


class RendererAtFirstMail:
    """The network's :class:`~mailflow.core.writing.render.Renderer`, built (and its
    templates' machinery imported) at the first mail it renders."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._renderer: Renderer | None = None

    def render(self, request: MailRequest, *, now: datetime, day: NetworkDay | None = None,
               attachments: tuple[Attachment, ...] = ()) -> RenderedMail:
        if self._renderer is None:
            from mailflow.core.writing.render import Renderer

            settings = self._settings
            self._renderer = Renderer(templates_dir(), settings.network, settings.tz)
        return self._renderer.render(request, now=now, day=day, attachments=attachments)


def build_services(settings: Settings, *, pipelined: bool = True) -> Services:
    """Everything a tick needs, built from the settings; ``pipelined`` False: the
    sequential intake."""
    return Services(
        settings=settings,
        open_store=lambda: open_store(settings),
        open_mailbox=lambda: _open_mailbox(settings),
        open_sender=lambda: _open_sender(settings),
        renderer=RendererAtFirstMail(settings),
        open_intake=partial(open_intake, settings, pipelined=pipelined),
    )
