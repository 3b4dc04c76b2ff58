"""The facilitator's labels in each language pack: every label there, the file names right."""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Mapping
from typing import get_args

import pytest

from mailflow.core.languages.registry import pack, packs
from mailflow.core.model import PersonStatus


@pytest.mark.parametrize("code", [p.code for p in packs()])
def test_every_pack_labels_everything(code: str) -> None:
    labels = pack(code).labels
    for field in dataclasses.fields(labels):
        value = getattr(labels, field.name)
        texts = tuple(value.values()) if isinstance(value, Mapping) else \
            value if isinstance(value, tuple) else (value,)
        assert all(isinstance(t, str) and t.strip() for t in texts), field.name
    assert set(labels.statuses) == set(get_args(PersonStatus))


@pytest.mark.parametrize(("code", "shown"), [
    ("fi", ["ilmoittautunut", "jonossa #1", "peruttu", "kutsuttu"]),
    ("sv", ["anmäld", "i kö #1", "avanmäld", "inbjuden"]),
    ("en", ["registered", "waitlisted #1", "cancelled", "invited"]),
])
def test_a_persons_status_is_worded_in_the_language(code: str, shown: list[str]) -> None:
    labels = pack(code).labels
    assert [labels.status_text("registered"), labels.status_text("waitlisted", 1),
            labels.status_text("cancelled"), labels.status_text("invited")] == shown


@pytest.mark.parametrize(("code", "name"), [
    ("fi", "kustannukset-2026-12-09.csv"),
    ("en", "costs-2026-12-09.csv"),
    ("xx", "kustannukset-2026-12-09.csv"),  # an unknown language: the default's
])
def test_the_cost_csv_is_named_in_the_language_of_its_mail(code: str, name: str) -> None:
    assert pack(code).labels.cost_csv_file("2026-12-09") == name


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", [p.code for p in packs()])
def test_the_costs_view_templates_take_what_the_command_gives(code: str) -> None:
    labels = pack(code).labels
    assert fields_of(labels.costs_sponsored) == {"sponsor"}
    assert fields_of(labels.costs_total) == {"total", "count", "split"}
