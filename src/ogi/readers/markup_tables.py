"""Tables of text markup languages (reStructuredText, AsciiDoc, MediaWiki) rewritten as pipe rows.

Converters write a report page's tables in the table syntax of the markup they are asked
for (``pandoc -t rst``, ``-t asciidoc``, ``-t mediawiki``). Read as plain text, none of these
is a row a line with its cells in order:

* a reStructuredText **grid table** wraps each cell's text inside its column, so a row is
  several lines between ``+----+`` rules, and a label cut in a narrow column reads as
  numbers (``3.危及“三安全一稳定”`` → ``| 3 |`` ⏎ ``| .危及 |``) — the text reader took the ``3``
  for a value, and rows shifted (608 wrong numbers, with findings, in 18 reports);
* an **AsciiDoc** table (``|===`` … ``|===``) writes its cells as ``|text`` and wraps a row
  over lines wherever it likes, between cells or between the words of one (``|结果`` ⏎
  ``维持 |结 果 纠 正``): a row is the next *n* cells, *n* the columns its ``cols`` attribute
  lists — taken only where every block of lines between empty lines (pandoc ends each row
  with one) holds whole rows: a page whose own rows are of uneven width (沭阳 2023 prints a
  row of 9 cells beside rows of 10) would put every cell after it a column off;
* a **MediaWiki** table (``{|`` … ``|}``) writes a cell a line (``| text`` or ``! text``), a row
  begun by ``|-``: read as text, every value was a line of its own and nearly nothing was
  placed.

Each such table is rewritten as one pipe-table line per row (``| 规章 | | 0 | 3 |``), every grid
position a cell, blank ones kept — the row of a Markdown pipe table, which the text reader
aligns against the template's grid whatever spans the converter flattened into empty cells
(a TAB line, a browser's copy of a table, holds one field per *cell*: read so, the empty
positions of a flattened ``colspan`` beside a blank value cell put 6 zeros of fresh6's
``zero_blank`` reports a column off, with findings). A ``|`` inside a cell is written ``｜``.
The row's line is the row's first line of the file and its other lines are emptied, so every
line keeps its number for provenance.

Their headings are marked too (``* 标题`` in Org, ``= 标题`` in AsciiDoc, ``= 标题 =`` in MediaWiki,
``h1. {anchor:标题}标题`` in Jira), and read as text the marks stayed in the title: the agency
read was ``*靖江市水利局`` or the title ``h1.{anchor:…}…`` in every report. Where a text holds at
least :data:`MIN_HEADINGS` lines marked the same way (a report's title and its sections), the
marks are taken off those lines, and Org's property drawers (``:PROPERTIES:`` … ``:END:``) and
MediaWiki's empty anchors above a heading (``<span id="标题"></span>``, read as the title in
joint reports) are emptied.

A table is rewritten only when its syntax is whole: a grid table whose every content line
splits into as many cells as its rules have columns (a row or column span, which leaves a
``|`` out, leaves the table as it is), an AsciiDoc table whose cells fill whole rows, a
MediaWiki table with no spans. A cell's wrapped pieces are joined without a space (the
text is Chinese; a number wrapped in a narrow column is one number), but with one between
two Latin letters or digits of words."""

from __future__ import annotations

import re

GRID_RULE = re.compile(r"^\+(?:[-=:]+\+)+$")  # a grid table's rule: +----+====+
ADOC_FENCE = "|==="
ADOC_COLS = re.compile(r"^\[cols=\"([^\"]*)\"")  # [cols=",,,",options="header",]
WIKI_OPEN, WIKI_ROW, WIKI_CLOSE = "{|", "|-", "|}"
_WIKI_SPAN = re.compile(r"\b(?:rowspan|colspan)\s*=")
_LATIN = re.compile(r"[A-Za-z0-9]")
MIN_HEADINGS = 3  # marked lines that make a text one of these markups (a title and two sections)
# a heading's marks, per markup: (pattern, group holding the heading's text)
HEADINGS = (
    (re.compile(r"^(=+) +(.*?) +\1 *$"), 2),  # MediaWiki: == 一、总体情况 ==
    (re.compile(r"^=+ +(.*\S)$"), 1),  # AsciiDoc: === 一、总体情况
    (re.compile(r"^h[1-6]\. +(?:\{anchor:[^}]*\})?(.*)$"), 1),  # Jira: h1. {anchor:标题}标题
    (re.compile(r"^\*+ +(.*\S)$"), 1),  # Org: ** 一、总体情况 (only with a property drawer in the text)
)
# an empty anchor a MediaWiki heading gets on the line above it (its id is the heading's text)
_ANCHOR_LINE = re.compile(r'^<span id="[^"]*"></span>$')


def _join(pieces: list[str]) -> str:
    """A cell's wrapped lines as one text."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and _LATIN.match(out[-1]) and _LATIN.match(piece[0]) and not (out[-1].isdigit() and piece[0].isdigit()):
            out += " "
        out += piece
    return out


def _row(cells: list[str]) -> str:
    """A table row as one line: a pipe table's row (``| a | | b |``)."""
    return "| " + " | ".join(c.replace("|", "｜") for c in cells) + " |"


def markup_tables_as_pipes(text: str) -> str:
    """``text`` with every grid, AsciiDoc and MediaWiki table rewritten as pipe rows and the
    markups' heading marks taken off (the text itself when it holds none)."""
    if "+-" not in text and ADOC_FENCE not in text and WIKI_OPEN not in text and "h1. " not in text \
            and ":PROPERTIES:" not in text and "= " not in text:
        return text
    lines = text.split("\n")
    changed = _grid_tables(lines) | _asciidoc_tables(lines) | _wiki_tables(lines) | _headings(lines)
    return "\n".join(lines) if changed else text


def _headings(lines: list[str]) -> bool:
    """Take the heading marks off (see the module docstring)."""
    org = any(line.strip() == ":PROPERTIES:" for line in lines)
    for k, (pattern, group) in enumerate(HEADINGS):
        if k == len(HEADINGS) - 1 and not org:
            continue
        marked = [(i, m) for i, line in enumerate(lines) if (m := pattern.match(line))]
        if len(marked) < MIN_HEADINGS:
            continue
        for i, m in marked:
            lines[i] = m.group(group)
        for i, line in enumerate(lines):
            if _ANCHOR_LINE.match(line):
                lines[i] = ""
        if org:
            in_drawer = False
            for i, line in enumerate(lines):
                if line.strip() == ":PROPERTIES:":
                    in_drawer = True
                if in_drawer:
                    lines[i] = ""
                    in_drawer = line.strip() != ":END:"
        return True
    return False


# ---------------------------------------------------------------- reStructuredText grid tables

def _grid_tables(lines: list[str]) -> bool:
    changed = False
    i = 0
    while i < len(lines):
        if not GRID_RULE.match(lines[i].strip()):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip()[:1] in ("+", "|") and lines[end].strip()[-1:] in ("+", "|"):
            end += 1
        if _grid_table(lines, i, end):
            changed = True
        i = end
    return changed


def _grid_table(lines: list[str], start: int, end: int) -> bool:
    """Rewrite the grid table of ``lines[start:end]`` in place; False (untouched) if any row
    does not split into the rules' columns."""
    n_cols = lines[start].strip().count("+") - 1
    rows: list[tuple[int, list[list[str]]]] = []  # (first line, cells' pieces)
    current: tuple[int, list[list[str]]] | None = None
    for k in range(start, end):
        line = lines[k].strip()
        if GRID_RULE.match(line):
            if line.count("+") - 1 != n_cols:
                return False
            current = None
            continue
        fields = line[1:-1].split("|")
        if not line.startswith("|") or not line.endswith("|") or len(fields) != n_cols:
            return False
        if current is None:
            current = (k, [[] for _ in range(n_cols)])
            rows.append(current)
        for cell, piece in zip(current[1], fields):
            cell.append(piece)
    if not rows:
        return False
    for k in range(start, end):
        lines[k] = ""
    for first, cells in rows:
        lines[first] = _row([_join(c) for c in cells])
    return True


# ---------------------------------------------------------------- AsciiDoc tables

def _asciidoc_tables(lines: list[str]) -> bool:
    changed = False
    i = 0
    while i < len(lines):
        if lines[i].strip() != ADOC_FENCE:
            i += 1
            continue
        end = next((k for k in range(i + 1, len(lines)) if lines[k].strip() == ADOC_FENCE), None)
        if end is None:
            break
        m = ADOC_COLS.match(lines[i - 1].strip()) if i else None
        if m and _asciidoc_table(lines, i, end, m.group(1).count(",") + 1):
            lines[i - 1] = ""
            changed = True
        i = end + 1
    return changed


def _asciidoc_table(lines: list[str], fence: int, end: int, n_cols: int) -> bool:
    cells: list[tuple[int, str]] = []  # (line, text)
    chunk = 0  # cells since the last empty line: pandoc ends a row (or the header's rows) with one
    for k in range(fence + 1, end):
        line = lines[k].strip()
        if not line:
            if chunk % n_cols:
                return False  # a row of another width: the cells cannot be told into rows
            chunk = 0
            continue
        if not line.startswith("|"):
            if not cells:
                return False  # text before the first cell: not the plain syntax
            k0, text = cells[-1]  # pandoc wraps a long row between the words of a cell: its text goes on
            head, _, rest = line.partition("|")
            cells[-1] = (k0, _join([text, head]))
            if not rest:
                continue
            line = "|" + rest
        pieces = line[1:].split("|")
        cells += [(k, piece.strip()) for piece in pieces]
        chunk += len(pieces)
    if not cells or len(cells) % n_cols or chunk % n_cols:
        return False
    for k in range(fence, end + 1):
        lines[k] = ""
    for r in range(0, len(cells), n_cols):
        row = cells[r:r + n_cols]
        lines[row[0][0]] = _row([text for _, text in row])
    return True


# ---------------------------------------------------------------- MediaWiki tables

def _wiki_text(piece: str) -> str:
    """A cell's text: after its attributes (``style="…" | text``), if it has any."""
    head, bar, tail = piece.partition("|")
    return (tail if bar and "=" in head else piece).strip()


def _wiki_tables(lines: list[str]) -> bool:
    changed = False
    i = 0
    while i < len(lines):
        if not lines[i].startswith(WIKI_OPEN):
            i += 1
            continue
        end = next((k for k in range(i + 1, len(lines)) if lines[k].startswith(WIKI_CLOSE)), None)
        if end is None:
            break
        if _wiki_table(lines, i, end):
            changed = True
        i = end + 1
    return changed


def _wiki_table(lines: list[str], start: int, end: int) -> bool:
    rows: list[tuple[int, list[str]]] = []
    current: tuple[int, list[str]] | None = None
    for k in range(start + 1, end):
        line = lines[k]
        if line.startswith(WIKI_ROW):
            current = None
            continue
        if not line.startswith(("|", "!")):
            if current is None or not current[1]:
                return False
            current[1][-1] += line.strip()  # a cell's text continued on the next line
            continue
        sep = "!!" if line.startswith("!") else "||"
        pieces = line[1:].split(sep)
        if any(_WIKI_SPAN.search(p.split("|")[0]) for p in pieces if "|" in p):
            return False  # a span: the row's positions are not its cells'
        if current is None:
            current = (k, [])
            rows.append(current)
        current[1].extend(_wiki_text(p) for p in pieces)
    if not rows or len({len(cells) for _, cells in rows}) != 1:
        return False
    for k in range(start, end + 1):
        lines[k] = ""
    for first, cells in rows:
        lines[first] = _row(cells)
    return True


__all__ = ["markup_tables_as_pipes"]
