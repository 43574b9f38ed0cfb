"""Merged cells printed as repeated text: a text table's spans rebuilt.

Some converters print a table with merged cells as a full grid, the merged cell's text
repeated in every position it covers. docling's Markdown (from a web page or a Word file)
does so: table 三's header prints ``申请人情况`` seven times, each row of the 办理结果 group
prints ``三、本年度办理结果`` in its first column, and a row label spanning three columns
prints three times (``一、本年新收政府信息公开申请数量 | 一、本年新收… | 一、本年新收… | 10 |
…``). Read as it stands, each row has three labels and table 三 is lost. (docling is one of
the converters LLM pipelines run; markitdown, pandoc and html2text print a span once.)

A text table is given its spans back here, before it is aligned, where the repetition
cannot be anything else:

1. **Across a row**, consecutive cells with the same *label* text are one cell spanning
   them (its ``colspan`` the count).
2. **Down a column**, a label cell with the same text, column and span as the cell right
   above it continues that cell (its ``rowspan`` grows by one).

3. **A value under a joined header.** Where the nearest label above a row's values is one
   the first rule joined over exactly columns *c*…*c*+*k* (2021 table 二:
   ``本年处理决定数量`` three times over 行政许可's one value), and the row prints the same
   value in all *k* of them, that value is one cell spanning them.

A *label* is a cell with at least :data:`MIN_LABEL_CHARS` CJK characters that is not a
value as agencies print them (``12件``, ``5万元``, ``无``). Values are merged by the third
rule only: two equal numbers side by side are otherwise two cells (a 0 beside a 0 is the
commonest pair in a report). A table without a repeated label is returned as it is (found by one count of the
cells' texts)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from operator import attrgetter

from ..document import Cell, Table
from ..template.normalize import KeptByText

MIN_LABEL_CHARS = 2  # CJK characters a cell needs to be a label (``无`` and ``12件`` are values)

_CJK = re.compile(r"[\u3400-\u9fff]")
# a value as agencies print it: a number with a unit, or a mark for nothing
_VALUE = re.compile(r"[+\-−—–－]?[\d０-９][\d０-９.,，]*\s*(?:件|个|项|次|人次|条|份|万元|元)?|[—\-–－/／无]+")


def _is_label(text: str) -> bool:
    text = text.strip()
    return len(_CJK.findall(text)) >= MIN_LABEL_CHARS and _VALUE.fullmatch(text) is None


# Whether a cell's text is a label (words), not a value or a blank. Cells repeat (``0``,
# labels): each short text is tested once and kept (`KeptByText`: a dict lookup in C).
is_label: Callable[[str], bool] = KeptByText(_is_label).__getitem__


def join_repeated_spans(table: Table) -> Table:
    """``table`` with merged cells printed as repeated text made one cell again (see the
    module docstring); the same object when nothing repeats."""
    if not _label_repeats(table):
        return table
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    across = {r: _join_across(sorted(cells, key=_COL)) for r, cells in rows.items()}
    if all(len(across[r]) == len(rows[r]) for r in rows) and not _repeats_down(across):
        return table
    return Table(_join_down(_join_values(across)), table.pos)


def _label_repeats(table: Table) -> bool:
    """Whether two cells of ``table`` print the same label side by side: one where the
    other's span ends, across (rule 1) or down (rule 2). The first two rules join only
    such cells (the third only after one of them has), so a table without them is returned
    as it is without grouping its cells by rows: one count of the cells' texts, the label
    test on a repeated text only, and the places of the cells that print one."""
    counts = Counter(texts := list(map(str.strip, map(_TEXT, table.cells))))
    repeated = {text for text, n in counts.items() if n > 1 and is_label(text)}
    if not repeated:
        return False
    starts: set[tuple[str, int, int]] = set()
    ends: set[tuple[str, int, int]] = set()  # where a cell printing the same label would join it
    for text, cell in zip(texts, table.cells):
        if text in repeated:
            starts.add((text, cell.row, cell.col))
            ends.add((text, cell.row, cell.col + cell.colspan))
            ends.add((text, cell.row + cell.rowspan, cell.col))
    return not starts.isdisjoint(ends)


_TEXT = attrgetter("text")
_COL = attrgetter("col")  # a row's sort key, read in C


def _join_across(cells: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    for cell in cells:
        last = out[-1] if out else None
        if (last is not None and last.col + last.colspan == cell.col and last.rowspan == cell.rowspan == 1
                and cell.text.strip() == last.text.strip() and is_label(cell.text)):
            out[-1] = Cell(last.text, last.row, last.col, 1, last.colspan + cell.colspan, last.pos, last.confidence)
        else:
            out.append(cell)
    return out


def _join_values(rows: dict[int, list[Cell]]) -> dict[int, list[Cell]]:
    """Rule 3: a row's equal values under a header joined over exactly their columns."""
    out: dict[int, list[Cell]] = {}
    covering: dict[int, Cell] = {}  # column → the nearest label above that covers it
    for r in sorted(rows):
        cells, joined = rows[r], []
        by_col = {c.col: c for c in cells}
        skip: set[int] = set()
        for cell in cells:
            if cell.col in skip:
                continue
            head = covering.get(cell.col)
            run = [by_col.get(col) for col in range(cell.col, cell.col + (head.colspan if head else 1))]
            if (head is not None and head.colspan > 1 and head.col == cell.col and is_label(head.text)
                    and not is_label(cell.text) and cell.text.strip()
                    and all(c is not None and c.colspan == 1 and c.text.strip() == cell.text.strip() for c in run)):
                joined.append(Cell(cell.text, cell.row, cell.col, 1, head.colspan, cell.pos, cell.confidence))
                skip.update(range(cell.col + 1, cell.col + head.colspan))
            else:
                joined.append(cell)
        out[r] = joined
        for cell in joined:
            if is_label(cell.text):  # a row of values leaves the header above in force
                for col in range(cell.col, cell.col + cell.colspan):
                    covering[col] = cell
    return out


def _continues(above: Cell | None, cell: Cell) -> bool:
    return (above is not None and above.colspan == cell.colspan and above.row + above.rowspan == cell.row
            and above.text.strip() == cell.text.strip() and is_label(cell.text))


def _repeats_down(rows: dict[int, list[Cell]]) -> bool:
    last: dict[int, Cell] = {}
    for r in sorted(rows):
        for cell in rows[r]:
            if _continues(last.get(cell.col), cell):
                return True
            last[cell.col] = cell
    return False


def _join_down(rows: dict[int, list[Cell]]) -> list[Cell]:
    out: list[Cell] = []
    open_: dict[int, int] = {}  # column → index in ``out`` of the cell that may continue down
    for r in sorted(rows):
        for cell in rows[r]:
            i = open_.get(cell.col)
            above = out[i] if i is not None else None
            if i is not None and above is not None and _continues(above, cell):
                out[i] = Cell(above.text, above.row, above.col, above.rowspan + 1, above.colspan, above.pos,
                              above.confidence)
            else:
                open_[cell.col] = len(out)
                out.append(cell)
    return out


__all__ = ["MIN_LABEL_CHARS", "is_label", "join_repeated_spans"]
