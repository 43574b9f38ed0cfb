"""Every cell pdfminer's text lost, by table and by why the boxes reader left it.

    PYTHONPATH=src .venv/bin/python benchmarks/boxes_causes.py --shape pdfminer
        [--root /work/cache/matrix/shapes] [--corpus seeds --corpus peer ...]

For each file of ``ROOT/CORPUS/SHAPE/*.txt`` (the shape matrix's cache, with
``expected/<stem>.json`` beside the texts) the report is parsed with ``ogi.parse``; the
boxes reader's entry point (``ogi.extract.reread_boxes``) is wrapped so that, for every
table, the steps of ``extract/boxes.read_boxes`` are replayed and the first one that gives
up is named:

* ``aligner full`` — the aligner left no cell null (the boxes are not read; cells lost
  there were nulled afterwards, e.g. table 四's parts that table 三 cannot vouch for);
* ``no identity`` — table 二: no sum could confirm a tiling (never read from boxes);
* ``not boxes`` — a value is no number of running text (``无``, a date's ``-03``);
* ``count +k`` / ``count -k`` — the runs hold k values more or fewer than the table's cells
  (page numbers, another table's cells; values printed on their labels' lines);
* ``other as one row · …`` / ``extra row · …`` — the text prints a group of sub-rows as one
  row, or an extra ``其中`` sub-row (``extract/boxes_rows.py``): the cause under those rows;
* ``page numbers (n choices): …`` — more values than cells, each page over whole rows by one
  holding a line of its number (``extract/boxes_pagenums.py``): read, or not;
* ``no long run`` — no run is longer than a row: the text is printed row by row;
* ``astray …`` — one value too many: no choice of the stray one gives a reading;
* ``stacks spent`` — the exact cover search (every run one block) spent its steps and the
  print-order search ran out of states;
* ``pieces: read`` / ``pieces: no reading`` / ``pieces spent`` — no reading one block a run
  (the exact cover search or the print-order search proved it), and the search where a run
  may be several blocks (``boxes._Pieces``) read the table, proved it has no reading (the
  report's own sums broken, or runs cut more than it allows), or spent its steps.

A cell is *lost* when the parsed value is not the expected one (null with a finding, in
practice: the shape matrix counts the wrong ones apart). Prints one line per (table, cause)
with the cells and files, the files listed below it. Nothing is timed; since every search
runs twice (the replay, then the parser's own), a file's time limit is raised to
:data:`SECONDS` unless ``OGI_MAX_SECONDS`` is set."""

from __future__ import annotations

import argparse
import collections
import json
import os
from pathlib import Path

import ogi
from ogi import extract
from ogi.extract import boxes, boxes_pagenums, boxes_rows
from ogi.synth.shapes.score import same

CORPORA = ("seeds", "peer", "samples", "synth100")
TABLES = ("table2", "table3", "table4")
SECONDS = "600"  # a file's parse time limit here (s): the searches run twice on a loaded machine


def _rows_otherwise(spec, fmt, evs, placed, pages) -> str | None:
    """The cause under the rows the text prints otherwise (``extract/boxes_rows.py``), or None
    where it shows no such rows."""
    derived = boxes_rows.group_as_one_row(spec, fmt, evs) if spec.derived else None
    if derived is not None:
        return f"{derived} as one row · " + cause(boxes_rows.one_row_spec(spec, derived), fmt, evs, placed, pages,
                                                   rows_otherwise=True)
    extra = boxes_rows.extra_row(spec, fmt, evs)
    if extra is not None:
        return "extra row · " + cause(boxes_rows.extra_row_spec(spec, *extra), fmt, evs, placed, pages,
                                      rows_otherwise=True)
    return None


def cause(spec, fmt, evs, placed, pages=(), rows_otherwise=False) -> str:
    """The first step of ``read_boxes`` that gives up on this table (module docstring)."""
    if placed.cells and not any(v is None for v in placed.cells.values()):
        return "aligner full"
    if not spec.identities:
        return "no identity"
    runs = boxes.runs_of(evs, spec, pages)
    if runs is None:
        bad = [ev.tok.text for ev in evs if ev.kind == "value"
               and (ev.tok.kind != boxes.NUM or not ev.tok.free or ev.tok.glued)]
        return f"not boxes ({' '.join(bad[:3])})"
    if not runs:
        return "no runs"
    if boxes._has_subtotal(evs):
        return "subtotal column"
    runs = boxes.on_label_lines(spec, fmt, evs, runs)
    cells = sum(row.width for row in spec.rows)
    count = sum(len(run.values) for run in runs)
    if count != cells and not rows_otherwise:
        other = _rows_otherwise(spec, fmt, evs, placed, pages)
        if other is not None:
            return other
    if count < cells or count > cells + 1 and boxes_pagenums.page_number_choices(spec, runs) is None:
        return f"count {count - cells:+d}"
    if max((len(run.values) for run in runs if not run.line), default=0) <= max(row.width for row in spec.rows):
        return "no long run"
    named = boxes._named_columns(spec, fmt, evs, runs)
    if count > cells:
        choices = boxes_pagenums.page_number_choices(spec, runs)
        if choices is not None:
            read = boxes_pagenums.read_without_page_numbers(spec, runs, named)
            return f"page numbers ({len(choices)} choices): {'read' if read is not None else 'no reading or spent'}"
        return "astray: no reading or spent" if boxes._one_astray(spec, runs, named) is None else "astray: read"
    if boxes._uniform(spec, runs) is not None:
        return "one number: read"
    tiling = boxes._Tiling(spec, runs, named)
    if tiling.agreed() is not None:
        return "tiling: read"
    if tiling.steps > boxes.MAX_STEPS:
        stacks = boxes._Stacks(spec, runs, named)
        try:
            if stacks.holds():
                return "stacks: read"
        except boxes._Spent:
            return "stacks spent"
    pieces = boxes._Pieces(spec, runs, named)
    try:
        return "pieces: read" if pieces.holds() else "pieces: no reading"
    except boxes._Spent:
        return "pieces spent"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shape", default="pdfminer")
    ap.add_argument("--root", default="/work/cache/matrix/shapes")
    ap.add_argument("--corpus", action="append", help="corpus folder names under ROOT (default: the four)")
    args = ap.parse_args()
    os.environ.setdefault("OGI_MAX_SECONDS", SECONDS)
    seen: dict[str, str] = {}
    reread = extract.reread_boxes

    def hooked(spec, fmt, evs, placed, pages=()):
        seen[spec.key] = cause(spec, fmt, evs, placed, pages)
        return reread(spec, fmt, evs, placed, pages)

    extract.reread_boxes = hooked
    cells: collections.Counter = collections.Counter()
    files: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for corpus in args.corpus or CORPORA:
        folder = Path(args.root) / corpus / args.shape
        for path in sorted(folder.glob("*.txt")):
            expected = json.loads((folder / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
            seen.clear()
            report = ogi.parse(path)
            for table in TABLES:
                got = getattr(report, table) or {}
                lost = sum(1 for row, cols in (expected.get(table) or {}).items() for col, want in cols.items()
                           if not same((got.get(row) or {}).get(col), want))
                if lost:
                    key = (table, seen.get(table, "?"))
                    cells[key] += lost
                    files[key].append(f"{corpus}/{path.stem}:{lost}")
    print(f"{args.shape}: {sum(cells.values())} cells lost")
    for (table, why), n in sorted(cells.items(), key=lambda kv: -kv[1]):
        print(f"{n:6d} cells {len(files[(table, why)]):3d} files  {table} · {why}")
        print("       ", " ".join(files[(table, why)]))


if __name__ == "__main__":
    main()
