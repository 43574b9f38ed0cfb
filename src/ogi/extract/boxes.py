"""Tables that pdfminer.six's layout analysis printed as text boxes, one value a line, a
column (or part of one) at a time — rebuilt only where the template leaves no choice.

``pdfminer`` (``extract_text``, ``pdf2txt.py`` with its default ``LAParams``) groups the
characters of a page into text boxes and prints box after box. A table without ruling
lines in the text becomes: the row labels in a block (a tall group label cut into pieces
around the rows beside it: ``（三）不 ⏎ 4.保护第三方合法权益 ⏎ 予公开``), the column headers one
character a line (``总 ⏎ 计``), then the values as *boxes*: the cells of one column over a
stretch of rows, top to bottom, one value a line — and several such columns, left to right,
in one run where nothing else was printed between them. Table 三 of a one-page table is
typically a single run of 7 × 25 values (column after column); a page break or a tall row
cuts it into more runs (``docs/boxes.md`` classifies every file of the shape matrix).

The reader takes the table's values as *runs*: a stretch of lines holding one value each,
or one line holding several (pdfminer joined one row's neighbouring cells, ``0 30``). Each
run is read as one *block*: the cells of k adjacent columns over h adjacent rows (rows of one
width), column after column, top to bottom (one row for a line of several values); ``h × k``
is the run's length. A reading of the table assigns every run a block such that

- the blocks cover every value cell of the table exactly once (so the number of values
  equals the table's cells);
- a column's pieces are printed from the top down: a run printed after another that shares
  a column holds lower rows of it;
- where the headers printed right before a run all name columns (``⾃ ⏎ 然 ⏎ ⼈ ⏎ 27 ⏎ 2 …``),
  the run lies in those columns — table 三's row totals cannot tell two applicant columns
  apart, the header can;
- every value suits its cell (a count is a whole number ≥ 0, an amount may have a
  fraction: :func:`ogi.extract.columns._suits`);
- every identity of the table holds in the rebuilt table (``ogi.template.arithmetic.
  table_holds``: table 三's row totals, 一+二 = (七)+四, (七)总计 = the outcomes; table 四's
  ``T4_TOTAL``), every instance testable.

Every such reading is enumerated (an exact cover search of at most :data:`MAX_STEPS`
steps); a cell is read only where all readings give it the same value, the others are null
with ``CELL_AMBIGUOUS``. Where there is no reading, or the budget is spent, nothing is
changed: the aligner's own reading and findings stand. A table without identities (table 二)
is never read so: no sum could tell a wrong tiling from the right one
(``columns.read_by_stacks`` reads it where its column headers fix the order).

Before the runs are cut, numbers that cannot be the table's are set aside, each ending a run
as text does: a line ending in a date (the paged print's running line ``打印日期:2025-01-20``,
whose box pdfminer prints among the table's) and a number no cell can hold (``58.16``, table
二's amount printed after table 三's boxes, among counts). Where the values are exactly as
many as the cells and all one number (a table of zeros), every reading gives every cell that
number: it is read so without the search, where it suits every cell and the identities hold.
Headers are taken to name a run's columns only where no piece of a column header (``社会公``,
``法律服``: two characters of one) lies unread beside them.

Where that search spends its budget (many runs of zeros that may stand in several columns),
the same readings are enumerated in print order (:class:`_Stacks`): a column's pieces come
from the top down and cover it once, so a run's block starts where each of its columns is
filled to, and the state — runs placed, each column's fill, each identity instance's
difference so far — is memoised: orders of equal values that reach one state are searched
once. Where the runs hold one value more than the table has cells (a ``0`` of another table
printed among the boxes), the text says one is not the table's but not which: each is set
aside in turn (it ends its run, as text does) and a cell is read only where every reading of
every choice gives it one value (:func:`_one_astray`).

Where no reading exists with every run one block — tall rows cut 其他 and 总计 into pieces of
different heights, and pdfminer prints several of them in one run (``总计 (二)…(六)1 ⏎ 法律服务机构
(二)…(三)8 ⏎ 其他 (二)…(三)8``) — the runs are searched again, in print order, each cut into at
most :data:`MAX_PIECES` blocks (:class:`_Pieces`); every open cell is bounded by the identity
instances it is in, and a state whose columns cannot take, top to bottom, values still to come
within those bounds is dropped. That search is bounded by a count of steps
(:data:`PIECES_STEPS`), so what it reads does not depend on the machine's load; where it
spends them, nothing is read.

**Pages.** pdfminer ends every page with a form feed; the text reader leaves where each
page opens (:data:`PAGE_STARTS`). A page break cuts a table between two rows, every column at
the same one (a row's cells stand side by side), so the values printed on a page are the
cells of whole rows, as many as the page holds values over the row's width: each run lies in
the rows of its page (:func:`bands`), a run ends at a page break, and the print-order bounds
match a cell only to values of its page. Where a page's values are no whole rows (a value
astray, a row cut by the break) nothing is said of pages and the searches run as without
them. Where the boxes have no reading, rows the aligner placed by position alone (their
label lost) are left null: the boxes' order is pdfminer's layout's, not the rows'.

**Rows and values the template does not count.** A value printed on the line of its row's
label (``7.属于行政执法案卷 0``: pdfminer joined the two boxes) lies in that row in every search
(:func:`on_label_lines`, :func:`run_bands`). Where the values are more than the cells and the
pages show page numbers among them — each page one value over whole rows holding a lone line of
its own number — those are set aside (``extract/boxes_pagenums.py``) before one value too many
is set aside in turn. Where the template's rows have no reading and the text prints a group of
sub-rows as one row, or an extra ``其中`` sub-row, the boxes are read against the rows it prints
(``extract/boxes_rows.py``).

**What the template does not count, set aside by the format.** A four-digit year glued before 年
on a label's line (``二、2023年结转…``, where the format says 上年) is no value (:func:`_label_years`).
Where the values outnumber the cells by exactly the runs printed before any of the table's own
labels and headers (table 二's last boxes, printed after table 三's heading), those runs are set
aside (:func:`_without_runs_ahead`). A table of one number with as many values as cells reads
so however it is printed, a row a line too. An unofficial subtotal column (小计, 合计 beside 总计)
is read against the widened table (``extract/boxes_subtotal.py``).

The reading replaces the aligner's only where the text is such boxes (every value a number of
running text, at least one run longer than a row) and the aligner left cells null; where
both read a cell and disagree, the cell is null with ``CELL_AMBIGUOUS``. Where the boxes have
no reading (a sparse table's marks are no numbers), rows the aligner read across two boxes in
a table whose count of values shows blank cells are left null (``extract/boxes_scattered.py``).
"""

from __future__ import annotations

import bisect
import collections
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..errors import OgiError
from ..model import Finding
from ..template.arithmetic import instances, row_sums_hold, table_holds
from ..template.formats import APPLICANT_COLUMNS, SUBTOTAL, Kind, TableSpec
from ..template.normalize import label_key
from .align import Placed, place_cells
from .boxes_scattered import distrust_scattered_rows
from .columns import _suits
from .layout import Event, phrase_in
from .tokens import NUM, Token

__all__ = ["MAX_STEPS", "PAGE_STARTS", "Run", "on_label_lines", "page_starts", "pages_of", "read_boxes", "read_runs", "reread",
           "run_bands", "runs_of"]

MAX_STEPS = 20_000  # search steps before giving up (measured: a table that reads takes at most a few thousand)
_SUBTOTAL_KEY = label_key(SUBTOTAL)
DATE_AT_END = re.compile(r"(?<!\d)(?:19|20)\d\d(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日?)$")  # a line ending in a date
ORGANISATIONS = "法人或其他组织"  # table 三's header over its five organisation columns
YEARS = range(1990, 2100)  # a four-digit number in this range glued before 年 is a year, not a count
YEAR_WORD = "年"  # the word after a year printed in a label (``2023年结转…``)
SUM_WORD = "合计"  # a subtotal column's other header word (beside 总计: extract/subtotal.py)

Cell = tuple[str, str]


@dataclass(frozen=True)
class Run:
    """Values printed with nothing between them: one a line (a stretch of a column box,
    or several columns' boxes one after another), or several on one line (the cells of one
    row that pdfminer joined into one text line, ``0 30``); and where the run starts."""

    at: int  # index of its first event
    values: tuple[Token, ...]
    line: bool = False  # the values share one line: they are adjacent cells of one row
    page: int | None = None  # the page it is printed on, where the text shows its page breaks
    row: int | None = None  # the row whose label its line holds (a value printed on its label's line)


@dataclass(frozen=True)
class Block:
    """A run read as the cells of ``k`` columns over ``h`` rows, column after column."""

    cells: tuple[Cell, ...]


def runs_of(evs: list[Event], spec: TableSpec | None = None, pages: Sequence[int] = ()) -> list[Run] | None:
    """The table's value runs: each line holding several values is a run of its own, and
    so is each stretch of lines holding one value each; None where a value is not a number
    of running text (then the text is not pdfminer's boxes). A line ending in a date, and
    (given the table) a number that suits none of its cells, end a run as text does."""
    lines: list[tuple[int, list[Token]]] = []  # (index of the first event, its values), one per line
    page_of = _page_of(pages)
    last_unit = None
    dates = _date_lines(evs)
    years = _label_years(evs)
    kinds = {kind for row in spec.rows for _, _, kind in row.cells} if spec is not None else set()
    for i, ev in enumerate(evs):
        if ev.kind != "value" or ev.unit in dates or i in years or (kinds and _foreign(ev.tok, kinds)):
            last_unit = None
            continue
        tok = ev.tok
        if tok.kind != NUM or not tok.free or tok.glued:
            return None
        if ev.unit == last_unit:
            lines[-1][1].append(tok)
        else:
            lines.append((i, [tok]))
        last_unit = ev.unit
    runs: list[Run] = []
    previous_end = -2
    for at, values in lines:
        page = page_of(evs[at].pos.line)
        if len(values) > 1:
            runs.append(Run(at, tuple(values), line=True, page=page))
        elif runs and not runs[-1].line and previous_end == at - 1 and runs[-1].page == page:
            runs[-1] = Run(runs[-1].at, runs[-1].values + (values[0],), page=page)
        else:
            runs.append(Run(at, (values[0],), page=page))
        previous_end = at + len(values) - 1
    return runs


PAGE_STARTS = "page_starts"  # Document.meta key: where a text's pages open (text reader → the boxes)


def page_starts(text: str) -> str:
    """The 1-based numbers of the lines that open a page after the first, comma-separated,
    from a text's form feeds (pdfminer and poppler end every page with one), its lines
    counted as ``str.splitlines`` counts them (a form feed ends a line there). Empty where the
    text shows no page break."""
    return ",".join(str(n + 1) for n, line in enumerate(text.splitlines(keepends=True), start=1)
                    if line.endswith("\f"))


def pages_of(meta: dict[str, str]) -> tuple[int, ...]:
    """The lines that open a page (:func:`page_starts`), read back from a Document's meta."""
    found = meta.get(PAGE_STARTS)
    return tuple(int(n) for n in found.split(",")) if found else ()


def _page_of(pages: Sequence[int]):
    """Line number → the page it is on, given the first line of every page after the first
    (the form feeds of the text); always None where the text shows no page break."""
    if not pages:
        return lambda line: None
    return lambda line: None if line is None else bisect.bisect_right(pages, line)


def bands(spec: TableSpec, runs: Sequence[Run]) -> list[tuple[int, int]] | None:
    """For each run, the rows [first, end) of the page it is printed on: a page break cuts a
    table between two rows, every column at the same one (a row's cells stand side by side,
    on one page), so the values of a page are the cells of whole rows, and as many rows as
    the page holds values over the row's width. None where that does not hold — the text
    shows no page breaks, the rows differ in width, or a page's values are no whole rows
    (a value astray, a row cut by the page break): then nothing is said of pages."""
    if not runs or any(run.page is None for run in runs) or not _even(spec):
        return None
    width = spec.rows[0].width
    per_page: collections.Counter = collections.Counter()
    for run in runs:
        per_page[run.page] += len(run.values)
    if len(per_page) < 2 or any(n % width for n in per_page.values()):
        return None
    first: dict[int | None, tuple[int, int]] = {}
    row = 0
    for page in sorted(per_page):
        first[page] = (row, row + per_page[page] // width)
        row += per_page[page] // width
    return [first[run.page] for run in runs]


def run_bands(spec: TableSpec, runs: Sequence[Run]) -> list[tuple[int, int]] | None:
    """For each run, the rows [first, end) it may lie in: its page's (:func:`bands`), and
    only its own row where its line holds a row's label (:func:`on_label_lines`) — an empty
    range where that row is not on its page (no reading then). None where neither is known."""
    paged = bands(spec, runs)
    if all(run.row is None for run in runs):
        return paged
    out = []
    for run, (top, end) in zip(runs, paged or [(0, len(spec.rows))] * len(runs)):
        if run.row is None:
            out.append((top, end))
        else:
            out.append((run.row, run.row + 1) if top <= run.row < end else (run.row, run.row))
    return out


def on_label_lines(spec: TableSpec, fmt: str, evs: list[Event], runs: list[Run]) -> list[Run]:
    """The runs, each printed on one line that also holds the label of one of the table's
    rows (``2.其他法律法规禁止公开 0``: pdfminer joins a value's box to its label's where the two
    stand close on one row) marked with that row: a text line is one band of the page, so
    the value is a cell of that row. A phrase that may also be read as a column header
    (``其他``, ``总计``) marks no row."""
    index = {row.key: r for r, row in enumerate(spec.rows)}
    rows_on: dict[int, set[int]] = {}
    for ev in evs:
        if ev.kind != "phrase":
            continue
        phrase = phrase_in(ev.seg, spec.key, fmt)
        if (phrase is not None and phrase.kind == "row" and phrase.ref in index
                and not any(p.kind == "header" and p.table == spec.key for p in ev.seg.phrases)):
            rows_on.setdefault(ev.unit, set()).add(index[phrase.ref])
    if not rows_on:
        return runs
    out = []
    for run in runs:
        units = {evs[run.at].unit} if run.line or len(run.values) == 1 else set()
        rows = rows_on.get(next(iter(units)), set()) if units else set()
        out.append(Run(run.at, run.values, run.line, run.page, next(iter(rows))) if len(rows) == 1 else run)
    return out


def _foreign(tok: Token, kinds: set) -> bool:
    """Is this a number no cell of the table can hold (``58.16`` among table 三's counts: the
    amount of table 二's last cell, whose box pdfminer printed after table 三's)?"""
    return tok.kind == NUM and not tok.glued and not any(_suits(tok, kind) for kind in kinds)


def _date_lines(evs: list[Event]) -> set[int]:
    """The lines (units) whose text ends in a date, ``打印日期:2025-01-20``: a paged print's
    running line, which pdfminer prints wherever its box falls, among a table's boxes too. No
    cell of a table is a date, so its numbers are no values (they end a run, as text does)."""
    text: dict[int, str] = {}
    for ev in evs:
        if ev.kind == "value":
            text[ev.unit] = text.get(ev.unit, "") + ev.tok.text
        elif ev.kind in ("phrase", "gap"):
            text[ev.unit] = text.get(ev.unit, "") + ev.seg.text
    return {unit for unit, t in text.items() if DATE_AT_END.search(t)}


def _label_years(evs: list[Event]) -> set[int]:
    """The events that are a year printed inside a row label or header where the format says
    本年/上年/下年度 (``二、2023年结转政府信息公开申请数量``, ``四、结转2025年继续办理``): a
    four-digit year (:data:`YEARS`) glued before 年 and the label's words on its own line. No
    cell's value is followed by 年 on its line in pdfminer's boxes (one value a line), so these
    are no values: they end a run, as text does."""
    out = set()
    for i, ev in enumerate(evs[:-1]):
        after = evs[i + 1]
        if (ev.kind == "value" and ev.tok.kind == NUM and ev.tok.text.isdigit() and int(ev.tok.text) in YEARS
                and after.kind in ("phrase", "gap") and after.unit == ev.unit and after.seg.text.startswith(YEAR_WORD)):
            out.add(i)
    return out


def _has_subtotal(evs: list[Event]) -> bool:
    """Does the table show a column the template does not have (小计)?"""
    return any(ev.kind == "phrase" and ev.seg.text == _SUBTOTAL_KEY for ev in evs)


def _widened(spec: TableSpec) -> bool:
    """Is this table 三 widened by the subtotal column (``extract/boxes_subtotal.py``)?"""
    return any(c == _SUBTOTAL_KEY for _, c, _ in spec.rows[0].cells) if spec.rows else False


def _blocks(spec: TableSpec, run: Run, band: tuple[int, int] | None = None) -> list[Block]:
    """Every block this run can be: h rows of one width from row a, k columns from c0 (one
    row where the values share a line); within the rows of its page where they are known
    (:func:`bands`)."""
    n = len(run.values)
    rows = spec.rows
    top, end = band or (0, len(rows))
    out: list[Block] = []
    for h in range(1, 2 if run.line else min(n, len(rows)) + 1):
        if n % h:
            continue
        k = n // h
        for a in range(top, end - h + 1):
            block_rows = rows[a:a + h]
            width = block_rows[0].width
            if k > width or any(r.width != width for r in block_rows):
                continue
            for c0 in range(width - k + 1):
                cells = [r.cells[c] for c in range(c0, c0 + k) for r in block_rows]
                if all(_suits(tok, kind) for tok, (_, _, kind) in zip(run.values, cells)):
                    out.append(Block(tuple((r, c) for r, c, _ in cells)))
    return out


def read_boxes(spec: TableSpec, fmt: str, evs: list[Event], pages: Sequence[int] = ()) -> dict[Cell, Token | None] | None:
    """Cell → its token where every reading of the table as blocks (module docstring) gives
    it the same value, None where two readings differ; None for the whole table where it has
    no such reading, too many to enumerate, or is no table of boxes."""
    if not spec.identities:
        return None
    runs = runs_of(evs, spec, pages)
    if not runs or _has_subtotal(evs) and not _widened(spec):
        return None
    runs = on_label_lines(spec, fmt, evs, runs)
    cells = sum(row.width for row in spec.rows)
    count = sum(len(run.values) for run in runs)
    if count < cells:
        return None
    if count == cells and (uniform := _uniform(spec, runs)) is not None:
        return uniform  # a table of one number, as many values as cells: every reading of any print gives it
    if max((len(run.values) for run in runs if not run.line), default=0) <= max(row.width for row in spec.rows):
        return None  # no run longer than a row: the text is printed row by row (the aligner's)
    named = _named_columns(spec, fmt, evs, runs)
    if count > cells:
        # imported here: the module imports this one
        from .boxes_pagenums import read_without_page_numbers

        by_pages = read_without_page_numbers(spec, runs, named)
        if by_pages is not None:
            return by_pages
        astray = _one_astray(spec, runs, named) if count == cells + 1 else None
        return astray if astray is not None else _without_runs_ahead(spec, evs, runs, named, cells)
    try:
        return read_runs(spec, runs, named)
    except _Spent:
        return None


def _without_runs_ahead(spec: TableSpec, evs: list[Event], runs: list[Run], named: list[frozenset[int] | None],
                        cells: int) -> dict[Cell, Token | None] | None:
    """The table read without the runs printed before any of its own words, where those hold
    exactly the values too many: pdfminer prints a box where its layout puts it, and the boxes
    of the table before (table 二's last values) may follow the next heading
    (``三、收到和处理政府信息公开申请情况 ⏎ 0 ⏎ 17 ⏎ 356 …`` before table 三's first label or
    header). No cell of a table is printed before every label and header of it in the boxes'
    print, the headers are boxes of their own. The rest is read as any table of boxes (every
    reading agreeing, every identity holding); None otherwise."""
    first_word = next((i for i, ev in enumerate(evs) if ev.kind in ("phrase", "gap")), len(evs))
    ahead = sum(1 for run in runs if run.at < first_word)
    if not ahead or sum(len(run.values) for run in runs[ahead:]) != cells:
        return None
    try:
        return read_runs(spec, runs[ahead:], named[ahead:])
    except _Spent:
        return None


def read_runs(spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None],
              budgets: tuple[list[int], ...] | None = None) -> dict[Cell, Token | None] | None:
    """Cell → its token where every reading of these runs (exactly as many values as the
    table has cells) agrees, None where two differ; None for the table where it has no
    reading. Raises :class:`_Spent` where a search spent its budget (then nothing is known).
    ``budgets``: the print-order and in-pieces searches' budgets (:data:`MAX_STATES`,
    :data:`PIECES_STEPS`, and optionally :data:`FIRST_NAMED_STEPS`), shared by several calls on
    one table (each its own by default).

    Where the search in pieces proves there is no reading and some run's headers name its
    columns, it is run once more with the headers naming only the run's *first* piece: pdfminer
    prints a column's header box right before the box it heads, but where tall rows cut the
    boxes of 其他 and 总计 it prints, after ``总 ⏎ 计``, 总计's piece and then 其他's (whose header
    ``其 ⏎ 他`` stood before the run of the organisations): synth100 00018's 2019 table 三. Every
    reading of the first search is one of these, and it runs only where that search found none,
    so no table read now changes."""
    uniform = _uniform(spec, runs)
    if uniform is not None:
        return uniform
    tiling = _Tiling(spec, runs, named)
    agreed = tiling.agreed()
    if agreed is not None or not _even(spec):
        if agreed is None and tiling.steps > MAX_STEPS:
            raise _Spent
        return agreed
    stacks_budget, pieces_budget, *loose = budgets or ([MAX_STATES], [PIECES_STEPS])
    if tiling.steps > MAX_STEPS:  # the budget was spent: the same readings, in print order
        stacks = _Stacks(spec, runs, named, stacks_budget)
        if stacks.holds():
            return _agreed_cells(spec, stacks.found)
    search = _Pieces(spec, runs, named, pieces_budget)  # no reading one block a run: runs of several blocks
    if search.holds():
        return _agreed_cells(spec, search.found)
    if not any(names is not None for names in named):
        return None
    # no reading with every piece in its run's named columns: the header names the first piece only
    search = _Pieces(spec, runs, named, loose[0] if loose else [FIRST_NAMED_STEPS], first_named_only=True)
    return _agreed_cells(spec, search.found) if search.holds() else None


def _even(spec: TableSpec) -> bool:
    """Do all the table's rows have one width (table 三, table 四)? The print-order search
    takes a column position to be a column of every row."""
    return all(row.width == spec.rows[0].width for row in spec.rows)


def _one_astray(spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None]) -> dict[Cell, Token | None] | None:
    """The table read from runs that hold one value more than it has cells: one of them is
    no value of the table (a number of table 二 printed among table 三's boxes), and which one
    the text does not say. Each is set aside in turn — ending its run, as text does — and the
    rest read in print order (:class:`_Stacks`); a cell is agreed where every reading of
    every choice gives it one value. A table of one number reads as that number whichever is
    set aside."""
    first = runs[0].values[0]
    if all(tok.value == first.value for run in runs for tok in run.values):
        return _uniform(spec, [Run(runs[0].at, runs[0].values[1:], runs[0].line, runs[0].page, runs[0].row)] + runs[1:])
    if not _even(spec):
        return None
    found: dict[tuple[int, int], dict[int | float, Token]] = {}
    budget = [MAX_STATES]
    for j, run in enumerate(runs):
        for i in range(len(run.values)):
            parts = [(Run(run.at, run.values[:i], run.line, run.page, run.row), named[j]),
                     (Run(run.at + i + 1, run.values[i + 1:], run.line, run.page, run.row), named[j] if run.line else None)]
            kept = [(part, names) for part, names in parts if part.values]
            search = _Stacks(spec, runs[:j] + [part for part, _ in kept] + runs[j + 1:],
                             named[:j] + [names for _, names in kept] + named[j + 1:], budget=budget)
            try:
                if not search.holds():
                    continue
            except _Spent:
                return None
            for cell, values in search.found.items():
                for value, tok in values.items():
                    found.setdefault(cell, {}).setdefault(value, tok)
    return _agreed_cells(spec, found) if found else None


def _uniform(spec: TableSpec, runs: list[Run]) -> dict[Cell, Token | None] | None:
    """Every cell → the one value the table prints where all its values are one number (a
    table of zeros): as many values as cells, so every reading puts that number in every
    cell; None where the values differ or the identities fail."""
    values = [tok for run in runs for tok in run.values]
    if any(tok.value != values[0].value for tok in values):
        return None
    cells = {(r, c): values[0] for row in spec.rows for r, c, kind in row.cells}
    if not all(_suits(values[0], kind) for row in spec.rows for _, _, kind in row.cells):
        return None
    return dict(cells) if _confirmed(spec, cells) else None


def _column_names(spec: TableSpec) -> dict[str, frozenset[int]]:
    """Header text (label key) → the column positions it names, for a table whose rows
    share one set of columns (table 三: ``自然人`` the first; ``法人或其他组织`` the five
    organisations); empty for another table."""
    if spec.key != "table3":
        return {}
    at = {c: i for i, (_, c, _) in enumerate(spec.rows[0].cells)} if spec.rows else {}
    names = {label_key(m.label): frozenset({at[m.key]}) for m in APPLICANT_COLUMNS if m.key in at}
    names[label_key(ORGANISATIONS)] = frozenset(at[m.key] for m in APPLICANT_COLUMNS[1:-1] if m.key in at)
    if _SUBTOTAL_KEY in at:  # the widened table (extract/boxes_subtotal.py): its header word names the subtotal
        names[_SUBTOTAL_KEY] = names[label_key(SUM_WORD)] = frozenset({at[_SUBTOTAL_KEY]})
    return names


def _named_columns(spec: TableSpec, fmt: str, evs: list[Event], runs: list[Run]) -> list[frozenset[int] | None]:
    """For each run, the columns the headers printed right before it name (pdfminer prints a
    column's header box right before its values where they fall in one block: ``自 ⏎ 然 ⏎ 人
    ⏎ 27 ⏎ 2 …``); None where they name none, or a header names no column (a caption, a note)."""
    names = _column_names(spec)
    mixed = _mixed_units(evs)
    out: list[frozenset[int] | None] = []
    for run in runs:
        named: set[int] = set()
        free = False
        i = run.at - 1
        while i >= 0 and evs[i].kind in ("phrase", "gap"):
            ev = evs[i]
            i -= 1
            if ev.kind == "gap":
                free = free or _pieces_of_headers(spec, ev.seg.text)
                continue
            phrase = phrase_in(ev.seg, spec.key, fmt)
            if phrase is None or phrase.kind != "header":
                break  # a row label: the headers before it are the whole table's
            cols = names.get(ev.seg.text)
            if cols is None or ev.unit in mixed:
                free = True  # no column's header, or words of a line that says more (``不计其他情形``)
            else:
                named |= cols
        out.append(frozenset(named) if named and not free else None)
    return out


def _mixed_units(evs: list[Event]) -> set[int]:
    """The lines (units) that hold words no label names (a gap) beside their phrases. A header
    box of pdfminer's is a line of its own (``其 ⏎ 他``, the lines joined); ``其他`` read inside
    a row label wrapped around a value (``只计这一情形,不计其他情 ⏎ 39 ⏎ 形)``, the paged print's
    table 三) names no column."""
    kinds: dict[int, bool] = {}
    for ev in evs:
        if ev.kind == "gap":
            kinds[ev.unit] = True
        elif ev.kind == "phrase":
            kinds.setdefault(ev.unit, False)
    return {unit for unit, mixed in kinds.items() if mixed}


def _pieces_of_headers(spec: TableSpec, text: str) -> bool:
    """Does unread text before a run hold pieces of the table's column headers (``社会公 ⏎
    法律服 ⏎ 益组织``, printed as pdfminer cut them)? Then the headers read beside it do not
    name all the run's columns."""
    names = _column_names(spec)
    return any(text[i:i + 2] in name for i in range(len(text) - 1) for name in names)


class _Tiling:
    """Every assignment of a block to each run that covers the table's cells exactly once
    and satisfies its identities, enumerated as an exact cover (the first uncovered cell
    chooses the runs that may cover it; a column's pieces must come from the top down in the
    order printed; a row is tested as soon as it is full)."""

    def __init__(self, spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None]):
        self.spec = spec
        self.cells: list[Cell] = [(r, c) for row in spec.rows for r, c, _ in row.cells]
        index = {cell: i for i, cell in enumerate(self.cells)}
        self.full = (1 << len(self.cells)) - 1
        self.runs = runs
        self.named = named
        self.by_cell: list[list[tuple[int, int, tuple[int, ...]]]] = [[] for _ in self.cells]
        paged = run_bands(spec, runs)
        for j, run in enumerate(runs):
            for block in _blocks(spec, run, paged[j] if paged else None):
                at = tuple(index[cell] for cell in block.cells)
                mask = sum(1 << i for i in at)
                for i in at:
                    self.by_cell[i].append((j, mask, at))
        self.feasible = all(any(j == k for cands in self.by_cell for k, _, _ in cands) for j in range(len(runs)))
        # column position → the (run, first row, last row) placed in it: a column is printed top to bottom
        self.in_column: dict[int, list[tuple[int, int, int]]] = {}
        self.span: dict[tuple[int, ...], tuple[list[int], int, int]] = {}
        self.rows = [(row, tuple(index[(r, c)] for r, c, _ in row.cells)) for row in spec.rows]
        self.rows_of = [[k for k, (_, at) in enumerate(self.rows) if i in at] for i in range(len(self.cells))]
        self.row_mask = [sum(1 << i for i in at) for _, at in self.rows]
        self.values: list[Token | None] = [None] * len(self.cells)
        self.steps = 0
        self.result: list[Token | None] | None = None
        self.readings = 0

    def agreed(self) -> dict[Cell, Token | None] | None:
        if not self.feasible or not self._walk(0, 0) or self.result is None:
            return None
        return dict(zip(self.cells, self.result))

    def _walk(self, covered: int, used: int) -> bool:
        """Enumerate from this state; False where the step budget ran out."""
        self.steps += 1
        if self.steps > MAX_STEPS:
            return False
        if covered == self.full:
            self._leaf()
            return True
        free = (~covered) & self.full
        first = (free & -free).bit_length() - 1
        for j, mask, at in self.by_cell[first]:
            if used >> j & 1 or mask & covered:
                continue
            columns, top, bottom = self._span(at)
            if not all(self._in_order(c, j, top, bottom) for c in columns):
                continue  # a column's pieces are printed from the top down
            named = self.named[j]
            if named is not None and not named.issuperset(columns):
                continue  # the headers printed right before the run name other columns
            run = self.runs[j]
            for i, tok in zip(at, run.values):
                self.values[i] = tok
            for c in columns:
                self.in_column.setdefault(c, []).append((j, top, bottom))
            now = covered | mask
            ok = not self._rows_hold(at, now) or self._walk(now, used | 1 << j)
            for c in columns:
                self.in_column[c].pop()
            for i in at:
                self.values[i] = None
            if not ok:
                return False
        return True

    def _span(self, at: tuple[int, ...]) -> tuple[list[int], int, int]:
        """The column positions, first and last row of a block (given by its cell indices)."""
        found = self.span.get(at)
        if found is None:
            rows = sorted({k for i in at for k in self.rows_of[i]})
            columns = sorted({self.rows[k][1].index(i) for i in at for k in self.rows_of[i]})
            found = self.span[at] = (columns, rows[0], rows[-1])
        return found

    def _in_order(self, column: int, j: int, top: int, bottom: int) -> bool:
        """Is a block of run ``j`` over rows top..bottom in this column below every piece of
        it printed before, and above every piece printed after?"""
        return all(b < top if k < j else bottom < t for k, t, b in self.in_column.get(column, ()))

    def _rows_hold(self, at: tuple[int, ...], covered: int) -> bool:
        """Does every row the block completed satisfy its row sums?"""
        for k in {k for i in at for k in self.rows_of[i]}:
            if self.row_mask[k] & ~covered:
                continue
            row, cells = self.rows[k]
            if not row_sums_hold(row, [_value_of(self.values[i]) for i in cells]):
                return False
        return True

    def _leaf(self) -> None:
        """A complete tiling: kept where the table's identities hold; cells two readings
        give different values are no longer agreed."""
        cells = {cell: tok for cell, tok in zip(self.cells, self.values) if tok is not None}
        if not _confirmed(self.spec, cells):
            return
        self.readings += 1
        if self.result is None:
            self.result = list(self.values)
            return
        for i, tok in enumerate(self.values):
            had = self.result[i]
            if had is not None and tok is not None and had.value != tok.value:
                self.result[i] = None


def _value_of(tok: Token | None) -> int | float | None:
    return None if tok is None else tok.value


def _confirmed(spec: TableSpec, cells: dict[Cell, Token]) -> bool:
    """Does every identity of the table hold, every instance of it testable?"""
    def value(r: str, c: str) -> int | float | None:
        tok = cells.get((r, c))
        return None if tok is None else tok.value

    testable = all(value(*cell) is not None for i in spec.identities
                   for left, right in instances(spec, i) for cell in left + right)
    return testable and table_holds(spec, value)


def reread(spec: TableSpec, fmt: str, evs: list[Event], placed: Placed, pages: Sequence[int] = ()) -> Placed:
    """``placed`` (the aligner's reading), or the reading of the table as pdfminer's boxes
    where the aligner left cells null and the boxes read (module docstring); where they do
    not, the aligner's rows that the boxes' order leaves unproven are null
    (:func:`.boxes_scattered.distrust_scattered_rows`)."""
    if not any(v is None for v in placed.cells.values()) and placed.cells:
        return placed
    from .boxes_subtotal import reread_widened  # the module imports this one

    wide = reread_widened(spec, fmt, evs, placed, pages)  # an unofficial subtotal column among the boxes
    if wide is not None:
        return wide
    cells = read_boxes(spec, fmt, evs, pages)
    if cells is None:
        return (_rows_otherwise(spec, fmt, evs, placed, pages)
                or distrust_scattered_rows(spec, fmt, evs, _rows_by_position(spec, evs, placed, pages)))
    return _placed(spec, spec, cells, placed)


def _rows_otherwise(spec: TableSpec, fmt: str, evs: list[Event], placed: Placed,
                    pages: Sequence[int]) -> Placed | None:
    """The table read as boxes where its text prints rows otherwise than the template
    (``extract/boxes_rows.py``): a group of sub-rows printed as one row (kept as the group's,
    its sub-rows null), or an extra sub-row (its values left out), each with the aligner's
    ``TEMPLATE_DEVIATION``; None where the text shows neither, or the boxes have no reading so."""
    from . import boxes_rows  # the module imports this one

    derived = boxes_rows.group_as_one_row(spec, fmt, evs) if spec.derived else None
    if derived is not None:
        rows = boxes_rows.one_row_spec(spec, derived)
        cells = read_boxes(rows, fmt, evs, pages)
        if cells is None:
            return None
        out = _placed(rows, spec, cells, placed)
        out.deviation_other = True
        out.rows_seen.update(spec.derived[derived])
        out.findings.append(boxes_rows.deviation(spec, derived))
        return out
    extra = boxes_rows.extra_row(spec, fmt, evs)
    if extra is None:
        return None
    cells = read_boxes(boxes_rows.extra_row_spec(spec, *extra), fmt, evs, pages)
    if cells is None:
        return None
    out = _placed(spec, spec, {cell: tok for cell, tok in cells.items() if cell[0] != boxes_rows.EXTRA_KEY}, placed)
    out.findings.append(boxes_rows.extra_deviation(spec, extra[1]))
    return out


def _placed(rows: TableSpec, spec: TableSpec, cells: dict[Cell, Token | None], placed: Placed) -> Placed:
    """The cells the boxes read (``rows``: the table they were read against) placed as the
    table's, null where the aligner read the cell otherwise or the readings differ."""
    out = Placed(columns_kept=placed.columns_kept)
    for (r, c), had in placed.cells.items():
        tok = cells.get((r, c))
        if had is not None and tok is not None and tok.value != had:
            cells[(r, c)] = None  # the aligner and the boxes disagree: neither is certain
    unsure = place_cells(rows, cells, out, "boxes")
    if unsure:
        out.findings.append(Finding.of(
            "CELL_AMBIGUOUS",
            f"{spec.name.zh}按文本框(逐列)读出时,{len(unsure)} 个单元格有多种读法,未采用",
            f"{spec.key} read as text boxes (column by column): {len(unsure)} cell(s) read more than one way; "
            "left null",
            spec.key if len(unsure) > 1 else f"{spec.key}.{unsure[0][0]}.{unsure[0][1]}"))
    return out


def _rows_by_position(spec: TableSpec, evs: list[Event], placed: Placed, pages: Sequence[int]) -> Placed:
    """``placed`` with the rows the aligner placed by position alone (their label lost,
    ``ROW_LABEL_MISSING``) left null where the page their values are printed on holds other
    rows (:func:`bands`): the place of a run among pdfminer's boxes says nothing of its row,
    the page it is on does (paged synth100 00097: 二's (六)1 row ``50 0 1 0 0 0 51``, printed
    one value a line on the page of rows (六)1…四, was taken for (五)5 — three wrong numbers)."""
    where = {f.where[len(spec.key) + 1:] for f in placed.findings
             if f.code == "ROW_LABEL_MISSING" and f.where and f.where.startswith(spec.key + ".")}
    if not where or not pages:
        return placed
    runs = runs_of(evs, spec, pages)
    if not runs:
        return placed
    paged = bands(spec, runs)
    if paged is None:
        return placed
    rows_of_page = {run.page: range(*band) for run, band in zip(runs, paged)}
    index = {row.key: r for r, row in enumerate(spec.rows)}
    page_of = _page_of(pages)
    lost = []
    for (row, col), v in placed.cells.items():
        line = placed.provenance.get((row, col), {}).get("line")
        if row in where and v is not None and line is not None:
            held = rows_of_page.get(page_of(line))
            if held is not None and index[row] not in held:
                lost.append(row)
    lost_rows = sorted(set(lost))
    cells = [(r, c) for (r, c), v in placed.cells.items() if r in lost_rows and v is not None]
    if not cells:
        return placed
    for cell in cells:
        placed.cells[cell] = None
        placed.provenance.pop(cell, None)
    placed.findings.append(Finding.of(
        "CELL_AMBIGUOUS",
        f"{spec.name.zh}印为文本框(逐列),{len(lost_rows)} 行的行标题缺失,按位置认定的行不在其数值所在页的行中,"
        f"{len(cells)} 个单元格取空值",
        f"{spec.key} printed as text boxes (column by column): {len(lost_rows)} row(s) placed by position alone "
        f"whose values are printed on a page that holds other rows; {len(cells)} cell(s) left null",
        f"{spec.key}.{lost_rows[0]}" if len(lost_rows) == 1 else spec.key))
    return placed


# ------------------------------------------------------------------ the runs in print order

MAX_STATES = 40_000  # states of the print-order search (all choices of a value set aside together) before giving up
NON_NEGATIVE = frozenset({Kind.COUNT, Kind.AMOUNT})


class _Spent(OgiError):
    """The print-order search ran out of states (raised and caught inside this module; in
    ogi's one exception tree like every error of ogi's own)."""


class _Stacks:
    """The readings of :class:`_Tiling` — every run one block — enumerated in print order.

    A column's pieces are printed from the top down and every cell is covered once, so the
    first block printed in a column starts at its first row and every later one right below
    the last: a run's block may only start where each of its columns is filled to. The state
    of the search is then small — the runs placed, each column's fill, and for every instance
    of an identity the difference of its two sides so far — and equal states reached by
    different readings (two runs of zeros that may stand in either of two columns) are
    searched once (memoised). An instance is tested as soon as its last cell is placed, and
    bounded before (values are ≥ 0: a row's parts may not exceed its placed total). The
    cells of every placement that leads to a complete reading are recorded with their values:
    a cell is agreed where they are one value, as in ``_Tiling``."""

    def __init__(self, spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None],
                 budget: list[int] | None = None):
        self.spec, self.runs, self.named = spec, runs, named
        self.budget = budget if budget is not None else [MAX_STATES]
        self.width = spec.rows[0].width
        self.height = len(spec.rows)
        self.kinds = [[kind for _, _, kind in row.cells] for row in spec.rows]
        self.bounded = all(kind in NON_NEGATIVE for row in self.kinds for kind in row)
        sides: list[tuple[int, int]] = []
        self.touch: dict[Cell, list[tuple[int, int]]] = {}
        for identity in spec.identities:
            for left, right in instances(spec, identity):
                for cell in left:
                    self.touch.setdefault(cell, []).append((len(sides), 1))
                for cell in right:
                    self.touch.setdefault(cell, []).append((len(sides), -1))
                sides.append((len(left), len(right)))
        self.sides = tuple(sides)
        self.memo: dict[tuple, bool] = {}
        self.found: dict[tuple[int, int], dict[int | float, Token]] = {}
        # each run's rows [first, end): those of its page, where the page breaks show them
        self.band = run_bands(spec, runs) or [(0, self.height)] * len(runs)

    def agreed(self) -> dict[Cell, Token | None] | None:
        """Cell → its token where every reading agrees, None where two differ; None for the
        table where it has no reading or the search runs out of states."""
        try:
            return _agreed_cells(self.spec, self.found) if self.holds() else None
        except _Spent:
            return None

    def holds(self) -> bool:
        """Has the table a reading? (Raises :class:`_Spent` where the budget runs out.)"""
        return self._valid(0, (0,) * self.width, (0,) * len(self.sides), self.sides)

    def _known_or_spend(self, key: tuple) -> bool | None:
        """The answer already found for this state, or None after spending one step of the
        budget on finding it (:class:`_Spent` when none is left)."""
        known = self.memo.get(key)
        if known is None:
            if self.budget[0] <= 0:
                raise _Spent
            self.budget[0] -= 1
        return known

    def _valid(self, j: int, fills: tuple[int, ...], diffs: tuple[int | float, ...],
               rest: tuple[tuple[int, int], ...]) -> bool:
        """Can the runs from ``j`` on be placed from these fills with every identity holding?
        Records the cells of every placement that can."""
        if j == len(self.runs):
            return all(f == self.height for f in fills)
        key = (j, fills, diffs)
        known = self._known_or_spend(key)
        if known is not None:
            return known
        ok = False
        for h, k, c0 in self._blocks_at(j, fills):
            placed = self._place(j, h, k, c0, fills[c0], diffs, rest)
            if placed is None:
                continue
            new_diffs, new_rest, cells = placed
            new_fills = fills[:c0] + tuple(f + h for f in fills[c0:c0 + k]) + fills[c0 + k:]
            if self._valid(j + 1, new_fills, new_diffs, new_rest):
                ok = True
                for at, tok in cells:
                    self.found.setdefault(at, {}).setdefault(tok.value, tok)
        self.memo[key] = ok
        return ok

    def _blocks_at(self, j: int, fills: tuple[int, ...]) -> Iterator[tuple[int, int, int]]:
        """(h, k, first column) of every block run ``j`` can be that starts where each of its
        columns is filled to, lies in the columns its headers name, and whose values suit
        their cells."""
        run = self.runs[j]
        n = len(run.values)
        named = self.named[j]
        top, end = self.band[j]
        for h in (1,) if run.line else range(1, min(n, self.height) + 1):
            k = n // h
            if n % h or k > self.width:
                continue
            for c0 in range(self.width - k + 1):
                a = fills[c0]
                if a < top or a + h > end or any(fills[c] != a for c in range(c0 + 1, c0 + k)):
                    continue
                if named is not None and not named.issuperset(range(c0, c0 + k)):
                    continue
                if all(_suits(tok, self.kinds[a + i % h][c0 + i // h]) for i, tok in enumerate(run.values)):
                    yield h, k, c0

    def _place(self, j: int, h: int, k: int, c0: int, a: int, diffs: tuple, rest: tuple):
        """The identities' differences and cells left after placing run ``j`` as this block,
        and its cells (row, column position → token); None where an identity it completes
        fails, or one it touches can no longer hold."""
        return self._put(self.runs[j].values, h, k, c0, a, diffs, rest)

    def _put(self, values: Sequence[Token], h: int, k: int, c0: int, a: int, diffs: tuple, rest: tuple):
        """:meth:`_place` of any run of values (a piece of a run, too), ``h`` rows tall from
        row ``a`` and column ``c0``."""
        d = list(diffs)
        left = list(rest)
        touched = set()
        cells = []
        for i, tok in enumerate(values):
            r, c = a + i % h, c0 + i // h
            cells.append(((r, c), tok))
            assert tok.value is not None  # a run holds numbers (runs_of)
            for n, sign in self.touch.get(self.spec.rows[r].cells[c][:2], ()):
                d[n] += sign * tok.value
                lo, ro = left[n]
                left[n] = (lo - 1, ro) if sign > 0 else (lo, ro - 1)
                touched.add(n)
        for n in touched:
            lo, ro = left[n]
            if lo == 0 and ro == 0:
                if d[n] != 0:
                    return None
            elif self.bounded and ((lo == 0 and d[n] < 0) or (ro == 0 and d[n] > 0)):
                return None
        return tuple(d), tuple(left), cells


def _agreed_cells(spec: TableSpec, found: dict[tuple[int, int], dict[int | float, Token]]) -> dict[Cell, Token | None]:
    """Cell → the token of its one value, or None where readings gave it more than one."""
    out: dict[Cell, Token | None] = {}
    for (r, c), values in found.items():
        row_key, col, _ = spec.rows[r].cells[c]
        out[(row_key, col)] = next(iter(values.values())) if len(values) == 1 else None
    return out


# ------------------------------------------------------------------ runs of several blocks

MAX_PIECES = 4  # blocks one run may be cut into (measured: pdfminer cuts 其他 and 总计 of a run into at most four)
PIECES_STEPS = 10_000  # states and placements tried by the search in pieces before giving up (a step's cost is bounded: see _Pieces)
FIRST_NAMED_STEPS = 20_000  # the same, for the search whose headers name a run's first piece only (measured: synth100 00018, 12,794)


class _Pieces(_Stacks):
    """The readings where a run may be *several* blocks, one after another, each placed
    where its columns are filled to — what pdfminer prints where tall rows cut the boxes of
    其他 and 总计 (``总计 (二)…(六)1 ⏎ 法律服务机构 (二)…(三)8 ⏎ 其他 (二)…(三)8`` in one run of 36).

    A run is cut into at most :data:`MAX_PIECES` blocks; a run of zeros stays one block (cut
    anywhere, its pieces could stand in any column: no identity tells them apart). A line
    stays one block. Every reading of :class:`_Stacks` (one block a run) is one of these, so
    a cell agreed here is agreed among more readings than there.

    The cuts are many; what makes the search small is the print order. A column is filled
    from the top down, so the cells a column still lacks take values *still to come, in
    print order*. Each identity instance, with values ≥ 0, bounds the cells it still lacks
    (:meth:`_limits`): the last one it lacks is exactly what makes it hold; a cell alone on
    its side is at least what the other side holds so far; where one side is complete, every
    cell the other lacks is at most what is left. A column whose missing cells cannot be
    matched, top to bottom, to values still to come within their bounds has no reading
    (matching each to the first value still to come that fits is exact for "is there such a
    subsequence") — the state is dropped. The test is necessary for a reading, so no reading
    is lost; it keeps the search to the cuts the sums allow (a piece of 法律服务机构 printed
    after its rows' totals fixes 其他 of those rows, which must then come in that order).

    The search is bounded by a count of states (:data:`PIECES_STEPS`), not by time, so its
    answer does not depend on the machine's load; where the count runs out nothing is read."""

    def __init__(self, spec: TableSpec, runs: list[Run], named: list[frozenset[int] | None],
                 budget: list[int] | None = None, first_named_only: bool = False):
        super().__init__(spec, runs, named, budget if budget is not None else [PIECES_STEPS])
        self.first_named_only = first_named_only  # the headers before a run name its first piece's columns only
        where = {cell[:2]: (r, c) for r, row in enumerate(spec.rows) for c, cell in enumerate(row.cells)}
        self.members: list[tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]] = []
        for identity in spec.identities:
            for left, right in instances(spec, identity):
                self.members.append((tuple(where[cell] for cell in left), tuple(where[cell] for cell in right)))
        self.flat = [tok.value for run in runs for tok in run.values]
        self.start = [0]
        for run in runs:
            self.start.append(self.start[-1] + len(run.values))
        self.zeros = [all(tok.value == 0 for tok in run.values) for run in runs]
        # where the pages are known, two pieces that form one block are not told apart: the
        # previous piece in the state would keep apart the many cuts of a page's zeros that
        # reach one fill (measured: synth100 00012's paged print, 52,018 states → 5 on one run)
        self.paged = bands(spec, runs) is not None
        # row → the values [first, end) its cells may take: those of its page, where known
        self.row_span = [(0, len(self.flat))] * self.height
        for j, (top, end) in enumerate(self.band):
            for r in range(top, end):
                first, last = self.row_span[r] if self.row_span[r] != (0, len(self.flat)) else (self.start[j], 0)
                self.row_span[r] = (min(first, self.start[j]), max(last, self.start[j + 1]))
        self.nonzero = [0] * (len(self.flat) + 1)  # values > 0 from the k-th on
        for k in range(len(self.flat) - 1, -1, -1):
            self.nonzero[k] = self.nonzero[k + 1] + ((self.flat[k] or 0) > 0)

    def holds(self) -> bool:
        if not self.bounded:
            return False  # the bounds need values ≥ 0
        return self._cut(0, 0, 0, None, (0,) * self.width, (0,) * len(self.sides), self.sides)

    def _cut(self, j: int, i: int, p: int, prev: tuple[int, int, int, int] | None, fills: tuple[int, ...],
             diffs: tuple, rest: tuple) -> bool:
        """Can run ``j`` from its value ``i`` on (``p`` blocks of it placed, the last one
        ``prev``: h, k, first column, first row) and the runs after it be placed from these
        fills with every identity holding? Records the cells of every placement that can."""
        if j == len(self.runs):
            return all(f == self.height for f in fills)
        key = (j, i, p, prev, fills, diffs)
        known = self._known_or_spend(key)
        if known is not None:
            return known
        values = self.runs[j].values
        ok = False
        for h, k, c0, m in self._pieces_at(j, i, p, fills):
            if prev is not None and _one_block(prev, h, k, c0, fills[c0]) and self._named_as_one(j, p, prev, k, c0):
                continue  # the two pieces are one block: that reading is searched with one piece fewer
            if self.budget[0] <= 0:
                raise _Spent
            self.budget[0] -= 1
            placed = self._put(values[i:i + m], h, k, c0, fills[c0], diffs, rest)
            if placed is None:
                continue
            new_diffs, new_rest, cells = placed
            new_fills = fills[:c0] + tuple(f + h for f in fills[c0:c0 + k]) + fills[c0 + k:]
            nj, ni, np_ = (j + 1, 0, 0) if i + m == len(values) else (j, i + m, p + 1)
            piece = None if nj > j or self.paged else (h, k, c0, fills[c0])
            if not self._can_follow(self.start[nj] + ni, new_fills, new_diffs, new_rest):
                continue
            if self._cut(nj, ni, np_, piece, new_fills, new_diffs, new_rest):
                ok = True
                for at, tok in cells:
                    self.found.setdefault(at, {}).setdefault(tok.value, tok)
        self.memo[key] = ok
        return ok

    def _named_as_one(self, j: int, p: int, prev: tuple[int, int, int, int], k: int, c0: int) -> bool:
        """Is the block that run ``j``'s piece ``p`` forms with the piece before it one the headers
        allow as a single piece? Where the headers name a run's first piece only, the first piece
        continued to the right by the second may leave the columns they name: the two pieces are
        then a reading the one block is not, and are searched."""
        named = self.named[j]
        return not (self.first_named_only and p == 1 and named is not None
                    and not named.issuperset(range(prev[2], c0 + k)))

    def _pieces_at(self, j: int, i: int, p: int, fills: tuple[int, ...]) -> Iterator[tuple[int, int, int, int]]:
        """(h, k, first column, values taken) of every block the next piece of run ``j`` can
        be: the rest of the run where it must be its last piece (a line, a run of zeros, the
        :data:`MAX_PIECES`-th), else any first part of it that suits its cells; every piece of
        a run lies in the columns the headers printed before it name (as the one block of
        :class:`_Stacks` does)."""
        run = self.runs[j]
        values = run.values[i:]
        n = len(values)
        last = run.line or p + 1 >= MAX_PIECES or self.zeros[j]
        named = self.named[j] if p == 0 or not self.first_named_only else None
        top, end = self.band[j]
        for c0 in range(self.width):
            a = fills[c0]
            if a < top or a >= end or (named is not None and c0 not in named):
                continue
            span = 0
            while c0 + span < self.width and fills[c0 + span] == a and span < n:
                span += 1
            for h in range(1, min(1 if run.line else end - a, n) + 1):
                for k in range(1, span + 1):
                    m = h * k
                    if m > n:
                        break
                    if last and m != n:
                        continue
                    if named is not None and c0 + k - 1 not in named:
                        break
                    if all(_suits(tok, self.kinds[a + q % h][c0 + q // h]) for q, tok in enumerate(values[:m])):
                        yield h, k, c0, m

    def _limits(self, fills: tuple[int, ...], diffs: tuple, rest: tuple) -> dict[tuple[int, int], list] | None:
        """Cell not yet placed → [lowest, highest] value the identities leave it (highest
        None: unbounded), for the cells they bound; None where an instance can no longer hold.
        Only instances with one side complete, or one cell open on a side, bound a cell."""
        limits: dict[tuple[int, int], list] = {}
        for n, (lo, ro) in enumerate(rest):
            if lo > 1 and ro > 1:
                continue  # no side complete, none down to one cell: no bound
            if lo == 0 and ro == 0:
                continue
            d = diffs[n]  # placed left − placed right: the open cells must make up −d
            left, right = self.members[n]
            if lo == 0 or ro == 0:
                total = -d if lo else d
                if total < 0:
                    return None
                side = left if lo else right
                exact = (lo or ro) == 1
                for cell in side:
                    if fills[cell[1]] <= cell[0]:
                        _bound(limits, cell, total if exact else 0, total)
                continue
            if lo == 1 and -d > 0:
                _bound(limits, next(cell for cell in left if fills[cell[1]] <= cell[0]), -d, None)
            if ro == 1 and d > 0:
                _bound(limits, next(cell for cell in right if fills[cell[1]] <= cell[0]), d, None)
        return limits

    def _can_follow(self, g: int, fills: tuple[int, ...], diffs: tuple, rest: tuple) -> bool:
        """Can every column's missing cells still take values from the ``g``-th on, in print
        order, each within the bounds its identities set (class docstring)?"""
        limits = self._limits(fills, diffs, rest)
        if limits is None:
            return False
        if not limits:
            return True
        flat, end = self.flat, len(self.flat)
        positive = sum(1 for lo, _ in limits.values() if lo > 0)
        if positive > self.nonzero[g]:
            return False  # more cells need a value > 0 than such values are still to come
        exact = [lo for lo, hi in limits.values() if lo == hi]
        if exact:
            still = collections.Counter(flat[g:])
            if any(n > still[v] for v, n in collections.Counter(exact).items()):
                return False  # two columns cannot take one value still to come
        span = self.row_span
        for c in {c for _, c in limits}:
            at = g
            for r in range(fills[c], self.height):
                first, end = span[r]  # a cell takes a value of its page
                at = max(at, first)
                lo_hi = limits.get((r, c))
                if lo_hi is None:
                    if at >= end:
                        return False
                    at += 1
                    continue
                lo, hi = lo_hi
                while at < end and (flat[at] < lo or (hi is not None and flat[at] > hi)):
                    at += 1
                if at >= end:
                    return False
                at += 1
        return True


def _bound(limits: dict[tuple[int, int], list], cell: tuple[int, int], lo, hi) -> None:
    """Narrow a cell's [lowest, highest] (highest None: unbounded) in ``limits``."""
    had = limits.get(cell)
    if had is None:
        limits[cell] = [lo, hi]
        return
    had[0] = max(had[0], lo)
    if hi is not None:
        had[1] = hi if had[1] is None else min(had[1], hi)


def _one_block(prev: tuple[int, int, int, int], h: int, k: int, c0: int, a: int) -> bool:
    """Do a run's piece (h, k, first column c0, first row a) and the piece printed right
    before it form one block — the same column continued down, or the same rows continued
    to the right? Then their reading is the one of that block, searched once."""
    ph, pk, pc, pa = prev
    if pk == 1 and k == 1 and c0 == pc and a == pa + ph:
        return True
    return h == ph and a == pa and c0 == pc + pk
