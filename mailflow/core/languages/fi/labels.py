"""The facilitator's labels in Finnish.

The terminal views (``days list``, ``people``, ``orgs``, ``attention``, ``costs``) have
always been in English whatever the network's language, and this issue changes no
output; the CSV that goes to the organisations is in Finnish.
"""

from __future__ import annotations

from mailflow.core.languages.labels import Labels

__all__ = ["LABELS"]

LABELS = Labels(
    days_columns=("id", "when", "place", "kind", "paid by / price", "yes"),
    day_cancelled="cancelled",
    day_follow_up="follow-up",
    people_columns=("name", "address", "organisation", "role", "status", "diet", "mail"),
    mail_bounces="BOUNCES",
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
    cost_csv_columns=("Organisaatio", "Osallistujia", "Osuus (€)"),
    cost_csv_total="Yhteensä",
    cost_csv_stem="kustannukset",
)
