"""HTML mail to readable plain text, with the stdlib's ``html.parser`` only.

Keeps paragraphs, line breaks and list items; drops ``script``, ``style``, ``head``
and similar; decodes entities; turns ``<blockquote>`` into ``> `` quoted lines so
that quote stripping treats it like plain-text history. A table row whose cells are
each one line becomes one line with the cells joined by `` | `` ("Nimi | Rooli |
Sähköposti"), so a list of people sent as a table keeps its columns; a row with a
longer cell (a layout table) gives each cell's lines in turn. Outlook's Word HTML
(``<div class=WordSection1>``, ``<o:p>``, conditional comments) reads as its text.
Never raises on malformed markup.
"""

from __future__ import annotations

import contextlib
import re
from html import unescape

from mailflow.core.reading.htmlblocks import HISTORY_MARKS, SPACES, TextBuilder

__all__ = ["html_to_text"]

_TAG_CANDIDATE = re.compile(r"<[^<>]*>?")
_STARTTAG_OPEN = re.compile(r"<[a-zA-Z]")  # as html.parser's


def _without_comments(html: str) -> str:
    """Drop ``<!-- ... -->`` (Outlook's conditional VML included); linear even if unclosed."""
    out: list[str] = []
    i = 0
    while True:
        start = html.find("<!--", i)
        if start < 0:
            out.append(html[i:])
            break
        out.append(html[i:start])
        end = html.find("-->", start + 4)
        if end < 0:
            break  # an unclosed comment runs to the end
        i = end + 3
    return "".join(out)


def _tag_or_escaped(match: re.Match[str]) -> str:
    """One tag candidate (``<[^<>]*>?``) defused: kept if it is a complete, quote-balanced
    tag; its ``<`` escaped otherwise; "" for ``<!...>`` and ``<?...>``.

    html.parser rescans unterminated constructs at every ``<`` (quadratic on hostile
    input such as ``<a x=<a x=...``); so it only ever meets complete tags."""
    tag = match.group(0)
    if tag.startswith(("<!", "<?")):
        return ""  # declarations, CDATA, Outlook's <![if ...]>, processing instructions
    balanced = tag.endswith(">") and tag.count('"') % 2 == 0 and tag.count("'") % 2 == 0
    return tag if balanced else "&lt;" + tag[1:]


_WS = "[\t\n\r\f ]"
#: A well-formed start tag that _tag_or_escaped keeps as it is (no "<" or ">" inside,
#: every quote paired) and whose name html.parser reads exactly so (its tagfind_tolerant:
#: ``<o:p>``, and ``<maija@omnia.test>`` in quoted text, are tags to it too).
_ATTRIBUTES = (
    rf"(?:{_WS}+[a-zA-Z_:][-a-zA-Z0-9_:.]*"
    rf"(?:{_WS}*={_WS}*(?:\"[^\"'<>]*\"|'[^'\"<>]*'|[^\s\"'=<>`/]+(?=[\t\n\r\f >])))?)*"
)
_SIMPLE_START = re.compile(rf"<([a-zA-Z][^\t\n\r\f />\x00<\"']*){_ATTRIBUTES}{_WS}*(/?)>")
_SIMPLE_END = re.compile(rf"</([a-zA-Z][-.a-zA-Z0-9:_]*){_WS}*>")  # as html.parser's endtagfind
_PARAGRAPH = re.compile(r"<[pP]>([^<]*)</[pP]>")  # a paragraph of text only
_PARAGRAPHS = re.compile(r"(?:[ \t\r\n]*<[pP]>[^<]*</[pP]>)+")


def _inner_text(inner: str) -> str:
    """A text-only paragraph's text as handle_data collects it."""
    if "&" in inner:
        inner = unescape(inner)
    return inner.replace("\r", " ").replace("\n", " ")


class _FastBuilder(TextBuilder):
    """The same builder fed by a quicker loop than ``_defuse`` + html.parser's ``feed``.

    Each ``<`` starts a tag candidate of _defuse (``<[^<>]*>?``) on its own, so the
    defusing is done in the same left-to-right pass: a well-formed tag (most of them) is
    read by two regexes; an escaped candidate becomes text, a declaration vanishes; any
    other tag goes to html.parser's own ``parse_starttag`` / ``parse_endtag`` at that
    spot. Text is unescaped in the same runs as html.parser unescapes it, so the events
    are the ones ``feed(_defuse(html))`` + ``close`` gave (checked against it on the
    tests' HTML and on fuzzed markup), without its line counting and per-tag callbacks.
    """

    marks: list[int]  # where HISTORY_MARKS are in the html read, in order
    next_mark = 0  # the first of them not passed yet

    def read(self, html: str) -> None:
        """Feed ``html`` (comments already removed) and close."""
        self.rawdata = html
        self.marks = sorted(at for mark in HISTORY_MARKS for at in _all_at(html, mark))
        self.next_mark = 0
        text: list[str] = []  # the run of text up to the next tag, unescaped at once
        i, n = 0, len(html)
        while i < n:
            if self.cdata_elem:  # <script>/<style>: dropped text up to its end tag
                found = self.interesting.search(html, i)
                if found is None:
                    break  # unclosed: the rest is its content
                i = self._slow_tag(html, found.start())
                continue
            j = html.find("<", i)
            if j < 0:
                text.append(html[i:])
                break
            if i < j:
                text.append(html[i:j])
            i = self._tag(html, j, text)
        self._text(text)
        self.rawdata = ""

    def _paragraph(self, inner: str, text: list[str]) -> None:
        """``<p>inner</p>`` outside tables, pre and dropped elements: the events of the
        start tag, the text and the end tag, with the second flush written out."""
        self._text(text)
        self._flush(blank=True)  # <p>: leaves current empty, line_depth = quote_depth
        line = SPACES.sub(" ", _inner_text(inner)).strip()
        prefix = "> " * self.quote_depth
        if line:
            self.lines.append(prefix + line)
        elif self.lines and self.lines[-1].strip("> ") != "":
            self.lines.append(prefix.rstrip())

    def _paragraphs(self, inners: list[str]) -> None:
        """More text-only paragraphs right after one, with only white space between them:
        each ``<p>`` flushes a blank line after a line with text, each text is a line."""
        prefix = "> " * self.quote_depth
        blank = prefix.rstrip()
        lines = self.lines
        for inner in inners:
            if lines and lines[-1].strip("> ") != "":
                lines.append(blank)
            line = SPACES.sub(" ", _inner_text(inner)).strip()
            if line:
                lines.append(prefix + line)

    def _text(self, text: list[str]) -> None:
        if text:
            self.handle_data(unescape("".join(text)))
            text.clear()

    def _tag(self, html: str, i: int, text: list[str]) -> int:
        if not (self.tables or self.pre_depth or self.drop_depth):
            paragraph = _PARAGRAPH.match(html, i)
            if paragraph is not None:
                self._paragraph(paragraph.group(1), text)
                more = _PARAGRAPHS.match(html, paragraph.end())
                if more is None:
                    return paragraph.end()
                self._paragraphs(_PARAGRAPH.findall(more.group()))
                return more.end()
        start = _SIMPLE_START.match(html, i)
        if start is not None:
            tag = start.group(1).lower()
            if tag != "img":  # the only tag whose attributes are read
                self._text(text)
                if self._marked(i, start.end()) and tag != "blockquote":
                    self.start_history()
                if start.group(2):
                    self.handle_startendtag(tag, [])
                else:
                    self.handle_starttag(tag, [])
                    if tag in self.CDATA_CONTENT_ELEMENTS:
                        self.set_cdata_mode(tag)
                return start.end()
        end = _SIMPLE_END.match(html, i)
        if end is not None:
            self._text(text)
            self.handle_endtag(end.group(1).lower())
            return end.end()
        candidate = _TAG_CANDIDATE.match(html, i)
        assert candidate is not None  # it matches any "<"
        kept = _tag_or_escaped(candidate)
        if kept != candidate.group(0):  # escaped text, or a declaration dropped
            text.append(kept)
            return candidate.end()
        self._text(text)
        return self._slow_tag(html, i)

    def _marked(self, start: int, end: int) -> bool:
        """Is a history mark inside html[start:end]? (marks before it are passed)"""
        marks, at = self.marks, self.next_mark
        found = False
        while at < len(marks) and marks[at] < end:
            found = found or marks[at] >= start
            at += 1
        self.next_mark = at
        return found

    def _slow_tag(self, html: str, i: int) -> int:
        """What html.parser's goahead does at a ``<`` (at the end of input)."""
        n = len(html)
        if _STARTTAG_OPEN.match(html, i):
            k = self.parse_starttag(i)
        elif html.startswith("</", i):
            k = self.parse_endtag(i)
        elif html.startswith("<!--", i):
            k = self.parse_comment(i)
        elif html.startswith("<?", i):
            k = self.parse_pi(i)
        elif html.startswith("<!", i):
            k = self.parse_html_declaration(i)
        elif i + 1 < n:
            self.handle_data("<")
            k = i + 1
        else:  # a lone "<" at the very end: html.parser gives it as data on close
            self.handle_data("<")
            return n
        if k < 0:
            k = html.find(">", i + 1)
            if k < 0:
                k = html.find("<", i + 1)
                k = i + 1 if k < 0 else k
            else:
                k += 1
            data = html[i:k]
            self.handle_data(data if self.cdata_elem else unescape(data))
        return k


def _all_at(text: str, mark: str) -> list[int]:
    found = []
    at = text.find(mark)
    while at >= 0:
        found.append(at)
        at = text.find(mark, at + 1)
    return found


def html_to_text(html: str) -> str:
    """Readable text of an HTML document or fragment; "" when nothing readable is left."""
    builder = _FastBuilder()
    # html.parser may still choke on hostile markup; keep what was collected so far.
    with contextlib.suppress(Exception):
        builder.read(_without_comments(html))
    return builder.result()
