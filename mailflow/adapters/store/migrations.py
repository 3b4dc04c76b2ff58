"""The store file's schema version and the steps that bring an older file up to date.

A step gets and returns the whole store as ``{table: {id: document}}``, record tables
keyed by the record's key, after the journal has been replayed; the store writes the
result back whole at its next commit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mailflow.core.errors import StoreError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate", "schema_version"]

SCHEMA_VERSION = 4


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 files (before versioning) had no meta table and no sent journal."""
    data.setdefault("meta", {})
    data["meta"]["1"] = {"schema_version": 1}
    return data


def _migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept an attention item's reasons as English text ("; "-joined); version 2
    keeps each as a code and its parameters, read back with the patterns of the reasons
    older mailflow wrote (text no pattern knows stays a "legacy" reason, shown as written)."""
    from mailflow.core.languages.reasons import legacy_reasons  # once per store, if ever

    attention = data.get("attention") or {}
    for key, doc in attention.items():
        if "reasons" not in doc:  # in the old field's place, as a new record is written
            reasons = [r.to_doc() for r in legacy_reasons(doc.get("reason", ""))]
            doc.setdefault("reason", "")
            attention[key] = {("reasons" if k == "reason" else k): (reasons if k == "reason" else v)
                              for k, v in doc.items()}
    data.setdefault("meta", {})
    data["meta"]["1"] = {"schema_version": 2}
    return data


def _migrate_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 kept the moves a pass had committed and not yet made by folder *name*,
    so a name the server refused stayed in them after the config was fixed, and every
    pass failed on it again; version 3 keeps each folder's *role* ("processed" or
    "attention"), and a pass takes the name from the config. A name's role is read from
    the handled messages recorded with it (an "attention" outcome went to the attention
    folder); a name no record has is "attention" only when it says so."""
    roles: dict[str, str] = {}
    for message in (data.get("messages") or {}).values():
        folder = str(message.get("folder", ""))
        if message.get("outcome") == "attention":
            roles[folder] = "attention"
        else:
            roles.setdefault(folder, "processed")
    for doc in (data.get("settings") or {}).values():  # the named meta values
        if doc.get("name") == "pending_moves" and isinstance(doc.get("value"), dict):
            by_role: dict[str, list[str]] = {}
            for name, refs in doc["value"].items():
                guess = "attention" if "attention" in name.lower() else "processed"
                by_role.setdefault(roles.get(name, guess), []).extend(refs)
            doc["value"] = by_role
    data.setdefault("meta", {})
    data["meta"]["1"] = {"schema_version": 3}
    return data


def _migrate_3_to_4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 backed off each mail on its own (``next_attempt_at`` after a failed try,
    up to 12 hours); version 4 backs off the server, so a pending mail that was tried
    waits no more on its own and the queue goes in the order it was queued. A mail never
    tried keeps its time (an announcement's throttle). Bodies still in the store stay
    there until sent (new mail keeps them in the spool)."""
    for doc in (data.get("outbox") or {}).values():
        if doc.get("status") == "pending" and doc.get("attempts"):
            doc["next_attempt_at"] = None
    data.setdefault("meta", {})
    data["meta"]["1"] = {"schema_version": 4}
    return data


#: from-version -> the step turning a store of that version into the next version
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
}


def schema_version(data: dict[str, Any]) -> int:
    """The version a store's data says it has (0: from before versioning)."""
    meta = data.get("meta") or {}
    for doc in meta.values():
        if "schema_version" in doc:
            return int(doc["schema_version"])
    return 0


def migrate(data: dict[str, Any], where: object) -> tuple[dict[str, Any], bool]:
    """``data`` brought up to :data:`SCHEMA_VERSION`, and whether any step ran. A store
    newer than this mailflow is refused (``where`` names it in the error)."""
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{where}: schema version {version} is newer than this mailflow "
            f"understands ({SCHEMA_VERSION}); upgrade mailflow"
        )
    migrated = False
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = schema_version(data)
        migrated = True
    return data, migrated
