"""A scan corpus of deviating reports, scored cell by cell, with each page's OCR kept on disk.

    # scan PDFs already made (by ``ogi synth --shapes scan_200dpi,scan_150dpi_skew --from``),
    # or any labelled folder of PDFs scanned here in both scanner shapes:
    PYTHONPATH=src python benchmarks/ocr_corpus.py scan NAME=DIR_OF_PDFS_WITH_expected ... --root ROOT
    # score every ROOT/SHAPE/ folder (PDFs + expected/), one line per shape, every lost cell:
    PYTHONPATH=src python benchmarks/ocr_corpus.py score ROOT [--shapes A,B] [--cache DIR] [--json F]

``scan`` turns each PDF of a labelled folder (a paged PDF with running headers and page
numbers, the official Word layout exported by LibreOffice, a report with deviations printed
by Chromium) into the two scanner shapes of ``ogi.synth.shapes.tools`` — ``scan`` (200 dpi,
grey) and ``scanner`` (150 dpi, 0.8° askew, softened, speckled) — written to
``ROOT/<NAME>_scan_200dpi/`` and ``ROOT/<NAME>_scan_150dpi_skew/`` with the expected JSON
copied beside.

``score`` parses each PDF with ``ogi.parse`` and scores it with ``ogi.synth.shapes.score``
(right, null with a finding, wrong with a finding, null or wrong with none). OCR takes
seconds to tens of seconds a page on a loaded machine, and the logic after it (grid,
extraction, the identities in ``ogi.checks.confidence``) is what changes between runs, so
each page's OCR result (``ogi.readers.ocr.ocr_page``'s ``PageContent``) is kept under
``--cache`` keyed by the SHA-256 of the page image's pixels and the reader's scale; a re-run
reads the pages from there. The cache holds the reader's page, not the parse: the texts of
its fragments pass through the reader's text rules again (``ocr.fragment_text``, which a
second pass leaves alone), but any other change to ``ocr_page`` (deskewing, ruling lines,
the engine's options) must be measured with an empty cache (``--cache ''``).

Every cell that is not right is printed with the text OCR read for it (provenance), so each
loss can be traced to its cause.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT_DIR / "src"))

from ogi import parse
from ogi.readers import ocr
from ogi.synth.shapes.score import CellScore, score_report, unread

SCANNERS = {"scan_200dpi": "scan", "scan_150dpi_skew": "scanner"}  # shape → ogi.synth.shapes.tools function


def cached_ocr(cache: Path):
    """Wrap ``ocr.ocr_page`` so that each page image is read once: the result is pickled
    under ``cache`` by the image's pixel hash and the scale (the engine argument is ignored:
    every engine reads the same, ``ocr.ocr_pages``)."""
    real = ocr.ocr_page
    cache.mkdir(parents=True, exist_ok=True)

    def page(image, number: int, points_per_pixel: float, engine=None):
        h = hashlib.sha256(image.tobytes())
        h.update(f"{image.mode}{image.size}{points_per_pixel:.9f}".encode())
        path = cache / f"{h.hexdigest()}.pickle"
        if path.exists():
            content = pickle.loads(path.read_bytes())
            content.number = number
            rule = getattr(ocr, "fragment_text", None)  # (a reader without it: the texts as recorded)
            if rule is not None:
                content.fragments = [replace(f, text=rule(f.text, f.confidence)) for f in content.fragments]
            return content
        content = real(image, number, points_per_pixel, engine)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(content))
        tmp.replace(path)
        return content

    ocr.ocr_page = page


def scan(args) -> None:
    from ogi.synth.shapes import tools

    for spec in args.folders:
        name, _, folder = spec.partition("=")
        src = Path(folder)
        for shape, fn in SCANNERS.items():
            out = args.root / f"{name}_{shape}"
            (out / "expected").mkdir(parents=True, exist_ok=True)
            for pdf in sorted(src.glob("*.pdf")):
                target = out / pdf.name
                if not target.exists():
                    target.write_bytes(getattr(tools, fn)(pdf.read_bytes()))
                expected = src / "expected" / f"{pdf.stem}.json"
                if expected.exists():
                    shutil.copy(expected, out / "expected" / expected.name)
            print(f"{out}: {len(list(out.glob('*.pdf')))} PDFs", file=sys.stderr)


def score(args) -> None:
    if args.cache:
        cached_ocr(args.cache)
    shapes = [s for s in args.shapes.split(",") if s] or sorted(
        p.name for p in args.root.iterdir() if (p / "expected").is_dir())
    result = {}
    grand = CellScore()
    for shape in shapes:
        folder = args.root / shape
        total = CellScore()
        for exp_path in sorted((folder / "expected").glob("*.json")):
            path = folder / f"{exp_path.stem}.pdf"
            if args.only and args.only not in path.stem:
                continue
            expected = json.loads(exp_path.read_text(encoding="utf-8"))
            tag = f"{shape}/{path.stem}: "
            started = time.perf_counter()
            try:
                report = parse(path)
            except Exception as exc:  # noqa: BLE001 - a refusal is scored, not raised
                total.add(unread(expected, f"{type(exc).__name__}: {exc}"[:200], tag), 10 ** 6)
                print(f"{tag}UNREAD {exc}", file=sys.stderr)
                continue
            s = score_report(expected, report, tag)
            total.add(s, 10 ** 6)
            print(f"{tag}{s.right}/{s.cells} right, null+f {s.null_flagged}, wrong+f {s.wrong_flagged}, "
                  f"null silent {s.null_silent}, WRONG SILENT {s.wrong_silent} "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
            for line in s.examples:
                key = line.split(": ", 2)[1] if line.count(": ") >= 2 else ""
                prov = report.provenance.get(key.split(" ")[0], {})
                print(f"    {line}  [ocr {prov.get('text')!r} conf {prov.get('confidence')}]", file=sys.stderr)
        grand.add(total)
        d = total.as_dict()
        result[shape] = d
        pct = 100 * d["right"] / d["cells"] if d["cells"] else 0
        print(f"{shape}: {d['reports']} reports, {d['cells']} cells, {pct:.2f}% right, null+f {d['null_flagged']}, "
              f"wrong+f {d['wrong_flagged']}, null silent {d['null_silent']}, WRONG SILENT {d['wrong_silent']}, "
              f"unread {d['unread']}", flush=True)
    pct = 100 * grand.right / grand.cells if grand.cells else 0
    print(f"all: {grand.reports} reports, {grand.cells} cells, {pct:.2f}% right, null+f {grand.null_flagged}, "
          f"wrong+f {grand.wrong_flagged}, null silent {grand.null_silent}, WRONG SILENT {grand.wrong_silent}, "
          f"unread {grand.unread}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("scan", help="scan labelled folders of PDFs in both scanner shapes")
    s.add_argument("folders", nargs="+", help="NAME=DIR (DIR holds PDFs and expected/)")
    s.add_argument("--root", type=Path, required=True)
    c = sub.add_parser("score", help="score ROOT/SHAPE/ folders")
    c.add_argument("root", type=Path)
    c.add_argument("--shapes", default="")
    c.add_argument("--only", default="", help="only files whose stem contains this")
    c.add_argument("--cache", type=lambda v: Path(v) if v else None,
                   default=Path(os.environ.get("TMPDIR", "/tmp")) / "ogi-ocr-pages")
    c.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    (scan if args.command == "scan" else score)(args)


if __name__ == "__main__":
    main()
