"""How the official formats draw the three tables: a grid of cells with their spans.

Every label comes from :mod:`ogi.template.formats`; this module only adds geometry —
which cell spans which rows and columns, and where the header ends (``template.md`` §3).
The renderer, the fill-in form and the synthetic corpus draw tables from these grids.

- Table 二: a label column and three value columns; each 第二十条 item is a caption row
  over all columns, a header row starting ``信息内容``, then its data rows. A row with
  fewer than three values draws its last value cell over the remaining columns.
- Table 三: a 3×3 label block, then ``申请人情况`` over the seven applicant columns;
  ``三、本年度办理结果`` is a vertical cell from ``(一)予以公开`` to ``(七)总计``, and each
  group label sits in the second column beside its sub-rows.
- Table 四: ``行政复议`` over five columns, ``行政诉讼`` over ten, then the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..grid import Grid
from .formats import APPLICANT_COLUMNS, FORMATS, T4_RESULTS, Kind, TableSpec

CAPTION, HEADER, LABEL, VALUE = "caption", "header", "label", "value"

T3_LABEL_COLUMNS = 3  # the label block of table 三 is three columns wide
T3_OUTCOMES = ("granted", "total")  # first and last row under 三、本年度办理结果
T3_OUTCOME_GROUP = "outcomes"


@dataclass(frozen=True)
class GridCell:
    """One drawn cell: a label (``text``) or a value slot (``cell`` = row key, column key)."""

    role: str  # CAPTION | HEADER | LABEL | VALUE
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""
    cell: tuple[str, str] | None = None
    kind: Kind | None = None


@dataclass(frozen=True)
class TableGrid(Grid[GridCell]):
    """A whole table as the official format draws it (a :class:`ogi.grid.Grid`); drawn with
    a report's values (:func:`ogi.render.layout.draw_table`), each value slot holds its text."""

    key: str  # "table2" | "table3" | "table4"
    title: str  # the section heading the table sits under
    cells: tuple[GridCell, ...]

    def value_cells(self) -> list[GridCell]:
        return [c for c in self.cells if c.role == VALUE]


@cache
def table_grid(template: str, table: str) -> TableGrid:
    """The grid of ``table`` ("table2" | "table3" | "table4") in ``template`` ("2019" | "2021")."""
    spec = FORMATS[template].table(table)
    build = {"table2": _table2, "table3": _table3, "table4": _table4}[table]
    cells = build(spec)
    return TableGrid(table, spec.title, tuple(cells))


def _table2(spec: TableSpec) -> list[GridCell]:
    n_cols = 1 + max(r.width for r in spec.rows)
    topic = spec.headers[0]  # 信息内容
    cells: list[GridCell] = []
    r = 0
    caption = None
    for row in spec.rows:
        assert row.caption is not None and row.label is not None  # every table 二 row has both
        if row.caption != caption:
            caption = row.caption
            cells.append(GridCell(CAPTION, r, 0, colspan=n_cols, text=caption))
            cells.append(GridCell(HEADER, r + 1, 0, text=topic))
            cells += _spread(HEADER, r + 1, n_cols, [{"text": t} for t in row.column_labels])
            r += 2
        cells.append(GridCell(LABEL, r, 0, text=row.label))
        cells += _spread(VALUE, r, n_cols, [{"cell": (rk, ck), "kind": k} for rk, ck, k in row.cells])
        r += 1
    return cells


def _spread(role: str, r: int, n_cols: int, items: list[dict]) -> list[GridCell]:
    """Cells from column 1 on; the last one spans the columns left over."""
    out = []
    for i, item in enumerate(items):
        span = n_cols - 1 - i if i == len(items) - 1 else 1
        out.append(GridCell(role, r, 1 + i, colspan=span, **item))
    return out


def _table3(spec: TableSpec) -> list[GridCell]:
    note, applicants, legal_persons = spec.headers[0], spec.headers[3], spec.headers[5]
    k = T3_LABEL_COLUMNS
    n_cols = k + len(APPLICANT_COLUMNS)
    persons, *orgs, total = APPLICANT_COLUMNS
    cells = [
        GridCell(HEADER, 0, 0, rowspan=3, colspan=k, text=note),
        GridCell(HEADER, 0, k, colspan=len(APPLICANT_COLUMNS), text=applicants),
        GridCell(HEADER, 1, k, rowspan=2, text=persons.label),
        GridCell(HEADER, 1, k + 1, colspan=len(orgs), text=legal_persons),
        GridCell(HEADER, 1, n_cols - 1, rowspan=2, text=total.label),
    ]
    cells += [GridCell(HEADER, 2, k + 1 + i, text=m.label) for i, m in enumerate(orgs)]
    keys = [row.key for row in spec.rows]
    first, last = keys.index(T3_OUTCOMES[0]), keys.index(T3_OUTCOMES[1])
    groups = {g.key: g for g in spec.groups}
    top = 3
    cells.append(GridCell(LABEL, top + first, 0, rowspan=last - first + 1, text=groups[T3_OUTCOME_GROUP].label))
    for i, row in enumerate(spec.rows):
        r = top + i
        assert row.label is not None  # every table 三 row is labelled
        sub = row.group if row.group != T3_OUTCOME_GROUP else None  # the group it sits under
        inside = first <= i <= last
        if sub is not None:
            members = [j for j, x in enumerate(spec.rows) if x.group == sub]
            if i == members[0]:
                cells.append(GridCell(LABEL, r, 1, rowspan=len(members), text=groups[sub].label))
            cells.append(GridCell(LABEL, r, 2, text=row.label))
        elif inside:
            cells.append(GridCell(LABEL, r, 1, colspan=k - 1, text=row.label))
        else:
            cells.append(GridCell(LABEL, r, 0, colspan=k, text=row.label))
        cells += [GridCell(VALUE, r, k + j, cell=(rk, ck), kind=kind) for j, (rk, ck, kind) in enumerate(row.cells)]
    return cells


def _table4(spec: TableSpec) -> list[GridCell]:
    review, litigation, direct, after_review = spec.headers[:4]
    n = len(T4_RESULTS)
    cells = [GridCell(HEADER, 0, 0, colspan=n, text=review),
             GridCell(HEADER, 0, n, colspan=2 * n, text=litigation)]
    cells += [GridCell(HEADER, 1, i, rowspan=2, text=m.label) for i, m in enumerate(T4_RESULTS)]
    cells += [GridCell(HEADER, 1, n, colspan=n, text=direct), GridCell(HEADER, 1, 2 * n, colspan=n, text=after_review)]
    cells += [GridCell(HEADER, 2, n * g + i, text=m.label) for g in (1, 2) for i, m in enumerate(T4_RESULTS)]
    row = spec.rows[0]
    cells += [GridCell(VALUE, 3, j, cell=(rk, ck), kind=kind) for j, (rk, ck, kind) in enumerate(row.cells)]
    return cells

