"""Table 二's rows in another order than the template's, in a grid: put back by their labels.

Table 二 prints its rows in blocks under the 条例's items (第二十条第(一)项: 规章 then 行政规范性文件;
第(六)项: 行政处罚 then 行政强制; 2019's 第(五)项: 行政许可 then 其他对外管理服务事项). An agency
that builds the table by hand may print a pair the other way round. The aligner follows the
template's order, so a row met after the one the template puts after it is taken as out of place:
ignored with a TEMPLATE_DEVIATION, its cells null — safe, but the row's label says which row it is.

Where the table is a grid (a web page, a Word file, a Markdown or CSV table), each row's label
stands in its first cell beside that row's values, so the order can be put back without doubt.
This pass, before the table is read, finds runs of consecutive rows each of which starts with
the label of a table 二 row (:data:`RANKS`: the labels and variants of both formats' rows, in
the template's order — the two formats agree on the order of the rows they share), each once,
each one grid row high, all with the same cells' columns; where a run's labels are not in the
template's order its rows change places (whole rows: label and values move together) into that
order, and a finding names the printed order. A run of one row, a label repeated, a row spanning
rows or cut into other columns leaves the table as printed. Running text is not touched: there a
value's row is its place among the lines, and pdftotext prints table 二 column by column
(docs/renderings.md §69)."""

from __future__ import annotations

from dataclasses import replace
from itertools import compress
from operator import attrgetter, not_

from ..document import Cell, Document, Table
from ..model import Finding
from ..template.formats import FORMATS
from ..template.normalize import label_key


def _ranks() -> dict[str, int]:
    """Each table 二 row label's key (and its variants') → the row's place in the template's
    order: the rows' schema keys in the order the formats print them (the 2019 format's rows
    hold the 2021 format's, in the same order, and two more)."""
    keys: list[str] = []
    for fmt in ("2019", "2021"):
        keys += [row.key for row in FORMATS[fmt].table2.rows if row.key not in keys]
    ranks: dict[str, int] = {}
    for fmt in ("2019", "2021"):
        for row in FORMATS[fmt].table2.rows:
            for text in (row.label, *row.variants):
                if text:
                    ranks.setdefault(label_key(text), keys.index(row.key))
    return ranks


RANKS = _ranks()
MIN_RUN = 2  # rows that can be out of order among themselves
_COL = attrgetter("col")


def rows_in_template_order(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with every grid's runs of table 二 rows printed out of the template's order put
    in it, and a finding for each table; the same document and none where there is none."""
    blocks = list(doc.blocks)
    findings: list[Finding] = []
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            moved = _reordered(block)
            if moved is not None:
                blocks[i], printed = moved
                findings.append(_finding(printed))
    return (replace(doc, blocks=blocks), findings) if findings else (doc, [])


def _reordered(table: Table) -> tuple[Table, list[str]] | None:
    if not _may_run(table):
        return None
    rows = table.rows()
    target: dict[int, int] = {}  # printed row → the row it takes
    printed: list[str] = []
    for run in _runs(rows):
        ranks = [RANKS[label_key(rows[r][0].text)] for r in run]
        if ranks == sorted(ranks):
            continue
        target.update(zip([run[k] for k in sorted(range(len(run)), key=ranks.__getitem__)], run))
        printed.append("、".join(rows[r][0].text.strip() for r in run))
    if not target:
        return None
    cells = [replace(c, row=target.get(c.row, c.row)) for c in table.cells]
    cells.sort(key=lambda c: (c.row, c.col))
    return Table(cells, table.pos), printed


def _may_run(table: Table) -> bool:
    """Can :func:`_runs` find a run at all: do :data:`MIN_RUN` cells of the first column (a run's
    rows start with one each) print a label of table 二? The first column's cells are picked in
    C; most tables (三, 四, a page's others) have none, and their rows are not built."""
    cells = table.cells
    return sum(label_key(c.text) in RANKS for c in compress(cells, map(not_, map(_COL, cells)))) >= MIN_RUN


def _runs(rows: list[list[Cell]]) -> list[list[int]]:
    """Runs of consecutive rows each starting with a table 二 row label, one row high, the
    labels once each and the rows' cells in the same columns."""
    runs: list[list[int]] = []
    run: list[int] = []
    for r, row in enumerate([*rows, []]):
        if row and row[0].col == 0 and label_key(row[0].text) in RANKS and all(c.rowspan == 1 for c in row):
            run.append(r)
            continue
        if len(run) >= MIN_RUN and _alike(rows, run):
            runs.append(run)
        run = []  # a row of anything else (a caption, a header, a row spanning rows) ends a run
    return runs


def _alike(rows: list[list[Cell]], run: list[int]) -> bool:
    keys = [label_key(rows[r][0].text) for r in run]
    shapes = {tuple((c.col, c.colspan) for c in rows[r]) for r in run}
    ranks = [RANKS[k] for k in keys]
    return len(set(ranks)) == len(ranks) and len(shapes) == 1


def _finding(printed: list[str]) -> Finding:
    rows = ";".join(printed)
    return Finding.of(
        "TEMPLATE_DEVIATION", f"表二各行的顺序与规定格式不同(印为:{rows}),已按行标签读入各行",
        f"table 二 prints rows in another order ({rows}); each read by its label", "table2")


__all__ = ["RANKS", "rows_in_template_order"]
