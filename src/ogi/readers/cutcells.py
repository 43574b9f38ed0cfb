"""A value column a converter's column guess cut in two: made one column again.

Converters that rebuild a table from the positions of a PDF's text guess its columns, and
guess one too many where a header wraps over two lines. pymupdf4llm (the Markdown of LLM
pipelines) prints 2019 table 二's 行政事业性收费 part either with the header cut in two::

    |信息内容|上一年项目数量|本年|增/减|
    |行政事业性收费|0||0|

or, with ``table_output="html"``, with an empty column before it::

    信息内容 | 上一年项目数量 | (empty) | 本年增/减
    行政事业性收费 | 0 | (empty) | 0

(and likewise ``采购总金额（单位：万元）`` over ``9 | (empty) | 1428.9``). Read by position, the
row has three cells for two values: the aligner finds the empty cell in 本年增/减's place and
the value stays null.

Two neighbouring columns *a* and *a*+1 are one column again where all of this holds:

1. a row (the header) prints words in *a*+1, and the text of *a* and *a*+1 joined — ``本年`` +
   ``增/减``, or nothing + ``本年增/减`` — is the header of a value column
   (:func:`~ogi.template.formats.value_column_labels`, compared by
   :func:`~ogi.template.normalize.label_key`; a group header such as 行政复议 is not one);
2. where *a* prints nothing in the header, no header row right above it prints words in *a*
   either (a header of two rows flattened leaves 自然人 above an empty cell: that empty cell
   is 自然人's column, not a column too many), and the header row prints, left of *a*, the
   column the template prints right before *a*+1's (上一年项目数量 before 本年增/减): where it
   does not (an empty cell before 商业企业, 自然人 printed in a table above), the empty cell
   is that column's place;
3. the rows under the header, up to the next row that prints words in *a* or after it (the
   next header), each print something in at most one of the two — never a value in both —
   and at least one prints a value there.

Then the header's two cells become one cell spanning both columns (their texts joined), and
each row under it one cell spanning both columns holding what it printed there (or
nothing). The cell keeps its column and its place in the file, so provenance is unchanged.
A table where no cell is empty is returned as it is, at once; where a row prints values
under both pieces, the columns stay two (two values are two cells).

The guess also puts a column's values one column right of a whole header, with an empty
header cell over them (``采购项目数量 | 采购总金额 | (empty)`` over ``274 | (empty) | 34.7``, a
table 二 continued on the next page). A value column's header followed by an empty header
cell that ends the header row is one column with it on conditions 2 and 3, where the
template prints no column right after the header's (采购总金额, 现行有效件数, 处理决定数量; not
本年制发件数, whose 本年废止件数 the empty cell may be)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from ..document import Cell, Table
from ..template.normalize import label_key
from .spans import is_label

JOINED_COLUMNS = 2  # the columns a cut is found across: one column guessed too many

_CJK = re.compile(r"[\u3400-\u9fff]")
_ALNUM = re.compile(r"[0-9A-Za-z]")


@lru_cache(maxsize=1)
def column_keys() -> frozenset[str]:
    from ..template.formats import value_column_labels

    return frozenset(label_key(h) for h in value_column_labels())


def join_cut_columns(table: Table) -> Table:
    """``table`` with every value column cut in two made one column again (see the module
    docstring); the same object when there is none."""
    if all(map(str.strip, map(_TEXT, table.cells))):
        return table
    cut_rows, whole_rows = _may_join(table.cells)
    if not cut_rows and not whole_rows:
        return table
    by_row: dict[int, dict[int, Cell]] = {}
    for cell in table.cells:
        by_row.setdefault(cell.row, {})[cell.col] = cell
    order = sorted(by_row)
    joins: dict[tuple[int, int], Cell] = {}  # (row, column) → the cell spanning the two columns
    for i, r in enumerate(order):
        if r in cut_rows:
            _join_cut(by_row, order, i, joins)
        if r not in whole_rows:
            continue
        for col, head in list(by_row[r].items()):
            after = by_row[r].get(col + 1)
            if (after is not None and not after.text.strip() and (r, col) not in joins and (r, col - 1) not in joins
                    and label_key(head.text) in column_keys()):
                joins.update(_joined_empty(by_row, order, i, head, after) or {})
    if not joins:
        return table
    dropped = {(row, col + 1) for row, col in joins}
    return Table([joins.get((c.row, c.col), c) for c in table.cells if (c.row, c.col) not in dropped], table.pos)


def _join_cut(by_row: dict[int, dict[int, Cell]], order: list[int], i: int,
              joins: dict[tuple[int, int], Cell]) -> None:
    """Add to ``joins`` the columns cut in two whose header's second piece stands in row
    ``order[i]`` (:func:`_joined`)."""
    r = order[i]
    for col, tail in by_row[r].items():
        if not _may_end_header(tail.text):
            continue  # a value or a blank (see _joined): no header's second piece
        head = by_row[r].get(col - 1)
        if head is not None and (head.row, head.col) not in joins:
            joins.update(_joined(by_row, order, i, head, tail) or {})


def _may_join(cells: list[Cell]) -> tuple[set[int], set[int]]:
    """The rows where :func:`join_cut_columns` may join columns, read before the rows are
    grouped (the cells' places are read in C): the rows with a cell that may end a header
    whose left neighbour passes :func:`_joined`'s first tests (one cell each, their texts
    joined a value column's header), and the rows with a whole value column's header
    before an empty cell (:func:`_joined_empty`'s). A row in neither makes no join: every
    :func:`_joined` there returns None, and no cell there is a value column's header before an
    empty cell — such a header is a cell that may end a header (the headers' keys are
    ideographs only, so its text is not blank and holds no ASCII letter or digit, which a key
    would keep), so it is among the cells looked at here."""
    at = dict(zip(zip(map(_ROW, cells), map(_COL, cells)), cells))  # the last cell at a place, as by rows
    keys = column_keys()
    cut: set[int] = set()
    whole: set[int] = set()
    for tail in compress(cells, map(_may_end_header, map(_TEXT, cells))):
        head = at.get((tail.row, tail.col - 1))
        if head is not None and _single(head) and _single(tail) and label_key(head.text + tail.text) in keys:
            cut.add(tail.row)
        if label_key(tail.text) in keys and (after := at.get((tail.row, tail.col + 1))) is not None \
                and not after.text.strip():
            whole.add(tail.row)  # a whole header before an empty header cell (see _joined_empty)
    return cut, whole


_TEXT, _ROW, _COL = attrgetter("text"), attrgetter("row"), attrgetter("col")


@lru_cache(maxsize=1 << 16)
def _may_end_header(text: str) -> bool:
    """Whether a cell's text can be the second piece of a cut header: not a value (digits
    or letters without an ideograph) and not blank — :func:`_joined` refuses both. Kept per
    text: cells repeat (``0``, ``/``, labels)."""
    return bool(text.strip()) and not (_ALNUM.search(text) and not _CJK.search(text))


def _joined(by_row: dict[int, dict[int, Cell]], order: list[int], i: int, head: Cell,
            tail: Cell) -> dict[tuple[int, int], Cell] | None:
    """The cells of columns ``head.col`` and ``tail.col`` made one, from header row
    ``order[i]`` down; None where the two are not one column cut in two."""
    col = head.col
    if _ALNUM.search(tail.text) and not _CJK.search(tail.text):
        return None  # a number (a row's value): the joined key would hold its digits, no header does
    if (not _single(head) or not _single(tail) or not tail.text.strip()
            or label_key(head.text + tail.text) not in column_keys()):
        return None
    if not head.text.strip() and (_words_above(by_row, order, i, col)
                                  or _predecessor_unprinted(by_row[order[i]], head.col, tail.text)):
        return None
    return _band_joined(by_row, order, i, head, head.text + tail.text)


@lru_cache(maxsize=1)
def template_predecessors() -> dict[str, frozenset[str]]:
    """Each value column's header (by :func:`label_key`) → the headers of the column the
    template prints right before it, in every table and format where it follows one
    (table 二's measures, table 三's applicant columns, table 四's results)."""
    from ..template import APPLICANT_COLUMNS, FORMATS, T4_RESULTS

    runs = [tuple(m.label for m in APPLICANT_COLUMNS), tuple(m.label for m in T4_RESULTS)]
    runs += [r.column_labels for f in FORMATS.values() for t in f.tables for r in t.rows if r.column_labels]
    before: dict[str, set[str]] = {}
    for run in runs:
        for prev, label in zip(run, run[1:]):
            before.setdefault(label_key(label), set()).add(label_key(prev))
    return {k: frozenset(v) for k, v in before.items()}


def _predecessor_unprinted(header: dict[int, Cell], col: int, tail: str) -> bool:
    """Whether the header ``tail`` follows a column in the template that the header row does
    not print before column ``col``: then the empty header cell at ``col`` is that column's
    place (its header printed elsewhere — a row above, a table above), not a column too many.
    pymupdf4llm prints table 三's 自然人 in a table of its own above a row ``(empty) | 商业企业
    | …``: joined, 自然人's values went under 商业企业."""
    before = template_predecessors().get(label_key(tail))
    if not before:
        return False  # the template's first value column: nothing must precede it
    return not any(c < col and label_key(cell.text) in before for c, cell in header.items())


def _joined_empty(by_row: dict[int, dict[int, Cell]], order: list[int], i: int, head: Cell,
                  tail: Cell) -> dict[tuple[int, int], Cell] | None:
    """The columns of a whole value-column header ``head`` and the empty header cell ``tail``
    that ends the header row made one, where the guess put the column's values one column
    right of their header (``采购总金额 | (empty)`` over ``274 | (empty) | 34.7``); None where the
    empty cell may be a column of its own: the template prints a column after ``head``'s (the
    empty cell would be its place), the header row goes on after it, a header row above
    prints words over it, or a row prints values in both."""
    col = tail.col
    if not _single(head) or not _single(tail):
        return None
    if template_successors().get(label_key(head.text)) or any(
            c > col and cell.text.strip() for c, cell in by_row[order[i]].items()):
        return None  # a column may follow: the empty cell may be its place
    if _words_above(by_row, order, i, col):
        return None
    return _band_joined(by_row, order, i, head, head.text)


def _band_joined(by_row: dict[int, dict[int, Cell]], order: list[int], i: int, head: Cell,
                 text: str) -> dict[tuple[int, int], Cell] | None:
    """The header ``head`` (its text ``text``) and the cells of each row under it in columns
    ``head.col`` and the next made one cell spanning both, or None where a row prints values
    in both (two values are two cells) or none prints a value there."""
    col = head.col
    band = _band(by_row, order, i, col)
    pairs = [(a, b) for r in band if (a := by_row[r].get(col)) is not None and (b := by_row[r].get(col + 1)) is not None
             and _single(a) and _single(b)]
    if not band or len(pairs) != len(band):
        return None
    if any(a.text.strip() and b.text.strip() for a, b in pairs) or not any(
            a.text.strip() or b.text.strip() for a, b in pairs):
        return None
    joined = {(head.row, col): Cell(text, head.row, col, 1, JOINED_COLUMNS, head.pos, head.confidence)}
    for a, b in pairs:
        kept = b if b.text.strip() else a
        joined[(a.row, col)] = Cell(kept.text, a.row, col, 1, JOINED_COLUMNS, kept.pos, kept.confidence)
    return joined


@lru_cache(maxsize=1)
def template_successors() -> dict[str, frozenset[str]]:
    """Each value column's header (by :func:`label_key`) → the headers of the column the
    template prints right after it (the reverse of :func:`template_predecessors`)."""
    after: dict[str, set[str]] = {}
    for label, before in template_predecessors().items():
        for prev in before:
            after.setdefault(prev, set()).add(label)
    return {k: frozenset(v) for k, v in after.items()}


def _words_after(cells: dict[int, Cell], col: int) -> bool:
    """Whether a row prints words (a label, not a value) in column ``col`` or after it."""
    return any(c >= col and is_label(cell.text) for c, cell in cells.items())


def _band(by_row: dict[int, dict[int, Cell]], order: list[int], i: int, col: int) -> list[int]:
    """The rows under header row ``order[i]`` up to the next that prints words in ``col`` or
    after it (the next header)."""
    band = []
    for r in order[i + 1:]:
        if _words_after(by_row[r], col):
            break
        band.append(r)
    return band


def _words_above(by_row: dict[int, dict[int, Cell]], order: list[int], i: int, col: int) -> bool:
    """Whether a header row right above row ``order[i]`` prints words in column ``col`` (or
    a cell spanning it)."""
    for r in reversed(order[:i]):
        if not _words_after(by_row[r], col):
            return False  # not a header row: the header block ends here
        if any(c <= col < c + cell.colspan and is_label(cell.text) for c, cell in by_row[r].items()):
            return True
    return False


def _single(cell: Cell) -> bool:
    return cell.rowspan == 1 and cell.colspan == 1


__all__ = ["column_keys", "join_cut_columns", "template_predecessors", "template_successors"]
