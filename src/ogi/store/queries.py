"""Questions asked of the store: statistics, year-over-year trends, cell-by-cell comparison,
versions, findings and reviews.

Statistics, trends and comparisons count one report per agency and year: its latest
version (``primary_reports``; a page and its PDF are copies of one version, the fullest
counted). They read the per-report summary (:mod:`ogi.store.summary`), not the cells, and
leave out reports whose own tables break a hard identity unless asked; every rate carries
its numerator and denominator. Grouping by region rolls agencies up by their
administrative path (:mod:`ogi.store.regions`). Row and column keys, and the labels shown,
come from ``ogi.template``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..template import APPLICANT_COLUMNS, FORMATS, T4_GROUPS
from ..template.formats import T4_GROUP_LABELS, T4_RESULTS
from .backend import Database, StoreError

REVIEW_STATUSES = ("open", "confirmed", "dismissed")

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
    label = label or _T3.row(rows[0]).label
    assert label is not None  # every table 三 row is labelled
    return Measure(key, label, tuple(("table3", r, "total") for r in rows))


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

# single cells kept per report in the summary beside the measures, for the web's overview
# charts (every row of table 三 in both formats, new requests by applicant, every cell of
# table 四): a chart then reads one narrow row per report instead of the cells table
def _cell(table: str, row: str, col: str) -> Measure:
    return Measure(f"{table}.{row}.{col}", f"{table}.{row}.{col}", ((table, row, col),))


_T3_ROWS = tuple(dict.fromkeys(r.key for f in ("2021", "2019") for r in FORMATS[f].table3.rows))
SUMMARY_CELLS: tuple[Measure, ...] = (
    *(_cell("table3", row, "total") for row in _T3_ROWS),
    *(_cell("table3", "new_received", m.key) for m in APPLICANT_COLUMNS if m.key != "total"),
    *(_cell("table4", g, m.key) for g in T4_GROUPS for m in T4_RESULTS),
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


GROUPINGS = ("year", "region", "province", "city", "county", "level", "agency")
_SQL_GROUPS: dict[str | None, str] = {"year": "s.year", "level": "a.level", "agency": "a.name"}  # by → SQL
_REGION_GROUPS = ("region", "province", "city", "county")  # rolled up from agencies by store.regions
NO_GROUP = "全部"


def rate_parts(key: str) -> tuple[str, str]:
    """The keys under which a rate's numerator and denominator are given beside it."""
    return f"{key}_numerator", f"{key}_denominator"


def _rates(item: dict) -> None:
    for key, _, num, den in RATES:
        n = sum(item[k] or 0 for k in num)
        d = sum(-(item[k[1:]] or 0) if k.startswith("-") else (item[k] or 0) for k in den)
        numerator, denominator = rate_parts(key)
        item[key] = round(n / d, 4) if d else None
        item[numerator], item[denominator] = _number(float(n)), _number(float(d))


def stats(db: Database, by: str | None = None, year: int | None = None,
          include_inconsistent: bool = False) -> list[dict]:
    """Totals and rates per group (``by``: year, region, province, city, county, level or
    agency; None: all), over the counted reports: one per agency and year, its latest version.

    Reports whose own tables break a hard identity (``store.summary.HARD_IDENTITIES``) are
    left out unless ``include_inconsistent``; each group says how many were left out
    (``excluded``) and for which rule (``excluded_<CODE>``; a report may break several).
    Every rate comes with its numerator and denominator (``<rate>_numerator``, ``…_denominator``)."""
    from .summary import HARD_IDENTITIES, column, counted_from

    if by is not None and by not in GROUPINGS:
        raise StoreError(f"unknown grouping {by!r}: one of {', '.join(GROUPINGS)}")
    key = _SQL_GROUPS.get(by, f"'{NO_GROUP}'")
    source, condition = counted_from(db)
    join = "LEFT JOIN agencies a ON a.id = s.agency_id " if by in ("level", "agency") else ""
    conds, params = [condition], []
    if by in _REGION_GROUPS:
        key, join, params = "g.grp", *_region_join(db, by)
    if year is not None:
        conds.append("s.year = ?")
        params.append(year)
    where = " AND ".join(conds)
    keep = "" if include_inconsistent else " AND s.broken IS NULL"
    sums = ", ".join(f"sum(s.{column(m)})" for m in MEASURES)
    zeros = ", ".join("0" for _ in HARD_IDENTITIES)
    rows = db.execute(f"SELECT {key} AS grp, count(*), 0, {zeros}, {sums} FROM {source} {join}"
                      f"WHERE {where}{keep} GROUP BY 1", params)
    if not include_inconsistent:  # the few left out, and why
        broken = ", ".join(f"count(*) FILTER (WHERE s.broken LIKE '%{code}%')" for code in HARD_IDENTITIES)
        nulls = ", ".join("NULL" for _ in MEASURES)
        rows += db.execute(f"SELECT {key} AS grp, 0, count(*), {broken}, {nulls} FROM {source} {join}"
                           f"WHERE {where} AND s.broken IS NOT NULL GROUP BY 1", params)
    fields = ["reports", "excluded", *(f"excluded_{c}" for c in HARD_IDENTITIES), *(m.key for m in MEASURES)]
    groups: dict = {}
    names = _group_names(db, by) if by == "level" else (lambda g: g)
    for grp, *values in rows:
        name = names(grp)
        acc = groups.setdefault(name, dict.fromkeys(fields))
        for f, v in zip(fields, values):
            if v is not None:
                acc[f] = (acc[f] or 0) + v
    out = []
    counts = fields[:2 + len(HARD_IDENTITIES)]
    for name in sorted(groups, key=lambda g: (g is None, str(g))):
        item = {"group": name}
        for k, v in groups[name].items():
            item[k] = (v or 0) if k in counts else (None if v is None else _number(float(v)))
        _rates(item)
        out.append(item)
    return out


def _region_join(db: Database, by: str) -> tuple[str, list]:
    """A join giving each counted row its region group (``g.grp``), and its parameters: the
    agencies' regions go to the database as two arrays, so that the roll-up is SQL's
    GROUP BY over the few regions and not a Python loop over every agency."""
    from .regions import agency_regions, stored_region_columns
    from .summary import REGIONS, regions_fresh

    field = "path" if by == "region" else by
    if field in stored_region_columns(db):  # agency identity keeps the path: group by its column
        return f"LEFT JOIN (SELECT id AS agency_id, {field} AS grp FROM agencies) g ON g.agency_id = s.agency_id ", []
    if regions_fresh(db):  # kept by store.summary.settle from the same agency_regions
        return f"LEFT JOIN (SELECT agency_id, {field} AS grp FROM {REGIONS}) g ON g.agency_id = s.agency_id ", []
    pairs = [(i, getattr(r, field)) for i, r in agency_regions(db).items()]
    join = ("LEFT JOIN (SELECT unnest(?::BIGINT[]) AS agency_id, unnest(?::TEXT[]) AS grp) g "
            "ON g.agency_id = s.agency_id ")
    return join, [[i for i, _ in pairs], [g for _, g in pairs]]


def _group_names(db: Database, by: str | None):
    """How a SQL group key becomes the group shown: levels by their Chinese label, agencies
    by the region they roll up into."""
    from .regions import LEVEL_LABELS, agency_regions

    if by == "level":
        return lambda code: LEVEL_LABELS.get(code, code)
    if by in _REGION_GROUPS:
        regions = agency_regions(db)
        field = "path" if by == "region" else by
        return lambda agency_id: getattr(regions[agency_id], field) if agency_id in regions else None
    return lambda grp: grp


def counted_versions(db: Database, year: int | None = None) -> tuple[int, int]:
    """(reports counted, reports not counted because a later version or a fuller copy of the
    same agency's report of that year is stored)."""
    from .summary import counted as counted_reports

    where, params = ("WHERE year = ?", [year]) if year is not None else ("", [])
    stored = db.scalar(f"SELECT count(*) FROM reports {where}", params)
    counted = db.scalar(f"SELECT count(*) FROM {counted_reports(db)} s {where}", params)
    return counted, stored - counted


STAT_LABELS = {"group": "分组", "reports": "报告数", "excluded": "未计入(表内勾稽不符)",
               **{m.key: m.label for m in MEASURES}, **{key: label for key, label, _, _ in RATES}}


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


FEW_REPORTS = 200  # up to this many reports are named in the statement, so the scan skips to their cells


def cell_totals(db: Database, where: str, params: Sequence) -> dict[tuple[str, str, str], float | None]:
    """Per cell key, the sum over the counted reports matching ``where`` (on ``r``)."""
    from .summary import counted

    selected = f"SELECT s.report_id FROM {counted(db)} s JOIN reports r ON r.id = s.report_id WHERE {where}"
    ids = [i for (i,) in db.execute(f"{selected} LIMIT {FEW_REPORTS + 1}", list(params))]
    if not ids:
        return {}
    if len(ids) <= FEW_REPORTS:
        which, args = f"c.report_id IN ({', '.join('?' * len(ids))})", ids
    else:  # many (a whole year): the database selects them itself, not a list sent back to it
        which, args = f"c.report_id IN ({selected})", list(params)
    rows = db.execute("SELECT c.table_key, c.row_key, c.column_key, sum(c.value) FROM cells c "
                      f"WHERE {which} GROUP BY c.table_key, c.row_key, c.column_key", args)
    return {(t, r, c): _number(v) for t, r, c, v in rows}


def year_cell_totals(db: Database, year: int) -> dict[tuple[str, str, str], float | None] | None:
    """:func:`cell_totals` of a whole year, read from the sums kept per year
    (:mod:`ogi.store.year_cells`); None when they are stale."""
    from .year_cells import year_totals

    kept = year_totals(db, year)
    return None if kept is None else {key: _number(v) for key, v in kept.items()}


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
    left, right = (year_cell_totals(db, y) if agency_id is None else None for y in (a, b))
    left = cell_totals(db, "r.year = ?" + extra, [a, *params]) if left is None else left
    right = cell_totals(db, "r.year = ?" + extra, [b, *params]) if right is None else right
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
             agency_id: int | None = None, year: int | None = None, origin: str | None = None,
             limit: int | None = None, offset: int = 0) -> list[tuple]:
    """Stored findings with their review status (``open`` when nobody reviewed them); one
    page of ``limit`` from ``offset`` when a limit is given (in id order)."""
    return db.execute(*findings_query(code, severity, status, agency_id, year, origin, limit, offset))


def findings_query(code: str | None = None, severity: str | None = None, status: str | None = None,
                   agency_id: int | None = None, year: int | None = None, origin: str | None = None,
                   limit: int | None = None, offset: int = 0) -> tuple[str, list]:
    """The SQL and parameters of :func:`findings` (for reading it as a stream)."""
    conds, params = [], []
    for sql, value in (("f.code = ?", code), ("f.severity = ?", severity), ("coalesce(v.status, 'open') = ?", status),
                       ("r.agency_id = ?", agency_id), ("r.year = ?", year), ("f.origin = ?", origin)):
        if value is not None:
            conds.append(sql)
            params.append(value)
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    # the page is chosen first, joining reports and reviews only when a filter reads them,
    # so that a page costs a scan of findings and not a join of all of them
    needs_report = agency_id is not None or year is not None or status is not None
    page_from = "findings f" + (" JOIN reports r ON r.id = f.report_id" if needs_report else "") + (
        " LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key"
        if status is not None else "")
    tail = " LIMIT ? OFFSET ?" if limit is not None else ""
    return (f"WITH page AS (SELECT f.id FROM {page_from} {where} ORDER BY f.id{tail}) "
            "SELECT f.id, coalesce(a.name, r.agency_name), r.year, f.code, f.severity, f.where_key, f.message, "
            "coalesce(v.status, 'open'), v.comment, f.origin, r.location "
            "FROM page JOIN findings f ON f.id = page.id JOIN reports r ON r.id = f.report_id "
            "LEFT JOIN agencies a ON a.id = r.agency_id "
            "LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key "
            "ORDER BY f.id", params + ([limit, offset] if limit is not None else []))


def review(db: Database, finding_id: int, status: str, comment: str | None = None,
           reviewer: str | None = None) -> None:
    """Record a verdict on a finding by its row id, with who gave it and a line in the review
    history (:func:`ogi.store.reviews.review`, as the web does; the operating-system user when
    no reviewer is named); it stays with the report's source, code and cell."""
    from . import reviews

    if status not in REVIEW_STATUSES:
        raise StoreError(f"unknown status {status!r}: one of {', '.join(REVIEW_STATUSES)}")
    reviews.review(db, [reviews.key_of(db, finding_id)], status, comment, reviewer or reviews.os_user())


# ------------------------------------------------------------------ versions

@dataclass
class Version:
    """A stored report of an agency and year, as a version: its number (copies of one
    version share it), the report it was compared with, and whether statistics count it."""

    report_id: int
    version: int
    sequence: int  # order among the stored reports of the agency and year, oldest first
    date: str | None
    counted: bool
    copy_of: int | None  # the earlier report of the same version whose printed values it repeats
    filled: int
    location: str


@dataclass
class Versions:
    agency: str
    year: int
    versions: list[Version]
    changes: list[tuple[int, int, str, object, object]]  # (from version, to version, cell key, before, after)


def _values(db: Database, ids: list[int]) -> dict[int, dict[str, float | None]]:
    out: dict[int, dict[str, float | None]] = {i: {} for i in ids}
    for rid, t, r, c, v in db.execute("SELECT report_id, table_key, row_key, column_key, value FROM cells "
                                      "WHERE report_id IN (SELECT unnest(?::BIGINT[]))", [ids]):
        out[rid][f"{t}.{r}.{c}"] = _number(v)
    return out


def cell_tuple(key: str) -> tuple[str, str, str]:
    """``table3.denied.state_secret.total`` → (table3, denied.state_secret, total)."""
    table, rest = key.split(".", 1)
    row, col = rest.rsplit(".", 1)
    return table, row, col


def _agrees(a: dict, b: dict) -> bool:
    """Two reports print the same values wherever both print one (a page and its PDF)."""
    return all(a[k] == v for k, v in b.items() if v is not None and a.get(k) is not None)


def versions(db: Database, agency_id: int, year: int) -> Versions:
    """Every stored report of an agency's year in version order, and what changed from each
    version to the next. A report that agrees with the version before it on every value
    both print is a copy of it (a page and the PDF it links to), not a new version."""
    name = db.scalar("SELECT name FROM agencies WHERE id = ?", [agency_id])
    rows = db.execute("SELECT v.id, v.sequence, v.version_date, v.latest, r.filled, r.location "
                      "FROM report_versions v JOIN reports r ON r.id = v.id "
                      "WHERE v.agency_id = ? AND v.year = ? ORDER BY v.sequence", [agency_id, year])
    if not rows:
        raise StoreError(f"{name or agency_id} 没有 {year} 年的报告 / has no report of {year}")
    values = _values(db, [r[0] for r in rows])
    out: list[Version] = []
    heads: list[int] = []  # per version, its fullest report so far
    for rid, sequence, date, latest, filled, location in rows:
        head = heads[-1] if heads else None
        if head is not None and _agrees(values[head], values[rid]):
            out.append(Version(rid, len(heads), sequence, date, bool(latest), head, filled, location))
            if filled > next(v.filled for v in out if v.report_id == head):
                heads[-1] = rid
            continue
        heads.append(rid)
        out.append(Version(rid, len(heads), sequence, date, bool(latest), None, filled, location))
    order = cell_order()
    changes: list[tuple[int, int, str, object, object]] = []
    for i in range(1, len(heads)):
        before, after = values[heads[i - 1]], values[heads[i]]
        keys = sorted(set(before) | set(after), key=lambda k: (order.get(cell_tuple(k), len(order)), k))
        changes += [(i, i + 1, k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
    return Versions(name or str(agency_id), year, out, changes)


# ------------------------------------------------------------------ year over year

TREND_FIELDS = ("group", "year", "reports", "value", "previous", "change", "pct_change")
TREND_SORTS = ("change", "pct_change")


def trend(db: Database, measure: str = "received", by: str | None = None, years: tuple[int, int] | None = None,
          agency_id: int | None = None, region: str | None = None, include_inconsistent: bool = False,
          sort: str | None = None, limit: int | None = None) -> list[dict]:
    """A measure per group and year, with its change from the year before (``change``,
    ``pct_change``; null where the group has no value the year before).

    ``measure``: a key of :data:`MEASURES` (read from the per-report summary) or any cell key
    of the codebook (``table2.licensing.decisions``). ``by`` groups as :func:`stats` does
    (None: one series for everything selected); ``agency_id`` and ``region`` (a part of
    the region's path, ``北碚区``) narrow the reports. Counted reports only (the latest
    version of each agency's year), without those breaking a hard identity unless
    ``include_inconsistent``. ``sort`` (``change``/``pct_change``, largest first) and ``limit``
    rank the rows that have a change — “whose applications rose most”."""
    from .summary import column, counted_from

    if by is not None and by not in GROUPINGS:
        raise StoreError(f"unknown grouping {by!r}: one of {', '.join(GROUPINGS)}")
    if sort is not None and sort not in TREND_SORTS:
        raise StoreError(f"unknown order {sort!r}: one of {', '.join(TREND_SORTS)}")
    params: list = []
    if measure in {m.key for m in MEASURES}:
        value = f"s.{column(measure)}"
    else:
        from ..codebook import labels_zh

        if measure not in labels_zh():
            raise StoreError(f"没有这个指标 / unknown measure {measure!r}: one of "
                             f"{', '.join(m.key for m in MEASURES)}, or a cell key (ogi codebook)")
        value = ("(SELECT c.value FROM cells c WHERE c.report_id = s.report_id AND c.table_key = ? AND c.row_key = ? "
                 "AND c.column_key = ?)")
        params += list(cell_tuple(measure))
    source, condition = counted_from(db)
    conds = [condition] + ([] if include_inconsistent else ["s.broken IS NULL"])
    if years:
        conds.append("s.year BETWEEN ? AND ?")
        params += [years[0] - 1, years[1]]  # the year before the first, for its change
    if agency_id is not None:
        conds.append("s.agency_id = ?")
        params.append(agency_id)
    where = f"WHERE s.year IS NOT NULL{''.join(' AND ' + c for c in conds)}"
    if region or by in _REGION_GROUPS:
        return _trend_rolled_up(db, source, where, value, params, by, region, years, sort, limit)
    trend_groups: dict[str | None, str] = {"agency": "s.agency_id", "level": "a.level"}  # by → SQL, for a trend
    key = trend_groups.get(by, _SQL_GROUPS.get(by, f"'{NO_GROUP}'"))
    join = "LEFT JOIN agencies a ON a.id = s.agency_id " if key.startswith("a.") else ""
    first = years[0] if years else None
    order = (f"ORDER BY {sort} DESC, grp, year" if sort else "ORDER BY grp, year")
    rows = db.execute(
        f"WITH per AS (SELECT {key} AS grp, s.year, count(*) AS n, sum({value}) AS v FROM {source} {join}{where} "
        "GROUP BY 1, 2), "
        "lagged AS (SELECT grp, year, n, v, CASE WHEN lag(year) OVER w = year - 1 THEN lag(v) OVER w END AS previous "
        "FROM per WINDOW w AS (PARTITION BY grp ORDER BY year)), "
        "changed AS (SELECT grp, year, n, v, previous, v - previous AS change, "
        "CASE WHEN previous <> 0 THEN (v - previous) / previous END AS pct_change FROM lagged) "
        f"SELECT * FROM changed WHERE {'year >= ?' if first else 'TRUE'}"
        f"{f' AND {sort} IS NOT NULL' if sort else ''} {order}{' LIMIT ?' if limit else ''}",
        params + ([first] if first else []) + ([limit] if limit else []))
    names = dict(db.execute("SELECT id, name FROM agencies WHERE id IN (SELECT unnest(?::BIGINT[]))",
                            [[r[0] for r in rows]])) if by == "agency" else {}
    level = _group_names(db, "level") if by == "level" else (lambda g: g)
    return [dict(zip(TREND_FIELDS, (names.get(grp, grp) if by == "agency" else level(grp), year, n, _number(v),
                                    _number(prev), _number(change), None if pct is None else round(pct, 4))))
            for grp, year, n, v, prev, change, pct in rows]


def _trend_rolled_up(db: Database, source: str, where: str, value: str, params: list, by: str | None,
                     region: str | None, years: tuple[int, int] | None, sort: str | None,
                     limit: int | None) -> list[dict]:
    """:func:`trend` for regions: rolled up in SQL (``by`` a region), or per agency in SQL and
    kept here when its region path holds ``region``."""
    if not region:
        assert by is not None  # trend rolls up without a region only by one of _REGION_GROUPS
        join, join_params = _region_join(db, by)
        rows = db.execute(f"SELECT g.grp, s.year, count(*), sum({value}) FROM {source} {join}{where} GROUP BY 1, 2",
                          join_params[:0] + _value_first(params, value, join_params))
        names = lambda g: g  # noqa: E731
    else:
        rows = db.execute(f"SELECT s.agency_id, s.year, count(*), sum({value}) FROM {source} {where} GROUP BY 1, 2",
                          params)
        rows = _in_region(db, rows, region, by)
        names = _group_names(db, by) if by in _REGION_GROUPS or by == "level" else (lambda g: g)
    series: dict = {}
    for grp, year, n, v in rows:
        name = names(grp)
        acc = series.setdefault(name, {}).setdefault(year, [0, None])
        acc[0] += n
        if v is not None:
            acc[1] = (acc[1] or 0) + v
    out = []
    for name in sorted(series, key=lambda g: (g is None, str(g))):
        for year in sorted(series[name]):
            if years and year < years[0]:
                continue
            n, v = series[name][year]
            prev = series[name].get(year - 1, (0, None))[1]
            change = v - prev if v is not None and prev is not None else None
            out.append(dict(zip(TREND_FIELDS, (name, year, n, _number(v), _number(prev), _number(change),
                                               round(change / prev, 4) if change is not None and prev else None))))
    if sort:
        out = sorted((r for r in out if r[sort] is not None), key=lambda r: (-r[sort], str(r["group"]), r["year"]))
    return out[:limit] if limit else out


def _value_first(params: list, value: str, join_params: list) -> list:
    """Parameters in statement order: the measure's (in the SELECT list), the join's, the WHERE's."""
    n = value.count("?")
    return params[:n] + join_params + params[n:]


def _in_region(db: Database, rows: list[tuple], region: str | None, by: str | None) -> list[tuple]:
    """Rows keyed by agency id, kept when the agency's region path holds ``region``, and
    keyed again as ``by`` wants."""
    if not region:
        return rows
    from .regions import agency_regions

    regions = agency_regions(db)
    kept = [r for r in rows if r[0] in regions and region in (regions[r[0]].path or "")]
    if by in _REGION_GROUPS:
        return kept
    if by is None:
        return [(f"{NO_GROUP}({region})", *r[1:]) for r in kept]
    if by == "level":
        return [(regions[r[0]].level, *r[1:]) for r in kept]
    if by == "agency":
        names = dict(db.execute("SELECT id, name FROM agencies"))
        return [(names.get(r[0]), *r[1:]) for r in kept]
    raise StoreError("--region 不能与 --by year 一起用 / --region does not go with --by year")
