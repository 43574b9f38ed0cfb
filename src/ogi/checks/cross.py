"""Rules across years for one agency: what one report carries forward the next must
carry over (CROSS_YEAR_CARRY), stocks of documents (CROSS_YEAR_STOCK, 2021 format) and
item counts (CROSS_YEAR_ITEMS, 2019 format) must follow on.

Which reports are by one agency is either the caller's settled decision (``agencies``:
one id per report, as the store keeps them after merges and splits) or, without one,
judged from the printed names and 索引号 (:func:`ogi.agency.same_agency`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from .. import agency
from ..model import Finding, Report, Value
from ..template import APPLICANT_COLUMNS, FORMATS, TABLE_NAMES
from .cells import located, not_assessable, number

_T2 = TABLE_NAMES["table2"].zh  # 表二
_T3 = TABLE_NAMES["table3"].zh  # 表三

_COLUMN = {m.key: m.label for m in APPLICANT_COLUMNS}


Agencies = Sequence[Hashable] | None  # each report's agency as settled by the caller, or None
SameAgency = Callable[[int, int], bool]  # are reports i and j by one agency?


def pairing(reports: Sequence[Report], agencies: Agencies = None) -> SameAgency:
    """Pair by the caller's agency ids when given, else by printed name and 索引号."""
    if agencies is not None:
        if len(agencies) != len(reports):
            raise ValueError(f"{len(agencies)} agencies for {len(reports)} reports")
        return lambda i, j: agencies[i] == agencies[j]

    def printed(i: int, j: int) -> bool:
        a, b = reports[i].meta, reports[j].meta
        return agency.same_agency(a.agency, b.agency, a.index_number, b.index_number)
    return printed


def previous_reports(reports: Sequence[Report], agencies: Agencies = None) -> dict[int, int]:
    """Index of each report → index of the same agency's report of the year before."""
    same = pairing(reports, agencies)
    out: dict[int, int] = {}
    for i, r in enumerate(reports):
        for j, p in enumerate(reports):
            if r.meta.year is not None and p.meta.year == r.meta.year - 1 and same(i, j):
                out[i] = j
                break
    return out


def check_years(reports: Sequence[Report], previous: dict[int, int]) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    for i, j in previous.items():
        now, before = reports[i], reports[j]
        found = _carry(now, before)
        if now.meta.template == before.meta.template == "2021":
            found += _follow_on(now, before, "CROSS_YEAR_STOCK", ("issued", "repealed", "in_force"), _stock)
        if now.meta.template == before.meta.template == "2019":
            found += _follow_on(now, before, "CROSS_YEAR_ITEMS", ("items_prev_year", "items_change"), _items)
        out += [(i, f) for f in found]
    return out


def _carry(now: Report, before: Report) -> list[Finding]:
    if now.meta.template not in FORMATS or before.meta.template not in FORMATS:
        return []
    out: list[Finding] = []
    nulls: list[str] = []
    for col, label in _COLUMN.items():
        key, prev_key = f"table3.carried_over.{col}", f"table3.carried_forward.{col}"
        value, prev = now.value(key), before.value(prev_key)
        if value is None or prev is None:
            nulls += [k for k, v in ((key, value), (f"{before.meta.year}:{prev_key}", prev)) if v is None]
        elif value != prev:
            out.append(located(
                now, "CROSS_YEAR_CARRY",
                f"二、上年结转 = {number(value)} ≠ {before.meta.year}年报告的 四、结转下年度继续办理 = {number(prev)}({label}列)",
                f"carried_over = {number(value)} ≠ carried_forward of the {before.meta.year} report = {number(prev)} "
                f"(column {col})", key))
    if nulls:
        out.append(not_assessable("CROSS_YEAR_CARRY", f"{_T3}与{before.meta.year}年报告", f"table 3 and the "
                                  f"{before.meta.year} report", nulls, "table3.carried_over"))
    return out


# (now's values, before's values) → (expected value of now's checked cell, zh, en) or None
_Expect = Callable[[dict[str, Value], dict[str, Value], int], tuple[str, Value, str, str]]


def _stock(now: dict, before: dict, year: int) -> tuple[str, Value, str, str]:
    expected = before["in_force"] + now["issued"] - now["repealed"]
    return ("in_force", expected,
            (f"= {year}年现行有效 {number(before['in_force'])} + 本年制发 {number(now['issued'])} − 本年废止 "
            f"{number(now['repealed'])} = {number(expected)}"),
            (f"= in_force({year}) {number(before['in_force'])} + issued {number(now['issued'])} − repealed "
            f"{number(now['repealed'])} = {number(expected)}"))


def _items(now: dict, before: dict, year: int) -> tuple[str, Value, str, str]:
    expected = before["items_prev_year"] + before["items_change"]
    return ("items_prev_year", expected,
            (f"= {year}年报告的上一年项目数量 {number(before['items_prev_year'])} + 本年增/减 "
            f"{number(before['items_change'])} = {number(expected)}"),
            (f"= items_prev_year({year}) {number(before['items_prev_year'])} + items_change({year}) "
            f"{number(before['items_change'])} = {number(expected)}"))


def _follow_on(now: Report, before: Report, code: str, columns: tuple[str, ...], expect: _Expect) -> list[Finding]:
    template, year = now.meta.template, before.meta.year
    # check_years calls this for two reports of one format, ``before`` of the year before ``now``
    assert template is not None and year is not None
    spec = FORMATS[template].table2
    out: list[Finding] = []
    nulls: list[str] = []
    for row in spec.rows:
        names = dict(zip((c for _, c, _ in row.cells), row.column_labels))
        if not set(columns) <= set(names):
            continue
        mine = {c: now.value(f"table2.{row.key}.{c}") for c in columns}
        theirs = {c: before.value(f"table2.{row.key}.{c}") for c in columns}
        if any(v is None for v in (*mine.values(), *theirs.values())):
            nulls += [f"table2.{row.key}.{c}" for c, v in mine.items() if v is None]
            nulls += [f"{before.meta.year}:table2.{row.key}.{c}" for c, v in theirs.items() if v is None]
            continue
        col, expected, zh, en = expect(mine, theirs, year)
        if mine[col] != expected:
            key = f"table2.{row.key}.{col}"
            out.append(located(now, code, f"{_T2}“{row.label}”的“{names[col]}” {number(mine[col])} ≠ 应有值 {zh}",
                               f"{key} {number(mine[col])} ≠ expected {en}", key))
    if nulls:
        out.append(not_assessable(code, f"{_T2}与{before.meta.year}年报告", f"table 2 and the {before.meta.year} report",
                                  nulls, "table2"))
    return out
