"""Two source trees' PDF parses side by side in one process, beside the pdfium floor: a
before/after comparison that a loaded machine moves less than two sweeps run apart.

    .venv/bin/python benchmarks/pdf_side_by_side.py --before /tmp/base/src --after src [--rounds N] FILE ...

Both trees' ``ogi`` are imported into this process (each warmed on the first file; the
``ogi.*`` modules of the tree about to run are put back into ``sys.modules`` before each
parse, so the readers' lazy imports find their own tree). For each file the floor
(``pdf_docx_speed.pdfium_boxes``), the before parse and the after parse run in turn,
``--rounds`` times; each keeps its best CPU time (``time.process_time``).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pdf_docx_speed import pdfium_boxes


def load(src: str, warm: bytes):
    """``parse`` of the tree at ``src``, with its own modules put back before each call."""
    for name in [m for m in sys.modules if m == "ogi" or m.startswith("ogi.")]:
        del sys.modules[name]
    sys.path.insert(0, src)
    module = importlib.import_module("ogi")
    module.parse(warm, name="x.pdf")  # every lazy import made
    sys.path.remove(src)
    own = {m: v for m, v in sys.modules.items() if m == "ogi" or m.startswith("ogi.")}

    def run(data: bytes):
        sys.modules.update(own)
        return module.parse(data, name="x.pdf")

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", required=True)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    warm = args.files[0].read_bytes()
    before, after = load(args.before, warm), load(args.after, warm)
    changes = []
    print("| file | floor ms | before ms | ÷ floor | after ms | ÷ floor | change |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in args.files:
        data = path.read_bytes()
        before(data), after(data)
        best = {"floor": float("inf"), "before": float("inf"), "after": float("inf")}
        for _ in range(args.rounds):
            for key, fn in (("floor", pdfium_boxes), ("before", before), ("after", after)):
                started = time.process_time()
                fn(data)
                best[key] = min(best[key], time.process_time() - started)
        floor = best["floor"]
        change = best["after"] / best["before"] - 1
        changes.append(change)
        print(f"| {path.parent.parent.name}/{path.parent.name}/{path.name} | {1000 * floor:.1f} | "
              f"{1000 * best['before']:.1f} | {best['before'] / floor:.2f}× | {1000 * best['after']:.1f} | "
              f"{best['after'] / floor:.2f}× | {100 * change:+.1f}% |", flush=True)
    print(f"\nmean change {100 * statistics.mean(changes):+.1f}%, median {100 * statistics.median(changes):+.1f}%")


if __name__ == "__main__":
    main()
