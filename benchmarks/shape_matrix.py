"""The shape matrix: every rendering of every labelled corpus, parsed and scored cell by cell.

    .venv/bin/python benchmarks/shape_matrix.py [--synth 500] [--scan-limit 2] [--shapes all]
        [--corpus NAME=DIR ...] [--work DIR] [--json FILE] [--examples 3]

Corpora (each a labelled folder: reports + ``expected/<stem>.json``): the shared real seeds
and peer reports (``../shared/corpus/seeds``, ``../shared/corpus/peer``), ``samples/``, and a
synthetic corpus of ``--synth`` HTML reports (``ogi synth N --formats html``); ``--corpus``
replaces them with your own. For each corpus, ``ogi.synth.shapes.make_shapes`` writes every
shape (cached under ``--work``, so a re-run after a parser change converts nothing again);
the scans, which the parser reads by OCR at several seconds a page, are made for the
first ``--scan-limit`` reports of each corpus only. Then every file is parsed in-process
with ``ogi.parse`` and scored by ``ogi.synth.shapes.score``: cells right, left null with a
finding, wrong with a finding, null with no finding, and **wrong with no finding** ("silent":
a number nobody can tell from a right one — the count that must be 0). ``original`` is the
corpus as given, for comparison.

Prints markdown tables (right % and silent wrong numbers per shape × corpus; all classes per
shape and per corpus; the first failing cells of each failing shape × corpus) and writes
them, with the command, to ``benchmarks/results/shape_matrix.md``; ``--json`` writes the
numbers too.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from ogi import parse
from ogi.synth.corpus import generate
from ogi.synth.shapes import SCAN_SHAPES, make_shapes, parse_shapes
from ogi.synth.shapes.score import CellScore, score_report, unread

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
RESULTS = Path(__file__).parent / "results" / "shape_matrix.md"
DEFAULT_WORK = Path(os.environ.get("TMPDIR", "/tmp")) / "ogi-shape-matrix"
SLOW_SHAPES = SCAN_SHAPES  # read by OCR: made for the first --scan-limit reports only
ORIGINAL = "original"


def corpora(args) -> dict[str, Path]:
    if args.corpus:
        return {name: Path(path) for name, path in (c.split("=", 1) for c in args.corpus)}
    found = {"seeds": SHARED / "seeds", "peer": SHARED / "peer", "samples": REPO / "samples"}
    if args.synth:
        folder = args.work / "corpora" / f"synth{args.synth}"
        if not (folder / "expected").is_dir():
            generate(args.synth, folder, seed=args.seed, formats=("html",))
        found[f"synth{args.synth}"] = folder
    return found


def blank_corpora(found: dict[str, Path], work: Path, log) -> dict[str, Path]:
    """``NAME_blank`` for every corpus: its HTML reports with the zero cells left blank and
    those expected values null (``ogi.synth.blanks.blank_zeros``)."""
    from ogi.synth.blanks import blank_zeros

    out: dict[str, Path] = {}
    for name, folder in found.items():
        into = work / "corpora" / f"{name}_blank"
        written, skipped = blank_zeros(folder, into)
        for line in skipped:
            log(f"{name}_blank: skipped {line}")
        if written:
            out[f"{name}_blank"] = into
    return out


def subset(folder: Path, stems: list[str], into: Path) -> Path:
    """A labelled folder of the first reports of ``folder`` (symbolic links). A link left by
    an earlier run is replaced when it points elsewhere or nowhere (a regenerated corpus, a
    moved folder), so a re-run never trips over its own work dir."""
    (into / "expected").mkdir(parents=True, exist_ok=True)
    for stem in stems:
        for p in folder.iterdir():
            if p.is_file() and p.stem == stem:
                _link(into / p.name, p.resolve())
        _link(into / "expected" / f"{stem}.json", (folder / "expected" / f"{stem}.json").resolve())
    return into


def _link(path: Path, target: Path) -> None:
    if path.is_symlink():
        if path.resolve() == target:
            return
        path.unlink()
    elif path.exists():
        return  # a real file someone put there: kept
    path.symlink_to(target)


def shape_folders(name: str, folder: Path, shapes: list[str], args, log) -> dict[str, Path]:
    """Shape → labelled folder, making the shapes (cached) first."""
    out = args.work / "shapes" / name
    cache = out / ".cache"
    folders = {ORIGINAL: folder}
    quick = [s for s in shapes if s not in SLOW_SHAPES]
    if quick:
        make_shapes(folder, out, quick, log=log, cache=cache)
        folders.update({s: out / s for s in quick if (out / s).is_dir()})
    slow = [s for s in shapes if s in SLOW_SHAPES]
    if slow and args.scan_limit:
        stems = sorted(p.stem for p in (folder / "expected").glob("*.json"))[:args.scan_limit]
        part = subset(folder, stems, args.work / "subsets" / f"{name}-{args.scan_limit}")
        slow_out = args.work / "shapes-slow" / f"{name}-{args.scan_limit}"
        make_shapes(part, slow_out, slow, log=log, cache=cache)
        folders.update({s: slow_out / s for s in slow if (slow_out / s).is_dir()})
    return folders


def score_folder(folder: Path, label: str, examples: int) -> CellScore:
    total = CellScore()
    files: dict[str, Path] = {}
    for p in sorted(folder.iterdir()):
        if p.is_file():
            files.setdefault(p.stem, p)
    for exp_path in sorted((folder / "expected").glob("*.json")):
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        path = files.get(exp_path.stem)
        tag = f"{label}/{exp_path.stem}: "
        if path is None:
            total.add(unread(expected, "no file", tag), examples)
            continue
        try:
            report = parse(path)
        except Exception as exc:  # noqa: BLE001 - a refusal is scored, not raised
            total.add(unread(expected, f"{type(exc).__name__}: {exc}"[:200], tag), examples)
            continue
        total.add(score_report(expected, report, tag), examples)
    return total


def pct(s: CellScore) -> str:
    return f"{100 * s.right / s.cells:.2f}%" if s.cells else "—"


def tables(matrix: dict[str, dict[str, CellScore]], names: list[str], shapes: list[str]) -> str:
    lines = ["### Cells right, and silent wrong numbers (shape × corpus)", "",
             "| shape | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for shape in shapes:
        row = []
        for name in names:
            s = matrix[name].get(shape)
            row.append(f"{pct(s)} · {s.wrong_silent}" if s and s.cells else "—")
        lines.append(f"| {shape} | " + " | ".join(row) + " |")
    lines += ["", "Each cell: share of cells right · wrong numbers with no finding pointing at them.", ""]
    head = "| {} | reports | exact | cells | right | null+finding | wrong+finding | null, no finding | " \
           "**wrong, no finding** | unread | meta |"
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

    def line(label: str, s: CellScore) -> str:
        return (f"| {label} | {s.reports} | {s.exact} | {s.cells} | {s.right} ({pct(s)}) | {s.null_flagged} | "
                f"{s.wrong_flagged} | {s.null_silent} | **{s.wrong_silent}** | {s.unread} | "
                f"{s.meta_right}/{s.meta} |")

    lines += ["### Per shape (all corpora)", "", head.format("shape"), rule]
    for shape in shapes:
        total = CellScore()
        for name in names:
            if shape in matrix[name]:
                total.add(matrix[name][shape])
        lines.append(line(shape, total))
    lines += ["", "### Per corpus (all shapes but the original)", "", head.format("corpus"), rule]
    for name in names:
        total = CellScore()
        for shape, s in matrix[name].items():
            if shape != ORIGINAL:
                total.add(s)
        lines.append(line(name, total))
    return "\n".join(lines) + "\n"


def failures(matrix: dict[str, dict[str, CellScore]], names: list[str], shapes: list[str]) -> str:
    lines = ["### First failing cells of each shape × corpus", ""]
    for shape in shapes:
        for name in names:
            s = matrix[name].get(shape)
            if s and s.examples:
                lines.append(f"- **{shape} × {name}**: " + "; ".join(f"`{e}`" for e in s.examples))
    return "\n".join(lines) + "\n"


def _portable(argv: list[str]) -> list[str]:
    """The command line without this machine's folders (--work, --json)."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--work", "--json"):
            skip = True
        elif not arg.startswith(("--work=", "--json=")):
            out.append(arg)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--synth", type=int, default=500, help="synthetic HTML reports (0: none)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scan-limit", type=int, default=2, help="reports per corpus scanned and read by OCR")
    ap.add_argument("--shapes", default="all")
    ap.add_argument("--corpus", action="append", help="NAME=DIR, instead of the default corpora (repeatable)")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where shapes and their cache are kept")
    ap.add_argument("--json", type=Path, help="write the numbers as JSON here")
    ap.add_argument("--examples", type=int, default=3, help="failing cells listed per shape × corpus")
    ap.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    ap.add_argument("--blank-zeros", action="store_true",
                    help="also NAME_blank: each corpus's HTML reports with their zero cells left blank (ogi.synth.blanks)")
    args = ap.parse_args()
    shapes = parse_shapes(args.shapes)

    def log(line: str) -> None:
        print(line, file=sys.stderr)

    t0 = time.perf_counter()
    found = {name: folder for name, folder in corpora(args).items() if (folder / "expected").is_dir()}
    if args.blank_zeros:
        found = {**found, **blank_corpora(found, args.work, log)}
    matrix: dict[str, dict[str, CellScore]] = {}
    timing: dict[str, float] = {}
    for name, folder in found.items():
        t1 = time.perf_counter()
        folders = shape_folders(name, folder, shapes, args, log)
        timing[f"{name} shapes"] = time.perf_counter() - t1
        t1 = time.perf_counter()
        matrix[name] = {shape: score_folder(path, f"{shape}/{name}", args.examples) for shape, path in folders.items()}
        timing[f"{name} parse"] = time.perf_counter() - t1
        for shape, sc in matrix[name].items():
            log(f"{name} × {shape}: {sc.right}/{sc.cells} cells right ({pct(sc)}), {sc.wrong_silent} silent wrong")
        log(f"{name}: scored in {timing[f'{name} parse']:.0f} s")
    names = list(found)
    order = [ORIGINAL] + [s for s in shapes]
    command = "python benchmarks/shape_matrix.py " + " ".join(_portable(sys.argv[1:]))
    body = tables(matrix, names, order) + "\n" + failures(matrix, names, order)
    print(body)
    seconds = time.perf_counter() - t0
    print(f"{seconds:.0f} s in all ({', '.join(f'{k} {v:.0f} s' for k, v in timing.items())})")
    if not args.no_write:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(f"# Shape matrix\n\n`{command.strip()}` — {platform.machine()}, {os.cpu_count()} cores, "
                           f"{seconds:.0f} s\n\n{body}", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({
            "command": command.strip(), "seconds": round(seconds, 1), "shapes": order, "corpora": names,
            "matrix": {n: {s: sc.as_dict() for s, sc in matrix[n].items()} for n in names},
        }, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
