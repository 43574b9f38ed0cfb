"""Table 三 printed turned over its diagonal, read by turning it back.

The 2019 and 2021 formats print table 三 with the applicants as columns (自然人, 法人或其他组织's
five, 其他 … 总计) and the requests' outcomes as rows (一、本年新收 … 四、结转下年度继续办理).
Some agencies lay it out the other way round — a landscape page, a table built by hand — with
the applicants down the first column and the outcomes across the header rows. Read as printed,
every row label stands where no row may (TEMPLATE_DEVIATION on each) and no value is placed.

A grid says which way it is printed with certainty: the five organisations' headers (商业企业 …
法律服务机构, labels no other table or row of the format uses) are one a row in one column when
the table is turned, one a column in one row when it is not. This pass runs on the document
before it is read: a table whose five organisation headers stand each exactly once, in five
different rows of one column, and which also prints table 三's first row label (一、本年新收政府
信息公开申请数量) in a row above them, and no label of table 二 or 四 (a grid of a page's
tables one under another: a CSV), is turned back — each cell's row and column, and its row
and column spans, exchanged — and then read as any table 三 (its applicant columns ordered by
their headers, :mod:`ogi.extract.colorder`, and placed by the aligner, whose identities check
every value). Each table turned gives a note the extractor turns into a TEMPLATE_DEVIATION
finding. A table whose merged cells text flattened (a Markdown pipe table, a browser's copy with
TABs) keeps its rows but not its grid: :mod:`ogi.extract.rows_turned` rebuilds it from its rows.
Running text with no table at all (a crawler's line, a PDF's text layer) keeps no rows to turn:
there the row labels still stand where no row may and the cells stay null with their findings.
"""

from __future__ import annotations

from dataclasses import replace

from ..document import Document, Table
from ..model import Finding
from ..template import APPLICANT_COLUMNS, FORMATS
from ..template.normalize import label_key
from .rows_turned import flat_turned_lines, flat_turned_rebuilt, flat_turned_split, may_hold_flat_turned

# the five organisations' headers: one a column in the format, used nowhere else in it
_ORGANISATIONS = frozenset(label_key(m.label) for m in APPLICANT_COLUMNS[1:-1])
_FIRST_ROW_LABEL = FORMATS["2021"].table3.rows[0].label or ""
_FIRST_ROW_KEY = label_key(_FIRST_ROW_LABEL)  # 一、本年新收政府信息公开申请数量, both formats
# labels of tables 二 and 四: a grid holding them holds more than table 三 (a CSV of a page's
# tables one under another), and turning it would turn them too
_OTHER_TABLES = (label_key("行政许可"), label_key("行政复议"))


def tables_turned_back(doc: Document) -> tuple[Document, int]:
    """``doc`` with every table 三 printed turned over (applicants as rows) turned back, and
    how many were; the same document and 0 when none is."""
    blocks = list(doc.blocks)
    turned = 0
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        if _is_turned(block):
            blocks[i] = _turn(block)
            turned += 1
        elif may_hold_flat_turned([block]) and (rebuilt := flat_turned_rebuilt(block)) is not None:  # its header flattened as text
            blocks[i] = rebuilt
            turned += 1
    if may_hold_flat_turned(blocks):
        blocks, lines = flat_turned_lines(blocks)  # ... or printed as lines of text
        blocks, split = flat_turned_split(blocks)  # ... or cut in two at a page break
        turned += lines + split
    return (replace(doc, blocks=blocks), turned) if turned else (doc, 0)


def _is_turned(table: Table) -> bool:
    """Do the five organisation headers stand once each, one a row, in one column, below
    table 三's first row label?"""
    found: dict[str, list[tuple[int, int]]] = {}
    first_label_rows: list[int] = []
    for cell in table.cells:
        text = cell.text
        if not text or text.isascii():
            continue  # a number or a blank: no header
        key = label_key(text)
        if key.startswith(_OTHER_TABLES):
            return False
        if key in _ORGANISATIONS:
            found.setdefault(key, []).append((cell.row, cell.col))
        elif key.startswith(_FIRST_ROW_KEY):
            first_label_rows.append(cell.row)
    if len(found) != len(_ORGANISATIONS) or any(len(at) != 1 for at in found.values()):
        return False
    places = [at[0] for at in found.values()]
    rows, cols = {r for r, _ in places}, {c for _, c in places}
    return (len(rows) == len(places) and len(cols) == 1
            and bool(first_label_rows) and min(first_label_rows) < min(rows))


def _turn(table: Table) -> Table:
    """The table turned over its diagonal: rows become columns, spans exchanged."""
    cells = [replace(c, row=c.col, col=c.row, rowspan=c.colspan, colspan=c.rowspan) for c in table.cells]
    cells.sort(key=lambda c: (c.row, c.col))
    return Table(cells, table.pos)


def turned_finding() -> Finding:
    return Finding.of(
        "TEMPLATE_DEVIATION", "表三行列互换印出(申请人各类为行、办理情况为列),已转回规定格式读入",
        "table 三 is printed turned over (applicants as rows, outcomes as columns); read turned back", "table3")


__all__ = ["tables_turned_back", "turned_finding"]
