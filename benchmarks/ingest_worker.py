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
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("count", type=int, nargs="?", default=300)
    ap.add_argument("--profile", type=Path, help="write cProfile stats of parse_input here and print a summary")
    args = ap.parse_args()
    files, _, _ = collect([str(args.folder)])
    inputs = [f for f in files if "expected" not in Path(f.path).parts and not f.path.endswith("manifest.csv")]
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
