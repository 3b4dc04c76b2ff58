"""split_new_text: the person's new words, without quoted history or signature."""

from __future__ import annotations

import pytest

from mailflow.core.reading.quotes import split_new_text
from tests.work import assert_linear

OUTLOOK_FI = """Hei,

ilmoittaudun verkostopäivään.

Maija

Lähettäjä: Kehittämisverkosto <verkosto@example.org>
Lähetetty: maanantai 16. marraskuuta 2026 9.00
Vastaanottaja: Maija Mallikas <maija@omnia.test>
Aihe: Kutsu

Vastaa EI KIITOS jos et ole kiinnostunut.
"""

OUTLOOK_EN = """I'll be there.

From: Network <verkosto@example.org>
Sent: Tuesday, December 1, 2026 9:00 AM
To: Emma <emma@keuda.test>
Subject: Network day

Reply NO THANKS if not interested.
"""

ORIGINAL_FI = """Peruutan ilmoittautumiseni.

-----Alkuperäinen viesti-----
Lähettäjä: Kehittämisverkosto [mailto:verkosto@example.org]
Lähetetty: 23. marraskuuta 2026 10:00
Aihe: Vahvistus

Olet ilmoittautunut.
"""

ORIGINAL_EN = """Count me in.

-----Original Message-----
From: Network [mailto:verkosto@example.org]
Sent: Monday, November 23, 2026 10:00 AM
Subject: Invitation

Will you come?
"""

UNDERSCORES = """En pääse.

________________________________
Lähettäjä: Kehittämisverkosto <verkosto@example.org>
Lähetetty: keskiviikko 2. joulukuuta 2026 9.30
Aihe: Muistutus

Tervetuloa!
"""

GMAIL_EN = """Yes, I'm coming.

On Tue, Dec 1, 2026 at 9:00 AM Network <verkosto@example.org> wrote:

> Will you attend? Reply yes or no.
"""

GMAIL_FI_WRAPPED = """Osallistun.

ma 3.10.2016 klo 12.01 Maija Mallikas <
maija@omnia.test> kirjoitti:

> Tuletko? Vastaa EI KIITOS jos et.
"""

GMAIL_FI_ONE_LINE = """Osallistun.

ma 3.10.2016 klo 12.01 Maija Mallikas <maija@omnia.test> kirjoitti:
> Tuletko?
"""

EN_WRAPPED = """Sounds good, I'll come.

On Tue, Dec 1, 2026 at 9:00 AM Kehittamisverkosto
<verkosto@example.org> wrote:
> Will you attend?
"""

IPHONE = """Kyllä, tulen!

Lähetetty iPhonesta

> 1.12.2026 kello 9.00 Kehittämisverkosto <verkosto@example.org> kirjoitti:
>
> Vastaa kyllä tai en pääse.
"""

SIGNATURE = """Tulen mielelläni.

--\x20
Maija Mallikas
koulutuspäällikkö, Omnia
puh. 040 000 0000
"""


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (OUTLOOK_FI, ["ilmoittaudun verkostopäivään.", "Maija"], ["Lähettäjä", "EI KIITOS"]),
        (OUTLOOK_EN, ["I'll be there."], ["From:", "NO THANKS"]),
        (ORIGINAL_FI, ["Peruutan ilmoittautumiseni."], ["Alkuperäinen", "Olet ilmoittautunut"]),
        (ORIGINAL_EN, ["Count me in."], ["Original Message", "Will you come?"]),
        (UNDERSCORES, ["En pääse."], ["____", "Tervetuloa"]),
        (GMAIL_EN, ["Yes, I'm coming."], ["wrote:", "Reply yes or no"]),
        (GMAIL_FI_WRAPPED, ["Osallistun."], ["kirjoitti", "maija@omnia.test", "EI KIITOS"]),
        (GMAIL_FI_ONE_LINE, ["Osallistun."], ["kirjoitti", "Tuletko"]),
        (EN_WRAPPED, ["Sounds good, I'll come."], ["wrote:", "Kehittamisverkosto"]),
        (IPHONE, ["Kyllä, tulen!"], ["iPhonesta", "kirjoitti", "en pääse"]),
        (SIGNATURE, ["Tulen mielelläni."], ["koulutuspäällikkö", "040"]),
    ],
    ids=[
        "outlook-fi", "outlook-en", "original-fi", "original-en", "underscores", "gmail-en",
        "gmail-fi-wrapped", "gmail-fi-one-line", "en-wrapped", "iphone", "dash-dash-signature",
    ],
)
def test_history_and_signature_are_dropped(text: str, kept: list[str], dropped: list[str]) -> None:
    new = split_new_text(text)
    for words in kept:
        assert words in new
    for words in dropped:
        assert words not in new


@pytest.mark.parametrize(
    "signature",
    [
        "Lähetetty iPhonesta",
        "Sent from my iPhone",
        "Lähetetty Android-puhelimesta",
        "Hanki Outlook for Android",
        "Get Outlook for iOS<https://aka.ms/o0ukef>",
        "Lähetetty Samsung Galaxy -älypuhelimesta",
    ],
)
def test_phone_signatures_are_dropped(signature: str) -> None:
    assert split_new_text(f"En pääse 9.12.\n\n{signature}\n") == "En pääse 9.12."


@pytest.mark.parametrize(
    "attribution",
    [
        "Maija Mallikas <maija@omnia.test> kirjoitti 3.10.2016 kello 12:01:",
        "Maija Mallikas kirjoitti 3.10.2016 klo 12.01:",
        "On 3 Oct 2016, at 12:01, Maija Mallikas <maija@omnia.test> wrote:",
        "Den 3 okt. 2016 kl. 12:01 skrev Maija Mallikas <maija@omnia.test>:",
    ],
)
def test_apple_and_thunderbird_attributions(attribution: str) -> None:
    text = f"Tulen.\n\n{attribution}\n\nTuletko verkostopäivään?\n"
    assert split_new_text(text) == "Tulen."


def test_bottom_posted_reply_below_the_quote_is_kept() -> None:
    text = (
        "On Tue, Dec 1, 2026 at 9:00 AM Network <verkosto@example.org> wrote:\n"
        "> Will you attend?\n"
        "\n"
        "Yes, I will.\n"
    )
    assert split_new_text(text) == "Yes, I will."


def test_inline_answers_between_quotes_are_kept() -> None:
    text = "> Tuletko 9.12.?\nTulen.\n> Erityisruokavalio?\nGluteeniton.\n"
    assert split_new_text(text) == "Tulen.\nGluteeniton."


def test_gmail_forward_is_kept_but_its_own_history_is_not() -> None:
    text = """Tiedoksi.

---------- Forwarded message ---------
From: Mikko Rantala <mikko@stadi.test>
Date: ti 1.12.2026 klo 13.50
Subject: Verkostopäivä
To: Eeva <eeva@stadi.test>

Ilmoittaudun verkostopäivään.

ti 1.12.2026 klo 12.00 Eeva <eeva@stadi.test> kirjoitti:
> Laitanko EI KIITOS?
"""
    new = split_new_text(text)
    assert "Tiedoksi." in new
    assert "From: Mikko Rantala <mikko@stadi.test>" in new
    assert "Ilmoittaudun verkostopäivään." in new
    assert "EI KIITOS" not in new


def test_outlook_forward_with_vl_subject_is_kept() -> None:
    text = """Välitän Kallen ilmoittautumisen.

________________________________
Lähettäjä: Kalle Nurmi <kalle@omnia.test>
Lähetetty: maanantai 30. marraskuuta 2026 9.00
Vastaanottaja: Riikka <riikka@omnia.test>
Aihe: VL: Ilmoittautuminen

Ilmoittaudun verkostopäivään 9.12.2026.
"""
    new = split_new_text(text)
    assert "Välitän Kallen ilmoittautumisen." in new
    assert "Lähettäjä: Kalle Nurmi" in new
    assert "Ilmoittaudun verkostopäivään 9.12.2026." in new


def test_forward_after_a_phone_signature_is_kept() -> None:
    text = """Katso alta.

Lähetetty iPhonesta

Välitetty viesti alkaa:

Lähettäjä: Kalle <kalle@omnia.test>
Aihe: Ilmoittautuminen
Päivämäärä: 30.11.2026 klo 9.00.00 UTC+2

Ilmoittaudun.
"""
    new = split_new_text(text)
    assert "iPhonesta" not in new
    assert "Katso alta." in new
    assert "Ilmoittaudun." in new


def test_plain_text_with_colons_and_names_is_not_history() -> None:
    text = """Ilmoitan osallistujiksi:

Nimi: Maija Mallikas
Organisaatio: Omnia
Rooli: koulutuspäällikkö
Aihe: asiakaslähtöisyys kiinnostaa

Kirjoitin tästä jo 5.10. Kiitos!
"""
    assert split_new_text(text) == text.strip()


def test_a_person_quoting_a_colleague_in_prose_is_not_history() -> None:
    text = "Maija kirjoitti minulle, että hänkin tulee.\nTulen siis kahden hengen kanssa."
    assert split_new_text(text) == text


def test_only_history_gives_empty_text() -> None:
    assert split_new_text("> vanha viesti\n> toinen rivi\n") == ""
    assert split_new_text("") == ""


def test_line_endings_and_blank_runs_are_tidied() -> None:
    assert split_new_text("Tulen.\r\n\r\n\r\n\r\nMaija\r\n\r\n") == "Tulen.\n\nMaija"


def test_text_below_quoted_runs_with_blank_lines_between_is_kept_once_spaced() -> None:
    text = "Tulen.\n> vanha 1\n\n> vanha 2\n   \n> vanha 3\nJa kollega myös.\n\n\n"
    assert split_new_text(text) == "Tulen.\n\nJa kollega myös."


def test_history_words_in_quoted_lines_do_not_cut_the_text_below() -> None:
    text = ("Kyllä.\n> Lähettäjä: Verkosto <v@example.org>\n> Lähetetty: 2.11.2026\n"
            "> -----Alkuperäinen viesti-----\n> Sent from my iPhone\nTerveisin Maija")
    assert split_new_text(text) == "Kyllä.\nTerveisin Maija"


@pytest.mark.parametrize("line", ["ſent from my iPhone", "Lähetetty İPHONESTA",
                                  "SENT FROM MY IPHONE"])
def test_history_words_match_in_any_case_as_the_patterns_do(line: str) -> None:
    # letters re.IGNORECASE equates with s and i although they do not lower-case to them
    assert split_new_text(f"Tulen.\n{line}") == "Tulen."


def test_a_from_line_is_a_header_block_only_with_a_header_line_after_it() -> None:
    block = "Tulen.\n\nFrom: Verkosto <v@example.org>\n\n\nSent: Monday\nSubject: Päivä\n\nvanha"
    assert split_new_text(block) == "Tulen."
    not_block = "Tulen.\n\nFrom: Maija\n> lainaus\nkiitos"
    assert split_new_text(not_block) == "Tulen.\n\nFrom: Maija\nkiitos"


@pytest.mark.parametrize("unit", ["From: x\nSent: y\n", "-- \n", "On 1.1. a@b.test wrote:\n",
                                  "> q\nx\n"])
def test_many_history_looking_lines_take_linear_work(unit: str) -> None:
    assert_linear(split_new_text, lambda size: "Tulen.\n" + unit * (size // len(unit)), 20_000)


def test_every_history_check_has_words_to_look_for_first() -> None:
    # a check without hint words would be tried on every line of every mail
    from mailflow.core.languages.lexicon import known
    from mailflow.core.reading.quotes import _patterns

    for kind, words in _patterns(known()).hint_words:
        assert words, kind
        assert "" not in words, kind
