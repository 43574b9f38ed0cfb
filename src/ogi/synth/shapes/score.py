"""Score one parsed report against its expected values, cell by cell, telling loud misses
from silent ones.

Each cell of the expected tables (null cells included) falls in exactly one class:

* ``right`` — the parsed value equals the expected one (numbers within 1e-6);
* ``null_flagged`` — left null, and a finding points at it;
* ``wrong_flagged`` — a different number, and a finding points at it;
* ``null_silent`` — left null with no finding pointing at it (a lost cell nobody reports);
* ``wrong_silent`` — a different number with no finding pointing at it: the one class that
  must stay 0, since a reader cannot tell such a number from a right one.

A finding *points at* a cell when its ``where`` (one or more schema keys, separated by commas
or spaces) names the cell, its row, a group of rows or its table: ``table3``,
``table3.denied``, ``table3.denied.state_secret`` and ``table3.denied.state_secret.total``
all point at ``table3.denied.state_secret.total``.

The meta is scored as ``score.py`` scores it: ``year``, ``template``, ``published_date``,
``index_number`` equal when expected, and the agency containing ``agency_contains``."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields

from ...model import Report

TABLES = ("table2", "table3", "table4")
META_KEYS = ("year", "template", "published_date", "index_number")
CLASSES = ("right", "null_flagged", "wrong_flagged", "null_silent", "wrong_silent")
_WHERE_SPLIT = re.compile(r"[,;，；\s]+")


@dataclass
class CellScore:
    cells: int = 0
    right: int = 0
    null_flagged: int = 0
    wrong_flagged: int = 0
    null_silent: int = 0
    wrong_silent: int = 0
    unread: int = 0  # cells of reports the parser refused (an error, loud)
    meta: int = 0
    meta_right: int = 0
    reports: int = 0
    exact: int = 0  # reports with every cell and meta field right
    examples: list[str] = field(default_factory=list)

    def add(self, other: "CellScore", keep_examples: int = 0) -> None:
        for f in fields(self):
            if f.name == "examples":
                room = max(0, keep_examples - len(self.examples))
                self.examples += other.examples[:room]
            else:
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)
    return str(a) == str(b)


def pointed_keys(report: Report) -> list[str]:
    """Every schema key some finding of ``report`` names in its ``where``."""
    keys = []
    for f in report.findings:
        if f.where:
            keys += [k for k in _WHERE_SPLIT.split(f.where) if k]
    return keys


def points_at(keys: list[str], cell: str) -> bool:
    return any(cell == k or cell.startswith(k + ".") for k in keys)


def score_report(expected: dict, report: Report, label: str = "") -> CellScore:
    """The classes of every expected cell of ``report`` (see the module docstring);
    ``examples`` lists the cells that are not right, prefixed by ``label``."""
    score = CellScore(reports=1)
    keys = pointed_keys(report)
    for table in TABLES:
        got_table = getattr(report, table) or {}
        for row, cols in (expected.get(table) or {}).items():
            for col, want in cols.items():
                score.cells += 1
                got = (got_table.get(row) or {}).get(col)
                if same(got, want):
                    score.right += 1
                    continue
                cell = f"{table}.{row}.{col}"
                flagged = points_at(keys, cell)
                kind = ("null" if got is None else "wrong") + ("_flagged" if flagged else "_silent")
                setattr(score, kind, getattr(score, kind) + 1)
                score.examples.append(f"{label}{cell}: want {want!r}, got {got!r}"
                                      + ("" if flagged else " (no finding)"))
    meta = expected.get("meta") or {}
    for key in META_KEYS:
        if key in meta:
            score.meta += 1
            have = getattr(report.meta, key)
            if same(have, meta[key]):
                score.meta_right += 1
            else:
                score.examples.append(f"{label}meta.{key}: want {meta[key]!r}, got {have!r}")
    if "agency_contains" in meta:
        score.meta += 1
        if meta["agency_contains"] in str(report.meta.agency or ""):
            score.meta_right += 1
        else:
            score.examples.append(f"{label}meta.agency: want to contain {meta['agency_contains']!r}, "
                                  f"got {report.meta.agency!r}")
    score.exact = int(score.right == score.cells and score.meta_right == score.meta)
    return score


def unread(expected: dict, reason: str, label: str = "") -> CellScore:
    """The score of a report the parser refused: every cell unread."""
    n = sum(len(cols) for t in TABLES for cols in (expected.get(t) or {}).values())
    meta = expected.get("meta") or {}
    n_meta = sum(1 for k in META_KEYS if k in meta) + ("agency_contains" in meta)
    return CellScore(cells=n, unread=n, meta=n_meta, reports=1, examples=[f"{label}parser refused it: {reason}"])
