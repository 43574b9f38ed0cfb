"""Python opcodes executed in one parse of each PDF, and where: a measure of the reader's
Python work that does not move with the machine's load (CPU times did, by a third, at load
12–20 on two cores).

    PYTHONPATH=src .venv/bin/python benchmarks/pdf_opcodes.py [--top N] FILE ...

Each file is parsed once to warm (imports, the template, caches), then once more under
``sys.settrace`` with opcode events on, counting the opcodes of every function (file and
name). What runs in C (pdfium, ``sorted``, ``map``, regular expressions) is not counted:
compare two trees by running this with each on ``PYTHONPATH``. The parse's deadline is
raised for the traced run (tracing is ~50× slower).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("OGI_MAX_SECONDS", "3000")  # tracing is slow: no deadline in the way

from ogi import parse


def opcodes(data: bytes) -> Counter:
    """Opcodes executed by one parse of ``data``, per (file, function)."""
    counts: Counter = Counter()

    def tracer(frame, event, arg):
        if event == "call":
            frame.f_trace_opcodes = True
            frame.f_trace_lines = False
            return tracer
        if event == "opcode":
            code = frame.f_code
            counts[(code.co_filename.split("/src/")[-1].split("site-packages/")[-1], code.co_name)] += 1
        return tracer

    sys.settrace(tracer)
    try:
        parse(data, name="x.pdf")
    finally:
        sys.settrace(None)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--top", type=int, default=0, help="list the N functions with most opcodes per file")
    args = ap.parse_args()
    for path in args.files:
        data = path.read_bytes()
        parse(data, name="x.pdf")  # warm
        counts = opcodes(data)
        print(f"{path}\t{sum(counts.values())}")
        for (file, name), n in counts.most_common(args.top):
            print(f"    {n:9d}  {file}:{name}")


if __name__ == "__main__":
    main()
