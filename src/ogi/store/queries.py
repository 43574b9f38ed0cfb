"""Questions asked of the store: statistics, cell-by-cell comparison, findings and reviews.

Statistics and comparisons count one report per agency and year (``primary_reports``), so
a report stored twice (its page and its PDF) is not counted twice. Row and column keys,
and the labels shown, come from ``ogi.template``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..template import FORMATS
from ..template.formats import T4_GROUP_LABELS, T4_RESULTS
from .backend import Database, StoreError

REVIEW_STATUSES = ("open", "confirmed", "dismissed")
GROUPINGS = {"year": "r.year", "region": "a.region", "level": "a.level", "agency": "a.name"}

_T3 = FORMATS["2021"].table3


def _rows_of(group: str) -> tuple[str, ...]:
    return tuple(r.key for r in _T3.rows if r.group == group)


DENIED_ROWS = _rows_of("denied")


@dataclass(frozen=True)
class Measure:
    """A sum over every counted report: the cells it adds up and how it is headed."""

    key: str
    label: str
    cells: tuple[tuple[str, str, str], ...]  # (table, row, column)


def _t3(key: str, *rows: str, label: str | None = None) -> Measure:
    return Measure(key, label or _T3.row(rows[0]).label, tuple(("table3", r, "total") for r in rows))


def _t4(key: str, result: str, *groups: str, label: str) -> Measure:
    return Measure(key, label, tuple(("table4", g, result) for g in groups))


_RESULT = {m.key: m.label for m in T4_RESULTS}
_LITIGATION = ("litigation_direct", "litigation_after_review")
_GROUP_LABEL = {g.key: g.label for g in _T3.groups}

MEASURES: tuple[Measure, ...] = (
    _t3("received", "new_received"),
    _t3("carried_over", "carried_over"),
    _t3("handled", "total"),
    _t3("granted", "granted"),
    _t3("partially_granted", "partially_granted"),
    _t3("denied", *DENIED_ROWS, label=_GROUP_LABEL["denied"]),
    _t3("unable", *_rows_of("unable"), label=_GROUP_LABEL["unable"]),
    _t3("not_processed", *_rows_of("not_processed"), label=_GROUP_LABEL["not_processed"]),
    _t3("carried_forward", "carried_forward"),
    *(_t3(row, row) for row in DENIED_ROWS),
    _t4("review", "total", "review", label=f"{T4_GROUP_LABELS['review']}{_RESULT['total']}"),
    _t4("review_corrected", "corrected", "review", label=f"{T4_GROUP_LABELS['review']}{_RESULT['corrected']}"),
    _t4("review_pending", "pending", "review", label=f"{T4_GROUP_LABELS['review']}{_RESULT['pending']}"),
    _t4("litigation", "total", *_LITIGATION, label=f"行政诉讼{_RESULT['total']}"),
    _t4("litigation_corrected", "corrected", *_LITIGATION, label=f"行政诉讼{_RESULT['corrected']}"),
    _t4("litigation_pending", "pending", *_LITIGATION, label=f"行政诉讼{_RESULT['pending']}"),
)

# rates: (key, label, numerator, denominator measures); a correction rate counts closed cases
RATES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("granted_share", "予以公开占比", ("granted",), ("handled",)),
    ("partially_granted_share", "部分公开占比", ("partially_granted",), ("handled",)),
    ("denied_share", "不予公开占比", ("denied",), ("handled",)),
    *((f"{row}_share", f"{_T3.row(row).label}(占不予公开)", (row,), ("denied",)) for row in DENIED_ROWS),
    ("review_correction_rate", "行政复议纠错率", ("review_corrected",), ("review", "-review_pending")),
    ("litigation_correction_rate", "行政诉讼纠错率", ("litigation_corrected",), ("litigation", "-litigation_pending")),
)


def _number(value):
    """Whole numbers as int (counts), others as they are."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _case(measure: Measure) -> tuple[str, list]:
    parts, params = [], []
    for table, row, col in measure.cells:
        parts.append("(c.table_key = ? AND c.row_key = ? AND c.column_key = ?)")
        params += [table, row, col]
    return f"sum(CASE WHEN {' OR '.join(parts)} THEN c.value END)", params


def stats(db: Database, by: str | None = None, year: int | None = None) -> list[dict]:
    """Totals and rates per group (``by``: year, region, level or agency; None: all)."""
    if by is not None and by not in GROUPINGS:
        raise StoreError(f"unknown grouping {by!r}: one of {', '.join(GROUPINGS)}")
    group = GROUPINGS[by] if by else "'全部'"
    selects, params = [], []
    for i, m in enumerate(MEASURES):
        sql, p = _case(m)
        selects.append(f"{sql} AS m{i}")
        params += p
    where, wparams = ("WHERE r.year = ?", [year]) if year is not None else ("", [])
    sql = (f"SELECT {group} AS grp, count(DISTINCT r.id) AS reports, {', '.join(selects)} "
           "FROM reports r JOIN primary_reports p ON p.id = r.id "
           "LEFT JOIN agencies a ON a.id = r.agency_id "
           "LEFT JOIN cells c ON c.report_id = r.id AND c.table_key IN ('table3', 'table4') "
           f"{where} GROUP BY 1 ORDER BY 1")
    rows = db.execute(sql, params + wparams)
    out = []
    for row in rows:
        item = {"group": row[0], "reports": row[1]}
        item.update({m.key: _number(v) for m, v in zip(MEASURES, row[2:])})
        for key, _, num, den in RATES:
            n = sum(item[k] or 0 for k in num)
            d = sum(-(item[k[1:]] or 0) if k.startswith("-") else (item[k] or 0) for k in den)
            item[key] = round(n / d, 4) if d else None
        out.append(item)
    return out


STAT_LABELS = {"group": "分组", "reports": "报告数", **{m.key: m.label for m in MEASURES},
               **{key: label for key, label, _, _ in RATES}}


# ------------------------------------------------------------------ compare

def cell_order() -> dict[tuple[str, str, str], int]:
    """Every cell key in printed order (2021 format first, then what only 2019 has)."""
    order: dict[tuple[str, str, str], int] = {}
    for fmt in ("2021", "2019"):
        for table in FORMATS[fmt].tables:
            for row, cols in table.output_rows().items():
                for col in cols:
                    order.setdefault((table.key, row, col), len(order))
    return order


def cell_totals(db: Database, where: str, params: Sequence) -> dict[tuple[str, str, str], float | None]:
    """Per cell key, the sum over the counted reports matching ``where`` (on ``r``)."""
    rows = db.execute("SELECT c.table_key, c.row_key, c.column_key, sum(c.value) FROM cells c "
                      "JOIN reports r ON r.id = c.report_id JOIN primary_reports p ON p.id = r.id "
                      f"WHERE {where} GROUP BY c.table_key, c.row_key, c.column_key", list(params))
    return {(t, r, c): _number(v) for t, r, c, v in rows}


@dataclass
class Comparison:
    left: str
    right: str
    rows: list[tuple[str, object, object, object]]  # (cell key, left, right, right − left)


def _compare(left_name: str, right_name: str, left: dict, right: dict, everything: bool) -> Comparison:
    order = cell_order()
    keys = sorted(set(left) | set(right), key=lambda k: (order.get(k, len(order)), k))
    rows = []
    for key in keys:
        a, b = left.get(key), right.get(key)
        diff = _number(b - a) if a is not None and b is not None else None
        if everything or a != b:
            rows.append((".".join(key), a, b, diff))
    return Comparison(left_name, right_name, rows)


def compare_years(db: Database, a: int, b: int, agency_id: int | None = None, everything: bool = False) -> Comparison:
    """Every cell summed over the reports of year ``a`` against year ``b`` (of one agency if given)."""
    extra, params = (" AND r.agency_id = ?", [agency_id]) if agency_id is not None else ("", [])
    left = cell_totals(db, "r.year = ?" + extra, [a, *params])
    right = cell_totals(db, "r.year = ?" + extra, [b, *params])
    if not left and not right:
        raise StoreError(f"没有 {a} 或 {b} 年的报告 / no reports of {a} or {b}")
    return _compare(str(a), str(b), left, right, everything)


def compare_agencies(db: Database, a: int, b: int, year: int | None = None, everything: bool = False) -> Comparison:
    """Two agencies' reports of one year, cell by cell: ``year``, else the latest year both have."""
    if year is None:
        year = db.scalar("SELECT max(r1.year) FROM reports r1 JOIN reports r2 ON r1.year = r2.year "
                         "WHERE r1.agency_id = ? AND r2.agency_id = ?", [a, b])
        if year is None:
            raise StoreError("两个机关没有同一年度的报告,请用 --year 指定 / "
                             "the two agencies have no report of the same year: give --year")
    names = dict(db.execute("SELECT id, name FROM agencies WHERE id IN (?, ?)", [a, b]))
    left = cell_totals(db, "r.agency_id = ? AND r.year = ?", [a, year])
    right = cell_totals(db, "r.agency_id = ? AND r.year = ?", [b, year])
    for agency, cells in ((a, left), (b, right)):
        if not cells:
            raise StoreError(f"{names.get(agency, agency)} 没有 {year} 年的报告 / has no report of {year}")
    return _compare(f"{names[a]} {year}", f"{names[b]} {year}", left, right, everything)


# ------------------------------------------------------------------ findings and reviews

FINDING_COLUMNS = ("id", "agency", "year", "code", "severity", "where", "message", "status", "comment",
                   "origin", "location")


def findings(db: Database, code: str | None = None, severity: str | None = None, status: str | None = None,
             agency_id: int | None = None, year: int | None = None, origin: str | None = None) -> list[tuple]:
    """Stored findings with their review status (``open`` when nobody reviewed them)."""
    return db.execute(*findings_query(code, severity, status, agency_id, year, origin))


def findings_query(code: str | None = None, severity: str | None = None, status: str | None = None,
                   agency_id: int | None = None, year: int | None = None, origin: str | None = None
                   ) -> tuple[str, list]:
    """The SQL and parameters of :func:`findings` (for reading it as a stream)."""
    conds, params = [], []
    for sql, value in (("f.code = ?", code), ("f.severity = ?", severity), ("coalesce(v.status, 'open') = ?", status),
                       ("r.agency_id = ?", agency_id), ("r.year = ?", year), ("f.origin = ?", origin)):
        if value is not None:
            conds.append(sql)
            params.append(value)
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    return ("SELECT f.id, coalesce(a.name, r.agency_name), r.year, f.code, f.severity, f.where_key, f.message, "
            "coalesce(v.status, 'open'), v.comment, f.origin, r.location "
            "FROM findings f JOIN reports r ON r.id = f.report_id LEFT JOIN agencies a ON a.id = r.agency_id "
            "LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key "
            f"{where} ORDER BY f.id", params)


def review(db: Database, finding_id: int, status: str, comment: str | None = None) -> None:
    """Record a verdict on a finding; it stays with the report's source, code and cell."""
    if status not in REVIEW_STATUSES:
        raise StoreError(f"unknown status {status!r}: one of {', '.join(REVIEW_STATUSES)}")
    found = db.execute("SELECT r.sha256, f.code, f.where_key FROM findings f JOIN reports r ON r.id = f.report_id "
                       "WHERE f.id = ?", [finding_id])
    if not found:
        raise StoreError(f"没有编号为 {finding_id} 的问题 / no finding {finding_id}")
    with db.transaction():
        db.execute("DELETE FROM reviews WHERE sha256 = ? AND code = ? AND where_key = ?", list(found[0]))
        db.execute("INSERT INTO reviews (sha256, code, where_key, status, comment) VALUES (?, ?, ?, ?, ?)",
                   [*found[0], status, comment])
