"""Score the PDF reader on the table layouts agencies print (``ogi.synth.pdflayouts``):
Word documents restyled (three-line tables, horizontal rules only, no rules, shaded header,
centred or left numbers, landscape, wrapped labels, table 三 across a page with and
without its header repeated, blank zeros), printed to PDF by LibreOffice, parsed, scored
cell by cell (``synth.shapes.score``: right, null with a finding, wrong with a finding,
null silent, wrong silent).

    PYTHONPATH=src python benchmarks/pdf_layouts.py [--per 4] [--seed 9400] [--layouts a,b]
        [--work DIR] [--json FILE] [--examples 5]

The DOCX and PDF files are kept in ``--work`` (made again only when missing), so a second
run scores the same files. Needs ``soffice``."""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from ogi import parse
from ogi.synth.pdflayouts import LAYOUTS, make
from ogi.synth.shapes import tools
from ogi.synth.shapes.score import CellScore, score_report, unread


def build(work: Path, layouts: list[str], per: int, seed: int) -> list[tuple[str, Path, dict]]:
    """The PDFs of each layout (made where missing) with their expected values."""
    items, todo = [], {}
    for layout in layouts:
        folder = work / layout
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(per):
            stem = f"{layout}_{i:02d}"
            docx, expected = make(random.Random(f"{seed}-{layout}-{i}"), layout)
            (folder / f"{stem}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
            pdf = folder / f"{stem}.pdf"
            if not pdf.exists():
                (folder / f"{stem}.docx").write_bytes(docx)
                todo[str(pdf)] = folder / f"{stem}.docx"
            items.append((layout, pdf, expected))
    if todo:
        made = tools.office_convert(todo, "pdf", infilter=None)
        for key, data in made.items():
            Path(key).write_bytes(data)
    return items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per", type=int, default=4, help="reports per layout")
    ap.add_argument("--seed", type=int, default=9400)
    ap.add_argument("--layouts", default="", help="comma-separated (default: all)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/ogi-pdf-layouts"))
    ap.add_argument("--json", type=Path)
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args(argv)
    layouts = [x for x in args.layouts.split(",") if x] or list(LAYOUTS)
    result = {}
    totals: dict[str, CellScore] = {}
    for layout, pdf, expected in build(args.work, layouts, args.per, args.seed):
        total = totals.setdefault(layout, CellScore())
        tag = f"{layout}/{pdf.stem}: "
        if not pdf.exists():
            total.add(unread(expected, "LibreOffice made no PDF", tag), args.examples)
            continue
        try:
            report = parse(pdf)
        except Exception as exc:  # noqa: BLE001 - a refusal is scored, not raised
            total.add(unread(expected, f"{type(exc).__name__}: {exc}"[:200], tag), args.examples)
            continue
        total.add(score_report(expected, report, tag), args.examples)
    for layout, total in totals.items():
        d = total.as_dict()
        result[layout] = d
        pct = 100.0 * d["right"] / d["cells"] if d["cells"] else 0.0
        print(f"{layout}: {d['reports']} reports, {d['cells']} cells, {pct:.2f}% right, null+f {d['null_flagged']}, "
              f"wrong+f {d['wrong_flagged']}, null silent {d['null_silent']}, WRONG SILENT {d['wrong_silent']}, "
              f"unread {d['unread']}")
        for line in d.get("examples", [])[:args.examples]:
            print("   ", line)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
