"""The facilitator's labels in Finnish.

The terminal views (``days list``, ``orgs``, ``attention``, ``costs``) are in English
whatever the network's language; what goes to the organisations and the facilitator's
Excel is in Finnish: the cost CSV, and the people list (``people``, its CSV and the
OSALLISTUJAT command's), columns, status and answers alike.
"""

from __future__ import annotations

from dataclasses import replace

from mailflow.core.languages.en.labels import LABELS as ENGLISH

__all__ = ["LABELS"]

#: the terminal views as in English but for the people list (see above); the CSVs in Finnish
LABELS = replace(
    ENGLISH,
    cost_csv_columns=("Organisaatio", "Osallistujia", "Osuus (€)"),
    cost_csv_total="Yhteensä",
    cost_csv_stem="kustannukset",
    people_csv_stem="osallistujat",
    people_columns=("nimi", "osoite", "organisaatio", "rooli", "tila", "vastaukset",
                    "ruokavalio", "posti"),
    mail_bounces="PALAUTUU",
    mail_failed="EI MENNYT PERILLE: {error}",
    no_people="ei vielä ketään",
    answer_yes="tulee {day}",
    answer_no="ei tule {day}",
    statuses={"registered": "ilmoittautunut", "waitlisted": "jonossa", "cancelled": "peruttu",
              "invited": "kutsuttu"},
)
