"""Where an ingest worker's CPU goes, per report: the parse beside what a worker does around it.

    .venv/bin/python benchmarks/ingest_worker.py DIR [N] [--profile FILE]

Runs, in this one process, what a worker of ``ogi ingest`` does for each of the first N report
files under DIR (``expected/`` left out; e.g. the folder of ``ogi synth 10000 --panel --formats
txt``): :func:`ogi.store.ingest.parse_input`, then pickles its outcome as ``multiprocessing``
sends it. Prints the CPU milliseconds a report (``time.process_time``, so the machine's load
matters less than to a wall clock, though not at all only on an idle machine) of

- the whole of ``parse_input`` and the pickling (what a worker costs a report),
- ``ogi.parse`` alone on the same bytes (the floor this script cannot move: the parser's),
- each step around the parse, timed alone on the parsed report (the cells rows and their Arrow
  table, the JSON document, the text prints, the summary sums, the agency's text),
- pickling and unpickling the outcome (the worker's send and the parent's receive), with its size.

``--profile`` also runs ``parse_input`` under cProfile and prints the functions outside the
parser by their own time.

``--only worker`` or ``--only parse`` prints nothing and runs one pass of that alone (the worker:
``parse_input`` and pickling its outcome; the parse: ``ogi.parse`` on the file's bytes) over the
files, each seen for the first time (the warm-up parses ``--warm`` other files, those after the N
measured), for counting instructions, which the machine's load does not move::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/ingest_worker.py \
        DIR 30 --only worker [--src TREE/src]      # and --only parse

(worker − parse) ÷ N is what a worker spends a report beside the parse; ``--src`` measures another
tree's code (``git archive REV src``), so that one run compares two versions.

``--pool J`` runs the N files through the ingest's own worker pool instead (``store.pool.run_ahead``
with ``parse_input``, J workers, results dropped) and prints the workers' CPU a report
(``RUSAGE_CHILDREN``, their start-up included) and the parent's: what a worker costs over a long
life (a worker of a 10,000-report ingest with ``-j 2`` reads 5,000 files), which the loop above,
over a few hundred files, does not show (the garbage collector's full collections grow with it).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# --src chooses the tree measured: before the imports below
sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src"))

from ogi import parse  # noqa: E402
from ogi.store.agencies import report_text  # noqa: E402
from ogi.store.copied import report_prints  # noqa: E402
from ogi.store.ingest import collect, parse_input  # noqa: E402
from ogi.store.reports import cell_rows, cells_table  # noqa: E402
from ogi.store.summary import report_sums  # noqa: E402

PICKLE_PROTOCOL = 5  # multiprocessing's connection pickles with the default (5 on Python 3.8+)


def per_report_ms(fn, items) -> float:
    start = time.process_time()
    for item in items:
        fn(item)
    return (time.process_time() - start) * 1000 / max(1, len(items))


def through_pool(inputs, jobs: int) -> None:
    import resource

    from ogi.store import pool
    from ogi.store.ingest import lost_input

    def cpu(who: int) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    parent, start = cpu(resource.RUSAGE_SELF), time.perf_counter()
    done = sum(1 for out in pool.run_ahead(inputs, parse_input, jobs, lost_input) if out is not None)
    wall, parent, workers = time.perf_counter() - start, cpu(resource.RUSAGE_SELF) - parent, cpu(resource.RUSAGE_CHILDREN)
    print(f"{done} reports through {jobs} worker(s): workers {workers:.1f} s CPU ({workers * 1000 / max(1, done):.2f} ms "
          f"a report), parent {parent:.1f} s ({parent * 1000 / max(1, done):.2f} ms), wall {wall:.1f} s "
          f"(load average {os.getloadavg()[0]:.1f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("count", type=int, nargs="?", default=300)
    ap.add_argument("--profile", type=Path, help="write cProfile stats of parse_input here and print a summary")
    ap.add_argument("--only", choices=("worker", "parse"), help="one pass of this alone, nothing printed (see above)")
    ap.add_argument("--warm", type=int, default=5, help="with --only: other files parsed first (default 5)")
    ap.add_argument("--src", help="the tree's src to measure (read before the imports)")
    ap.add_argument("--pool", type=int, metavar="J", help="through the ingest's pool of J workers (see above)")
    args = ap.parse_args()
    files, _, _ = collect([str(args.folder)])
    inputs = [f for f in files if "expected" not in Path(f.path).parts and not f.path.endswith("manifest.csv")]
    if args.pool:
        through_pool(inputs[:args.count], args.pool)
        return
    if args.only:
        for inp in inputs[args.count:args.count + args.warm]:
            pickle.dumps(parse_input(inp), PICKLE_PROTOCOL)
        for inp in inputs[:args.count]:
            if args.only == "worker":
                pickle.dumps(parse_input(inp), PICKLE_PROTOCOL)
            else:
                parse(Path(inp.path).read_bytes(), name=inp.location)
        return
    inputs = inputs[:args.count]
    for inp in inputs[:5]:  # warm: imports, the template, caches
        parse_input(inp)
    data = [Path(inp.path).read_bytes() for inp in inputs]
    outcomes = []

    def whole(inp):
        out = parse_input(inp)
        pickle.dumps(out, PICKLE_PROTOCOL)
        outcomes.append(out)

    # each measured twice, alternating, the lower kept: the first pass over the files warms
    # the parser's caches for the second
    parse_only = total = float("inf")
    for _ in range(2):
        parse_only = min(parse_only, per_report_ms(lambda pair: parse(pair[1], name=pair[0].location),
                                                   list(zip(inputs, data))))
        outcomes.clear()
        total = min(total, per_report_ms(whole, inputs))
    reports = [parse(d, name=inp.location) for inp, d in zip(inputs, data)]
    for inp, report in zip(inputs, reports):
        report.source.path = inp.location
    rows = [cell_rows(r) for r in reports]
    steps = {
        "cells rows (cell_rows)": per_report_ms(cell_rows, reports),
        "their Arrow table (cells_table)": per_report_ms(cells_table, rows),
        "JSON document (model_dump_json)": per_report_ms(lambda r: r.model_dump_json(), reports),
        "text prints (report_prints)": per_report_ms(report_prints, reports),
        "summary sums (report_sums)": per_report_ms(
            lambda pair: report_sums(pair[0], [f.code for f in pair[1].findings]), list(zip(rows, reports))),
        "the agency's text (report_text)": per_report_ms(report_text, reports),
    }
    pickled = [pickle.dumps(out, PICKLE_PROTOCOL) for out in outcomes]
    steps["pickling the outcome"] = per_report_ms(lambda out: pickle.dumps(out, PICKLE_PROTOCOL), outcomes)
    unpickle = per_report_ms(pickle.loads, pickled)
    size = sum(map(len, pickled)) / max(1, len(pickled)) / 1024
    print(f"{len(inputs)} reports, CPU ms a report (load average {os.getloadavg()[0]:.1f}):")
    print(f"| step | ms |\n|---|---:|\n| parse_input + pickling (a worker's cost) | {total:.2f} |\n"
          f"| ogi.parse alone | {parse_only:.2f} |\n| the rest (difference) | {total - parse_only:.2f} |")
    for name, ms in steps.items():
        print(f"| {name} | {ms:.2f} |")
    print(f"| unpickling the outcome (in the parent) | {unpickle:.2f} |\n| outcome size | {size:.1f} KB |")
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for inp in inputs:
            pickle.dumps(parse_input(inp), PICKLE_PROTOCOL)
        profiler.disable()
        profiler.dump_stats(str(args.profile))
        stats = pstats.Stats(str(args.profile))
        stats.sort_stats("tottime").print_stats(40)


if __name__ == "__main__":
    main()
