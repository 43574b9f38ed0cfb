"""Rows a converter's row guess put in one: made as many again.

pymupdf4llm rebuilds a table from the positions of a PDF's text, and where two short rows
stand close it may guess one row for both. The row's label cell then holds both labels, one
a printed line, and each value cell both values::

    |(五)不<br>予处理|3.要求提供公开出版物<br>4.无正当理由大量反复申请|4<br>4|0<br>0|…|4<br>4|

Read as one row, ``4<br>4`` was a number wrapped in a narrow box and read as 44 (a wrong
number, with a finding from the row's sum, in fresh9's wild44 ``remark_column``).

A row is *stacked* when one of its cells holds :data:`MIN_STACKED` or more lines that each
begin with a sub-row's numbering (``3.`` ``4.``), numbered one after another — two labels,
never one label wrapped (a wrapped label's next line goes on with its words). It is split
into as many rows where every cell that holds a value holds exactly as many lines, each one
value (or is empty): line *k* of each goes to row *k*. A cell of words (the group label
beside it, ``(五)不<br>予处理``; a remark, ``均在法定<br>期限内答<br>复``) cannot be cut by
line — its lines are its box's wrapping, not its rows — so it stays whole in the first row
and the others are empty there: a group label is the group's whatever row it stands in, and
a remark is no value. A stacked row whose values do not split so is left as it is (its
cells are null with a finding, as before). Every row below moves down to make room; the
cells keep their place in the file.

The reader's pass over a Markdown file's text (``pandoc_marks``) joins a cell's digit lines
as one wrapped number; it leaves the cells of a stacked row as they are (:func:`stacked_labels`),
so they reach this split."""

from __future__ import annotations

import re
from operator import attrgetter

from ..document import Cell, Table
from .md_continued import is_value

MIN_STACKED = 2  # labels one guessed row holds, a printed line each

_LINES = re.compile(r"<br */?>|\n")
_NUMBERING = re.compile(r"(\d{1,2})[.．、]\s*\S")  # a sub-row's label: 3.要求提供公开出版物

_TEXT = attrgetter("text")  # (speed: read in C)


def _lines(text: str) -> list[str]:
    return [t.strip() for t in _LINES.split(text) if t.strip()]


def stacked_labels(text: str) -> int:
    """How many sub-row labels a cell's text holds a line each, numbered one after another
    (``3.…<br>4.…`` is 2); 0 where it is not such a cell."""
    lines = _lines(text)
    if len(lines) < MIN_STACKED:
        return 0
    numbers = [_NUMBERING.match(line) for line in lines]
    if not all(numbers):
        return 0
    first = int(numbers[0].group(1))  # type: ignore[union-attr]
    if [int(m.group(1)) for m in numbers] != list(range(first, first + len(lines))):  # type: ignore[union-attr]
        return 0
    return len(lines)


def split_stacked_rows(table: Table) -> Table:
    """``table`` with every stacked row made as many rows (see the module docstring); the
    same object when there is none."""
    texts = "\0".join(map(_TEXT, table.cells))  # a cell's line break, looked for once in C
    if "<br" not in texts and "\n" not in texts:
        return table
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    split: dict[int, list[list[Cell]]] = {}
    for r, cells in rows.items():
        parts = _split_row(cells)
        if parts is not None:
            split[r] = parts
    if not split:
        return table
    out: list[Cell] = []
    for cell in table.cells:
        shift = sum(len(split[r]) - 1 for r in split if r < cell.row)
        if cell.row in split:
            continue
        spans_split = sum(len(split[r]) - 1 for r in split if cell.row < r < cell.row + cell.rowspan)
        out.append(Cell(cell.text, cell.row + shift, cell.col, cell.rowspan + spans_split, cell.colspan,
                        cell.pos, cell.confidence))
    for r, parts in split.items():
        shift = sum(len(split[q]) - 1 for q in split if q < r)
        for k, part in enumerate(parts):
            out.extend(Cell(c.text, r + shift + k, c.col, 1, c.colspan, c.pos, c.confidence) for c in part)
    out.sort(key=lambda c: (c.row, c.col))
    return Table(out, table.pos)


def _split_row(cells: list[Cell]) -> list[list[Cell]] | None:
    """The row's cells as the rows it stacks, or None where it is no stacked row or its
    values do not split a line a row."""
    if any(c.rowspan != 1 for c in cells):
        return None
    n = max((stacked_labels(c.text) for c in cells), default=0)
    if not n:
        return None
    parts: list[list[Cell]] = [[] for _ in range(n)]
    values = 0
    for cell in cells:
        lines = _lines(cell.text)
        if stacked_labels(cell.text) == n:
            for k, line in enumerate(lines):
                parts[k].append(_with(cell, line))
        elif not lines:
            for part in parts:
                part.append(_with(cell, ""))
        elif any(map(is_value, lines)):
            if len(lines) != n or not all(map(is_value, lines)):
                return None
            values += 1
            for k, line in enumerate(lines):
                parts[k].append(_with(cell, line))
        else:  # words: a group label, a remark — whole, in the first row
            parts[0].append(_with(cell, "".join(lines)))
            for part in parts[1:]:
                part.append(_with(cell, ""))
    return parts if values else None


def _with(cell: Cell, text: str) -> Cell:
    return Cell(text, cell.row, cell.col, 1, cell.colspan, cell.pos, cell.confidence)


__all__ = ["MIN_STACKED", "split_stacked_rows", "stacked_labels"]
