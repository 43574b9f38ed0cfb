"""How fast the web app's overview and lists answer over many reports.

Writes N synthetic txt reports (``ogi synth --panel``: agencies reporting across years,
governments with departments, renamed agencies, as a real store holds them) and ingests them (``ogi ingest -j 2``) unless
the folder already holds ``ogi.duckdb``, then times, inside the app (FastAPI's TestClient:
routing, queries, templates; no network — the server's own time), the overview, the report,
agency and finding lists with their facets, sorted, filtered, searched and paged, and their
``.json`` twins. The target: each at most 150 ms over 10,000 reports. As a floor measured in
the same run, the sign-in page (routing and a template, no query) is timed too, and each
request is also given as a multiple of it; and ``SELECT 1`` on the store, whose time shows
how busy the machine is (a fraction of a millisecond on an idle one).

    .venv/bin/python benchmarks/web_lists.py --dir /tmp/bench10k --keep    # 10,000 reports
    .venv/bin/python benchmarks/web_lists.py --n 1000
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

from web_overview import timed  # the same timing as the overview benchmark: first request, median of RUNS

ROOT = Path(__file__).resolve().parents[1]
OGI = [str(Path(sys.executable).with_name("ogi"))]
RUNS = 5
TARGET = 0.150  # seconds


def prepare(folder: Path, n: int, panel: bool = True) -> Path:
    db = folder / "ogi.duckdb"
    if db.exists():
        print(f"using the database in {db}")
        return db
    reports = folder / "reports"
    for args in (["synth", str(n), "--out", str(reports), "--formats", "txt", *(["--panel"] if panel else [])],
                 ["ingest", str(reports), "--db", str(db), "-j", "2"]):
        start = time.perf_counter()
        subprocess.run(OGI + args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        print(f"$ ogi {' '.join(args[:2])} …: {time.perf_counter() - start:.1f} s", flush=True)
    return db


def urls(client) -> list[str]:
    filters = client.get("/api/filters").json()
    year = filters["years"][0]
    region = filters["regions"][len(filters["regions"]) // 2] if filters["regions"] else ""
    code = filters["codes"][0] if filters["codes"] else ""
    word = region[-3:] if region else "局"
    return ["/", "/?year=all", "/api/overview?year=all",
            "/reports", "/reports?sort=-errors", f"/reports?year={year}&level=county", f"/reports?q={word}+{year}",
            "/reports?page=150", "/reports.json?sort=agency", f"/api/reports?region={region}&limit=50",
            "/agencies", "/agencies?sort=-reports", f"/agencies?q={word}", "/agencies.json?level=county",
            "/findings", f"/findings?code={code}", "/findings?status=open&severity=warning&sort=-year",
            f"/findings.json?year={year}", "/api/findings?limit=500"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="reports to generate (default 10,000)")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--no-panel", action="store_true",
                        help="one agency per report (default: a panel, agencies reporting across years)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="ogi-web-lists-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        db = prepare(folder, args.n, not args.no_panel)
        from fastapi.testclient import TestClient

        from ogi.web import create_app

        with TestClient(create_app(str(db), files_dir=folder / "files", parse_workers=1)) as client:
            reports = client.get("/api/reports?limit=1").json()["total"]
            findings = client.get("/api/findings?limit=1").json()["total"]
            agencies = client.get("/api/agencies?limit=1").json()["total"]
            print(f"store: {reports:,} reports, {agencies:,} agencies, {findings:,} findings")
            _, floor = timed(client, "/login")
            print(f"floor (the sign-in page, no query): {floor * 1000:.1f} ms")
            site = client.app.state.site
            with site.store() as db:
                trivial = []
                for _ in range(RUNS):
                    start = time.perf_counter()
                    db.execute("SELECT 1")
                    trivial.append(time.perf_counter() - start)
            print(f"database floor (SELECT 1 on the store): {statistics.median(trivial) * 1000:.1f} ms")
            print(f"{'request':<58} {'first':>7} {'median':>7} {'× floor':>8}")
            worst = 0.0
            for url in urls(client):
                first, median = timed(client, url)
                worst = max(worst, median)
                print(f"{url[:58]:<58} {first * 1000:>5.0f}ms {median * 1000:>5.0f}ms {median / floor:>7.1f}×")
        verdict = "within" if worst <= TARGET else "OVER"
        print(f"slowest median: {worst * 1000:.0f} ms — {verdict} the {TARGET * 1000:.0f} ms target")
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
