"""html_to_text on tables: a row of one-line cells is one line joined by " | "."""

from __future__ import annotations

import pytest

from mailflow.core.reading.htmltext import html_to_text
from mailflow.core.reading.quotes import split_new_text
from tests.work import assert_linear

WORD_TABLE = (
    '<div class="WordSection1"><p class="MsoNormal">Hei,<o:p></o:p></p>'
    '<table class="MsoTableGrid" border="1">'
    '<tr><td><p class="MsoNormal"><b>Nimi</b><o:p></o:p></p></td>'
    '<td><p class="MsoNormal"><b>Tehtävä</b><o:p></o:p></p></td>'
    '<td><p class="MsoNormal"><b>Sähköposti</b><o:p></o:p></p></td></tr>'
    '<tr><td><p class="MsoNormal">Eeva Eskola<o:p></o:p></p></td>'
    '<td><p class="MsoNormal">apulaisrehtori<o:p></o:p></p></td>'
    '<td><p class="MsoNormal"><a href="mailto:eeva@stadi.test">eeva@stadi.test</a></p></td></tr>'
    '</table><p class="MsoNormal">Terveisin<br>Anna</p></div>'
)


def test_outlook_word_table_rows_become_lines_with_cell_boundaries() -> None:
    assert html_to_text(WORD_TABLE) == (
        "Hei,\n\nNimi | Tehtävä | Sähköposti\nEeva Eskola | apulaisrehtori | eeva@stadi.test"
        "\n\nTerveisin\nAnna"
    )


def test_unclosed_cells_and_rows_still_keep_their_boundaries() -> None:
    html = "<table><tr><th>Name<th>Email<tr><td>Jari Juntunen<td>jari@keuda.test</table>"
    assert html_to_text(html) == "Name | Email\nJari Juntunen | jari@keuda.test"


def test_a_comma_inside_a_cell_stays_inside_it() -> None:
    html = "<table><tr><td>Jari</td><td>Team leader, apprenticeships</td></tr></table>"
    assert html_to_text(html) == "Jari | Team leader, apprenticeships"


def test_a_layout_table_keeps_its_paragraphs() -> None:
    html = ("<table><tr><td><p>Hei,</p><p>ilmoittaudun verkostoon.</p></td>"
            "<td>logo</td></tr></table>")
    assert html_to_text(html) == "Hei,\n\nilmoittaudun verkostoon.\nlogo"


def test_empty_cells_do_not_make_separators() -> None:
    html = "<table><tr><td>a</td><td> </td><td>b</td></tr><tr><td></td><td>c</td></tr></table>"
    assert html_to_text(html) == "a | b\nc"


def test_a_quoted_table_stays_quoted() -> None:
    html = "<p>Tulen.</p><blockquote><table><tr><td>a</td><td>b</td></tr></table></blockquote>"
    assert html_to_text(html) == "Tulen.\n\n> a | b"


def test_nested_tables() -> None:
    html = ("<table><tr><td><table><tr><td>x</td><td>y</td></tr></table></td>"
            "<td>z</td></tr></table>")
    assert html_to_text(html) == "x | y | z"


@pytest.mark.parametrize("unit", ["<table>", "<tr>", "<td>", "<table><tr><td>", "</td></tr>",
                                  "<td>x</td>", "<tr><td>a<td>b"])
def test_hostile_table_markup_takes_linear_work(unit: str) -> None:
    assert_linear(html_to_text, lambda size: unit * (size // len(unit)), 20_000)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<style>p{}<p>x</p></style><p>Tulen.</p>", "Tulen."),  # tags in a style are its text
        ("<p>Tulen.</p><script>var a = '<p>x'", "Tulen."),  # unclosed script: the rest is its
        ("<P CLASS=MsoNormal>Tulen<BR/>Maija</P>", "Tulen\nMaija"),
        ("<p>a < b > c &amp; d</p>", "a < b > c & d"),
        # an unbalanced quote before ">" makes the tag text (_defuse)
        ("<p>Tulen</ p><p>x</p x><p title='a>b'>y</p>", "Tulen\n\nx\n<p title='a>b'>y"),
        ("<img alt='Maija' src=x/><img src='y' alt=\"Olli\">", "MaijaOlli"),
        ("<td>a</td><p\x0b>b", "ab"),  # "p\x0b" is a tag name of its own, not <p>
        ("<p>Terveisin<o:p></o:p></p><p>> Maija <maija@omnia.test></p>", "Terveisin\n\n> Maija"),
        ("<p>a</p>\n<p></p> <p>&lt;b&#10;c</p>\r\n<P>d</P><p>\xa0</p>", "a\n\n<b c\n\nd"),
        ("<blockquote><p>a</p><p>b</p></blockquote><p>c</p>", "> a\n>\n> b\n\nc"),
    ],
)
def test_markup_reads_as_html_parser_reads_it(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


# -- the big clients' history containers ------------------------------------------------
# Header wording in languages no pack knows (Estonian, Hungarian, Turkish): the container
# alone tells where history starts.
GMAIL_REPLY = (
    '<div dir="ltr">Tulen mukaan.</div><br><div class="gmail_quote"><div dir="ltr" '
    'class="gmail_attr">ma 7.12.2026 klo 9.00 Verkosto &lt;verkosto@example.org&gt; '
    'kirjutas:<br></div><blockquote class="gmail_quote" style="margin:0">Tervetuloa'
    "</blockquote></div>"
)
GMAIL_FORWARD = (
    '<div dir="ltr">Katso alta.<br><br><div class="gmail_quote"><div dir="ltr" '
    'class="gmail_attr">---------- Forwarded message ---------<br>From: <strong>Olli'
    "</strong> &lt;olli@keuda.test&gt;<br>Date: ma 7.12.2026<br>Subject: Ilmoittautuminen"
    '<br>To: &lt;anna@keuda.test&gt;<br></div><br><br><div dir="ltr">Ilmoitan Ollin.</div>'
    "</div></div>"
)
OUTLOOK_WEB = (
    '<div>Jag kommer.</div><div id="appendonsend"></div><hr style="display:inline-block;'
    'width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>'
    "Saatja:</b> Verkosto &lt;verkosto@example.org&gt;<br><b>Saadetud:</b> 7. detsember "
    "2026<br><b>Teema:</b> Kutsu</font><div>&nbsp;</div></div><div>Tervetuloa</div>"
)
OUTLOOK_MAC = (
    '<div>Kiitos, tulen.</div><span id="OLK_SRC_BODY_SECTION"><div><b>Feladó: </b>Verkosto'
    "<br><b>Dátum: </b>2026.12.07<br></div><div>Tervetuloa</div></span>"
)
OUTLOOK_DESKTOP = (
    "<div class=WordSection1><p class=MsoNormal>Tulen.<o:p></o:p></p><div style=\"border:"
    'none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class=MsoNormal><b>'
    "Kimden:</b> Verkosto<br><b>Gönderildi:</b> 7 Aralık 2026<br><b>Konu:</b> Kutsu<o:p>"
    "</o:p></p></div><p class=MsoNormal>Tervetuloa<o:p></o:p></p></div>"
)
THUNDERBIRD = (
    '<p>I will come.</p><div class="moz-cite-prefix">7.12.2026 9.00, Verkosto kirjutas:<br>'
    '</div><blockquote type="cite">Tervetuloa</blockquote>'
)
APPLE_MAIL = (
    '<div>Jag kommer.</div><div><br><blockquote type="cite"><div>7 dec. 2026 kl. 09:00 '
    "skrev Verkosto &lt;verkosto@example.org&gt;:</div><br><div>Välkommen</div>"
    "</blockquote></div>"
)


@pytest.mark.parametrize(
    ("html", "new_text"),
    [
        (GMAIL_REPLY, "Tulen mukaan."),
        (OUTLOOK_WEB, "Jag kommer."),
        (OUTLOOK_MAC, "Kiitos, tulen."),
        (OUTLOOK_DESKTOP, "Tulen."),
        (THUNDERBIRD, "I will come."),
        (APPLE_MAIL, "Jag kommer."),
    ],
    ids=["gmail", "outlook-web", "outlook-mac", "outlook-desktop", "thunderbird", "apple"],
)
def test_history_in_a_clients_container_is_cut_whatever_its_language(
    html: str, new_text: str
) -> None:
    assert split_new_text(html_to_text(html)) == new_text


def test_a_container_starts_with_a_separator_line_in_the_text() -> None:
    assert html_to_text(OUTLOOK_MAC).splitlines()[:3] == ["Kiitos, tulen.", "", "_" * 32]


def test_a_forward_in_gmails_container_is_kept() -> None:
    kept = split_new_text(html_to_text(GMAIL_FORWARD))
    assert kept.startswith("Katso alta.\n\n---------- Forwarded message ---------\nFrom: Olli")
    assert kept.endswith("Ilmoitan Ollin.")


def test_a_container_read_by_html_parsers_own_path_is_marked_too() -> None:
    # an unquoted attribute value sends the tag to html.parser's parse_starttag
    html = "<p>Tulen.</p><div id=divRplyFwdMsg x=a`b><b>Saatja:</b> V</div><p>vanha</p>"
    assert "_" * 32 in html_to_text(html)
    assert split_new_text(html_to_text(html)) == "Tulen."


@pytest.mark.parametrize("unit", ['<div class="gmail_quote">', "gmail_quote ", "<div id=divRplyFwdMsg>"])
def test_many_container_marks_take_linear_work(unit: str) -> None:
    assert_linear(html_to_text, lambda size: unit * (size // len(unit)), 20_000)
