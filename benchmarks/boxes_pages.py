"""Two searches of pdfminer's text boxes measured this session and *not* put in the parser
(docs/renderings.md §38): the table searched page by page, and the search in pieces run
from the end of the print.

    PYTHONPATH=src .venv/bin/python benchmarks/boxes_pages.py [--steps N] [--search pages|backward|both] FILE.txt ...

For each file (a ``pdfminer`` or ``paged_pdfminer`` text of the shape matrix's cache, with
``expected/<stem>.json`` beside it) table 三's runs are taken as ``extract/boxes.py`` takes
them, and where their count is the table's cells:

* ``pages`` — where the page breaks show which rows each page holds (``boxes.bands``), each
  page is searched alone in the model of ``boxes._Pieces`` with only the identity instances
  whose cells lie on it (a row's 总计), every distinct reading of its cells collected
  (:class:`Page`); then the pages are combined by the identities that cross pages (table 三's
  column identities, linear: the sums the pages before and after a page reach, forward and
  backward, :func:`combine`). A page is first searched one block a run, in pieces only where
  that has no reading (a page-by-page version of the parser's order of models, *not* the
  parser's: only measured here, since nothing was read by it). Prints each page's readings (or ``spent``) and steps, and the cells
  the combination agrees on, right and wrong.
* ``backward`` — ``boxes._Pieces`` run on the runs in reverse order, each reversed, on the
  table turned upside down and right to left (:func:`backwards`): the same readings, met in
  another order (总计 first where it is printed last). Prints cells agreed, right, wrong, or
  ``no reading`` / ``spent``, with the steps used.

Steps are counts (the same on any machine); CPU seconds are printed for scale only."""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import ogi
from ogi import extract
from ogi.extract import boxes
from ogi.extract.boxes import MAX_PIECES, Run, _Pieces, _Spent, _suits, bands
from ogi.extract.tokens import Token
from ogi.template.arithmetic import instances
from ogi.template.formats import TableSpec

PAGE_STEPS = 20_000  # states and placements of the page searches together (a step's cost as in _Pieces)
MAX_PAGE_READINGS = 512  # distinct readings (cell values) of one page before giving up
MAX_SUMS = 20_000  # crossing instances' differences the pages before (or after) one page reach, before giving up
MAX_PAIRS = 400_000  # (differences so far, page reading) pairs summed while combining the pages, before giving up

Cell = tuple[str, str]
Reading = frozenset  # of ((row index, column position), value): one page's cells


class Page(_Pieces):
    """The readings of one page's runs over its rows [top, end), tested with the identity
    instances whose cells all lie in those rows. Every distinct set of cell values a reading
    gives is collected (:meth:`readings`), not only whether one exists."""

    def __init__(self, spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None],
                 top: int, end: int, budget: list[int]):
        super().__init__(spec, runs, named, budget)
        self.top, self.height = top, end
        self.band = [(top, end)] * len(runs)
        self.paged = True
        self.row_span = [(0, len(self.flat))] * end
        row_of = {row_key: r for r, row in enumerate(spec.rows) for row_key, _, _ in row.cells}
        where = {cell[:2]: (r, c) for r, row in enumerate(spec.rows) for c, cell in enumerate(row.cells)}
        sides: list[tuple[int, int]] = []
        self.touch = {}
        self.members = []
        for identity in spec.identities:
            for left, right in instances(spec, identity):
                if not all(top <= row_of[r] < end for r, _ in left + right):
                    continue  # crosses pages: tested when the pages are combined
                for cell in left:
                    self.touch.setdefault(cell, []).append((len(sides), 1))
                for cell in right:
                    self.touch.setdefault(cell, []).append((len(sides), -1))
                sides.append((len(left), len(right)))
                self.members.append((tuple(where[cell] for cell in left), tuple(where[cell] for cell in right)))
        self.sides = tuple(sides)
        self.tokens: dict[tuple[tuple[int, int], int | float], Token] = {}
        self.complete: dict[tuple, frozenset[Reading]] = {}
        self.max_pieces = MAX_PIECES

    def _pieces_at(self, j: int, i: int, p: int, fills: tuple[int, ...]):
        """:meth:`_Pieces._pieces_at`, each run one block where ``max_pieces`` is 1."""
        rest = len(self.runs[j].values) - i
        for piece in super()._pieces_at(j, i, p, fills):
            if self.max_pieces > 1 or piece[3] == rest:
                yield piece

    def readings(self) -> frozenset[Reading]:
        """Every distinct reading of the page (raises :class:`_Spent` past the budgets)."""
        if not self.bounded:
            return frozenset()
        return self._all(0, 0, 0, (self.top,) * self.width, (0,) * len(self.sides), self.sides)

    def _all(self, j: int, i: int, p: int, fills: tuple[int, ...], diffs: tuple, rest: tuple) -> frozenset[Reading]:
        """The readings of the cells still open from this state (run ``j`` from its value
        ``i``, ``p`` pieces of it placed): :meth:`_Pieces._cut`, collecting values."""
        if j == len(self.runs):
            return frozenset({frozenset()}) if all(f == self.height for f in fills) else frozenset()
        key = (j, i, p, fills, diffs)
        known = self.complete.get(key)
        if known is not None:
            return known
        self._known_or_spend(key)
        values = self.runs[j].values
        out: set[Reading] = set()
        for h, k, c0, m in self._pieces_at(j, i, p, fills):
            if self.budget[0] <= 0:
                raise _Spent
            self.budget[0] -= 1
            placed = self._put(values[i:i + m], h, k, c0, fills[c0], diffs, rest)
            if placed is None:
                continue
            new_diffs, new_rest, cells = placed
            new_fills = fills[:c0] + tuple(f + h for f in fills[c0:c0 + k]) + fills[c0 + k:]
            nj, ni, np_ = (j + 1, 0, 0) if i + m == len(values) else (j, i + m, p + 1)
            if not self._can_follow(self.start[nj] + ni, new_fills, new_diffs, new_rest):
                continue
            after = self._all(nj, ni, np_, new_fills, new_diffs, new_rest)
            if not after:
                continue
            here = frozenset((at, tok.value) for at, tok in cells)
            for at, tok in cells:
                self.tokens.setdefault((at, tok.value), tok)
            out.update(here | rest_of for rest_of in after)
            if len(out) > MAX_PAGE_READINGS:
                raise _Spent
        found = frozenset(out)
        self.complete[key] = found
        return found


def read_by_pages(spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None],
                  budget: list[int]) -> dict[Cell, Token | None] | None:
    """Cell → its token where every reading of the table in pieces (module docstring) gives
    it one value, None where readings differ; None for the table where its pages are not
    known or it has no reading; raises :class:`_Spent` where ``budget`` (steps) runs out or
    a bound of the combination is passed."""
    paged = bands(spec, runs)
    if paged is None:
        return None
    pages: list[tuple[tuple[int, int], list[int]]] = []
    for j, band in enumerate(paged):
        if not pages or pages[-1][0] != band:
            pages.append((band, []))
        pages[-1][1].append(j)
    if len({band for band, _ in pages}) != len(pages):
        return None  # a page's runs not printed together: not the print this reads
    searched: list[tuple[Page, list[Reading]]] = []
    for (top, end), js in pages:
        for most in (1, MAX_PIECES):  # one block a run where the page has such a reading
            page = Page(spec, [runs[j] for j in js], [named[j] for j in js], top, end, budget)
            page.max_pieces = most
            found = page.readings()
            if found:
                break
        if not found:
            return None
        searched.append((page, sorted(found, key=sorted)))
    kept = combine(spec, [readings for _, readings in searched])
    if kept is None:
        raise _Spent  # no combination holds, or a bound of the combination is passed
    out: dict[Cell, Token | None] = {}
    for (page, _), readings in zip(searched, kept):
        values: dict[tuple[int, int], set] = {}
        for reading in readings:
            for at, value in reading:
                values.setdefault(at, set()).add(value)
        for (r, c), seen in values.items():
            row_key, col, kind = spec.rows[r].cells[c]
            tok = page.tokens[((r, c), next(iter(seen)))] if len(seen) == 1 else None
            out[(row_key, col)] = tok if tok is None or _suits(tok, kind) else None
    return out


def combine(spec: TableSpec, pages: Sequence[list[Reading]]) -> list[list[Reading]] | None:
    """For each page, its readings that some readings of the other pages complete into a
    table whose crossing instances all hold (every instance's differences summed over the
    pages is zero); None where no combination holds or the sums reached exceed
    :data:`MAX_SUMS`."""
    index = {cell[:2]: (r, c) for r, row in enumerate(spec.rows) for c, cell in enumerate(row.cells)}
    terms: list[list[tuple[tuple[int, int], int]]] = []
    for identity in spec.identities:
        for left, right in instances(spec, identity):
            terms.append([(index[cell], 1) for cell in left] + [(index[cell], -1) for cell in right])

    def adds(reading: Reading) -> tuple:
        value = dict(reading)
        return tuple(sum(sign * value[at] for at, sign in term if at in value) for term in terms)

    added = [[adds(reading) for reading in readings] for readings in pages]
    pairs = [MAX_PAIRS]
    before = _reached(added, len(terms), pairs)
    after = _reached(added[::-1], len(terms), pairs)
    if before is None or after is None:
        return None
    after.reverse()  # after[i]: the sums pages i… reach
    kept: list[list[Reading]] = []
    for i, (readings, page) in enumerate(zip(pages, added)):
        needed = after[i + 1]
        pairs[0] -= len(before[i]) * len(set(page))
        if pairs[0] < 0:
            return None
        fits = {a for a in set(page) if any(tuple(-x for x in _plus(s, a)) in needed for s in before[i])}
        kept.append([reading for reading, a in zip(readings, page) if a in fits])
        if not kept[-1]:
            return None
    return kept


def _reached(added: Sequence[list[tuple]], width: int, pairs: list[int]) -> list[set[tuple]] | None:
    """The crossing instances' differences the first 0, 1, … pages reach, one set each; None
    past :data:`MAX_SUMS` sums or the pairs left in ``pairs``."""
    reached = [{(0,) * width}]
    for page in added:
        distinct = set(page)
        pairs[0] -= len(reached[-1]) * len(distinct)
        if pairs[0] < 0:
            return None
        reached.append({_plus(s, a) for s in reached[-1] for a in distinct})
        if len(reached[-1]) > MAX_SUMS:
            return None
    return reached


def _plus(a: tuple, b: tuple) -> tuple:
    return tuple(x + y for x, y in zip(a, b))


def backwards(spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None]
               ) -> tuple[TableSpec, list[Run], list[frozenset[int] | None]]:
    """The same table and runs seen from the end of the print: the runs in reverse order,
    each one's values reversed, on the table turned upside down and right to left (its last
    row first, each row's cells from 总计 back).

    A block of ``k`` columns over ``h`` rows, printed column after column from the top, read
    backwards is the same block of the turned table printed column after column from the
    top; a column printed from the top down is printed from the top down once turned; a
    page's rows are the turned page's (the pages counted from the last); a line (one row's
    cells, left to right) is still one row's cells, left to right. So every reading of the
    runs — one block a run, or pieces (:class:`_Pieces`) — is one of the turned runs and the
    reverse: the same readings, the same cells agreed, with the identities unchanged (an
    identity is a set of cells). What differs is the order the search meets them in: where
    总计 is printed last (``0 ×75 ⏎ 法律服务机构 ⏎ 其他 ⏎ 总计`` in one run), its rows' bounds bind
    only at the end of a search in print order and from the start of one backwards."""
    width = spec.rows[0].width
    rows = tuple(replace(row, cells=tuple(reversed(row.cells)), sums=()) for row in reversed(spec.rows))
    turned = [Run(run.at, tuple(reversed(run.values)), run.line, None if run.page is None else -run.page)
              for run in reversed(runs)]
    names = [None if n is None else frozenset(width - 1 - c for c in n) for n in reversed(named)]
    return replace(spec, rows=rows), turned, names


def _score(path: Path, agreed) -> str:
    if not isinstance(agreed, dict):
        return agreed
    expected = json.loads((path.parent / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))["table3"]
    read = {cell: tok.value for cell, tok in agreed.items() if tok is not None}
    wrong = [cell for cell, v in read.items() if expected[cell[0]][cell[1]] != v]
    return f"{len(read)} cells agreed, {len(read) - len(wrong)} right, {len(wrong)} wrong"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--steps", type=int, default=PAGE_STEPS)
    ap.add_argument("--search", choices=("pages", "backward", "both"), default="both")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    os.environ.setdefault("OGI_MAX_SECONDS", "900")
    reread = extract.reread_boxes
    path = Path()

    def hooked(spec, fmt, evs, placed, pages=()):
        runs = boxes.runs_of(evs, spec, pages) if spec.key == "table3" else None
        if runs and sum(len(r.values) for r in runs) == sum(row.width for row in spec.rows):
            named = boxes._named_columns(spec, fmt, evs, runs)
            if args.search in ("pages", "both"):
                budget = [args.steps]
                start = time.process_time()
                try:
                    agreed = read_by_pages(spec, runs, named, budget) if bands(spec, runs) else "pages not known"
                except _Spent:
                    agreed = "spent"
                agreed = "no reading" if agreed is None else agreed
                print(f"  pages: {_score(path, agreed)} ({args.steps - budget[0]} steps, "
                      f"{time.process_time() - start:.2f} s CPU)", flush=True)
            if args.search in ("backward", "both"):
                turned = backwards(spec, runs, named)
                search = _Pieces(*turned, [args.steps])
                start = time.process_time()
                try:
                    agreed = boxes._agreed_cells(turned[0], search.found) if search.holds() else "no reading"
                except _Spent:
                    agreed = "spent"
                print(f"  backward: {_score(path, agreed)} ({args.steps - search.budget[0]} steps, "
                      f"{time.process_time() - start:.2f} s CPU)", flush=True)
        return reread(spec, fmt, evs, placed, pages)

    extract.reread_boxes = hooked
    for name in args.files:
        path = Path(name)
        print(path, flush=True)
        ogi.parse(path)


if __name__ == "__main__":
    main()
