"""A message's key leaves out what relays add: a retry with another ``Received:`` line is
the same message, handled and answered once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow.config.loader import load_settings
from mailflow.core.reading.parse import message_key
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import Services, run_tick
from tests.factories import write_maildir_config
from tests.mailgen import deliver, signup

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


TRACE = (
    b"Return-Path: <henkilo1@stadi.test>\n"
    b"Delivered-To: verkosto@example.org\n"
    b"X-Original-To: verkosto@example.org\n"
    b"Received: from relay%d.example.net (relay%d.example.net [192.0.2.%d])\n"
    b"\tby mx.example.org (Postfix) with ESMTPS id %dABC\n"
    b"\tfor <verkosto@example.org>; Mon, 2 Nov 2026 08:0%d:00 +0200\n"
    b"ARC-Seal: i=1; a=rsa-sha256; t=%d; cv=none; d=example.net; b=abc%d\n"
    b"ARC-Message-Signature: i=1; a=rsa-sha256; d=example.net; b=def%d\n"
    b"ARC-Authentication-Results: i=1; relay%d.example.net; spf=pass\n"
    b"DKIM-Signature: v=1; a=rsa-sha256; d=omnia.test; s=s%d;\n"
    b"\tbh=xyz; b=sig%d\n"
    b"Authentication-Results: mx.example.org; dkim=pass header.d=omnia.test (try %d)\n"
)


def without_message_id(raw: bytes) -> bytes:
    head, _, body = raw.partition(b"\n\n")
    lines = [line for line in head.split(b"\n") if not line.lower().startswith(b"message-id:")]
    return b"\n".join(lines) + b"\n\n" + body


def delivered(raw: bytes, attempt: int) -> bytes:
    """``raw`` as it reaches the inbox on a relay's ``attempt``-th try."""
    return TRACE.replace(b"%d", str(attempt).encode()) + raw


def test_trace_fields_do_not_change_the_key_of_a_mail_without_message_id() -> None:
    raw = without_message_id(signup(1))
    assert message_key(delivered(raw, 1)) == message_key(delivered(raw, 2))
    assert message_key(delivered(raw, 1)) == message_key(raw)
    assert message_key(raw).startswith("sha256:")


def test_anything_else_in_the_mail_still_makes_it_another_message() -> None:
    raw = without_message_id(signup(1))
    other_subject = raw.replace(b"Subject: Ilmoittautuminen", b"Subject: Ilmoittaudun")
    other_body = raw.replace(b"Hei,", b"Moi,")
    keys = {message_key(delivered(r, 1)) for r in (raw, other_subject, other_body)}
    assert len(keys) == 3


def test_a_mail_with_a_message_id_keeps_its_key() -> None:
    assert message_key(delivered(signup(1), 1)) == "signup-1@stadi.test"
    assert message_key(signup(1)) == "signup-1@stadi.test"


@pytest.fixture(params=["pipelined", "sequential"])
def services(tmp_path: Path, request: pytest.FixtureRequest) -> Services:
    config = write_maildir_config(tmp_path)
    return build_services(load_settings(config), pipelined=request.param == "pipelined")


def test_a_relays_retry_without_message_id_is_handled_and_answered_once(
        services: Services, tmp_path: Path) -> None:
    raw = without_message_id(signup(1))
    deliver(str(tmp_path / "mail"), [delivered(raw, 1)])
    first = run_tick(services, NOW)
    deliver(str(tmp_path / "mail"), [delivered(raw, 2)])  # the relay tries again later
    second = run_tick(services, NOW)

    assert [h.understood.split(":")[0] for h in first.handled] == ["signup"]
    assert second.handled == []
    assert len(first.sent) + len(second.sent) == 1
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
    assert not list((tmp_path / "mail" / "new").iterdir())
