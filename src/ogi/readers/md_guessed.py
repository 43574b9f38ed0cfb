"""Pipe tables a PDF converter guessed from word positions, read as the lines they print.

A PDF holds no table, only words at positions. A converter that writes a PDF as Markdown
(markitdown's PDF converter, which clusters the page's words into columns) guesses each
table's columns from where words stand, and where its guess is off it shows: a cell holding
two numbers of two printed columns (``| 25 0 |``), beside empty cells that are columns it
invented (``| 916 | | 0 | 5 | 0 | | 25 0 | 946 |`` for a row of seven values); a table cut
after every row or two, each piece with a column count of its own. Read as a grid, each
value took the column its guess gave it: 91 of 7335 cells of fresh8's wild36 in
markitdown's Markdown of the browser's PDF, and 120 of the office suite's, were wrong
numbers (with findings from the sums).

A cell whose text is two or more numbers apart (:data:`GLUED`) is that evidence: no writer
of a table from a grid — a page's, a document's — puts two values in one cell with a space
between, and a grid whose columns the converter guessed is guessed in every table of the
page alike. In a text that holds such a cell, every pipe row (a line that starts and ends
with ``|``) is written as the line the page printed: its non-empty cells in order, a space
between, and its rule rows (``|---|---|``) as empty lines — the shape of a PDF's text, which
the text reader aligns against the template: a row that prints as many values as the row
has columns is placed in order, one that prints fewer is left null with a finding (it
cannot tell which cell the page left blank). Every line keeps its number for provenance.
A text with no such cell is left as it is: its grid is read as a grid; so is a text that
holds a grid table (``+----+``, pandoc's), whose cells wrap their own lines — a table nested
in a layout table's cell prints its rows there as ``|   0   1 |``."""

from __future__ import annotations

import re
from operator import attrgetter

from ..document import Block, Paragraph, Table

# a pipe cell of two or more numbers with spaces between: two printed columns' values in one
GLUED = re.compile(r"\|\s*[-+]?\d[\d,.]*(?:\s+[-+]?\d[\d,.]*)+\s*(?=\|)")
_RULE = re.compile(r"\|[\s\-:|]+\|")
_GRID_RULE = re.compile(r"\+(?:[-=:]+\+)+")  # a grid table's +----+----+


def guessed_tables_as_lines(text: str) -> str:
    """``text`` with its pipe rows written as the lines they print where any cell holds two
    numbers (see the module docstring); the text itself otherwise."""
    lines = text.split("\n")
    if any(_GRID_RULE.fullmatch(line.strip()) for line in lines):
        return text  # a grid table (pandoc's): its cells' lines wrap its own rows, read by markup_tables
    rows = [i for i, line in enumerate(lines) if _is_pipe_row(line)]
    if not any(GLUED.search(lines[i]) for i in rows):
        return text
    for i in rows:
        stripped = lines[i].strip()
        lines[i] = "" if _RULE.fullmatch(stripped) else " ".join(
            cell.strip() for cell in stripped[1:-1].split("|") if cell.strip())
    return "\n".join(lines)


def _is_pipe_row(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 2 and stripped[0] == "|" and stripped[-1] == "|"


# an HTML cell's text that is two or more numbers apart (not one number with its thousands spaced)
# (spaces between: a cell's lines, ``1<br>8``, are a wrapped number's or its rows' values, read as such)
_GLUED_CELL = re.compile(r"\s*[-+]?\d[\d,.]*(?:[ \t\u3000]+[-+]?\d[\d,.]*)+\s*")
_SPACED_THOUSANDS = re.compile(r"\s*\d{1,3}(?: \d{3})+\s*")


def guessed_grids_as_lines(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every table one of whose cells holds two numbers apart written as the
    lines its rows print (non-empty cells in order, a space between, a paragraph a row).

    A PDF converter that writes HTML (pymupdf4llm's ``table_output="html"``) guesses columns
    as its Markdown does, and a guess that put several printed columns in one cell shows the
    same way: ``<td>2 2 13</td>`` under a header cell holding five headers glued (``结果维结果纠
    其他结尚未审总计``), table 四 printed as an image whose text the converter recovered in
    part. Read as a grid, the row's nine numbers were placed as if each cell were one of its
    fifteen columns (6 wrong numbers, with findings, in wild4's ``table_image`` 00026). Read as
    lines, a row that prints fewer values than its row has columns is left null with a
    finding, as for any PDF's text. Other tables are kept as they are."""
    if not any(isinstance(b, Table) and _guessed(b) for b in blocks):
        return blocks
    out: list[Block] = []
    for b in blocks:
        if not (isinstance(b, Table) and _guessed(b)):
            out.append(b)
            continue
        rows: dict[int, list] = {}
        for cell in b.cells:
            rows.setdefault(cell.row, []).append(cell)
        for r in sorted(rows):
            cells = sorted(rows[r], key=lambda c: c.col)
            text = " ".join(" ".join(c.text.split()) for c in cells if c.text.strip())
            if text:
                out.append(Paragraph(text, cells[0].pos))
    return out


_TEXT = attrgetter("text")
# two numbers apart somewhere in a cell: what every cell _GLUED_CELL matches whole holds (a cell's
# text joined to the next by a newline, which the pattern's spaces do not take, so no match spans two)
_TWO_NUMBERS = re.compile(r"\d[\d,.]*[ \t\u3000]+[-+]?\d")


def _guessed(table: Table) -> bool:
    if not _TWO_NUMBERS.search("\n".join(map(_TEXT, table.cells))):
        return False  # no cell holds two numbers apart (nearly every table), asked in C
    return any(_GLUED_CELL.fullmatch(c.text) and not _SPACED_THOUSANDS.fullmatch(c.text) for c in table.cells)


__all__ = ["GLUED", "guessed_grids_as_lines", "guessed_tables_as_lines"]
