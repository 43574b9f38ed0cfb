"""Table 四's result columns in another order than the template's, read by their headers.

Table 四 prints one row of fifteen values: three blocks (行政复议, 行政诉讼's 未经复议直接起诉
and 复议后起诉), each of five results (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). The
aligner places them by position, so a report that prints each block's 总计 first (as some
agencies do, the total before its parts) has every value of a block one column off: 总计's
value read as 结果维持's, 尚未审结's as 总计's. The identity 总计 = the four results fails
where the values are not all zero — wrong numbers, with a finding, not read ones.

Where table 四 is a grid (a web page, a Word file, a PDF's cells, a Markdown or CSV table
with its spans), each block's header says which column is which. This pass, beside
:func:`.colorder.columns_in_template_order` for table 三, finds each block header cell
(:data:`BLOCKS`, by its label's key) that spans as many columns as there are results, and
under it (in a later header row, inside its columns) the five result headers, each once and
one column wide, filling its columns. Where they do not stand in the template's order, every
cell one column wide in those columns — headers and values — moves to the column its header
takes in the template's order; a cell spanning columns moves with them where they stay side
by side (:func:`.colorder.move_columns`: 行政诉讼 over its two blocks stays), else the table is left
as it is. A block whose results cannot be told (a label missing, repeated, abbreviated past
its key) is left as printed, read by position as before. Each block reordered gives a note
the extractor turns into a TEMPLATE_DEVIATION finding."""

from __future__ import annotations

from dataclasses import replace

from ..document import Cell, Document, Table
from ..template.formats import T4_RESULTS
from ..template.normalize import label_key
from .colorder import move_columns

BLOCKS = ("行政复议", "未经复议直接起诉", "复议后起诉")  # the block headers over five result columns each
_BLOCK_KEYS = {label_key(b): b for b in BLOCKS}
_RESULT_KEYS = {label_key(m.label): i for i, m in enumerate(T4_RESULTS)}
_WIDTH = len(T4_RESULTS)


def blocks_in_template_order(doc: Document) -> tuple[Document, list[str]]:
    """``doc`` with every table 四 block whose result columns are in another order put in
    the template's order, and one note per table reordered, its blocks' orders
    (``行政复议:总计、结果维持、…;复议后起诉:…``);
    the same document and no notes when there is none."""
    notes: list[str] = []
    blocks = list(doc.blocks)
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            moved = _reordered(block)
            if moved is not None:
                blocks[i], printed = moved
                notes.append(printed)
    if not notes:
        return doc, notes
    return replace(doc, blocks=blocks), notes


def _reordered(table: Table) -> tuple[Table, str] | None:
    target: dict[int, int] = {}
    notes: list[str] = []
    for block in table.cells:
        if block.colspan != _WIDTH or block.text.isascii() or label_key(block.text) not in _BLOCK_KEYS:
            continue
        columns = _result_columns(table, block)
        if columns is None or columns == sorted(columns):
            continue
        target.update(zip(columns, sorted(columns)))  # printed column → the column it takes
        printed = "、".join(T4_RESULTS[i].label for _, i in sorted(zip(columns, range(_WIDTH))))
        notes.append(f"{_BLOCK_KEYS[label_key(block.text)]}:{printed}")
    if not target:
        return None
    moved = move_columns(table, target)
    return None if moved is None else (moved, ";".join(notes))


def _result_columns(table: Table, block: Cell) -> list[int] | None:
    """The column of each result header under ``block``, in the template's order, where
    each is found once, one column wide, and together they fill the block's columns."""
    span = range(block.col, block.col + block.colspan)
    found: dict[int, list[Cell]] = {}
    for cell in table.cells:
        if cell.row <= block.row or cell.col not in span or cell.text.isascii():
            continue
        at = _RESULT_KEYS.get(label_key(cell.text))
        if at is not None:
            found.setdefault(at, []).append(cell)
    if len(found) != _WIDTH or any(len(cells) != 1 or cells[0].colspan != 1 for cells in found.values()):
        return None
    columns = [found[i][0].col for i in range(_WIDTH)]
    return columns if sorted(columns) == list(span) else None


__all__ = ["BLOCKS", "blocks_in_template_order"]
