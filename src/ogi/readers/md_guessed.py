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


__all__ = ["GLUED", "guessed_tables_as_lines"]
