"""The format's arithmetic, once: does a row's sum hold, does a column identity hold.

Every rule of the official tables is an :class:`~ogi.template.formats.Identity` of its
``TableSpec.identities`` (``template.md`` §4), with the finding code it raises, in one of two
shapes:

- a **row sum** (``Per.ROW``), printed in a row: a total cell equals the sum of some other
  cells of the same row (table 三's 总计 column, table 四's three 总计). ``PrintedRow.sums``
  lists where they fall in a printed row, by index (read off the identities);
- a **column identity** (``Per.COLUMN``), across rows of one table: in every column, the sum
  of some rows equals the sum of others (``一+二 = (七)+四``; ``(七)总计 = Σ办理结果``).

A sum with an unknown (``None``) input cannot be tested and is not a failure here: callers that
report it (the checks) say "not assessable"; callers that use the identities as evidence (the
parser choosing a split, the shape generator, the form) only need to know that nothing known
contradicts them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from .formats import Identity, Per, PrintedRow, TableSpec

Number = int | float
Lookup = Callable[[str, str], Number | None]  # (row key, column key) → value or None
Cell = tuple[str, str]  # (row key, column key)


def all_known(values: Sequence[Number | None]) -> list[Number] | None:
    """``values`` when every one is known; None when any is unknown (their sum cannot be tested)."""
    known = [v for v in values if v is not None]
    return known if len(known) == len(values) else None


def row_sums_hold(row: PrintedRow, values: Sequence[Number | None]) -> bool:
    """Does every testable row sum of ``row`` hold for ``values`` (in printed cell order)?"""
    for total, parts in row.sums:
        if total >= len(values):
            continue
        known = all_known([values[total]] + [values[p] if p < len(values) else None for p in parts])
        if known is None:
            continue
        if known[0] != sum(known[1:]):
            return False
    return True


def identities_hold(spec: TableSpec, value: Lookup, rows: Sequence[str] | None = None) -> bool:
    """Does every testable column identity of ``spec`` hold? With ``rows``, only the
    identities that involve one of those rows are tested."""
    for identity in spec.column_identities:
        if rows is not None and not set(rows) & set(identity.terms):
            continue
        for left, right in instances(spec, identity):
            if _fails(value, left, right):
                return False
    return True


def table_holds(spec: TableSpec, value: Lookup) -> bool:
    """Every testable row sum and column identity of the table."""
    return all(row_sums_hold(row, [value(r, c) for r, c, _ in row.cells]) for row in spec.rows) \
        and identities_hold(spec, value)


def instances(spec: TableSpec, identity: Identity) -> Iterator[tuple[list[Cell], list[Cell]]]:
    """Each place an identity holds, as (left cells, right cells): one per column of the
    table (``Per.COLUMN``), or one per row key whose row has every column of it (``Per.ROW``)."""
    if identity.per is Per.COLUMN:
        for _, col, _ in spec.rows[0].cells if spec.rows else ():
            yield [(r, col) for r in identity.left], [(r, col) for r in identity.right]
        return
    columns = {(r, c) for row in spec.rows for r, c, _ in row.cells}
    for row_key in dict.fromkeys(r for row in spec.rows for r, _, _ in row.cells):
        if all((row_key, c) in columns for c in identity.terms):
            yield [(row_key, c) for c in identity.left], [(row_key, c) for c in identity.right]


def broken(spec: TableSpec, value: Lookup) -> list[str]:
    """The codes of the table's identities that a testable instance breaks, in template order."""
    return [i.code for i in spec.identities if any(_fails(value, *sides) for sides in instances(spec, i))]


def _fails(value: Lookup, left: list[Cell], right: list[Cell]) -> bool:
    """Is every input known, and do the two sides' sums differ?"""
    sides = [[value(r, c) for r, c in side] for side in (left, right)]
    known = [[v for v in side if v is not None] for side in sides]
    if [len(k) for k in known] != [len(s) for s in sides]:
        return False
    return sum(known[0]) != sum(known[1])
