"""Folder names as the IMAP server spells them (pure; tests/integration/test_imap_folders.py
runs them on Dovecot with each separator)."""

from __future__ import annotations

import pytest

from mailflow.adapters.imap_folders import Hierarchy, server_name

DOT, SLASH = Hierarchy("", "."), Hierarchy("", "/")
COURIER = Hierarchy("INBOX.", ".")  # Courier and Cyrus keep personal folders under INBOX.


@pytest.mark.parametrize(
    ("configured", "hierarchy", "expected"),
    [
        ("mailflow/processed", DOT, "mailflow.processed"),
        ("mailflow/processed", SLASH, "mailflow/processed"),
        ("mailflow/processed", COURIER, "INBOX.mailflow.processed"),
        ("processed", DOT, "processed"),
        ("processed", COURIER, "INBOX.processed"),
        ("INBOX/processed", COURIER, "INBOX.processed"),
        ("inbox/processed", COURIER, "inbox.processed"),
        ("INBOX", COURIER, "INBOX"),
        ("/mailflow//processed/", DOT, "mailflow.processed"),
        ("mailflow/processed", Hierarchy("", None), "mailflow/processed"),
        ("Käsitellyt/2026", Hierarchy("Mail/", "/"), "Mail/Käsitellyt/2026"),
        ("Mail/done", Hierarchy("Mail/", "/"), "Mail/done"),
        ("done", Hierarchy("Mail", "/"), "Mail/done"),
    ],
)
def test_a_configured_name_becomes_the_servers_name(
    configured: str, hierarchy: Hierarchy, expected: str,
) -> None:
    assert server_name(configured, hierarchy) == expected


def test_the_hierarchy_is_described_for_the_check_line() -> None:
    assert DOT.describe() == 'separator ".", no prefix'
    assert COURIER.describe() == 'separator ".", prefix "INBOX."'
    assert Hierarchy("", None).describe() == "no hierarchy, no prefix"
