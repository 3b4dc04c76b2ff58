"""The file outbox: one openable .eml per mail, written atomically, resends replace."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow.adapters.fileoutbox import FileOutbox
from mailflow.config.resources import templates_dir
from mailflow.core.errors import TemporaryServerError
from mailflow.core.model import Person
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import MailRequest
from mailflow.core.writing.render import Renderer

NETWORK = NetworkSettings(address="verkosto@example.org", facilitator="vetaja@example.org",
                          name="Asiakaslähtöisyys oppilaitoksissa")


def rendered(key: str = "cancel:maija@omnia.test") -> tuple[str, bytes]:
    renderer = Renderer(templates_dir(), NETWORK, ZoneInfo("Europe/Helsinki"))
    request = MailRequest(key=key, to="maija@omnia.test", to_name="Maija Mäkinen",
                          template="cancel_confirmation",
                          context={"person": Person("maija@omnia.test", "Maija Mäkinen", "omnia")})
    mail = renderer.render(request, now=datetime(2026, 11, 20, 7, 15, tzinfo=UTC))
    return mail.message_id, mail.raw


def test_a_sent_mail_is_an_eml_file_that_parses_back(tmp_path: Path) -> None:
    outbox = FileOutbox(tmp_path / "outbox")
    message_id, raw = rendered()
    result = outbox.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    assert result.refused == {}
    path = outbox.path_for(message_id)
    assert path is not None
    assert path.suffix == ".eml"
    assert outbox.last_paths == [path]
    assert path.read_bytes() == raw
    parsed = message_from_bytes(path.read_bytes(), policy=default)
    assert parsed["Message-ID"] == message_id
    assert parsed["To"].addresses[0].display_name == "Maija Mäkinen"
    body = parsed.get_body(("plain",))
    assert body is not None
    assert "peruneet" in body.get_content()


def test_files_are_private_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    outbox = FileOutbox(tmp_path)
    message_id, raw = rendered()
    outbox.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    path = outbox.path_for(message_id)
    assert path is not None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_resending_the_same_message_id_replaces_its_file(tmp_path: Path) -> None:
    outbox = FileOutbox(tmp_path)
    message_id, raw = rendered()
    outbox.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    outbox.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    other_id, other = rendered("cancel:teppo@omnia.test")
    outbox.send(other, "verkosto@example.org", ["maija@omnia.test"])
    assert len(list(tmp_path.glob("*.eml"))) == 2
    assert outbox.path_for(message_id) != outbox.path_for(other_id)
    assert FileOutbox(tmp_path).path_for(message_id) == outbox.path_for(message_id)


def test_unknown_message_id_has_no_path(tmp_path: Path) -> None:
    assert FileOutbox(tmp_path).path_for("<nope@example.org>") is None


def test_an_unwritable_outbox_is_a_temporary_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    _, raw = rendered()
    with pytest.raises(TemporaryServerError, match="outbox"):
        FileOutbox(blocker / "outbox").send(raw, "verkosto@example.org", ["maija@omnia.test"])


@pytest.mark.parametrize(("head", "message_id"), [
    (b"Subject: x\nmessage-id:\n <other@omnia.test>\n", "<other@omnia.test>"),  # LF, folded
    # not the bare form: the whole value, as the email package reads it
    (b"Message-ID: <other@omnia.test> (a comment)\r\n", "<other@omnia.test> (a comment)"),
])
def test_a_mail_from_elsewhere_is_filed_under_its_message_id(tmp_path: Path, head: bytes,
                                                            message_id: str) -> None:
    outbox = FileOutbox(tmp_path)
    raw = head + b"\r\nMessage-ID: <in-the-body@omnia.test>\r\n"
    outbox.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    path = outbox.path_for(message_id)
    assert path is not None
    assert path.read_bytes() == raw
    assert outbox.path_for("<in-the-body@omnia.test>") is None


def test_a_resend_comes_to_the_same_file_by_the_mails_own_date_without_a_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, raw = rendered()  # dated 20 Nov 2026 07:15 UTC
    FileOutbox(tmp_path).send(raw, "verkosto@example.org", ["maija@omnia.test"])

    def no_listing(self: FileOutbox, message_id: str) -> Path | None:
        raise AssertionError("a dated mail needs no listing of the outbox")

    monkeypatch.setattr(FileOutbox, "path_for", no_listing)
    again = FileOutbox(tmp_path)  # as after a crash: a new outbox object
    again.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 1
    assert files[0].name.startswith("20261120T071500Z-")
    assert again.last_paths == files


def test_an_undated_mail_is_found_by_its_message_id_when_sent_again(tmp_path: Path) -> None:
    raw = b"Message-ID: <undated@omnia.test>\r\nSubject: x\r\n\r\nbody\r\n"
    FileOutbox(tmp_path).send(raw, "verkosto@example.org", ["maija@omnia.test"])
    FileOutbox(tmp_path).send(raw, "verkosto@example.org", ["maija@omnia.test"])
    assert len(list(tmp_path.glob("*.eml"))) == 1
