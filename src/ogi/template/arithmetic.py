"""The format's arithmetic, once: does a row's sum hold, does a column identity hold.

Every rule of the official tables is one of two shapes (``template.md`` §4):

- a **row sum**, printed in a row: a total cell equals the sum of some other cells of the same
  row (table 三's 总计 column, table 四's three 总计). ``PrintedRow.sums`` lists them by index;
- a **column identity**, across rows of one table: in every column, the sum of some rows
  equals the sum of others (``一+二 = (七)+四``; ``(七)总计 = Σ办理结果``). ``TableSpec.identities``
  lists them by row key.

A sum with an unknown (``None``) input cannot be tested and is not a failure here: callers that
report it (the checks) say "not assessable"; callers that use the identities as evidence (the
parser choosing a split, the shape generator, the form) only need to know that nothing known
contradicts them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .formats import PrintedRow, TableSpec

Number = int | float
Lookup = Callable[[str, str], Number | None]  # (row key, column key) → value or None


def row_sums_hold(row: PrintedRow, values: Sequence[Number | None]) -> bool:
    """Does every testable row sum of ``row`` hold for ``values`` (in printed cell order)?"""
    for total, parts in row.sums:
        if total >= len(values):
            continue
        known = [values[total]] + [values[p] if p < len(values) else None for p in parts]
        if any(v is None for v in known):
            continue
        if known[0] != sum(known[1:]):
            return False
    return True


def identities_hold(spec: TableSpec, value: Lookup, rows: Sequence[str] | None = None) -> bool:
    """Does every testable column identity of ``spec`` hold? With ``rows``, only the
    identities that involve one of those rows are tested."""
    columns = [c for _, c, _ in spec.rows[0].cells] if spec.rows else []
    for left, right in spec.identities:
        if rows is not None and not set(rows) & set(left + right):
            continue
        for col in columns:
            sides = [[value(r, col) for r in side] for side in (left, right)]
            if any(v is None for side in sides for v in side):
                continue
            if sum(sides[0]) != sum(sides[1]):
                return False
    return True


def table_holds(spec: TableSpec, value: Lookup) -> bool:
    """Every testable row sum and column identity of the table."""
    return all(row_sums_hold(row, [value(r, c) for r, c, _ in row.cells]) for row in spec.rows) \
        and identities_hold(spec, value)
