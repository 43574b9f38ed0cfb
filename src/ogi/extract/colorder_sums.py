"""A total printed first that no header showed: the row sums refute the template's order.

:mod:`ogi.extract.colorder` and :mod:`ogi.extract.colorder_read` read the order of table 三's
and table 四's columns from their printed header, in a grid or in running text. Some texts
keep no header that can be read: converters that print each header cell's characters stacked
in a column of their own (``总 ⏎ 计`` beside ``自 ⏎ 然 ⏎ 人``: pdftotext's layout mode, w3m,
pymupdf4llm). Their rows are read by position, in the template's order. Where the report
prints its 总计 column first, a row read so is wrong, and its row sum says so — except in one
case: a row whose only applicant is in the last part column (``1 0 0 0 0 0 1``, 总计 1 … 其他 1)
sums both ways, and read by position puts the 1 under 自然人 and 0 under 其他, with no sum to
notice (wild3's totals_first in those renderings: 36–48 wrong cells with no finding in 16
reports).

The sums themselves say which order a table is printed in, when they say it at all. For a
part-sum row (table 三's seven applicant columns, each of table 四's three blocks of five),
read in the template's order the total is the last value; printed total first, it is the
first value and the parts follow. A correct row in the template's order sums the second
way only when all its parts but the first are 0 — so when at least
:data:`MIN_REFUTING_ROWS` complete rows fail the template's sum and every complete row sums
with the total first, the table is printed total first with a certainty no single agency's
slip gives. Nothing is then read by guess: each cell where the two readings differ (or one
of them is unknown) is left null, with one TEMPLATE_DEVIATION naming the table; cells where
both readings agree (a row of zeros, a row of one repeated value) are kept, since either
order gives them. A derived row (2021's (六)其他处理) is null wherever a part now is.
"""

from __future__ import annotations

from typing import Any

from ..model import Finding, Report
from ..template import APPLICANT_COLUMNS, FORMATS
from ..template.formats import T4_GROUPS, T4_RESULTS
from .derived import null_derived

# complete rows that must fail the template's sum before the sums are taken to show the
# total printed first: one failing row can be the agency's own slip
MIN_REFUTING_ROWS = 2

_T3_COLUMNS = tuple(m.key for m in APPLICANT_COLUMNS)  # parts…, total
_T4_COLUMNS = tuple(m.key for m in T4_RESULTS)


def null_where_sums_refute_order(report: Report, table3: bool = True, table4: bool = True) -> list[Finding]:
    """Null the cells of table 三 and table 四 (those asked for: a table whose columns were
    already read by their header is not) whose reading the total-first order would change,
    where the sums show that order (see the module's docstring); the findings."""
    fmt = FORMATS.get(report.meta.template or "")
    if fmt is None:
        return []
    out = []
    derived = fmt.table3.derived
    rows3 = [(key, report.table3.get(key)) for key in report.table3 if key not in derived]
    if table3 and _refuted([cells for _, cells in rows3], _T3_COLUMNS):
        _null_changed([(f"table3.{key}", cells) for key, cells in rows3], _T3_COLUMNS, report.provenance)
        null_derived(report, fmt.table3)
        out.append(_finding("table3", "表三", "table 三"))
    blocks4 = [(f"table4.{g}", report.table4.get(g)) for g in T4_GROUPS]
    if table4 and _refuted([cells for _, cells in blocks4], _T4_COLUMNS):
        _null_changed(blocks4, _T4_COLUMNS, report.provenance)
        out.append(_finding("table4", "表四", "table 四"))
    return out


def _values(cells: dict | None, columns: tuple[str, ...]) -> list[Any] | None:
    if not cells:
        return None
    values = [cells.get(c) for c in columns]
    return values if all(isinstance(v, int) for v in values) else None


def _refuted(rows: list[dict | None], columns: tuple[str, ...]) -> bool:
    """Do at least MIN_REFUTING_ROWS complete rows fail the template's sum while every
    complete row sums with its total first?"""
    failing = 0
    for cells in rows:
        v = _values(cells, columns)
        if v is None:
            continue
        if sum(v[1:]) != v[0]:
            return False  # a row the total-first order does not explain
        failing += sum(v[:-1]) != v[-1]
    return failing >= MIN_REFUTING_ROWS


def _null_changed(rows: list[tuple[str, dict | None]], columns: tuple[str, ...], provenance: dict) -> None:
    """Null each cell the total-first reading gives another value (or one unknown)."""
    n = len(columns)
    for prefix, cells in rows:
        if not cells:
            continue
        read = [cells.get(c) for c in columns]
        # printed total first: the total is the first value read, the parts the ones after it
        other = [read[i + 1] for i in range(n - 1)] + [read[0]]
        for col, a, b in zip(columns, read, other):
            if a is None or b is None or a != b:
                if cells.get(col) is not None:
                    cells[col] = None
                    provenance.pop(f"{prefix}.{col}", None)


def _finding(where: str, zh_name: str, en_name: str) -> Finding:
    return Finding.of(
        "TEMPLATE_DEVIATION",
        f"{zh_name}按规定列序多行合计不等,而按“总计列在前”的列序每行都相等:表头未能读出列序,"
        "两种读法数值不同的单元格未读入",
        f"{en_name}'s rows break their sums in the template's column order and all hold with the total "
        "column first; its header could not be read, so the cells the two orders read differently are "
        "left null", where)


__all__ = ["MIN_REFUTING_ROWS", "null_where_sums_refute_order"]
