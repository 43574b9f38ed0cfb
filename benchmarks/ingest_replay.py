"""The ingest parent's work replayed in one process, statement by statement: where its CPU goes.

    .venv/bin/python benchmarks/ingest_replay.py dump DIR N OUTCOMES [-j J]
    .venv/bin/python benchmarks/ingest_replay.py replay OUTCOMES [--batch B] [--keep STORE] [--profile FILE]

``dump`` runs what a worker of ``ogi ingest`` runs (:func:`ogi.store.ingest.parse_input`) on the
first N report files under DIR (``expected/`` left out; e.g. the folder of ``ogi synth 10000
--panel --formats txt``) in J processes, and pickles the outcomes into the folder OUTCOMES, a
file per 500 (in the order of the files).

``replay`` writes those outcomes into a new DuckDB store as the parent of an ingest does
(``write_outcomes`` in batches of B, the checkpoint deferred, DuckDB on one thread while the
parse would run; then the cross-report rules, with two workers), with no worker beside it: the
parent's own CPU, without the load the workers and other jobs put on the machine. Every
statement it runs is timed (``time.thread_time``, this thread's CPU: DuckDB runs them on it
with one thread) and counted by its SQL's first words; prints the CPU of each step, the
statements by CPU, and the CPU milliseconds a report. ``--keep`` keeps the store (for
``benchmarks/ingest_compare.py``); ``--profile`` runs the writing under cProfile.

The outcomes dumped by one version of the code are replayed by the same version: what a worker
sends may change between versions (the dump then has to be made again).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import pickle
import resource
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# --src chooses the tree measured (``git archive REV src``): before the imports below
sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src"))

import ogi.store.ingest as ingest_module  # noqa: E402
from ogi.store import open_store  # noqa: E402
from ogi.store.ingest import Summary, collect, parse_input  # noqa: E402

CHUNK = 500  # outcomes a pickle file


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def report_files(folder: Path, count: int):
    files, _, _ = collect([str(folder)])
    return [f for f in files if "expected" not in Path(f.path).parts and not f.path.endswith("manifest.csv")][:count]


def dump(folder: Path, count: int, out: Path, jobs: int) -> None:
    inputs = report_files(folder, count)
    out.mkdir(parents=True, exist_ok=True)
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for start in range(0, len(inputs), CHUNK):
            outcomes = pool.map(parse_input, inputs[start:start + CHUNK], chunksize=20)
            (out / f"{start // CHUNK:05d}.pickle").write_bytes(pickle.dumps(outcomes, protocol=5))
            print(f"{start + len(outcomes)} parsed", flush=True)


def outcomes_of(folder: Path):
    for path in sorted(folder.glob("*.pickle")):
        yield from pickle.loads(path.read_bytes())


class Statements:
    """Each statement the store runs, timed (this thread's CPU) and counted by its SQL's first words."""

    def __init__(self, db) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        run = db._run

        def timed(sql, params):
            start = time.thread_time()
            try:
                return run(sql, params)
            finally:
                key = " ".join(sql.split())[:90]
                self.cpu[key] += time.thread_time() - start
                self.count[key] += 1

        db._run = timed

    def total(self) -> float:
        return sum(self.cpu.values())


class Collector:
    """The CPU of Python's cyclic garbage collector in this process, by generation (``gc.callbacks``)."""

    def __init__(self) -> None:
        import gc

        self.seconds = [0.0, 0.0, 0.0]
        self.count = [0, 0, 0]
        self._start = 0.0

        def timed(phase, info):
            if phase == "start":
                self._start = time.thread_time()
            else:
                self.seconds[info["generation"]] += time.thread_time() - self._start
                self.count[info["generation"]] += 1

        gc.callbacks.append(timed)

    def line(self, n: int) -> str:
        return ", ".join(f"generation {g}: {c} collections, {s:.2f} s ({s * 1000 / max(1, n):.3f} ms a report)"
                         for g, (s, c) in enumerate(zip(self.seconds, self.count)))


def replay(folder: Path, batch: int, keep: Path | None, profile: Path | None, jobs: int) -> None:
    from ogi.store.agencies import recheck
    from ogi.store.reports import KeptDocuments

    ingest_module.BATCH_SIZE = batch
    ingest_module.BATCH_SECONDS = 1e9
    n = 0

    def outcomes():  # read a file of outcomes at a time, as the parent holds a batch at a time, not all
        nonlocal n
        for out in outcomes_of(folder):
            n += 1
            yield out

    with tempfile.TemporaryDirectory() as tmp, open_store(str(keep or Path(tmp) / "replay.duckdb")) as db:
        statements = Statements(db)
        summary = Summary()
        indexed: set[int] = set()
        documents = KeptDocuments()
        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile(time.thread_time)
        steps = []
        collector = Collector()
        start = (time.thread_time(), cpu(), statements.total())
        with ingest_module._checkpoints_deferred(db):
            threads = db.scalar("SELECT current_setting('threads')")
            db.execute("SET threads = 1")
            if profiler:
                profiler.enable()
            with getattr(ingest_module, "_collector_relaxed", nullcontext)():
                ingest_module.write_outcomes(db, outcomes(), summary, None, indexed, documents)
            if profiler:
                profiler.disable()
            db.execute(f"SET threads = {threads}")
            steps.append(("batches (write_outcomes)", start, (time.thread_time(), cpu(), statements.total())))
            start = steps[-1][2]
            summary.cross_checked = recheck(db, indexed, documents, jobs)
            steps.append(("cross-report rules (recheck)", start, (time.thread_time(), cpu(), statements.total())))
            start = steps[-1][2]
        steps.append(("the checkpoint", start, (time.thread_time(), cpu(), statements.total())))
        reports, cells = db.scalar("SELECT count(*) FROM reports"), db.scalar("SELECT count(*) FROM cells")
    print(f"{n} outcomes, batches of {batch}: {summary.stored} stored, {len(summary.failed)} failed; "
          f"{reports} reports, {cells} cells (load average {os.getloadavg()[0]:.1f})")
    for name, (t0, p0, s0), (t1, p1, s1) in steps:
        print(f"  {name}: main thread {t1 - t0:.2f} s ({(t1 - t0) * 1000 / n:.3f} ms a report), "
              f"process {p1 - p0:.2f} s, of it in statements {s1 - s0:.2f} s")
    print(f"  the garbage collector (in the steps above): {collector.line(n)}")
    print("statements by CPU (s, count, ms a report):")
    for key, seconds in sorted(statements.cpu.items(), key=lambda kv: -kv[1])[:30]:
        print(f"  {seconds:7.2f} {statements.count[key]:6d} {seconds * 1000 / n:7.3f}  {key}")
    if profiler and profile:
        import pstats

        profiler.dump_stats(str(profile))
        stats = pstats.Stats(str(profile))
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("folder", type=Path)
    d.add_argument("count", type=int)
    d.add_argument("outcomes", type=Path)
    d.add_argument("-j", "--jobs", type=int, default=2)
    r = sub.add_parser("replay")
    r.add_argument("outcomes", type=Path)
    r.add_argument("--batch", type=int, default=ingest_module.BATCH_SIZE)
    r.add_argument("--keep", type=Path)
    r.add_argument("--profile", type=Path)
    r.add_argument("-j", "--jobs", type=int, default=2, help="workers of the cross-year rules")
    for p in (d, r):
        p.add_argument("--src", help="the tree's src to run (read before the imports)")
    args = ap.parse_args()
    if args.command == "dump":
        dump(args.folder, args.count, args.outcomes, args.jobs)
    else:
        replay(args.outcomes, args.batch, args.keep, args.profile, args.jobs)


if __name__ == "__main__":
    main()
