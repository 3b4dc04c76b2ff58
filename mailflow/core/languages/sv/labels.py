"""The facilitator's labels in Swedish.

As in the Finnish pack, the terminal views stay in English whatever the network's
language; the CSV that goes to the organisations is in Swedish, and so are a person's
status and answers in ``people`` and its CSV.
"""

from __future__ import annotations

from dataclasses import replace

from mailflow.core.languages.en.labels import LABELS as ENGLISH

__all__ = ["LABELS"]

#: the terminal views as in English (see above); the organisations' CSV in Swedish
LABELS = replace(
    ENGLISH,
    cost_csv_columns=("Organisation", "Deltagare", "Andel (€)"),
    cost_csv_total="Totalt",
    cost_csv_stem="kostnader",
    people_csv_stem="deltagare",
    answer_yes="kommer {day}",
    answer_no="kommer inte {day}",
    statuses={"registered": "anmäld", "waitlisted": "i kö", "cancelled": "avanmäld",
              "invited": "inbjuden"},
)
