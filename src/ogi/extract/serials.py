"""A 序号 column numbering a table's rows, taken out of the grid before it is read.

Some agencies add a first column 序号 to table 二 (and now and then to another table): each
block's header row prints ``序号`` over it and each item row a serial number, ``1`` … ``n``
over the whole table or again from ``1`` in each block. The format has no such column. Read
as it stands, each serial is a number in a row whose label follows it: the aligner cannot
place it in any of the row's cells and reports it (ROW_AMBIGUOUS "1 个数值无法确定所属的行 …
未采用: 3") — a warning on every row of a table read right, which a reviewer would chase.

The serials are no cells of the report, so this pass drops them from a grid where nothing
else can be meant: a cell reading ``序号`` (its key, spaces aside) heads a column, and every
cell below it in that column, down to the next ``序号`` or the table's end, is

- a whole number printed alone (``3``, not ``3件`` or ``-3``), spanning that one column, with a
  label (a cell holding Chinese text) right of it in its row; or another label, a caption
  row spanning the column (``主动公开…`` widened over it) — which stays;

and the numbers, taken down the column in row order, run ``1, 2, 3 …``: each the one before
plus one, or ``1`` again right after a ``序号`` header (a numbering restarted by block). A
column that fails any of this — a skipped or repeated number, a number with no label beside
it, a value printed under ``序号`` — is left as it is, and read as before.

Text renderings that glue the serials to the labels are the crawler passes' concern
(:mod:`.crawl_serial`); this pass reads grids only (HTML, DOCX, Markdown, TAB text).
"""

from __future__ import annotations

import re
from dataclasses import replace
from operator import attrgetter

from ..document import Cell, Document, Table
from ..template.normalize import label_key

SERIAL_HEADER = "序号"
MAX_SERIAL = 99  # a table's rows: more than this is no serial numbering
MIN_SERIALS = 2  # serials a grid needs to show a numbering of its own (one more may go on from a grid before)
_WHOLE = re.compile(r"^\s*(\d{1,2})\s*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_TEXT = attrgetter("text")
_SEP = "\x00"  # between cells' texts joined for the gate: no cell holds it, so no match spans two


def serial_columns_dropped(doc: Document) -> Document:
    """``doc`` with every table's 序号 column's serial numbers taken out (see the module's
    docstring); ``doc`` itself where no table prints one."""
    if not any(isinstance(b, Table) and SERIAL_HEADER in _SEP.join(map(_TEXT, b.cells)) for b in doc.blocks):
        return doc  # the gate (each table's texts joined in C): no cell names the column
    blocks: list = []
    last = 0  # the numbering so far: a rendering may print each block of the table as a grid of its own
    for block in doc.blocks:
        if isinstance(block, Table):
            block, last = _dropped(block, last)
        blocks.append(block)
    if all(a is b for a, b in zip(blocks, doc.blocks)):
        return doc
    return replace(doc, blocks=blocks)


def _dropped(table: Table, last: int) -> tuple[Table, int]:
    """``table`` without its serial cells, and the last serial; ``table`` and ``last`` where
    it has none."""
    serials: set[int] = set()  # id()s of the cells to drop
    for col in sorted({c.col for c in table.cells if _is_header(c)}):
        found = _serials_in(table, col, last)
        if found:
            serials.update(map(id, found[0]))
            last = found[1]
    if not serials:
        return table, last
    return replace(table, cells=[c for c in table.cells if id(c) not in serials]), last


def _is_header(cell: Cell) -> bool:
    return cell.colspan == 1 and label_key(cell.text) == SERIAL_HEADER


def _serials_in(table: Table, col: int, last: int) -> tuple[list[Cell], int] | None:
    """The serial cells of the column ``col`` (under its 序号 headers) and the last serial, or
    None where the column is not a numbering the module's docstring describes (``last``: the
    serial a grid before it ended with, which its numbering may go on from)."""
    by_row: dict[int, list[Cell]] = {}
    for cell in table.cells:
        by_row.setdefault(cell.row, []).append(cell)
    heads = sorted(c.row for c in table.cells if c.col == col and _is_header(c))
    found: list[Cell] = []
    went_on = False
    after_head = True  # right after a 序号 header: the numbering may go on, or start again at 1
    for row in range(heads[0] + 1, max(by_row) + 1):
        cells = sorted(by_row.get(row, []), key=lambda c: c.col)
        here = next((c for c in cells if c.col == col), None)
        if here is not None and _is_header(here):
            after_head = True  # a block's own header: its numbering may start again
            continue
        number = _WHOLE.match(here.text) if here is not None and here.colspan == 1 else None
        if number is None:
            if here is not None and here.col == col and here.text.strip() and (
                    _DIGIT.search(here.text) or not _HAN.search(here.text)):
                return None  # a value (or a mark, or a count in words: 5件) under 序号: not a numbering
            continue  # a caption or label over the column, or nothing there
        assert here is not None  # (a number was read from it)
        value = int(number.group(1))
        if value > MAX_SERIAL or not (value == last + 1 or value == 1 and after_head):
            return None  # a skipped or repeated number, or a restart not right after a header
        right = next((c for c in cells if c.col > col), None)
        if right is None or not _HAN.search(right.text):
            return None  # no label beside the number: it may be a value
        went_on = went_on or value > 1 and not found  # it goes on from the grid before
        found.append(here)
        last, after_head = value, False
    if len(found) >= MIN_SERIALS or found and went_on:
        return found, last
    return None  # one number alone, starting a numbering: nothing shows it is one


__all__ = ["MAX_SERIAL", "SERIAL_HEADER", "serial_columns_dropped"]
