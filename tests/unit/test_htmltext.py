"""html_to_text on tables: a row of one-line cells is one line joined by " | "."""

from __future__ import annotations

import pytest

from mailflow.core.reading.htmltext import html_to_text
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
