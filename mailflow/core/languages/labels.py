"""Labels: the facilitator's CLI labels, CSV headers and file names in one language.

What the facilitator's views show around the data: table columns (also the header rows
of their CSV), the words in a few cells, headings and the line shown when a list is
empty; the cost-share CSV's header row and the attachment's file name. The messages a
command prints about what it did, and its errors, are the program's and not here.
Reasons, role names, dates and money are worded by
:class:`~mailflow.core.languages.wording.Wording`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Labels"]


@dataclass(frozen=True)
class Labels:
    """The facilitator's CLI labels, CSV headers and file names in one language.

    days_columns: ``mailflow days list``; day_cancelled, day_follow_up: its "kind" cells.
    people_columns: ``mailflow people`` (and ``--csv``); answer_yes, answer_no: an answer
    for a day in its "answers" cell (``{day}``: the day's id); mail_bounces, mail_failed
    (``{error}``: the server's answer), mail_ok: its "mail" cells; no_people: the line
    when nobody is known.
    orgs_columns: ``mailflow orgs``; yes, no: its "committed" cells; no_orgs: when empty.
    unknown_sender: for a message without a usable From.
    attention_subject, attention_reason: an attention item's headings (aligned when
    shown); attention_handled: after a handled item's sender; attention_empty: when
    nothing waits; attention_hint: the last line, how to mark one handled.
    costs_columns: ``mailflow costs``; costs_sponsored: ``{sponsor}`` pays, nothing is
    shared; costs_total: ``{total}`` shared by ``{count}`` organisations, by ``{split}``.
    cost_csv_columns, cost_csv_total: the cost-share CSV's header row and its total row's
    first cell; cost_csv_stem: its file name before ``-<day id>.csv``.
    """

    days_columns: tuple[str, str, str, str, str, str]
    day_cancelled: str
    day_follow_up: str
    people_columns: tuple[str, str, str, str, str, str, str, str]
    answer_yes: str
    answer_no: str
    mail_bounces: str
    mail_failed: str
    mail_ok: str
    no_people: str
    orgs_columns: tuple[str, str, str, str, str]
    yes: str
    no: str
    no_orgs: str
    unknown_sender: str
    attention_subject: str
    attention_reason: str
    attention_handled: str
    attention_empty: str
    attention_hint: str
    costs_columns: tuple[str, str, str]
    costs_sponsored: str
    costs_total: str
    cost_csv_columns: tuple[str, str, str]
    cost_csv_total: str
    cost_csv_stem: str
    #: the people CSV's file name before ``-<organisation>.csv`` (the ``people`` command)
    people_csv_stem: str = "people"
    #: a person's status as ``people`` and its CSV show it, by ``Person.status``
    statuses: Mapping[str, str] = field(default_factory=lambda: {
        "registered": "registered", "waitlisted": "waitlisted", "cancelled": "cancelled",
        "invited": "invited"})

    def status_text(self, status: str, waitlist_position: int | None = None) -> str:
        """A person's status in this language, with their place in the queue
        ("jonossa #1", "waitlisted #1")."""
        word = self.statuses.get(status, status)
        return f"{word} #{waitlist_position}" if waitlist_position else word

    def cost_csv_file(self, day_id: str) -> str:
        """The cost-share CSV's file name for the day ``day_id``."""
        return f"{self.cost_csv_stem}-{day_id}.csv"
