"""The facilitator's labels in Swedish.

As in the Finnish pack, the terminal views stay in English whatever the network's
language, but for the people list: it goes to the facilitator's Excel (``people``, its
CSV and the DELTAGARE command's), so its columns, status and answers are in Swedish, as
is the cost CSV that goes to the organisations.
"""

from __future__ import annotations

from dataclasses import replace

from mailflow.core.languages.en.labels import LABELS as ENGLISH

__all__ = ["LABELS"]

#: the terminal views as in English but for the people list (see above); the CSVs in Swedish
LABELS = replace(
    ENGLISH,
    cost_csv_columns=("Organisation", "Deltagare", "Andel (€)"),
    cost_csv_total="Totalt",
    cost_csv_stem="kostnader",
    people_csv_stem="deltagare",
    people_columns=("namn", "adress", "organisation", "roll", "status", "svar",
                    "specialdiet", "e-post"),
    mail_bounces="STUDSAR",
    mail_failed="GICK INTE FRAM: {error}",
    no_people="ingen ännu",
    answer_yes="kommer {day}",
    answer_no="kommer inte {day}",
    statuses={"registered": "anmäld", "waitlisted": "i kö", "cancelled": "avanmäld",
              "invited": "inbjuden"},
)
