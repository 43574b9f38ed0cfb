"""Value columns a converter's column guess put in one: made as many again.

pymupdf4llm rebuilds a table from the positions of a PDF's text, and where two narrow
columns stand close it may guess one column for both. The header cell then holds both
headers, one a printed line, and each row's cell both values::

    |信息内容|本年制发件数<br>本年废止件数|现行有效件数|
    |规章|—<br>0|1|
    |行政规范性文件|—|8|

Read as one column, ``—<br>0`` was text and the row's 8 went under 本年废止件数.

Where all three of table 二's measures stand that close, one cell holds all three headers
and each row's cell its three values (``|规章|0<br>0<br>17|``): read as one cell, the lines
were joined as a number wrapped in its box — 0, 0, 3 read as 3 and 1, 0, 3 as 103.

A header cell whose lines are two or more value columns' headers, each the column the
template prints right before the next (:func:`~ogi.readers.cutcells.template_predecessors`),
is that many columns. The rows under it, up to the next row that prints a label in the
column, are split with it where each is one of:

* as many lines as headers, each one value (``—<br>0``): the first line is the first
  column's, the second the second's, and so on;
* empty: every column empty;
* one mark for none (``—``, ``/``, ``无``): every column is null whichever of them the mark
  stands in (the others are blank), so the mark is written in the first and the others are
  empty — the cells' values are the same either way; only which the findings call marked
  and which blank may be the other way round (a cell spanning them is read by the aligner
  as one value and put the row's next value under the second column).

A row holding one number there cannot be split (which column is it?), and then nothing in
the table is: it is read as before. The cells keep their place in the file."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter

from ..document import Cell, Table
from ..template.normalize import label_key
from .cutcells import column_keys, template_predecessors
from .md_continued import is_value
from .spans import is_label

_LINES = re.compile(r"<br */?>|\n")
_MARK = re.compile(r"[—\-–－‒/／无×]+")
MIN_MERGED_HEADERS = 2  # the fewest headers one guessed column holds, a printed line each

_TEXT = attrgetter("text")  # (speed: read in C)


def split_merged_columns(table: Table) -> Table:
    """``table`` with every column holding two value columns made two (see the module
    docstring); the same object when there is none."""
    texts = "\0".join(map(_TEXT, table.cells))  # a cell's line break, looked for once in C first
    if ("<br" not in texts and "\n" not in texts) \
            or not any(("<br" in c.text or "\n" in c.text) and header_run(c.text) for c in table.cells):
        return table  # no header cell holds two headers a line each
    result = table
    for _ in range(table.n_cols):
        found = _one_split(result)
        if found is None:
            return result
        result = found
    return result


def _lines(text: str) -> list[str]:
    return [t.strip() for t in _LINES.split(text) if t.strip()]


@lru_cache(maxsize=1 << 12)
def header_run(text: str) -> bool:
    lines = _lines(text)
    if len(lines) < MIN_MERGED_HEADERS or not all(label_key(t) in column_keys() for t in lines):
        return False
    before = template_predecessors()
    return all(label_key(a) in before.get(label_key(b), ()) for a, b in pairwise(lines))


def _one_split(table: Table) -> Table | None:
    rows: dict[int, dict[int, Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, {})[cell.col] = cell
    order = sorted(rows)
    for i, r in enumerate(order):
        for col, head in rows[r].items():
            if head.rowspan != 1 or head.colspan != 1 or not header_run(head.text):
                continue
            split = _split_band(rows, order, i, col)
            if split is not None:
                return _widened(table, head, split)
    return None


def _split_band(rows: dict[int, dict[int, Cell]], order: list[int], i: int,
                col: int) -> dict[int, list[Cell]] | None:
    """Row → the cells that replace its cell in ``col``, for the header row ``order[i]`` and
    the rows under it; None where a row cannot be split."""
    head = rows[order[i]][col]
    heads = _lines(head.text)
    n = len(heads)
    out = {head.row: [_cell(head, text, col + k) for k, text in enumerate(heads)]}
    for r in order[i + 1:]:
        cell = rows[r].get(col)
        if cell is None:
            continue
        if is_label(cell.text):
            break  # the next header
        if cell.rowspan != 1 or cell.colspan != 1:
            return None
        lines = _lines(cell.text)
        if not lines:
            out[r] = [_cell(cell, "", col + k) for k in range(n)]
        elif len(lines) == n and all(map(is_value, lines)):
            out[r] = [_cell(cell, text, col + k) for k, text in enumerate(lines)]
        elif len(lines) == 1 and _MARK.fullmatch(lines[0]):
            out[r] = [_cell(cell, lines[0], col)] + [_cell(cell, "", col + k) for k in range(1, n)]
        else:
            return None
    return out


def _cell(cell: Cell, text: str, col: int) -> Cell:
    return Cell(text, cell.row, col, 1, 1, cell.pos, cell.confidence)


def _widened(table: Table, head: Cell, split: dict[int, list[Cell]]) -> Table:
    """The table with the split cells in place and every cell right of the column (or
    spanning it) as many columns further as the column was split into more."""
    col = head.col
    more = len(split[head.row]) - 1
    out: list[Cell] = []
    for cell in table.cells:
        if cell.col == col and cell.row in split:
            out.extend(split[cell.row])
        elif cell.col > col:
            out.append(Cell(cell.text, cell.row, cell.col + more, cell.rowspan, cell.colspan, cell.pos, cell.confidence))
        elif cell.col + cell.colspan > col:  # spans the column: spans the new ones too
            out.append(Cell(cell.text, cell.row, cell.col, cell.rowspan, cell.colspan + more, cell.pos, cell.confidence))
        else:
            out.append(cell)
    return Table(out, table.pos)


__all__ = ["MIN_MERGED_HEADERS", "header_run", "split_merged_columns"]
