"""A Sender over SMTP (smtplib): SSL or STARTTLS with certificate checks, password or XOAUTH2.

One connection serves a batch: it opens on the first ``send`` and is reused until
``close``. Failures are mapped to whose fault they are: a server that is away or answers
4xx raises TemporaryServerError (retried next tick); 5xx for the mail raises
PermanentDeliveryError; refusals of single recipients come back in SendResult.refused.
A login the server refuses for good is the operator's to fix (ConfigError). Error
messages name the server's code and text, never the secret.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from collections.abc import Callable, Iterator, Mapping

from mailflow.adapters.checks import Check, protection
from mailflow.adapters.network import client_tls_context, one_line, server_address, server_port
from mailflow.adapters.ports import SendResult
from mailflow.config.loader import SmtpSettings
from mailflow.config.secrets import Secret
from mailflow.core.errors import (
    ConfigError,
    MailDeferredError,
    MailflowError,
    PermanentDeliveryError,
    TemporaryServerError,
)

__all__ = ["SmtpFactory", "SmtpSender", "check_smtp", "xoauth2_string"]

#: Builds a connected (not yet logged-in) client; tests pass one aimed at loopback.
SmtpFactory = Callable[[SmtpSettings], smtplib.SMTP]
_DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}


def xoauth2_string(username: str, token: str) -> str:
    """The XOAUTH2 initial response before base64 (smtplib adds the base64)."""
    return f"user={username}\x01auth=Bearer {token}\x01\x01"


def connect_smtp(settings: SmtpSettings) -> smtplib.SMTP:
    """A connected client protected as ``settings.tls`` says (STARTTLS done here)."""
    port = server_port(settings, _DEFAULT_PORTS)
    timeout = settings.timeout_seconds
    if settings.tls == "ssl":
        return smtplib.SMTP_SSL(settings.host, port, timeout=timeout,
                                context=client_tls_context(settings))
    client = smtplib.SMTP(settings.host, port, timeout=timeout)
    if settings.tls == "starttls":
        try:
            client.starttls(context=client_tls_context(settings))
        except BaseException:
            client.close()
            raise
    return client


def _xoauth2_login(client: smtplib.SMTP, user: str, token: str) -> None:
    """AUTH XOAUTH2 with the token as the initial response."""
    client.ehlo_or_helo_if_needed()

    def xoauth2(challenge: bytes | None = None) -> str:
        # On failure the server sends a JSON challenge; the answer is empty.
        return xoauth2_string(user, token) if challenge is None else ""

    client.auth("XOAUTH2", xoauth2, initial_response_ok=True)


def _server_error(code: int, message: bytes | str, what: str) -> Exception:
    detail = f"{what}: the server answered {code} {one_line(message)}".rstrip()
    if 400 <= code < 500:
        return TemporaryServerError(detail)
    return PermanentDeliveryError(detail)


def _refusals(refused: Mapping[str, tuple[int, bytes]]) -> SendResult:
    """The recipients a server refused, each with its code and text."""
    return SendResult(refused={
        address: f"{code} {one_line(message)}" for address, (code, message) in refused.items()
    })


class SmtpSender:
    """Sends raw mail over one reused SMTP connection; implements ``ports.Sender``."""

    resends_replace = False  # every send is a delivery

    def __init__(
        self, settings: SmtpSettings, secret: Secret, smtp_factory: SmtpFactory | None = None
    ) -> None:
        self.settings = settings
        self._secret = secret
        self._factory = smtp_factory or connect_smtp
        self._client: smtplib.SMTP | None = None

    @property
    def _where(self) -> str:
        return f"SMTP {server_address(self.settings, _DEFAULT_PORTS)}"

    def send(self, raw: bytes, sender: str, recipients: list[str]) -> SendResult:
        client = self._connected()
        try:
            refused = client.sendmail(sender, recipients, raw)
        except smtplib.SMTPRecipientsRefused as exc:
            self._reset()
            return self._all_refused(exc.recipients)
        except smtplib.SMTPServerDisconnected as exc:
            self._drop()
            if isinstance(exc.__context__, TimeoutError):
                raise TemporaryServerError(
                    f"{self._where}: no answer within {self.settings.timeout_seconds:g} s "
                    "(smtp.timeout_seconds)") from None
            raise TemporaryServerError(f"{self._where}: the server closed the connection "
                                       f"({one_line(str(exc))})") from None
        except smtplib.SMTPSenderRefused as exc:
            self._reset()
            raise _server_error(exc.smtp_code, exc.smtp_error,
                                f"{self._where} refused the sender {sender}") from None
        except smtplib.SMTPResponseException as exc:  # SMTPDataError and the like
            self._reset()
            raise _server_error(exc.smtp_code, exc.smtp_error, self._where) from None
        except (OSError, smtplib.SMTPException) as exc:
            self._drop()
            raise TemporaryServerError(f"{self._where}: {exc.__class__.__name__}: "
                                       f"{one_line(str(exc))}") from None
        return _refusals(refused)

    def close(self) -> None:
        """QUIT and close the connection, if one is open. Never raises."""
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            client.close()

    # -- connection -----------------------------------------------------------------
    def _connected(self) -> smtplib.SMTP:
        if self._client is not None:
            return self._client
        client = self._open()
        try:
            self._login(client)
        except BaseException:
            client.close()
            raise
        self._client = client
        return client

    def _open(self) -> smtplib.SMTP:
        """A connection, TLS set up; faults sorted into ``ConfigError`` and temporary."""
        try:
            return self._factory(self.settings)
        except ssl.SSLCertVerificationError as exc:
            raise ConfigError(
                f"{self._where}: the server's certificate was not accepted ({exc.verify_message}); "
                "check smtp.host, smtp.ca_file", key="smtp.host",
            ) from None
        except smtplib.SMTPResponseException as exc:
            raise _server_error(exc.smtp_code, exc.smtp_error, f"{self._where} (greeting)") \
                from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryServerError(
                f"{self._where}: cannot connect ({exc.__class__.__name__}: {one_line(str(exc))})"
            ) from None

    def _login(self, client: smtplib.SMTP) -> None:
        secret, user = self._secret, self.settings.username
        if secret.kind == "none":
            return
        try:
            if secret.kind == "oauth2":
                _xoauth2_login(client, user, secret.value)
            else:
                client.login(user, secret.value)
        except smtplib.SMTPAuthenticationError as exc:
            if 400 <= exc.smtp_code < 500:
                raise TemporaryServerError(
                    f"{self._where}: login failed for now ({exc.smtp_code})") from None
            raise ConfigError(
                f"{self._where} refused the login of {user!r} ({exc.smtp_code} "
                f"{one_line(exc.smtp_error)}); check the username and the secret",
                key="smtp.username",
            ) from None
        except smtplib.SMTPServerDisconnected as exc:
            raise TemporaryServerError(f"{self._where}: the server closed the connection while "
                                       f"logging in ({one_line(str(exc))})") from None
        except smtplib.SMTPNotSupportedError:
            raise ConfigError(f"{self._where} offers no AUTH on this connection; check smtp.tls",
                              key="smtp.tls") from None
        except smtplib.SMTPResponseException as exc:
            raise _server_error(exc.smtp_code, exc.smtp_error, f"{self._where} (login)") from None
        except smtplib.SMTPException as exc:  # e.g. no mechanism in common
            raise ConfigError(f"{self._where}: cannot log in ({one_line(str(exc))})",
                              key="smtp.username") from None
        except OSError as exc:
            raise TemporaryServerError(f"{self._where}: connection lost while logging in "
                                       f"({exc.__class__.__name__})") from None

    def _all_refused(self, recipients: dict[str, tuple[int, bytes]]) -> SendResult:
        codes = [code for code, _ in recipients.values()]
        if any(400 <= code < 500 for code in codes):
            details = "; ".join(f"{a}: {c} {one_line(m)}" for a, (c, m) in recipients.items())
            raise MailDeferredError(f"{self._where}: recipients deferred ({details})")
        return _refusals(recipients)

    def _reset(self) -> None:
        """After a refused transaction: RSET so the connection can carry the next mail."""
        if self._client is None:
            return
        try:
            self._client.rset()
        except (OSError, smtplib.SMTPException):
            self._drop()

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(OSError):
                client.close()



def check_smtp(settings: SmtpSettings, secret: Secret,
               smtp_factory: SmtpFactory | None = None) -> Iterator[Check]:
    """``check-config`` on the SMTP server: connect (TLS or STARTTLS, the certificate
    verified), EHLO, AUTH as a send would, then QUIT: no MAIL, no DATA, nothing sent.
    One :class:`~mailflow.adapters.checks.Check` a step; a failed step ends the walk."""
    sender = SmtpSender(settings, secret, smtp_factory)
    try:
        client = sender._open()
    except MailflowError as exc:
        yield Check.failed("SMTP connection", exc)
        return
    try:
        yield Check("SMTP connection", f"{server_address(settings, _DEFAULT_PORTS)}, "
                                       f"{protection(settings, 'smtp')}")
        try:
            _greet(client, sender)
            sender._login(client)
        except MailflowError as exc:
            yield Check.failed("SMTP login", exc)
            return
        offered = client.esmtp_features.get("auth", "").strip() or "none"
        done = (f"{settings.username!r} logged in (AUTH offered: {offered})"
                if secret.kind != "none" else "no login configured (smtp has no secret)")
        yield Check("SMTP login", f"{done}; QUIT, nothing sent")
    finally:
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            client.close()


def _greet(client: smtplib.SMTP, sender: SmtpSender) -> None:
    """EHLO (HELO for an old server), as sending or logging in would begin."""
    try:
        client.ehlo_or_helo_if_needed()
    except smtplib.SMTPResponseException as exc:
        raise _server_error(exc.smtp_code, exc.smtp_error, f"{sender._where} (EHLO)") from None
    except (OSError, smtplib.SMTPException) as exc:
        raise TemporaryServerError(f"{sender._where}: EHLO failed ({exc.__class__.__name__})") \
            from None
