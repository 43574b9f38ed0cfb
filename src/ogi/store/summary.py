"""One row per report with what statistics add up: the per-report summary.

``ogi stats``, ``ogi trend`` and the web's overview sum a handful of measures over every
counted report. Summing them from ``cells`` means reading some 250 rows per report — 25
million at 100,000 reports, seconds per question. So when a report is stored, its
measures (:data:`ogi.store.queries.MEASURES`, each a sum of table 三/四 cells) are summed
once into ``report_summary``, together with the hard identities its own tables break
(``broken``: ``T3_BALANCE``, ``T3_ROW_TOTAL``, ``T3_OUTCOME_TOTAL``, ``T4_TOTAL``, from the
report's own findings), its agency and year, and whether it is the report counted for them
(``counted``: the latest version, as the ``primary_reports`` view orders them). A question
then reads one narrow row per report, with no window over the reports.

:func:`refresh` is the one write: ingest calls it for each batch it stores, in the batch's
transaction, with the rows summed in Python from the cells rows the batch holds anyway
(:func:`summary_row`, the same sums as the SQL of :func:`select_sql`, which other writers use). It is set-based — a DELETE and an INSERT …
SELECT … GROUP BY for the batch, and the counted flag re-ranked only within the (agency,
year) groups the batch touched — the same SQL on DuckDB and PostgreSQL.

Readers do not trust that nothing else changed the reports: a fingerprint of the reports'
ids, agencies and years (two scans of a few integer columns, :func:`fresh`) is compared
with the summaries'. When they differ — a writer that did not call :func:`refresh`, an
agency merged or split since — :func:`counted_from` works the same rows out from the
reports, the view and the cells instead (slower, still right), and the next refresh
re-links every row first.

The columns are fixed by store migration 3; a new measure needs a new migration step
(``tests/test_store_versions.py`` pins the column list).

**Finding counts** (store migration 12): each row also keeps its report's findings that are
not dismissed, by severity (``n_errors``, ``n_warnings``, ``n_infos``; every origin: the
report's own checks, cross-year, copied text, roll-ups), so that the report list and the
overview's ranking read them instead of joining some 300,000 findings with their reviews at
100,000 reports. They change when findings are written (ingest, re-parse, the cross-report
rules of :func:`ogi.store.agencies.recheck`) and when a finding is reviewed
(:func:`ogi.store.reviews.review`, the one writer of verdicts). Rows :func:`refresh` writes
are left uncounted (NULL: not trusted) and recounted once, with every other row, by
:func:`settle` at the end of ``recheck`` — one set-based statement per ingest, not one per
batch. :func:`recount` recounts
them, for some reports or all, set-based; a fingerprint of the findings and the dismissed
verdicts (count and id sum of ``findings``, count of dismissed ``reviews``) is kept beside
them (``summary_findings``) when every row was recounted, and :func:`counts_fresh` compares
it with the store as it is: a reader whose fingerprint does not match counts the findings
live (:func:`open_counts_from`), so a writer that forgot to recount makes a page slower,
never wrong; so does a summary row written without its counts (an older migration step's
backfill run again). :func:`settle` (called at the end of ``recheck``) recounts every row only when
the fingerprint no longer matches.

**Agency regions** (same migration): ``stats --by province|city|county|region`` groups the
counted reports by their agency's administrative path, which :func:`ogi.store.regions.agency_regions`
works out for every agency (from the GB/T 2260 code agency identity stored in its aliases,
else from its name in the context of every other path in the store) — a Python pass over
every agency, seconds at 200,000 of them. :func:`settle` keeps its result in
``agency_region`` (one row per agency: province, city, county, path, region code) with a
fingerprint of the agencies and their name aliases (counts, id sums and summed text hashes);
:func:`regions_fresh` compares it, and a grouping reads the table as a plain join when it
matches (else works the regions out as before).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .backend import Database
from .queries import MEASURES, SUMMARY_CELLS, Measure

HARD_IDENTITIES = ("T3_BALANCE", "T3_ROW_TOTAL", "T3_OUTCOME_TOTAL", "T4_TOTAL")
TABLE = "report_summary"


def column(measure: Measure | str) -> str:
    """The summary column of a measure (``denied.state_secret`` → ``m_denied__state_secret``)."""
    key = measure.key if isinstance(measure, Measure) else measure
    return "m_" + key.replace(".", "__")


SUMMED = MEASURES + SUMMARY_CELLS  # the measures, and single cells the web's overview charts (migration 10)
COLUMNS = tuple(column(m) for m in SUMMED)
# the report's agency and year when summarised, and whether it is the one counted for them
KEYS = ("report_id", "agency_id", "year", "counted", "broken")
# the report's findings not dismissed, by severity (store migration 12)
SEVERITIES = ("error", "warning", "info")
COUNTS = tuple(f"n_{severity}s" for severity in SEVERITIES)
STATE = "summary_findings"  # the fingerprint of the findings and verdicts the counts were made from

CREATE = (f"CREATE TABLE {TABLE} (report_id BIGINT NOT NULL, agency_id BIGINT, year INTEGER, "
          "counted BOOLEAN NOT NULL DEFAULT FALSE, broken TEXT, "
          + ", ".join(f"{c} DOUBLE PRECISION" for c in COLUMNS) + ", "
          + ", ".join(f"{c} INTEGER" for c in COUNTS) + ")")
CREATE_STATE = f"CREATE TABLE {STATE} (findings BIGINT, finding_ids BIGINT, dismissed BIGINT)"


def _case(measure: Measure) -> str:
    parts = [f"(c.table_key = '{t}' AND c.row_key = '{r}' AND c.column_key = '{col}')" for t, r, col in measure.cells]
    return f"sum(CASE WHEN {' OR '.join(parts)} THEN c.value END)"


_HARD = ", ".join(f"'{code}'" for code in HARD_IDENTITIES)
_BROKEN = ("(SELECT string_agg(code, ',' ORDER BY code) FROM (SELECT DISTINCT f.code FROM findings f "
           f"WHERE f.report_id = r.id AND f.origin = 'parse' AND f.code IN ({_HARD})) hard)")
# the order of primary_reports (store migration 3): the latest version, then the fullest copy
VERSION_ORDER = "coalesce(published_date, page_published_date) DESC NULLS LAST, filled DESC, id DESC"


def select_sql(where: str) -> str:
    """Every summary column for the reports matching ``where`` (on ``r``); ``counted`` as
    primary_reports says."""
    sums = ", ".join(f"{_case(m)} AS {column(m)}" for m in SUMMED)
    return (f"SELECT r.id AS report_id, r.agency_id, r.year, r.id IN (SELECT id FROM primary_reports) AS counted, "
            f"{_BROKEN} AS broken, {sums} FROM reports r "
            "LEFT JOIN cells c ON c.report_id = r.id AND c.table_key IN ('table3', 'table4') "
            f"WHERE {where} GROUP BY r.id, r.agency_id, r.year")


_ALL = ", ".join(KEYS + COLUMNS)  # what select_sql gives (the counts are filled by recount)
BACKFILL = f"INSERT INTO {TABLE} ({_ALL}) {select_sql('TRUE')}"
_IDS = "(SELECT unnest(?::BIGINT[]))"


# where each stored cell goes: (table, row, column) → the indexes of the summed columns it adds to
_ADDS_TO: dict[tuple[str, str, str], list[int]] = {}
for _i, _m in enumerate(SUMMED):
    for _cell in _m.cells:
        _ADDS_TO.setdefault(_cell, []).append(_i)
_ROW_TYPES = (("report_id", "BIGINT"), ("agency_id", "BIGINT"), ("year", "INTEGER"), ("counted", "BOOLEAN"),
              ("broken", "TEXT"), *((c, "DOUBLE PRECISION") for c in COLUMNS))


def summary_row(report_id: int, agency_id: int | None, year: int | None, cells: Sequence[Sequence],
                codes: Sequence[str]) -> tuple:
    """The summary row :func:`select_sql` gives for a report (``counted`` FALSE), from what
    ingest holds anyway: its ``cells`` rows (table, row, column, value, … as
    :func:`ogi.store.reports.cell_rows` makes them) and the codes of its own findings. A
    measure is NULL when none of its cells holds a value, as SQL's ``sum`` gives."""
    return (report_id, agency_id, year, False, *report_sums(cells, codes))


def report_sums(cells: Iterable[Sequence], codes: Sequence[str]) -> tuple:
    """The part of a report's :func:`summary_row` that is its own (``broken`` and the
    measures): what ingest's workers make beside the report, so that the parent only puts the
    report's id, agency and year in front."""
    sums: list[float | None] = [None] * len(SUMMED)
    for table, row, col, value, *_ in cells:
        if value is not None:
            for i in _ADDS_TO.get((table, row, col), ()):
                sums[i] = value if sums[i] is None else sums[i] + value
    hard = sorted({code for code in codes if code in HARD_IDENTITIES})
    return (",".join(hard) if hard else None, *sums)


def refresh(db: Database, report_ids: Sequence[int], rows: Sequence[tuple] | None = None) -> None:
    """(Re)compute the summary rows of these reports (call it after storing them), and which
    report is counted for each agency and year they belong to. When the summaries no longer
    match the reports (agencies merged or split since), every row's agency, year and counted
    flag is recomputed first. ``rows``: the reports' rows made by :func:`summary_row` (ingest
    has their cells at hand), else they are summed from the stored cells."""
    if not report_ids:
        return
    ids = [list(report_ids)]
    with db.transaction():
        if not fresh(db, excluding=report_ids):  # a change by another writer: the batch's rows are rewritten below
            _relink(db)
        # the groups the batch's reports are in now, and were in when last summarised (a report
        # parsed again may have moved to another agency: its old group is ranked again too)
        members = [i for (i,) in db.execute(
            "SELECT r.id FROM reports r JOIN (SELECT agency_id, year FROM reports "
            f"WHERE id IN {_IDS} UNION SELECT agency_id, year FROM {TABLE} WHERE report_id IN {_IDS}) t "
            "ON r.agency_id = t.agency_id AND r.year = t.year", ids * 2)]
        db.execute(f"DELETE FROM {TABLE} WHERE report_id IN {_IDS}", ids)
        if rows is not None:
            db.insert_rows(TABLE, _ROW_TYPES, rows)
        else:
            db.execute(f"INSERT INTO {TABLE} ({_ALL}) " + select_sql(f"r.id IN {_IDS}").replace(
                "r.id IN (SELECT id FROM primary_reports)", "FALSE"), ids)
        group = [sorted(set(members) | set(report_ids))]
        winners = [[i for (i,) in db.execute(
            f"SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY coalesce(agency_id, -id), coalesce(year, -id) "
            f"ORDER BY {VERSION_ORDER}) AS rank FROM reports WHERE id IN {_IDS}) ranked WHERE rank = 1", group)]]
        db.execute(f"UPDATE {TABLE} SET counted = FALSE WHERE report_id IN {_IDS}", group)
        db.execute(f"UPDATE {TABLE} SET counted = TRUE WHERE report_id IN {_IDS}", winners)
        # the rows' finding counts stay NULL (not trusted) until recheck's settle recounts
        # every row once, after the cross-report rules wrote their findings too


def _relink(db: Database) -> None:
    """Every summary row's agency, year and counted flag, from the reports as they are now."""
    db.execute(f"UPDATE {TABLE} SET agency_id = r.agency_id, year = r.year, counted = FALSE FROM reports r "
               f"WHERE r.id = {TABLE}.report_id")
    db.execute(f"UPDATE {TABLE} SET counted = TRUE WHERE report_id IN (SELECT id FROM primary_reports)")


_FINGERPRINT = ("SELECT count(*), sum({id}), sum(coalesce(agency_id, 0)), sum(coalesce(year, 0)), "
                "sum(coalesce(agency_id, 0) % 9973 * coalesce(year, 0)) FROM {table}")


def fresh(db: Database, excluding: Sequence[int] = ()) -> bool:
    """Do the summaries cover every report (but those ``excluding``), with the agency and year
    it has now? Two scans of a few integer columns: cheap beside a window over the reports."""
    if not excluding:
        stored = db.execute(_FINGERPRINT.format(id="id", table="reports"))[0]
        summed = db.execute(_FINGERPRINT.format(id="report_id", table=TABLE))[0]
    else:
        stored = db.execute(_FINGERPRINT.format(id="id", table=f"reports WHERE id NOT IN {_IDS}"), [list(excluding)])[0]
        summed = db.execute(_FINGERPRINT.format(id="report_id", table=f"{TABLE} WHERE report_id NOT IN {_IDS}"),
                            [list(excluding)])[0]
    return tuple(stored) == tuple(summed)


def refresh_stored(db: Database, sha256s: Sequence[str]) -> None:
    """(Re)compute the summary rows of the stored reports with these sha256 (ingest's one call)."""
    if sha256s:
        ids = db.execute("SELECT id FROM reports WHERE sha256 IN (SELECT unnest(?::TEXT[]))", [list(sha256s)])
        refresh(db, [i for (i,) in ids])


KEPT_CONDITION = "s.counted"  # counted_from's condition when it reads the maintained table


def counted_from(db: Database) -> tuple[str, str]:
    """A FROM item ``s`` with one summary row (report_id, agency_id, year, broken, the
    measures) per report, and the condition that keeps the counted ones. The maintained
    table when it is fresh; else the same rows worked out from the reports, the
    primary_reports view and the cells of reports lacking a summary."""
    if fresh(db):
        return f"{TABLE} s", KEPT_CONDITION
    late = select_sql(f"NOT EXISTS (SELECT 1 FROM {TABLE} s0 WHERE s0.report_id = r.id)")
    cols = ", ".join(f"s0.{c}" for c in ("broken",) + COLUMNS)
    return (f"(SELECT r.id AS report_id, r.agency_id, r.year, TRUE AS counted, {cols} FROM reports r "
            f"JOIN primary_reports p ON p.id = r.id JOIN (SELECT {_ALL} FROM {TABLE} UNION ALL {late}) s0 "
            "ON s0.report_id = r.id) s", "TRUE")


def counted(db: Database) -> str:
    """:func:`counted_from` as one FROM item of counted reports (for joins that need no speed)."""
    source, condition = counted_from(db)
    return f"(SELECT * FROM {source} WHERE {condition})"


# ------------------------------------------------------------------ finding counts

_NOT_DISMISSED = "coalesce(v.status, 'open') <> 'dismissed'"
# per report: its findings not dismissed, by severity (every report, zeros for none)
_COUNTED = ("SELECT r.id AS report_id, "
            + ", ".join(f"sum(CASE WHEN f.severity = '{sev}' AND {_NOT_DISMISSED} THEN 1 ELSE 0 END) AS {col}"
                        for sev, col in zip(SEVERITIES, COUNTS))
            + " FROM reports r LEFT JOIN findings f ON f.report_id = r.id "
            "LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key "
            "WHERE {where} GROUP BY r.id")
_PRINT = ("SELECT (SELECT count(*) FROM findings), (SELECT coalesce(sum(id), 0) FROM findings), "
          "(SELECT count(*) FROM reviews WHERE status = 'dismissed')")


def recount_sql(where: str = "TRUE") -> str:
    """The UPDATE that recounts the finding counts of the summary rows of the reports
    matching ``where`` (on ``r``)."""
    sets = ", ".join(f"{c} = c.{c}" for c in COUNTS)
    return f"UPDATE {TABLE} SET {sets} FROM ({_COUNTED.format(where=where)}) c WHERE {TABLE}.report_id = c.report_id"


def mark_sql() -> tuple[str, str]:
    """The two statements that keep the fingerprint of the findings and verdicts as they are now."""
    return f"DELETE FROM {STATE}", f"INSERT INTO {STATE} (findings, finding_ids, dismissed) {_PRINT}"


def recount(db: Database, report_ids: Sequence[int] | None = None) -> None:
    """Recount the findings (not dismissed, by severity) of these reports' summary rows; of
    every row when ``report_ids`` is None, and then keep the fingerprint they were made from."""
    with db.transaction():
        if report_ids is None:
            db.execute(recount_sql())
            for statement in mark_sql():
                db.execute(statement)
        elif report_ids:
            db.execute(recount_sql(f"r.id IN {_IDS}"), [list(report_ids)])


def counts_fresh(db: Database, summaries_fresh: bool | None = None) -> bool:
    """Do the kept finding counts match the store: every report summarised, and the findings
    and dismissed verdicts as they were when every row was last recounted? ``summaries_fresh``:
    what :func:`fresh` said just now, when the caller asked it already."""
    kept = db.execute(f"SELECT findings, finding_ids, dismissed FROM {STATE}")
    return (len(kept) == 1 and tuple(kept[0]) == tuple(db.execute(_PRINT)[0])
            and (fresh(db) if summaries_fresh is None else summaries_fresh)
            and not db.scalar(f"SELECT count(*) FROM {TABLE} WHERE {COUNTS[0]} IS NULL"))  # rows written uncounted


def settle(db: Database) -> None:
    """Re-link the summary rows to their reports' agencies when those changed (a merge or a
    split), recount every row's findings when the fingerprint says they may be out of date
    (after the cross-report rules wrote theirs), work the agencies' regions out again when
    the agencies changed, and sum again the cells of each year whose counted reports changed
    (:func:`ogi.store.year_cells.keep`); nothing when all match."""
    from . import year_cells

    if not fresh(db) and db.scalar(f"SELECT count(*) FROM {TABLE}") == db.scalar("SELECT count(*) FROM reports"):
        with db.transaction():
            _relink(db)
    if not counts_fresh(db):
        recount(db)
    if not regions_fresh(db):
        keep_regions(db)
    year_cells.keep(db)


def open_counts_from(db: Database) -> str:
    """A FROM item ``(report_id, n_errors, n_warnings, n_infos)``: every report's findings
    not dismissed, by severity — read from the summary when its counts are fresh, else
    counted from the findings and their reviews."""
    if counts_fresh(db):
        return f"(SELECT report_id, {', '.join(COUNTS)} FROM {TABLE})"
    return f"({_COUNTED.format(where='TRUE')})"


# ------------------------------------------------------------------ agency regions

REGIONS = "agency_region"
REGION_FIELDS = ("province", "city", "county", "path", "region_code")
CREATE_REGIONS = (f"CREATE TABLE {REGIONS} (agency_id BIGINT NOT NULL, "
                  + ", ".join(f"{c} TEXT" for c in REGION_FIELDS) + ")")
REGIONS_STATE = "agency_region_state"
CREATE_REGIONS_STATE = (f"CREATE TABLE {REGIONS_STATE} (agencies BIGINT, agency_ids BIGINT, agency_text BIGINT, "
                        "aliases BIGINT, alias_ids BIGINT, alias_text BIGINT)")
# a hash of a text, summed: a rename of the same length changes it (the function differs per
# backend; a fingerprint is only ever compared with one made by the same backend)
_TEXT_HASH = {"duckdb": "hash({}) % 1000000007", "postgres": "hashtext(concat_ws('|', {}))::BIGINT"}


def _regions_print(db: Database) -> str:
    text = _TEXT_HASH[db.dialect]
    agency, alias = text.format("name, region, level"), text.format("alias, name")
    named = "FROM agency_aliases WHERE kind = 'name'"
    return (f"SELECT count(*), coalesce(sum(id), 0), coalesce(sum({agency}), 0), (SELECT count(*) {named}), "
            f"(SELECT coalesce(sum(agency_id), 0) {named}), (SELECT coalesce(sum({alias}), 0) {named}) FROM agencies")


def regions_fresh(db: Database) -> bool:
    """Were the kept agency regions worked out from the agencies and name aliases as they are?"""
    kept = db.execute(f"SELECT agencies, agency_ids, agency_text, aliases, alias_ids, alias_text FROM {REGIONS_STATE}")
    return len(kept) == 1 and tuple(kept[0]) == tuple(db.execute(_regions_print(db))[0])


def keep_regions(db: Database) -> None:
    """Work out every agency's region (:func:`ogi.store.regions.agency_regions`) and keep it,
    with the fingerprint of what it was worked out from."""
    from .regions import agency_regions

    rows = [(agency_id, *(getattr(region, f) for f in REGION_FIELDS))
            for agency_id, region in agency_regions(db).items()]
    with db.transaction():
        db.execute(f"DELETE FROM {REGIONS}")
        db.insert_rows(REGIONS, [("agency_id", "BIGINT"), *((f, "TEXT") for f in REGION_FIELDS)], rows)
        db.execute(f"DELETE FROM {REGIONS_STATE}")
        db.execute(f"INSERT INTO {REGIONS_STATE} {_regions_print(db)}")
