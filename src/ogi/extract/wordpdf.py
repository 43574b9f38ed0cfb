"""Table 三 of a Word PDF in poppler's reading order: rows of zeros read from its column stacks.

LibreOffice's PDF of a report's DOCX draws table 三 without ruling lines, and ``pdftotext``
(without ``-layout``) reads it as *stacks* (docs/renderings.md §54, §55): it prints every row
label first, then the values as blocks, one value a line, a blank line after each block. A
block is the cells of ``k`` adjacent columns over one *band* of rows — a band is a stretch of
rows one line tall, ended by a row whose label wraps (a taller row is a band of its own) —
printed column after column, top to bottom. The blocks of one band are printed together, the
bands top to bottom, but in up to two *flows* a page: the columns left of the header's
其他/总计 cells for every band first, then the columns right of them (a header cell may take a
band's first block of the columns under it, so which block is which column is the reading
order's alone)::

    0 0 0 0 0 0 0 0 0 ⏎⏎ 1 0 1 ⏎⏎ 0 0 0 ⏎⏎ 0 ⏎⏎ 0 ⏎⏎ 0 ⏎⏎ 0 ⏎⏎ 0 …(×9) ⏎⏎ …  其他 ⏎ 总计 ⏎ 0 0 0 ⏎⏎ 1 0 1 ⏎⏎ 0 …

(band one: three rows, a block of three columns, then 自然人's and 商业企业's; band two: one
row, one value a block; the second flow: 其他 and 总计 of band one, …). The aligner finds no
row a value follows, and the boxes reader (``extract/boxes.py``), which reads blocks of
columns with every identity of the table, spends its budget on so many blocks of zeros.

No identity tells table 三's applicant columns apart (a row's 总计 is the sum of the six in
any order), so no column can be read from this print. But a block's *rows* follow from the
bands alone: the value at offset ``j`` of any of its columns is a cell of the band's ``j``-th
row. So a row's seven values are known as a set for every way of cutting the page's blocks
into bands and flows, and where that set is seven equal values in *every* such way, each of
the row's cells holds that value whatever its column (the row identity, 总计 = the six
others, makes it 0). This reader enumerates those ways, page by page (a page break cuts the
table between two rows: a page's values are ``7 ×`` its rows, its rows the next ones of the
template):

- the page's values, cut at every blank line into blocks (a line of several values, or a
  value that is no count, and nothing is read);
- every assignment of the blocks, in print order, to bands: a block lies in one band, of
  height ``h`` dividing its length, ``length / h`` columns of it, printed column after column
  or — the page's first block, under the header, which poppler may print line by line —
  row after row (both are tried); every other block is one stack; a band holds seven columns;
  the bands' heights sum to the page's rows; a flow takes bands top to bottom (it may skip
  one), a second flow starts again above, no third;
- each assignment must make every row a row of table 三: its seven values sum to twice the
  largest (总计 is the largest and the sum of the rest, whatever its column);
- a row is read only where every assignment gives it seven equal values, and the same.

It runs only where the aligner and the boxes reader left table 三 entirely null (so nothing
read otherwise is changed), on texts that show their pages and print every row label of the
table once, in the template's order, all but two at most recognised (the rows of the stacks
are taken in that order); the rest of the table stays
null with a ``CELL_AMBIGUOUS`` finding. Where an assignment count or the search's steps pass
their bounds (:data:`MAX_WAYS`, :data:`MAX_STEPS`), nothing is read."""

from __future__ import annotations

import collections
import itertools
from collections.abc import Sequence

from ..errors import OgiError
from ..model import Finding
from ..template.formats import TableSpec
from .align import Placed, place_cells
from .boxes import Run, runs_of
from .layout import Event
from .tokens import NUM, Token

TABLE = "table3"
MAX_FLOWS = 2  # a page's flows: the columns left of 其他/总计, then the right ones (§54)
MAX_WAYS = 5_000  # distinct outcomes (rows read one way) of a page's search before giving up
# row labels the text may print unrecognised: a wrapped label whose lines a tall group cell's
# pieces interleave (``2.申请人逾期未按收费通知要 ⏎ 处理 ⏎ 求缴纳费用…``) matches no label
MAX_LABELS_UNREAD = 2
MAX_STEPS = 50_000  # states a page's search visits before giving up


def reread_word_stacks(spec: TableSpec, evs: list[Event], placed: Placed, pages: Sequence[int]) -> Placed:
    """``placed``, or — where table 三 is entirely null and its values print as poppler's
    column stacks of a Word PDF — the rows every cutting of the stacks into bands gives seven
    equal values (module docstring), the rest null with a finding."""
    if spec.key != TABLE or not pages or any(v is not None for v in placed.cells.values()) \
            or _total_column(spec) is None:
        return placed
    if not _labels_in_order(spec, evs):
        return placed
    rows = _rows_read(spec, evs, pages)
    if not rows:
        return placed
    total = _total_column(spec)
    cells: dict = {}
    for row in spec.rows:
        tok, every = rows.get(row.key, (None, False))
        for r, c, _ in row.cells:
            cells[(r, c)] = tok if every or c == total else None
    if not _columns_hold(spec, cells):
        return placed
    out = Placed(columns_kept=placed.columns_kept)
    unsure = place_cells(spec, cells, out, "stacks")
    whole = sum(1 for _, one in rows.values() if one)
    out.findings.append(Finding.of(
        "CELL_AMBIGUOUS",
        f"{spec.name.zh}的数值按列分块印出(各块所属的列无法确定),只读入各种读法下全为同一数值的 "
        f"{whole} 行及 {len(rows) - whole} 行的总计,其余 {len(unsure)} 个单元格未采用",
        f"{spec.key} printed as column stacks whose columns cannot be told; only the {whole} row(s) every "
        f"reading gives one value, and {len(rows) - whole} row(s)' 总计, were read; {len(unsure)} cell(s) left null",
        spec.key))
    return out


def _columns_hold(spec: TableSpec, cells: dict) -> bool:
    """Does every identity over rows (一+二 = (七)+四, (七) = the outcomes) hold in every
    column where the cells read give all its terms?"""
    for ident in spec.column_identities:
        for c in {c for _, c, _ in spec.rows[0].cells}:
            terms = [cells.get((r, c)) for r in (*ident.left, *ident.right)]
            known = [t.value for t in terms if t is not None]
            if len(known) < len(terms):
                continue
            if sum(known[:len(ident.left)]) != sum(known[len(ident.left):]):
                return False
    return True


def _labels_in_order(spec: TableSpec, evs: list[Event]) -> bool:
    """Does the text print the table's row labels once each, in the template's order, all
    but :data:`MAX_LABELS_UNREAD` of them found? The stacks give a page's rows in print
    order; only where that is the template's are they its rows (a row printed first,
    ``<tfoot>``'s totals, would take another's values)."""
    keys = {row.key for row in spec.rows}
    printed = []
    for ev in evs:
        if ev.kind == "phrase" and ev.segment is not None:
            phrase = ev.segment.in_table(spec.key)
            if phrase is not None and phrase.kind == "row" and phrase.ref in keys:
                printed.append(phrase.ref)
    order = {row.key: i for i, row in enumerate(spec.rows)}
    places = [order[key] for key in printed]
    return (all(a < b for a, b in itertools.pairwise(places))
            and len(spec.rows) - len(places) <= MAX_LABELS_UNREAD)


def _total_column(spec: TableSpec) -> str | None:
    """The column that is the sum of every other of its row (table 三's 总计), from the
    table's row identity; None where the table has no such identity."""
    columns = {c for _, c, _ in spec.rows[0].cells}
    for ident in spec.row_identities:
        if len(ident.left) == 1 and {*ident.left, *ident.right} == columns:
            return ident.left[0]
    return None


def _rows_read(spec: TableSpec, evs: list[Event], pages: Sequence[int]) -> dict[str, tuple[Token, bool]]:
    """Row key → (a token of its value, whether every cell holds it — else its 总计 does),
    for the rows every assignment reads so."""
    width = len(spec.rows[0].cells)
    if any(len(row.cells) != width for row in spec.rows):
        return {}
    runs = runs_of(evs, spec, pages)
    if not runs or any(run.line for run in runs):
        return {}
    by_page: dict[int | None, list[list[Token]]] = {}
    for run in runs:
        by_page.setdefault(run.page, []).extend(_blocks(evs, run))
    out: dict[str, tuple[Token, bool]] = {}
    first = 0
    for page in sorted(by_page, key=lambda p: -1 if p is None else p):
        blocks = by_page[page]
        count = sum(len(b) for b in blocks)
        if count % width:
            return {}
        n = count // width
        if first + n > len(spec.rows):
            return {}
        read = _page_rows(blocks, n, width)
        if read is None:
            return {}
        for i, one in read.items():
            out[spec.rows[first + i].key] = one
        first += n
    if first != len(spec.rows):
        return {}
    return out


def _blocks(evs: list[Event], run: Run) -> list[list[Token]]:
    """The run cut at every blank line: the events of its values are consecutive."""
    out: list[list[Token]] = [[]]
    previous = None
    for k, tok in enumerate(run.values):
        line = evs[run.at + k].pos.line
        if previous is not None and (line is None or line - previous > 1):
            out.append([])
        out[-1].append(tok)
        previous = line
    return out


class _Spent(OgiError):
    """The search passed :data:`MAX_STEPS`: nothing is known (raised and caught inside this
    module; in ogi's one exception tree like every error of ogi's own)."""


def _page_rows(blocks: list[list[Token]], rows: int, width: int) -> dict[int, tuple[Token, bool]] | None:
    """Row index (on the page) → (a token of a value, whether it is every cell's): every cell's
    where every assignment of the blocks to bands reads the row as ``width`` equal values,
    else its 总计's where every assignment gives the row one largest value; None where no
    assignment holds or the search passes its bounds.

    The search goes block by block in print order; its state is the bands opened so far —
    each one's height, columns filled and the values each of its rows holds so far (sorted:
    which column gave a value is not known anyway) — the band the flow is in and the flows
    begun. States reached twice (blocks of equal values assigned in another order) are
    searched once: each returns the set of outcomes (per row, its one value or None) of its
    completions."""
    if any(tok.kind != NUM or not isinstance(tok.value, int) or tok.value < 0 for b in blocks for tok in b):
        return None
    values = [tuple(int(tok.value or 0) for tok in b) for b in blocks]  # whole numbers ≥ 0: tested above
    memo: dict = {}
    steps = [0]
    left = [collections.Counter(len(v) for v in values[i:]) for i in range(len(values) + 1)]

    def search(i: int, bands: tuple, cur: int, flows: int) -> frozenset:
        key = (i, bands, cur, flows)
        if key in memo:
            return memo[key]
        steps[0] += 1
        if steps[0] > MAX_STEPS:
            raise _Spent
        if i == len(values):
            memo[key] = _outcome(bands, rows, width)
            return memo[key]
        if i and not _fillable(bands, left[i], rows, width):
            memo[key] = frozenset()
            return memo[key]
        n = len(values[i])
        used = sum(band[0] for band in bands)
        found: set = set()
        for b in range(len(bands) + 1):
            new = b == len(bands)
            flow = flows if b >= cur else flows + 1
            if flow > MAX_FLOWS:
                continue
            if flow == MAX_FLOWS and any(band[1] != width for band in bands[:b]):
                continue  # the last flow goes top to bottom: a band it passed is never filled
            if not new:
                heights = [bands[b][0]]
            elif i == 0:  # the page's first block, under the header: one or several stacks
                heights = [h for h in range(1, min(n, rows - used) + 1) if n % h == 0]
            else:  # any other block is one stack: its band is as tall as it is long
                heights = [n] if n <= rows - used else []
            for h in heights:
                k = n // h
                if n % h or k > width or (not new and bands[b][1] + k > width):
                    continue
                band = bands[b] if not new else (h, 0, ((),) * h)
                for across in ((False, True) if k > 1 else (False,)):
                    contents = tuple(tuple(sorted(band[2][j] + _row_of(values[i], h, k, j, across)))
                                     for j in range(h))
                    opened = (h, band[1] + k, contents)
                    after = bands[:b] + (opened,) + bands[b + 1:]
                    found |= search(i + 1, after, b, flow)
                    if len(found) > MAX_WAYS:
                        raise _Spent
        memo[key] = frozenset(found)
        return memo[key]

    try:
        outcomes = search(0, (), 0, 1)
    except _Spent:
        return None
    if not outcomes:
        return None
    first: dict[int, Token] = {}
    for b in blocks:
        for tok in b:
            first.setdefault(int(tok.value or 0), tok)
    out = {}
    for r in range(rows):
        ones = {o[r][0] for o in outcomes}
        tops = {o[r][1] for o in outcomes}
        if len(ones) == 1 and (v := ones.pop()) is not None:
            out[r] = (first[v], True)
        elif len(tops) == 1:
            out[r] = (first[tops.pop()], False)
    return out


def _row_of(values: tuple[int, ...], h: int, k: int, j: int, across: bool) -> tuple[int, ...]:
    """The values a block of ``k`` columns over ``h`` rows gives its ``j``-th row: printed
    column after column (a stack after a stack), or row after row (``across``: the block
    under the header prints its lines, each across its columns: wild5 00005's
    ``34 4 75 ⏎ 0 0 0 ⏎ 14 1 30`` one value a line) — the text cannot tell, so both are tried."""
    if across:
        return values[j * k:(j + 1) * k]
    return tuple(values[c * h + j] for c in range(k))


def _fillable(bands: tuple, left: collections.Counter, rows: int, width: int) -> bool:
    """Can the blocks still to come (each one stack: ``left`` counts them by length) fill the
    bands opened and the rows not yet in a band? A stack of length ``h`` goes to a band of
    height ``h``: the stacks of each length must fill the columns its bands lack and whole
    new bands, and the new bands the rows left, exactly."""
    used = sum(band[0] for band in bands)
    lacking: collections.Counter = collections.Counter()
    for h, cols, _ in bands:
        lacking[h] += width - cols
    new_rows = 0
    for h in set(lacking) | set(left):
        more = left[h] - lacking[h]
        if more < 0 or more % width:
            return False
        new_rows += more // width * h
    return used + new_rows == rows


def _outcome(bands: tuple, rows: int, width: int) -> frozenset:
    """{per row: its one value, or None} for a complete assignment; empty where the bands
    are not the page's rows, a band lacks a column, or a row is no row of table 三 (its
    values sum to twice the largest: 总计 is the largest and the sum of the rest)."""
    if sum(band[0] for band in bands) != rows or any(band[1] != width for band in bands):
        return frozenset()
    out = []
    for band in bands:
        for cells in band[2]:
            if len(cells) != width or sum(cells) != 2 * max(cells):
                return frozenset()
            out.append((cells[0] if cells[0] == cells[-1] else None, cells[-1]))
    return frozenset((tuple(out),))


__all__ = ["reread_word_stacks"]
