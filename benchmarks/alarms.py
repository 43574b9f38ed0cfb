"""False alarms on renderings: every warning or error finding a rendering of a report raises
that the report does not warrant, per rendering and code.

A finding is a claim a reviewer acts on. On an unseen corpus (``ROOT/SHAPE/`` folders with
``expected/``, each shape derived from ``ROOT/html/``, see ``unseen_score.py``) the truth of
a finding is judged against two references: the expected cells, and the findings the parser
raises on the same report's source page (``html``). A warning/error finding is **false** when

* **check** — a rule on the values or the text (a code whose rule reads cells or sections:
  sums, plausibility, text-vs-table, years, dates) that the page does not raise (same code
  on an overlapping ``where``) and every cell it points at is read right: nothing the
  rendering lost or misread can have caused it, so it asserts a fault the report does not
  have; on the page itself, a check whose code the report's expected file lists under
  ``findings_must_not`` while its cells are right;
* **blank** — ``CELL_BLANK`` / ``NO_DATA`` (the report left the cell unfilled) pointing only
  at cells the report printed a number in (expected not null): the cell was lost or is
  elsewhere (an annex), not blank, and the finding names the wrong cause;
* **structural** — any other structural code (rows, cells, tables) pointing only at cells
  all read right: it reports a loss where none happened (TEMPLATE_DEVIATION/UNKNOWN are
  claims about the report's form, true when the rendering shows it: never judged false).

* **text** — TEXT_TABLE_MISMATCH / YEAR_MISMATCH_TEXT on a synthetic report made without
  a deliberate error (expected ``notes``: ``error none``): its prose is written from its own
  tables and year (``benchmarks/findings.py`` judges clean reports so), on the page too.

A finding naming no cell (a section, the meta) is judged by the page alone (check). Info
findings (RULE_NOT_ASSESSABLE, CELL_NOT_APPLICABLE …) say what was not judged; left out.

    PYTHONPATH=src python benchmarks/alarms.py ROOT [ROOT …] [--shapes A,B] [--every K] [--kinds a,b]
        [--json FILE] [--examples N]

``--every K`` keeps every K-th report of each corpus (a few reports × many shapes); prints a
line per (corpus, rendering) with the warning/error findings and the false ones by class
and code, then the totals per code and the first examples."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from ogi import parse
from ogi.synth.shapes.score import TABLES, same
from ogi.template import BY_CODE

REFERENCE = "html"
BLANK_CODES = frozenset({"CELL_BLANK", "NO_DATA"})
# codes whose rule reads cells or text (``template.rules``: ``reads``), raised by the checks
CHECK_CODES = frozenset(r.code for r in BY_CODE.values() if r.reads) | {"TEMPLATE_YEAR_MISMATCH"}
# the text's rules: a synthetic report without a deliberate error (expected ``notes``: "error
# none") writes its prose from its own tables and year, so on it they are false
TEXT_CODES = frozenset({"TEXT_TABLE_MISMATCH", "YEAR_MISMATCH_TEXT"})
# claims about the report's form (an extra column, a format of another year): true whenever
# the rendering shows the form, whatever the cells
FORM_CODES = frozenset({"TEMPLATE_DEVIATION", "TEMPLATE_UNKNOWN"})
_WHERE_SPLIT = re.compile(r"[,;，；\s]+")


def keys_of(where: str | None) -> list[str]:
    return [k for k in _WHERE_SPLIT.split(where or "") if k]


def overlaps(a: list[str], b: list[str]) -> bool:
    """Do two ``where`` key lists name a common cell (one a prefix of the other)?"""
    if not a and not b:
        return True
    return any(x == y or x.startswith(y + ".") or y.startswith(x + ".") for x in a for y in b)


def cells_at(expected: dict, keys: list[str]) -> list[tuple[str, str, str]]:
    """The expected cells ``keys`` point at (a table, a row or a cell key)."""
    out = []
    for table in TABLES:
        for row, cols in (expected.get(table) or {}).items():
            for col in cols:
                cell = f"{table}.{row}.{col}"
                if any(cell == k or cell.startswith(k + ".") for k in keys):
                    out.append((table, row, col))
    return out


def got_of(report, table: str, row: str, col: str):
    return ((getattr(report, table) or {}).get(row) or {}).get(col)


def judge(finding, report, expected: dict, page_findings: list | None) -> str | None:
    """The class of a false finding (``check``, ``blank``, ``structural``), or None when it
    may be true."""
    keys = keys_of(finding.where)
    cells = cells_at(expected, keys)
    all_right = all(same(got_of(report, *c), expected[c[0]][c[1]][c[2]]) for c in cells)
    code = finding.code
    if code in CHECK_CODES:
        if code in TEXT_CODES and "error none" in str(expected.get("notes", "")):
            return "text"  # a clean synthetic report's prose is written from its tables, of its year
        if not all_right:
            return None
        if page_findings is None:  # the page itself
            return "check" if code in (expected.get("findings_must_not") or []) else None
        if any(f.code == code and overlaps(keys_of(f.where), keys) for f in page_findings):
            return None
        return "check"
    if code in BLANK_CODES:
        if cells and all(expected[t][r][c] is not None for t, r, c in cells):
            return "blank"
        return None
    if code in FORM_CODES:
        return None
    if cells and all_right:
        return "structural"
    return None


def loud(report) -> list:
    return [f for f in report.findings if str(getattr(f.severity, "value", f.severity)) != "info"]


def run(roots: list[Path], shapes: list[str], every: int, kinds: list[str], examples: int) -> dict:
    result: dict = {"rows": [], "false_by_code": Counter(), "examples": []}
    for root in roots:
        stems = sorted(p.stem for p in (root / REFERENCE / "expected").glob("*.json"))
        if kinds:
            stems = [s for s in stems if any(s.endswith("_" + k) for k in kinds)]
        stems = stems[::every]
        pages = {}
        for stem in stems:
            try:
                pages[stem] = loud(parse(root / REFERENCE / f"{stem}.html"))
            except Exception:  # noqa: BLE001 - a page the parser refuses is no reference
                pages[stem] = []
        names = shapes or sorted(p.name for p in root.iterdir() if (p / "expected").is_dir())
        for shape in names:
            folder = root / shape
            if not (folder / "expected").is_dir():
                continue
            files = {p.stem: p for p in folder.iterdir() if p.is_file()}
            row = {"corpus": root.name, "shape": shape, "reports": 0, "findings": 0,
                   "false": Counter(), "codes": Counter()}
            for stem in stems:
                exp = folder / "expected" / f"{stem}.json"
                if stem not in files or not exp.is_file():
                    continue
                expected = json.loads(exp.read_text(encoding="utf-8"))
                try:
                    report = parse(files[stem])
                except Exception:  # noqa: BLE001, S112 - a refusal raises no finding to judge
                    continue
                row["reports"] += 1
                for f in loud(report):
                    row["findings"] += 1
                    kind = judge(f, report, expected, None if shape == REFERENCE else pages[stem])
                    if kind:
                        row["false"][kind] += 1
                        row["codes"][f.code] += 1
                        result["false_by_code"][f.code] += 1
                        if len(result["examples"]) < examples:
                            result["examples"].append(
                                f"{root.name}/{shape}/{stem}: {kind} {f.code} {f.where} — {f.message[:90]}")
            result["rows"].append(row)
            n = sum(row["false"].values())
            print(f"{root.name}/{shape}: {row['reports']} reports, {row['findings']} warning/error findings, "
                  f"{n} false ({', '.join(f'{k} {v}' for k, v in sorted(row['false'].items())) or '-'})"
                  + (f": {', '.join(f'{c} {v}' for c, v in row['codes'].most_common())}" if n else ""),
                  flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("roots", type=Path, nargs="+")
    ap.add_argument("--shapes", default="")
    ap.add_argument("--every", type=int, default=1, metavar="K")
    ap.add_argument("--kinds", default="", help="only the reports of these deviation kinds (stem suffixes)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--examples", type=int, default=20)
    args = ap.parse_args(argv)
    shapes = [s for s in args.shapes.split(",") if s]
    kinds = [k for k in args.kinds.split(",") if k]
    result = run(args.roots, shapes, max(1, args.every), kinds, args.examples)
    total = sum(r["findings"] for r in result["rows"])
    false = sum(result["false_by_code"].values())
    print(f"\nall: {total} warning/error findings, {false} false"
          f" ({100 * false / total:.1f}%)" if total else "\nall: no findings")
    for code, n in result["false_by_code"].most_common():
        print(f"  {code}: {n}")
    for e in result["examples"]:
        print("  -", e)
    if args.json:
        rows = [{**r, "false": dict(r["false"]), "codes": dict(r["codes"])} for r in result["rows"]]
        args.json.write_text(json.dumps({"rows": rows, "false_by_code": dict(result["false_by_code"]),
                                         "examples": result["examples"]}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
