"""A Sender over SMTP (smtplib): SSL or STARTTLS with certificate checks, password or XOAUTH2.

One connection serves a batch: it opens on the first ``send`` and is reused until
``close``. Failures are mapped to whose fault they are: a server that is away or answers
4xx raises TemporaryServerError (retried next tick); 5xx for the mail raises
PermanentDeliveryError; refusals of single recipients come back in SendResult.refused.
A login the server refuses for good is the operator's to fix (ConfigError). Error
messages name the server's code and text, never the secret.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable

from mailflow.adapters.ports import SendResult
from mailflow.config.loader import Secret, SmtpSettings
from mailflow.core.errors import ConfigError, PermanentDeliveryError, TemporaryServerError

__all__ = ["SmtpFactory", "SmtpSender", "xoauth2_string"]

#: Builds a connected (not yet logged-in) client; tests pass one aimed at loopback.
SmtpFactory = Callable[[SmtpSettings], smtplib.SMTP]
_DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}


def xoauth2_string(username: str, token: str) -> str:
    """The XOAUTH2 initial response before base64 (smtplib adds the base64)."""
    return f"user={username}\x01auth=Bearer {token}\x01\x01"


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=settings.ca_file or None)
    if not settings.verify_certificate:  # config.py already warned the operator
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def connect_smtp(settings: SmtpSettings) -> smtplib.SMTP:
    """A connected client protected as ``settings.tls`` says (STARTTLS done here)."""
    port = settings.port or _DEFAULT_PORTS[settings.tls]
    timeout = settings.timeout_seconds
    if settings.tls == "ssl":
        return smtplib.SMTP_SSL(settings.host, port, timeout=timeout,
                                context=_tls_context(settings))
    client = smtplib.SMTP(settings.host, port, timeout=timeout)
    if settings.tls == "starttls":
        try:
            client.starttls(context=_tls_context(settings))
        except BaseException:
            client.close()
            raise
    return client


def _text(message: bytes | str) -> str:
    raw = message.decode("utf-8", "replace") if isinstance(message, bytes) else message
    return " ".join(raw.split())


def _server_error(code: int, message: bytes | str, what: str) -> Exception:
    detail = f"{what}: the server answered {code} {_text(message)}".rstrip()
    if 400 <= code < 500:
        return TemporaryServerError(detail)
    return PermanentDeliveryError(detail)


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
        port = self.settings.port or _DEFAULT_PORTS[self.settings.tls]
        return f"SMTP {self.settings.host}:{port}"

    def send(self, raw: bytes, sender: str, recipients: list[str]) -> SendResult:
        client = self._connected()
        try:
            refused = client.sendmail(sender, recipients, raw)
        except smtplib.SMTPRecipientsRefused as exc:
            self._reset()
            return self._all_refused(exc.recipients)
        except smtplib.SMTPServerDisconnected as exc:
            self._drop()
            raise TemporaryServerError(f"{self._where}: the server closed the connection "
                                       f"({_text(str(exc))})") from None
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
                                       f"{_text(str(exc))}") from None
        return SendResult(refused={
            address: f"{code} {_text(message)}" for address, (code, message) in refused.items()
        })

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
        try:
            client = self._factory(self.settings)
        except ssl.SSLCertVerificationError as exc:
            raise ConfigError(
                f"{self._where}: the server's certificate was not accepted ({exc.verify_message}); "
                "check smtp.host, smtp.ca_file", key="smtp.host",
            ) from None
        except smtplib.SMTPResponseException as exc:
            raise _server_error(exc.smtp_code, exc.smtp_error, f"{self._where} (greeting)") \
                from None
        except (OSError, smtplib.SMTPException) as exc:
            raise TemporaryServerError(f"{self._where}: cannot connect "
                                       f"({exc.__class__.__name__}: {_text(str(exc))})") from None
        try:
            self._login(client)
        except BaseException:
            client.close()
            raise
        self._client = client
        return client

    def _login(self, client: smtplib.SMTP) -> None:
        secret, user = self._secret, self.settings.username
        if secret.kind == "none":
            return
        try:
            if secret.kind == "oauth2":
                client.ehlo_or_helo_if_needed()
                token = secret.value

                def xoauth2(challenge: bytes | None = None) -> str:
                    # On failure the server sends a JSON challenge; the answer is empty.
                    return xoauth2_string(user, token) if challenge is None else ""

                client.auth("XOAUTH2", xoauth2, initial_response_ok=True)
            else:
                client.login(user, secret.value)
        except smtplib.SMTPAuthenticationError as exc:
            if 400 <= exc.smtp_code < 500:
                raise TemporaryServerError(
                    f"{self._where}: login failed for now ({exc.smtp_code})") from None
            raise ConfigError(
                f"{self._where} refused the login of {user!r} ({exc.smtp_code} "
                f"{_text(exc.smtp_error)}); check the username and the secret",
                key="smtp.username",
            ) from None
        except smtplib.SMTPServerDisconnected as exc:
            raise TemporaryServerError(f"{self._where}: the server closed the connection while "
                                       f"logging in ({_text(str(exc))})") from None
        except smtplib.SMTPNotSupportedError:
            raise ConfigError(f"{self._where} offers no AUTH on this connection; check smtp.tls",
                              key="smtp.tls") from None
        except smtplib.SMTPResponseException as exc:
            raise _server_error(exc.smtp_code, exc.smtp_error, f"{self._where} (login)") from None
        except smtplib.SMTPException as exc:  # e.g. no mechanism in common
            raise ConfigError(f"{self._where}: cannot log in ({_text(str(exc))})",
                              key="smtp.username") from None
        except OSError as exc:
            raise TemporaryServerError(f"{self._where}: connection lost while logging in "
                                       f"({exc.__class__.__name__})") from None

    def _all_refused(self, recipients: dict[str, tuple[int, bytes]]) -> SendResult:
        codes = [code for code, _ in recipients.values()]
        if any(400 <= code < 500 for code in codes):
            details = "; ".join(f"{a}: {c} {_text(m)}" for a, (c, m) in recipients.items())
            raise TemporaryServerError(f"{self._where}: recipients deferred ({details})")
        return SendResult(refused={
            address: f"{code} {_text(message)}" for address, (code, message) in recipients.items()
        })

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
            try:
                client.close()
            except OSError:
                pass

