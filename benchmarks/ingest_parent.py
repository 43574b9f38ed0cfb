"""CPU of an ingest's parent beside its workers', for comparing two versions of the code in one run.

    .venv/bin/python benchmarks/ingest_parent.py DIR N [-j JOBS] [--threads T] [--profile FILE] [--keep STORE]

Ingests the first N report files under DIR (``expected/`` left out; e.g. the folder of
``ogi synth 10000 --panel --formats txt``) into a new DuckDB store in a temporary folder, in this
process, and prints the wall time, the parent's CPU (``RUSAGE_SELF``: writing, agencies, the
cross-report rules) and the workers' (``RUSAGE_CHILDREN``: reading and parsing). The parent's CPU
is split by thread (``/proc/self/task``, Linux): its main thread (Python, and DuckDB's work done
on it), DuckDB's own worker threads (which run a statement's pipelines in parallel beside it),
and the threads that ended before the run did (the pool's reader, ``store.pool.run_ahead``:
what is left of ``RUSAGE_SELF``). ``--threads`` sets DuckDB's thread count for the run
(``SET threads``; ``0``, the default, leaves the store's own setting); ``--profile`` runs the
parent under cProfile and prints where its main thread's time goes (by function, cumulative and
own time). On a 2-core machine the parent's main thread is the single-threaded part: with
``-j 2`` an ingest cannot finish faster than it, nor than (parent + workers) / 2. To
compare with an earlier version, run this script from a copy of that version's tree
(``git archive REV src benchmarks``) right before or after, on the same files.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import ogi.store.ingest as ingest_module  # noqa: E402
from ogi.store import open_store  # noqa: E402
from ogi.store.ingest import collect, ingest  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100  # clock ticks a second (/proc's unit)


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def thread_cpu() -> dict[int, float]:
    """CPU seconds (user + system) of each live thread of this process, by thread id; empty
    where there is no /proc. A thread that ended is in ``RUSAGE_SELF`` only."""
    out = {}
    for task in Path("/proc/self/task").glob("*") if Path("/proc/self/task").is_dir() else ():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(task.name)] = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14, 15)
    return out


def children_cpu() -> float:
    """CPU seconds of this process's children: those reaped (``RUSAGE_CHILDREN``) and those
    alive (``/proc/PID/stat`` of each child listed in ``/proc/self/task/*/children``)."""
    total = cpu(resource.RUSAGE_CHILDREN)
    for task in Path("/proc/self/task").glob("*/children") if Path("/proc/self/task").is_dir() else ():
        try:
            pids = task.read_text().split()
        except OSError:
            continue
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


class Phases:
    """Wall, parent and reaped-children CPU at the ends of an ingest's steps: the hashing of the
    inputs (``pending``), the parsing with its writes, the cross-report rules (``recheck``).
    Taken by wrapping the two functions ``ogi.store.ingest`` calls."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float, float]] = []
        self.mark("start")
        pending, recheck, parse_all = ingest_module.pending, ingest_module.recheck, ingest_module.parse_all
        checkpoints = ingest_module._checkpoints_deferred

        def timed_pending(*a, **k):
            out = pending(*a, **k)
            self.mark("hashing the inputs (pending)")
            return out

        def timed_parse_all(*a, **k):  # the first result (the workers' start-up) and the last
            first = True
            for out in parse_all(*a, **k):
                if first and out is not None:
                    self.mark("until the first result (workers start)")
                    first = False
                yield out
            self.mark("parsing, the batches written meanwhile")

        def timed_recheck(*a, **k):
            self.mark("the last batch written (after the last result)")
            out = recheck(*a, **k)
            self.mark("cross-report rules (recheck)")
            return out

        @contextmanager
        def timed_checkpoints(*a, **k):
            with checkpoints(*a, **k):
                yield
            self.mark("the checkpoint")

        ingest_module.pending, ingest_module.recheck = timed_pending, timed_recheck
        ingest_module.parse_all, ingest_module._checkpoints_deferred = timed_parse_all, timed_checkpoints
        import ogi.store.intake as intake
        intake.pending = timed_pending

    def mark(self, name: str) -> None:
        self.marks.append((name, time.perf_counter(), cpu(resource.RUSAGE_SELF), children_cpu()))

    def lines(self) -> list[str]:
        return [f"  {name}: wall {w1 - w0:.1f} s, parent CPU {p1 - p0:.1f} s, workers CPU {c1 - c0:.1f} s"
                for (_, w0, p0, c0), (name, w1, p1, c1) in zip(self.marks, self.marks[1:])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("count", type=int)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--threads", type=int, default=0, help="DuckDB's threads for the run (0: as the store has it)")
    ap.add_argument("--profile", type=Path, help="run the parent under cProfile; write its stats here")
    ap.add_argument("--keep", type=Path, help="write the store here and keep it (for benchmarks/ingest_compare.py)")
    args = ap.parse_args()
    files, _, _ = collect([str(args.folder)])
    files = [f for f in files if "expected" not in Path(f.path).parts and not f.path.endswith("manifest.csv")]
    files = files[:args.count]
    with tempfile.TemporaryDirectory() as tmp, open_store(str(args.keep or Path(tmp) / "bench.duckdb")) as db:
        if args.threads:
            db.execute(f"SET threads = {int(args.threads)}")
        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile(time.thread_time)  # the main thread's CPU, not the wall clock
        threads_before = thread_cpu()
        parent, workers, start = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
        phases = Phases()
        if profiler:
            profiler.enable()
        summary = ingest(db, files, args.jobs)
        if profiler:
            profiler.disable()
        phases.mark("what became of each file (intake's results)")
        wall = time.perf_counter() - start
        parent, workers = cpu(resource.RUSAGE_SELF) - parent, cpu(resource.RUSAGE_CHILDREN) - workers
        threads_after = thread_cpu()
        threads = db.scalar("SELECT current_setting('threads')")
    main_thread = threads_after.get(os.getpid(), 0.0) - threads_before.get(os.getpid(), 0.0)
    duckdb_threads = sum(t - threads_before.get(tid, 0.0) for tid, t in threads_after.items() if tid != os.getpid())
    print(f"{len(files)} files, -j {args.jobs}: {summary.stored} stored, {len(summary.failed)} failed; "
          f"wall {wall:.1f} s, parent CPU {parent:.1f} s, workers CPU {workers:.1f} s "
          f"(load average {os.getloadavg()[0]:.1f})")
    if threads_after:
        print(f"parent by thread: main (Python, and DuckDB's work on it) {main_thread:.1f} s, DuckDB's other "
              f"threads ({threads} set) {duckdb_threads:.1f} s, threads ended by then (the pool's reader) "
              f"{parent - main_thread - duckdb_threads:.1f} s")
    print("by step (workers' CPU: those alive read from /proc):")
    print("\n".join(phases.lines()))
    if profiler and args.profile:
        import pstats

        profiler.dump_stats(str(args.profile))
        stats = pstats.Stats(str(args.profile))
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
