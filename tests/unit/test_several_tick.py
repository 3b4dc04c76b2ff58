"""Two requests in one mail, end to end: ``mailflow tick`` on a Maildir with the file
outbox. The person gets an answer for each request, once, and the store shows both done.
"""

from __future__ import annotations

from pathlib import Path

from mailflow.adapters.store import Store
from mailflow.core.model import AttentionItem, Person, Rsvp
from tests.factories import plain_mail
from tests.mailgen import deliver
from tests.unit.test_swedish_tick import WHEN, Run, mail_to, root, run, text_of

__all__ = ["root", "run"]  # the fixtures, found by pytest here

DAY1, DAY2 = "2026-12-09", "2027-02-10"
OLLI = "olli.oja@prakticum.test"
SIGNUP = ("Hej,\n\njag anmäler mig till nätverket.\n\nNamn: Olli Oja\nOrganisation: Prakticum\n"
          "Titel: lärare\n\nHälsningar\nOlli Oja\n")
CHANGE = ("Hej,\n\njag måste tyvärr avboka min plats den 9.12, men jag kommer gärna till "
          "uppföljningsdagen 10.2.\n\nHälsningar\nOlli\n")


def test_a_days_cancellation_and_a_yes_for_another_day_are_both_carried_out(
        root: Path, run: Run) -> None:
    for day in (DAY1, DAY2):
        assert run("days", "add", day, "--date", day, "--start", "10:00", "--end", "16:00",
                   "--place", "Kuntatalo, Helsinki") == 0
    deliver(str(root / "mail"), [plain_mail(OLLI, "Olli Oja", "Anmälan", SIGNUP, WHEN,
                                            "<s-1@prakticum.test>")])
    assert run("tick", "--now", "2026-11-20T10:00+02:00") == 0
    before = len(mail_to(root, OLLI))
    deliver(str(root / "mail"), [plain_mail(OLLI, "Olli Oja", "Ändring", CHANGE,
                                            WHEN.replace(hour=11), "<s-2@prakticum.test>")])
    assert run("tick", "--now", "2026-11-20T12:00+02:00") == 0
    assert run("tick", "--now", "2026-11-20T12:05+02:00") == 0  # nothing sent twice

    answers = mail_to(root, OLLI)[before:]
    assert len(answers) == 2, [str(m["Subject"]) for m in answers]
    said = "\n".join(text_of(m) for m in answers)
    assert "9.12.2026" in said
    assert "10.2.2027" in said
    with Store(root / "mailflow.json") as store:
        person = store.get(Person, OLLI)
        answers_by_day = {r.day_id: r.answer for r in store.all(Rsvp) if r.address == OLLI}
        attention = store.all(AttentionItem)
    assert person is not None
    assert person.status == "registered"  # his place is kept
    assert answers_by_day == {DAY1: "no", DAY2: "yes"}
    assert attention == []
