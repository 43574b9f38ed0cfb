"""Scans of many labelled reports, read by OCR and scored cell by cell, one file at a time
with every result kept as it comes: the shape matrix's scan rows for more reports than a
matrix run can afford.

    .venv/bin/python benchmarks/ocr_scans.py [--scan-limit 12] [--synth 100] [--work DIR]
        [--out FILE.jsonl ...] [--reverse] [--summary]

The scans are the shape matrix's (``scan_200dpi``, ``scan_150dpi_skew``: the printed PDF's
pages as 200-dpi grey images, and as an office scanner gives them — 150 dpi, 0.8° askew,
soft, speckled), made for the first ``--scan-limit`` reports of each corpus (the shared
seeds and peer reports, ``samples/``, and the matrix's synthetic corpus) and cached under
``--work`` exactly as ``shape_matrix.py`` makes them. Each file is parsed with
``ogi.parse`` and scored by ``ogi.synth.shapes.score`` (right, null with a finding, wrong
with a finding, null or wrong with none), and one JSON line per file is appended to
``--out`` at once: OCR takes tens of seconds a page on a loaded machine, so a run cut short
keeps what it read, and a re-run skips the files already there. Files are taken round
robin over corpora and shapes, so any prefix of the run is spread over all of them.
``--summary`` prints the table per shape × corpus and every cell that is not right.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from itertools import zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ogi import parse  # noqa: E402
from ogi.synth.shapes import SCAN_SHAPES  # noqa: E402
from ogi.synth.shapes.score import CellScore, score_report, unread  # noqa: E402
from shape_matrix import corpora, shape_folders  # noqa: E402


def files(args) -> list[tuple[str, str, Path, Path]]:
    """(corpus, shape, scan file, expected JSON), round robin over corpora and shapes."""
    queues = []
    for name, folder in corpora(args).items():
        if not (folder / "expected").is_dir():
            continue
        found = shape_folders(name, folder, list(SCAN_SHAPES), args, lambda line: print(line, file=sys.stderr))
        for shape in SCAN_SHAPES:
            out = found.get(shape)
            if out is None:
                continue
            queues.append([(name, shape, p, out / "expected" / f"{p.stem}.json") for p in sorted(out.glob("*.pdf"))])
    return [item for group in zip_longest(*queues) for item in group if item is not None]


def run(args) -> None:
    done = {(r["corpus"], r["shape"], r["file"]) for r in _rows(args.out)}
    order = files(args)
    for name, shape, path, expected_path in reversed(order) if args.reverse else order:
        if (name, shape, path.name) in done:
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        tag = f"{shape}/{name}/{path.stem}: "
        started, cpu = time.perf_counter(), time.process_time()
        try:
            score = score_report(expected, parse(path), tag)
        except Exception as exc:  # noqa: BLE001 - a refusal is scored, not raised
            score = unread(expected, f"{type(exc).__name__}: {exc}"[:200], tag)
        row = {"corpus": name, "shape": shape, "file": path.name, "seconds": round(time.perf_counter() - started, 1),
               "cpu": round(time.process_time() - cpu, 1), "load": round(os.getloadavg()[0], 1), **score.as_dict()}
        with args.out[0].open("a", encoding="utf-8") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{tag}{score.right}/{score.cells} right, {score.wrong_silent} silent wrong, "
              f"{row['seconds']} s (load {row['load']})", file=sys.stderr)


def _rows(paths: list[Path]) -> list[dict]:
    """The results kept in ``paths``, each file once (the first result of it)."""
    rows: dict[tuple[str, str, str], dict] = {}
    for path in paths:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                rows.setdefault((r["corpus"], r["shape"], r["file"]), r)
    return list(rows.values())


def summary(paths: list[Path]) -> None:
    rows = _rows(paths)
    table: dict[tuple[str, str], CellScore] = defaultdict(CellScore)
    for r in rows:
        score = CellScore(**{k: r[k] for k in CellScore().as_dict()})
        table[(r["shape"], r["corpus"])].add(score, keep_examples=10_000)
        table[(r["shape"], "all")].add(score, keep_examples=10_000)
    print("| shape | corpus | reports | cells | right | null + finding | wrong + finding | null, no finding "
          "| wrong, no finding | unread | meta right |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (shape, corpus), s in sorted(table.items()):
        print(f"| {shape} | {corpus} | {s.reports} | {s.cells} | {s.right} ({100 * s.right / max(s.cells, 1):.2f}%) | "
              f"{s.null_flagged} | {s.wrong_flagged} | {s.null_silent} | {s.wrong_silent} | {s.unread} | "
              f"{s.meta_right}/{s.meta} |")
    print()
    for (shape, corpus), s in sorted(table.items()):
        if corpus != "all":
            for line in s.examples:
                print(f"- {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scan-limit", type=int, default=12, help="reports per corpus scanned")
    ap.add_argument("--synth", type=int, default=100, help="the matrix's synthetic corpus (0: none)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", action="append", help="NAME=DIR, instead of the default corpora (repeatable)")
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "ogi-shape-matrix")
    ap.add_argument("--out", type=Path, action="append",
                    help="results file (default ocr_scans.jsonl); repeated: the run writes the first, skips files "
                         "in any, and the summary merges them")
    ap.add_argument("--reverse", action="store_true",
                    help="take the files from the end (a second process beside one taking them from the start)")
    ap.add_argument("--summary", action="store_true", help="print the results kept in --out and stop")
    args = ap.parse_args()
    args.out = args.out or [Path("ocr_scans.jsonl")]
    if not args.summary:
        run(args)
    summary(args.out)


if __name__ == "__main__":
    main()
