"""Tables laid out with spaces: a blank cell read from where the other values stand.

Converters that lay a table out with spaces — ``pandoc -t plain``, ``w3m -dump`` of a page
without ``border``, inscriptis, ``pdftotext -layout`` — print a blank cell as nothing but
spaces. A row of table 三 with five blank cells (``一、本年新收…      26            26``) is
then two numbers whose columns only their character positions tell: read as running text it
is ``26 26``, which fits several rows of seven, and no identity can say which (``26 … 26``
sums the same whichever column the first 26 is in). :func:`spaced_cells` reads such rows by
position, and only where the geometry leaves no choice; it writes each row it places as a
TAB-separated line with an empty field per blank cell — what a browser's copy prints, which
the text reader already reads cell by cell. Every other line is left as it was.

**Blocks.** A *value line* ends in a run of values (numbers, or the not-applicable marks
``/ — -``), each a whitespace-separated token, after a label or alone. A block is a run of
lines from one value line to the last, allowing blank lines, a table's ruling (pandoc's
``----  ----``), and a few lines without values (a label wrapped under its row, at most
:data:`GAP_LINES` in a row: wrapped labels, rows all blank) between them; a section heading
(``四、政府信息公开行政复议…``), prose, or a line with a TAB or a cell separator (``|``,
whose cells are read by those) ends it, and a line whose text stands where the rows above
print values (a header between parts of table 二) starts a new one. The lines without
values just above a block are its header.

**Columns.** Positions are counted in two measures, because the tools pad differently: by
*display width* (w3m and pandoc pad an East Asian wide character as two columns,
``unicodedata.east_asian_width`` ``W``/``F``) and by *characters* (lynx, inscriptis,
``pdftotext``). In each measure the value columns come from one of three sources:

1. a pandoc *ruling* line above or inside the block: its dash runs right of every label are
   the columns, exactly;
2. the *header*: the start of every header cell right of the labels, where one header line
   names every column and every value of the block starts exactly where a column does
   (values and headers left-aligned alike, as w3m, lynx and pandoc print them); a caption
   across the label column's edge (``第二十条第(一)项``) names no column, the label column's
   own header (``信息内容``) is skipped;
3. the *values*: the clusters of every value's span over the block's rows (spans that
   overlap or touch are one column), where some row is certainly full — it prints 15 values
   (table 四's row, the widest of any table), or it is labelled and prints 7 (table 三's) —
   and every full row has one value in each cluster;
4. the values of a *sparse table 三* (no row full, the header wrapped past reading, as
   pdftotext ``-layout`` prints a Word table): where they fall in exactly seven clusters, one
   blank of the layout's rounding merged and three at least between clusters, each cluster as
   narrow as its values, three or more rows named and every row's parts within its total
   (:func:`_sparse_columns`) — seven columns in seven disjoint clusters leave no choice.

Values are numbers and marks; a second pass over the rows the first left as printed takes the
word ``无`` alone in a cell for a value too (a mixed table's none).

**Placing.** A block is rewritten only where, with those columns, every value lies inside
exactly one column, no two values of a row share one, no label or wrapped label reaches into
the columns (a table whose rows have different numbers of label cells — inscriptis shifts
such rows a whole column — fails this), the number of columns is a width the template prints
a row at, and every row label that names a template row names one printed at exactly that
width (table 四's unlabelled row: 15): a header cell with a space inside (``采购项目 数量``)
looks like two columns, the template's row says there are two. Every source and measure
that gives a reading must give the same one. A block that does not read whole is read in
parts, cut before each run of lines without values that holds a line of two cells or more
(a header inside table 二, whose sub-tables' first columns may be blank in every row), each
part with those lines as its header. A row printed over two lines (``…只计这一情  0`` ⏎
``形,不计其他情形)  0 0 0 0 0 0``: the second line's label names no row and the cells of the
two complement each other) is left as printed, for the aligner's wrapped-row reading.

Otherwise the block is left exactly as it was, and the aligner leaves its short rows null
with ``CELL_AMBIGUOUS`` as before. Why a full row or a header naming every column is
required: with one, each column holds one template column's value, so a value in it is that
column's whatever the tool's alignment (the values of one column of a consistent layout
overlap: left-, right- or centre-aligned). Without one, a template column that is blank in
every row (a 法律服务机构 with no applications) would leave W − 1 clusters that look like
W − 1 consecutive columns. The peer page 沭阳 2023 in inscriptis (rows shifted, no row full,
the header over other columns) stays null so."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from ..template.formats import FORMATS
from ..template.labels import section_of, segment

__all__ = ["FULL_WIDTH", "GAP_LINES", "HEADER_LINES", "LABELLED_WIDTH", "LABEL_WIDTHS", "ROW_WIDTHS", "spaced_cells"]

GAP_LINES = 30  # lines without values a block may hold in a row: wrapped labels, and rows whose every cell is blank (table 三 has 26 rows)
HEADER_LINES = 8  # lines without values above a block read as its header
PROSE_CHARS = 60  # characters: a line longer than this (spaces aside) without values is prose

_TOKEN = re.compile(r"\S+")
_VALUE = re.compile(r"^(?:[-−]?\d[\d,]*(?:\.\d+)?|[/—–-])$")  # a number or a mark
_VALUE_OR_NONE = re.compile(r"^(?:[-−]?\d[\d,]*(?:\.\d+)?|[/—–-]|无)$")  # ... or the word 无 (none) alone in a cell
_RULING = re.compile(r"^ *-{3,}(?: +-{3,})+ *$")
_SPACE_GAP = re.compile(r"\S {2,}[-−]?\d|^ {2,}[-−]?\d", re.MULTILINE)  # a value after a wide gap

Span = tuple[int, int]  # first and last column a token covers, inclusive


@dataclass
class _Line:
    index: int
    text: str
    tokens: list[tuple[int, str]]  # (character offset, token)
    first_value: int  # index into tokens of the first trailing value; len(tokens) if none

    @property
    def values(self) -> list[tuple[int, str]]:
        return self.tokens[self.first_value:]

    @property
    def words(self) -> list[tuple[int, str]]:
        return self.tokens[:self.first_value]


@dataclass
class _Block:
    lines: list[_Line] = field(default_factory=list)  # from the first value line to the last
    header: list[_Line] = field(default_factory=list)  # the lines without values just above
    ruling: str | None = None  # pandoc's ruling line above or inside the block

    @property
    def rows(self) -> list[_Line]:
        return [ln for ln in self.lines if ln.values]


def _row_widths() -> frozenset[int]:
    """The value cells a printed row of any table holds in any format (table 二's 1–3,
    table 三's 7, table 四's 15): a block is read only at one of these widths."""
    return frozenset(len(r.cells) for f in FORMATS.values() for t in f.tables for r in t.rows)


ROW_WIDTHS = _row_widths()


def _label_widths() -> dict[tuple[str, str], frozenset[int]]:
    """(table, row key) → the widths the formats print that row at."""
    found: dict[tuple[str, str], set[int]] = {}
    for f in FORMATS.values():
        for t in f.tables:
            for r in t.rows:
                found.setdefault((t.key, r.key), set()).add(r.width)
    return {k: frozenset(v) for k, v in found.items()}


LABEL_WIDTHS = _label_widths()
# A row printing this many values is full whatever table it is in: no row is wider (table 四)
FULL_WIDTH = max(ROW_WIDTHS)
# ... and so is a labelled row printing this many (table 三; table 四's row has no label)
LABELLED_WIDTH = max(len(r.cells) for f in FORMATS.values() for r in f.table3.rows)


def spaced_cells(text: str) -> str:
    """``text`` with the rows of space-laid tables whose blank cells can be placed with
    certainty written as TAB-separated cells (see the module docstring).

    Two passes: values are numbers and marks first; then, on the rows still as printed,
    the word ``无`` alone in a cell is a value too (an agency's none, which a mixed table
    prints beside 0, ``/`` and ``—``). A row read in the first pass is a TAB line, which
    ends every block of the second: where 无 joins rows of another layout to a block (a row
    inscriptis shifts), the rows the first pass read keep their reading."""
    if "  " not in text or not _SPACE_GAP.search(text):  # (two spaces: what the pattern needs first, found fast)
        return text  # no value after a run of spaces: no space-laid table
    text = _spaced_pass(text, _VALUE)
    return _spaced_pass(text, _VALUE_OR_NONE) if "无" in text else text


def _spaced_pass(text: str, value: re.Pattern[str]) -> str:
    """One pass of :func:`spaced_cells`, ``value`` telling value tokens."""
    lines = text.split("\n")
    changed = False
    for whole in _blocks(lines, value):
        rows = _read_block(whole)
        if rows is None:  # the parts between lines that may be headers, each on its own
            rows = [row for part in _parts(whole) for row in (_read_block(part) or [])]
        wrapped = _wrapped(rows)
        stacked = _stacked(rows)
        for line, cells in rows:
            if line.index in stacked:
                lines[line.index] = stacked[line.index]
                changed = True
                continue
            if line.index in wrapped or _wrapped_pieces(line):
                continue
            if all(cells) and len(cells) == len(line.values):
                continue  # a full row reads the same as it is printed
            label = " ".join(t for _, t in line.words)
            lines[line.index] = "\t".join(([label] if label else []) + cells)
            changed = True
    return "\n".join(lines) if changed else text


def _wrapped(rows: list[tuple[_Line, list[str]]]) -> set[int]:
    """The lines of rows printed over two lines (``…只计这一情 0`` ⏎ ``形,不计其他情形) 0 0 0 0 0
    0``): a value line whose label names no row of the template, after a row whose cells
    it completes without sharing a column. They are left as printed: the aligner reads a
    row that wraps, and keeps it only where its sums hold."""
    found: set[int] = set()
    for (above, cells), (line, more) in zip(rows, rows[1:]):
        if not _names_row(line) and not any(a and b for a, b in zip(cells, more)):
            found |= {above.index, line.index}
    return found


# a full-width digit alone: each is as wide as a Chinese character, so a narrow column wraps a
# number written in them one digit a line (w3m: ``１`` ⏎ ``４  0  0 … 140`` ⏎ ``０`` is 140)
_FULLWIDTH_DIGIT = re.compile("^[\uff10-\uff19]$")


def _wrapped_pieces(line: _Line) -> bool:
    """Is this a line of pieces of numbers wrapped in their cells, beside a label's wrapped
    line (w3m: ``(二)部分公开(…,  １ ０ ０ 0 0 0 １`` ⏎ ``不计其他情形)  ８  ８``, 18 in the
    first and last columns)? Values that are all full-width digits alone, fewer than a labelled
    row's cells, after words that name no row. Left as printed: the aligner reads no row such
    pieces stand beside (``layout.wrapped_value_units``); rewritten as cells, the line was a
    row of its own and the row above kept its heads (1 for 18)."""
    values = line.values
    return bool(line.words) and 0 < len(values) < LABELLED_WIDTH \
        and all(_FULLWIDTH_DIGIT.match(t) for _, t in values) and not _names_row(line)


STACK_READINGS_LIMIT = 4096  # ways to share a block's lines of pieces among its rows, tried at most


def _stacked(rows: list[tuple[_Line, list[str]]]) -> dict[int, str]:
    """Rows of table 三 whose numbers a narrow column wrapped one full-width digit a line, read
    whole where one reading makes their sums hold: line index → its text rewritten.

    w3m centres each cell of a row in the row's height: ``１`` ⏎ ``一、本年新收…  ４ 0 … 140`` ⏎
    ``０`` ⏎ ``二、上年结转…  １ 0 … １`` ⏎ ``０ … ０`` is 140 and 10, not 1, 4, 0 … . A line of
    pieces (:func:`_piece_cells`) between two labelled rows' lines belongs to the one above or
    the one below, and the lines each row takes are consecutive, so the rows share them at one
    cut between each two rows. For each way to cut, each column of a row that takes pieces
    reads its digits top to bottom across its lines (consecutive lines, its own line among
    them, full-width digits all, no number starting with 0); such a row must show all seven
    cells as numbers and its total must be the sum of the others.

    The sums alone may leave two cuts (``１`` ⏎ ``８`` over two rows whose first and last
    columns are all they print: 18 above or 81 below). A renderer aligns every cell of a
    table alike — at the top of its row, the middle or the bottom — so the pieces a row takes
    above and below its own line follow one pattern across the table (:data:`_ALIGNMENTS`).
    Under each alignment every run of rows and pieces is read by the cuts that fit it; an
    alignment under which a run has no reading is not the table's (a run no cut reads under
    any alignment aside: its pieces are left as printed). A run is rewritten where
    every alignment left gives it one and the same reading: its rows as cells, the pieces'
    lines keeping their words (a label's wrapped line); otherwise nothing is (the aligner
    leaves those rows null)."""
    seq = [(line, cells) for line, cells in rows if len(cells) == LABELLED_WIDTH]
    kinds = ["piece" if _piece_cells(line, cells) else "row" if _names_row(line) else "" for line, cells in seq]
    runs: list[tuple[list[tuple[_Line, list[str]]], list[str]]] = []
    i = 0
    while i < len(seq):
        j = i
        while j < len(seq) and kinds[j] and (j == i or (seq[j][0].index == seq[j - 1][0].index + 1
                                                      and not kinds[j] == kinds[j - 1] == "row")):
            j += 1  # a run of adjacent lines, each a row's or pieces (two rows' lines side by side share none)
        if "piece" in kinds[i:j] and "row" in kinds[i:j]:
            runs.append((seq[i:j], kinds[i:j]))
        i = max(j, i + 1)
    if not runs:
        return {}
    readings = [[_read_stack(run, run_kinds, fits) for run, run_kinds in runs] for fits in _ALIGNMENTS]
    unread = {k for k in range(len(runs)) if all(r[k] == [] for r in readings)}  # no cut of it holds, whatever the alignment
    per_alignment = [r for r in readings if all(r[k] != [] for k in range(len(runs)) if k not in unread)]
    out: dict[int, str] = {}
    for k, (run, run_kinds) in enumerate(runs):
        found = {_frozen(a[k]) for a in per_alignment}
        reading = found.pop() if len(found) == 1 else None
        if k in unread or reading is None:
            continue
        cells_of = iter(reading)
        for (line, _), kind in zip(run, run_kinds):
            label = " ".join(t for _, t in line.words)
            out[line.index] = "\t".join(([label] if label else []) + list(next(cells_of))) if kind == "row" else label
    return out


def _frozen(reading: list[list[str]] | None) -> tuple[tuple[str, ...], ...] | None:
    """A run's reading (its rows' cells) as a value a set can hold; None stays None."""
    return None if reading is None else tuple(tuple(cells) for cells in reading)


# how a renderer places a row's cells in the row's height: the lines of pieces a row takes
# above its own line and below it, under each alignment (top, middle — either rounding — bottom)
_ALIGNMENTS: tuple[Callable[[int, int], bool], ...] = (
    lambda above, below: above == 0,
    lambda above, below: 0 <= below - above <= 1,
    lambda above, below: 0 <= above - below <= 1,
    lambda above, below: below == 0,
)


def _piece_cells(line: _Line, cells: list[str]) -> bool:
    """Are the values of this line pieces of wrapped numbers (full-width digits alone, fewer
    than a row's cells, beside words that name no row or none)?"""
    values = [c for c in cells if c]
    return 0 < len(values) < LABELLED_WIDTH and all(_FULLWIDTH_DIGIT.match(c) for c in values) \
        and not (line.words and _names_row(line))


def _read_stack(run: list[tuple[_Line, list[str]]], kinds: list[str],
                fits: Callable[[int, int], bool]) -> list[list[str]] | None:
    """The one reading of a run of adjacent lines (rows' and pieces') whose cuts fit an
    alignment (``fits``: the pieces a row takes above and below its line): each row's cells;
    [] where none does, None where several do (or too many cuts to try)."""
    mains = [k for k, kind in enumerate(kinds) if kind == "row"]
    # between each two rows' lines, the cut: how many of the pieces' lines go to the row above
    gaps = [m2 - m1 - 1 for m1, m2 in itertools.pairwise(mains)]
    ways = 1
    for g in gaps:
        ways *= g + 1
    if ways > STACK_READINGS_LIMIT:
        return None
    found: list[list[list[str]]] = []
    for cuts in itertools.product(*(range(g + 1) for g in gaps)):
        bounds = [0] + [m1 + 1 + c for m1, c in zip(mains, cuts)] + [len(run)]
        if not all(fits(m - lo, hi - 1 - m) for m, lo, hi in zip(mains, bounds, bounds[1:])
                   if hi - lo > 1):
            continue
        rows = [_stack_row([run[k][1] for k in range(lo, hi)], m - lo)
                for m, lo, hi in zip(mains, bounds, bounds[1:])]
        if all(r is not None for r in rows):
            found.append(cast("list[list[str]]", rows))
            if len(found) > 1:
                return None
    return found[0] if found else []


_WHOLE_NUMBER = re.compile(r"^(?:0|[1-9]\d*)$")
_FULLWIDTH_DIGITS = re.compile("^[\uff10-\uff19]+$")


def _stack_row(lines: list[list[str]], own: int) -> list[str] | None:
    """One row's cells from its lines' cells (``own``: the index of its labelled line), each
    column's pieces read top to bottom; None where a column's pieces are not on consecutive
    lines with the row's own, a number would start with 0, or (pieces taken) the row's total
    is not the sum of its other cells."""
    if len(lines) == 1:
        return lines[0]
    cells: list[str] = []
    took = False
    for col in range(LABELLED_WIDTH):
        filled = [k for k, cells_k in enumerate(lines) if cells_k[col]]
        if len(filled) <= 1 and (not filled or filled[0] == own):
            cells.append(lines[own][col])
            continue
        if own not in filled or filled != list(range(filled[0], filled[-1] + 1)):
            return None
        printed = "".join(lines[k][col] for k in filled)
        digits = unicodedata.normalize("NFKC", printed)
        if not _FULLWIDTH_DIGITS.match(printed) or not _WHOLE_NUMBER.match(digits):
            return None  # a number's digits are all of one width: only full-width ones wrap
        cells.append(digits)
        took = True
    if took:
        values = [unicodedata.normalize("NFKC", c) for c in cells]
        if not all(_WHOLE_NUMBER.match(v) for v in values) or int(values[-1]) != sum(int(v) for v in values[:-1]):
            return None
    return cells


def _names_row(line: _Line) -> bool:
    text = " ".join(t for _, t in line.words)
    return bool(text) and any(p.kind == "row" for seg in segment(text) for p in seg.phrases)


def _parse(index: int, text: str, value: re.Pattern[str] = _VALUE) -> _Line:
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    first = len(tokens)
    while first > 0 and value.match(tokens[first - 1][1]):
        first -= 1
    return _Line(index, text, tokens, first)


def _blocks(lines: list[str], value: re.Pattern[str] = _VALUE) -> list[_Block]:
    """Runs of value lines with the lines above them (see the module docstring); ``value``
    tells a value token."""
    blocks: list[_Block] = []
    block = _Block()
    pending: list[_Line] = []  # lines without values after the block's last value line
    above: list[_Line] = []  # lines without values since the last block or barrier
    ruling: str | None = None

    def close() -> None:
        nonlocal block, pending, above, ruling
        if block.lines:
            blocks.append(block)
        block, pending, above, ruling = _Block(), [], [], None

    for i, text in enumerate(lines):
        stripped = text.strip()
        if not stripped:
            continue
        if "\t" in text or "|" in text or "│" in text:
            close()
            continue
        if _RULING.match(text):
            if not block.lines:
                ruling = text
            continue
        line = _parse(i, text, value)
        if line.values:
            if not block.lines:
                block.header, block.ruling = above[-HEADER_LINES:], ruling
            block.lines += pending + [line]
            pending = []
            continue
        if section_of(stripped) or len("".join(stripped.split())) > PROSE_CHARS:
            close()
            continue
        if block.lines and _reaches_values(line, block.lines):
            above = pending + [line]  # a header among the rows: the next part of the table
            blocks.append(block)
            block, pending, ruling = _Block(), [], None
        elif block.lines:
            pending.append(line)
            if len(pending) > GAP_LINES:
                close()
        else:
            above.append(line)
    close()
    return blocks


def _parts(block: _Block) -> list[_Block]:
    """The block cut before every line without values that holds two cells or more (a
    header, or a blank row with its group label): each part with the lines without values
    above it as its header. Table 二's sub-tables whose first columns are blank in every row
    print their header where no value shows it to be one."""
    parts: list[_Block] = []
    part, pending = _Block(header=block.header, ruling=block.ruling), []
    for ln in block.lines:
        if not ln.values:
            pending.append(ln)
            continue
        if any(len(p.tokens) > 1 for p in pending):
            parts.append(part)
            part = _Block(header=pending[-HEADER_LINES:])
        else:
            part.lines += pending  # a label wrapped under its row
        pending = []
        part.lines.append(ln)
    parts.append(part)
    return parts if len(parts) > 1 else []


def _reaches_values(line: _Line, rows: list[_Line]) -> bool:
    """Does a line without values have text where the rows above print values (a header
    between parts of a table: 第二十条第(五)项's ``信息内容  本年处理决定数量``), in either
    measure?"""
    if len(line.tokens) < 2:
        return False
    for display in (True, False):
        m = _Measure(display)
        first = min(m.span(r, off, tok)[0] for r in rows if r.values for off, tok in r.values[:1])
        if m.span(line, *line.tokens[-1])[0] >= first:
            return True
    return False


def _widths(text: str) -> list[int]:
    """The display column at which each character of ``text`` starts (wide ones take two)."""
    out, at = [], 0
    for ch in text:
        out.append(at)
        at += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    out.append(at)
    return out


class _Measure:
    """Token spans of lines in one measure: display columns or characters."""

    def __init__(self, display: bool) -> None:
        self.display = display
        self._cols: dict[int, list[int]] = {}

    def span(self, line: _Line, offset: int, token: str) -> Span:
        if not self.display:
            return offset, offset + len(token) - 1
        cols = self._cols.get(line.index)
        if cols is None:
            cols = self._cols[line.index] = _widths(line.text)
        return cols[offset], cols[offset + len(token)] - 1


def _read_block(block: _Block) -> list[tuple[_Line, list[str]]] | None:
    """Every value line of the block with its cells ('' for a blank one), or None where the
    block's geometry leaves any choice."""
    rows = block.rows
    readings = []
    for display in (True, False):
        m = _Measure(display)
        for columns in (_ruled_columns(block, m), _value_columns(block, m), _header_columns(block, m)):
            if columns is not None:
                cells = _place(block, m, columns)
                if cells is not None:
                    readings.append(cells)
    if not readings or any(r != readings[0] for r in readings[1:]):
        return None
    return list(zip(rows, readings[0]))


def _label_end(block: _Block, m: _Measure) -> int:
    """The last column any text of the block's lines that is not a value reaches (-1: none)."""
    return max((m.span(ln, off, tok)[1] for ln in block.lines for off, tok in ln.words), default=-1)


def _ruled_columns(block: _Block, m: _Measure) -> list[Span] | None:
    """The value columns a pandoc ruling line draws: its dash runs right of every label."""
    if block.ruling is None:
        return None
    runs = [(x.start(), x.end() - 1) for x in re.finditer(r"-+", block.ruling)]
    end = _label_end(block, m)
    return [r for r in runs if r[0] > end]


def _value_columns(block: _Block, m: _Measure) -> list[Span] | None:
    """The value columns the values themselves draw, where a full row prints every one —
    or, in table 三, where no row is full but the values of the block fall in exactly
    :data:`LABELLED_WIDTH` clusters (:func:`_sparse_columns`)."""
    rows = block.rows
    width = max(len(r.values) for r in rows)
    if width != FULL_WIDTH and not (width == LABELLED_WIDTH and all(r.words for r in rows)):
        return _sparse_columns(block, m)  # the most values a row prints need not be the table's width
    columns = _clusters([m.span(r, off, tok) for r in rows for off, tok in r.values])
    if len(columns) != width:
        return None
    return columns


SPARSE_NAMED_ROWS = 3  # rows of table 三 a block without a full row must name to be read by its clusters
# blank characters between two values of one column that a layout text's rounding may put in:
# pdftotext -layout places each line's text from its glyphs' x, rounded to a character, so a
# value may stand a character left or right of where its column's other values do (as the
# label before it on its line is longer or shorter); two values of one column are then at
# most one blank apart, and are one cluster
JITTER = 1
COLUMN_GAP = JITTER + 2  # blank characters two clusters stand apart at least to be two columns: a margin past the jitter


def _sparse_columns(block: _Block, m: _Measure) -> list[Span] | None:
    """The columns of a sparse table 三 (no row prints all seven values: blank cells) drawn
    by its values: where they fall in exactly :data:`LABELLED_WIDTH` clusters, each cluster
    is one column, in order — seven columns, seven disjoint clusters, no choice. Taken only
    where at least :data:`SPARSE_NAMED_ROWS` row labels name rows of table 三, every label
    naming a row names one printed seven wide (checked by :func:`_place`). Values at most
    :data:`JITTER` blank characters apart are one cluster (a layout text's rounding moves one
    column's values by a character or two); two clusters closer than :data:`COLUMN_GAP` are
    no reading (one column's values moved further, or two columns: no telling), nor is a
    cluster wider than its widest value and twice the jitter (a value standing between two
    columns widens one), nor a reading where any row's printed parts sum to no more than its printed total
    (to it where all six are printed). A column blank in every row leaves six clusters: no
    reading."""
    rows = block.rows
    if sum(1 for r in rows if _names_table3_row(r)) < SPARSE_NAMED_ROWS:
        return None
    spans = [m.span(r, off, tok) for r in rows for off, tok in r.values]
    columns = _clusters(spans, JITTER)
    if len(columns) != LABELLED_WIDTH:
        return None
    if any(b[0] - a[1] - 1 < COLUMN_GAP for a, b in itertools.pairwise(columns)):
        return None  # two clusters this close may be one column's values shifted apart
    for lo, hi in columns:
        widest = max(b - a + 1 for a, b in spans if lo <= a and b <= hi)
        if hi - lo + 1 > widest + 2 * JITTER:
            return None
    for r in rows:
        cells: list[str] = [""] * LABELLED_WIDTH
        for off, tok in r.values:
            at = _column_of(m.span(r, off, tok), columns)
            if at is None or cells[at]:
                return None
            cells[at] = tok
        if not _parts_within_total(cells):
            return None
    return columns


def _names_table3_row(line: _Line) -> bool:
    text = " ".join(t for _, t in line.words)
    return bool(text) and any(p.kind == "row" and p.table == "table3" for seg in segment(text) for p in seg.phrases)


def _parts_within_total(cells: list[str]) -> bool:
    """Do a table 三 row's printed parts (its first six cells, blanks and marks aside) sum
    to no more than its printed total, and to it where all six are numbers?"""
    *parts, total = cells
    if not _WHOLE.match(total):
        return True  # a blank or marked total bounds nothing
    nums = [int(c) for c in parts if _WHOLE.match(c)]
    if len(nums) == len(parts):
        return sum(nums) == int(total)
    return sum(nums) <= int(total)


_WHOLE = re.compile(r"^\d+$")


def _header_columns(block: _Block, m: _Measure) -> list[Span] | None:
    """The value columns the header's cells start, where values and headers are left-aligned
    alike: every header line's cells right of the labels start at one of W columns, one line
    names all W, and every value starts where a column does."""
    end = _label_end(block, m)
    area = end + 2 if end >= 0 else 0  # table 四's row has no label: every header cell names a column
    starts: set[int] = set()
    named = 0
    first_value = min(m.span(r, *r.values[0])[0] for r in block.rows)
    for ln in block.header:
        spans = [m.span(ln, off, tok) for off, tok in ln.tokens]
        across = [(lo, hi) for lo, hi in spans if lo < area <= hi + 1]
        if across and (len(across) > 1 or across[0] != spans[0] or across[0][1] >= first_value - 1):
            continue  # a caption across the labels' edge (第二十条第(一)项 over its table) names no column
        edge = max(area, across[0][1] + 2) if across else area  # the label column's own header (信息内容)
        line_starts = [lo for lo, _ in spans if lo >= edge]
        starts.update(line_starts)
        named = max(named, len(line_starts))
    if named != len(starts) or not starts:
        return None
    cols = sorted(starts)
    if any(m.span(r, off, tok)[0] not in starts for r in block.rows for off, tok in r.values):
        return None
    return [(lo, (cols[i + 1] - 2) if i + 1 < len(cols) else 10**9) for i, lo in enumerate(cols)]


def _place(block: _Block, m: _Measure, columns: list[Span]) -> list[list[str]] | None:
    """Each row's cells in these columns, or None where a value is not inside exactly one
    column, two values share one, text reaches the columns, or the width is no row's."""
    width = len(columns)
    if width not in ROW_WIDTHS or width < max(len(r.values) for r in block.rows) or not _named_width(block, width):
        return None
    end = _label_end(block, m)
    if end >= 0 and end >= columns[0][0] - 1:
        return None  # text reaches the value columns
    out: list[list[str]] = []
    for r in block.rows:
        cells = [""] * width
        for off, tok in r.values:
            at = _column_of(m.span(r, off, tok), columns)
            if at is None or cells[at]:
                return None
            cells[at] = tok
        out.append(cells)
    return out


def _named_width(block: _Block, width: int) -> bool:
    """Do the rows' labels agree with this width? Every label that names a row of the
    template names one printed at this width, and one does at least — or the block is table
    四's unlabelled row, the widest. A header cell with a space inside (``采购项目 数量``)
    looks like two columns; the template's row says how many there are."""
    named = False
    for r in block.rows:
        text = " ".join(t for _, t in r.words)
        for seg in segment(text) if text else ():
            for p in seg.phrases:
                if p.kind == "row":
                    if width not in LABEL_WIDTHS.get((p.table, p.ref), frozenset()):
                        return False
                    named = True
    return named or (width == FULL_WIDTH and not any(r.words for r in block.rows))


def _clusters(spans: list[Span], jitter: int = 0) -> list[Span]:
    """The clusters of the spans: overlapping or touching spans (or spans at most ``jitter``
    blank characters apart) are one column."""
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + 1 + jitter:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def _column_of(span: Span, columns: list[Span]) -> int | None:
    """The one column the span lies inside, if any."""
    hits = [i for i, (lo, hi) in enumerate(columns) if lo <= span[0] and span[1] <= hi]
    return hits[0] if len(hits) == 1 else None


# ------------------------------------------------------------------ comparison notes wrapped in a cell

# a comparison with the year before printed after a count in its cell (``0（同比持平）``), which
# a text-mode browser wraps in a narrow column: its start, open at the line's end
# (``0（同比``, ``0（较上``, ``0(上年``), its rest under it, a line or two down, from the cell's
# left edge (``持平）``; ``增加4件`` ⏎ ``）``)
_NOTE_OPENS = re.compile(r"(?<=\d)\s*[(（][^()（）\s]{0,6}$")
_NOTE_WORDS = re.compile(r"同比|环比|上年|上一年|去年|[较比]\d{4}年")
NOTE_LINES = 3  # lines under a note's start that its rest may take
NOTE_CHARS = 24  # characters a comparison note holds at most (its brackets apart)
_CELL_START = re.compile(r"\S+$")


def blank_wrapped_notes(text: str) -> str:
    """A layout text whose comparison notes wrapped over lines of their cell, with each such
    note blanked (spaces as wide as its characters), the count before it kept: a note's
    pieces read as cells (``增加4件`` a value of 4, ``持平）`` a label) shift or break its row.

    A note is taken only where its start (a ``(`` after the cell's number, open at the line's
    end) and the pieces below it, each starting at the cell's left edge — in display columns
    or in characters, as the tool pads — join into a bracketed comparison (同比, 上年, 较上年 …)
    that closes within :data:`NOTE_LINES` lines. Anything else is left as printed."""
    if "(" not in text and "（" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = _NOTE_OPENS.search(line)
        if m is None:
            continue
        start = _CELL_START.search(line[:m.start()])
        if start is None:
            continue
        pieces = _note_rest(lines, i, start.start())
        if pieces is None:
            continue
        note = line[m.start():].strip() + "".join(lines[k][a:b] for k, a, b in pieces)
        if len(note) > NOTE_CHARS + 2 or not _NOTE_WORDS.search(note):
            continue
        lines[i] = line[:m.start()] + _spaces(line[m.start():])
        for k, a, b in pieces:
            lines[k] = lines[k][:a] + _spaces(lines[k][a:b]) + lines[k][b:]
    return "\n".join(lines)


def _note_rest(lines: list[str], i: int, cell: int) -> list[tuple[int, int, int]] | None:
    """The pieces (line, start, end) of a note begun on line ``i`` in the cell whose text starts
    at character ``cell``: on each next line, the run that starts at the cell's edge, up to the
    run that closes the bracket; None where a line has no such run or none closes it."""
    col = _widths(lines[i])[cell]
    pieces = []
    for k in range(i + 1, min(len(lines), i + 1 + NOTE_LINES)):
        run = _run_at(lines[k], cell, col)
        if run is None:
            return None
        pieces.append((k, *run))
        if ")" in lines[k][run[0]:run[1]] or "）" in lines[k][run[0]:run[1]]:
            return pieces
    return None


def _run_at(line: str, cell: int, col: int) -> tuple[int, int] | None:
    """The run of non-space characters of ``line`` that starts at character ``cell`` or at
    display column ``col`` (after a space or at the line's start), as (start, end)."""
    widths = _widths(line)
    for a in {cell, *(j for j, w in enumerate(widths[:-1]) if w == col)}:
        if 0 <= a < len(line) and not line[a].isspace() and (a == 0 or line[a - 1].isspace()):
            b = a
            while b < len(line) and not line[b].isspace():
                b += 1
            return a, b
    return None


def _spaces(text: str) -> str:
    """Spaces as wide, on a display, as ``text``."""
    return " " * (_widths(text)[-1])
