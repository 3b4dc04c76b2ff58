"""The IMAP mailbox and connect_imap against a real Dovecot on loopback."""

from __future__ import annotations

import logging
import pickle
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from imapclient import IMAPClient

from mailflow.adapters.imap import ImapMailbox
from mailflow.adapters.imap_connect import connect_imap
from mailflow.adapters.ports import IncomingMessage
from mailflow.config.loader import ImapSettings
from mailflow.config.secrets import Secret
from mailflow.core.errors import ConfigError, TemporaryServerError
from tests.dovecot import Dovecot

pytestmark = pytest.mark.dovecot

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
CAP = 10 * 1024 * 1024


def mail(number: int, body: str = "Osallistun verkostopäivään. Erityisruokavalio: ei.") -> bytes:
    return (
        f"From: Osallistuja {number} <osallistuja{number}@stadi.test>\r\n"
        "To: verkosto@example.org\r\n"
        f"Subject: Vs: Verkostopäivä {number}\r\n"
        f"Message-ID: <{number}@stadi.test>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


def fill(server: Dovecot, numbers: range | list[int], start: datetime = SINCE) -> None:
    for n in numbers:
        server.deliver(mail(n), received_at=start + timedelta(minutes=n))


_OPEN: list[ImapMailbox] = []


@pytest.fixture(autouse=True)
def _close_mailboxes() -> Iterator[None]:
    """Log out every mailbox a test opened (unclosed sockets fail under -W error)."""
    yield
    while _OPEN:
        _OPEN.pop().close()


def opened(box: ImapMailbox) -> ImapMailbox:
    _OPEN.append(box)
    return box


def mailbox(server: Dovecot, folder: str = "INBOX", **options: Any) -> ImapMailbox:
    return opened(ImapMailbox(server.client, folder, processed_folder="processed",
                              attention_folder="attention", **options))


def run_pass(box: ImapMailbox, cursor: dict[str, Any], *, batch_size: int = 100,
             max_bytes: int = CAP, move_to: str = "") -> tuple[list[IncomingMessage], dict[str, Any]]:
    """What the tick does: take each batch, commit its cursor, then move it."""
    got: list[IncomingMessage] = []
    for batch in box.fetch_new(cursor, SINCE, batch_size, max_bytes):
        got.extend(batch.messages)
        cursor = batch.cursor
        if move_to:
            box.move([m.ref for m in batch.messages], move_to)
    return got, cursor


def folder_raws(server: Dovecot, folder: str) -> list[bytes]:
    with server.client() as client:
        client.select_folder(folder, readonly=True)
        fetched = client.fetch(client.search(), ["BODY.PEEK[]"])
        return [fetched[uid][b"BODY[]"] for uid in sorted(fetched)]


def test_fetch_yields_what_was_delivered_and_leaves_it_unseen(dovecot: Dovecot) -> None:
    fill(dovecot, [1, 2, 3])
    box = mailbox(dovecot)
    got, cursor = run_pass(box, {})
    box.close()

    assert [m.raw for m in got] == [mail(1), mail(2), mail(3)]
    assert [m.received_at for m in got] == [SINCE + timedelta(minutes=n) for n in (1, 2, 3)]
    assert [m.size for m in got] == [len(mail(n)) for n in (1, 2, 3)]
    assert pickle.loads(pickle.dumps(got)) == got  # a reading child can hand them over
    with dovecot.client() as client:
        info = client.select_folder("INBOX", readonly=True)
        flags = client.get_flags(client.search())
    assert cursor == {"uidvalidity": info[b"UIDVALIDITY"], "last_uid": 3}
    assert [m.ref for m in got] == [f"{info[b'UIDVALIDITY']}:{uid}" for uid in (1, 2, 3)]
    assert len(flags) == 3
    assert all(b"\\Seen" not in f for f in flags.values())


def test_the_cursor_advances_batch_by_batch_and_a_pass_resumes_after_it(dovecot: Dovecot) -> None:
    fill(dovecot, range(1, 6))
    box = mailbox(dovecot, fetch_chunk=2)
    batches = list(box.fetch_new({}, SINCE, 2, CAP))
    assert [len(b.messages) for b in batches] == [2, 2, 1]
    assert [b.cursor["last_uid"] for b in batches] == [2, 4, 5]
    ramped = list(box.fetch_new({}, SINCE, 3, CAP, first_size=1))  # a pass gets going sooner
    assert [b.cursor["last_uid"] for b in ramped] == [1, 4, 5]

    again, cursor = run_pass(box, batches[-1].cursor)  # nothing moved, nothing new
    assert again == []
    assert cursor == batches[-1].cursor

    fill(dovecot, [6, 7])
    newer, cursor = run_pass(box, cursor)
    assert [m.raw for m in newer] == [mail(6), mail(7)]
    assert cursor["last_uid"] == 7


def test_mail_appended_during_a_pass_comes_in_the_next_pass(dovecot: Dovecot) -> None:
    fill(dovecot, range(1, 5))
    box = mailbox(dovecot)
    first: list[IncomingMessage] = []
    cursor: dict[str, Any] = {}
    with dovecot.client() as other:
        for batch in box.fetch_new({}, SINCE, 2, CAP):
            other.append("INBOX", mail(99), msg_time=SINCE + timedelta(days=1))
            first.extend(batch.messages)
            cursor = batch.cursor
            box.move([m.ref for m in batch.messages], "processed")
    second, _ = run_pass(box, cursor, move_to="processed")
    assert [m.raw for m in first] == [mail(n) for n in range(1, 5)]
    assert [m.raw for m in second] == [mail(99), mail(99)]  # appended twice, once per batch
    assert folder_raws(dovecot, "INBOX") == []


@pytest.mark.parametrize("end", ["stop", "kill"])
def test_a_server_gone_mid_pass_raises_temporary_and_nothing_is_lost_or_repeated(
    dovecot: Dovecot, end: str,
) -> None:
    fill(dovecot, range(1, 7))
    box = mailbox(dovecot, fetch_chunk=2)
    passes = box.fetch_new({}, SINCE, 2, CAP)
    first = next(passes)
    committed = first.cursor
    box.move([m.ref for m in first.messages], "processed")

    getattr(dovecot, end)()  # a clean shutdown or a crash
    with pytest.raises(TemporaryServerError):
        next(passes)
    dovecot.start()

    rest, cursor = run_pass(box, committed, move_to="processed")
    handled = [m.raw for m in [*first.messages, *rest]]
    assert handled == [mail(n) for n in range(1, 7)]
    assert cursor["last_uid"] == 6
    assert folder_raws(dovecot, "processed") == [mail(n) for n in range(1, 7)]


def test_a_socket_cut_mid_pass_raises_temporary_and_the_next_pass_resumes(
    dovecot: Dovecot,
) -> None:
    fill(dovecot, range(1, 5))
    clients: list[IMAPClient] = []

    def factory() -> IMAPClient:
        clients.append(dovecot.client())
        return clients[-1]

    box = opened(ImapMailbox(factory, processed_folder="processed",
                             attention_folder="attention", fetch_chunk=1))
    passes = box.fetch_new({}, SINCE, 1, CAP)
    first = next(passes)
    clients[-1].socket().shutdown(socket.SHUT_RDWR)
    with pytest.raises(TemporaryServerError):
        next(passes)
    rest, _ = run_pass(box, first.cursor)  # not moved: the committed cursor alone decides
    assert [m.raw for m in [*first.messages, *rest]] == [mail(n) for n in range(1, 5)]
    assert len(clients) == 2


def test_a_recreated_folder_is_read_again_from_uid_1_under_its_new_uidvalidity(
    dovecot: Dovecot,
) -> None:
    with dovecot.client() as client:
        client.create_folder("verkosto")
        for n in (1, 2):
            client.append("verkosto", mail(n), msg_time=SINCE + timedelta(hours=n))
    box = mailbox(dovecot, "verkosto")
    old, old_cursor = run_pass(box, {})
    box.close()

    with dovecot.client() as client:  # restored from a backup: same mail, new UIDVALIDITY
        client.delete_folder("verkosto")
        client.create_folder("verkosto")
        for n in (1, 2, 3):
            client.append("verkosto", mail(n), msg_time=SINCE + timedelta(hours=n))

    again, cursor = run_pass(box, old_cursor)
    assert [m.raw for m in again] == [mail(1), mail(2), mail(3)]  # the tick dedups 1 and 2
    assert cursor["uidvalidity"] != old_cursor["uidvalidity"]
    assert cursor["last_uid"] == 3

    box.move([m.ref for m in old], "processed")  # stale refs: must not move the new ones
    assert folder_raws(dovecot, "verkosto") == [mail(1), mail(2), mail(3)]
    box.move([m.ref for m in again[:1]], "processed")
    assert folder_raws(dovecot, "processed") == [mail(1)]


def test_after_a_server_restart_the_next_pass_gets_a_new_client(dovecot: Dovecot) -> None:
    fill(dovecot, [1])
    box = mailbox(dovecot)
    _, cursor = run_pass(box, {}, move_to="processed")  # the client stays open

    dovecot.restart()
    fill(dovecot, [2])
    with pytest.raises(TemporaryServerError):
        run_pass(box, cursor)  # the old connection is dead: this tick gives up
    got, _ = run_pass(box, cursor, move_to="processed")  # the next tick connects again
    assert [m.raw for m in got] == [mail(2)]


def test_reconnect_backs_off_and_then_connects(dovecot: Dovecot) -> None:
    box = mailbox(dovecot)
    dovecot.stop()
    waits: list[float] = []
    with pytest.raises(TemporaryServerError):
        box.reconnect(attempts=4, first_delay=0.5, max_delay=1.5, sleep=waits.append)
    assert waits == [0.5, 1.0, 1.5]

    dovecot.start()
    fill(dovecot, [1])
    box.reconnect(attempts=2, sleep=waits.append)
    got, _ = run_pass(box, {})
    assert [m.raw for m in got] == [mail(1)]


def test_reconnect_raises_temporary_when_the_factory_cannot_connect() -> None:
    def factory() -> IMAPClient:
        settings = ImapSettings(host="127.0.0.1", port=_closed_port(), tls="none", username="x")
        return connect_imap(settings, Secret("password", "x"))

    box = ImapMailbox(factory, processed_folder="p", attention_folder="a")
    with pytest.raises(TemporaryServerError):
        box.reconnect(attempts=2, sleep=lambda _: None)
    with pytest.raises(TemporaryServerError):
        list(box.fetch_new({}, SINCE, 10, CAP))


def test_move_creates_processed_and_attention_and_is_idempotent(dovecot: Dovecot) -> None:
    fill(dovecot, range(1, 5))
    box = mailbox(dovecot)
    got, _ = run_pass(box, {})
    refs = [m.ref for m in got]

    box.move(refs[:3], "processed")
    box.move(refs[3:], "attention")
    box.move(refs[:3], "processed")  # replayed after a crash
    box.move(refs, "attention")  # gone from INBOX: skipped, not an error
    box.close()

    assert folder_raws(dovecot, "processed") == [mail(1), mail(2), mail(3)]
    assert folder_raws(dovecot, "attention") == [mail(4)]
    assert folder_raws(dovecot, "INBOX") == []
    with dovecot.client() as client:
        assert {b"processed", b"attention"} <= {f for f in (
            name.encode() for _, _, name in client.list_sub_folders())}


def test_a_move_replayed_after_a_cut_one_copied_leaves_one_copy(dovecot: Dovecot) -> None:
    fill(dovecot, range(1, 4))
    box = mailbox(dovecot)
    got, _ = run_pass(box, {})
    refs = [m.ref for m in got]
    box.move([refs[2]], "processed")  # moved before the crash
    with dovecot.client() as client:  # a MOVE cut between its copy and its expunge
        client.select_folder("INBOX")
        client.copy([int(refs[0].split(":")[1])], "processed")

    box.move_again(refs, "processed")  # the replay after the crash
    box.close()

    assert sorted(folder_raws(dovecot, "processed")) == sorted([mail(1), mail(2), mail(3)])
    assert folder_raws(dovecot, "INBOX") == []


def test_move_without_the_move_capability_copies_and_expunges(
    dovecot_factory: Callable[..., Dovecot],
) -> None:
    server = dovecot_factory(capabilities="IMAP4rev1 UIDPLUS IDLE NAMESPACE LITERAL+")
    fill(server, range(1, 4))
    box = mailbox(server)
    got, _ = run_pass(box, {})
    with server.client() as probe:
        assert not probe.has_capability("MOVE")

    box.move([m.ref for m in got[:2]], "processed")
    box.move([m.ref for m in got[:2]], "processed")
    assert folder_raws(server, "processed") == [mail(1), mail(2)]
    assert folder_raws(server, "INBOX") == [mail(3)]


class CountingClient(IMAPClient):  # type: ignore[misc]
    """A real client that counts the SEARCH commands it sends."""

    searches = 0

    def search(self, criteria: Any = "ALL", charset: Any = None) -> Any:
        CountingClient.searches += 1
        return super().search(criteria, charset)


def test_a_big_replay_copies_nothing_twice_in_a_few_commands(dovecot: Dovecot) -> None:
    """2,000 messages a crash left in the inbox, 1,000 of them also copied by the MOVE it
    cut short (a tenth without a Message-ID), beside mail kept on earlier days."""
    for n in range(1, 101):  # kept before: a month earlier, same Message-IDs never
        dovecot.deliver(mail(10_000 + n), received_at=SINCE - timedelta(days=30),
                        folder="processed")
    no_id = {n for n in range(1, 2001) if n % 10 == 0}
    for n in range(1, 2001):
        raw = mail(n) if n not in no_id else mail(n).replace(f"Message-ID: <{n}@stadi.test>\r\n"
                                                             .encode(), b"")
        dovecot.deliver(raw, received_at=SINCE + timedelta(minutes=n))
    with dovecot.client(timeout=60) as client:
        validity = int(client.select_folder("INBOX")[b"UIDVALIDITY"])
        uids = sorted(client.search())
        client.copy(uids[::2], "processed")  # the MOVE cut between its copy and its expunge

    def factory() -> IMAPClient:
        client = CountingClient(dovecot.host, dovecot.port, ssl=False, timeout=60)
        client.login(dovecot.user, dovecot.password)
        return client

    box = opened(ImapMailbox(factory, processed_folder="processed", attention_folder="attention"))
    CountingClient.searches = 0
    box.move_again([f"{validity}:{uid}" for uid in uids], "processed")
    assert CountingClient.searches <= 3  # not one a message

    with dovecot.client(timeout=60) as client:
        assert client.folder_status("INBOX", [b"MESSAGES"])[b"MESSAGES"] == 0
        client.select_folder("processed", readonly=True)
        sizes = client.fetch(client.search(), ["RFC822.SIZE"])
    assert len(sizes) == 2100  # each message once
    assert sorted(item[b"RFC822.SIZE"] for item in sizes.values()) == sorted(
        [len(mail(10_000 + n)) for n in range(1, 101)]
        + [len(mail(n)) - (len(f"Message-ID: <{n}@stadi.test>\r\n") if n in no_id else 0)
           for n in range(1, 2001)])


@pytest.mark.parametrize(("separator", "prefix"), [(".", ""), ("/", ""), (".", "INBOX.")],
                         ids=["separator-dot", "separator-slash", "prefix-INBOX."])
def test_kept_folders_take_the_servers_separator_and_prefix(
    dovecot_factory: Callable[..., Dovecot], separator: str, prefix: str,
) -> None:
    server = dovecot_factory(separator=separator, prefix=prefix)
    fill(server, range(1, 4))
    box = opened(ImapMailbox(server.client, processed_folder="mailflow/processed",
                             attention_folder="mailflow/attention"))
    got, _ = run_pass(box, {})
    box.move([got[0].ref], "mailflow/processed")
    box.move_again([got[1].ref], "mailflow/processed")
    box.move([got[2].ref], "mailflow/attention")
    level = separator
    assert folder_raws(server, f"{prefix}mailflow{level}processed") == [mail(1), mail(2)]
    assert folder_raws(server, f"{prefix}mailflow{level}attention") == [mail(3)]
    assert box.erase_from("osallistuja1@stadi.test") == 1
    assert folder_raws(server, f"{prefix}mailflow{level}processed") == [mail(2)]


def test_without_namespace_the_separator_comes_from_list(
    dovecot_factory: Callable[..., Dovecot],
) -> None:
    server = dovecot_factory(capabilities="IMAP4rev1 UIDPLUS MOVE LITERAL+", separator="/")
    fill(server, [1])
    box = opened(ImapMailbox(server.client, processed_folder="mailflow/processed",
                             attention_folder="mailflow/attention"))
    got, _ = run_pass(box, {})
    with server.client() as probe:
        assert not probe.has_capability("NAMESPACE")
    box.move([got[0].ref], "mailflow/processed")
    assert folder_raws(server, "mailflow/processed") == [mail(1)]


def test_a_folder_name_the_server_refuses_is_the_operators_mistake(dovecot: Dovecot) -> None:
    fill(dovecot, range(1, 3))
    box = opened(ImapMailbox(dovecot.client, processed_folder="~mailflow/processed",
                             attention_folder="mailflow/attention"))
    got, _ = run_pass(box, {})
    with pytest.raises(ConfigError) as refused:
        box.move([m.ref for m in got], "~mailflow/processed")
    assert refused.value.key == "mailbox.processed_folder"
    assert "'~mailflow.processed'" in str(refused.value)
    assert "Begins with '~'" in str(refused.value)  # the server's reason
    assert folder_raws(dovecot, "INBOX") == [mail(1), mail(2)]
    box.move([got[0].ref], "mailflow/attention")  # the connection carries on
    assert folder_raws(dovecot, "mailflow.attention") == [mail(1)]


class RecordingClient(IMAPClient):  # type: ignore[misc]
    """A real client that notes which UIDs it downloaded bodies of."""

    bodies: list[int]

    def fetch(self, messages: Any, data: Any, modifiers: Any = None) -> Any:
        if any(b"BODY" in (d.encode() if isinstance(d, str) else d) for d in data):
            self.bodies.extend(messages)
        return super().fetch(messages, data, modifiers)


def test_a_message_over_the_cap_is_not_downloaded(dovecot: Dovecot) -> None:
    big = mail(1, "liitteenä iso esitys " * 400)
    dovecot.deliver(big, received_at=SINCE)
    dovecot.deliver(mail(2), received_at=SINCE + timedelta(minutes=1))
    clients: list[RecordingClient] = []

    def factory() -> IMAPClient:
        client = RecordingClient(dovecot.host, dovecot.port, ssl=False, timeout=10)
        client.bodies = []
        client.login(dovecot.user, dovecot.password)
        clients.append(client)
        return client

    box = opened(ImapMailbox(factory, processed_folder="processed",
                             attention_folder="attention"))
    got, _ = run_pass(box, {}, max_bytes=2000)
    assert got[0].raw is None
    assert got[0].size == len(big)
    assert got[1].raw == mail(2)
    assert clients[0].bodies == [2]


def test_mail_older_than_since_is_counted_skipped_and_passed_by_the_cursor(
    dovecot: Dovecot,
) -> None:
    fill(dovecot, [1, 2, 3], start=SINCE - timedelta(days=60))
    fill(dovecot, [4])
    box = mailbox(dovecot)
    got, cursor = run_pass(box, {})
    assert [m.raw for m in got] == [mail(4)]
    assert box.history_count == 3
    assert cursor["last_uid"] == 4
    assert len(folder_raws(dovecot, "INBOX")) == 4  # history is left alone


def test_only_history_still_advances_the_cursor(dovecot: Dovecot) -> None:
    fill(dovecot, [1, 2], start=SINCE - timedelta(days=60))
    batches = list(mailbox(dovecot).fetch_new({}, SINCE, 10, CAP))
    assert [b.messages for b in batches] == [()]
    assert batches[0].cursor["last_uid"] == 2


def test_a_missing_folder_is_the_operators_mistake(dovecot: Dovecot) -> None:
    box = mailbox(dovecot, "Postilaatikko")
    with pytest.raises(ConfigError, match="Postilaatikko"):
        list(box.fetch_new({}, SINCE, 10, CAP))


# -- connect_imap ------------------------------------------------------------------------
def settings_for(server: Dovecot, **overrides: Any) -> ImapSettings:
    values: dict[str, Any] = {"host": "127.0.0.1", "port": server.port, "tls": "none",
                              "username": server.user, "timeout_seconds": 5.0}
    values.update(overrides)
    return ImapSettings(**values)


def test_connect_imap_logs_in_on_loopback(dovecot: Dovecot) -> None:
    fill(dovecot, [1])
    client = connect_imap(settings_for(dovecot), Secret("password", dovecot.password))
    try:
        assert client.select_folder("INBOX")[b"EXISTS"] == 1
    finally:
        client.logout()


def test_a_password_with_finnish_letters_logs_in(
    dovecot_factory: Callable[..., Dovecot],
) -> None:
    server = dovecot_factory(password="salasana-äöå")
    client = connect_imap(settings_for(server), Secret("password", "salasana-äöå"))
    assert client.folder_exists("INBOX")
    client.logout()


def test_a_refused_login_names_host_and_user_but_not_the_secret(dovecot: Dovecot) -> None:
    with pytest.raises(ConfigError) as caught:
        connect_imap(settings_for(dovecot), Secret("password", "väärä-salasana-123"))
    text = str(caught.value)
    assert "127.0.0.1" in text
    assert dovecot.user in text
    assert "väärä-salasana-123" not in text


def test_nothing_listening_is_a_temporary_fault() -> None:
    settings = ImapSettings(host="127.0.0.1", port=_closed_port(), tls="none", username="u")
    with pytest.raises(TemporaryServerError, match=r"127\.0\.0\.1"):
        connect_imap(settings, Secret("password", "x"))


def test_plain_text_to_a_remote_host_is_refused_before_connecting() -> None:
    settings = ImapSettings(host="imap.omnia.test", tls="none", username="u")
    with pytest.raises(ConfigError, match="loopback"):
        connect_imap(settings, Secret("password", "x"))


def test_no_credential_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="password_env"):
        connect_imap(ImapSettings(host="127.0.0.1", tls="none"), Secret("none"))


def test_starttls_where_the_server_offers_none_is_a_config_error(dovecot: Dovecot) -> None:
    with pytest.raises(ConfigError, match="STARTTLS"):
        connect_imap(settings_for(dovecot, tls="starttls"), Secret("password", dovecot.password))


@pytest.mark.parametrize("tls", ["ssl", "starttls"])
def test_tls_verifies_the_certificate(dovecot_factory: Callable[..., Dovecot], tls: str) -> None:
    server = dovecot_factory(tls=True)
    if server.cert_path is None:
        pytest.skip("openssl is not installed: no certificate for the TLS test")
    port = server.tls_port if tls == "ssl" else server.port
    base = settings_for(server, host="localhost", port=port, tls=tls)
    secret = Secret("password", server.password)

    client = connect_imap(ImapSettings(**{**vars(base), "ca_file": str(server.cert_path)}), secret)
    assert client.folder_exists("INBOX")
    client.logout()

    with pytest.raises(ConfigError, match="certificate"):
        connect_imap(base, secret)  # self-signed, not trusted by the system

    client = connect_imap(ImapSettings(**{**vars(base), "verify_certificate": False}), secret)
    client.logout()


def test_oauth2_is_offered_as_xoauth2(dovecot: Dovecot) -> None:
    # This Dovecot has no XOAUTH2: the server refusing it proves the mechanism was tried.
    with pytest.raises(ConfigError, match=dovecot.user):
        connect_imap(settings_for(dovecot), Secret("oauth2", "token-abc"))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- the fixture's own contract ----------------------------------------------------------
@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception),
                                             ("", pytest.skip.Exception)])
def test_a_missing_dovecot_skips_but_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch, ci: str, outcome: type[BaseException],
) -> None:
    import tests.conftest as conftest

    monkeypatch.setattr(conftest, "dovecot_binary", lambda: None)
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="dovecot-imapd"):
        conftest._require_dovecot()


def test_imaplib_formats_no_debug_output_unless_its_logger_keeps_it(
    dovecot: Dovecot, caplog: pytest.LogCaptureFixture,
) -> None:
    fill(dovecot, [1, 2])
    quiet = mailbox(dovecot)
    with caplog.at_level(logging.INFO, logger="imapclient.imaplib"):
        assert len(run_pass(quiet, {})[0]) == 2
    # imaplib would build the repr of every response, bodies and all, for nothing
    assert quiet._client is not None
    assert quiet._client._imap.debug == 0
    assert not [r for r in caplog.records if r.name == "imapclient.imaplib"]

    caplog.clear()
    traced = mailbox(dovecot)
    with caplog.at_level(logging.DEBUG, logger="imapclient.imaplib"):
        assert len(run_pass(traced, {})[0]) == 2
    assert traced._client is not None
    assert traced._client._imap.debug == 5
    assert any(b"Osallistun" in r.getMessage().encode()
               for r in caplog.records if r.name == "imapclient.imaplib")
