"""Text-layer PDF parse beside the pdfium floor in instructions (valgrind's callgrind), not
time: on a machine shared by several jobs the time ratio of two runs made seconds apart
moves by a third or more, the instruction counts of one run do not move.

    .venv/bin/python benchmarks/pdf_instructions.py [--out DIR] [--limit N] DIR_OR_FILE ...

The script runs itself once under ``valgrind --tool=callgrind``: the imports and a warming
parse first, then for each PDF (scans are skipped, as ``pdf_sweep.py`` does) one parse
(``ogi.parse`` of the bytes) and one floor (``pdf_docx_speed.pdfium_boxes``: every
character's code and loose box and every painted path's segments). Between two of them
it calls ``math.gcd``, and callgrind's ``--dump-before=math_gcd`` writes the counts so
far to a numbered file and starts again from zero: part ``2k`` is file ``k``'s parse,
part ``2k + 1`` its floor (part 1 the start). The imports are paid once for all files.

It prints each file's parse ÷ floor in instructions and their distribution (mean, median,
worst, above 3×). Instructions are no time (pdfium's C runs more of them a cycle than the
interpreter), so the two ratios are reported side by side in benchmarks/RESULTS.md, each
with its own command; this one is the one a loaded machine leaves as it is. The counts are
deterministic up to a few hundredths of a percent (the garbage collector's timing).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 3.0  # issue 14.2: a text-layer PDF within 3× the pdfium boxes floor
MARKER = "math_gcd"  # the C function whose calls cut the counts into parts
INNER = "OGI_PDF_INSTRUCTIONS_INNER"  # set in the run under valgrind


def inner(paths: list[Path]) -> None:
    """Under valgrind: warm, then parse and floor each file with a marker after each."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from pdf_docx_speed import pdfium_boxes

    from ogi import parse

    datas = [p.read_bytes() for p in paths]
    for data in datas[:1]:  # the lazy imports and caches
        parse(data, name="x.pdf")
        pdfium_boxes(data)
    math.gcd(1, 2)
    for data in datas:
        parse(data, name="x.pdf")
        math.gcd(1, 2)
        pdfium_boxes(data)
        math.gcd(1, 2)


def totals(out: Path, parts: int) -> list[int]:
    """The instruction count of each numbered part callgrind wrote (``out.1`` …)."""
    counts = []
    for k in range(1, parts + 1):
        for line in Path(f"{out}.{k}").read_text(errors="replace").splitlines():
            if line.startswith(("totals:", "summary:")):
                counts.append(int(line.split()[1]))
                break
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, help="folder for callgrind's files (a temporary one by default)")
    ap.add_argument("--limit", type=int, default=0, help="the first N text-layer PDFs only")
    args = ap.parse_args()
    if os.environ.get(INNER):
        inner(args.paths)
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "src"))
    from pdf_sweep import _label, has_text, pdfs

    files = [p for p in pdfs(args.paths) if has_text(p.read_bytes())]
    if args.limit:
        files = files[:args.limit]
    folder = args.out or Path(tempfile.mkdtemp(prefix="pdf_instructions."))
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "callgrind.out"
    env = {**os.environ, INNER: "1", "OGI_MAX_SECONDS": "3000",  # callgrind runs ~50× slower: no deadline in the way
           "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src")] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])}
    with open(folder / "valgrind.log", "w") as log:
        subprocess.run(["valgrind", "--tool=callgrind", f"--dump-before={MARKER}", f"--callgrind-out-file={out}",
                        sys.executable, __file__, *map(str, files)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=log)
    counts = totals(out, 2 * len(files) + 1)
    rows = []
    for k, path in enumerate(files):
        parse_count, floor_count = counts[1 + 2 * k], counts[2 + 2 * k]
        rows.append((parse_count / floor_count, floor_count, parse_count, path))
    ratios = [r[0] for r in rows]
    print(f"{len(rows)} text-layer PDFs, instructions (callgrind)\n")
    print(f"parse ÷ floor: mean {statistics.mean(ratios):.2f}×, median {statistics.median(ratios):.2f}×, "
          f"p90 {statistics.quantiles(ratios, n=10)[-1] if len(ratios) > 1 else ratios[0]:.2f}×, "
          f"worst {max(ratios):.2f}×; above {TARGET:g}×: {sum(r > TARGET for r in ratios)}\n")
    print("| file | floor M instr | parse M instr | ÷ floor |")
    print("|---|---:|---:|---:|")
    for ratio, floor_count, parse_count, path in sorted(rows, key=lambda r: r[0], reverse=True):
        print(f"| {_label(path)} | {floor_count / 1e6:.1f} | {parse_count / 1e6:.1f} | {ratio:.2f}× |")


if __name__ == "__main__":
    main()
