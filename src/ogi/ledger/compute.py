"""Tables 三 and 四 of one year, computed from the ledger, and the rows behind any cell.

For report year Y (its format from the year: 2021 from 2021 on, else 2019):

- ``new_received``: applications received in Y;
- ``carried_over``: received before Y and still open when Y began (replied in Y or later,
  or not yet) — last year's ``carried_forward``, from the same ledger;
- an outcome row: applications replied in Y with that outcome;
- ``(七)总计``: applications replied in Y; ``carried_forward``: received by the end of Y
  and open at its end.

Every application active in Y is either replied in Y or open at its end, so per column
一 + 二 = (七) + 四 holds by construction, and so do the row totals and (七) = the sum of
the outcomes. Each applicant column counts its own type; 总计 all of them.

Table 四 counts the reviews filed (行政复议申请日期) and the suits filed (行政诉讼起诉日期)
in Y, by their result as the ledger stands; a suit after a review counts under 复议后起诉,
one without under 未经复议直接起诉. A blank result is 尚未审结.

A ledger row that cannot be counted in Y's format — the 2019 format's single 其他处理 in a
2021-format year — is a problem naming the row: the tables are not computed around it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from ..errors import OgiError
from ..model import Report, empty_tables
from ..template import FORMATS, T4_GROUPS, T4_RESULTS
from .columns import BY_KEY, outcomes
from .model import Application, Ledger
from .read import LedgerError, LedgerProblem

PENDING = "pending"
_ONE_DAY = timedelta(days=1)
_ROW_OUTCOME = {v: k for k, v in outcomes().items()}  # row key → outcome label


def format_of(year: int) -> str:
    """The format a report for ``year`` is written in."""
    return next(f.name for f in FORMATS.values() if f.years[0] <= year <= f.years[1]) if year >= 2019 else "2019"


class _Uncountable(OgiError):
    def __init__(self, problem: LedgerProblem):
        self.problem = problem


def _outcome_row(a: Application, template: str) -> str:
    spec = FORMATS[template].table3
    printed = {r.key for r in spec.rows}
    if a.outcome in printed:
        return a.outcome
    for derived, parts in spec.derived.items():  # 2021: 其他处理 must be one of its three sub-rows
        if a.outcome == derived:
            raise _Uncountable(LedgerProblem(a.row, BY_KEY["outcome"].label,
                                             f"“{_ROW_OUTCOME[derived]}”在 {template} 格式中须细分为:"
                                             + "、".join(_ROW_OUTCOME[p] for p in parts)))
    outcome = cast(str, a.outcome)  # only applications with an outcome are counted here
    head = outcome.split(".")[0]  # 2019: the three 其他处理 sub-rows are the one row
    if head in printed:
        return head
    raise _Uncountable(LedgerProblem(a.row, BY_KEY["outcome"].label,
                                     f"“{_ROW_OUTCOME.get(outcome, outcome)}”不是 {template} 格式的办理结果"))


@dataclass
class Cells:
    """Which applications each cell counts: (table, row, column) → ledger rows."""

    rows: dict[tuple[str, str, str], list[Application]]
    template: str
    year: int

    def explain(self, key: str) -> list[Application]:
        """The applications behind ``table3.granted.natural_person`` (or a table 四 key)."""
        table, rest = key.split(".", 1)
        row, col = rest.rsplit(".", 1)
        if (table, row, col) not in self.rows and not _known(self.template, table, row, col):
            raise KeyError(key)
        return self.rows.get((table, row, col), [])


def _known(template: str, table: str, row: str, col: str) -> bool:
    if table not in ("table3", "table4"):
        return False
    return col in FORMATS[template].table(table).output_rows().get(row, ()) if table == "table3" else (
        row in T4_GROUPS and col in {m.key for m in T4_RESULTS})


def count(ledger: Ledger, year: int) -> Cells:
    """Every cell of tables 三 and 四 for ``year`` with the applications it counts."""
    template = format_of(year)
    start, end = date(year, 1, 1), date(year, 12, 31)
    cells: dict[tuple[str, str, str], list[Application]] = {}
    problems: list[LedgerProblem] = []

    def add(table: str, row: str, a: Application, col: str) -> None:
        cells.setdefault((table, row, col), []).append(a)
        if table == "table3":
            cells.setdefault((table, row, "total"), []).append(a)

    spec = FORMATS[template].table3
    parent = {p: d for d, parts in spec.derived.items() for p in parts}
    for a in ledger.applications:
        if a.received > end:
            continue
        col = a.applicant_type
        if a.received >= start:
            add("table3", "new_received", a, col)
        elif a.open_at(start - _ONE_DAY):
            add("table3", "carried_over", a, col)
        else:
            continue  # answered before the year began
        if a.replied is not None and a.replied <= end:
            try:
                row = _outcome_row(a, template)
            except _Uncountable as exc:
                problems.append(exc.problem)
                continue
            add("table3", row, a, col)
            if row in parent:
                add("table3", parent[row], a, col)
            add("table3", "total", a, col)
        else:
            add("table3", "carried_forward", a, col)
    for a in ledger.applications:
        if a.review_filed and start <= a.review_filed <= end:
            cells.setdefault(("table4", "review", a.review_result or PENDING), []).append(a)
        if a.litigation_filed and start <= a.litigation_filed <= end:
            group = "litigation_after_review" if a.review_filed else "litigation_direct"
            cells.setdefault(("table4", group, a.litigation_result or PENDING), []).append(a)
    for group in T4_GROUPS:
        cells[("table4", group, "total")] = [a for m in T4_RESULTS if m.key != "total"
                                             for a in cells.get(("table4", group, m.key), [])]
    if problems:
        raise LedgerError(problems)
    return Cells(cells, template, year)


def tables(ledger: Ledger, year: int) -> tuple[dict, dict]:
    """Table 三 and table 四 of ``year``: every cell of the format, a count (0 where none)."""
    cells = count(ledger, year)
    empty = empty_tables(cells.template)
    t3, t4 = empty["table3"], empty["table4"]
    for table in (t3, t4):
        for row, cols in table.items():
            for col in cols:
                cols[col] = len(cells.rows.get(("table3" if table is t3 else "table4", row, col), []))
    return t3, t4


def apply(report: Report, ledger: Ledger) -> Report:
    """``report`` with tables 三 and 四 computed from the ledger for its year (its format
    set from the year; table 二 and the text are kept)."""
    if report.meta.year is None:
        raise LedgerError([LedgerProblem(None, None, "报告没有年度,无法从台账计算表三、表四")])
    t3, t4 = tables(ledger, report.meta.year)
    template = format_of(report.meta.year)
    if report.meta.template != template:  # keep what table 二 has in the year's format
        report.meta.template = template
        report.table2 = {row: {col: report.table2.get(row, {}).get(col) for col in cols}
                         for row, cols in empty_tables(template)["table2"].items()}
    report.table3, report.table4 = t3, t4
    return report

