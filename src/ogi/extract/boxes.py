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

The reader takes the table's values as *runs* (values with nothing between them, each on a
line of its own) and reads each run as one *block*: the cells of k adjacent columns over h
adjacent rows (rows of one width), column after column, top to bottom; ``h × k`` must be
the run's length. A reading of the table assigns every run a block such that

- the blocks cover every value cell of the table exactly once (so the number of values
  equals the table's cells);
- no block holds a row whose label is printed after the run (a value comes after its
  row's label);
- every value suits its cell (a count is a whole number ≥ 0, an amount may have a
  fraction: :func:`ogi.extract.columns._suits`);
- every identity of the table holds in the rebuilt table (``ogi.template.arithmetic.
  table_holds``: table 三's row totals, 一+二 = (七)+四, (七)总计 = the outcomes; table 四's
  ``T4_TOTAL``), every instance testable.

Every such reading is enumerated (up to :data:`MAX_READINGS`, in at most :data:`MAX_STEPS`
steps); a cell is read only where all readings give it the same value, the others are null
with ``CELL_AMBIGUOUS``. Where there is no reading, or too many, nothing is changed: the
aligner's own reading and findings stand. A table without identities (table 二) is never
read so: no sum could tell a wrong tiling from the right one (``columns.read_by_stacks``
reads it where its column headers fix the order).

The reading replaces the aligner's only where the text is such boxes (every value on its own
line of running text, at least one run longer than a row) and the aligner left cells null;
where both read a cell and disagree, the cell is null with ``CELL_AMBIGUOUS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Position
from ..model import Finding
from ..template.arithmetic import instances, table_holds
from ..template.formats import SUBTOTAL, TableSpec
from ..template.normalize import label_key
from .align import Placed, _place_row
from .columns import _suits
from .layout import Event, phrase_in
from .tokens import NUM, Token

__all__ = ["MAX_READINGS", "MAX_STEPS", "Run", "read_boxes", "reread"]

MAX_READINGS = 64  # readings of a table collected before giving up (all must agree)
MAX_STEPS = 50_000  # search steps before giving up
_SUBTOTAL_KEY = label_key(SUBTOTAL)

Cell = tuple[str, str]


@dataclass(frozen=True)
class Run:
    """Values printed one a line with nothing between them, and where the run starts."""

    at: int  # index of its first event
    values: tuple[Token, ...]


@dataclass(frozen=True)
class Block:
    """A run read as the cells of ``k`` columns over ``h`` rows, column after column."""

    cells: tuple[Cell, ...]


def runs_of(evs: list[Event]) -> list[Run] | None:
    """The table's value runs; None where a value is not a number alone on its line of
    running text (then the text is not pdfminer's boxes)."""
    runs: list[Run] = []
    current: list[Token] = []
    start = -1
    units: set[int] = set()
    for i, ev in enumerate(evs):
        if ev.kind != "value":
            if current:
                runs.append(Run(start, tuple(current)))
                current = []
            continue
        tok = ev.tok
        if tok.kind != NUM or not tok.free or tok.glued or ev.unit in units:
            return None
        units.add(ev.unit)
        if not current:
            start = i
        current.append(tok)
    if current:
        runs.append(Run(start, tuple(current)))
    return runs


def _labels_at(spec: TableSpec, fmt: str, evs: list[Event]) -> dict[str, int] | None:
    """Row key → index of the event printing its label (the first time); None where the
    table shows a column the template does not have (小计)."""
    out: dict[str, int] = {}
    for i, ev in enumerate(evs):
        if ev.kind != "phrase":
            continue
        if ev.seg.text == _SUBTOTAL_KEY:
            return None
        phrase = phrase_in(ev.seg, spec.key, fmt)
        if phrase is not None and phrase.kind == "row":
            out.setdefault(phrase.ref, i)
    return out


def _blocks(spec: TableSpec, run: Run, labels: dict[str, int]) -> list[Block]:
    """Every block this run can be: h rows of one width from row a, k columns from c0."""
    n = len(run.values)
    rows = spec.rows
    out: list[Block] = []
    for h in range(1, min(n, len(rows)) + 1):
        if n % h:
            continue
        k = n // h
        for a in range(len(rows) - h + 1):
            band = rows[a:a + h]
            width = band[0].width
            if k > width or any(r.width != width for r in band):
                continue
            if any(labels.get(r.key, -1) > run.at for r in band):
                continue  # a value before its row's label
            for c0 in range(width - k + 1):
                cells = [r.cells[c] for c in range(c0, c0 + k) for r in band]
                if all(_suits(tok, kind) for tok, (_, _, kind) in zip(run.values, cells)):
                    out.append(Block(tuple((r, c) for r, c, _ in cells)))
    return out


def read_boxes(spec: TableSpec, fmt: str, evs: list[Event]) -> dict[Cell, Token | None] | None:
    """Cell → its token where every reading of the table as blocks (module docstring) gives
    it the same value, None where two readings differ; None for the whole table where it has
    no such reading, too many, or is no table of boxes."""
    if not spec.identities:
        return None
    runs = runs_of(evs)
    labels = _labels_at(spec, fmt, evs)
    if not runs or labels is None:
        return None
    wanted = [(r, c) for row in spec.rows for r, c, _ in row.cells]
    if sum(len(run.values) for run in runs) != len(wanted):
        return None
    if max(len(run.values) for run in runs) <= max(row.width for row in spec.rows):
        return None  # no run longer than a row: the text is printed row by row (the aligner's)
    options = sorted(((run, _blocks(spec, run, labels)) for run in runs), key=lambda ro: -len(ro[0].values))
    readings: list[dict[Cell, Token]] = []
    covered: dict[Cell, Token] = {}
    steps = 0

    def walk(i: int) -> bool:
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS or len(readings) > MAX_READINGS:
            return False
        if i == len(options):
            if _confirmed(spec, covered):
                readings.append(dict(covered))
            return True
        run, blocks = options[i]
        for block in blocks:
            if any(cell in covered for cell in block.cells):
                continue
            covered.update(zip(block.cells, run.values))
            ok = walk(i + 1)
            for cell in block.cells:
                del covered[cell]
            if not ok:
                return False
        return True

    if not walk(0) or not readings:
        return None
    agreed: dict[Cell, Token | None] = dict(readings[0])
    for reading in readings[1:]:
        for cell, tok in reading.items():
            had = agreed[cell]
            if had is not None and had.value != tok.value:
                agreed[cell] = None  # two readings give this cell two values: it stays null
    return agreed


def _confirmed(spec: TableSpec, cells: dict[Cell, Token]) -> bool:
    """Does every identity of the table hold, every instance of it testable?"""
    def value(r: str, c: str) -> int | float | None:
        tok = cells.get((r, c))
        return None if tok is None else tok.value

    testable = all(value(*cell) is not None for i in spec.identities
                   for left, right in instances(spec, i) for cell in left + right)
    return testable and table_holds(spec, value)


def reread(spec: TableSpec, fmt: str, evs: list[Event], placed: Placed) -> Placed:
    """``placed`` (the aligner's reading), or the reading of the table as pdfminer's boxes
    where the aligner left cells null and the boxes read (module docstring)."""
    if not any(v is None for v in placed.cells.values()) and placed.cells:
        return placed
    cells = read_boxes(spec, fmt, evs)
    if cells is None:
        return placed
    out = Placed(columns_kept=placed.columns_kept)
    for (r, c), had in placed.cells.items():
        tok = cells.get((r, c))
        if had is not None and tok is not None and tok.value != had:
            cells[(r, c)] = None  # the aligner and the boxes disagree: neither is certain
    unsure = [cell for cell, tok in cells.items() if tok is None]
    for row in spec.rows:
        _place_row(spec, row, [cells[(r, c)] or Token(NUM, "0", Position(), 0, 0) for r, c, _ in row.cells],
                   [], None, out)
        for r, c, _ in row.cells:
            if (r, c) in out.provenance:
                out.provenance[(r, c)]["by"] = "boxes"
    for cell in unsure:
        out.cells[cell] = None
        out.provenance.pop(cell, None)
    if unsure:
        out.findings.append(Finding.of(
            "CELL_AMBIGUOUS",
            f"{spec.name.zh}按文本框(逐列)读出时,{len(unsure)} 个单元格有多种读法,未采用",
            f"{spec.key} read as text boxes (column by column): {len(unsure)} cell(s) read more than one way; "
            "left null",
            spec.key if len(unsure) > 1 else f"{spec.key}.{unsure[0][0]}.{unsure[0][1]}"))
    return out
