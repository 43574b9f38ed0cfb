"""One row per report with what statistics add up: the per-report summary.

``ogi stats``, the web overview and ``ogi trend`` sum a handful of measures over every
counted report. Summing them from ``cells`` means reading some 250 rows per report — 25
million at 100,000 reports, seconds per question. So when a report is stored, its
measures (:data:`ogi.store.queries.MEASURES`, each a sum of table 三/四 cells) are summed
once into ``report_summary``, together with the hard identities its own tables break
(``broken``: ``T3_BALANCE``, ``T3_ROW_TOTAL``, ``T3_OUTCOME_TOTAL``, ``T4_TOTAL``, from the
report's own findings). A question then reads one narrow row per report.

:func:`refresh` is the one write: ingest calls it for the ids of each batch it stores,
in the batch's transaction, so a summary is never older than its report. It is set-based
(one DELETE and one INSERT … SELECT … GROUP BY for the whole batch), the same SQL on
DuckDB and PostgreSQL. Readers do not trust that every writer called it: a report without
a summary row is summed from its cells at query time (:func:`source`), which costs
nothing when every report has one.

The columns are fixed by store migration 3; a new measure needs a new migration step
(``tests/test_store_versions.py`` pins the column list).
"""

from __future__ import annotations

from collections.abc import Sequence

from .backend import Database
from .queries import MEASURES, Measure

HARD_IDENTITIES = ("T3_BALANCE", "T3_ROW_TOTAL", "T3_OUTCOME_TOTAL", "T4_TOTAL")
TABLE = "report_summary"


def column(measure: Measure | str) -> str:
    """The summary column of a measure (``denied.state_secret`` → ``m_denied__state_secret``)."""
    key = measure.key if isinstance(measure, Measure) else measure
    return "m_" + key.replace(".", "__")


COLUMNS = tuple(column(m) for m in MEASURES)

CREATE = (f"CREATE TABLE {TABLE} (report_id BIGINT NOT NULL, broken TEXT, "
          + ", ".join(f"{c} DOUBLE PRECISION" for c in COLUMNS) + ")")


def _case(measure: Measure) -> str:
    parts = [f"(c.table_key = '{t}' AND c.row_key = '{r}' AND c.column_key = '{col}')" for t, r, col in measure.cells]
    return f"sum(CASE WHEN {' OR '.join(parts)} THEN c.value END)"


_HARD = ", ".join(f"'{code}'" for code in HARD_IDENTITIES)
_BROKEN = ("(SELECT string_agg(code, ',' ORDER BY code) FROM (SELECT DISTINCT f.code FROM findings f "
           f"WHERE f.report_id = r.id AND f.origin = 'parse' AND f.code IN ({_HARD})) hard)")


def select_sql(where: str) -> str:
    """report_id, broken and every measure for the reports matching ``where`` (on ``r``)."""
    sums = ", ".join(f"{_case(m)} AS {column(m)}" for m in MEASURES)
    return (f"SELECT r.id AS report_id, {_BROKEN} AS broken, {sums} FROM reports r "
            "LEFT JOIN cells c ON c.report_id = r.id AND c.table_key IN ('table3', 'table4') "
            f"WHERE {where} GROUP BY r.id")


BACKFILL = f"INSERT INTO {TABLE} (report_id, broken, {', '.join(COLUMNS)}) {select_sql('TRUE')}"


def refresh(db: Database, report_ids: Sequence[int]) -> None:
    """(Re)compute the summary rows of these reports (call it after storing them)."""
    if not report_ids:
        return
    ids = [list(report_ids)]
    with db.transaction():
        db.execute(f"DELETE FROM {TABLE} WHERE report_id IN (SELECT unnest(?::BIGINT[]))", ids)
        db.execute(f"INSERT INTO {TABLE} (report_id, broken, {', '.join(COLUMNS)}) "
                   + select_sql("r.id IN (SELECT unnest(?::BIGINT[]))"), ids)


def refresh_stored(db: Database, sha256s: Sequence[str]) -> None:
    """(Re)compute the summary rows of the stored reports with these sha256 (ingest's one call)."""
    if sha256s:
        ids = db.execute("SELECT id FROM reports WHERE sha256 IN (SELECT unnest(?::TEXT[]))", [list(sha256s)])
        refresh(db, [i for (i,) in ids])


def source(db: Database) -> str:
    """A FROM item with one summary row per stored report: the table, and the reports some
    writer stored without a summary summed from their cells."""
    missing = db.scalar(f"SELECT count(*) FROM reports r WHERE NOT EXISTS "
                        f"(SELECT 1 FROM {TABLE} s WHERE s.report_id = r.id)")
    if not missing:
        return TABLE
    cols = ", ".join(("report_id", "broken") + COLUMNS)
    late = select_sql(f"NOT EXISTS (SELECT 1 FROM {TABLE} s0 WHERE s0.report_id = r.id)")
    return f"(SELECT {cols} FROM {TABLE} UNION ALL {late})"
