"""A row label a pipe table prints in fewer label columns than its neighbours: spanned again.

A table's row labels stand in one to three columns (table 三: the group 三、本年度办理结果, the
subgroup (三)不予公开, the label). A row whose label the report spans over all of them —
``(七)总计``, ``四、结转下年度继续办理`` — is one cell in HTML (``<td colspan="2">``), but a
pipe table cannot span: pymupdf4llm's Markdown writes it as the label and an empty cell::

    ||3.其他|无|0|—||0|0||
    |(七)总计||0|0|0|—|/|无||

Read so, the empty cell was the row's first value (自然人 blank) and every value stood one
column right: the row's 总计 was lost, its 其他 read as 社会公益组织.

Where a table's data rows (rows that print a value) print their labels only left of the
first column any of them prints a value in, and one value at most in each cell right of it
(a converter that put two values in a cell, ``— 0``, has no grid to go by), and a data row's last label is followed by
empty cells up to that column, each in a column where another data row prints a label,
the label is one cell spanning those columns, as the HTML form of the same table has it.
Only rows of one width are compared (a pipe table may run on into a part of another width:
table 三's 四、结转下年度继续办理 printed apart under one label column).
An empty cell in a column no row prints a label in is never taken — it may be a value
column the report left blank in every row. The cells keep their text and place."""

from __future__ import annotations

from itertools import compress
from operator import add, attrgetter, not_

from ..document import Cell, Table
from .md_continued import is_value
from .spans import is_label

MIN_ROWS = 2  # data rows of one width that show where its label columns end


def span_short_labels(table: Table) -> Table:
    """``table`` with every row label printed short of the label columns spanning them (see
    the module docstring); the same object when there is none."""
    if not _label_then_empty(table):
        return table
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    data = [sorted(r, key=lambda c: c.col) for r in rows.values() if any(is_value(c.text) for c in r)]
    by_width: dict[int, list[list[Cell]]] = {}
    for row in data:
        by_width.setdefault(max(c.col + c.colspan for c in row), []).append(row)
    spans: dict[tuple[int, int], Cell] = {}
    dropped: set[tuple[int, int]] = set()
    for same in by_width.values():  # rows of one width: one grid (a table's parts may differ)
        _spans_in(same, spans, dropped)
    if not spans:
        return table
    return Table([spans.get((c.row, c.col), c) for c in table.cells if (c.row, c.col) not in dropped], table.pos)


def _label_then_empty(table: Table) -> bool:
    """Whether some label cell one column wide has an empty cell right after it in a row
    that prints a value two or more columns right of the label — the least a short label
    spanned needs (its gap: empty cells from the next column up to the first value column,
    where the row's values stand). A quick test before the rows are built: the cells'
    places, texts and the values' columns are read in C, and only the cells followed by an
    empty cell are looked at one by one."""
    cells = table.cells
    texts = list(map(_TEXT, cells))
    if all(map(str.strip, texts)):
        return False  # no empty cell (a web page's tables)
    rows = list(map(_ROW, cells))
    cols = list(map(_COL, cells))
    valued = list(map(is_value, texts))
    if not any(valued):
        return False  # no data row
    # each row's last value column: the sorted pairs leave each row's largest last
    last_value = dict(sorted(zip(compress(rows, valued), compress(cols, valued))))
    empty = set(compress(zip(rows, cols), map(not_, map(str.strip, texts))))
    followed = compress(cells, map(empty.__contains__, zip(rows, map(add, cols, map(_COLSPAN, cells)))))
    return any(c.colspan == 1 and last_value.get(c.row, -1) > c.col + 1 and is_label(c.text) for c in followed)


_TEXT, _ROW, _COL, _COLSPAN = attrgetter("text"), attrgetter("row"), attrgetter("col"), attrgetter("colspan")


def _spans_in(data: list[list[Cell]], spans: dict[tuple[int, int], Cell], dropped: set[tuple[int, int]]) -> None:
    """Add to ``spans`` (and the cells they cover to ``dropped``) the short labels of
    ``data``, data rows of one width."""
    if len(data) < MIN_ROWS:
        return
    first = min(c.col for r in data for c in r if is_value(c.text))
    label_cols = {c.col + n for r in data for c in r if is_label(c.text) for n in range(c.colspan)}
    if not label_cols or max(label_cols) >= first:
        return
    if any(c.text.strip() and not is_value(c.text) for r in data for c in r if c.col >= first):
        return  # a cell holding two values or words among the values: no clean grid to go by
    for row in data:
        labels = [c for c in row if c.col < first and is_label(c.text)]
        if not labels:
            continue
        last = labels[-1]
        gap = [c for c in row if last.col < c.col < first]
        if (not gap or any(c.colspan != 1 or c.rowspan != 1 for c in (last, *gap))
                or len(gap) != first - last.col - 1 or any(c.text.strip() for c in gap)
                or any(c.col not in label_cols for c in gap)):
            continue
        spans[(last.row, last.col)] = Cell(last.text, last.row, last.col, 1, first - last.col, last.pos,
                                           last.confidence)
        dropped.update((c.row, c.col) for c in gap)


__all__ = ["MIN_ROWS", "span_short_labels"]
