"""Split digit runs that lost their cell boundaries (``52100053`` for seven cells).

The template knows how many cells a row has and which of them are sums of others; a
split is accepted only when it is the one way to read the digits that satisfies them.
Numbers have no leading zeros (``0`` itself aside), as printed numbers do not; a comma in a
run is a thousands separator inside one number (``01236,120`` is 0, 1 and 236,120 or 0, 12 and
36,120 … — never 0, 1236 and 120), which no number ends at; a decimal
(``66.5`` for ``6`` and ``6.5``) keeps its point inside one number, and only a cell that holds
an amount (``Kind.AMOUNT``) may take one — ``政府集中采购80.03万元`` is 8 projects and 0.03
万元, never 80.0 projects and 3 万元.

Marks of not-applicable cells glued into a row (``0——0————00``: a crawler's one line of a
table that marks its empty cells ``——``) are :class:`Marks` parts: a run of them is one of
several counts of cells (``————`` two to four: ``——`` and ``—`` are both marks), each cell
None. A sum that takes a mark in is tested as a bound: a marked part stands for a count of
0 or more (whether it means "none" or "not applicable"), so the total is at least the sum of
the parts printed as numbers (``104无02016`` for seven cells is 10·4·无·0·2·0·16 only:
104·无·0·2·0·1·6 would make a total of 6 from parts of 107); a marked total is not tested. A
reading must be the only one the row's sums, so read, and the run's digits and marks allow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..template.formats import Kind

MAX_STEPS = 50_000
MAX_DIGITS = 9  # no cell of an annual report holds a billion
HEADS_KEPT = 1 << 14  # (digit run, position) pairs whose possible numbers are kept
Sums = tuple[tuple[int, tuple[int, ...]], ...]
_NUMBER = re.compile(r"(0|[1-9]\d*)(\.\d+)?")
_GROUPED = re.compile(r"(?:,\d{3})+(?!\d)")  # the thousands groups after a number's first digits
THOUSANDS_GROUP = 3  # digits a thousands separator follows at most (the first group)


@dataclass(frozen=True, slots=True)
class Marks:
    """A run of not-applicable marks glued together: ``counts`` are the numbers of cells it
    may hold (:func:`ogi.extract.tokens.mark_counts`), each cell None."""

    counts: tuple[int, ...]
    # where the run ends in a ``-`` printed right before a number (``7-120``), that ``-`` may
    # be the number's sign instead: the counts of cells the run holds without it (0: the run
    # was that ``-`` alone); the number is then negative, in a signed cell (本年增/减), not 0
    signed: tuple[int, ...] = ()


Part = int | float | str | Marks


def _fewest(p: Part) -> int:
    return min(p.counts + p.signed) if isinstance(p, Marks) else 1


def _most(p: Part) -> int:
    return max(p.counts) if isinstance(p, Marks) else 1


def splits(parts: Sequence[Part], width: int, sums: Sums = (), limit: int = 2,
           kinds: Sequence[Kind] | None = None, sizes: list[list[int]] | None = None) -> list[list]:
    """Ways to read ``parts`` as exactly ``width`` numbers.

    A ``str`` part is a digit run that may hold several cells; a number is one cell; a
    :class:`Marks` part is a run of marks, one of its counts of None cells.
    Returns up to ``limit`` readings that satisfy every (total, components) identity
    whose cells hold numbers (components precede their total, as in every row of the
    format) and, where ``kinds`` (one per cell) is given, put a fraction only in an amount
    cell. ``sizes``, where given, receives for each reading the cells each part took.
    """
    totals = dict(sums)
    found: list[list] = []
    acc: list = []
    starts = [0] * (len(parts) + 1)  # the cell each part starts at, in the reading being made
    steps = 0
    n = len(parts)
    digits_after = [sum(len(p) if isinstance(p, str) else 0 for p in parts[i:]) for i in range(n + 1)]
    tokens_after = [sum(_fewest(p) for p in parts[i:]) for i in range(n + 1)]  # cells the parts take at least
    fixed_after = [sum(_fewest(p) for p in parts[i:] if not isinstance(p, str)) for i in range(n + 1)]  # numbers, marks
    most_after = [sum(_most(p) for p in parts[i:] if not isinstance(p, str)) for i in range(n + 1)]

    def sum_holds(i: int, value) -> bool:
        comps = [acc[c] for c in totals[i]]
        if value is None:
            return True  # a marked total: the sum is not tested
        if None in comps:  # a marked part holds a count of 0 or more: the total is at least the rest
            if kinds is not None and any(acc[c] is None and kinds[c] is Kind.SIGNED for c in totals[i]):
                return True
            return value >= sum(c for c in comps if c is not None)
        return value == sum(comps)

    negate = False  # the number read next takes the sign a run of marks ended with

    def holds() -> bool:
        i = len(acc) - 1
        if kinds is not None and isinstance(acc[i], float) and kinds[i] is not Kind.AMOUNT:
            return False  # a fraction in a count
        return i not in totals or sum_holds(i, acc[i])

    def signed(k: int, value) -> bool:
        """May ``-value`` stand in cell ``k``? (A signed cell, and not 0.)"""
        return kinds is not None and k < len(kinds) and kinds[k] is Kind.SIGNED and value != 0

    def walk(i: int, pos: int) -> None:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS or len(found) >= limit:
            return
        if pos == 0:
            starts[i] = len(acc)
        if i == n:
            if len(acc) == width:
                found.append(list(acc))
                if sizes is not None:
                    sizes.append([starts[j + 1] - starts[j] for j in range(n)])
            return
        part = parts[i]
        nonlocal negate
        if isinstance(part, Marks):
            k = len(acc)
            for sign, counts in ((False, part.counts), (True, part.signed if i + 1 < n else ())):
                for count in counts:
                    if tokens_after[i + 1] <= width - k - count <= digits_after[i + 1] + most_after[i + 1]:
                        acc.extend([None] * count)
                        if all(c not in totals or sum_holds(c, None) for c in range(k, k + count)):
                            negate = sign
                            walk(i + 1, 0)
                            negate = False
                        del acc[k:]
            return
        if not isinstance(part, str):
            if negate:
                if not signed(len(acc), part):
                    return
                negate = False
                acc.append(-part)
                if holds():
                    walk(i + 1, 0)
                acc.pop()
                negate = True
                return
            acc.append(part)
            if holds():
                walk(i + 1, 0)
            acc.pop()
            return
        if pos == len(part):
            walk(i + 1, 0)
            return
        # each number that can start here must hold the row's sums (as holds()) and leave
        # what is left of the parts able to fill what is left of the row; tested inline (the
        # search tests them at every step), with what they read of the row taken once
        k = len(acc)  # the cell the next number fills
        total = totals.get(k)
        left = width - k - 1
        after = digits_after[i + 1] + len(part)
        fixed, most, need = fixed_after[i + 1], most_after[i + 1], tokens_after[i + 1]
        minus = negate and pos == 0  # this run's first number takes the sign before it
        if minus:
            negate = False
        for value, end in _heads(part, pos):
            if kinds is not None and isinstance(value, float) and kinds[k] is not Kind.AMOUNT:
                continue  # a fraction in a count
            if minus:
                if not signed(k, value):
                    continue
                value = -value
            if total is not None and not sum_holds(k, value):
                continue
            digits = after - end
            if need <= left <= digits + most and digits <= (left - fixed) * (MAX_DIGITS + 3):
                acc.append(value)
                walk(i, end)
                acc.pop()
        if minus:
            negate = True

    walk(0, 0)
    return found


@lru_cache(maxsize=HEADS_KEPT)
def _heads(digits: str, pos: int) -> tuple[tuple[int | float, int], ...]:
    """Numbers that can start at ``pos``: (value, position after it). (Kept: the search
    comes back to the same positions of the same run many times.)"""
    return tuple(_read_heads(digits, pos))


def _read_heads(digits: str, pos: int) -> list[tuple[int | float, int]]:
    out: list[tuple[int | float, int]] = []
    rest = digits[pos:]
    if rest[0] == "0":
        if len(rest) > 1 and rest[1] == ".":
            m = _NUMBER.match(rest)
            assert m is not None  # rest starts with "0"
            return [(float(m.group(0)), pos + m.end())]
        return [(0, pos + 1)]
    for cut in range(1, min(len(rest), MAX_DIGITS) + 1):
        head = rest[:cut]
        if not head.isdigit():
            break
        if cut < len(rest) and rest[cut] == ",":
            # a thousands separator lies inside the number it ends: the number takes it and
            # its groups, from at most three digits before it; no number ends at a comma
            m = _GROUPED.match(rest, cut)
            if m and cut <= THOUSANDS_GROUP:
                out.append((int(head + m.group(0).replace(",", "")), pos + m.end()))
            break
        if cut < len(rest) and rest[cut] == ".":
            m = _NUMBER.match(rest)
            if m and m.group(2):
                for frac_end in range(2, len(m.group(2)) + 1):
                    out.append((float(head + m.group(2)[:frac_end]), pos + cut + frac_end))
            break
        out.append((int(head), pos + cut))
    return out
