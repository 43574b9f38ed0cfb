"""Precision and recall of the findings, per code: on the shared real reports (every
finding labelled true or false by a person, ``tests/data/findings_labels.json``) and on
synthetic reports with and without deliberate errors.

    .venv/bin/python benchmarks/findings.py [N] [--seed S] [--formats txt,html,docx,pdf] [--corpus DIR]

Real reports: each labelled report (and each labelled variant of its text) is parsed; a
finding counts as a true positive when a label says it is true, a false positive when a
label says it is false or no label names it (a finding nobody has judged is not trusted),
a false negative when a true label's finding is missing. Labels match by report, code and
``where`` (and count, where one place holds several).

Synthetic reports (N, default 1000, ``ogi.synth``): what is true of a report is known
from how it was made — the deliberate error's broken rules and the mangling's structural
findings (``findings_must`` of its expected file), plus the properties of the generated
data itself that a rule is about: published after the deadline (PUBLISHED_LATE, 31
January for a department, 31 March otherwise), 本年增/减 beyond last year's items
(T2_CHANGE_LARGE), 现行有效 below 制发−废止 (T2_STOCK), 新公开 above 对外公开总数
(T2_PUBLISHED), an amount printed with its unit neither in its cell nor in the header
(AMOUNT_UNIT), and a total the narrative states changed by the deliberate error
(TEXT_TABLE_MISMATCH: the prose was written from the tables before the error), and a table
四 printed one value a line whose deliberate error the parser must refuse to read rather
than guess its order (ROW_AMBIGUOUS, :func:`refused_tables`). Every other warning or error on a synthetic report is false; its notes
(RULE_NOT_ASSESSABLE and other info lines) say what was not judged and are left out.
Counted per (report, code).

Prints a markdown table (append it, with the command, to ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from ogi import parse
from ogi.synth.corpus import plan, write_one
from ogi.synth.report import synthesize
from ogi.template import FORMATS
from ogi.template.layout import table_grid

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "findings_labels.json"
CORPUS = ROOT.parent / "shared" / "corpus"
SHOWN_EXAMPLES = 12
# the totals the synthetic narrative states (ogi.synth.narrative)
_NARRATED = (("table3", "new_received"), ("table3", "carried_over"), ("table3", "total"),
             ("table3", "carried_forward"), ("table4", "review"), ("table4", "litigation_direct"),
             ("table4", "litigation_after_review"))


# ------------------------------------------------------------------ real reports

def real(corpus: Path) -> tuple[Counter, Counter, Counter, list[str]]:
    """(true positives, false positives, false negatives) per code, and examples of errors."""
    tp, fp, fn, examples = Counter(), Counter(), Counter(), []
    for entry in json.loads(LABELS.read_text(encoding="utf-8"))["reports"]:
        path = corpus / entry["file"]
        if entry.get("replace"):
            text = path.read_text(encoding="utf-8")
            for old, new in entry["replace"]:
                text = text.replace(old, new)
            report = parse(text.encode("utf-8"), name=path.name)
        else:
            report = parse(path)
        got = Counter((f.code, f.where) for f in report.findings)
        labelled = {(lab["code"], lab["where"]): lab for lab in entry["findings"]}
        name = entry["file"] + (f" ({entry['variant']})" if entry.get("variant") else "")
        for key, n in got.items():
            lab = labelled.get(key)
            if lab and lab["true"]:
                tp[key[0]] += min(n, lab.get("count", 1))
                fp[key[0]] += max(0, n - lab.get("count", 1))
            else:
                fp[key[0]] += n
                examples.append(f"{name}: {key[0]} at {key[1]} — " + (lab["reason"] if lab else "not labelled"))
        for key, lab in labelled.items():
            missing = lab.get("count", 1) - got.get(key, 0) if lab["true"] else 0
            if missing > 0:
                fn[key[0]] += missing
                examples.append(f"{name}: {key[0]} at {key[1]} missing — {lab['reason']}")
    return tp, fp, fn, examples


# ------------------------------------------------------------------ synthetic reports

def _deadline(agency: str, year: int) -> date:
    """条例 Art. 49: a department's report by 31 January; a government's (and the local
    schedules of townships) by 31 March."""
    department = not agency.endswith(("人民政府", "镇", "乡", "街道", "办事处"))
    return date(year + 1, 1, 31) if department else date(year + 1, 3, 31)


def _header_has_unit(template: str) -> bool:
    """Does the official grid print the amount's unit in table 二's header (2021 does, 2019
    prints 采购总金额 alone)?"""
    return any("金额" in cell.text and "万元" in cell.text for cell in table_grid(template, "table2").cells)


def data_truths(s, expected: dict) -> set[str]:
    """The findings the generated data itself warrants, beyond the deliberate error's
    broken rules: plausibility (on the values a correct parser reads: a glued row it
    cannot split is null, and a rule on it not assessable), and an amount printed with no
    unit anywhere."""
    return _plausibility(s, expected["table2"]) | _units(s)


def _units(s) -> set[str]:
    out = set()
    for cells in s.printed["table2"].values():
        amount = cells.get("amount")
        if isinstance(amount, (int, float)) and amount and not _header_has_unit(s.template):
            out.add("AMOUNT_UNIT")
    return out


# flattenings that print a table's cells one a line of running text (``ogi.synth.flatten``):
# table 四's unlabelled row is then read only if its sums hold (``extract.align``: nothing but
# the order says which value is which), so a deliberate error in it makes the parser leave
# the table null with ROW_AMBIGUOUS, and its own rules not assessable
ONE_VALUE_A_LINE = ("paragraphs",)
_T4_RULES = frozenset(i.code for i in FORMATS["2021"].table4.identities)


def refused_tables(mangling: str, truth: set[str]) -> set[str]:
    """The truth of a report whose deliberate error breaks table 四 in a one-value-a-line
    rendering: ROW_AMBIGUOUS in place of the table's broken rules."""
    if mangling in ONE_VALUE_A_LINE and truth & _T4_RULES:
        return (truth - _T4_RULES) | {"ROW_AMBIGUOUS"}
    return truth


def consequences(s, clean) -> set[str]:
    """Findings a deliberate error may or may not raise, left out of the count for that
    report: a total the narrative may state (it was written before the error) changed."""
    if any(s.printed[t][r]["total"] != clean.printed[t][r]["total"] for t, r in _NARRATED):
        return {"TEXT_TABLE_MISMATCH"}
    return set()


def _plausibility(s, table2: dict) -> set[str]:
    out = set()
    p = s.profile
    if p.published > _deadline(p.agency, p.year):
        out.add("PUBLISHED_LATE")
    for cells in table2.values():
        v = {k: x for k, x in cells.items() if isinstance(x, (int, float))}
        if {"items_prev_year", "items_change"} <= set(v) and abs(v["items_change"]) > v["items_prev_year"]:
            out.add("T2_CHANGE_LARGE")
        if {"issued", "repealed", "in_force"} <= set(v) and v["in_force"] < v["issued"] - v["repealed"]:
            out.add("T2_STOCK")
        if {"published", "total_published"} <= set(v) and v["total_published"] < v["published"]:
            out.add("T2_PUBLISHED")
    return out


def synthetic(n: int, seed: int, formats: tuple[str, ...]) -> tuple[Counter, Counter, Counter, list[str], dict]:
    tp, fp, fn, examples = Counter(), Counter(), Counter(), []
    counts = {"clean": 0, "with_error": 0, "false_on_clean": 0, "clean_with_false": 0}
    for stem, fmt, mangling, error, rng in plan(n, seed, formats):
        again = random.Random()
        again.setstate(rng.getstate())
        s = synthesize(again, error)  # the same report write_one makes from this stream
        again.setstate(rng.getstate())
        clean = synthesize(again, "")  # and as it was before its deliberate error
        data, expected = write_one(rng, fmt, mangling, error)
        report = parse(data, name=f"{stem}.{fmt}")
        truth = refused_tables(mangling, set(expected["findings_must"]) | data_truths(s, expected))
        skip = consequences(s, clean)
        truth -= skip
        got = {f.code for f in report.findings if f.severity != "info"} - skip
        counts["with_error" if error else "clean"] += 1
        false = got - truth
        for code in got & truth:
            tp[code] += 1
        for code in false:
            fp[code] += 1
            if len(examples) < SHOWN_EXAMPLES:
                message = next(f.message for f in report.findings if f.code == code)
                examples.append(f"{stem} ({error or 'clean'}): {code} — {message[:120]}")
        for code in truth - got:
            fn[code] += 1
            if len(examples) < SHOWN_EXAMPLES:
                examples.append(f"{stem} ({error or 'clean'}): {code} missing")
        if not error and false:
            counts["false_on_clean"] += len(false)
            counts["clean_with_false"] += 1
    return tp, fp, fn, examples, counts


# ------------------------------------------------------------------ output

def table(tp: Counter, fp: Counter, fn: Counter) -> list[str]:
    lines = ["| code | true | false | missed | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for code in sorted(set(tp) | set(fp) | set(fn)):
        t, f, m = tp[code], fp[code], fn[code]
        precision = f"{t / (t + f):.1%}" if t + f else "—"
        recall = f"{t / (t + m):.1%}" if t + m else "—"
        lines.append(f"| {code} | {t} | {f} | {m} | {precision} | {recall} |")
    t, f, m = sum(tp.values()), sum(fp.values()), sum(fn.values())
    lines.append(f"| **all** | {t} | {f} | {m} | {t / (t + f):.1%} | {t / (t + m):.1%} |" if t else "| **all** | 0 | | | | |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--formats", default="txt,html,docx,pdf")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    started = time.perf_counter()
    tp, fp, fn, examples = real(args.corpus)
    out = ["### Real reports (labelled: tests/data/findings_labels.json)", "", *table(tp, fp, fn), ""]
    out += [f"- {e}" for e in examples] or ["- every finding labelled true was raised; none labelled false was"]
    real_false = sum(fp.values())
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    tp, fp, fn, examples, counts = synthetic(args.n, args.seed, formats)
    out += ["", f"### Synthetic reports ({args.n}, seed {args.seed}, {', '.join(formats)}: {counts['clean']} clean, "
            f"{counts['with_error']} with a deliberate error)", "", *table(tp, fp, fn), "",
            f"False findings on clean reports: {counts['false_on_clean']} (on {counts['clean_with_false']} of "
            f"{counts['clean']} reports).", ""]
    out += [f"- {e}" for e in examples]
    out += ["", f"({time.perf_counter() - started:.0f} s)"]
    print("\n".join(out))
    return 1 if real_false or counts["false_on_clean"] or sum(fn.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
