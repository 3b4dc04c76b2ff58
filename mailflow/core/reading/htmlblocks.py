"""HTML parser events to lines of text: blocks, line breaks, list items, quotes, tables.

:class:`TextBuilder` is the html.parser subclass that ``htmltext`` feeds; it keeps
paragraphs, drops ``script``/``style``/``head`` and the like, prefixes ``<blockquote>``
lines with ``> `` and joins a table row of one-line cells with `` | ``.

The containers in which the big clients put quoted history (:data:`HISTORY_MARKS`:
Gmail's ``gmail_quote``, Outlook's ``divRplyFwdMsg`` and ``OLK_SRC_BODY_SECTION`` and
its desktop header's top border, Thunderbird's ``moz-cite-prefix``, Yahoo's
``yahoo_quoted``) start with a line of underscores, the separator Outlook writes in
plain text: reply trimming cuts there whatever language the client wrote its header
in, and keeps what follows when it is a forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["HISTORY_LINE", "HISTORY_MARKS", "SPACES", "TextBuilder", "is_history_container"]

_DROP = frozenset({"script", "style", "head", "title", "template", "noscript", "xml", "svg"})
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "table", "tr", "ul", "ol",
        "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "form",
        "fieldset", "center", "hr", "tbody", "thead", "main", "nav", "aside", "body", "html",
    }
)
_CELL = frozenset({"td", "th"})
SPACES = re.compile(r"[ \t\f\v\u00a0\u200b]+")
_MAX_DEPTH = 200
_MAX_TABLES = 50  # deeper nesting is read as plain blocks
_CELL_SEPARATOR = " | "
#: What marks a start tag of a client's history container (as the clients write it).
HISTORY_MARKS = (
    "gmail_quote", "divRplyFwdMsg", "OLK_SRC_BODY_SECTION", "moz-cite-prefix",
    "yahoo_quoted", "border-top:solid #E1E1E1", "border-top:solid #B5C4DF",
)
HISTORY_LINE = "_" * 32


def is_history_container(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Does this start tag open a client's history container? (a blockquote is one
    anyway: its lines are quoted)"""
    if tag == "blockquote":
        return False
    values = " ".join(value for name, value in attrs if value and name in ("id", "class", "style"))
    return any(mark in values for mark in HISTORY_MARKS)


@dataclass
class _Row:
    """One open ``<tr>``: where its output goes and the lines of its finished cells."""

    target: list[str]
    cells: list[list[str]] = field(default_factory=list)
    cell_open: bool = False


@dataclass
class _Table:
    row: _Row | None = None


class TextBuilder(HTMLParser):
    """Collects text lines; tracks blockquote depth as a ``> `` prefix."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.quote_depth = 0
        self.drop_depth = 0
        self.pre_depth = 0
        self.line_depth = 0  # quote depth of the line being built
        self.tables: list[_Table] = []

    # -- line handling -------------------------------------------------------
    def _flush(self, blank: bool = False) -> None:
        text = "".join(self.current) if self.current else ""
        if text and not self.pre_depth:
            text = SPACES.sub(" ", text).strip()
        if text:
            self.lines.append("> " * self.line_depth + text)
        elif blank and self.lines and self.lines[-1].strip("> ") != "":
            self.lines.append(("> " * self.line_depth).rstrip())
        if self.current:
            self.current = []
        self.line_depth = self.quote_depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.drop_depth = min(self.drop_depth + 1, _MAX_DEPTH)
            return
        if self.drop_depth:
            return
        if attrs and is_history_container(tag, attrs):
            self.start_history()
        if not self._start_structure(tag):
            self._start_other(tag, attrs)

    def start_history(self) -> None:
        """A client's history container starts: a line of underscores before it."""
        self._flush(blank=True)
        self.lines.append("> " * self.quote_depth + HISTORY_LINE)

    def _start_structure(self, tag: str) -> bool:
        """A line break, a quote, a list item or a part of a table: False for any other."""
        if tag == "br":
            self._flush()
        elif tag == "blockquote":
            self._flush(blank=True)
            self.quote_depth = min(self.quote_depth + 1, _MAX_DEPTH)
            self.line_depth = self.quote_depth
        elif tag == "li":
            self._flush()
            self.current.append("- ")
        elif tag == "table" and len(self.tables) < _MAX_TABLES:
            self._flush(blank=True)
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self._start_row()
        elif tag in _CELL and self.tables:
            self._start_cell()
        else:
            return False
        return True

    def _start_other(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A block, a cell outside any table, an image's alt text."""
        if tag in _BLOCK:
            self._flush(blank=tag in {"p", "table", "ul", "ol", "hr"} or tag.startswith("h"))
            if tag == "pre":
                self.pre_depth += 1
        elif tag in _CELL:
            self.current.append(" ")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            if alt.strip():
                self.current.append(alt.strip())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.drop_depth = max(self.drop_depth - 1, 0)
            return
        if self.drop_depth:
            return
        if tag == "blockquote":
            self._flush()
            self.quote_depth = max(self.quote_depth - 1, 0)
            self.line_depth = self.quote_depth
            self._flush(blank=True)
        elif tag == "li":
            self._flush()
        elif tag == "table" and self.tables:
            self._end_row()
            self.tables.pop()
            self._flush(blank=True)
        elif tag == "tr" and self.tables:
            self._end_row()
        elif tag in _CELL and self.tables:
            self._end_cell()
        elif tag in _BLOCK:
            if tag == "pre":
                self.pre_depth = max(self.pre_depth - 1, 0)
            self._flush(blank=tag == "p" or tag.startswith("h"))

    def handle_data(self, data: str) -> None:
        if self.drop_depth:
            return
        if not self.current:
            self.line_depth = self.quote_depth
        if self.pre_depth:
            parts = data.split("\n")
            for part in parts[:-1]:
                self.current.append(part)
                self._flush()
            self.current.append(parts[-1])
        else:
            self.current.append(data.replace("\r", " ").replace("\n", " "))

    # -- tables --------------------------------------------------------------
    def _start_row(self) -> None:
        self._end_row()
        self._flush()
        self.tables[-1].row = _Row(target=self.lines)

    def _start_cell(self) -> None:
        if self.tables[-1].row is None:
            self._start_row()
        row = self.tables[-1].row
        assert row is not None
        self._end_cell()
        self._flush()
        row.cell_open = True
        self.lines = []

    def _end_cell(self) -> None:
        row = self.tables[-1].row
        if row is None or not row.cell_open:
            return
        self._flush()
        row.cells.append(self.lines)
        row.cell_open = False
        self.lines = row.target

    def _end_row(self) -> None:
        row = self.tables[-1].row
        if row is None:
            return
        self._end_cell()
        self.tables[-1].row = None
        self.lines = row.target
        cells = [c for c in row.cells if any(line.strip("> ") for line in c)]
        texts = [[line for line in c if line.strip("> ")] for c in cells]
        if len(cells) > 1 and all(len(t) == 1 for t in texts):
            prefix = "> " * self.quote_depth
            joined = _CELL_SEPARATOR.join(t[0].removeprefix(prefix).strip() for t in texts)
            self.lines.append(prefix + joined)
        else:
            for cell in cells:
                self.lines.extend(cell)

    def result(self) -> str:
        self._flush()
        while self.tables:
            self._end_row()
            self.tables.pop()
        while self.lines and not self.lines[-1].strip("> "):
            self.lines.pop()
        return "\n".join(self.lines)
