"""Questions the web's pages ask of the store that :mod:`ogi.store.queries` does not answer:
one report with its findings and their reviews, and the aggregates of the overview and the
agency page. Every aggregate is one SQL statement over the counted reports, not a loop over
reports; the SQL is the subset DuckDB and PostgreSQL share, with ``?`` placeholders. The web
holds no SQL of its own: it calls this module (``ogi.web.data`` is its old name).

The overview reads the per-report summary (:mod:`ogi.store.summary`): which reports are
counted (the latest version of each agency's year) and the sums its charts show
(:func:`summary_sums`) are one narrow row per report there, so a chart over 100,000
reports does not read their 25 million cells."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Report
from . import summary
from .backend import Database
from .reviews import KEY, KEY_SQL

# the order levels are listed in (province first)
LEVEL_ORDER = ("province", "city", "county", "township")

REPORT_FIELDS = ("id", "sha256", "location", "local_path", "format", "parser_version", "ingested_at", "title",
                 "agency_name", "year", "template", "published_date", "index_number", "page_published_date",
                 "agency_id")
FINDING_FIELDS = ("id", "report_id", "origin", "code", "severity", "message", "message_en", "where", "line", "page",
                  "status", "comment", "reviewed_at", "key", "reviewer", "sha256")
_FINDINGS_SQL = (
    "SELECT f.id, f.report_id, f.origin, f.code, f.severity, f.message, f.message_en, f.where_key, f.line, f.page, "
    f"coalesce(v.status, 'open'), v.comment, v.reviewed_at, {KEY_SQL}, v.reviewer, r.sha256 "
    "FROM findings f JOIN reports r ON r.id = f.report_id "
    "LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key ")
_SEVERITY_ORDER = "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END"
NOT_DISMISSED = "coalesce(v.status, 'open') <> 'dismissed'"
# open error and warning counts of a report joined with its findings (f) and their reviews (v)
_OPEN_COUNTS = (f"sum(CASE WHEN f.severity = 'error' AND {NOT_DISMISSED} THEN 1 ELSE 0 END), "
                f"sum(CASE WHEN f.severity = 'warning' AND {NOT_DISMISSED} THEN 1 ELSE 0 END)")


def _dicts(fields: tuple[str, ...], rows: list[tuple]) -> list[dict]:
    return [dict(zip(fields, row)) for row in rows]


def _like_prefix(text: str) -> str:
    """A LIKE pattern matching what starts with ``text`` (its ``%``, ``_`` and ``\\`` taken literally)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _like_part(text: str) -> str:
    return "%" + _like_prefix(text)


# ------------------------------------------------------------------ one report

def report_row(db: Database, report_id: int) -> dict | None:
    """The stored fields of a report, with its agency's name, region and level; None if there is no such report."""
    rows = db.execute(f"SELECT {', '.join('r.' + f for f in REPORT_FIELDS)}, a.name, a.region, a.level "
                      "FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.id = ?", [report_id])
    if not rows:
        return None
    return dict(zip((*REPORT_FIELDS, "agency", "region", "level"), rows[0]))


def stored_report(db: Database, report_id: int) -> Report | None:
    """The Report as parsed and stored (with its sections and provenance)."""
    document = db.scalar("SELECT document FROM reports WHERE id = ?", [report_id])
    return Report.model_validate_json(document) if document else None


def report_findings(db: Database, report_id: int) -> list[dict]:
    """Every finding on a report (its own, cross-year and roll-up), worst first, with its review."""
    return _dicts(FINDING_FIELDS, db.execute(
        _FINDINGS_SQL + f"WHERE f.report_id = ? ORDER BY {_SEVERITY_ORDER}, f.id", [report_id]))


def finding(db: Database, finding_id: int) -> dict | None:
    rows = db.execute(_FINDINGS_SQL + "WHERE f.id = ?", [finding_id])
    return dict(zip(FINDING_FIELDS, rows[0])) if rows else None


def finding_by_key(db: Database, key: str, report_id: int | None = None) -> dict | None:
    """The finding with this stable key (on this report, when given)."""
    if not KEY.match(key):
        return None
    cond, params = (" AND f.report_id = ?", [report_id]) if report_id is not None else ("", [])
    rows = db.execute(_FINDINGS_SQL + f"WHERE {KEY_SQL} = ?{cond} ORDER BY f.id", [key, *params])
    return dict(zip(FINDING_FIELDS, rows[0])) if rows else None


def report_id_of(db: Database, sha256: str) -> int | None:
    return db.scalar("SELECT id FROM reports WHERE sha256 = ?", [sha256])


# Lists (reports, agencies, findings) are ogi.web.lists'.


# ------------------------------------------------------------------ a selection of counted reports

@dataclass(frozen=True)
class Selection:
    """Which counted reports a page is about: a year, a region (any whose name contains
    it: ``海陵区`` is ``江苏省泰州市海陵区`` and the towns inside it), a level, reports with a
    finding code, one agency."""

    year: int | None = None
    region: str | None = None
    level: str | None = None
    code: str | None = None
    agency_id: int | None = None

    def conditions(self, report: str = "r", id_column: str = "id") -> tuple[list[str], list]:
        """The selection's conditions on a report (``report``: its alias, with ``id_column``,
        ``agency_id`` and ``year``) and its agency ``a``, and their parameters."""
        conds: list[str] = []
        params: list[object] = []
        if self.year is not None:
            conds.append(f"{report}.year = ?")
            params.append(self.year)
        if self.region:
            conds.append("a.region LIKE ? ESCAPE '\\'")
            params.append(_like_part(self.region))
        if self.level:
            conds.append("a.level = ?")
            params.append(self.level)
        if self.agency_id is not None:
            conds.append(f"{report}.agency_id = ?")
            params.append(self.agency_id)
        if self.code:
            conds.append(f"EXISTS (SELECT 1 FROM findings f WHERE f.report_id = {report}.{id_column} AND f.code = ?)")
            params.append(self.code)
        return conds, params

    def sql(self, db: Database | None = None) -> tuple[str, list]:
        """``SELECT r.id, r.sha256, r.agency_id, r.year …`` of the counted reports selected;
        with ``db``, which reports are counted is read from the per-report summary."""
        conds, params = self.conditions()
        if db is None:
            where = f"WHERE {' AND '.join(conds)}" if conds else ""
            return ("SELECT r.id, r.sha256, r.agency_id, r.year FROM reports r JOIN primary_reports p ON p.id = r.id "
                    f"LEFT JOIN agencies a ON a.id = r.agency_id {where}"), params
        source, condition = summary.counted_from(db)
        return (f"SELECT r.id, r.sha256, r.agency_id, r.year FROM {source} JOIN reports r ON r.id = s.report_id "
                f"LEFT JOIN agencies a ON a.id = r.agency_id WHERE {' AND '.join([condition, *conds])}"), params


Summarised = tuple[str, str]  # summary.counted_from's (FROM item, condition), asked once per page


def summary_sums(db: Database, sel: Selection, by_year: bool = False, source: Summarised | None = None) -> dict:
    """Sums of the summary's single cells (:data:`ogi.store.queries.SUMMARY_CELLS`: every
    row of table 三, new requests by applicant, table 四) over the selected counted reports:
    ``{(table, row, column): sum}`` — the cells :func:`cell_sums` would give for them — or
    ``{year: {…}}`` with ``by_year``. One narrow row per report is read, not its cells.
    ``source``: :func:`ogi.store.summary.counted_from` as the caller asked it already."""
    source_sql, condition = source or summary.counted_from(db)
    conds, params = sel.conditions("s", "report_id")
    cells = [m.cells[0] for m in summary.SUMMARY_CELLS]
    sums = ", ".join(f"sum(s.{summary.column(m)})" for m in summary.SUMMARY_CELLS)
    year = "s.year, " if by_year else ""
    where = " AND ".join([condition, *conds])
    region = "LEFT JOIN agencies a ON a.id = s.agency_id " if sel.region or sel.level else ""
    rows = db.execute(f"SELECT {year}count(*), {sums} FROM {source_sql} {region}"
                      f"WHERE {where}{' GROUP BY s.year' if by_year else ''}", params)

    def cells_of(values) -> dict:
        n, *totals = values
        return {cell: total for cell, total in zip(cells, totals) if n and total is not None}

    if not by_year:
        return cells_of(rows[0]) if rows else {}
    return {y: cells_of(values) for y, *values in rows}


def counts(db: Database, sel: Selection) -> dict:
    """How many counted reports and agencies are selected, and their findings by severity (dismissed ones left out)."""
    return {k: v for k, v in overview_findings(db, sel, limit=0)[0].items() if k != "ranked"}


def cell_sums(db: Database, sel: Selection, tables: tuple[str, ...] = ("table3", "table4"),
              by_year: bool = False) -> dict:
    """Sum of every cell of ``tables`` over the selected reports: ``{(table, row, column): sum}``,
    or ``{year: {…}}`` with ``by_year``."""
    sql, params = sel.sql(db)
    marks = ", ".join("?" * len(tables))
    year = "sel.year, " if by_year else ""
    rows = db.execute(
        f"WITH sel AS ({sql}) SELECT {year}c.table_key, c.row_key, c.column_key, sum(c.value) "
        f"FROM cells c JOIN sel ON sel.id = c.report_id WHERE c.table_key IN ({marks}) "
        f"GROUP BY {year}c.table_key, c.row_key, c.column_key", [*params, *tables])
    if not by_year:
        return {(t, r, c): v for t, r, c, v in rows}
    out: dict[int, dict] = {}
    for y, t, r, c, v in rows:
        out.setdefault(y, {})[t, r, c] = v
    return out


RANKING_FIELDS = ("agency_id", "agency", "region", "level", "reports", "errors", "warnings", "infos")


def ranking(db: Database, sel: Selection) -> list[dict]:
    """Agencies of the selection by their findings (errors and warnings, then errors; with a
    finding code, only that code's), dismissed findings left out."""
    return overview_findings(db, sel)[2]


def findings_by_code(db: Database, sel: Selection) -> list[tuple[str, str, int]]:
    """(code, severity, how many) over the selected reports, most frequent first, dismissed ones left out."""
    return overview_findings(db, sel, limit=0)[1]


# the places of dismissed findings, by report id: reviews are few beside the findings, so
# leaving these out (an anti-join) is cheaper than joining every finding with its review
# through its report's sha256
_SEVERITY_SUMS = ("errors", "warnings", "infos")  # the ranking's columns, in summary.SEVERITIES order
_DISMISSED = ("SELECT rd.id AS report_id, vd.code, vd.where_key FROM reviews vd "
              "JOIN reports rd ON rd.sha256 = vd.sha256 WHERE vd.status = 'dismissed'")


def overview_findings(db: Database, sel: Selection, limit: int | None = None, offset: int = 0,
                      source: Summarised | None = None) -> tuple[dict, list[tuple[str, str, int]], list[dict]]:
    """:func:`counts`, :func:`findings_by_code` and :func:`ranking` (``limit`` agencies from
    the ``offset``-th, all when no limit; ``counts["ranked"]`` says how many there are in all) as the overview asks
    them: the reports counted, their findings by code and severity, and the agencies ranked,
    each one statement, the ranking ordered and cut in the database.

    The selection is read from the per-report summary (which reports are counted, their
    agency and year) and its findings joined by report id; dismissed findings are left out
    by an anti-join with the dismissed reviews' places (:data:`_DISMISSED`), not by joining
    every finding with the reports' sha256 and the reviews. ``source``:
    :func:`ogi.store.summary.counted_from` as the caller asked it already."""
    source_sql, condition = source or summary.counted_from(db)
    conds, params = sel.conditions("s", "report_id")
    where = " AND ".join([condition, *conds])
    region = "LEFT JOIN agencies a ON a.id = s.agency_id " if sel.region or sel.level else ""
    selected = f"FROM {source_sql} {region}WHERE {where}"
    reports, agencies = db.execute(f"SELECT count(*), count(DISTINCT s.agency_id) {selected}", params)[0]
    found_from = (f"FROM {source_sql} {region}JOIN findings fi ON fi.report_id = s.report_id "
                  f"LEFT JOIN ({_DISMISSED}) d ON d.report_id = fi.report_id AND d.code = fi.code "
                  f"AND d.where_key = fi.where_key WHERE {where} AND d.report_id IS NULL ")
    by_code = [tuple(row) for row in db.execute(
        f"SELECT fi.code, fi.severity, count(*) {found_from}GROUP BY fi.code, fi.severity "
        "ORDER BY count(*) DESC, fi.code, fi.severity", params)]
    by_severity: dict[str, int] = {}
    for _, severity, n in by_code:
        by_severity[severity] = by_severity.get(severity, 0) + n
    only_code, code_params = ("AND fi.code = ? ", [sel.code]) if sel.code else ("", [])
    cut, cut_params = (" LIMIT ? OFFSET ?", [limit, offset]) if limit is not None else ("", [])
    # the counts kept per report: no finding read, and one statement for the ranking's page
    # and length (each agency's reports counted in the same aggregate)
    if not sel.code and summary.counts_fresh(db, summaries_fresh=condition == summary.KEPT_CONDITION):
        found_sql = ("WITH found AS (SELECT s.agency_id, count(*) AS reports, "
                     + ", ".join(f"sum(s.{c}) AS {name}" for c, name in zip(summary.COUNTS, _SEVERITY_SUMS))
                     + f" {selected} AND s.agency_id IS NOT NULL GROUP BY s.agency_id), "
                     "ranked AS (SELECT * FROM found WHERE errors + warnings > 0) ")
        rows = db.execute(
            found_sql + "SELECT ag.id, ag.name, ag.region, ag.level, ranked.reports, ranked.errors, ranked.warnings, "
            "ranked.infos, count(*) OVER () FROM ranked JOIN agencies ag ON ag.id = ranked.agency_id "
            f"ORDER BY ranked.errors + ranked.warnings DESC, ranked.errors DESC, ag.name, ag.id{cut}",
            [*params, *cut_params])
        ranked = rows[0][-1] if rows else db.scalar(
            found_sql + "SELECT count(*) FROM ranked JOIN agencies ag ON ag.id = ranked.agency_id", params)
        rows = [row[:-1] for row in rows]
    else:
        found_sql = ("WITH found AS (SELECT s.agency_id, "
                     "sum(CASE WHEN fi.severity = 'error' THEN 1 ELSE 0 END) AS errors, "
                     "sum(CASE WHEN fi.severity = 'warning' THEN 1 ELSE 0 END) AS warnings, "
                     "sum(CASE WHEN fi.severity = 'info' THEN 1 ELSE 0 END) AS infos "
                     f"{found_from}AND s.agency_id IS NOT NULL {only_code}GROUP BY s.agency_id) ")
        ranked = db.scalar(found_sql + "SELECT count(*) FROM found WHERE errors + warnings > 0",
                           [*params, *code_params])
        # agencies with only infos sort last and are dropped here, not by a filter in the query:
        # DuckDB 2.0 answered a filter on ``found`` beside a second use of the selection with no rows
        rows = db.execute(
            found_sql + f", counted AS (SELECT s.agency_id, count(*) AS reports {selected} GROUP BY s.agency_id) "
            "SELECT ag.id, ag.name, ag.region, ag.level, counted.reports, found.errors, found.warnings, found.infos "
            "FROM found JOIN counted ON counted.agency_id = found.agency_id JOIN agencies ag ON ag.id = found.agency_id "
            f"ORDER BY found.errors + found.warnings DESC, found.errors DESC, ag.name, ag.id{cut}",
            [*params, *code_params, *params, *cut_params])
    rows = [row for row in rows if row[5] + row[6] > 0]
    ranking_rows = [dict(zip(RANKING_FIELDS, row)) for row in rows]
    counted = {"reports": reports, "agencies": agencies, "ranked": ranked,
               **{severity: by_severity.get(severity, 0) for severity in ("error", "warning", "info")}}
    return counted, by_code, ranking_rows


def filter_options(db: Database) -> dict:
    """The years, regions, levels and finding codes there are in the store."""
    return {
        "years": [y for (y,) in db.execute("SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year DESC")],
        "regions": [r for (r,) in db.execute("SELECT DISTINCT region FROM agencies WHERE region IS NOT NULL "
                                             "ORDER BY region")],
        "levels": sorted((lv for (lv,) in db.execute("SELECT DISTINCT level FROM agencies WHERE level IS NOT NULL")),
                         key=lambda lv: (LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else len(LEVEL_ORDER), lv)),
        "codes": [c for (c,) in db.execute("SELECT DISTINCT code FROM findings ORDER BY code")],
    }


# ------------------------------------------------------------------ one agency

def agency_row(db: Database, agency_id: int) -> dict | None:
    rows = db.execute("SELECT id, name, region, level, kind, parent_name FROM agencies WHERE id = ?", [agency_id])
    if not rows:
        return None
    out = dict(zip(("id", "name", "region", "level", "kind", "parent_name"), rows[0]))
    known = db.execute("SELECT alias, name FROM agency_aliases WHERE agency_id = ? ORDER BY alias", [agency_id])
    out["aliases"] = [name or alias for alias, name in known]
    out["alias_keys"] = [{"key": alias, "name": name or alias} for alias, name in known]
    out["org_codes"] = [alias[4:] for alias, _ in known if alias.startswith("org:")]
    out["namesakes"] = namesakes(db, agency_id, out["name"])
    return out


def namesakes(db: Database, agency_id: int, name: str) -> list[dict]:
    """The other agencies of the very same name, with what tells them apart (region, code, years)."""
    rows = db.execute(
        "SELECT a.id, a.region, a.level, min(substr(o.alias, 5)), count(DISTINCT r.id), min(r.year), max(r.year) "
        "FROM agencies a LEFT JOIN agency_aliases o ON o.agency_id = a.id AND o.kind = 'org_code' "
        "LEFT JOIN reports r ON r.agency_id = a.id WHERE a.name = ? AND a.id <> ? "
        "GROUP BY a.id, a.region, a.level ORDER BY a.region, a.id", [name, agency_id])
    return [dict(zip(("id", "region", "level", "org_code", "reports", "first_year", "last_year"), row)) for row in rows]


AGENCY_REPORT_FIELDS = ("id", "year", "template", "title", "location", "published_date", "counted", "errors",
                        "warnings")


def agency_reports(db: Database, agency_id: int) -> list[dict]:
    """An agency's reports, oldest year first; ``counted`` when statistics count it
    (one report per year), with their open error and warning counts."""
    rows = db.execute(
        f"SELECT r.id, r.year, r.template, r.title, r.location, r.published_date, p.id IS NOT NULL, {_OPEN_COUNTS} "
        "FROM reports r LEFT JOIN primary_reports p ON p.id = r.id LEFT JOIN findings f ON f.report_id = r.id "
        "LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key "
        "WHERE r.agency_id = ? "
        "GROUP BY r.id, r.year, r.template, r.title, r.location, r.published_date, p.id ORDER BY r.year, r.id",
        [agency_id])
    return [{**d, "errors": int(d["errors"] or 0), "warnings": int(d["warnings"] or 0)}
            for d in _dicts(AGENCY_REPORT_FIELDS, rows)]


def agency_findings(db: Database, agency_id: int, origins: tuple[str, ...]) -> list[dict]:
    """The findings of these origins on an agency's reports, by year, with their reviews and the report's year."""
    marks = ", ".join("?" * len(origins))
    rows = db.execute(_FINDINGS_SQL.replace("SELECT f.id,", "SELECT r.year, f.id,")
                      + f"WHERE r.agency_id = ? AND f.origin IN ({marks}) ORDER BY r.year, {_SEVERITY_ORDER}, f.id",
                      [agency_id, *origins])
    return _dicts(("year", *FINDING_FIELDS), rows)


def agency_exists(db: Database, agency_id: int) -> bool:
    return db.scalar("SELECT count(*) FROM agencies WHERE id = ?", [agency_id]) > 0


def agencies_named(db: Database, name: str) -> list[tuple[int, str | None, str | None]]:
    """Every agency of this very name: (id, region, organisation code), by id."""
    return db.execute("SELECT a.id, a.region, min(substr(o.alias, 5)) FROM agencies a LEFT JOIN agency_aliases o "
                      "ON o.agency_id = a.id AND o.kind = 'org_code' WHERE a.name = ? GROUP BY a.id, a.region "
                      "ORDER BY a.id", [name])


def counted_reports(db: Database, year: int, agency_id: int | None = None) -> int:
    """How many counted reports there are of a year (of one agency)."""
    cond, params = ("AND r.agency_id = ?", [agency_id]) if agency_id is not None else ("", [])
    return db.scalar(f"SELECT count(*) FROM reports r JOIN primary_reports p ON p.id = r.id WHERE r.year = ? {cond}",
                     [year, *params])


def stored_paths(db: Database) -> list[tuple[str, str]]:
    """(sha256, path it was read from) of every report read from a local file."""
    return db.execute("SELECT sha256, local_path FROM reports WHERE local_path IS NOT NULL")
