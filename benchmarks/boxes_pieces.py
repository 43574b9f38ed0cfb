"""Tables of pdfminer's text whose runs are several blocks: what the search in pieces reads, and
how many steps it takes (docs/renderings.md §23, §28).

    PYTHONPATH=src .venv/bin/python benchmarks/boxes_pieces.py [--steps N] FILE.txt [FILE.txt ...]

``extract/boxes.py`` reads a table of pdfminer's text boxes as one block a run where it can;
where no such reading exists it searches the readings where a run may be several blocks
(``boxes._Pieces``, bounded by ``boxes.PIECES_STEPS`` steps). For each file this runs that
search alone on table 三 with a budget of ``--steps`` (default: the parser's) and compares what
it agrees on with the file's ``expected/<stem>.json`` (beside it, as in the shape matrix's
cache): cells agreed, right, wrong; or ``no reading`` / ``spent``; with the steps used (a count,
the same on any machine) and the CPU seconds (for scale only: the machine is shared). Runs
printed on a row label's line are tied to that row as in the parser (``boxes.on_label_lines``)
unless ``--no-label-rows``."""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import ogi
from ogi import extract
from ogi.extract import boxes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--steps", type=int, default=boxes.PIECES_STEPS)
    ap.add_argument("--no-label-rows", action="store_true",
                    help="leave out the rows of values printed on their label's line (boxes.on_label_lines)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    os.environ.setdefault("OGI_MAX_SECONDS", "900")
    seen: dict = {}
    reread = extract.reread_boxes

    def hooked(spec, fmt, evs, placed, pages=()):
        if spec.key == "table3":
            runs = boxes.runs_of(evs, spec, pages)
            if runs and not args.no_label_rows:
                runs = boxes.on_label_lines(spec, fmt, evs, runs)
            if runs and sum(len(r.values) for r in runs) == sum(row.width for row in spec.rows):
                search = boxes._Pieces(spec, runs, boxes._named_columns(spec, fmt, evs, runs), [args.steps])
                start = time.process_time()
                try:
                    agreed = boxes._agreed_cells(spec, search.found) if search.holds() else "no reading"
                except boxes._Spent:
                    agreed = "spent"
                seen.update(agreed=agreed, steps=args.steps - search.budget[0], cpu=time.process_time() - start)
        return reread(spec, fmt, evs, placed, pages)

    extract.reread_boxes = hooked
    for name in args.files:
        path = Path(name)
        expected = json.loads((path.parent / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))["table3"]
        seen.clear()
        ogi.parse(path)
        agreed = seen.get("agreed", "not tried")
        steps = f"{seen.get('steps', 0)} steps, {seen.get('cpu', 0):.2f} s CPU"
        if not isinstance(agreed, dict):
            print(f"{path}: {agreed} ({steps})", flush=True)
            continue
        read = {cell: tok.value for cell, tok in agreed.items() if tok is not None}
        wrong = [cell for cell, v in read.items() if expected[cell[0]][cell[1]] != v]
        print(f"{path}: {len(read)} cells agreed, {len(read) - len(wrong)} right, {len(wrong)} wrong ({steps})",
              flush=True)


if __name__ == "__main__":
    main()
