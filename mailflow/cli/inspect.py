"""``mailflow inspect``: what mailflow understands of one message, changing nothing.

It answers "why did mailflow do that?": the robot classification, the person's new text,
the intent and its fields, judged against the current store (read, never written), and
under ``why`` the evidence understanding weighed (``core/understanding/evidence.py``): the
phrases matched per intent kind and language, whose request the mail is and why, the robot
signals, each language's score and a language the person asks for.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from mailflow.cli.common import Subcommands, settings_of
from mailflow.config.loader import Settings
from mailflow.core.errors import EXIT_OK, UsageError
from mailflow.core.languages.reasons import LOG_LANGUAGE, reason_text
from mailflow.core.organisations import OrgDirectory
from mailflow.core.values import NetworkState, ParsedMessage

__all__ = ["add_inspect", "inspect_file", "inspect_message"]


def inspect_message(raw: bytes, settings: Settings, state: NetworkState) -> dict[str, Any]:
    """The understanding of one raw message, as JSON-safe data."""
    from mailflow.core.reading.parse import parse_message  # only when asked (idle ticks)
    from mailflow.core.understanding.intents import understand

    address = settings.network.address
    parsed = parse_message(raw, own_address=address,
                           trusted_authserv_id=settings.mailbox.trusted_authserv_id)
    result: dict[str, Any] = {
        "message_id": parsed.message_id,
        "from": parsed.from_addr,
        "subject": parsed.subject,
        "robot": parsed.robot,
        "bounced": list(parsed.bounced),
        "new_text": parsed.new_text,
        "problems": list(parsed.problems),
    }
    result["why"] = _why(parsed, address)
    if parsed.robot is not None:
        result.update(intent=None, people=[], day="", reason="", language="")
        return result
    orgs = OrgDirectory.from_settings(settings.organisations, state.organisations)
    intent = understand(parsed, state, orgs, own_address=address,
                        network_domain=address.rsplit("@", 1)[1])
    result.update(
        intent=intent.kind,
        people=[dataclasses.asdict(p) for p in intent.people],
        day=intent.day,
        reason=reason_text(intent.reason, LOG_LANGUAGE),
        language=intent.language,
        token=intent.token,
        notes=list(intent.notes),
        acts_for=intent.acts_for,
        acting_via=intent.acting_via,
        copy_to=list(intent.copy_to),
        wants_language=intent.wants_language,
        also=[{"kind": a.kind, "day": a.day, "days": list(a.days),
               "people": [dataclasses.asdict(p) for p in a.people]} for a in intent.also],
    )
    sender = result["why"]["sender"]
    if sender["acts_for"] and not intent.acts_for:  # the evidence, overruled
        sender["signals"].append(f"not acted on: the mail names {sender['acts_for']} and "
                                 "the sender both (a list, the sender's own request)")
        sender.update(acts_for="", via="", copy_to=[])
    return result


def _why(parsed: ParsedMessage, own_address: str) -> dict[str, Any]:
    """The evidence understanding weighed, as JSON-safe data."""
    from mailflow.core.understanding.evidence import evidence_of

    evidence = evidence_of(parsed, own_address)
    acting = evidence.acting
    code, words = evidence.wants_language
    return {
        "phrases": [dataclasses.asdict(p) for p in evidence.phrases],
        "sender": {"acts_for": acting.acts_for, "via": acting.via,
                   "copy_to": list(acting.copy_to), "signals": list(acting.signals)},
        "robot": list(evidence.robot),
        "language_scores": dict(evidence.language_scores),
        "wants_language": {"language": code, "words": words} if code else None,
    }


def why_lines(why: dict[str, Any]) -> list[str]:
    """The evidence as the text output shows it, one line a piece."""
    lines = ["why:", "  phrases matched (kind [language] words):"]
    lines += [f"    {p['kind']} [{p['language']}] {p['words']!r}" for p in why["phrases"]]
    if not why["phrases"]:
        lines.append("    none")
    sender = why["sender"]
    who = (f"acts for {sender['acts_for']} ({sender['via']})" if sender["acts_for"]
           else "the sender's own request")
    lines.append(f"  whose request: {who}")
    lines += [f"    - {signal}" for signal in sender["signals"]]
    lines.append("  robot signals: " + "; ".join(why["robot"]))
    scores = ", ".join(f"{code} {n}" for code, n in why["language_scores"].items())
    lines.append(f"  language scores: {scores}")
    wants = why["wants_language"]
    if wants:
        lines.append(f"  asks to be written to in: {wants['language']} ({wants['words']})")
    return lines


def inspect_file(path: Path, settings: Settings) -> dict[str, Any]:
    """Inspect a ``.eml`` file against the configured store (if it exists), read-only."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the message ({exc.strerror})") from None
    return inspect_message(raw, settings, _read_state(settings))


def _read_state(settings: Settings) -> NetworkState:
    from mailflow.adapters.store import Snapshot
    from mailflow.run.tick import load_state

    return load_state(Snapshot(settings.resolve(settings.store.path)))


def cmd_inspect(args: argparse.Namespace) -> int:
    result = inspect_file(Path(args.file), settings_of(args))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for key, value in result.items():
            if key != "why":
                print(f"{key}: {value}")
        print("\n".join(why_lines(result["why"])))
    return EXIT_OK


def add_inspect(sub: Subcommands) -> None:
    """``mailflow inspect``."""
    p = sub.add_parser("inspect", help="show what mailflow understands of one .eml file")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.set_defaults(func=cmd_inspect)
