"""Misreadings put into recorded OCR output, one at a time: is each caught (null with a
finding), or kept as a wrong number?

    PYTHONPATH=src python benchmarks/ocr_misreads.py ROOT [--shapes A,B] [--per-report 12]
        [--seed 1] [--cache DIR] [--json FILE] [--kinds swap,drop,extra]

The scans of ``ROOT/SHAPE/`` (``benchmarks/ocr_corpus.py`` builds and scores them) read by
OCR rarely misread a digit (``benchmarks/ocr_digits.py``: none in thousands of numbers), so a
scan corpus says little about what the parser does when OCR does misread one. This script
takes the pages' recorded OCR (``ocr_corpus.py``'s cache: every page must be there, none is
OCR'd here), and for ``--per-report`` value cells of each report, chosen at random, changes
the text OCR read for that cell in one way a recogniser misreads print, keeping the
fragment's confidence (a confident misreading, the worst case):

* ``swap``  — one digit read as another, any other (not only the pairs seen: 1/7, 0/8, 6/8 …);
* ``drop``  — one digit lost (a speck of toner, a faint stroke);
* ``extra`` — one digit read twice or a speck read as a digit.

The report is parsed again and scored (``ogi.synth.shapes.score``) against the same report
parsed without the change: the trial is *caught* when the changed cell is null with a
finding, *kept wrong* when any cell holds a wrong number (with or without a finding),
*silent* when that wrong number has no finding, and *harmless* when the misreading leaves
the value as it was (``0件`` → ``00件``). Prints the counts per kind and every trial not
caught.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT_DIR / "src"))
sys.path.insert(0, str(ROOT_DIR / "benchmarks"))

import ocr_corpus

from ogi import parse
from ogi.readers import ocr
from ogi.synth.shapes.score import score_report

KINDS = ("swap", "drop", "extra")
_DIGITS = re.compile(r"[0-9０-９]")
_CHANGE: dict = {}  # the trial's change: page number, cell box (points), text read, text put instead


def _mutating() -> None:
    """Wrap the (cached) ``ocr.ocr_page`` so that the fragment of the trial's cell is changed."""
    cached = ocr.ocr_page

    def page(image, number: int, points_per_pixel: float, engine=None):
        content = cached(image, number, points_per_pixel, engine)
        if _CHANGE and _CHANGE["page"] == number:
            x0, top, x1, bottom = _CHANGE["bbox"]
            for i, f in enumerate(content.fragments):
                if f.text == _CHANGE["text"] and x0 <= f.cx <= x1 and top <= f.cy <= bottom:
                    content.fragments = list(content.fragments)
                    content.fragments[i] = type(f)(_CHANGE["new"], f.x0, f.top, f.x1, f.bottom, f.confidence)
                    _CHANGE["done"] = True
                    break
        return content

    ocr.ocr_page = page


def misread(rng: random.Random, text: str, kind: str) -> str | None:
    """``text`` with one misreading of ``kind`` in its digits, or None when it has none to change."""
    at = [m.start() for m in _DIGITS.finditer(text)]
    if not at:
        return None
    i = rng.choice(at)
    digit = str(int(text[i]))  # a full-width digit is misread as the ASCII one
    if kind == "swap":
        return text[:i] + rng.choice([d for d in "0123456789" if d != digit]) + text[i + 1:]
    if kind == "drop":
        return text[:i] + text[i + 1:] if len(at) > 1 else None
    return text[:i] + rng.choice("0123456789") + text[i:]


def _cells(report) -> list[str]:
    """The value cells of ``report`` read by OCR (a provenance with text, page and box)."""
    return sorted(k for k, p in report.provenance.items()
                  if k.startswith("table") and p.get("bbox") and p.get("text") and _DIGITS.search(p["text"]))


def run(args) -> None:
    ocr_corpus.cached_ocr(args.cache)
    _mutating()
    rng = random.Random(args.seed)
    kinds = [k for k in args.kinds.split(",") if k]
    shapes = [s for s in args.shapes.split(",") if s] or sorted(
        p.name for p in args.root.iterdir() if (p / "expected").is_dir())
    counts: Counter = Counter()
    misses: list[str] = []
    for shape in shapes:
        for exp_path in sorted((args.root / shape / "expected").glob("*.json")):
            path = args.root / shape / f"{exp_path.stem}.pdf"
            expected = json.loads(exp_path.read_text(encoding="utf-8"))
            _CHANGE.clear()
            base = parse(path)
            base_score = score_report(expected, base, "")
            cells = _cells(base)
            for key in rng.sample(cells, min(args.per_report, len(cells))):
                prov = base.provenance[key]
                kind = rng.choice(kinds)
                new = misread(rng, prov["text"], kind)
                if new is None:
                    continue
                _CHANGE.clear()
                _CHANGE.update(page=prov["page"], bbox=prov["bbox"], text=prov["text"], new=new)
                started = time.perf_counter()
                report = parse(path)
                if not _CHANGE.get("done"):
                    counts["not placed"] += 1
                    continue
                s = score_report(expected, report, f"{shape}/{path.stem}: ")
                tag = f"{shape}/{path.stem} {key} {prov['text']!r}→{new!r} ({kind})"
                if s.wrong_flagged + s.wrong_silent > base_score.wrong_flagged + base_score.wrong_silent:
                    outcome = "silent" if s.wrong_silent > base_score.wrong_silent else "kept wrong"
                    misses.append(f"{outcome}: {tag}: " + "; ".join(e for e in s.examples if "want" in e))
                elif report.value(key) is None and base.value(key) is not None:
                    outcome = "caught"
                elif report.value(key) == base.value(key):
                    outcome = "harmless"
                else:
                    outcome = "other"
                    misses.append(f"other: {tag}: {report.value(key)!r}")
                counts[(kind, outcome)] += 1
                print(f"{tag}: {outcome} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    _CHANGE.clear()
    print("| kind | trials | caught | harmless | kept wrong (finding) | silent wrong | other |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in kinds:
        row = [counts[(kind, o)] for o in ("caught", "harmless", "kept wrong", "silent", "other")]
        print(f"| {kind} | {sum(row)} | " + " | ".join(str(n) for n in row) + " |")
    for line in misses:
        print("-", line)
    if args.json:
        args.json.write_text(json.dumps({"counts": {f"{k[0]}/{k[1]}" if isinstance(k, tuple) else k: v
                                                    for k, v in counts.items()}, "misses": misses},
                                        ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--shapes", default="")
    ap.add_argument("--per-report", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/ogi-ocr-pages"))
    ap.add_argument("--json", type=Path)
    run(ap.parse_args(argv))


if __name__ == "__main__":
    main()
