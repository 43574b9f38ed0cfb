"""Every cell summed per year over the counted reports, kept: what ``ogi compare 2022 2023`` reads.

Comparing two whole years adds up every cell of every report counted in them — some 250
cells a report, four million rows at 100,000 reports, more than a second. The sums only
change when the set of counted reports of a year changes, or when one of them is parsed
again. So they are kept (store migration 13): ``year_cells`` holds, per year and cell key,
the sum of the values over the counted reports of that year (NULL when none of them prints
a value, as SQL's ``sum`` gives), and ``year_cells_state`` the fingerprint of what each
year was summed from.

**The fingerprint.** Per year, over the reports the per-report summary
(:mod:`ogi.store.summary`) marks counted: their number, the sum of their ids and the sum of
a hash of each id with its ``ingested_at``. A report is never deleted; which reports are
counted changes only through the summary's counted flags (a new version, a fuller copy, an
agency merged or split), which change the number or the ids; a report parsed again keeps
its id but gets a new ``ingested_at`` (:func:`ogi.store.reports.store_reports` sets it in
the same statement that replaces its cells). So a year whose fingerprint matches was summed
from exactly the cells its counted reports hold now. The summary's own fingerprint
(:func:`ogi.store.summary.fresh`) must match too, or its counted flags cannot be trusted.

**Writing.** :func:`keep` runs from :func:`ogi.store.summary.settle`, once at the end of
every ingest, re-parse, merge and split: it sums again only the years whose fingerprint
differs (one ``INSERT … SELECT … GROUP BY`` over those years' counted cells), so an ingest
that touches one year re-sums that year and no other.

**Reading.** :func:`year_totals` gives a year's sums when its fingerprint matches and None
otherwise; the caller then sums the cells live (:func:`ogi.store.queries.cell_totals`):
a writer that did not settle makes a comparison slower, never wrong.
"""

from __future__ import annotations

from collections.abc import Iterable

from .backend import Database

TABLE = "year_cells"
STATE = "year_cells_state"
CREATE = (f"CREATE TABLE {TABLE} (year INTEGER NOT NULL, table_key TEXT NOT NULL, row_key TEXT NOT NULL, "
          "column_key TEXT NOT NULL, value DOUBLE PRECISION)")
CREATE_INDEX = f"CREATE INDEX {TABLE}_year ON {TABLE} (year)"
CREATE_STATE = f"CREATE TABLE {STATE} (year INTEGER NOT NULL, reports BIGINT, report_ids BIGINT, stamps BIGINT)"

# a hash of a report's id with the time its cells were written, summed per year (the
# function differs per backend; a fingerprint is only compared with one the same backend made)
_STAMP = {"duckdb": "hash(r.id, r.ingested_at) % 1000000007",
          "postgres": "hashtext(concat_ws('|', r.id, r.ingested_at))::BIGINT"}
_YEARS = "(SELECT unnest(?::INTEGER[]))"


def _print_sql(db: Database, where: str) -> str:
    """Per year (of the counted reports matching ``where``): number, id sum, stamp sum."""
    from .summary import TABLE as SUMMARY

    return (f"SELECT s.year, count(*), sum(r.id), sum({_STAMP[db.dialect]}) FROM {SUMMARY} s "
            f"JOIN reports r ON r.id = s.report_id WHERE s.counted AND s.year IS NOT NULL AND {where} GROUP BY s.year")


def _prints(db: Database, years: Iterable[int] | None = None) -> dict[int, tuple]:
    if years is None:
        rows = db.execute(_print_sql(db, "TRUE"))
    else:
        rows = db.execute(_print_sql(db, f"s.year IN {_YEARS}"), [list(years)])
    return {year: tuple(int(v) for v in rest) for year, *rest in rows}


def _kept(db: Database, years: Iterable[int] | None = None) -> dict[int, tuple]:
    where, params = ("", []) if years is None else (f" WHERE year IN {_YEARS}", [list(years)])
    return {year: tuple(int(v) for v in rest)
            for year, *rest in db.execute(f"SELECT year, reports, report_ids, stamps FROM {STATE}{where}", params)}


def stale_years(db: Database) -> list[int]:
    """The years whose kept sums no longer match their counted reports (every year with
    counted reports or kept sums); [] when the summary itself is stale (nothing can be kept)."""
    from .summary import fresh

    if not fresh(db):
        return []
    live, kept = _prints(db), _kept(db)
    return sorted(y for y in set(live) | set(kept) if live.get(y) != kept.get(y))


def keep(db: Database) -> list[int]:
    """Sum again the cells of every stale year (:func:`stale_years`), with its fingerprint;
    the years summed."""
    from .summary import TABLE as SUMMARY

    years = stale_years(db)
    if not years:
        return []
    with db.transaction():
        db.execute(f"DELETE FROM {TABLE} WHERE year IN {_YEARS}", [years])
        db.execute(f"INSERT INTO {TABLE} (year, table_key, row_key, column_key, value) "
                   "SELECT s.year, c.table_key, c.row_key, c.column_key, sum(c.value) "
                   f"FROM {SUMMARY} s JOIN cells c ON c.report_id = s.report_id "
                   f"WHERE s.counted AND s.year IN {_YEARS} GROUP BY s.year, c.table_key, c.row_key, c.column_key",
                   [years])
        db.execute(f"DELETE FROM {STATE} WHERE year IN {_YEARS}", [years])
        db.execute(f"INSERT INTO {STATE} (year, reports, report_ids, stamps) "
                   + _print_sql(db, f"s.year IN {_YEARS}"), [years])
    return years


def year_totals(db: Database, year: int) -> dict[tuple[str, str, str], float | None] | None:
    """Per cell key, the kept sum over the counted reports of ``year`` ({} for a year with
    none); None when the kept sums of that year are stale (sum the cells live instead)."""
    from .summary import fresh

    if not fresh(db) or _prints(db, [year]) != _kept(db, [year]):
        return None
    return {(t, r, c): v for t, r, c, v in db.execute(
        f"SELECT table_key, row_key, column_key, value FROM {TABLE} WHERE year = ?", [year])}
