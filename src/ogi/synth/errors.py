"""Deliberate errors of the kinds real reports have, and the hard rules they break.

An error changes the *printed* values; the expected values are what is printed (a
correct parser never repairs a number), and the expected findings are the hard rules
of ``template.md`` §4 that the printed values break, computed here from the values."""

from __future__ import annotations

import random

from ..template import APPLICANT_COLUMNS, FORMATS, T4_GROUPS, T4_RESULTS

KINDS = ("wrong_total", "carry_mismatch", "t4_total", "cell_text")
CELL_TEXTS = ("由市司法局填报", "详见附件", "见说明", "另行统计")
HARD_RULES = ("T3_BALANCE", "T3_ROW_TOTAL", "T3_OUTCOME_TOTAL", "T4_TOTAL")
APPLICANTS = tuple(m.key for m in APPLICANT_COLUMNS[:-1])  # the six applicant columns, not 总计


def inject(rng: random.Random, kind: str, template: str, tables: dict[str, dict]) -> str:
    """Change ``tables`` (printed values) in place; returns where, as a schema key."""
    t3, t4 = tables["table3"], tables["table4"]
    bump = rng.choice((1, 2, 3, 10)) * rng.choice((1, -1))
    if kind == "wrong_total":
        rows = [r.key for r in FORMATS[template].table3.rows]
        row = rng.choice(rows)
        changed = t3[row]["total"] + bump
        t3[row]["total"] = changed if changed >= 0 else t3[row]["total"] + abs(bump)
        return f"table3.{row}.total"
    if kind == "carry_mismatch":
        col = APPLICANTS[0]
        step = abs(bump)
        t3["carried_forward"][col] += step
        t3["carried_forward"]["total"] += step
        return f"table3.carried_forward.{col}"
    if kind == "t4_total":
        group = rng.choice(T4_GROUPS)
        t4[group]["total"] += abs(bump)
        return f"table4.{group}.total"
    if kind == "cell_text":
        printed = rng.choice(FORMATS[template].table2.rows)
        cols = [c for _, c, _ in printed.cells]
        tables["table2"][printed.key] = {c: None for c in cols} | {cols[0]: rng.choice(CELL_TEXTS)}
        return f"table2.{printed.key}"
    raise ValueError(f"unknown error kind {kind!r}")


def broken_rules(template: str, tables: dict[str, dict]) -> set[str]:
    """The hard rules the values break (a rule with a null input is not assessed)."""
    t3, t4 = tables["table3"], tables["table4"]
    spec = FORMATS[template].table3
    outcome = [r.key for r in spec.rows if r.key not in ("new_received", "carried_over", "total", "carried_forward")]
    broken = set()
    for col in APPLICANTS + ("total",):
        if _differs([t3["new_received"][col], t3["carried_over"][col]], [t3["total"][col], t3["carried_forward"][col]]):
            broken.add("T3_BALANCE")
        if _differs([t3[r][col] for r in outcome], [t3["total"][col]]):
            broken.add("T3_OUTCOME_TOTAL")
    for row in spec.rows:
        if _differs([t3[row.key][c] for c in APPLICANTS], [t3[row.key]["total"]]):
            broken.add("T3_ROW_TOTAL")
    parts, total = [m.key for m in T4_RESULTS[:-1]], T4_RESULTS[-1].key
    for group in T4_GROUPS:
        if _differs([t4[group][p] for p in parts], [t4[group][total]]):
            broken.add("T4_TOTAL")
    return broken


def _differs(left: list, right: list) -> bool:
    """Both sides printed as numbers, and their sums differ."""
    if not all(isinstance(v, (int, float)) for v in left + right):
        return False
    return sum(left) != sum(right)
