"""Lists the way datasette has them: every filter, the search, the sort order and the page
in the URL; facets with counts; the same answer as a page, as ``.json`` and from ``/api``.

A list is a :class:`ListSpec`: the SQL of all its rows (one function per list in
:mod:`ogi.store.lists` — ``report_rows_sql``, ``agency_rows_sql``, ``finding_rows_sql`` — the
one place to point at summary tables when the store has them; every statement a list runs
is that module's), its columns, its filters (a query
parameter → a column and a validator), its facets and its search columns.

:func:`run` answers a list query with two statements over the filtered rows:

1. ``GROUP BY GROUPING SETS`` over every facet column and ``()`` — each facet's values
   with their counts, and the total, in one pass;
2. the page itself: ``ORDER BY`` the chosen column (then the id, so the order is total),
   ``LIMIT``/``OFFSET`` of the page, moved onto the last page when past it — first the
   page's ids (what is not sorted or filtered on is not worked out for every row), then
   those rows whole.

The search is multi-word: each word must occur somewhere in the row's searchable text
(agency, region, title, source, year…), so ``洪泽 2024`` finds 洪泽区's 2024 report. A bad
filter value or sort column is a :class:`BadQuery` with a Chinese message (422).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import OgiError
from ..store import Database
from ..store import lists as sql
from ..store.lists import agency_rows_sql, finding_rows_sql, report_rows_sql
from ..store.summary import open_counts_from
from . import labels
from .params import MAX_ID, MAX_TEXT, MAX_YEAR, MIN_YEAR, page_window

FACET_VALUES = 15  # values shown per facet


class BadQuery(OgiError, ValueError):
    """A filter, sort or search a list cannot take; the message is for the reader."""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    sortable: bool = True
    sort_sql: str | None = None  # what to order by, when not the column itself


@dataclass(frozen=True)
class Filter:
    column: str
    label: str
    check: Callable[[str], Any]  # the text of the parameter → the value compared; BadQuery if invalid
    op: str = "="  # "=" or "contains" (a region: the region and those inside it)


@dataclass(frozen=True)
class Facet:
    key: str  # a filter's parameter
    label: str
    shown: Callable[[Any], str] = str


@dataclass(frozen=True)
class ListSpec:
    name: str
    title: str
    rows_sql: Callable[[], str]
    columns: tuple[Column, ...]
    filters: dict[str, Filter]
    facets: tuple[Facet, ...]
    search: tuple[str, ...]
    default_sort: str
    id_column: str = "id"
    # the rows without their costly columns (``heavy``), for the total, the facets and the
    # page's ids whenever no filter, search or sort reads those columns
    lean_rows_sql: Callable[[], str] | None = None
    # the rows as a page reads them from a store (counts kept per report, say); rows_sql if None
    stored_rows_sql: Callable[[Database], str] | None = None
    heavy: frozenset[str] = frozenset()

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass
class ListResult:
    spec: ListSpec
    total: int
    page: int
    pages: int
    size: int
    offset: int
    sort: str
    filters: dict[str, Any]
    q: str | None
    rows: list[dict]
    facets: dict[str, list[dict]] = field(default_factory=dict)

    def params(self) -> dict:
        """The query of this list (without the page)."""
        return {**{k: v for k, v in self.filters.items()}, "q": self.q,
                "sort": None if self.sort == self.spec.default_sort else self.sort}

    def as_json(self) -> dict:
        return {"total": self.total, "page": self.page, "pages": self.pages, "page_size": self.size,
                "offset": self.offset, "sort": self.sort, "q": self.q, "filters": self.filters,
                "facets": self.facets, self.spec.name: self.rows}


# ------------------------------------------------------------------ validators

def year_value(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4) or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise BadQuery(f"年度“{text[:20]}”无效,应为 {MIN_YEAR}–{MAX_YEAR} 之间的年份")
    return int(text)


def id_value(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 16) or not 1 <= int(text) <= MAX_ID:
        raise BadQuery(f"编号“{text[:20]}”无效,应为正整数")
    return int(text)


def one_of(choices: Mapping[str, str] | tuple, what: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if text not in choices:
            shown = "、".join(choices.values() if isinstance(choices, Mapping) else choices)
            raise BadQuery(f"{what}“{text[:40]}”无效,应为 {shown} 之一")
        return text
    return check


def some_text(text: str) -> str:
    if len(text) > MAX_TEXT:
        raise BadQuery(f"内容过长,最多 {MAX_TEXT} 个字符")
    return text


# ------------------------------------------------------------------ the lists

_LEVEL = Filter("level", "层级", one_of(labels.LEVELS, "层级"))
_REGION = Filter("region", "地区", some_text, op="contains")
_YEAR = Filter("year", "年度", year_value)

REPORTS = ListSpec(
    "reports", "报告", report_rows_sql,
    columns=(Column("year", "年度", numeric=True), Column("agency", "机关"), Column("region", "地区"),
             Column("title", "标题"), Column("template", "格式"), Column("errors", "错误", numeric=True),
             Column("warnings", "警告", numeric=True), Column("id", "编号", numeric=True)),
    filters={"year": _YEAR, "level": _LEVEL, "region": _REGION,
             "template": Filter("template", "格式", one_of(labels.TEMPLATES, "格式")),
             "agency_id": Filter("agency_id", "机关", id_value),
             "format": Filter("format", "文件类型", some_text)},
    facets=(Facet("year", "年度"), Facet("level", "层级", lambda v: labels.LEVELS.get(v, v)),
            Facet("template", "格式", lambda v: labels.TEMPLATES.get(v, v)),
            Facet("format", "文件类型", lambda v: labels.FILE_FORMATS.get(v, v))),
    search=("agency", "region", "title", "location", "org_code", "year"),
    default_sort="-year", lean_rows_sql=lambda: report_rows_sql(counts=False),
    stored_rows_sql=lambda db: report_rows_sql(counts_from=open_counts_from(db)),
    heavy=frozenset({"errors", "warnings", "infos"}))

AGENCIES = ListSpec(
    "agencies", "机关", agency_rows_sql,
    columns=(Column("name", "机关"), Column("region", "地区"), Column("level", "层级"), Column("org_code", "机构代码"),
             Column("reports", "报告数", numeric=True), Column("first_year", "起", numeric=True),
             Column("last_year", "止", numeric=True), Column("id", "编号", numeric=True)),
    filters={"level": _LEVEL, "region": _REGION, "kind": Filter("kind", "类别", one_of(labels.KINDS, "类别"))},
    facets=(Facet("level", "层级", lambda v: labels.LEVELS.get(v, v)),
            Facet("kind", "类别", lambda v: labels.KINDS.get(v, v))),
    search=("name", "region", "org_code", "known", "parent_name"),
    default_sort="name")

FINDINGS = ListSpec(
    "findings", "问题", finding_rows_sql,
    columns=(Column("code", "问题"), Column("severity", "级别", sort_sql="severity_rank"), Column("agency", "机关"),
             Column("year", "年度", numeric=True), Column("place", "位置", sortable=False),
             Column("message", "说明", sortable=False), Column("status", "状态"),
             Column("reviewed_at", "审核时间"), Column("id", "编号", numeric=True)),
    filters={"code": Filter("code", "问题代码", one_of(labels.CODES, "问题代码")),
             "severity": Filter("severity", "级别", one_of(labels.SEVERITIES, "级别")),
             "status": Filter("status", "状态", one_of(labels.STATUSES, "状态")),
             "origin": Filter("origin", "来源", one_of(labels.ORIGINS_ALL, "来源")),
             "agency_id": Filter("agency_id", "机关", id_value), "report_id": Filter("report_id", "报告", id_value),
             "year": _YEAR, "level": _LEVEL, "region": _REGION},
    facets=(Facet("code", "问题", labels.rule_text), Facet("severity", "级别", lambda v: labels.SEVERITIES.get(v, v)),
            Facet("status", "状态", lambda v: labels.STATUSES.get(v, v)),
            Facet("origin", "来源", lambda v: labels.ORIGINS_ALL.get(v, v)), Facet("year", "年度"),
            Facet("level", "层级", lambda v: labels.LEVELS.get(v, v))),
    search=("agency", "region", "title", "message", "code", "year"),
    default_sort="code")

LISTS = {spec.name: spec for spec in (REPORTS, AGENCIES, FINDINGS)}


# ------------------------------------------------------------------ running a query

def _conditions(spec: ListSpec, filters: dict[str, Any], q: str | None) -> tuple[list[str], list]:
    shown = [(spec.filters[key].column, spec.filters[key].op, value) for key, value in filters.items()]
    return sql.conditions(shown, spec.search, q)


def read_query(spec: ListSpec, query: Mapping[str, str]) -> tuple[dict[str, Any], str | None, str]:
    """The filters, search and sort of a query string; :class:`BadQuery` for a bad one."""
    filters = {}
    for key, f in spec.filters.items():
        text = (query.get(key) or "").strip()
        if text:
            filters[key] = f.check(text)
    q = some_text((query.get("q") or "").strip()) or None
    sort = (query.get("sort") or "").strip() or spec.default_sort
    column = spec.column(sort.lstrip("-"))
    if column is None or not column.sortable:
        shown = "、".join(c.key for c in spec.columns if c.sortable)
        raise BadQuery(f"排序“{sort[:40]}”无效,可按 {shown} 排序(前加 - 为倒序)")
    return filters, q, sort


def selection_sql(spec: ListSpec, query: Mapping[str, str]) -> tuple[str, list]:
    """The ids of the list's rows that its filters and search keep, as SQL and parameters (a
    bulk export of exactly what the list shows, on every page)."""
    filters, q, _ = read_query(spec, query)
    conds, params = _conditions(spec, filters, q)
    return sql.selection_sql(spec.rows_sql(), spec.id_column, conds), params


def run(db: Database, spec: ListSpec, query: Mapping[str, str], page: int = 1, size: int = 50,
        offset: int | None = None, facets: bool = True) -> ListResult:
    """One page of the list (or ``size`` rows from ``offset``), with its facets and total."""
    filters, q, sort = read_query(spec, query)
    conds, params = _conditions(spec, filters, q)
    rows_sql = spec.stored_rows_sql(db) if spec.stored_rows_sql else spec.rows_sql()
    lean = spec.lean_rows_sql is not None and not spec.heavy & {spec.filters[k].column for k in filters}
    counted_sql = spec.lean_rows_sql() if lean and spec.lean_rows_sql else rows_sql
    facet_columns = [spec.filters[f.key].column for f in spec.facets] if facets else []
    counted = sql.grouped_counts(db, counted_sql, conds, params, facet_columns)
    total = next((row[-1] for row in counted if all(row[len(facet_columns):-1])), 0)
    if offset is None:
        window = page_window(total, page, size)
        page, pages, offset = window.page, window.pages, window.offset
    else:
        pages = max(1, -(-total // size))
        page = offset // size + 1
    column = spec.column(sort.lstrip("-"))
    assert column is not None  # read_query refused any other sort
    order = f"t.{column.sort_sql or column.key} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST"
    # the page's ids first (only the columns sorted and filtered on are worked out), then
    # their whole rows (a finding's key, a hash, for 50 rows and not for every row)
    paged_sql = counted_sql if column.key not in spec.heavy and column.sort_sql not in spec.heavy else rows_sql
    ids = sql.page_ids(db, paged_sql, spec.id_column, conds, params, order, size, offset)
    rows = sql.rows_of(db, rows_sql, spec.id_column, ids)
    result = ListResult(spec, total, page, pages, size, offset, sort, filters, q, rows)
    if facets:
        result.facets = _facets(spec, facet_columns, counted, filters)
    return result


def code_groups(db: Database, query: Mapping[str, str]) -> list[dict]:
    """The review queue's groups: the findings of the query (all codes) by code and
    severity, counted per review status, the largest first."""
    without_code = {k: v for k, v in query.items() if k != "code"}
    filters, q, _ = read_query(FINDINGS, without_code)
    conds, params = _conditions(FINDINGS, filters, q)
    groups: dict[tuple, dict] = {}
    for code, severity, status, n in sql.findings_by_code(db, conds, params):
        g = groups.setdefault((code, severity), {"code": code, "severity": severity, "total": 0,
                                                 **dict.fromkeys(labels.STATUSES, 0)})
        g[status] = g.get(status, 0) + n
        g["total"] += n
    return sorted(groups.values(), key=lambda g: (-g["total"], g["code"]))


def _facets(spec: ListSpec, columns: list[str], counted: list[tuple], filters: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    n = len(columns)
    for i, facet in enumerate(spec.facets):
        mine = [row for row in counted if not row[n + i] and all(row[n + j] for j in range(n) if j != i)]
        mine.sort(key=lambda row: (-row[-1], str(row[i])))
        out[facet.key] = [{"value": row[i], "label": "(未知)" if row[i] is None else facet.shown(row[i]),
                           "count": row[-1], "selected": filters.get(facet.key) == row[i]}
                          for row in mine[:FACET_VALUES]]
    return out
