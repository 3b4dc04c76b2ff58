"""A substitute named without an address, end to end: ``mailflow tick`` on a Maildir with
the file outbox. The person is asked for the address in their language, the facilitator
is not bothered, and nothing changes until the substitution with an address comes.
"""

from __future__ import annotations

from pathlib import Path

from mailflow.adapters.store import Store
from mailflow.core.model import AttentionItem, Person
from tests.factories import plain_mail
from tests.mailgen import deliver
from tests.unit.test_swedish_tick import WHEN, Run, mail_to, root, run, text_of

__all__ = ["root", "run"]  # the fixtures, found by pytest here

DAY = "2026-12-09"
OLLI = "olli.oja@prakticum.test"
SIGNUP = ("Hej,\n\njag anmäler mig till nätverket.\n\nNamn: Olli Oja\nOrganisation: Prakticum\n"
          "Titel: lärare\n\nHälsningar\nOlli Oja\n")
NO_ADDRESS = ("Hej,\n\njag kan tyvärr inte komma den 9.12. Lena Lund från vårt team "
              "kommer i mitt ställe.\n\nHälsningar\nOlli\n")


def test_a_substitute_without_an_address_is_asked_for_it(root: Path, run: Run) -> None:
    assert run("days", "add", DAY, "--date", DAY, "--start", "10:00", "--end", "16:00",
               "--place", "Kuntatalo, Helsinki") == 0
    deliver(str(root / "mail"), [plain_mail(OLLI, "Olli Oja", "Anmälan", SIGNUP, WHEN,
                                            "<a-1@prakticum.test>")])
    assert run("tick", "--now", "2026-11-20T10:00+02:00") == 0
    before = len(mail_to(root, OLLI))
    deliver(str(root / "mail"), [plain_mail(OLLI, "Olli Oja", "Ersättare", NO_ADDRESS,
                                            WHEN.replace(hour=11), "<a-2@prakticum.test>")])
    assert run("tick", "--now", "2026-11-20T12:00+02:00") == 0

    (asked,) = mail_to(root, OLLI)[before:]
    assert "e-postadress" in str(asked["Subject"])
    assert "Lena Lund" in text_of(asked)
    with Store(root / "mailflow.json") as store:
        person = store.get(Person, OLLI)
        attention = store.all(AttentionItem)
        people = store.all(Person)
    assert person is not None
    assert person.status == "registered"  # his place stays his
    assert [p.address for p in people] == [OLLI]
    assert attention == []
