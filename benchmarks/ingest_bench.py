"""Ingest throughput and query times on a folder of reports (e.g. ``ogi synth 10000 --panel --formats txt --out DIR``:
agencies reporting across years, governments with their departments, so the cross-report
rules run as they do on real stores).

    .venv/bin/python benchmarks/ingest_bench.py DIR [-j N] [--db URL] [--out FILE.md]

Ingests every report file under DIR (``expected/`` folders and ``manifest.csv`` left out)
into a fresh store (a DuckDB file in a temporary folder unless --db gives another, which
must be empty), then times a second run (everything skipped), ``stats``, ``stats --by
year``, ``compare`` of two years, ``findings`` and a Parquet export of the cells. When DIR
has ``expected/*.json`` (synth's), the stored new_received totals are checked against them.
Prints a markdown fragment (and writes it to --out).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ogi import __version__, parse
from ogi.store import open_store
from ogi.store.export import export
from ogi.store.ingest import Summary, collect, ingest
from ogi.store.queries import compare_years, findings, stats


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def report_files(folder: Path):
    files, _, _ = collect([str(folder)])
    return [f for f in files if "expected" not in Path(f.path).parts and not f.path.endswith("manifest.csv")]


def expected_received(folder: Path) -> tuple[int, int] | None:
    """(reports with an expected file, the sum of their new_received totals)."""
    paths = sorted((folder / "expected").glob("*.json"))
    if not paths:
        return None
    total = 0
    for p in paths:
        value = json.loads(p.read_text(encoding="utf-8")).get("table3", {}).get("new_received", {}).get("total")
        total += value or 0
    return len(paths), total


SINGLE_SAMPLE = 1000  # files parsed in one process for the single-process rate


def _parse_or_none(path: str):
    try:
        return parse(Path(path))
    except ValueError:  # unreadable or not a report: ingest records those as failures
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--db", help="an empty store to use (default: a new DuckDB file)")
    ap.add_argument("--out", type=Path, help="also write the markdown fragment here")
    args = ap.parse_args()

    files = report_files(args.folder)
    sample = files[:SINGLE_SAMPLE]
    _, t_single = timed(lambda: [_parse_or_none(f.path) for f in sample])
    single_rate = len(sample) / t_single if t_single else 0
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.duckdb")
        with open_store(url) as db:
            parent_before, workers_before = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
            summary, t_ingest = timed(lambda: ingest(db, files, args.jobs))
            cpu_parent = cpu_seconds(resource.RUSAGE_SELF) - parent_before
            cpu_workers = cpu_seconds(resource.RUSAGE_CHILDREN) - workers_before
            again, t_again = timed(lambda: ingest(db, files, args.jobs, summary=Summary()))
            overall, t_stats = timed(lambda: stats(db))
            _, t_by_year = timed(lambda: stats(db, by="year"))
            years = sorted(y for (y,) in db.execute("SELECT DISTINCT year FROM reports WHERE year IS NOT NULL"))
            _, t_compare = timed(lambda: compare_years(db, years[-2], years[-1]) if len(years) > 1 else None)
            found, t_findings = timed(lambda: findings(db))
            _, t_export = timed(lambda: export(db, "parquet", Path(tmp) / "cells.parquet", "cells"))
            stored_received = db.scalar("SELECT sum(value) FROM cells WHERE table_key = 'table3' "
                                        "AND row_key = 'new_received' AND column_key = 'total'")
            n_cells = db.scalar("SELECT count(*) FROM cells")
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.duckdb*")) if not args.db else None

    rate = summary.stored / t_ingest if t_ingest else 0
    lines = [
        f"## Ingest benchmark ({time.strftime('%Y-%m-%d')})",
        "",
        (f"`.venv/bin/python benchmarks/ingest_bench.py {args.folder} -j {args.jobs}"
         f"{' --db postgresql://…' if args.db else ''}` — ogi {__version__}, Python {platform.python_version()}, "
         f"{platform.machine()}, {os.cpu_count()} cores, backend {'PostgreSQL' if args.db else 'DuckDB'}"),
        "",
        "| step | result | seconds |",
        "|---|---|---:|",
        (f"| ingest {len(files)} files | {summary.stored} stored, {len(summary.failed)} failed, "
         f"{rate:.1f} reports/s, {n_cells:,} cells | {t_ingest:.1f} |"),
        f"| CPU of the ingest: parent (writes, agencies, cross-report rules) | {cpu_parent:.1f} s | |",
        f"| CPU of the ingest: worker processes (reading, parsing) | {cpu_workers:.1f} s | |",
        (f"| for comparison: parse only, one process, no database ({len(sample)} files) | "
         f"{single_rate:.1f} reports/s | {t_single:.1f} |"),
        f"| ingest again (resume: all skipped) | {again.skipped} skipped, {again.stored} stored | {t_again:.1f} |",
        f"| stats | {overall[0]['reports'] if overall else 0} reports counted | {t_stats:.2f} |",
        f"| stats --by year | {len(years)} years | {t_by_year:.2f} |",
        f"| compare two years | {years[-2:] if len(years) > 1 else '—'} | {t_compare:.2f} |",
        f"| findings | {len(found):,} findings | {t_findings:.2f} |",
        f"| export cells → Parquet | | {t_export:.2f} |",
    ]
    if size is not None:
        lines.append(f"| DuckDB file | {size / 1e6:.1f} MB | |")
    check = expected_received(args.folder)
    if check:
        n, total = check
        lines += ["", (f"new_received totals: stored {stored_received:,.0f}, expected {total:,} "
                       f"(over {n} expected files; a difference is the parser's, not the store's)")]
    if summary.failed:
        lines += ["", "Failed inputs (first 10):", ""] + [f"- `{loc}`: {why}" for loc, why in summary.failed[:10]]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
