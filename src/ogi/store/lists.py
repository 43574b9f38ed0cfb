"""The SQL of the web's lists (reports, agencies, findings; the lists themselves — columns,
filters, facets, validation — are :mod:`ogi.web.lists`'): the rows of each list as one
statement (one function per list, the one place to point at summary tables), the
conditions of a query, and the three statements a page of a list takes — the facets and
the total in one ``GROUP BY GROUPING SETS`` pass, the page's ids, then those rows whole."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .backend import Database
from .reviews import KEY_SQL

MAX_WORDS = 8  # words of a search


def like(text: str) -> str:
    """A ``LIKE`` pattern matching ``text`` anywhere (``%``, ``_`` and ``\\`` escaped)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# ------------------------------------------------------------------ the lists' rows

_OPEN_BY_REPORT = (
    "SELECT f.report_id, "
    "sum(CASE WHEN f.severity = 'error' THEN 1 ELSE 0 END) AS errors, "
    "sum(CASE WHEN f.severity = 'warning' THEN 1 ELSE 0 END) AS warnings, "
    "sum(CASE WHEN f.severity = 'info' THEN 1 ELSE 0 END) AS infos "
    "FROM findings f JOIN reports r ON r.id = f.report_id "
    "LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key "
    "WHERE coalesce(v.status, 'open') <> 'dismissed' GROUP BY f.report_id")
_ORG_CODES = ("SELECT agency_id, min(substr(alias, 5)) AS org_code FROM agency_aliases "
              "WHERE kind = 'org_code' GROUP BY agency_id")  # kind, not LIKE on the key: a scan, not an index walk


def report_rows_sql(counts: bool = True, counts_from: str | None = None) -> str:
    """Every report with its agency, region, level, organisation code and open error,
    warning and info counts (dismissed findings left out); without ``counts``, the same rows
    without the counts (what the total, the facets and most pages need: no findings read).
    ``counts_from``: a FROM item ``(report_id, n_errors, n_warnings, n_infos)`` to read the
    counts from (:func:`ogi.store.summary.open_counts_from`, the counts kept per report)
    instead of counting the findings and their reviews."""
    by_report = (f"SELECT report_id, n_errors AS errors, n_warnings AS warnings, n_infos AS infos FROM {counts_from} c"
                 if counts_from else _OPEN_BY_REPORT)
    found = ("coalesce(n.errors, 0) AS errors, coalesce(n.warnings, 0) AS warnings, coalesce(n.infos, 0) AS infos"
             if counts else "NULL AS errors, NULL AS warnings, NULL AS infos")
    return ("SELECT r.id, r.agency_id, coalesce(a.name, r.agency_name) AS agency, a.region, a.level, "
            f"o.org_code, r.year, r.template, r.title, r.location, r.format, {found} "
            "FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id "
            f"LEFT JOIN ({_ORG_CODES}) o ON o.agency_id = r.agency_id"
            + (f" LEFT JOIN ({by_report}) n ON n.report_id = r.id" if counts else ""))


def agency_rows_sql() -> str:
    """Every agency with its region, level, kind, organisation code, the names it is known
    by, its reports and years, and how many agencies share its name."""
    return ("SELECT a.id, a.name, a.region, a.level, a.kind, a.parent_name, o.org_code, "
            "coalesce(n.reports, 0) AS reports, n.first_year, n.last_year, s.same_name, k.known "
            "FROM agencies a "
            f"LEFT JOIN ({_ORG_CODES}) o ON o.agency_id = a.id "
            "LEFT JOIN (SELECT agency_id, count(*) AS reports, min(year) AS first_year, max(year) AS last_year "
            "FROM reports GROUP BY agency_id) n ON n.agency_id = a.id "
            "LEFT JOIN (SELECT name, count(*) AS same_name FROM agencies GROUP BY name) s ON s.name = a.name "
            "LEFT JOIN (SELECT agency_id, string_agg(coalesce(name, alias), ' ') AS known FROM agency_aliases "
            "GROUP BY agency_id) k ON k.agency_id = a.id")


def finding_rows_sql() -> str:
    """Every finding with its stable key, report, agency, region, level, year, and review."""
    return (f"SELECT {KEY_SQL} AS key, f.id, f.report_id, r.agency_id, coalesce(a.name, r.agency_name) AS agency, "
            "a.region, a.level, r.year, r.title, f.origin, f.code, f.severity, "
            "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END AS severity_rank, "
            "f.where_key AS place, f.message, f.line, f.page, coalesce(v.status, 'open') AS status, v.comment, "
            "v.reviewer, v.reviewed_at "
            "FROM findings f JOIN reports r ON r.id = f.report_id LEFT JOIN agencies a ON a.id = r.agency_id "
            "LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key")


# ------------------------------------------------------------------ a query's statements

def conditions(filters: Sequence[tuple[str, str, Any]], search: Sequence[str],
               q: str | None) -> tuple[list[str], list]:
    """``WHERE`` conditions over the rows ``t`` and their parameters: each filter a
    (column, op, value) — ``=``, or ``contains`` for a region and those inside it — and each
    word of ``q`` (at most :data:`MAX_WORDS`) somewhere in the ``search`` columns."""
    conds, params = [], []
    for column, op, value in filters:
        if op == "contains":
            conds.append(f"t.{column} LIKE ? ESCAPE '\\'")
            params.append(like(value))
        else:
            conds.append(f"t.{column} = ?")
            params.append(value)
    if q:
        haystack = " || ' ' || ".join(f"coalesce(CAST(t.{c} AS TEXT), '')" for c in search)
        for word in q.split()[:MAX_WORDS]:
            conds.append(f"({haystack}) LIKE ? ESCAPE '\\'")
            params.append(like(word))
    return conds, params


def where_of(conds: list[str]) -> str:
    return f"WHERE {' AND '.join(conds)}" if conds else ""


def selection_sql(rows_sql: str, id_column: str, conds: list[str]) -> str:
    """The ids of the rows the conditions keep, as SQL (a bulk export of what a list shows)."""
    where = f" WHERE {' AND '.join(conds)}" if conds else ""
    return f"SELECT t.{id_column} FROM ({rows_sql}) t{where}"


def grouped_counts(db: Database, rows_sql: str, conds: list[str], params: list,
                   columns: Sequence[str]) -> list[tuple]:
    """Counts of the kept rows by each of ``columns`` and in all, one ``GROUPING SETS`` pass:
    per row the columns' values, their ``GROUPING()`` flags, then the count."""
    sets = ", ".join([f"(t.{c})" for c in columns] + ["()"])
    picks = ", ".join([f"t.{c}" for c in columns] + [f"GROUPING(t.{c})" for c in columns])
    return db.execute(f"SELECT {picks + ', ' if picks else ''}count(*) FROM ({rows_sql}) t {where_of(conds)} "
                      f"GROUP BY GROUPING SETS ({sets})", params)


def page_ids(db: Database, rows_sql: str, id_column: str, conds: list[str], params: list, order: str,
             size: int, offset: int) -> list:
    """The ids of one page of the kept rows in ``order`` (then by id, so the order is total)."""
    return [i for (i,) in db.execute(f"SELECT t.{id_column} FROM ({rows_sql}) t {where_of(conds)} "
                                     f"ORDER BY {order}, t.{id_column} LIMIT ? OFFSET ?", [*params, size, offset])]


def rows_of(db: Database, rows_sql: str, id_column: str, ids: list) -> list[dict]:
    """These rows whole, in the order of ``ids``."""
    if not ids:
        return []
    names, values = db.query(f"SELECT t.* FROM ({rows_sql}) t WHERE t.{id_column} IN "
                             "(SELECT unnest(?::BIGINT[]))", [ids])
    at = {i: n for n, i in enumerate(ids)}
    return sorted((dict(zip(names, row)) for row in values), key=lambda row: at[row[id_column]])


def findings_by_code(db: Database, conds: list[str], params: list) -> list[tuple[str, str, str, int]]:
    """The kept findings counted by (code, severity, review status)."""
    return db.execute(f"SELECT t.code, t.severity, t.status, count(*) FROM ({finding_rows_sql()}) t {where_of(conds)} "
                      "GROUP BY t.code, t.severity, t.status", params)
