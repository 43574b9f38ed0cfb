"""Tables without ruling lines, rebuilt from where their words sit.

A *row line* breaks at wide gaps into label chunks and value chunks (numbers, ``/``,
``—``, ``无``). Row lines near each other whose values fall in the same columns, with the
label-only lines between them, make a table; value columns are the x-ranges the value
chunks share.

Labels: a row label may run over several lines with its numbers printed beside the first,
a middle or the last of them. A label line that starts with an enumerator (``一、``
``（二）`` ``3.``) starts a row, any other label line continues the row above, and a row's
numbers are those printed within its lines; numbers printed just above their label join
it; a number broken over two lines of its column is joined. Where lines carry two label
chunks (a group label beside a sub-label), the labels form two columns: text lying wholly
in the first is the group label, joined over its lines into one cell spanning the rows it
sits beside; a label reaching into both columns is a row label over both.

Columns from the header: a column blank in every row of the page (a report that leaves zeros
blank) makes no band of values, so where the lines just above the table print the format's
value-column headers (``自然人`` … ``总计``, ``本年制发件数`` …; stacked over lines or set edge to
edge), their x-ranges are the columns: a value belongs to the one header it overlaps, since a
cell holds its header and its values. Such a table grows by those columns and is built on
them, blank ones included; a value under no header, or under two, leaves the table to the
value bands. Below the last row, a line that is a whole phrase of the format (the next
block's caption) ends the table; a group label that begins with an enumerator, or is set
neither flush nor centred with the group line above, starts a group of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from statistics import median

from ..document import Cell, Position, Table
from ..template.formats import FORMATS, value_column_labels
from ..template.labels import dictionary, row_label_widths
from ..template.normalize import label_key
from .pdf_grid import PlacedTable
from .pdf_lines import SPACE_GAP, Line, is_wide, join_lines, min_confidence, split_at_gaps, union
from .pdf_page import PageContent

MAX_LABEL_LINES = 4  # label-only lines allowed between two row lines of one table
LABEL_LINES_ABOVE = 2  # label lines taken above a first row line that holds numbers only
TRAILING_LABEL_LINES = 2  # label lines taken below the last row line
MAX_HEADER_LINES = 4  # header lines (several chunks, no value) taken above the first row
MIN_VALUES_ALONE = 3  # a single row line is a table when it has this many values
WIDE = 0.6  # a label-only line wider than this share of the table is prose, not a label
BAND_SLACK = 0.5  # line heights a value may stick out of its column and still belong to it
ROW_GAP = 0.6  # a gap above a line this many line heights wide or wider separates two rows
SAME_POSITION = 0.01  # pt: positions closer than this are equal (pdfium gives 32-bit floats)
GLUE_GAP = 0.15  # line heights: a gap this wide between a label's last character and a number ends the label
MIN_LABEL_KEY = 4  # characters: shorter label keys of the format (规章, 总计) prove no join
GROUP_LINE_GAP = 2  # lines of one group label are at most this many lines apart
HEADER_REACH = 10  # lines above a table read for the column headers its values do not show
_LEAST_CELL_GAP = min(GLUE_GAP, SPACE_GAP)  # line heights: a cell boundary is wider than both (see _cell_gap)

_VALUE = re.compile(r"^(?:[-+]?\d[\d,，.]*\s*(?:万元|元|%|件|个|项)?|[/／\\—–\-]{1,2}|无)$")
_NO_VALUE = re.compile(r"[^\d,，.+\-万元%件个项/／\\—–无\s]")  # a character _VALUE matches nowhere
_KEY_NUMBERING = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[)）])")
_CLOSING = "”’)）」』】"
_ENUMERATOR = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十]{1,3}[）)、.．]|[（(]\d{1,2}[）)]|\d{1,2}[.、．](?!\d))")

Split = tuple[list[Line], list[Line]]  # a line's label chunks and value chunks


@dataclass
class _Row:
    labels: list[Line] = field(default_factory=list)  # row labels (or sub-labels), in line order
    level: int = 0  # the label column its label starts in (it spans the later ones)
    values: list[list[Line]] = field(default_factory=list)  # value chunks of each line with values
    lines: list[int] = field(default_factory=list)  # indices of the lines it takes

    def value_count(self) -> int:
        return max((len(v) for v in self.values), default=0)


def unruled_tables(lines: list[Line], page: PageContent,
                   carried: tuple[float, ...] = ()) -> tuple[list[PlacedTable], list[Line]]:
    """Tables found among ``lines`` (of ``page``) and the lines left over. ``carried``: the
    label columns of a table that ended the page before, for a table that opens this page
    (its continuation) and shows none of its own."""
    split = [_split(ln) for ln in lines]
    tables: list[PlacedTable] = []
    used: set[int] = set()
    for start, end, columns in _regions(lines, split):
        start = _label_above(lines, split, start, used)
        head = start
        while head > 0 and start - head < MAX_HEADER_LINES and head - 1 not in used \
                and len(split[head - 1][0]) >= 2 and not split[head - 1][1] and "。" not in lines[head - 1].text:
            head -= 1
        placed = None
        if columns:  # the header prints every column, those its values leave blank too
            placed = _table(lines[head:end], split[head:end], start - head, page, carried if head == 0 else (),
                            columns)
        if placed is None:
            placed = _table(lines[head:end], split[head:end], start - head, page, carried if head == 0 else ())
        if placed is None or _columns_unseen(placed):
            continue  # its lines stay text: the aligner nulls rows that show too few values
        tables.append(placed)
        used.update(range(head, end))
    return tables, [ln for i, ln in enumerate(lines) if i not in used]


# ------------------------------------------------------------------ lines and regions

def _label_above(lines: list[Line], split: list[Split], start: int, used: set[int]) -> int:
    """A table whose first row line holds numbers only (a label set on two lines or more,
    its numbers centred between them: a row continued at the top of a page) starts with
    the label lines just above it, up to the one that begins with an enumerator. So does a
    first row line whose only label is a piece of a group label (``_piece``) set left of
    the label line above it (``无法提`` beside the numbers, ``2.没有现成…`` above)."""
    if split[start][0] and not _piece_below_label(split, start):
        return start
    width = lines[start].x1 - lines[start].x0
    k = start
    while k > 0 and start - k < LABEL_LINES_ABOVE and k - 1 not in used \
            and _is_label_line(lines[k - 1], split[k - 1], width) \
            and lines[k].top - lines[k - 1].bottom < ROW_GAP * lines[k].height:
        k -= 1
        if _ENUMERATOR.match(split[k][0][0].text):
            return k
    return start if k == start else k


def _piece_below_label(split: list[Split], start: int) -> bool:
    labels = split[start][0]
    if len(labels) != 1 or start == 0 or not _piece(labels[0], labels):
        return False
    above, above_values = split[start - 1]
    return bool(above) and not above_values and above[0].x0 > labels[0].x1


def _split(line: Line) -> Split:
    labels, values = [], []
    for chunk in _cell_chunks(line):
        pieces = _value_pieces(chunk)
        if pieces:
            values += pieces
        elif values:
            values.append(chunk)  # text right of a value is a cell of its own
        else:
            labels.append(chunk)
    return labels, values


def _cell_chunks(line: Line) -> list[Line]:
    """The line cut at wide gaps, and each piece cut again where a gap wider than a space
    follows a Chinese character and precedes another, an opening bracket (``三、本年
    (一)予以公开``) or the numbers that end the chunk: Chinese print puts no
    space there, so such a gap is a cell boundary (an office suite sets a narrow label
    column's text, or the next column's first number, a few points from it)."""
    out: list[Line] = []
    for chunk in line.chunks():
        fs = chunk.fragments
        height = chunk.height
        least = _LEAST_CELL_GAP * height  # no narrower gap is a cell boundary: most gaps, asked no more
        cut = [0] + [i for i in range(1, len(fs)) if fs[i].x0 - fs[i - 1].x1 > least and _cell_gap(fs, i, height)]
        if len(cut) == 1:
            out.append(chunk)  # not cut: the chunk itself (measured already)
        else:
            out += [Line(fs[a:b]) for a, b in pairwise(cut + [len(fs)])]
    return out


def _cell_gap(fs: list, i: int, height: float) -> bool:
    """Is the gap before fragment ``i`` a cell boundary? After a Chinese character: before
    another, a digit or an opening bracket when wider than a space, before the numbers that
    end the chunk when wider than ``GLUE_GAP`` (LibreOffice sets a long label 3 pt from the
    first number; a label of the format never ends in a digit). After a closing quote or
    bracket: only before the numbers that end the chunk."""
    gap = fs[i].x0 - fs[i - 1].x1
    last, first = fs[i - 1].text[-1:], fs[i].text[:1]
    if not is_wide(last):
        return last in _CLOSING and _trailing(fs, i, first, gap, height)  # ``3.危及“三安全一稳定” 11``
    if is_wide(first) or first in "([" or (first.isdigit() and gap > SPACE_GAP * height):
        return gap > SPACE_GAP * height
    return _trailing(fs, i, first, gap, height)


def _trailing(fs: list, i: int, first: str, gap: float, height: float) -> bool:
    """Do the fragments from ``i`` on, set more than ``GLUE_GAP`` after the one before, make
    the numbers that end the chunk?"""
    return first.isdigit() and gap > GLUE_GAP * height and bool(_value_pieces(Line(fs[i:])))


def _value_pieces(chunk: Line) -> list[Line]:
    """A chunk of values (several if spaced apart), or [] if it is not all values (at once
    when it holds a character no value is written with)."""
    if _NO_VALUE.search("".join([f.text for f in chunk.fragments])):
        return []
    pieces = split_at_gaps(chunk.fragments, SPACE_GAP * chunk.height)
    return pieces if all(_VALUE.match(p.text) for p in pieces) else []


def _regions(lines: list[Line], split: list[Split]) -> list[tuple[int, int, list[tuple[float, float]] | None]]:
    """[start, end) of each run of lines that is a table, with the value columns its header
    prints (``_header_columns``) if it prints them all: row lines whose values fall in the
    same columns (the header's, where it has them), at most a few label-only lines between
    them."""
    out: list[tuple[int, int, list[tuple[float, float]] | None]] = []
    i = 0
    while i < len(lines):
        if not _is_row_line(split[i]):
            i += 1
            continue
        start, end, rows, j = i, i + 1, 1, i + 1
        values = list(split[i][1])
        columns = _header_columns(lines, split, i, min(v.x0 for v in values))
        if columns is not None and any(_overlapping(columns, v) is None for v in values):
            columns = None
        bands = _grown_bands([], values)  # the bands of ``values``, kept as rows are added
        width = lines[i].x1 - lines[i].x0
        while j < len(lines):
            if _is_row_line(split[j]) or (columns is not None and split[j][1]):  # numbers alone under a header too
                if columns is not None:
                    if any(_overlapping(columns, v) is None for v in split[j][1]):
                        break
                elif not _aligned(split[j][1], bands if bands is not None else _bands(values), lines[j].height):
                    break
                rows, end = rows + 1, j + 1
                values += split[j][1]
                bands = _grown_bands(bands, split[j][1]) if bands is not None else None
                width = max(width, lines[j].x1 - lines[j].x0)
            elif not (j - end < MAX_LABEL_LINES and _is_label_line(lines[j], split[j], width)):
                break
            j += 1
        if rows >= 2 or len(values) >= MIN_VALUES_ALONE or columns is not None:
            last_row = end
            left = min(ln.x0 for ln in lines[start:end])
            labelled = bool(split[last_row - 1][0])  # the last row line prints its label
            while end < j and not _ENUMERATOR.match(lines[end].text) and not (labelled and _phrase(lines[end])) and (
                    end - last_row < TRAILING_LABEL_LINES or _continues_sub_label(lines[end - 1], lines[end], left)):
                end += 1  # the last row's label continues below its numbers
            out.append((start, end, columns))
        i = max(end, i + 1)
    return out


def _phrase(line: Line) -> bool:
    """Is ``line`` a whole phrase of the format (a caption ``第二十条第(五)项``, a header
    ``信息内容``, a row label), ``MIN_LABEL_KEY`` characters or more? Below a row line that
    prints its own label it starts what follows the table, not a line of that label (set
    close under the last row where no rule parts them)."""
    key = label_key(line.text)
    return len(key) >= MIN_LABEL_KEY and key in dictionary()


def _continues_sub_label(above: Line, line: Line, left: float) -> bool:
    """Is ``line`` the next line of a label set in a later label column (it starts where
    the line above starts, right of the table's left edge)? The last row of a page may
    have more lines below its numbers than ``TRAILING_LABEL_LINES``."""
    return abs(line.x0 - above.x0) <= line.height and line.x0 - left > line.height


def _is_row_line(parts: Split) -> bool:
    labels, values = parts
    return bool(values) and len(labels) + len(values) >= 2


def _is_label_line(line: Line, parts: Split, width: float) -> bool:
    labels, values = parts
    return not values and len(labels) <= 2 and "。" not in line.text and line.x1 - line.x0 <= WIDE * width


def _aligned(values: list[Line], bands: list[tuple[float, float]], height: float) -> bool:
    """Do these value chunks fall in the columns ``bands`` (each in its own, most in one)?"""
    slack = BAND_SLACK * height
    hits = [[i for i, (a, b) in enumerate(bands) if v.x0 <= b + slack and v.x1 >= a - slack] for v in values]
    taken = [h[0] for h in hits if len(h) == 1]
    if len(taken) != len(set(taken)) or any(len(h) > 1 for h in hits):
        return False
    return 2 * sum(1 for h in hits if not h) <= len(values)


def _columns_unseen(placed: PlacedTable) -> bool:
    """Does the table show fewer value columns than the format gives a row of it? Its
    columns are only where values sit (``_bands``): in a report that leaves zeros blank a
    column blank in every one of its rows makes none, and the values right of it would be
    read one column to the left. Which column each value stands in is then unknown. A row
    is measured by its label (``_label_width``); a table of values with no row label at
    all (values under header words, or numbers whose label stayed in the text around them)
    may be any row: it needs the widest's columns. A row of numbers among labelled rows (a
    row cut by the page) proves nothing. Where no row of values has a label the format knows
    (a tall label printed a piece a line beside a group label: ``政机关不再处理其政府``), the
    values may be any row's too: a table whose value columns are as many as no row of the
    format has (4 of table 三's 7) did not see them all."""
    n_label = 1 + len(placed.label_starts)
    cells = placed.table.cells
    n_values = max((c.col for c in cells), default=0) + 1 - n_label
    labels = {c.row: c.text for c in cells if c.col < n_label and c.col + c.colspan == n_label and c.text}
    rows = sorted({c.row for c in cells if c.col >= n_label and _VALUE.match(c.text)})
    if rows and not any(r in labels for r in rows):
        return _widest_row() > n_values
    widths = [_label_width(labels[r]) for r in rows if r in labels]
    if widths and not any(widths):
        return n_values not in _row_widths()
    return any(w > n_values for w in widths)


def _label_width(text: str) -> int:
    """The fewest value cells the format gives a row labelled ``text``: its label's, else a
    label of the format whose first ``MIN_LABEL_KEY`` characters (numbering set aside) it
    starts with (a label cut at the cell's edge: ``1.本机关不掌握相关政府``), else 0."""
    key = label_key(text)
    widths = row_label_widths(True)
    if key in widths:
        return min(widths[key])
    head = _bare(key)[:MIN_LABEL_KEY]
    near = [min(w) for k, w in widths.items() if len(head) == MIN_LABEL_KEY and _bare(k).startswith(head)]
    return min(near) if near else 0


def _bare(key: str) -> str:
    """A label key without its numbering (``label_key`` keeps the number, drops its dot)."""
    return _KEY_NUMBERING.sub("", key, count=1)


@lru_cache(maxsize=1)
def _widest_row() -> int:
    """The most value cells a row of the format has (table 四's one row: 15)."""
    return max(row.width for fmt in FORMATS.values() for t in fmt.tables for row in t.rows)


@lru_cache(maxsize=1)
def _row_widths() -> frozenset[int]:
    """The value cells a row of the format may have (1, 2, 3, 7, 15)."""
    return frozenset(row.width for fmt in FORMATS.values() for t in fmt.tables for row in t.rows)


# ------------------------------------------------------------------ columns from the header

def _header_columns(lines: list[Line], split: list[Split], head: int, limit: float) -> list[tuple[float, float]] | None:
    """The value columns a table's header prints, where its values do not show them all (a
    report that leaves zeros blank: a column blank in every row of the page).

    The lines just above the table's first row line ``head`` (``HEADER_REACH`` at most, up
    to one that holds values or shows no column word and reaches past the label column:
    ``limit``, the row's first value, until a column word is seen, then that word's left
    end) are read for
    *column words*: chunks that are a value column header of the format or a piece of one
    (``科研`` over ``机构``), chunks that are several headers set edge to edge cut into them
    (``本年制发件数本年废止件数现行有效件数``). Column words whose x-ranges overlap stack into one
    column, read top to bottom; every stack must spell a header of the format, else None.
    A group header over several columns (``法人或其他组织``, ``申请人情况``) is no column word
    and is passed over. The columns are the stacks' x-ranges, left to right."""
    pieces: list[Line] = []
    left = limit  # lines wholly left of it are the label column's
    for k in range(head - 1, max(-1, head - 1 - HEADER_REACH), -1):
        labels, values = split[k]
        if values:
            break
        found = [p for chunk in labels for p in _column_words(chunk)]
        if not found:
            if any(c.x1 > left for c in labels):
                break
            continue
        pieces += found
        left = min(p.x0 for p in pieces)
    stacks: list[list[Line]] = []
    for piece in sorted(pieces, key=lambda p: p.x0):
        if stacks and piece.x0 <= max(p.x1 for p in stacks[-1]):
            stacks[-1].append(piece)
        else:
            stacks.append([piece])
    known = _column_keys()
    for stack in stacks:
        stack.sort(key=lambda p: (p.top, p.x0))
        if label_key("".join(p.text for p in stack)) not in known:
            return None
    if len(stacks) < 2:
        return None
    return [(min(p.x0 for p in stack), max(p.x1 for p in stack)) for stack in stacks]


def _column_words(chunk: Line) -> list[Line]:
    """``chunk`` if its text is a value column header of the format or a piece of one; the
    headers it is cut into if it is several set edge to edge; else none."""
    key = label_key(chunk.text)
    if not key:
        return []
    if any(key in k for k in _column_keys()):
        return [chunk]
    out: list[Line] = []
    fs = chunk.fragments
    start = 0
    while start < len(fs):
        text, end, cut = "", start, None
        while end < len(fs):
            text += label_key(fs[end].text)
            end += 1
            if text in _column_keys():
                cut = end  # the longest header from ``start`` on
            if not any(k.startswith(text) for k in _column_keys()):
                break
        if cut is None:
            return []
        out.append(Line(fs[start:cut]))
        start = cut
    return out


@lru_cache(maxsize=1)
def _column_keys() -> frozenset[str]:
    return frozenset(k for k in map(label_key, value_column_labels()) if k)


def _under_header(columns: list[tuple[float, float]], chunk: Line) -> int:
    """The column of a chunk in a table whose columns are its header's: the one header a
    value overlaps (``_table`` checked there is one for each value), else, for words set
    right of the label column (a header cell's text), the nearest, as ``_nearest`` places
    them in any table."""
    column = _overlapping(columns, chunk)
    return _nearest(columns, chunk) if column is None else column


def _overlapping(columns: list[tuple[float, float]], chunk: Line) -> int | None:
    """The one column whose header ``chunk`` overlaps, lying clear of the headers beside it:
    a cell holds its header and its values, so a value over a header's x-range is in its
    column. None where it overlaps none or several."""
    x0, x1 = chunk.x0, chunk.x1
    hits = [i for i, (a, b) in enumerate(columns) if x0 < b and x1 > a]
    if len(hits) != 1:
        return None
    i = hits[0]
    if (i > 0 and x0 < columns[i - 1][1]) or (i + 1 < len(columns) and x1 > columns[i + 1][0]):
        return None
    return i


# ------------------------------------------------------------------ one table

def _table(lines: list[Line], split: list[Split], n_header: int, page: PageContent,
           carried: tuple[float, ...] = (), columns: list[tuple[float, float]] | None = None) -> PlacedTable | None:
    """The table of ``lines``, its value columns where its values sit, or, given
    ``columns`` (``_header_columns``), those: then None unless each value falls in one."""
    values = [v for _, row_values in split[n_header:] for v in row_values]
    column_of: Callable[[list[tuple[float, float]], Line], int]
    if columns is None:
        bands, column_of = _bands(values), _nearest
    elif all(_overlapping(columns, v) is not None for v in values):
        bands, column_of = columns, _under_header
    else:
        return None
    first_value = bands[0][0]
    slack = BAND_SLACK * lines[0].height
    split = [([c for c in labels if c.x0 < first_value - slack], [c for c in labels if c.x0 >= first_value - slack] + values)
             for labels, values in split]  # header words over the value columns are column text
    starts = _label_starts(split[n_header:], lines[0].height) or _carried_starts(carried, split[n_header:],
                                                                                 lines[0].height)
    rows, groups = _rows(lines[n_header:], split[n_header:], starts)
    n_label = 1 + len(starts)
    cells: list[Cell] = []
    for r, (labels, values) in enumerate(split[:n_header]):  # header words joined per column
        by_col: dict[int, list[Line]] = {}
        for chunk in labels + values:
            col = 0 if chunk.x1 <= first_value else n_label + _nearest(bands, chunk)  # words may span columns
            by_col.setdefault(col, []).append(chunk)
        for col, chunks in sorted(by_col.items()):
            cells.append(_cell(chunks, r, col, page, colspan=n_label if col == 0 else 1))
    first_row = {}
    for r, row in enumerate(rows, start=n_header):
        for i in row.lines:
            first_row[i] = r
        if row.labels:
            col = row.level
            cells.append(_cell(row.labels, r, col, page, colspan=n_label - col))
        if not row.values:
            continue  # a caption or a label without values: no blank value cells
        per_band: dict[int, list[Line]] = {}
        for values in row.values:
            for chunk in values:
                per_band.setdefault(column_of(bands, chunk), []).append(chunk)
        for b in range(len(bands)):
            cells.append(_cell(per_band.get(b, []), r, n_label + b, page))
    for level, run in groups:
        covered = [_row_of(i, first_row, lines[n_header:]) for i, _ in run]
        top = min(covered)
        cells.append(_cell([c for _, c in run], top, level, page, rowspan=max(covered) - top + 1))
    bbox = (min(ln.x0 for ln in lines), lines[0].top, max(ln.x1 for ln in lines), lines[-1].bottom)
    return PlacedTable(Table(cells, Position(page=page.number, bbox=page.box(*bbox))), lines[0].top, bbox,
                       tuple(starts))


def _carried_starts(carried: tuple[float, ...], split: list[Split], height: float) -> list[float]:
    """The label columns of the table this one continues, where no line here prints two
    labels side by side (a page of sub-labels whose group labels stand on lines of their
    own: ``不予处`` / ``理``): kept only if label chunks here start at every one of them."""
    lefts = [c.x0 for labels, _ in split for c in labels]
    if not carried or not all(any(abs(x - s) <= height for x in lefts) for s in carried):
        return []
    return list(carried)


def _label_starts(split: list[Split], height: float) -> list[float]:
    """Where each label column after the first starts, if lines carry group labels beside
    sub-labels: the left ends of label chunks printed right of another label chunk, in
    clusters one line height wide; a cluster of one line stands only when it is the only
    one (a single group label beside its sub-label)."""
    xs = sorted(c.x0 for labels, _ in split for c in labels[1:])
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= height:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    kept = [median(c) for c in clusters if len(c) >= 2]
    return kept if kept else ([median(xs)] if xs else [])


def _rows(lines: list[Line], split: list[Split], starts: list[float]) -> tuple[list[_Row], list[tuple[int, list]]]:
    """The table's rows, and its group labels as (label column, runs of (line index, chunk))."""
    height = lines[0].height
    kinds = [_kinds(labels, values, starts, height) for labels, values in split]
    for i, (labels, _) in enumerate(split):
        for k, chunk in enumerate(labels):
            if kinds[i][k][0] == "lone":
                kinds[i][k] = (_lone_kind(chunk, kinds[i][k][1], i, split, kinds, height), kinds[i][k][1])
    rows: list[_Row] = []
    groups: list[tuple[int, list]] = []
    open_runs: dict[int, tuple[int, list]] = {}  # label column → (last line, its run)
    for i, ((labels, values), line_kinds) in enumerate(zip(split, kinds)):
        own = [(c, level) for c, (kind, level) in zip(labels, line_kinds) if kind != "group"]
        for c, (kind, level) in zip(labels, line_kinds):
            if kind == "group":
                last, run = open_runs.get(level, (-GROUP_LINE_GAP - 1, []))
                if i - last > GROUP_LINE_GAP or (run and _starts_group(run[-1][1], c, height)):
                    run = []
                    groups.append((level, run))
                run.append((i, c))
                open_runs[level] = (i, run)
        cur = rows[-1] if rows else None
        apart = i > 0 and lines[i].top - lines[i - 1].bottom > ROW_GAP * height - SAME_POSITION
        if own:
            starts_row = _ENUMERATOR.match(own[0][0].text) is not None
            if cur is None or starts_row or (cur.values and (values or apart)):
                cur = _Row(level=min(level for _, level in own))
                rows.append(cur)
            cur.labels += [c for c, _ in own]
            cur.lines.append(i)
            if values:
                cur.values.append(values)
        elif values:
            if cur is not None and cur.values and len(values) <= 2 and len(values) * 2 < cur.value_count() \
                    and not apart:
                cur.values.append(values)  # a number broken over two lines of its column
                cur.lines.append(i)
            elif cur is not None and not cur.values and cur.labels:
                cur.values.append(values)  # numbers beside a middle line of the label
                cur.lines.append(i)
            else:
                rows.append(_Row(values=[values], lines=[i]))
    merged: list[_Row] = []
    for row in rows:  # numbers printed just above their label
        prev = merged[-1] if merged else None
        if prev is not None and prev.values and not prev.labels and row.labels and not row.values:
            prev.labels, prev.level, prev.lines = row.labels, row.level, prev.lines + row.lines
            continue
        if prev is not None and prev.values and prev.labels and row.labels and not row.values \
                and not _ENUMERATOR.match(row.labels[0].text) and _completes_label(prev.labels, row.labels):
            prev.labels, prev.lines = prev.labels + row.labels, prev.lines + row.lines
            continue
        merged.append(row)
    return merged, groups


def _starts_group(above: Line, chunk: Line, height: float) -> bool:
    """Does the group-label chunk ``chunk`` start a group label of its own rather than go on
    with the one ``above`` (a few lines up in the same label column)? It does when it
    begins with an enumerator (``(四)无法提供`` under ``三、本年`` / ``度办理结``), or when
    neither its left edge nor its centre is where that label's line has them (lines of one
    cell are set flush left or centred): an outer group label set left of the column an
    inner one starts in, where no line shows the inner column apart."""
    if _ENUMERATOR.match(chunk.text):
        return True
    centre, above_centre = (chunk.x0 + chunk.x1) / 2, (above.x0 + above.x1) / 2
    return abs(chunk.x0 - above.x0) > height and abs(centre - above_centre) > height


def _completes_label(above: list[Line], below: list[Line]) -> bool:
    """Does the label text ``below`` (a line without numbers, set as far apart as the next
    row would be) finish the label ``above`` into a row label of the format, while being
    no label of its own? (``1.申请人…信息公开申`` + ``请``)"""
    tail = label_key(join_lines([c.text for c in below]))
    head = label_key(join_lines([c.text for c in above]))
    known = dictionary()
    if not tail or tail in known:
        return False
    return any(len(k) >= MIN_LABEL_KEY and k in head + tail and k not in head and k not in tail for k in known)


Kind = tuple[str, int]  # "group" / "row" / "lone", and the label column the chunk starts in


def _lone_kind(chunk: Line, level: int, i: int, split: list[Split], kinds: list[list[Kind]], height: float) -> str:
    """A label alone on its line, wholly in a column left of the last: the next line of the
    row label above it (not numbered, starting where that label starts), else a part of a
    group label when labels of a later column are printed beside its neighbours, else a
    row label."""
    labelled = [j for j in range(i) if split[j][0]]
    above = [c for c, (k, _) in zip(split[labelled[-1]][0], kinds[labelled[-1]]) if k == "row"] if labelled else []
    if above and not _ENUMERATOR.match(chunk.text) and abs(above[0].x0 - chunk.x0) <= height:
        return "row"
    near = [kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(split)]
    return "group" if any(lv > level for n in near for _, lv in n) else "row"


def _kinds(labels: list[Line], values: list[Line], starts: list[float], height: float) -> list[Kind]:
    """Each label chunk's kind and label column: "group" (wholly in its column, a label of
    a later column beside it), "row" (a row label from its column on, or in the last
    column), "lone" (wholly in a column left of the last, alone on a line without values
    or a possible group piece beside values (``_piece``): decided by its neighbours)."""
    tol = height
    levels = [sum(1 for s in starts if c.x0 >= s - tol) for c in labels]
    out: list[Kind] = []
    for c, level in zip(labels, levels):
        inside = level < len(starts) and c.x1 <= starts[level] + tol
        if not inside:
            out.append(("row", level))
        elif any(other > level for other in levels):
            out.append(("group", level))
        else:
            out.append(("row" if values and not _piece(c, labels) else "lone", level))
    return out


def _piece(chunk: Line, labels: list[Line]) -> bool:
    """Could a label chunk printed beside values, alone on its line, be a piece of a group
    label rather than the row's label? Numbers set midway down a row fall beside any of
    its lines, also beside the line of a group label that runs down next to the row's
    sub-label (``理`` of ``不予处`` / ``理``, ``（五）`` of ``（五）`` / ``不予处`` / ``理``). A
    chunk that is a label of the format, or an enumerator followed by words, is a row's
    label; otherwise its neighbours decide."""
    if len(labels) > 1:
        return False
    enumerator = _ENUMERATOR.match(chunk.text)
    if enumerator and chunk.text[enumerator.end():].strip():
        return False
    return label_key(chunk.text) not in dictionary()


def _row_of(line: int, first_row: dict[int, int], lines: list[Line]) -> int:
    """The row a line belongs to, or the row of the nearest line that has one."""
    if line in first_row:
        return first_row[line]
    nearest = min(first_row, key=lambda i: abs(lines[i].top - lines[line].top))
    return first_row[nearest]


def _bands(chunks: list[Line]) -> list[tuple[float, float]]:
    """The x-ranges that value chunks share: one per value column."""
    bands: list[list[float]] = []
    for c in sorted(chunks, key=lambda c: c.x0):
        if bands and c.x0 <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], c.x1)
        else:
            bands.append([c.x0, c.x1])
    return [(a, b) for a, b in bands]


def _grown_bands(bands: list[tuple[float, float]] | None, chunks: list[Line]) -> list[tuple[float, float]] | None:
    """``bands`` (``_bands`` of some chunks) with ``chunks`` added: the same bands as
    ``_bands`` of all of them, without sorting them all again for each row line. The bands
    are the union of the chunks' closed x-ranges (ranges that touch are one band), which
    does not depend on the order the ranges come in; each chunk merges with the bands it
    overlaps or touches. None where a chunk's range is reversed or not a number (no union
    then: the caller sorts them all, as before)."""
    if bands is None:
        return None
    out = list(bands)
    for c in chunks:
        lo, hi = c.x0, c.x1
        if not lo <= hi:
            return None
        kept = []
        for a, b in out:  # few bands (the value columns), apart from each other: a plain scan
            if a <= hi and b >= lo:
                lo = min(lo, a)
                hi = max(hi, b)
            else:
                kept.append((a, b))
        kept.append((lo, hi))
        kept.sort()
        out = kept
    return out


def _nearest(bands: list[tuple[float, float]], chunk: Line) -> int:
    x0, x1, _, _, _ = chunk._measure()
    cx = (x0 + x1) / 2
    best, best_distance = 0, None  # the first band of the least distance, as min() picks it
    for i, (a, b) in enumerate(bands):
        if a <= cx <= b:
            if best_distance is None or 0 < best_distance:
                best = i
            return best  # no distance is below 0: no later band can be nearer
        below, above = abs(cx - a), abs(cx - b)
        distance = above if above < below else below  # min(below, above)
        if best_distance is None or distance < best_distance:
            best, best_distance = i, distance
    return best


def _cell(chunks: list[Line], row: int, col: int, page: PageContent, rowspan: int = 1, colspan: int = 1) -> Cell:
    box = page.box(*union(chunks)) if chunks else None
    return Cell(join_lines([c.text for c in chunks]), row, col, rowspan, colspan, pos=Position(page=page.number, bbox=box),
                confidence=min_confidence([f for c in chunks for f in c.fragments]))
