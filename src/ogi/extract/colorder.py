"""Table 三's applicant columns in another order than the template's, read by their headers.

The aligner places a row's values by position: the first value is 自然人's, the last 总计's.
A report whose table 三 prints its applicant columns in another order — an agency that built
the table by hand, put 总计 first, or swapped 商业企业 and 科研机构 — would have every value
of the swapped columns read into the wrong column, and no identity would notice: a row's
total is the same whatever the order of its parts. Measured before this rule: 106 silent
wrong numbers in 78 synthetic reports with two columns swapped (header and values).

Where the table is a grid (a web page, a Word file, a PDF's ruled or positioned table, a
Markdown pipe table), its header says which column is which. This pass runs on the
document before it is read: in a table where each of the seven applicant headers
(:data:`~ogi.template.formats.APPLICANT_COLUMNS`: 自然人 … 总计) is found exactly once, as a
cell one column wide, and they do not stand in the template's order, every cell one column
wide in those columns — headers and values alike — is moved to the column its header takes
in the template's order. A cell spanning columns stays where it is if the columns it spans
only change places among themselves (``申请人情况`` over all seven, ``法人或其他组织`` over
its five); a table where a header is missing or repeated, or a cell spans columns that move
apart, is left as it is (the aligner reads it by position, as
before). Each table reordered gives a note the extractor turns into a TEMPLATE_DEVIATION
finding, so a reviewer sees that the report departs from the format.

Where the table is running text (a crawler's, a text browser's, Markdown whose header row
lost its spans), nothing says which value stands under which header, and the order in
which the header's words are read is no evidence either: converters print a two-row
header's cells in different orders and wrap them (``商业 企业 科研机构 社会公 ⏎ 益组织``). A
rule that left table 三 null when the five organisations' headers were read out of order
nulled 2,506 right cells of pandoc's text of Word files and 175 of pdfminer's on 100
synthetic reports, so it was not kept: there a swapped column is still read by position
(measured in docs/renderings.md §11)."""

from __future__ import annotations

from dataclasses import replace

from ..document import Cell, Document, Table
from ..template.formats import APPLICANT_COLUMNS
from ..template.normalize import label_key

_HEADERS = tuple(label_key(m.label) for m in APPLICANT_COLUMNS)


def columns_in_template_order(doc: Document) -> tuple[Document, list[str]]:
    """``doc`` with every table 三 whose applicant columns are in another order put in the
    template's order, and one note (the order printed) per table reordered; the same
    document and no notes when there is none."""
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


def _header_columns(table: Table) -> list[int] | None:
    """The column of each applicant header, in the template's order, where each is found
    exactly once as a cell one column wide; else None."""
    found: dict[str, list[Cell]] = {}
    for cell in table.cells:
        key = label_key(cell.text)
        if key in _HEADERS:
            found.setdefault(key, []).append(cell)
    if len(found) != len(_HEADERS) or any(len(cells) != 1 or cells[0].colspan != 1 for cells in found.values()):
        return None
    return [found[key][0].col for key in _HEADERS]


def _reordered(table: Table) -> tuple[Table, str] | None:
    columns = _header_columns(table)
    if columns is None or columns == sorted(columns) or len(set(columns)) != len(columns):
        return None
    target = dict(zip(columns, sorted(columns)))  # printed column → the column it takes
    for cell in table.cells:
        span = set(range(cell.col, cell.col + cell.colspan))
        if cell.colspan > 1 and {target.get(c, c) for c in span} != span:
            return None  # a cell spanning columns that move apart: which its value is cannot be told
    cells = [replace(cell, col=target[cell.col]) if cell.col in target else cell for cell in table.cells]
    cells.sort(key=lambda c: (c.row, c.col))
    printed = "、".join(m.label for _, m in sorted(zip(columns, APPLICANT_COLUMNS), key=lambda p: p[0]))
    return Table(cells, table.pos), printed


__all__ = ["columns_in_template_order"]
