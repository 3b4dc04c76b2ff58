"""Settings: one TOML file, validated strictly, secrets fetched only when needed.

Every key is declared by a field of a frozen dataclass below; a missing required key,
a value of the wrong type and an unknown key (a typo must not be silently ignored) all
raise ``ConfigError`` naming the file and the key. Secrets never sit in the file: the
file names where to get them (``password_env``, ``password_command``,
``oauth2_token_command``) and :func:`resolve_secret` fetches them at connect time.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mailflow.config.resources import default_config_path
from mailflow.core.errors import ConfigError

__all__ = [
    "ImapSettings",
    "MailboxSettings",
    "NetworkSettings",
    "OrganisationAlias",
    "OutboxSettings",
    "ScheduleSettings",
    "Settings",
    "SmtpSettings",
    "StoreSettings",
    "config_path_from",
    "load_settings",
]

from mailflow.core.settings import NetworkSettings, OrganisationAlias

log = logging.getLogger(__name__)
CONFIG_ENV = "MAILFLOW_CONFIG"


@dataclass(frozen=True)
class ServerSettings:
    """A mail server: where, how to protect the connection, how to log in."""

    host: str
    username: str = ""
    port: int = 0
    tls: Literal["ssl", "starttls", "none"] = "ssl"
    verify_certificate: bool = True
    ca_file: str = ""
    password_env: str = ""
    password_command: str = ""
    oauth2_token_command: str = ""
    timeout_seconds: float = 60.0


@dataclass(frozen=True)
class ImapSettings(ServerSettings):
    folder: str = "INBOX"
    idle: bool = True
    idle_renew_seconds: int = 600


@dataclass(frozen=True)
class SmtpSettings(ServerSettings):
    timeout_seconds: float = 30.0  # every step: connect, greeting, each command, DATA's reply
    save_to_sent: bool = False
    sent_folder: str = "Sent"


@dataclass(frozen=True)
class MailboxSettings:
    """Where incoming mail is read: a local Maildir (the default) or IMAP."""

    kind: Literal["maildir", "imap"] = "maildir"
    path: str = "var/mail"
    processed_folder: str = "processed"
    attention_folder: str = "attention"
    max_message_bytes: int = 10 * 1024 * 1024
    batch_size: int = 200
    handle_since: str = ""  # ISO 8601; empty: from the first run on
    #: the authserv-id of OUR mail server's Authentication-Results header; only then do
    #: DMARC/DKIM results count, and a change may apply without a confirmation token
    trusted_authserv_id: str = ""


@dataclass(frozen=True)
class OutboxSettings:
    """Where outgoing mail goes: a folder of .eml files (the default) or SMTP."""

    kind: Literal["file", "smtp"] = "file"
    path: str = "var/outbox"
    max_auto_replies_per_day: int = 5
    sends_per_minute: int = 60
    #: a mail the server refuses for now stays queued this long, then it is given up and
    #: shown to the facilitator (Postfix's maximal_queue_lifetime)
    queue_lifetime_days: float = 5.0


@dataclass(frozen=True)
class StoreSettings:
    path: str = "var/mailflow.json"
    lock_timeout_seconds: float = 30.0
    retention_days: int = 365


@dataclass(frozen=True)
class ScheduleSettings:
    interval_minutes: float = 2.0
    reminder_offsets_days: tuple[int, ...] = (7, 1)
    reminder_hour: int = 9
    digest_hour: int = 8


@dataclass(frozen=True)
class Settings:
    """The whole validated configuration; ``source`` is the file it came from."""

    network: NetworkSettings
    mailbox: MailboxSettings = field(default_factory=MailboxSettings)
    outbox: OutboxSettings = field(default_factory=OutboxSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    imap: ImapSettings | None = None
    smtp: SmtpSettings | None = None
    organisations: tuple[OrganisationAlias, ...] = ()
    source: str = ""

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.network.timezone)

    def resolve(self, relative: str) -> Path:
        """A configured path: absolute as given, relative ones against the working folder."""
        return Path(relative).expanduser().resolve()


_SECTIONS: dict[str, type] = {
    "network": NetworkSettings,
    "mailbox": MailboxSettings,
    "outbox": OutboxSettings,
    "store": StoreSettings,
    "schedule": ScheduleSettings,
    "imap": ImapSettings,
    "smtp": SmtpSettings,
}


def config_path_from(cli_value: str | None) -> Path:
    """The config file to use: ``--config``, else ``$MAILFLOW_CONFIG``, else the default."""
    if cli_value:
        return Path(cli_value)
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    return default_config_path()


def load_settings(path: Path) -> Settings:
    """Read and validate a config file; raise ``ConfigError`` naming file and key."""
    where = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no such file", path=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the file ({exc.__class__.__name__})", path=where) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", path=where) from None

    known = {*_SECTIONS, "organisations"}
    for key in raw:
        if key not in known:
            raise ConfigError(
                f"unknown section; expected one of {', '.join(sorted(known))}", path=where, key=key
            )
    values: dict[str, Any] = {"source": where}
    for section, cls in _SECTIONS.items():
        if section in raw:
            values[section] = _build(cls, raw[section], where, section)
        elif section == "network":
            raise ConfigError("missing required section", path=where, key="network")
    values["organisations"] = tuple(
        _build(OrganisationAlias, item, where, f"organisations[{i}]")
        for i, item in enumerate(_as_list(raw.get("organisations", []), where, "organisations"))
    )
    settings = _with_facilitators(Settings(**values), where)
    _check(settings, where)
    return settings


def _as_list(value: Any, where: str, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise ConfigError("expected an array of tables ([[organisations]])", path=where, key=key)
    return value


def _build(cls: type, table: Any, where: str, section: str) -> Any:
    if not isinstance(table, dict):
        raise ConfigError("expected a table", path=where, key=section)
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in table:
        if key not in fields:
            raise ConfigError(
                f"unknown key; expected one of {', '.join(sorted(fields))}",
                path=where,
                key=f"{section}.{key}",
            )
    kwargs: dict[str, Any] = {}
    for name, fld in fields.items():
        dotted = f"{section}.{name}"
        if name not in table:
            no_default = dataclasses.MISSING
            if fld.default is no_default and fld.default_factory is no_default:
                raise ConfigError("missing required key", path=where, key=dotted)
            continue
        kwargs[name] = _coerce(table[name], hints[name], where, dotted)
    return cls(**kwargs)


def _coerce(value: Any, hint: Any, where: str, key: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is Literal:
        choices = typing.get_args(hint)
        if value not in choices:
            expected = " or ".join(repr(c) for c in choices)
            raise ConfigError(f"expected {expected}, got {value!r}", path=where, key=key)
        return value
    if origin is tuple:
        (inner, _ellipsis) = typing.get_args(hint)
        if not isinstance(value, list):
            raise ConfigError(f"expected an array, got {_kind(value)}", path=where, key=key)
        return tuple(_coerce(v, inner, where, key) for v in value)
    if origin in (typing.Union, types.UnionType):
        inner_types = [t for t in typing.get_args(hint) if t is not type(None)]
        return _coerce(value, inner_types[0], where, key)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(f"expected an integer, got {_kind(value)}", path=where, key=key)
    if hint in (str, bool, float) and not isinstance(value, hint):
        expected = {str: "a string", bool: "true or false", float: "a number"}[hint]
        raise ConfigError(f"expected {expected}, got {_kind(value)}", path=where, key=key)
    return value


def _kind(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _check(settings: Settings, where: str) -> None:
    """Rules that span keys."""
    _check_timezone(settings, where)
    _check_language(settings, where)
    _check_addresses(settings, where)
    _check_numbers(settings, where)
    _check_handle_since(settings, where)
    _check_folders(settings, where)
    _check_servers(settings, where)


def _check_timezone(settings: Settings, where: str) -> None:
    try:
        ZoneInfo(settings.network.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"unknown timezone {settings.network.timezone!r}; expected e.g. 'Europe/Helsinki'",
            path=where, key="network.timezone",
        ) from None


def _check_language(settings: Settings, where: str) -> None:
    from mailflow.core.languages.registry import codes

    if settings.network.language not in codes():
        raise ConfigError(
            f"no language pack {settings.network.language!r}; expected one of "
            f"{', '.join(codes())}", path=where, key="network.language",
        )


def _with_facilitators(settings: Settings, where: str) -> Settings:
    """``network.facilitators`` (one or more addresses); the old single
    ``network.facilitator`` loads as a list of one. Both, or neither: an error."""
    network = settings.network
    if network.facilitator and network.facilitators:
        raise ConfigError("give network.facilitators only (network.facilitator is its old "
                          "single form)", path=where, key="network.facilitator")
    if not network.facilitator and not network.facilitators:
        raise ConfigError("missing required key (one or more addresses, e.g. "
                          "[\"vetaja@example.org\"])", path=where, key="network.facilitators")
    every = network.facilitators or (network.facilitator,)
    network = dataclasses.replace(network, facilitator=every[0], facilitators=every)
    return dataclasses.replace(settings, network=network)


def _check_addresses(settings: Settings, where: str) -> None:
    named = [("network.address", settings.network.address)]
    named += [("network.facilitators", a) for a in settings.network.facilitators]
    for key, address in named:
        if "@" not in address or any(c.isspace() for c in address):
            raise ConfigError(f"expected a mail address, got {address!r}", path=where, key=key)
    if len({a.strip().lower() for a in settings.network.facilitators}
           ) != len(settings.network.facilitators):
        raise ConfigError("an address is listed twice", path=where, key="network.facilitators")


def _check_numbers(settings: Settings, where: str) -> None:
    _check_positive(settings, where)
    for key, hour in (("schedule.reminder_hour", settings.schedule.reminder_hour),
                      ("schedule.digest_hour", settings.schedule.digest_hour)):
        if not 0 <= hour <= 23:
            raise ConfigError(f"expected an hour 0-23, got {hour}", path=where, key=key)


def _check_handle_since(settings: Settings, where: str) -> None:
    if not settings.mailbox.handle_since:
        return
    try:
        since = datetime.fromisoformat(settings.mailbox.handle_since)
    except ValueError:
        raise ConfigError(
            "expected an ISO 8601 moment such as 2026-01-31T00:00:00+02:00",
            path=where, key="mailbox.handle_since",
        ) from None
    if since.tzinfo is None:
        raise ConfigError("expected a moment with a UTC offset", path=where,
                          key="mailbox.handle_since")


def _check_servers(settings: Settings, where: str) -> None:
    if settings.mailbox.kind == "imap" and settings.imap is None:
        raise ConfigError("mailbox.kind is 'imap' but there is no [imap] section", path=where,
                          key="imap")
    if settings.outbox.kind == "smtp" and settings.smtp is None:
        raise ConfigError("outbox.kind is 'smtp' but there is no [smtp] section", path=where,
                          key="smtp")
    for section, server in (("imap", settings.imap), ("smtp", settings.smtp)):
        if server is None:
            continue
        sources = [s for s in ("password_env", "password_command", "oauth2_token_command")
                   if getattr(server, s)]
        if len(sources) > 1:
            raise ConfigError(f"give only one of {', '.join(sources)}", path=where, key=section)
        if not server.verify_certificate:
            log.warning("%s: certificate verification is turned off for %s (%s.verify_certificate)",
                        where, server.host, section)


def _check_folders(settings: Settings, where: str) -> None:
    """Folder names: levels split by ``/`` (the IMAP adapter uses the server's own
    separator); no control characters; an IMAP folder needs a name. What else a server
    refuses, only the server knows: ``check-config`` asks it."""
    box = settings.mailbox
    for key, name in (("mailbox.processed_folder", box.processed_folder),
                      ("mailbox.attention_folder", box.attention_folder)):
        if any(ord(c) < 32 or ord(c) == 127 for c in name):
            raise ConfigError(f"a folder name cannot hold control characters: {name!r}",
                              path=where, key=key)
        if box.kind == "imap" and not name.strip("/ "):
            raise ConfigError("expected a folder name, e.g. 'mailflow/processed'",
                              path=where, key=key)


def _check_positive(settings: Settings, where: str) -> None:
    """Counts must be 1 or more, spans of time more than 0."""
    counts = {
        "network.max_per_org": settings.network.max_per_org,
        "mailbox.max_message_bytes": settings.mailbox.max_message_bytes,
        "mailbox.batch_size": settings.mailbox.batch_size,
        "outbox.sends_per_minute": settings.outbox.sends_per_minute,
        "outbox.max_auto_replies_per_day": settings.outbox.max_auto_replies_per_day,
    }
    spans = {"outbox.queue_lifetime_days": settings.outbox.queue_lifetime_days}
    for section, server in (("imap", settings.imap), ("smtp", settings.smtp)):
        if server is not None:
            spans[f"{section}.timeout_seconds"] = server.timeout_seconds
    for key, number in [*counts.items(), *spans.items()]:
        if (number < 1) if key in counts else (number <= 0):
            raise ConfigError(f"expected a positive number, got {number}", path=where, key=key)
