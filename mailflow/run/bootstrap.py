"""The one composition root: settings in, concrete adapters out."""

from __future__ import annotations

from mailflow.adapters.ports import Mailbox, Sender
from mailflow.adapters.store import Store
from mailflow.config.loader import Settings, resolve_secret
from mailflow.config.resources import templates_dir
from mailflow.core.writing.render import Renderer
from mailflow.run.tick import Services

__all__ = ["build_services", "open_store"]


def open_store(settings: Settings) -> Store:
    """The store, locked for this process until closed."""
    return Store(settings.resolve(settings.store.path),
                 lock_timeout=settings.store.lock_timeout_seconds)


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


def build_services(settings: Settings) -> Services:
    """Everything a tick needs, built from the settings."""
    return Services(
        settings=settings,
        open_store=lambda: open_store(settings),
        open_mailbox=lambda: _open_mailbox(settings),
        open_sender=lambda: _open_sender(settings),
        renderer=Renderer(templates_dir(), settings.network, settings.tz),
    )
