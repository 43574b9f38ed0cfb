"""A row of table 三 or table 四 printed as one merged ``0`` (or ``无``) over its value columns.

Agencies with nothing to report in a row sometimes merge its value cells into one and write a
single ``0`` or ``无`` across them. A reader keeps a merged cell once, at its first column, so
the row would read one value and leave the others blank: the aligner places the ``0`` under
the first applicant (or result) and the rest null with findings.

What such a cell states is certain where the template gives every column under it a count of
its own: in table 三 (seven applicant columns) and table 四 (fifteen result columns) no
official cell spans value columns, and counts are never negative, so a ``0`` over columns that
include their total says each is 0, and one over parts alone says each part is 0. ``无`` says
the same as each cell's own ``无`` would (null by schema.md, with the reader's finding). Table
二 is left alone: its format does print one value over several columns (a 2021 row's single
count spans its three), so a merged ``0`` there is the format's own cell.

This pass runs on the document before it is read: in a table that prints table 三's seven
applicant headers (each once) or table 四's result headers, and no table 二 label, a cell whose
text is ``0`` or ``无``, lying below the headers and spanning only columns that have a header
of their own, becomes one such cell per column (the same text and position).
"""

from __future__ import annotations

from dataclasses import replace

from ..document import Cell, Document, Table
from ..template import APPLICANT_COLUMNS
from ..template.formats import T4_RESULTS
from ..template.normalize import label_key

_T3_HEADERS = frozenset(label_key(m.label) for m in APPLICANT_COLUMNS)
_T4_HEADERS = frozenset(label_key(m.label) for m in T4_RESULTS[:-1])  # 总计 is table 三's too
_TABLE2_MARK = label_key("行政许可")  # a row of table 二: its format spans one value over columns
_ALL_OF_ROW = frozenset({"0", "０", "无"})


def merged_rows_split(doc: Document) -> Document:
    """``doc`` with every merged all-zero (or 无) value row of table 三 and 四 split into one
    cell per column; the same document when there is none."""
    blocks = list(doc.blocks)
    changed = False
    for i, block in enumerate(blocks):
        if isinstance(block, Table) and any(c.colspan > 1 and c.text.strip() in _ALL_OF_ROW for c in block.cells):
            split = _split(block)
            if split is not None:
                blocks[i], changed = split, True
    return replace(doc, blocks=blocks) if changed else doc


def _value_columns(table: Table) -> tuple[set[int], int] | None:
    """The columns a table 三 or 四 header names, and the last header row; None for any other
    table (or one that also holds table 二's rows)."""
    t3: dict[str, list[Cell]] = {}
    t4: list[Cell] = []
    for cell in table.cells:
        text = cell.text
        if not text or text.isascii():
            continue
        key = label_key(text)
        if key == _TABLE2_MARK:
            return None
        if key in _T3_HEADERS:
            t3.setdefault(key, []).append(cell)
        if key in _T4_HEADERS or key == label_key(T4_RESULTS[-1].label):
            t4.append(cell)
    if len(t3) == len(_T3_HEADERS) and all(len(c) == 1 and c[0].colspan == 1 for c in t3.values()):
        heads = [c[0] for c in t3.values()]
    elif {label_key(c.text) for c in t4} >= _T4_HEADERS:
        heads = [c for c in t4 if c.colspan == 1]
    else:
        return None
    return {c.col for c in heads}, max(c.row + c.rowspan - 1 for c in heads)


def _split(table: Table) -> Table | None:
    found = _value_columns(table)
    if found is None:
        return None
    columns, header_end = found
    cells: list[Cell] = []
    for cell in table.cells:
        span = range(cell.col, cell.col + cell.colspan)
        if (cell.colspan > 1 and cell.rowspan == 1 and cell.row > header_end
                and cell.text.strip() in _ALL_OF_ROW and all(c in columns for c in span)):
            cells += [replace(cell, col=c, colspan=1) for c in span]
        else:
            cells.append(cell)
    if len(cells) == len(table.cells):
        return None
    return Table(cells, table.pos)


__all__ = ["merged_rows_split"]
