"""Merged cells that a spreadsheet unmerged and filled, merged back.

Excel and WPS can "unmerge and fill" a table: every merged cell becomes as many cells as it
covered, each holding the merged cell's text. A report's tables come back with table 三's
row labels printed three times across the label columns (``一、本年新收政府信息公开申请数量``
in each of the three slots that one label cell spanned), ``法人或其他组织`` over each of its
five columns, and ``行政复议`` over each of its five. Read as they stand, such a row's label
is seen three times in a row and the aligner drops the row as printed out of its place.

The official format never prints one label twice side by side in a row: wherever two
neighbouring cells of one row hold the same label, they are the one merged cell they were.
So this pass, run on the document before it is read, joins every run of cells that

- lie in the same row, with the same rowspan, each starting where the one before ends;
- hold the same text (spaces aside);
- and hold a label, not a value: the text has at least :data:`LABEL_MIN_HAN` Chinese
  characters, is no number (``12件``) and no mark a cell is left blank with (``暂无``, ``空白``)

into one cell spanning their columns, at the first one's position. Values are never joined:
two neighbouring ``0`` cells are two cells. A table with no such run is the same table.

Labels repeated down a column (``三、本年度办理结果`` in each of its 22 rows) are left as they
are: a label printed beside each row of its group reads as its group already.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Cell, Document, Table
from .tokens import cell_value

LABEL_MIN_HAN = 2  # Chinese characters a cell needs to be a label (a blank mark is one: 无, 空)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BLANK_MARKS = re.compile(r"^(?:暂无|无|空白|空|不适用)+$")  # a value cell left blank, in words
_SPACES = re.compile(r"\s+")


def filled_cells_merged(doc: Document) -> Document:
    """``doc`` with every run of a row's neighbouring cells repeating one label merged into one
    cell; the same document when no table has such a run."""
    blocks = None
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Table) and _has_run(block.cells):
            if blocks is None:
                blocks = list(doc.blocks)
            blocks[i] = Table(_merged(block.cells), block.pos)
    return doc if blocks is None else replace(doc, blocks=blocks)


def _joins(a: Cell, b: Cell) -> bool:
    """Whether ``b`` continues ``a``'s filled span: the same row and height, right after it,
    the same label."""
    return (a.row == b.row and a.rowspan == b.rowspan and a.col + a.colspan == b.col
            and _key(a.text) == _key(b.text) and is_label(a.text))


def _has_run(cells: list[Cell]) -> bool:
    # readers list a row's cells left to right, so a run is two cells next in the list
    return any(_joins(a, b) for a, b in zip(cells, cells[1:]))


def _merged(cells: list[Cell]) -> list[Cell]:
    rows: dict[int, list[Cell]] = {}
    for c in cells:
        rows.setdefault(c.row, []).append(c)
    out: list[Cell] = []
    for row in rows.values():
        row.sort(key=lambda c: c.col)
        run = row[0]
        span = run.colspan
        for c in row[1:]:
            if _joins(replace(run, colspan=span), c):
                span += c.colspan
                continue
            out.append(replace(run, colspan=span) if span != run.colspan else run)
            run, span = c, c.colspan
        out.append(replace(run, colspan=span) if span != run.colspan else run)
    return out


def _key(text: str) -> str:
    return _SPACES.sub("", text)


def is_label(text: str) -> bool:
    """Whether a cell's text is a label (or header), never a value or a blank mark."""
    t = _key(text)
    return (len(_HAN.findall(t)) >= LABEL_MIN_HAN and cell_value(t) is None
            and not _BLANK_MARKS.match(t))


__all__ = ["filled_cells_merged", "is_label", "LABEL_MIN_HAN"]
