"""Confirmation tokens: deterministic, unguessable without the secret, found in replies."""

from __future__ import annotations

import re

from mailflow.core.rules.confirm import find_token, intent_from_doc, intent_to_doc, make_token
from mailflow.core.values import Intent, PersonDetails

TOKEN = re.compile(r"VAHVISTA-[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{8}")


def test_token_has_the_documented_shape_without_look_alikes() -> None:
    for seed in ("cancel:a", "cancel:b", "forget:c", "x" * 500, "ääö"):
        token = make_token("s3cret", seed)
        assert TOKEN.fullmatch(token), token
        assert not set(token[len("VAHVISTA-"):]) & set("IO01")


def test_same_seed_same_token_other_secret_or_seed_other_token() -> None:
    assert make_token("s3cret", "cancel:m1") == make_token("s3cret", "cancel:m1")
    assert make_token("s3cret", "cancel:m1") != make_token("other", "cancel:m1")
    assert make_token("s3cret", "cancel:m1") != make_token("s3cret", "cancel:m2")


def test_tokens_spread_over_many_seeds() -> None:
    tokens = {make_token("s3cret", f"seed-{i}") for i in range(2000)}
    assert len(tokens) == 2000


def test_find_token_in_a_quoted_reply() -> None:
    token = make_token("s3cret", "cancel:m1")
    reply = f"Kyllä, vahvistan.\n\n> Vastaa tähän viestiin koodilla {token} 72 tunnin kuluessa.\n"
    assert find_token(reply) == token


def test_find_token_tolerates_lower_case_and_a_space() -> None:
    token = make_token("s3cret", "forget:m9")
    code = token.split("-", 1)[1]
    assert find_token(f"vahvista-{code.lower()}") == token
    assert find_token(f"VAHVISTA {code}") == token


def test_no_token_in_ordinary_text() -> None:
    assert find_token("") is None
    assert find_token("Vahvistan osallistumiseni, kiitos!") is None
    assert find_token("VAHVISTA-ABC") is None  # too short
    assert find_token("VAHVISTA-ABCDEFGHJ") is None  # too long
    assert find_token("VAHVISTA-OOOOIIII") is None  # letters outside the alphabet


def test_intent_round_trips_through_a_pending_action_doc() -> None:
    intent = Intent(
        kind="substitute",
        sender="maija@omnia.test",
        language="en",
        people=(PersonDetails(name="Kalle Korvaaja", address="kalle@omnia.test", role="staff"),),
        answer_to="<m1@omnia.test>",
        subject="Sijainen",
        notes=("substitute named",),
    )
    assert intent_from_doc(intent_to_doc(intent)) == intent


def test_a_damaged_doc_is_not_an_intent() -> None:
    assert intent_from_doc({"kind": "launch_missiles", "sender": "x@omnia.test"}) is None
    assert intent_from_doc({"kind": "cancel"}) is None  # no sender
    assert intent_from_doc({"kind": "cancel", "sender": "x@omnia.test", "people": [3]}) is None
