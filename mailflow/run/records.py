"""What a pass keeps in the store besides decisions: its meta values, the outbox's keys,
mails recorded before they are sent, the network's state, and erasing a person."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from mailflow.adapters.spool import Spool
from mailflow.adapters.store import Snapshot, Store
from mailflow.config.loader import MailboxSettings
from mailflow.core.errors import MailflowError
from mailflow.core.model import (
    AttentionItem,
    CommandEntry,
    InterestSubscription,
    NetworkDay,
    Organisation,
    OutgoingMail,
    PendingAction,
    Person,
    ProcessedMessage,
    Rsvp,
)
from mailflow.core.state import state_from_records
from mailflow.core.values import MailRequest, NetworkState

if TYPE_CHECKING:
    from mailflow.core.writing.render import Attachment, RenderedMail

__all__ = [
    "CURSOR_META",
    "FIRST_RUN_META",
    "LAST_DIGEST_META",
    "LAST_PRUNED_META",
    "PENDING_MOVES_META",
    "MailRenderer",
    "OutboxKeys",
    "erase_person",
    "folder_for",
    "folders_of_roles",
    "forgotten_key",
    "load_state",
    "record_mails",
    "roles_of_folders",
    "store_secret",
]

log = logging.getLogger(__name__)

SECRET_META = "secret"  # noqa: S105 - the name of the meta value, not a secret
FIRST_RUN_META = "first_run"
CURSOR_META = "mailbox_cursor"
LAST_DIGEST_META = "last_digest_at"
LAST_PRUNED_META = "last_pruned"
#: {role: [refs]} committed before they are moved: the folder's role ("processed",
#: "attention"), not its name, so a pass cut short follows the config the next one has
PENDING_MOVES_META = "pending_moves"

FORGOTTEN_PREFIX = "forgotten:"
#: what stands for a forgotten address in others' records
FORGOTTEN = "[forgotten]"


def folder_for(outcome: str, box: MailboxSettings) -> str:
    """The configured folder a message with this outcome is kept in."""
    return box.attention_folder if outcome == "attention" else box.processed_folder


def roles_of_folders(moves: dict[str, list[str]], box: MailboxSettings) -> dict[str, list[str]]:
    """Moves by configured folder name as the store keeps them: by the folder's role."""
    by_role: dict[str, list[str]] = {}
    for folder, refs in moves.items():
        role = "processed" if folder == box.processed_folder else "attention"
        by_role.setdefault(role, []).extend(refs)
    return by_role


def folders_of_roles(pending: dict[str, list[str]], box: MailboxSettings,
                     ) -> dict[str, list[str]]:
    """Moves the store keeps by role, by the folder the config now names for each."""
    moves: dict[str, list[str]] = {}
    for role, refs in pending.items():
        folder = folder_for(role, box)
        if role not in ("processed", "attention"):
            log.warning("pending moves to %r (not a folder's role) go to %s", role, folder)
        moves.setdefault(folder, []).extend(refs)
    return moves


class MailRenderer(Protocol):
    """Turns a mail request into a mail (:class:`mailflow.core.writing.render.Renderer`)."""

    def render(self, request: MailRequest, *, now: datetime, day: NetworkDay | None = None,
               attachments: tuple[Attachment, ...] = ()) -> RenderedMail: ...


def store_secret(store: Store) -> str:
    """The store's own secret (made at the first pass): keys tokens and forgotten keys."""
    value = store.meta(SECRET_META)
    if not value:
        import secrets  # once per store

        value = secrets.token_hex(32)
        store.set_meta(SECRET_META, value)
    return str(value)


def forgotten_key(secret: str, key: str) -> str:
    """What an outbox key becomes when its person is forgotten: an HMAC of it under the
    store's secret, which still stops the same mail going twice but names nobody."""
    import hashlib  # only once someone was forgotten: not on every pass
    import hmac

    digest = hmac.new(secret.encode("utf-8"), key.encode("utf-8"), hashlib.sha256)
    return FORGOTTEN_PREFIX + digest.hexdigest()


class OutboxKeys(set[str]):
    """The outbox's keys; a key also counts as known when its forgotten form is kept."""

    def __init__(self, keys: Iterable[str], secret: str) -> None:
        super().__init__(keys)
        self._secret = secret
        self._forgotten = any(k.startswith(FORGOTTEN_PREFIX) for k in self)

    def __contains__(self, key: object) -> bool:
        if super().__contains__(key):
            return True
        return (self._forgotten and isinstance(key, str)
                and super().__contains__(forgotten_key(self._secret, key)))


def record_mails(
    renderer: MailRenderer,
    store: Store,
    state: NetworkState,
    now: datetime,
    requests: Iterable[MailRequest],
    known_keys: set[str],
    attachments: dict[str, Any] | None = None,
    spacing: timedelta | None = None,
    spool: Spool | None = None,
) -> list[OutgoingMail]:
    """Render mails whose keys are new and record them in the outbox as pending.

    ``spacing`` throttles: the n-th mail may not be sent before ``now + n * spacing``.
    Each body goes to ``spool`` (durably, before the commit that queues it; None: a dry
    run, which keeps none), never into the store.
    """
    recorded: list[OutgoingMail] = []
    for request in requests:
        if request.key in known_keys:
            continue
        day = state.days.get(request.day) if request.day else None
        files = tuple((attachments or {}).get(request.key, ()))
        try:
            rendered = renderer.render(request, now=now, day=day, attachments=files)
        except MailflowError as exc:  # e.g. an address that cannot go in a header
            _record_unmade(store, request, now, exc)
            known_keys.add(request.key)
            continue
        if spool is not None:
            spool.write(request.key, rendered.raw)
        mail = OutgoingMail(
            key=request.key, to=request.to, subject=rendered.subject,
            message_id=rendered.message_id, created_at=now,
            kind=f"{request.auto}:{request.template}",
            next_attempt_at=now + (spacing * len(recorded) if spacing else timedelta(0)),
        )
        store.put(mail)
        known_keys.add(request.key)
        recorded.append(mail)
    return recorded


def _scrub_commands(store: Store, address: str) -> int:
    """The facilitators' command log keeps its entries, but none names ``address``."""
    named = [e for e in store.all(CommandEntry)
             if address in f"{e.by} {e.what} {e.detail} {' '.join(e.targets)}".lower()]
    store.put_many(e.replace(what=e.verb, detail="", targets=tuple(
        "" if address in t.lower() else t for t in e.targets)) for e in named)
    return len(named)


def _record_unmade(store: Store, request: MailRequest, now: datetime,
                   exc: MailflowError) -> None:
    """A mail that cannot be made is recorded as failed, with why."""
    log.error("mail %s to %r cannot be made: %s", request.key, request.to, exc)
    store.put(OutgoingMail(
        key=request.key, to=request.to, subject="", message_id="", created_at=now,
        status="failed", last_error=f"cannot be made: {exc}",
        kind=f"{request.auto}:{request.template}",
    ))


def load_state(store: Store | Snapshot) -> NetworkState:
    """The network's state from the store (small: everything but messages and the outbox)."""
    return state_from_records(
        orgs=store.all(Organisation),
        people=store.all(Person),
        days=store.all(NetworkDay),
        rsvps=store.all(Rsvp),
        interest=store.all(InterestSubscription),
        attention=store.all(AttentionItem),
        pending=store.all(PendingAction),
    )


def erase_person(store: Store, address: str) -> dict[str, int]:
    """Forget an address everywhere in the store; returns what was erased, per table.

    Their own records go; what others' records say of them loses the address: the command
    log's entries, others' attention items (subject and text), the subjects and keys of
    mail to others kept in the outbox (an answer to a mail that named them, a refused
    command's answer), and confirmations waiting that would act on them. The commit after
    this rewrites the store file whole: no journal line keeps the data.
    """
    address = address.strip().lower()
    store.scrub()
    erased = {
        "people": store.delete(Person, [address]),
        "interest": store.delete(InterestSubscription, [address]),
        "rsvps": store.delete(Rsvp, [f"{r.day_id}|{r.address}" for r in store.all(Rsvp)
                                     if r.address == address]),
        "attention": store.delete(AttentionItem, [a.id for a in store.all(AttentionItem)
                                                  if a.sender == address]),
        "pending": store.delete(PendingAction, [p.token for p in store.all(PendingAction)
                                                if p.address == address
                                                or _names(address, _json_text(p.intent))]),
        "messages": store.delete(ProcessedMessage, [m.key for m in store.all(ProcessedMessage)
                                                    if m.sender == address]),
    }
    erased["commands"] = _scrub_commands(store, address)
    erased["mentions"] = _scrub_mentions(store, address)
    erased["outbox"] = _scrub_outbox(store, address, store_secret(store))
    return erased


def _json_text(value: Any) -> str:
    import json  # only when someone is forgotten

    return json.dumps(value, ensure_ascii=False, default=str)


def _names(address: str, *texts: str) -> bool:
    return any(address in text.lower() for text in texts)


def _without(address: str, text: str) -> str:
    """``text`` with the address (whatever its case) replaced by :data:`FORGOTTEN`."""
    import re  # only when someone is forgotten

    return re.sub(re.escape(address), FORGOTTEN, text, flags=re.IGNORECASE)


def _scrub_mentions(store: Store, address: str) -> int:
    """Others' attention items keep what they asked, without the address."""
    named = [a for a in store.all(AttentionItem) if _names(address, a.subject, a.excerpt)]
    store.put_many(a.replace(subject=_without(address, a.subject),
                             excerpt=_without(address, a.excerpt)) for a in named)
    return len(named)


def _scrub_outbox(store: Store, address: str, secret: str) -> int:
    """Sent mail to the address keeps a keyed digest of its key (so nothing is ever sent
    twice), not the key itself (which names the address), nor the address, subject or
    body; mail to others keeps its subject without the address, and a key naming it
    becomes its digest once the mail is out (a queued mail's body is found by its key)."""
    mine = [m for m in store.all(OutgoingMail) if m.to == address and m.status != "pending"]
    store.delete(OutgoingMail, [m.key for m in mine])
    store.put_many(m.replace(key=forgotten_key(secret, m.key), to="forgotten", subject="",
                             raw="") for m in mine)
    theirs = [m for m in store.all(OutgoingMail)
              if m.to != address and not m.key.startswith(FORGOTTEN_PREFIX)
              and _names(address, m.key, m.subject)]
    rekeyed = [m for m in theirs if m.status != "pending" and _names(address, m.key)]
    store.delete(OutgoingMail, [m.key for m in rekeyed])
    store.put_many(m.replace(
        key=forgotten_key(secret, m.key) if m in rekeyed else m.key,
        subject=_without(address, m.subject)) for m in theirs)
    return len(mine) + len(theirs)
