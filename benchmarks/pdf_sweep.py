"""Text-layer PDF parse beside the pdfium floor, on every PDF of some folders, and where the
worst ones spend their time.

    .venv/bin/python benchmarks/pdf_sweep.py [--repeat N] [--stages K] [--all] DIR_OR_FILE ...

For each PDF with a text layer (scans are skipped: ``pdf_docx_speed.py --scans`` times
those), the best of ``--rounds`` rounds (3) of ``--repeat`` runs, in CPU time of this
process (``time.process_time``), the floor and the parse taking turns round by round, of

- ``floor``: pypdfium2 opening the file and reading every character's code and loose box
  and every painted path's segments (``pdf_docx_speed.pdfium_boxes``);
- ``parse``: ``ogi.parse`` of the bytes (read, extract, checks).

It prints the distribution of parse ÷ floor (mean, median, the share above 3×) and the
``--stages`` worst files with the CPU time of each stage of their parse: the prescreen
(pdfminer walking the object streams), pdfium's glyphs and paths (``page_content``), the
page-chrome pass, the per-page layout (ruled grid, unruled columns, lines), the
document's blocks, the extractor and the checks. The stages are timed by wrapping those
functions where the reader calls them (one extra parse per worst file), so the figures
are the reader's own, not a profiler's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ogi import parse  # noqa: E402
from pdf_docx_speed import best_seconds, pdfium_boxes  # noqa: E402

TARGET = 3.0  # issue 14.2: a text-layer PDF within 3× the pdfium boxes floor


def pdfs(paths: list[Path]) -> list[Path]:
    """The PDFs under ``paths``, leaving out hidden folders (a converter's cache)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.pdf") if not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out


def has_text(data: bytes) -> bool:
    """Does every page hold a text layer, as the reader judges it (no page read by OCR: not
    fewer than ``MIN_TEXT_CHARS`` glyphs beside an image, not garbled)?"""
    import pypdfium2 as pdfium

    from ogi.readers.pdf import MIN_TEXT_CHARS
    from ogi.readers.pdf_garbled import garbled
    from ogi.readers.pdf_pdfium import page_content

    doc = pdfium.PdfDocument(data)
    try:
        for number, page in enumerate(doc, start=1):
            content, images = page_content(page, number)
            page.close()
            if (len(content.fragments) < MIN_TEXT_CHARS and images) or garbled(content):
                return False
        return True
    finally:
        doc.close()


def interleaved(data: bytes, repeat: int, rounds: int) -> tuple[float, float]:
    """The best CPU seconds of the floor and of the parse over ``rounds`` rounds of
    ``repeat`` runs each, the two taking turns: on a machine other jobs load, a floor timed
    in a quiet moment and a parse in a busy one (or the other way round) would move the
    ratio by a third; taking turns, each best comes from the same stretch of time."""
    floors, parses = [], []
    for _ in range(rounds):
        floors.append(best_seconds(pdfium_boxes, data, repeat, rounds=1))
        parses.append(best_seconds(lambda d: parse(d, name="x.pdf"), data, repeat, rounds=1))
    return min(floors), min(parses)


STAGES = (  # (module, function, label): where the reader calls each stage
    ("ogi.readers.pdf", "_screened", "prescreen (pdfminer)"),
    ("ogi.readers.pdf_pdfium", "page_content", "pdfium glyphs + paths"),
    ("ogi.readers.pdf", "drop_page_chrome", "page chrome"),
    ("ogi.readers.pdf_layout", "ruled_tables", "ruled tables"),
    ("ogi.readers.pdf_layout", "unruled_tables", "unruled tables"),
    ("ogi.readers.pdf", "page_layout", "page layout (all)"),
    ("ogi.readers.pdf", "document_blocks", "document blocks"),
    ("ogi.api", "extract", "extract"),
    ("ogi.api", "check_report", "checks"),
)


@contextmanager
def timed_stages(spent: dict[str, float]):
    """Wrap every stage function where it is called; CPU seconds go to ``spent``."""
    import importlib

    saved = []
    for module_name, attr, label in STAGES:
        module = importlib.import_module(module_name)
        fn = getattr(module, attr)
        saved.append((module, attr, fn))

        def wrapper(*args, _fn=fn, _label=label, **kwargs):
            started = time.process_time()
            try:
                return _fn(*args, **kwargs)
            finally:
                spent[_label] += time.process_time() - started

        setattr(module, attr, wrapper)
    try:
        yield
    finally:
        for module, attr, fn in saved:
            setattr(module, attr, fn)


def stages(data: bytes, runs: int = 3) -> tuple[dict[str, float], float]:
    """Mean CPU ms of each stage over ``runs`` parses, and of the whole parse."""
    spent: dict[str, float] = defaultdict(float)
    with timed_stages(spent):
        started = time.process_time()
        for _ in range(runs):
            parse(data, name="x.pdf")
        whole = (time.process_time() - started) / runs
    return {k: 1000 * v / runs for k, v in spent.items()}, 1000 * whole


def _label(path: Path) -> str:
    """A file as the tables name it: its shape (or folder) and name, and the corpus of a
    shape matrix's file (``shapes/CORPUS/SHAPE/NAME``)."""
    parts = path.parts
    if len(parts) >= 4 and parts[-4] == "shapes":
        return f"{parts[-2]}/{parts[-3]} {path.stem}"
    return f"{path.parent.name}/{path.name}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3, help="rounds of floor then parse, the best of each kept")
    ap.add_argument("--stages", type=int, default=5, help="worst files whose stages are timed")
    ap.add_argument("--all", action="store_true", help="list every file, not only the ten worst")
    args = ap.parse_args()
    rows = []
    load = [os.getloadavg()[0]]
    for path in pdfs(args.paths):
        data = path.read_bytes()
        if not has_text(data):
            continue
        parse(data, name="x.pdf")  # warm: imports, template, caches
        floor, whole = (1000 * s for s in interleaved(data, args.repeat, args.rounds))
        rows.append((whole / floor, floor, whole, path))
    load.append(os.getloadavg()[0])
    ratios = [r[0] for r in rows]
    print(f"{len(rows)} text-layer PDFs, load average {min(load):.1f}–{max(load):.1f} on {os.cpu_count()} cores\n")
    print(f"parse ÷ floor: mean {statistics.mean(ratios):.2f}×, median {statistics.median(ratios):.2f}×, "
          f"worst {max(ratios):.2f}×; above {TARGET:g}×: {sum(r > TARGET for r in ratios)} "
          f"({100 * sum(r > TARGET for r in ratios) / len(ratios):.1f}%)")
    print(f"mean floor {statistics.mean(r[1] for r in rows):.1f} ms, mean parse {statistics.mean(r[2] for r in rows):.1f} ms\n")
    print("| file | floor ms | parse ms | ÷ floor |")
    print("|---|---:|---:|---:|")
    listed = sorted(rows, key=lambda r: r[0], reverse=True)
    for ratio, floor, whole, path in listed if args.all else listed[:max(args.stages, 10)]:
        print(f"| {_label(path)} | {floor:.1f} | {whole:.1f} | {ratio:.2f}× |")
    if args.stages:
        worst = sorted(rows, key=lambda r: r[0], reverse=True)[:args.stages]
        labels = [label for _, _, label in STAGES]
        print("\nStages of the worst (CPU ms a parse, mean of 3; ‘page layout (all)’ holds both table finders):\n")
        print("| file | floor | " + " | ".join(labels) + " | whole |")
        print("|---|---:|" + "---:|" * (len(labels) + 1))
        for _, floor, _, path in worst:
            spent, whole = stages(path.read_bytes())
            print(f"| {_label(path)} | {floor:.1f} | "
                  + " | ".join(f"{spent.get(label, 0.0):.1f}" for label in labels) + f" | {whole:.1f} |")


if __name__ == "__main__":
    main()
