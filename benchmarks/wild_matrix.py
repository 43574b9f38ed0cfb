"""Reports with deviations the template's variants do not list, scored per deviation kind.

    python benchmarks/wild_matrix.py [--n 400] [--seed 1] [--work DIR] [--examples 3] [--json FILE]

Writes ``--n`` synthetic reports with ``ogi synth N --formats wild,wild_html`` (each of the
kinds of ``ogi.synth.wild`` in turn, as text in a seed flattening and as HTML; the values a
correct parser reads carried over in ``expected/``), parses each in-process with
``ogi.parse`` and scores it cell by cell with ``ogi.synth.shapes.score``: right, null with a
finding, wrong with a finding, null with no finding, and **wrong with no finding** (silent).
Prints a markdown table per kind and rendering, and the first cells not right of each kind.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

from ogi import parse
from ogi.synth.corpus import generate
from ogi.synth.shapes.score import CellScore, score_report, unread
from ogi.synth.wild import KINDS

DEFAULT_WORK = Path(os.environ.get("TMPDIR", "/tmp")) / "ogi-wild-matrix"


def run(folder: Path, examples: int) -> dict[tuple[str, str], CellScore]:
    """(kind, format) → the summed score of its reports."""
    out: dict[tuple[str, str], CellScore] = {}
    with open(folder / "manifest.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            stem, fmt, kind = row["stem"], row["format"], row["mangling"]
            path = next(p for p in folder.iterdir() if p.is_file() and p.stem == stem)
            expected = json.loads((folder / "expected" / f"{stem}.json").read_text(encoding="utf-8"))
            try:
                score = score_report(expected, parse(path), f"{stem}: ")
            except Exception as exc:  # noqa: BLE001 - a refusal is scored, not raised
                score = unread(expected, f"{type(exc).__name__}: {exc}"[:200], f"{stem}: ")
            out.setdefault((kind, fmt), CellScore()).add(score, examples)
            out.setdefault((f"template {expected['meta']['template']}", fmt), CellScore()).add(score)
    return out


def table(scores: dict[tuple[str, str], CellScore]) -> str:
    lines = [("| kind | family | rendering | reports | cells | right | null+finding | wrong+finding | "
              "null silent | **wrong silent** | right % |"),
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    total = CellScore()
    for name, kind in KINDS.items():
        for fmt in ("wild", "wild_html"):
            s = scores.get((name, fmt))
            if s is None:
                continue
            total.add(s)
            lines.append(f"| {name} | {kind.family} | {'text' if fmt == 'wild' else 'html'} | {s.reports} | "
                         f"{s.cells} | {s.right} | {s.null_flagged} | {s.wrong_flagged} | {s.null_silent} | "
                         f"**{s.wrong_silent}** | {100 * s.right / max(1, s.cells):.2f}% |")
    for template in ("template 2019", "template 2021"):
        for fmt in ("wild", "wild_html"):
            s = scores.get((template, fmt))
            if s is not None:
                lines.append(f"| {template} | all | {'text' if fmt == 'wild' else 'html'} | {s.reports} | "
                             f"{s.cells} | {s.right} | {s.null_flagged} | {s.wrong_flagged} | {s.null_silent} | "
                             f"**{s.wrong_silent}** | {100 * s.right / max(1, s.cells):.2f}% |")
    lines.append(f"| **all** | | | {total.reports} | {total.cells} | {total.right} | {total.null_flagged} | "
                 f"{total.wrong_flagged} | {total.null_silent} | **{total.wrong_silent}** | "
                 f"{100 * total.right / max(1, total.cells):.2f}% |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=400, help="reports (a multiple of 2 × the kinds covers each evenly)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK)
    ap.add_argument("--examples", type=int, default=3, help="cells not right listed per kind")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    args = ap.parse_args()
    folder = args.work / f"wild{args.n}_seed{args.seed}"
    if not (folder / "manifest.csv").is_file():
        generate(args.n, folder, seed=args.seed, formats=("wild", "wild_html"))
    t0 = time.perf_counter()
    scores = run(folder, args.examples)
    seconds = time.perf_counter() - t0
    print(f"`python benchmarks/wild_matrix.py --n {args.n} --seed {args.seed}` "
          f"({sum(s.reports for (k, _), s in scores.items() if k in KINDS)} reports, parsed in {seconds:.0f} s, "
          f"load {os.getloadavg()[0]:.1f})\n")
    print(table(scores))
    bad = [(k, s) for k, s in scores.items() if s.examples]
    if bad:
        print("\nFirst cells not right:\n")
        for (kind, fmt), s in bad:
            for line in s.examples:
                print(f"- {kind}/{fmt}: {line}")
    if args.json:
        args.json.write_text(json.dumps({f"{k}/{f}": s.as_dict() for (k, f), s in scores.items()},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
