"""How fast the web app's overview is over many reports.

Writes N synthetic txt reports (``ogi synth --panel``: agencies across years), ingests them (``ogi ingest -j 2``), then
times the overview page (``/``) and its API (``/api/overview``) in the app itself
(FastAPI's TestClient: routing, queries, templates; no network), for the latest year and
for all years. The target: under a second each over 10,000 reports.

    .venv/bin/python benchmarks/web_overview.py            # 10,000 reports in a temporary folder
    .venv/bin/python benchmarks/web_overview.py --n 1000 --dir /tmp/bench --keep

The folder with ``--keep`` holds the database (``ogi.duckdb``): run it again on the same
folder to time the pages without generating and ingesting again.
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
OGI = [str(Path(sys.executable).with_name("ogi"))]  # the console script of this environment
RUNS = 5


def run(args: list[str]) -> float:
    print("$", " ".join(["ogi", *args[:6], "…" if len(args) > 6 else ""]).rstrip(" …"), flush=True)
    start = time.perf_counter()
    subprocess.run(OGI + args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def prepare(folder: Path, n: int, panel: bool = True) -> Path:
    db = folder / "ogi.duckdb"
    if db.exists():
        print(f"using the database in {db}")
        return db
    reports = folder / "reports"
    took = run(["synth", str(n), "--out", str(reports), "--formats", "txt", *(["--panel"] if panel else [])])
    print(f"synth {n}: {took:.1f} s")
    files = sorted(str(p) for p in reports.glob("*.txt"))
    took = run(["ingest", *files, "--db", str(db), "-j", "2"])
    print(f"ingest {len(files)} with -j 2: {took:.1f} s ({len(files) / took:.1f} reports/s)")
    return db


def timed(client, url: str) -> tuple[float, float]:
    """First request, and the median of the next ones, in seconds."""
    times = []
    for _ in range(RUNS + 1):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        response.raise_for_status()
    return times[0], statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="reports to generate (default 10,000)")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--no-panel", action="store_true",
                        help="one agency per report (default: a panel, agencies reporting across years)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="ogi-web-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        db = prepare(folder, args.n, not args.no_panel)
        from fastapi.testclient import TestClient

        from ogi.web import create_app

        with TestClient(create_app(str(db), files_dir=folder / "files")) as client:
            counts = client.get("/api/overview?year=all").json()["counts"]
            print(f"store: {counts['reports']} counted reports, {counts['agencies']} agencies")
            print(f"{'request':<36} {'first':>8} {'median':>8}")
            worst = 0.0
            for url in ("/", "/api/overview", "/?year=all", "/api/overview?year=all",
                        "/api/overview/ranking.csv?year=all"):
                first, median = timed(client, url)
                worst = max(worst, first, median)
                print(f"{url:<36} {first * 1000:>6.0f}ms {median * 1000:>6.0f}ms")
        print(f"slowest: {worst * 1000:.0f} ms — {'under' if worst < 1 else 'OVER'} one second")
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
