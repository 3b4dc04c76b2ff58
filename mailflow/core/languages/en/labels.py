"""The facilitator's labels in English."""

from __future__ import annotations

from mailflow.core.languages.labels import Labels

__all__ = ["LABELS"]

LABELS = Labels(
    days_columns=("id", "when", "place", "kind", "paid by / price", "yes"),
    day_cancelled="cancelled",
    day_follow_up="follow-up",
    people_columns=("name", "address", "organisation", "role", "status", "answers", "diet",
                    "mail"),
    answer_yes="coming {day}",
    answer_no="declined {day}",
    mail_bounces="BOUNCES",
    mail_failed="FAILED: {error}",
    mail_ok="ok",
    no_people="nobody yet",
    orgs_columns=("organisation", "places", "waitlist", "role coverage", "committed"),
    yes="yes",
    no="no",
    no_orgs="no organisations yet",
    unknown_sender="(unknown sender)",
    attention_subject="subject",
    attention_reason="reason",
    attention_handled="(handled)",
    attention_empty="nothing needs your attention",
    attention_hint="mark one handled with: mailflow attention --handled ID",
    costs_columns=("organisation", "attendees", "share"),
    costs_sponsored="paid by {sponsor}: nothing to share",
    costs_total="total {total} shared by {count} organisation(s) ({split})",
    cost_csv_columns=("Organisation", "Attendees", "Share (€)"),
    cost_csv_total="Total",
    cost_csv_stem="costs",
    people_csv_stem="people",
)
