"""Reading a facilitator's command: the verb in the subject or the first lines, whatever the
case, accents and reply prefixes, and its arguments."""

from __future__ import annotations

import pytest

from mailflow.core.commands.parse import arguments, read_command


@pytest.mark.parametrize(("subject", "verb", "language", "args"), [
    ("OSALLISTUJAT Omnia", "people", "fi", "Omnia"),
    ("Re: VS: osallistujat omnia", "people", "fi", "omnia"),
    ("SV: AW: Fwd: KÄSITELTY #k3m9qa", "handled", "fi", "#k3m9qa"),
    ("kasitelty #k3m9qa #abcdef", "handled", "fi", "#k3m9qa #abcdef"),
    ("Paivat", "days", "fi", ""),
    ("PÄIVÄT:", "days", "fi", ""),
    ("kustannukset 20.1.", "costs", "fi", "20.1."),
    ("TARJOA anna@x.test", "offer", "fi", "anna@x.test"),
    ("uudelleen anna@x.test", "retry", "fi", "anna@x.test"),
    ("Deltagare Prakticum", "people", "sv", "Prakticum"),
    ("bjud in anna@x.test 9.12.", "invite", "sv", "anna@x.test 9.12."),
    ("FORSOK IGEN anna@x.test", "retry", "sv", "anna@x.test"),
    ("Ta bort anna@x.test", "remove", "sv", "anna@x.test"),
    ("stall in 2026-12-09", "cancel_day", "sv", "2026-12-09"),
    ("help", "help", "en", ""),
    ("Re: Cancel 9.12.2026", "cancel_day", "en", "9.12.2026"),
    ("invite guest@example.org 2026-12-09", "invite", "en", "guest@example.org 2026-12-09"),
])
def test_the_verb_is_read_from_the_subject(subject: str, verb: str, language: str,
                                          args: str) -> None:
    command = read_command(subject, "")
    assert command is not None
    assert (command.verb, command.language, command.args) == (verb, language, args)


def test_the_verb_may_be_on_one_of_the_first_lines_and_the_rest_is_its_body() -> None:
    text = "Hei,\n\ntiedote Joulun verkostopäivä\nTervetuloa 9.12. Kuntatalolle!\n\nTerveisin\nVetäjä"
    command = read_command("Tiedotteesta", text)
    assert command is not None
    assert command.verb == "announce"
    assert command.args == "Joulun verkostopäivä"
    assert command.body == "Tervetuloa 9.12. Kuntatalolle!\n\nTerveisin\nVetäjä"


def test_a_command_in_the_subject_keeps_the_whole_text_as_its_body() -> None:
    command = read_command("TIEDOTE Joulun päivä", "Tervetuloa!\n")
    assert command is not None
    assert (command.args, command.body) == ("Joulun päivä", "Tervetuloa!")


@pytest.mark.parametrize(("subject", "text"), [
    ("Kysymys", "Hei, voisitko kertoa ...\nKiitos"),
    ("Osallistujista", "Mietin osallistujia."),  # a word that only begins like one
    ("", "yksi\nkaksi\nkolme\nPÄIVÄT"),  # too far down: not a command
    ("Perutaanko?", ""),
])
def test_no_command_is_read_where_none_is_written(subject: str, text: str) -> None:
    assert read_command(subject, text) is None


def test_arguments_are_addresses_references_dates_and_the_rest() -> None:
    found = arguments("Anna@X.test #K3M9QA 9.12. 2027-01-20 20.1.2027 Keski-Uudenmaan koulutus.")
    assert found.addresses == ("anna@x.test",)
    assert found.refs == ("#k3m9qa",)
    assert found.dates == ((2027, 1, 20), (0, 12, 9), (2027, 1, 20))
    assert found.rest == "Keski-Uudenmaan koulutus"


def test_an_impossible_date_is_no_date() -> None:
    assert arguments("31.2. 2026-13-01").dates == ()
