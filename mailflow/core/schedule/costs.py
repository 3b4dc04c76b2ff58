"""Sharing a follow-up day's costs between organisations (pure: no I/O, no clock).

The rule from the network's page: *day price / number of participating organisations*.
Amounts are split in whole cents by the largest-remainder method, so the shares add up
exactly to the price and differ by at most one cent; the extra cents go to the
organisations first in (Finnish) alphabetical order of their names.

Who takes part (``participating_organisations``), by ``mode``:

- ``"participating"``: an organisation with at least one attendee that day. A person
  attends when they hold a place (status "registered") and either answered "yes" for
  the day, or signed up for it (``Person.days`` empty = all days) and did not answer
  "no". Guests (role "guest", status "invited", or no organisation) never count;
  waitlisted and cancelled people hold no place and do not count either.
- ``"committed"``: the organisations that committed to the follow-up work.

``cost_csv`` makes the summary's attachment; the shell attaches it to the
``cost_summary`` mail (the core only returns the mail request).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from mailflow.core.languages.registry import DEFAULT, pack
from mailflow.core.model import NetworkDay, Person
from mailflow.core.values import NetworkState

__all__ = [
    "CENT",
    "CostMode",
    "Share",
    "attendee_counts",
    "attends",
    "cost_csv",
    "excel_csv",
    "largest_remainder",
    "money_text",
    "name_sort_key",
    "participating_organisations",
    "signed_up",
    "split_costs",
]

CostMode = Literal["participating", "committed"]
CENT = Decimal("0.01")
# Finnish alphabetical order puts å, ä, ö after z (Unicode would put ä before å).
_FINNISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}"})  # the three after "z"
# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Share:
    """One organisation's share of a day's costs.

    org_key / org_name: the Organisation's key and name; amount: euros, whole cents;
    attendees: how many of its people attended the day (0 when not counted).
    """

    org_key: str
    org_name: str
    amount: Decimal
    attendees: int = 0

    @property
    def amount_text(self) -> str:
        """The amount as Finnish money text, e.g. ``"1 234,50 €"``."""
        return money_text(self.amount)


def money_text(amount: Decimal, lang: str = DEFAULT) -> str:
    """Euros as ``lang`` writes them (Finnish: ``1 234,50 €``, no-break spaces), to the cent."""
    says = pack(lang).says
    whole, fraction = f"{amount.quantize(CENT):,.2f}".split(".")
    digits = whole.replace(",", says.group_separator) + says.decimal_mark + fraction
    return says.money.format(sign="", amount=digits)


def name_sort_key(name: str) -> tuple[str, str]:
    """Sort key for names in Finnish alphabetical order, case-insensitive."""
    return (name.casefold().translate(_FINNISH_ORDER), name)


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` whole units in proportion to ``weights``; the parts add up to ``total``.

    Leftover units go to the largest remainders; ties to the earlier position, so callers
    order ``weights`` by their tie-break rule. All-zero weights give all zeros.
    """
    whole = sum(weights)
    if whole <= 0 or total <= 0:
        return [0] * len(weights)
    parts = [total * w // whole for w in weights]
    remainders = [total * w % whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def split_costs(
    total: Decimal,
    organisations: Iterable[tuple[str, str]],
    attendees: dict[str, int] | None = None,
) -> list[Share]:
    """Split ``total`` euros equally between ``(key, name)`` organisations, in whole cents.

    Returns the shares in Finnish alphabetical order of name (then key); they add up
    exactly to ``total`` and differ by at most one cent. No organisations: ``[]``.
    ``attendees`` (org key -> count) only fills ``Share.attendees``.
    Raises ``ValueError`` for a negative total or one with fractions of a cent.
    """
    if total < 0 or total != total.quantize(CENT):
        raise ValueError(f"a cost total must be whole cents and not negative, got {total}")
    orgs = sorted(dict(organisations).items(), key=lambda kv: (*name_sort_key(kv[1]), kv[0]))
    cents = largest_remainder(int(total * 100), [1] * len(orgs))
    counts = attendees or {}
    return [
        Share(key, name, (Decimal(c) * CENT).quantize(CENT), counts.get(key, 0))
        for (key, name), c in zip(orgs, cents, strict=True)
    ]


def signed_up(person: Person, day: NetworkDay) -> bool:
    """Did the person sign up for this day (no days listed = all days)?"""
    return not person.days or day.id in person.days


def attends(person: Person, day: NetworkDay, state: NetworkState) -> bool:
    """Does this person count as an organisation's attendee of the day (see module doc)?"""
    if person.role == "guest" or person.status != "registered" or not person.org:
        return False
    rsvp = state.rsvps.get((day.id, person.address))
    if rsvp is not None:
        return rsvp.answer == "yes"
    return signed_up(person, day)


def attendee_counts(day: NetworkDay, state: NetworkState) -> dict[str, int]:
    """Attendees of the day per organisation key (organisations with none are left out)."""
    counts: dict[str, int] = {}
    for person in state.people.values():
        if attends(person, day, state):
            counts[person.org] = counts.get(person.org, 0) + 1
    return counts


def participating_organisations(
    day: NetworkDay, state: NetworkState, mode: CostMode
) -> list[tuple[str, str]]:
    """The ``(key, name)`` of the organisations sharing the day's costs, sorted by name."""
    if mode == "committed":
        chosen = [(o.key, o.name) for o in state.organisations.values() if o.committed]
    else:
        chosen = [
            (key, state.organisations[key].name if key in state.organisations else key)
            for key in attendee_counts(day, state)
        ]
    return sorted(chosen, key=lambda kv: (*name_sort_key(kv[1]), kv[0]))


def _cell(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(amount: Decimal) -> str:
    return f"{amount.quantize(CENT):.2f}".replace(".", ",")


def excel_csv(headers: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as a CSV that opens right in Finnish Excel: semicolon separator, UTF-8 with
    BOM, CRLF line ends; a text cell that a spreadsheet would run as a formula is quoted."""
    out = io.StringIO()
    import csv  # only when a CSV is written

    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(c) if isinstance(c, str) else c for c in row])
    return out.getvalue().encode("utf-8-sig")


def cost_csv(day: NetworkDay, shares: Sequence[Share], lang: str) -> bytes:
    """The shares as a CSV that opens right in Finnish Excel (:func:`excel_csv`), amounts
    with a decimal comma: a header row, one row per organisation and a total row. The
    shell names the file after ``day``."""
    labels = pack(lang).labels
    rows: list[Sequence[object]] = [[s.org_name, s.attendees, _number(s.amount)] for s in shares]
    rows.append([
        labels.cost_csv_total,
        sum(s.attendees for s in shares),
        _number(sum((s.amount for s in shares), Decimal("0"))),
    ])
    return excel_csv(labels.cost_csv_columns, rows)
