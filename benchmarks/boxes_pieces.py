"""Tables of pdfminer's text whose runs are several blocks: a search that reads them, measured
and not yet in the parser (docs/renderings.md §23).

    PYTHONPATH=src .venv/bin/python benchmarks/boxes_pieces.py FILE.txt [FILE.txt ...]

``extract/boxes.py`` reads a table of pdfminer's text boxes only where every run of values
is *one* block (k columns over h rows). Where tall rows cut the boxes of 其他 and 总计,
pdfminer prints runs of several blocks (``总计 (二)…(六)1 ⏎ 法律服务机构 (二)…(三)8 ⏎ 其他
(二)…(三)8`` in one run of 36), and no reading exists in that model. :class:`Pieces` is the
print-order search of ``boxes._Stacks`` with each run cut into at most :data:`MAX_PIECES`
blocks — a superset of the one-block readings — made tractable by one bound the print
order gives (see its docstring). For each file, the table 三 read this way is compared with
the file's ``expected/<stem>.json`` (beside it, as in the shape matrix's cache): cells
agreed, right, wrong; states used. It is a benchmark, not the parser: before it goes into
``read_boxes`` it must be measured on every shape (``/work/tools/dump.py``), on the matrix
and on unseen corpora with 0 wrong numbers, and made faster (states cost ~0.3 ms each)."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import ogi
from ogi import extract
from ogi.extract.boxes import (
    Run,
    _agreed_cells,
    _named_columns,
    _Spent,
    _Stacks,
    runs_of,
)
from ogi.extract.columns import _suits
from ogi.template.arithmetic import instances
from ogi.template.formats import TableSpec

MAX_PIECES = 4  # blocks one run may be cut into (measured: pdfminer cuts 其他 and 总计 of a run into at most four)
PIECES_STATES = 60_000  # states of the search in pieces before giving up


class Pieces(_Stacks):
    """The readings where a run may be *several* blocks, one after another, each placed
    where its columns are filled to (what pdfminer prints where tall rows cut the boxes of
    其他 and 总计: ``总计 (二)…(六)1 ⏎ 法律服务机构 (二)…(三)8 ⏎ 其他 (二)…(三)8`` in one run).

    A run of values is cut into at most :data:`MAX_PIECES` blocks; a run of zeros only stays
    one block (cut anywhere, its pieces could stand in any column: no identity tells them
    apart, and the search would enumerate them all). Every reading of :class:`_Stacks` is one
    of these (one block a run), so a cell agreed here is agreed among more readings.

    The cuts are many, and a piece of a row's parts printed before the row's total is not
    bounded by the sums until the total comes. What bounds it is the print order: a column
    is filled from the top down, so the cells a column still lacks take values still to come,
    *in print order*. Where an identity leaves one cell alone on its side (a row's 总计, a
    column's (七)总计) and values ≥ 0 are placed on the other, that cell is at least their sum;
    a column whose cells so bounded cannot be matched, in order, to values still to come that
    large (the first large enough for each, row after row) has no reading — the state is
    dropped. The test is necessary for a reading, so no reading is lost."""

    def __init__(self, spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None],
                 budget: list[int] | None = None):
        super().__init__(spec, runs, named, budget if budget is not None else [PIECES_STATES])
        where = {cell[:2]: (r, c) for r, row in enumerate(spec.rows) for c, cell in enumerate(row.cells)}
        self.alone: list[tuple[int, tuple[int, int], int]] = []  # (instance, cell alone on its side, sign of its side)
        n = 0
        for identity in spec.identities:
            for left, right in instances(spec, identity):
                if len(left) == 1:
                    self.alone.append((n, where[left[0]], 1))
                if len(right) == 1:
                    self.alone.append((n, where[right[0]], -1))
                n += 1
        self.flat = [tok.value for run in runs for tok in run.values]
        self.start = [0]
        for run in runs:
            self.start.append(self.start[-1] + len(run.values))
        self.largest = [max(self.flat[k:], default=0) for k in range(len(self.flat) + 1)]  # the largest value from k on

    def holds(self) -> bool:
        return self._cut(0, 0, 0, (0,) * self.width, (0,) * len(self.sides), self.sides)

    def _cut(self, j: int, i: int, p: int, fills: tuple[int, ...], diffs: tuple, rest: tuple) -> bool:
        """Can run ``j`` from its value ``i`` on (``p`` blocks of it placed) and the runs after
        it be placed from these fills with every identity holding? Records the cells of every
        placement that can."""
        if j == len(self.runs):
            return all(f == self.height for f in fills)
        key = (j, i, p, fills, diffs)
        known = self.memo.get(key)
        if known is not None:
            return known
        if self.budget[0] <= 0:
            raise _Spent
        self.budget[0] -= 1
        n = len(self.runs[j].values)
        ok = False
        for h, k, c0, m in self._pieces_at(j, i, p, fills):
            placed = self._put(self.runs[j].values[i:i + m], h, k, c0, fills[c0], diffs, rest)
            if placed is None:
                continue
            new_diffs, new_rest, cells = placed
            new_fills = fills[:c0] + tuple(f + h for f in fills[c0:c0 + k]) + fills[c0 + k:]
            nj, ni, np_ = (j + 1, 0, 0) if i + m == n else (j, i + m, p + 1)
            if not self._can_follow(self.start[nj] + ni, new_fills, new_diffs, new_rest):
                continue
            if self._cut(nj, ni, np_, new_fills, new_diffs, new_rest):
                ok = True
                for at, tok in cells:
                    self.found.setdefault(at, {}).setdefault(tok.value, tok)
        self.memo[key] = ok
        return ok

    def _pieces_at(self, j: int, i: int, p: int, fills: tuple[int, ...]) -> Iterator[tuple[int, int, int, int]]:
        """(h, k, first column, values taken) of every block the next piece of run ``j`` can
        be: the rest of the run where it is its last piece (a line, a run of zeros, the
        :data:`MAX_PIECES`-th), else any first part of it; longer pieces first."""
        run = self.runs[j]
        values = run.values[i:]
        n = len(values)
        last = run.line or p + 1 >= MAX_PIECES or all(tok.value == 0 for tok in run.values)
        named = self.named[j] if i == 0 else None
        found = []
        for c0 in range(self.width):
            a = fills[c0]
            room = 1 if run.line else self.height - a
            span = 0
            while c0 + span < self.width and fills[c0 + span] == a and span < n:
                span += 1
            if a == self.height or (named is not None and c0 not in named):
                continue
            for h in range(1, min(room, n) + 1):
                for k in range(1, span + 1):
                    m = h * k
                    if m > n or (last and m != n):
                        continue
                    if named is not None and not named.issuperset(range(c0, c0 + k)):
                        break
                    if all(_suits(tok, self.kinds[a + q % h][c0 + q // h]) for q, tok in enumerate(values[:m])):
                        found.append((m, h, k, c0))
        found.sort(key=lambda x: -x[0])
        for m, h, k, c0 in found:
            yield h, k, c0, m

    def _can_follow(self, g: int, fills: tuple[int, ...], diffs: tuple, rest: tuple) -> bool:
        """Can every column's missing cells still take values from the ``g``-th on, in print
        order, each at least the bound its identities set (class docstring)?"""
        bounds: dict[tuple[int, int], int | float] = {}
        for n, cell, sign in self.alone:
            lo, ro = rest[n]
            if (lo if sign > 0 else ro) != 1:
                continue  # the cell is placed, or not alone
            low = -sign * diffs[n]  # the sum placed on the other side
            if low > 0 and fills[cell[1]] <= cell[0] and low > bounds.get(cell, 0):
                bounds[cell] = low
        if not bounds:
            return True
        flat, largest, end = self.flat, self.largest, len(self.flat)
        for c in {c for _, c in bounds}:
            at = g
            for r in range(fills[c], self.height):
                low = bounds.get((r, c), 0)
                if low > largest[at] if at < end else True:
                    return False
                while flat[at] < low:
                    at += 1
                at += 1
        return True


def main() -> None:
    os.environ.setdefault("OGI_MAX_SECONDS", "900")
    seen: dict = {}
    reread = extract.reread_boxes

    def hooked(spec, fmt, evs, placed):
        if spec.key == "table3":
            runs = runs_of(evs, spec)
            if runs and sum(len(r.values) for r in runs) == sum(row.width for row in spec.rows):
                search = Pieces(spec, runs, _named_columns(spec, fmt, evs, runs))
                start = time.process_time()
                try:
                    agreed = _agreed_cells(spec, search.found) if search.holds() else None
                except _Spent:
                    agreed = "spent"
                seen.update(agreed=agreed, states=PIECES_STATES - search.budget[0],
                            cpu=time.process_time() - start)
        return reread(spec, fmt, evs, placed)

    extract.reread_boxes = hooked
    for name in sys.argv[1:]:
        path = Path(name)
        expected = json.loads((path.parent / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))["table3"]
        seen.clear()
        ogi.parse(path)
        agreed = seen.get("agreed")
        if not isinstance(agreed, dict):
            print(f"{path}: {agreed or 'not tried'} ({seen.get('states', 0)} states, {seen.get('cpu', 0):.1f} s CPU)")
            continue
        read = {cell: tok.value for cell, tok in agreed.items() if tok is not None}
        wrong = [cell for cell, v in read.items() if expected[cell[0]][cell[1]] != v]
        print(f"{path}: {len(read)} cells agreed, {len(read) - len(wrong)} right, {len(wrong)} wrong "
              f"({seen['states']} states, {seen['cpu']:.1f} s CPU)")


if __name__ == "__main__":
    main()
