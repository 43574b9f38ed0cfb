"""Two values with units a converter put in one cell, the cell before left empty: two cells.

A report that prints its counts with a unit (``0件``) makes its text wider than the numbers a
PDF-to-Markdown converter's column guess was made for (pymupdf4llm): a value drifts right
into the next column's cell and leaves its own empty::

    一、本年新收… | 60件 | 0件 | 0件 | 0件 | (empty) | 0件0件 | 60件

Read as printed, ``0件0件`` was one text cell and the row lost a column; every cell after it
stood one place left.

(and ``| (empty) | 11件5件379件 | (empty) |`` where three drifted). A cell is that many cells
again where all of this holds: its text is *n* ≥ 2 values each ending in a unit agencies
print (件, 个, 项, 次, 条, 份 — a bare ``00`` may be one number, a unit ends a value for
certain); the empty cells right before and right after it number *n* − 1; and they are the
row's only empty cells from its first value on — so the row, split, prints a value in every
column, as the rest of the table does. The values fill the run of cells in their printed
order, left to right; each keeps the glued cell's place in the file."""

from __future__ import annotations

import re
from operator import attrgetter

from ..document import Cell, Table
from .md_continued import is_value

# values glued, each a number and a unit (the units of counts and of items agencies print)
_ONE = r"[0-9０-９]+\s*[件个项次条份]"
_GLUED = re.compile(rf"\s*(?:{_ONE}\s*){{2,}}")
_VALUES = re.compile(_ONE)
# a number, its unit and the next number: what every glued cell holds (cells joined by NUL, no \s)
_TWO_GLUED = re.compile(r"[0-9０-９]\s*[件个项次条份]\s*[0-9０-９]")
_TEXT = attrgetter("text")


def split_glued_units(table: Table) -> Table:
    """``table`` with every cell holding unit-ended values beside as many empty cells made
    that many cells (see the module docstring); the same object when there is none."""
    if not _TWO_GLUED.search("\0".join(map(_TEXT, table.cells))) \
            or not any(_GLUED.fullmatch(c.text) for c in table.cells):
        return table  # (the first test, one search in C, is what a glued cell holds at least)
    rows: dict[int, dict[int, Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, {})[cell.col] = cell
    new: dict[tuple[int, int], Cell] = {}
    for cells in rows.values():
        for cell in list(cells.values()):
            if _GLUED.fullmatch(cell.text):
                new.update(_split(cells, cell))
    if not new:
        return table
    return Table([new.get((c.row, c.col), c) for c in table.cells], table.pos)


def _split(cells: dict[int, Cell], cell: Cell) -> dict[tuple[int, int], Cell]:
    """The cells a glued cell and the empty cells around it become, or nothing."""
    values = _VALUES.findall(cell.text)
    run = [cell]
    for step in (-1, 1):  # the empty cells right before and right after it
        col = cell.col + step
        while (c := cells.get(col)) is not None and not c.text.strip():
            run.append(c)
            col += step
    run.sort(key=lambda c: c.col)
    if len(run) != len(values) or not _single(*run):
        return {}
    start = min(c.col for c in cells.values() if is_value(c.text) or c is cell)
    empty = {c.col for c in cells.values() if c.col >= start and not c.text.strip()}
    if empty != {c.col for c in run if c is not cell}:
        return {}  # another empty cell in the row: the values may belong there
    return {(c.row, c.col): Cell(v.strip(), c.row, c.col, 1, 1, cell.pos, cell.confidence) for c, v in zip(run, values)}


def _single(*cells: Cell) -> bool:
    return all(c.rowspan == 1 and c.colspan == 1 for c in cells)


__all__ = ["split_glued_units"]
