"""Accuracy of the parser on the synthetic corpus, per format, per mangling and per
deliberate error.

    .venv/bin/python benchmarks/synth_accuracy.py [N] [--seed S] [--formats txt,html,pdf,docx] [--out DIR]

Generates N reports (default 2000) with ``ogi.synth``, parses each in-process with
``ogi.parse``, compares every expected cell (null included) and meta field, and checks
that each deliberate error raises the findings it must. A cell read as a wrong number is
counted apart, and as *silent* when no finding points at it (its cell, row or table): the
parser must leave what it cannot read null with a finding, never guess. Prints a markdown table and
writes it, with the machine and the command, to ``benchmarks/results/synth_accuracy.md``.
The first failing cells of each mangling are listed as examples.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from ogi import parse
from ogi.synth.corpus import MANGLINGS, generate

RESULTS = Path(__file__).parent / "results" / "synth_accuracy.md"
META_KEYS = ("year", "template", "published_date", "index_number")


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)
    return a == b


def compare(expected: dict, got: dict) -> tuple[int, int, list[str]]:
    """Cells right, cells, and what is wrong (tables and meta)."""
    right = total = 0
    wrong = []
    for table in ("table2", "table3", "table4"):
        for row, cols in expected[table].items():
            for col, want in cols.items():
                total += 1
                have = (got[table].get(row) or {}).get(col)
                if same(have, want):
                    right += 1
                else:
                    wrong.append(f"{table}.{row}.{col}: want {want!r}, got {have!r}")
    for key in META_KEYS:
        if not same(got["meta"].get(key), expected["meta"][key]):
            wrong.append(f"meta.{key}: want {expected['meta'][key]!r}, got {got['meta'].get(key)!r}")
    if expected["meta"]["agency_contains"] not in str(got["meta"].get("agency") or ""):
        wrong.append(f"meta.agency: want to contain {expected['meta']['agency_contains']!r}, "
                     f"got {got['meta'].get('agency')!r}")
    return right, total, wrong


def wrong_numbers(expected: dict, got: dict) -> tuple[int, int]:
    """Cells read as a number that is not the expected one, and how many of them no finding
    points at (its ``where`` the cell, its row or its table): silent wrong numbers."""
    wheres = [f.get("where") or "" for f in got.get("findings", [])]
    wrong = silent = 0
    for table in ("table2", "table3", "table4"):
        for row, cols in expected[table].items():
            for col, want in cols.items():
                have = (got[table].get(row) or {}).get(col)
                if isinstance(have, (int, float)) and not same(have, want):
                    wrong += 1
                    key = f"{table}.{row}.{col}"
                    silent += not any(w and (key == w or key.startswith(w + ".")) for w in wheres)
    return wrong, silent


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}%" if b else "—"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--formats", default="txt,html")
    ap.add_argument("--out", type=Path, default=None, help="keep the corpus here (default: a temporary folder)")
    ap.add_argument("--examples", type=int, default=3, help="failing examples to show per mangling")
    ap.add_argument("--no-write", action="store_true", help="do not write the results file")
    ap.add_argument("--results", type=Path, default=RESULTS, help="where to write the markdown (default: %(default)s)")
    args = ap.parse_args()
    formats = tuple(f for f in args.formats.split(",") if f)
    unknown = [f for f in formats if f not in MANGLINGS]
    if unknown:
        sys.exit(f"unknown format(s): {', '.join(unknown)}")

    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        t0 = time.perf_counter()
        written = generate(args.n, out, seed=args.seed, formats=formats)
        t_gen = time.perf_counter() - t0
        by_format = defaultdict(lambda: [0, 0, 0, 0])  # cells right, cells, reports exact, reports
        numbers = defaultdict(lambda: [0, 0])  # per format: wrong numbers, of them with no finding
        by_mangling = defaultdict(lambda: [0, 0, 0, 0])
        by_error = defaultdict(lambda: [0, 0])  # found, reports
        by_code = defaultdict(lambda: [0, 0])  # raised, expected
        wrongly = defaultdict(int)
        examples = defaultdict(list)
        failed = defaultdict(list)
        t0 = time.perf_counter()
        for w in written:
            try:
                got = parse(w.data, name=f"{w.stem}.{w.format}").as_json()
            except Exception as exc:  # noqa: BLE001 — a crash is a result too: every cell wrong
                failed[w.mangling].append(f"{w.stem}: {type(exc).__name__}: {exc}")
                got = {"meta": {}, "table2": {}, "table3": {}, "table4": {}, "findings": []}
            right, total, wrong = compare(w.expected, got)
            for i, n in enumerate(wrong_numbers(w.expected, got)):
                numbers[w.format][i] += n
            exact = not wrong
            for acc in (by_format[w.format], by_mangling[(w.format, w.mangling)]):
                acc[0] += right
                acc[1] += total
                acc[2] += exact
                acc[3] += 1
            if wrong and len(examples[w.mangling]) < args.examples:
                examples[w.mangling].append((w.stem, wrong[:6]))
            codes = {f["code"] for f in got.get("findings", [])}
            must = w.expected["findings_must"]
            for code in must:
                by_code[code][0] += code in codes
                by_code[code][1] += 1
            for code in w.expected["findings_must_not"]:
                wrongly[code] += code in codes
            if w.error:
                by_error[w.error][0] += all(c in codes for c in must)
                by_error[w.error][1] += 1
        t_parse = time.perf_counter() - t0

    lines = ["# Parser accuracy on the synthetic corpus", "",
             f"- command: `{' '.join(['python', 'benchmarks/synth_accuracy.py'] + sys.argv[1:])}`",
             (f"- machine: {platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}, {platform.platform()}"),
             (f"- {len(written)} reports (seed {args.seed}, formats {','.join(formats)}); generated in {t_gen:.1f} s, "
              f"parsed in {t_parse:.1f} s"), "",
             "| format | cells right | cells | share | reports exact | wrong numbers | of them silent |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for fmt, (r, t, e, n) in sorted(by_format.items()):
        lines.append(f"| {fmt} | {r} | {t} | {pct(r, t)} | {e}/{n} | {numbers[fmt][0]} | {numbers[fmt][1]} |")
    lines += ["", "| format | mangling | cells right | cells | share | reports exact |", "|---|---|---:|---:|---:|---:|"]
    for (fmt, mangling), (r, t, e, n) in sorted(by_mangling.items()):
        lines.append(f"| {fmt} | {mangling} | {r} | {t} | {pct(r, t)} | {e}/{n} |")
    lines += ["", "| deliberate error | reports | all its findings raised |", "|---|---:|---:|"]
    for kind, (found, n) in sorted(by_error.items()):
        lines.append(f"| {kind} | {n} | {found}/{n} ({pct(found, n)}) |")
    lines += ["", "| finding code (findings_must) | raised / expected | raised wrongly (findings_must_not) |",
              "|---|---:|---:|"]
    for code in sorted(set(by_code) | set(wrongly)):
        raised, expected = by_code.get(code, (0, 0))
        lines.append(f"| {code} | {raised}/{expected} | {wrongly.get(code, 0)} |")
    if examples or failed:
        lines += ["", "## Failing examples (first per mangling)", ""]
        for mangling, items in sorted(failed.items()):
            lines += [f"- **{mangling}** crashed: {x}" for x in items[:args.examples]]
        for mangling, items in sorted(examples.items()):
            for stem, wrong in items:
                lines.append(f"- **{mangling}** `{stem}`: " + "; ".join(wrong))
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
