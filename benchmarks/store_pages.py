"""The store's page-level questions on one existing store, each timed in-process: the floor
(one narrow scan of the per-report summary), the overview's sums and findings, the web
overview, the report list, ``stats --by level|province`` and ``compare`` (two agencies, two
years). Point it at a store and at the code to time with ``PYTHONPATH``, so that two trees
(before and after a change) can be run alternately on copies of the same store:

    PYTHONPATH=OLD/src .venv/bin/python benchmarks/store_pages.py old-copy.duckdb
    PYTHONPATH=src .venv/bin/python benchmarks/store_pages.py new-copy.duckdb

Each line is the median of ``RUNS`` after a warm-up (one run for nothing else)."""

from __future__ import annotations

import statistics
import sys
import time

RUNS = 3


def timed(name: str, fn, runs: int = RUNS) -> None:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    print(f"{name:40s} {statistics.median(times) * 1000:8.1f} ms", flush=True)


def main(path: str) -> None:
    from ogi.store import open_store, pages
    from ogi.store.queries import compare_agencies, compare_years, stats
    from ogi.web import lists
    from ogi.web.overview import RANKING_SHOWN, overview

    with open_store(path, read_only=True) as db:
        sel = pages.Selection()
        timed("floor", lambda: db.execute("SELECT sum(m_received) FROM report_summary"))
        timed("summary_sums", lambda: pages.summary_sums(db, sel))
        timed("overview_findings 50", lambda: pages.overview_findings(db, sel, RANKING_SHOWN))
        timed("overview", lambda: overview(db, sel, RANKING_SHOWN))
        timed("report list", lambda: lists.run(db, lists.REPORTS, {}, 1, 50))
        timed("stats by level", lambda: stats(db, "level"))
        timed("stats by province", lambda: stats(db, "province"), 1)
        a, b = db.execute("SELECT r1.agency_id, r2.agency_id FROM reports r1 JOIN reports r2 ON r1.year = r2.year "
                          "AND r1.agency_id < r2.agency_id ORDER BY r1.id, r2.id LIMIT 1")[0]
        years = [y for (y,) in db.execute("SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY 1")]
        timed("compare agencies", lambda: compare_agencies(db, a, b))
        timed("compare years", lambda: compare_years(db, years[-2], years[-1]))


if __name__ == "__main__":
    main(sys.argv[1])
