"""A row of table 三 or 四 printed as one merged ``0`` or ``无`` over its value columns is one
cell a column (``ogi.extract.merged``); table 二's own spanning cells are left alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ogi.api import read_document
from ogi.document import Table
from ogi.extract import extract
from ogi.extract.merged import merged_rows_split

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "html_html.html"


def _merged(text: str):
    """The sample page, and a copy whose table 三 prints its first all-zero row (and table 四
    its whole value row, if all zero) as one cell of ``text``; the row's key."""
    doc = read_document(SAMPLE.read_bytes(), SAMPLE.name)
    blocks = list(doc.blocks)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and "自然人" in "".join(c.text for c in b.cells))
    table = blocks[at]
    rows: dict[int, list] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    row = next(r for r, cells in sorted(rows.items())
               if len(values := [c for c in cells if c.text.isascii()]) == 7 and all(c.text == "0" for c in values))
    values = sorted((c for c in rows[row] if c.text.isascii()), key=lambda c: c.col)
    first = values[0]
    cells = [c for c in table.cells if c not in values] + [replace(first, text=text, colspan=7)]
    cells.sort(key=lambda c: (c.row, c.col))
    blocks[at] = Table(cells, table.pos)
    label = " ".join(c.text for c in rows[row] if not c.text.isascii())
    return doc, type(doc)(blocks, doc.format, doc.meta), label


def test_a_merged_zero_row_reads_as_seven_zeros():
    doc, merged, label = _merged("0")
    assert merged_rows_split(doc) is doc  # nothing merged: the same document
    upright, read = extract(doc), extract(merged)
    assert read.table3 == upright.table3, label
    assert not [f for f in read.findings if f.code in ("CELL_BLANK", "ROW_MISSING_VALUES")]


def test_a_merged_none_row_is_null_in_every_column_with_a_finding():
    _, merged, label = _merged("无")
    read = extract(merged)
    nulls = [k for k, cells in read.table3.items() for v in cells.values() if v is None]
    assert len(nulls) == 7, label
    assert [f for f in read.findings if f.where and f.where.startswith("table3")]
