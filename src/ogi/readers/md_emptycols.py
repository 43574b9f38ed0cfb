"""Columns a converter's column guess made that hold no value in any row: joined to the
value column beside them.

pymupdf4llm (and its ``table_output="html"``) rebuilds a table from the positions of a PDF's
text. Where a header is printed one character a line (``自⏎然⏎人``) or wraps into the next
column's room, its guess puts the header's text in one column and the values under it in the
next, whose header is empty (or holds a piece of the group header above, ``组``, ``况``)::

    |||本||本||现||                       (the header, a character a row: 本年制发件数 …)
    |规章|||0||0||27|
    |行政规范性文件|||5||0||29|

Read by position, the row has six cells for three values: the aligner placed the empty
cells as blank values, ``0`` as 本年废止件数 and the next ``0`` as 现行有效件数; 27 was left
over (41 wrong numbers, with findings, in 2 of wild4's 4 ``stacked_headers`` reports; the
same guess in a table 三 beside a picture, ``table_image``, 6 more).

A *part* of a table is a run of its data rows (rows that print a value), with the rows
above it up to the previous part (its header). Its *value region* runs from the first
column any of its rows prints a value in to the last column any of them prints anything
in. A column of the region where no data row prints anything is *empty*; the others are
*filled*. The part's rows name the template rows they are (their label cells, alone or
joined, compared by :func:`~ogi.template.normalize.label_key` with every row label and
variant of both formats), and so the number of value cells such a row has (table 三's rows
7, table 二's 规章 3, 行政许可 1 or 3 by format). Where

1. the part has at least :data:`MIN_ROWS` data rows, at least one of them names a row, and
   all that do name rows of one width *w*;
2. the region holds exactly *w* filled columns, and at least one empty column;

the empty columns are the guess's, not the report's: a value column the report left blank in
every row would leave the region fewer than *w* filled columns (a column of blank values is
read as such, as before). Each empty column is then made one with the filled column right of
it: in every row of the part, header and data, the two cells become one cell spanning both
columns, holding their texts joined (a data row's empty cell adds nothing), at the empty
column's place — as :mod:`~ogi.readers.cutcells` writes a column cut in two. A part where a
cell spans one of the two columns but not the other (an HTML table's header spanning a
group) is left as it is. The cells keep their place in the file, so provenance is unchanged.

The identities of the table check what is then read by position; a part whose filled
columns are more or fewer than *w* is read as before."""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import attrgetter

from ..document import Cell, Table
from ..template.normalize import label_key
from .md_continued import is_value

MIN_ROWS = 2  # data rows a part needs before its empty columns are taken for the guess's


@lru_cache(maxsize=1)
def _row_widths() -> dict[str, frozenset[int]]:
    """Every template row's label and variants (as label keys) → the value cells such a row
    has, over both formats."""
    from ..template.formats import FORMATS

    found: dict[str, set[int]] = {}
    for fmt in FORMATS.values():
        for spec in fmt.tables:
            for row in spec.rows:
                for text in (row.label, *row.variants):
                    if text:
                        found.setdefault(label_key(text), set()).add(row.width)
    return {k: frozenset(v) for k, v in found.items()}


def join_empty_columns(table: Table) -> Table:
    """``table`` with the empty columns of each part joined to the filled column right of
    them (see the module docstring); the same object when there is none."""
    cells = table.cells
    if len(cells) < 2 * MIN_ROWS or all(map(str.strip, map(_TEXT, cells))) or not _some_row_gapped(cells):
        return table  # no empty cell, or no row leaves a column empty: no empty column
    rows: dict[int, list[Cell]] = {}
    for cell in cells:
        rows.setdefault(cell.row, []).append(cell)
    order = sorted(rows)
    data = {r for r in order if any(is_value(c.text) for c in rows[r])}
    if len(data) < MIN_ROWS:
        return table
    joins: dict[int, list[int]] = {}  # the part's first row → the empty columns to join
    parts = _parts(order, data)
    for header, body in parts:
        found = _empty_columns([rows[r] for r in body])
        if found and _spans_clear([rows[r] for r in header + body], found):
            joins[body[0]] = found
    if not joins:
        return table
    out: list[Cell] = []
    for header, body in parts:
        join = joins.get(body[0])
        for r in header + body:
            out += _joined(rows[r], join) if join else rows[r]
        rows_done = set(header + body)
        for r in rows_done:
            rows.pop(r, None)
    for r in rows:  # rows outside every part (after the last data row)
        out += rows[r]
    out.sort(key=lambda c: (c.row, c.col))
    return Table(out, table.pos)


def _some_row_gapped(cells: list[Cell]) -> bool:
    """Does some data row leave a column without text, right of the table's first column and at
    or left of the last column its cells with text reach? The exact precondition of an empty
    column, asked before the rows are built and their values read: an empty column *e* of a
    part lies right of the part's first value column (a filled one, no further left than the
    table's first column) and at or left of the region's last column, which some data row of
    the part (a row printing a value) reaches with text; that row prints nothing at *e*. A
    text's grids pad rows with empty cells at their ends (a header's group row) or leave a
    header row's first columns to the labels' header, not gaps between a data row's values,
    so nearly every table leaves here (docs/speed.md, eighteenth session). (Read in C — the
    covered places as a set of pairs, reaches by sorting — it cost more: a tuple per cell.)"""
    lo = min(map(_COL, cells))
    if min(map(_COLSPAN, cells)) >= 1:
        lo += 1  # an empty column lies right of a filled one (a value's cell covers its column)
    filled: dict[int, set[int]] = {}  # row → the columns its cells with text cover
    reach: dict[int, int] = {}  # row → the last column its cells with text reach
    for c in compress(cells, map(str.strip, map(_TEXT, cells))):  # the cells with text
        end = c.col + c.colspan - 1
        cols = filled.get(c.row)
        if cols is None:
            cols, reach[c.row] = filled.setdefault(c.row, set()), end
        elif end > reach[c.row]:
            reach[c.row] = end
        cols.update(range(c.col, end + 1))
    gapped = {row for row, cols in filled.items()  # a column of lo..end without text in the row
              if (end := reach[row]) >= lo and len(cols.intersection(range(lo, end + 1))) <= end - lo}
    return bool(gapped) and any(is_value(c.text) for c in cells if c.row in gapped)  # …and a data row


_TEXT, _COL, _COLSPAN = attrgetter("text"), attrgetter("col"), attrgetter("colspan")


def _parts(order: list[int], data: set[int]) -> list[tuple[list[int], list[int]]]:
    """The table's parts: (header rows, data rows), each a run of data rows after the rows
    above it since the previous run."""
    parts: list[tuple[list[int], list[int]]] = []
    header: list[int] = []
    body: list[int] = []
    for r in order:
        if r in data:
            body.append(r)
            continue
        if body:
            parts.append((header, body))
            header, body = [], []
        header.append(r)
    if body:
        parts.append((header, body))
    return parts


def _empty_columns(body: list[list[Cell]]) -> list[int]:
    """The part's empty columns, where its data rows name rows of one width and the value
    region holds exactly that many filled columns; [] otherwise."""
    if len(body) < MIN_ROWS:
        return []
    widths: set[int] | None = None
    for row in body:
        w = _named_width(row)
        if w is not None:
            widths = set(w) if widths is None else widths & w
    if not widths or len(widths) != 1:
        return []
    width = widths.pop()
    first = min(c.col for row in body for c in row if is_value(c.text))
    filled: set[int] = set()
    last = first
    for row in body:
        for c in row:
            if c.col + c.colspan - 1 >= first and c.text.strip():
                if c.col < first:
                    return []  # a cell of words reaching into the region from the labels' side
                filled.update(range(c.col, c.col + c.colspan))
                last = max(last, c.col + c.colspan - 1)
    empty = [c for c in range(first, last + 1) if c not in filled]
    if not empty or len(filled) != width or any(c.colspan != 1 or c.rowspan != 1 for row in body for c in row if c.col >= first):
        return []
    return empty


def _named_width(row: list[Cell]) -> frozenset[int] | None:
    """The widths of the template rows a data row's label cells name (a cell alone, or the
    cells before its first value joined), None where they name none."""
    widths = _row_widths()
    labels = []
    for c in sorted(row, key=lambda c: c.col):
        if is_value(c.text):
            break
        if c.text.strip():
            labels.append(c.text)
    for text in ("".join(labels), *labels):
        found = widths.get(label_key(text))
        if found:
            return found
    return None


def _runs(empty: list[int]) -> list[tuple[int, int]]:
    """The empty columns as runs, each (its first column, the filled column right of it)."""
    runs: list[tuple[int, int]] = []
    for e in empty:
        if runs and runs[-1][1] == e:
            runs[-1] = (runs[-1][0], e + 1)
        else:
            runs.append((e, e + 1))
    return runs


def _spans_clear(rows: list[list[Cell]], empty: list[int]) -> bool:
    """Does every cell touching a run of empty columns or the filled column right of it
    either lie within one of those columns or cover them all?"""
    for first, filled in _runs(empty):
        for row in rows:
            for c in row:
                end = c.col + c.colspan - 1
                if c.colspan != 1 and c.col <= filled and end >= first and not (c.col <= first and end >= filled):
                    return False
    return True


def _joined(row: list[Cell], empty: list[int]) -> list[Cell]:
    """A row with the cells of each run of empty columns and of the filled column right of
    it made one cell spanning them, their texts joined."""
    out = list(row)
    for first, filled in _runs(empty):
        inside = sorted((c for c in out if first <= c.col <= filled and c.colspan == 1), key=lambda c: c.col)
        if not inside:
            continue
        kept = [c for c in inside if c.text.strip()] or inside
        at = kept[0]
        one = Cell("".join(c.text for c in inside), at.row, first, at.rowspan, filled - first + 1, at.pos, at.confidence)
        gone = set(map(id, inside))
        out = [c for c in out if id(c) not in gone] + [one]
    return out


__all__ = ["MIN_ROWS", "join_empty_columns"]
