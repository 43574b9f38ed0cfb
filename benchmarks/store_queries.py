"""How the store's questions scale: ``ogi stats``, ``trend``, ``findings``, ``compare`` and the
web's overview and report list, timed at 10,000 and at 100,000 reports.

A base of synthetic reports is generated and ingested for real (``ogi synth`` + ``ogi
ingest -j 2``); the store is then grown by cloning its rows in SQL (agencies, reports,
cells, findings, per-report summaries; each clone a new agency with new report ids), to
10,000 reports and then ×10 to 100,000. Cloned reports keep no JSON document (no question
timed here reads it), which keeps the 100k store to a few GB. DuckDB only.

Every question is run in this process, once to warm up and then ``RUNS`` times; the median
is printed beside the floor measured in the same run (the cheapest scan of one row per
report: ``SELECT sum(m_received) FROM report_summary``), as a ratio, and with its growth
from 10k to 100k.

    .venv/bin/python benchmarks/store_queries.py                # base of 200 reports
    .venv/bin/python benchmarks/store_queries.py --base 100 --dir /tmp/bench --keep
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OGI = [sys.executable, "-c", "import sys; from ogi.cli import app; sys.argv[0] = 'ogi'; app()"]
RUNS = 3
STEPS = (10_000, 100_000)
CLONED = ("agencies", "reports", "cells", "findings", "report_summary")


def run(args: list[str]) -> float:
    print("$ ogi", " ".join(args[:5]), flush=True)
    start = time.perf_counter()
    subprocess.run(OGI + args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def base_store(folder: Path, n: int, panel: bool = True) -> Path:
    db = folder / "ogi.duckdb"
    if db.exists():
        print(f"using the store in {db}")
        return db
    reports = folder / "reports"
    panelled = ["--panel"] if panel else []  # agencies reporting across years, as a real store holds them
    print(f"synth {n}: {run(['synth', str(n), '--out', str(reports), '--formats', 'txt', *panelled]):.1f} s")
    files = sorted(str(p) for p in reports.glob("*.txt"))
    print(f"ingest {len(files)} with -j 2: {run(['ingest', *files, '--db', str(db), '-j', '2']):.1f} s")
    return db


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"SELECT column_name FROM information_schema.columns WHERE table_name = "
                                      f"'{table}' ORDER BY ordinal_position").fetchall()]


def grow(con, target: int) -> None:
    """Clone every report (with its agency, cells, findings and summary) until there are ``target``."""
    have = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    factor = -(-target // have)
    r_max, a_max, f_max = con.execute("SELECT (SELECT max(id) FROM reports), (SELECT max(id) FROM agencies), "
                                      "(SELECT max(id) FROM findings)").fetchone()
    shift = {"agencies": {"id": a_max, "name": a_max},
             "reports": {"id": r_max, "agency_id": a_max, "sha256": r_max, "location": r_max, "document": None},
             "cells": {"report_id": r_max}, "findings": {"id": f_max, "report_id": r_max},
             "report_summary": {"report_id": r_max, "agency_id": a_max}}
    start = time.perf_counter()
    con.execute("BEGIN")
    for table in CLONED:
        cols = _columns(con, table)
        exprs = []
        for c in cols:
            step = shift[table].get(c, ...)
            if step is ...:
                exprs.append(c)
            elif c == "document":
                exprs.append("'{}'")
            elif c in ("name", "sha256", "location"):  # unique text: the clone's own id appended
                exprs.append(f"{c} || '#' || CAST(id + g.k * {step} AS VARCHAR)")
            else:
                exprs.append(f"{c} + g.k * {step}")
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
                    f"FROM {table} CROSS JOIN range(1, {factor}) g(k)")
    con.execute(f"DELETE FROM reports WHERE id > (SELECT id FROM reports ORDER BY id LIMIT 1 OFFSET {target - 1})")
    for table in CLONED[2:]:  # what belonged to the reports cut off
        con.execute(f"DELETE FROM {table} WHERE report_id > (SELECT max(id) FROM reports)")
    con.execute("COMMIT")
    n = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    print(f"grown to {n} reports ({con.execute('SELECT count(*) FROM cells').fetchone()[0]} cells) "
          f"in {time.perf_counter() - start:.1f} s", flush=True)


def timed(fn) -> float:
    fn()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def questions(db) -> dict:
    from ogi.store.queries import (cell_totals, compare_agencies, compare_years, counted_versions, findings, stats,
                                   trend)

    a, b = db.execute("SELECT r1.agency_id, r2.agency_id FROM reports r1 JOIN reports r2 ON r1.year = r2.year "
                      "AND r1.agency_id < r2.agency_id ORDER BY r1.id, r2.id LIMIT 1")[0]
    years = [r[0] for r in db.execute("SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY 1")]
    out = {
        "floor: sum over report_summary": lambda: db.execute("SELECT sum(m_received) FROM report_summary"),
        "stats": lambda: stats(db),
        "stats --by year": lambda: stats(db, "year"),
        "stats --by level": lambda: stats(db, "level"),
        "stats --by province": lambda: stats(db, "province"),
        "stats --include-inconsistent": lambda: stats(db, include_inconsistent=True),
        "counted versions": lambda: counted_versions(db),
        "trend --by year": lambda: trend(db, by="year"),
        "trend --by agency --sort change --limit 20": lambda: trend(db, by="agency", sort="change", limit=20),
        "findings (page of 100)": lambda: findings(db, limit=100),
        "findings --code T3_BALANCE (page of 100)": lambda: findings(db, code="T3_BALANCE", limit=100),
        "compare AGENCY AGENCY": lambda: compare_agencies(db, a, b),
        f"compare {years[-2]} {years[-1]}": lambda: compare_years(db, years[-2], years[-1]),
        f"compare {years[-2]} {years[-1]}, cells summed live (before year_cells)": lambda: [
            cell_totals(db, "r.year = ?", [y]) for y in years[-2:]],
    }
    try:
        from ogi.store import pages
        from ogi.web import lists
        from ogi.web.pages.overview import RANKING_SHOWN, overview

        out["web: report list (page of 50)"] = lambda: lists.run(db, lists.REPORTS, {}, 1, 50)
        kept = summary_counts_spec(db, lists)
        out["web: report list, counts from the summary (page of 50)"] = lambda: lists.run(db, kept, {}, 1, 50)
        out["web: report list by errors, counts from the summary"] = lambda: lists.run(
            db, kept, {"sort": "-errors"}, 1, 50)
        out["web: overview (the page: ranking's first 50)"] = lambda: overview(db, pages.Selection(), RANKING_SHOWN)
        out["web: overview API (ranking page of 50, the default)"] = lambda: overview(db, pages.Selection(),
                                                                                     RANKING_SHOWN, 0)
        out["web: overview API, a later ranking page (offset 5,000)"] = lambda: overview(db, pages.Selection(),
                                                                                        RANKING_SHOWN, 5000)
        out["web: overview with the whole ranking (downloads; the API before paging)"] = lambda: overview(
            db, pages.Selection())
    except ImportError as exc:
        print(f"(web not timed: {exc})")
    return out


def summary_counts_spec(db, lists):
    """The web's report list with its open-finding counts read from the per-report summary
    (``store.summary.open_counts_from``) instead of every finding joined with its review —
    the change ``web/lists.report_rows_sql`` needs (the web's list module is not this
    benchmark's to change); its rows are the same."""
    import dataclasses

    from ogi.store import summary

    counts = summary.open_counts_from(db)
    names = dict(zip(summary.COUNTS, ("errors", "warnings", "infos")))

    def rows_sql() -> str:
        lean = lists.report_rows_sql(counts=False)
        found = ", ".join(f"coalesce(n.{c}, 0) AS {name}" for c, name in names.items())
        lean = lean.replace("NULL AS errors, NULL AS warnings, NULL AS infos", found)
        return lean + f" LEFT JOIN {counts} n ON n.report_id = r.id"

    return dataclasses.replace(lists.REPORTS, rows_sql=rows_sql)


def settle(db_path: Path) -> None:
    """What every ingest ends with (``recheck`` → ``store.summary.settle``): the finding
    counts, the agencies' regions and the cells summed per year kept for the grown store."""
    from ogi.store import open_store, summary

    start = time.perf_counter()
    with open_store(str(db_path)) as db:
        summary.settle(db)
    print(f"settled (finding counts recounted, agency regions and year sums kept) in {time.perf_counter() - start:.1f} s",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=200, help="reports generated and ingested for real")
    parser.add_argument("--dir", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--no-panel", action="store_true",
                        help="base of one agency per report (default: ogi synth --panel)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="ogi-store-queries-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        db_path = base_store(folder, args.base, not args.no_panel)
        import duckdb

        from ogi.store import open_store

        results: dict[str, dict[int, float]] = {}
        for target in STEPS:
            con = duckdb.connect(str(db_path))
            grow(con, target)
            con.close()
            settle(db_path)
            with open_store(str(db_path), read_only=True) as db:
                for name, fn in questions(db).items():
                    results.setdefault(name, {})[target] = timed(fn)
                    print(f"  {target:>7,} reports  {name:<45} {results[name][target] * 1000:8.1f} ms", flush=True)
        floor = results["floor: sum over report_summary"]
        print(f"\n| question | {STEPS[0]:,} reports | {STEPS[1]:,} reports | ×floor at {STEPS[1]:,} | growth |")
        print("|---|---|---|---|---|")
        for name, t in results.items():
            print(f"| {name} | {t[STEPS[0]] * 1000:.1f} ms | {t[STEPS[1]] * 1000:.1f} ms | "
                  f"{t[STEPS[1]] / floor[STEPS[1]]:.0f}× | {t[STEPS[1]] / t[STEPS[0]]:.1f}× |")
    finally:
        if not args.keep and not args.dir:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
