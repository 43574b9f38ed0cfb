"""The overview's chart sums two ways in the same run: from the cells table (``cell_sums``,
as before store migration 10) and from the per-report summary (``summary_sums``), beside the
floor ``SELECT sum(m_received) FROM report_summary``; median of 9, alternating.

    .venv/bin/python benchmarks/web_sums.py /tmp/webp/ogi.duckdb     # a store web_lists.py made
"""

from __future__ import annotations

import statistics
import sys
import time

from ogi.store import open_store, pages

RUNS = 9


def main(path: str) -> None:
    with open_store(path, read_only=True) as db:
        ways = {"cells table (cell_sums)": lambda s: pages.cell_sums(db, s),
                "report_summary (summary_sums)": lambda s: pages.summary_sums(db, s),
                "floor: sum(m_received) over report_summary":
                    lambda s: db.execute("SELECT sum(m_received) FROM report_summary")}
        years = [y for (y,) in db.execute("SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY 1 DESC")]
        for sel in (pages.Selection(), pages.Selection(year=years[0])):
            times: dict[str, list[float]] = {k: [] for k in ways}
            for _ in range(RUNS):
                for k, fn in ways.items():
                    start = time.perf_counter()
                    fn(sel)
                    times[k].append(time.perf_counter() - start)
            floor = statistics.median(times["floor: sum(m_received) over report_summary"])
            for k, v in times.items():
                shown = f"year={sel.year}" if sel.year else "all years"
                print(f"{shown:<10} {k:<45} {statistics.median(v) * 1000:7.1f} ms {statistics.median(v) / floor:6.1f}× floor")


if __name__ == "__main__":
    main(sys.argv[1])
