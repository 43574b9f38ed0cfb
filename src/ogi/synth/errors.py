"""Deliberate errors of the kinds real reports have, and the hard rules they break.

An error changes the *printed* values; the expected values are what is printed (a
correct parser never repairs a number), and the expected findings are the hard rules
of ``template.md`` §4 that the printed values break, computed here from the values."""

from __future__ import annotations

import random

from ..template import APPLICANT_COLUMNS, FORMATS, IDENTITY_CODES, T4_GROUPS
from ..template.arithmetic import broken

KINDS = ("wrong_total", "carry_mismatch", "t4_total", "cell_text")
CELL_TEXTS = ("由市司法局填报", "详见附件", "见说明", "另行统计")
HARD_RULES = IDENTITY_CODES
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
    """The hard rules the values break: the codes of the format's identities
    (``TableSpec.identities``) that a place with every input printed as a number breaks."""
    out: set[str] = set()
    for spec in FORMATS[template].tables:
        printed = tables.get(spec.key, {})

        def value(row: str, col: str, printed: dict = printed) -> int | float | None:
            v = printed.get(row, {}).get(col)
            return v if isinstance(v, (int, float)) else None
        out.update(broken(spec, value))
    return out
