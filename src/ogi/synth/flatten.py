"""Tables flattened to text the ways the seed reports and crawlers show them.

- A ``rows``: one table row per line, cells joined by `` | ``, padded with empty cells to
  the grid width (seeds 000, 004).
- B ``cells``: one cell per line ending in `` |``; a row's last cell carries extra ``|``
  marks (seeds 002, 003).
- C ``paragraphs``: one cell per blank-line separated paragraph, no pipes (seed 001).
- ``one_line``: the whole table on one line, cells separated by single spaces.
- ``glued``: the whole table on one line with no delimiter at all; only values that are
  not plain digit runs (``1428.9万元``, ``-3``) keep a space on each side, since a decimal
  point or a sign would swallow the digits beside it.
"""

from __future__ import annotations

import itertools
import math
import re

from ..template.arithmetic import identities_hold, instances
from ..render.layout import DrawnTable, format_value
from ..template.layout import VALUE
from .transform import BREAK

_DIGITS = re.compile(r"^\d+$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?(万元)?$")


def _pipes(texts: list[str], width: int) -> str:
    """Cells as seed A prints them: ``a | b | ||`` — every grid column ends in ``|``."""
    slots = texts + [""] * max(0, width - len(texts))
    out = ""
    for i, t in enumerate(slots):
        if t:
            out += (" " if out else "") + f"{t} |"
        else:
            out += (" " if i and slots[i - 1] else "") + "|"
    return out


def rows(table: DrawnTable) -> list[str]:
    return [_pipes([c.text.replace(BREAK, " ") for c in cells], table.n_cols) for cells in table.rows()]


def cells(table: DrawnTable) -> list[str]:
    lines = []
    for cells_ in table.rows():
        texts = [t for c in cells_ for t in c.text.split(BREAK)]
        for i, t in enumerate(texts):
            last = i == len(texts) - 1
            pad = max(1, table.n_cols - len(cells_)) if last else 0
            lines.append(f"{t} |" + (" " + "|" * pad if pad else "") if t else "|")
    return lines


def paragraphs(table: DrawnTable) -> list[str]:
    lines = []
    for cells_ in table.rows():
        for c in cells_:
            lines += [t for t in c.text.split(BREAK)] if c.text else [""]
    return lines


def one_line(table: DrawnTable) -> list[str]:
    return [" ".join(c.text.replace(BREAK, "") for cells_ in table.rows() for c in cells_ if c.text)]


def glued(table: DrawnTable) -> list[str]:
    out = ""
    for cells_ in table.rows():
        for c in cells_:
            text = c.text.replace(BREAK, "")
            apart = c.role == VALUE and text and not _DIGITS.match(text)
            if apart and out and not out.endswith(" "):
                out += " "
            out += text + (" " if apart else "")
    return [out]


FLATTENINGS = {"rows": rows, "cells": cells, "paragraphs": paragraphs, "one_line": one_line, "glued": glued}


def glued_reading(spec, printed: dict[str, dict], expected: dict[str, dict]) -> tuple[dict[str, dict], list[str]]:
    """What a correct parser reads from a glued table. Each printed row's digit runs are
    split by :func:`ogi.extract.glue.splits` under the row's own sums; a row that splits
    several ways keeps the one reading that satisfies the table's column identities
    (``TableSpec.identities``) where every other input is known, and is null otherwise.
    ``printed`` holds what the cells print, ``expected`` what an unglued table reads as;
    returns the values read and the keys of the rows left ambiguous."""
    from ..extract.glue import splits

    values = {row: dict(cols) for row, cols in expected.items()}
    ambiguous: dict[str, list[list]] = {}
    for row in spec.rows:
        parts = _parts([format_value(printed[r][c]) for r, c, _ in row.cells])
        if parts is None or len(parts) >= row.width:
            continue
        found = splits(parts, row.width, row.sums, limit=READINGS, kinds=[k for _, _, k in row.cells])
        if len(found) == 1:
            _set(values, row, found[0])
        elif found:
            ambiguous[row.key] = found
    changed = True
    while changed and ambiguous:
        changed = False
        for key, readings in list(ambiguous.items()):
            row = spec.row(key)
            fitting = [x for x in readings if _fits(spec, values, ambiguous, row, x)]
            if len(fitting) == 1 and len(readings) > 1:
                _set(values, row, fitting[0])
                del ambiguous[key]
                changed = True
    _resolve_together(spec, values, ambiguous)
    for key in ambiguous:
        _set(values, spec.row(key), [None] * spec.row(key).width)
    return values, list(ambiguous)


def _resolve_together(spec, values: dict, ambiguous: dict[str, list[list]]) -> None:
    """Rows still ambiguous one by one that feed the same identities, tried together (as the
    parser does, ``extract.align._resolve_jointly``): the one combination of their readings
    under which every column identity they take part in is testable in every column and
    holds settles them all. Two or more, none, a reading list the parser would have cut at
    its limit, or more combinations than it tries: they stay null."""
    from ..extract.align import AMBIGUOUS_LIMIT, JOINT_READINGS_LIMIT

    rows = list(ambiguous)
    if len(rows) < 2 or any(len(ambiguous[r]) >= AMBIGUOUS_LIMIT for r in rows):
        return
    if math.prod(len(ambiguous[r]) for r in rows) > JOINT_READINGS_LIMIT:
        return
    involved = [i for i in spec.column_identities if set(rows) & set(i.terms)]
    if not involved:
        return
    fitting = []
    for combo in itertools.product(*(ambiguous[r] for r in rows)):
        mine = {(rk, c): v for r, reading in zip(rows, combo) for (rk, c, _), v in zip(spec.row(r).cells, reading)}

        def value(r: str, c: str):
            return mine[(r, c)] if (r, c) in mine else (None if r in ambiguous else values[r][c])
        if all(_known_and_equal(value, left, right) for i in involved for left, right in instances(spec, i)):
            fitting.append(combo)
            if len(fitting) > 1:
                return
    if len(fitting) == 1:
        for r, reading in zip(rows, fitting[0]):
            _set(values, spec.row(r), reading)
            del ambiguous[r]


def _known_and_equal(value, left, right) -> bool:
    sides = [[value(r, c) for r, c in side] for side in (left, right)]
    return not any(v is None for side in sides for v in side) and sum(sides[0]) == sum(sides[1])


READINGS = 10_000  # readings of one glued row to consider (all of them, in practice)


def _parts(texts: list[str]) -> list | None:
    """The row as the parser tokenises it: digit runs glued, other numbers alone; None
    when a cell holds text."""
    if any(t and not _NUMBER.match(t) for t in texts):
        return None
    parts: list = []
    run = ""
    for t in texts + [None]:
        if t is not None and _DIGITS.match(t):
            run += t
            continue
        if run:
            parts.append(run if len(run) > 1 else int(run))
            run = ""
        if t:
            number = t.removesuffix("万元")
            parts.append(float(number) if "." in number else int(number))
    return parts


def _set(values: dict, row, reading: list) -> None:
    for (r, c, _), v in zip(row.cells, reading):
        values[r][c] = v


def _fits(spec, values: dict, ambiguous: dict, row, reading: list) -> bool:
    """Does ``reading`` of ``row`` break no column identity whose other inputs are known?"""
    mine = {(r, c): v for (r, c, _), v in zip(row.cells, reading)}

    def value(r: str, c: str):
        if r == row.key:
            return mine.get((r, c))
        return None if r in ambiguous else values[r][c]
    return identities_hold(spec, value, rows=[row.key])