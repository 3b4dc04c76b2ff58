"""The facilitator's labels in Finnish.

The terminal views (``days list``, ``people``, ``orgs``, ``attention``, ``costs``) have
always been in English whatever the network's language; the CSV that goes to the
organisations is in Finnish, and so are a person's status and answers in ``people`` and
its CSV (what the facilitator reads and sorts by).
"""

from __future__ import annotations

from dataclasses import replace

from mailflow.core.languages.en.labels import LABELS as ENGLISH

__all__ = ["LABELS"]

#: the terminal views as in English (see above); the organisations' CSV in Finnish
LABELS = replace(
    ENGLISH,
    cost_csv_columns=("Organisaatio", "Osallistujia", "Osuus (€)"),
    cost_csv_total="Yhteensä",
    cost_csv_stem="kustannukset",
    people_csv_stem="osallistujat",
    answer_yes="tulee {day}",
    answer_no="ei tule {day}",
    statuses={"registered": "ilmoittautunut", "waitlisted": "jonossa", "cancelled": "peruttu",
              "invited": "kutsuttu"},
)
