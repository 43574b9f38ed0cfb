"""A table continued on the next page whose blank columns a converter dropped: widened again.

A PDF-to-Markdown converter that rebuilds a table from the positions of its text
(pymupdf4llm, with pipe or HTML tables) guesses a part's columns from the text it holds: a
column where nothing is printed is no column. On the page that prints the header, every
column has a header word, so every column is kept; on the next page the table goes on with
no header, and the columns the report left blank there are gone. A report that fills only
自然人 and 总计 of table 三 prints, after a page break::

    |    | (header) |  | 商业企业 | 科研机构 | … | 其他 |   |
    |一、本|年新收…   |26|          |          | … |      |26 |
    ⋮
    |    |5.属于三类内部事务信息|0|0|          ← two cells where the page above has seven

Read by position, the two values stood under 自然人 and 商业企业 (the first two value
columns): every row after the break put its 总计 under 商业企业.

The columns a part without a header keeps are the columns it prints text in, so where the
part before it printed its values in the same number of columns, row after row, those are
the columns. A part *C* (rows of a table, or the tables that follow one another with nothing
between) is widened onto the grid of the part *P* before it where all of this holds:

1. *P* has a header row (words and no value) that prints words over a column its data rows
   leave blank — the reason the column is there at all;
2. every data row of *P* prints a value in exactly the same columns *S* (the others blank),
   and *S* is fewer than *P*'s value columns (columns from the first that holds a value);
3. every row of *C* is labels (or nothing) followed by exactly |*S*| values, none blank,
   and no more label cells than *P* has columns before its first value column.

Each row of *C* is then written on *P*'s grid: its labels ending in the column before the
first value column, its values in the columns *S* in order, empty cells in the others. The
cells keep their text and their place in the file (provenance is unchanged). A part that
prints a value in a column *P* left blank, or a row of another count, is left as it is: its
columns cannot be told, and the aligner reads it as before. A table widened so is the part
*P* of the table right after it (a table broken over three pages)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import add, attrgetter

from ..document import Block, Cell, Table
from .spans import is_label


# a value as agencies print it in a cell: a number (with its unit) or a mark for none
VALUE = re.compile(r"[+\-−—–－]?[\d０-９][\d０-９.,，%％]*\s*(?:件|个|项|次|人次|条|份|万元|元)?|[—\-–－‒/／无×]+")


@dataclass(frozen=True)
class _Grid:
    """The columns of a part with a header: its width, its first value column and the
    columns its data rows print values in."""

    width: int
    first_value: int
    filled: tuple[int, ...]


def widen_continued(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every table part continued without its blank columns widened again
    (see the module docstring); the same list when there is none."""
    if not _may_continue(blocks) or not _may_narrow(blocks):
        return blocks
    out: list[Block] = []
    grid: _Grid | None = None
    changed = False
    for block in blocks:
        if not isinstance(block, Table):
            out.append(block)
            grid = None
            continue
        rows = _rows(block)
        new_rows, grid = _widen_rows(rows, grid)
        if new_rows is rows:
            out.append(block)
            continue
        changed = True
        out.append(Table([c for r in new_rows for c in r], block.pos))
    return out if changed else blocks


_ROW, _COL, _COLSPAN, _ROWSPAN = attrgetter("row"), attrgetter("col"), attrgetter("colspan"), attrgetter("rowspan")
_PLACE = attrgetter("row", "col")


def _may_continue(blocks: list[Block]) -> bool:
    """Whether some table follows another right after it, or holds rows of different cell
    counts — where neither, no part continues another (a quick test before the rows are built)."""
    previous = None
    for block in blocks:
        if isinstance(block, Table):
            if isinstance(previous, Table) or len(set(Counter(map(_ROW, block.cells)).values())) > 1:
                return True
        previous = block
    return False


def _may_narrow(blocks: list[Block]) -> bool:
    """Whether some part may be the first a widening writes: a part *C* is widened only onto
    the grid of the part *P* right before it (or the last part of the table right before,
    tables without cells passed over), so a row of *C* follows a row of *P* where (1, 3)
    *P*'s row spans nothing, *C*'s first row spans nothing, ends in a value and is narrower.
    Where no two rows in turn are so, nothing is widened. A quick test before the rows are
    built: each table's cells are sorted by place in C, each row's width and last cell read
    by ``dict``, and only the rows are walked."""
    before: tuple[int, bool] | None = None  # the width of the row right before, and whether it spans
    for block in blocks:
        if not isinstance(block, Table):
            before = None
            continue
        if not block.cells:
            continue  # no rows: the grid before it goes on to the next table
        cells = sorted(block.cells, key=_PLACE)  # stable: a row's cells as _rows orders them
        rows = list(map(_ROW, cells))
        width = dict(sorted(zip(rows, map(add, map(_COL, cells), map(_COLSPAN, cells)))))  # each row's largest
        last = dict(zip(rows, cells))  # each row's last cell
        spanned = set(compress(rows, map((1).__ne__, map(_COLSPAN, cells))))
        spanned.update(compress(rows, map((1).__ne__, map(_ROWSPAN, cells))))
        for row, w in width.items():  # the rows in order: their pairs were sorted
            if before is not None and w < before[0] and not before[1] and row not in spanned \
                    and is_value(last[row].text):
                return True
            before = (w, row in spanned)
    return False


def _rows(table: Table) -> list[list[Cell]]:
    by_row: dict[int, list[Cell]] = {}
    for cell in table.cells:
        by_row.setdefault(cell.row, []).append(cell)
    return [sorted(by_row[r], key=lambda c: c.col) for r in sorted(by_row)]


@lru_cache(maxsize=1 << 16)
def is_value(text: str) -> bool:
    """Whether a cell's text is one value as agencies print it (``12``, ``3.5万元``, ``—``, ``无``);
    kept per text: cells repeat (``0``, ``/``)."""
    return VALUE.fullmatch(text.strip()) is not None


def _widen_rows(rows: list[list[Cell]], grid: _Grid | None) -> tuple[list[list[Cell]], _Grid | None]:
    """The rows of one table with the parts that continue a part with a header widened, and
    the grid the table leaves for a table right after it."""
    out: list[list[Cell]] = []
    changed = False
    i = 0
    while i < len(rows):
        width = _width(rows[i])
        j = i
        while j < len(rows) and _width(rows[j]) == width:
            j += 1
        part = rows[i:j]
        own = _grid(part)
        if own is not None:
            grid = own
            out.extend(part)
        elif grid is not None and width < grid.width and all(_continues(r, grid) for r in part):
            out.extend(_widened(r, grid) for r in part)
            changed = True
        else:
            grid = None
            out.extend(part)
        i = j
    return (out if changed else rows), grid


def _width(row: list[Cell]) -> int:
    return max(c.col + c.colspan for c in row)


def _grid(part: list[list[Cell]]) -> _Grid | None:
    """The grid of a part whose header names columns its data rows leave blank and whose data
    rows all print values in the same columns (conditions 1 and 2), or None."""
    if any(c.rowspan != 1 or c.colspan != 1 for r in part for c in r):
        return None
    data = [r for r in part if any(is_value(c.text) for c in r)]
    headers = [r for r in part if r not in data and any(is_label(c.text) for c in r)]
    if not data or not headers:
        return None
    filled = {tuple(c.col for c in r if is_value(c.text)) for r in data}
    if len(filled) != 1:
        return None
    (cols,) = filled
    first = cols[0]
    width = _width(part[0])
    if any(c.text.strip() and not is_value(c.text) for r in data for c in r if c.col >= first):
        return None  # words or two values in a cell among the values: not a plain grid
    blank = set(range(first, width)) - set(cols)
    if not blank or not any(c.col in blank and is_label(c.text) for r in headers for c in r):
        return None
    return _Grid(width, first, cols)


def _continues(row: list[Cell], grid: _Grid) -> bool:
    """Whether a row is labels (or nothing) then exactly the grid's count of values (condition 3)."""
    k = len(grid.filled)
    if len(row) < k or any(c.rowspan != 1 or c.colspan != 1 for c in row):
        return False
    labels, values = row[:-k], row[-k:]
    return (all(is_value(c.text) for c in values) and len(labels) <= grid.first_value
            and not any(is_value(c.text) for c in labels))


def _widened(row: list[Cell], grid: _Grid) -> list[Cell]:
    k = len(grid.filled)
    labels, values = row[:-k], row[-k:]
    r = row[0].row
    out = [Cell(c.text, r, grid.first_value - len(labels) + n, 1, 1, c.pos, c.confidence) for n, c in enumerate(labels)]
    out += [Cell(c.text, r, col, 1, 1, c.pos, c.confidence) for col, c in zip(grid.filled, values)]
    taken = {c.col for c in out}
    pos = values[-1].pos
    out += [Cell("", r, col, 1, 1, pos) for col in range(grid.first_value, grid.width) if col not in taken]
    return sorted(out, key=lambda c: c.col)


__all__ = ["VALUE", "is_value", "widen_continued"]
