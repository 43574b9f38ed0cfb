"""CPU of an ingest's parent beside its workers', for comparing two versions of the code in one run.

    .venv/bin/python benchmarks/ingest_parent.py DIR N [-j JOBS]

Ingests the first N report files under DIR (``expected/`` left out; e.g. the folder of
``ogi synth 10000 --panel --formats txt``) into a new DuckDB store in a temporary folder, in this
process, and prints the wall time, the parent's CPU (``RUSAGE_SELF``: writing, agencies, the
cross-report rules) and the workers' (``RUSAGE_CHILDREN``: reading and parsing). On a 2-core
machine the parent is the single-threaded part: with ``-j 2`` an ingest cannot finish faster
than its parent's CPU, nor than (parent + workers) / 2. To compare with an earlier version,
run this script from a copy of that version's tree (``git archive REV src benchmarks``)
right before or after, on the same files.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ogi.store import open_store  # noqa: E402
from ogi.store.ingest import collect, ingest  # noqa: E402


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("count", type=int)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="write the store here and keep it (for benchmarks/ingest_compare.py)")
    args = ap.parse_args()
    files, _, _ = collect([str(args.folder)])
    files = [f for f in files if "expected" not in Path(f.path).parts and not f.path.endswith("manifest.csv")]
    files = files[:args.count]
    with tempfile.TemporaryDirectory() as tmp, open_store(str(args.keep or Path(tmp) / "bench.duckdb")) as db:
        parent, workers, start = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
        summary = ingest(db, files, args.jobs)
        wall = time.perf_counter() - start
        parent, workers = cpu(resource.RUSAGE_SELF) - parent, cpu(resource.RUSAGE_CHILDREN) - workers
    print(f"{len(files)} files, -j {args.jobs}: {summary.stored} stored, {len(summary.failed)} failed; "
          f"wall {wall:.1f} s, parent CPU {parent:.1f} s, workers CPU {workers:.1f} s "
          f"(load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
