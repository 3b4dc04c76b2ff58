"""What mailflow says in English outside the templates.

Reasons read as the log has always written them; dates are British-style
(``Wed 9 Dec 2026, 10:00``), money ``€1,234.50``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mailflow.core.languages.wording import ReasonWords, Wording, says

__all__ = ["WORDING"]


def _who(template: str) -> ReasonWords:
    """``template`` with ``who``; nobody named reads "a person"."""
    return lambda p: template.format(who=p.get("who") or "a person")


def _calendar(p: Mapping[str, str]) -> str:
    partstat = p.get("partstat") or "without PARTSTAT"
    return f"calendar answer {partstat} for day {p['day']}: neither yes nor no"


def _kinds(p: Mapping[str, str]) -> str:
    return "several intents: " + " and ".join(p["kinds"].split())


REASONS: dict[str, Callable[[Mapping[str, str]], str]] = {
    "unknown_kind": lambda p: f"unknown intent kind {p['kind']!r}",
    "sender_unusable": says("the sender's address is not a usable mail address"),
    "signup_no_address": _who("sign-up for {who} without an address"),
    "signup_bad_address": _who("sign-up for {who} with an unusable address"),
    "signup_no_org": _who("sign-up for {who} without an organisation"),
    "signup_past_day": says("sign-up for a network day that has passed ({day})"),
    "signup_cancelled_day": says("sign-up for a cancelled network day ({day})"),
    "rsvp_no_day": says("RSVP that names no network day"),
    "rsvp_unknown_day": says("RSVP for an unknown network day ({day})"),
    "rsvp_cancelled_day": says("RSVP for a cancelled network day ({day})"),
    "rsvp_not_registered": says("RSVP from an address that is not registered"),
    "rsvp_status": says("RSVP from a person who is {status}, not registered"),
    "cancel_not_registered": says("cancellation from an address that is not registered"),
    "substitute_by_unregistered":
        says("substitute named by an address that is not registered"),
    "substitute_unusable": says("substitute without a usable address"),
    "substitute_is_sender": says("the substitute named is the sender themself"),
    "substitute_already": says("the substitute {address} is already {status}"),
    "commit_not_registered":
        says("commitment to the follow-up work from an address that is not registered"),
    "correction_not_registered": says("correction from an address that is not registered"),
    "correction_other_address":
        says("correction names another address (address changes are for the facilitator)"),
    "correction_no_change": says("correction without any change that could be understood"),
    "token_unknown": says("unknown or expired token"),
    "token_wrong_address": says("confirmation token from the wrong address"),
    "confirmed_unreadable": says("the confirmed change could not be read"),
    "not_understood": says("the message was not understood"),
    "robot": says("robot mail ({robot}) reached intent rules"),
    "form_without_address": says("a web form's mail "
                  "({address}) that gives nobody's address"),
    "language_nobody": says("a request to be written to in "
                  "another language from an address not on record"),
    "own_address": says("mail from mailflow's own address"),
    "calendar_neither": _calendar,
    "commitment_withdrawn": says("withdraws or changes the commitment to the follow-up work"),
    "question": says("a question for the facilitator"),
    "commitment_not_declared":
        says("commitment mentioned but not declared (a condition or a negation)"),
    "no_intent": says("no intent recognised"),
    "several_intents": _kinds,
    "rsvp_day_undetermined": says("rsvp but no network day could be determined"),
    "signup_no_addresses": says("sign-up lists people but no mail address for any of them"),
    "substitute_without_address": says("substitute named without a mail address"),
    "cancel_for_unnamed": says("a cancellation for someone else, with no address of theirs"),
    "correction_nothing_found": says("a correction but no corrected detail found"),
    "oversize": says("message of {size} bytes is over the size cap of {cap} bytes; not parsed"),
    "mail_expired": says("the mail \"{subject}\" to {to} could not be sent in {days} days "
                          "and was given up (last error: {error}); send it another way"),
    "legacy": lambda p: p["text"],
}

_KINDS = ("signup", "interest_join", "interest_leave", "rsvp_yes", "rsvp_no", "cancel",
          "substitute", "commit", "correction", "export_request", "forget_request", "confirm",
          "attention")

WORDING = Wording(
    reasons=REASONS,
    reason_separator="; ",
    intent_kinds={kind: kind for kind in _KINDS},
    robot_kinds={"autoreply": "autoreply", "bounce": "bounce", "loop": "loop"},
    roles={
        "management": "management",
        "supervisor": "apprenticeship supervisor",
        "staff": "staff",
        "guest": "guest",
        "unknown": "not given",
    },
    change_fields={"name": "name", "role": "role", "diet": "special diet",
                   "organisation": "organisation", "days": "days", "status": "status"},
    actions={
        "cancel": "cancel your registration to the network",
        "commit": "commit {detail} to the network's follow-up work",
        "substitute": "give your place to a substitute: {detail}",
        "correction": "correct your details: {detail}",
        "forget_request": "erase everything stored about you",
    },
    weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    date="{weekday} {day} {month_name} {year}",
    time="{hour:02d}:{minute:02d}",
    at_time="{date}, {time}",
    money="{sign}€{amount}",
    decimal_mark=".",
    group_separator=",",
    day_title="network day",
    unsubscribe_subject="NO THANKS",
)
