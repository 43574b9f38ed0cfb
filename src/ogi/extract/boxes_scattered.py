"""Rows of a sparse table read from pdfminer's boxes: a row's count of values proves nothing.

pdfminer.six prints a table drawn without ruling lines in the text as *boxes* (``boxes.py``):
the row labels in a block, the values a column (or a piece of one) at a time, and a box of
one row's neighbouring cells as one line (``0 —``). Where every value is a number the boxes
reader rebuilds the table under its identities; a report that leaves cells blank and marks
others ``/``, ``—`` or ``无`` (a county's sparse table) is no table of boxes to that reader (a
mark is no number), and the aligner's reading stands: each label takes the values printed
after it, left to right.

In such a text a label followed by as many values as its row has cells is no proof that they
are its cells. The text shows it prints values away from their labels — some label is
followed by *more* values than its row has cells (other rows' values, printed in the same
stretch of boxes) — and the report leaves cells blank, so a row's own values may be fewer
than its cells and the stretch after its label make up the count with a neighbour's. Measured
on the unseen wild36 corpus (paged pdfminer, 00018): ``(一)予以公开`` printed ``1 ⏎ 0 — ⏎ / — ⏎
0 ⏎ 1`` after its label, seven values for seven cells, read as 1 0 — / — 0 1; the page's
row holds ``1 (blank) 0 — (blank) 0 1``: its 商业企业 is blank, read as 0. Its row total holds
either way (a blank and a zero add the same), so no identity tells.

:func:`distrust_scattered_rows` leaves such rows null, with one ``CELL_AMBIGUOUS`` a row,
where all of this holds:

- the table has identities and rows of one width (table 三), and its values are numbers of
  running text (no grid keeps its cells);
- the report leaves cells blank: the table prints fewer values and marks (``/``, ``—``, ``无``)
  than it has cells (a report that prints every cell, zeros as ``—``, is not one: its rows'
  counts are their own — measured on wild40's zero_dash, whose rows the aligner reads right);
- some row label is followed, before the next row label, by more values than its row's
  cells (the text prints values away from their labels);
- the row's values were read from two lines or more with an empty line between two of them
  (a line of the table holding nothing, not even a mark): from two of pdfminer's boxes
  (``extract_text`` ends every box with an empty line), whose order is the layout analysis's,
  not the row's. A row printed on one line is one row's cells,
  in order (pdfminer makes one text line of a row's neighbouring cells only); poppler's text of
  the same page prints no empty line inside a table, and its rows read over adjacent lines were
  right wherever measured (wild36 pdftotext: 190 right cells such a rule without this condition
  nulled, none wrong);
- a cell of the row is null as read (a mark, or a value short), so its total cannot be tested:
  a row read whole is held to its total by the aligner, and the rows read whole from such texts
  were right wherever measured.

It is applied only where the boxes reader has no reading of the table (``boxes.reread``);
it only leaves cells null, so it can make no number wrong — its cost is the right cells of
such rows, measured in ``docs/renderings.md`` (fifteenth session, boxes9)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..model import Finding
from ..template.formats import TableSpec
from .align import Placed
from .layout import Event, phrase_in
from .tokens import NA, NUM

LINES_OF_A_SCATTERED_ROW = 2  # a row whose values stand on this many lines or more was read from boxes, not a line


def distrust_scattered_rows(spec: TableSpec, fmt: str, evs: Sequence[Event], placed: Placed) -> Placed:
    """``placed`` with the rows read from several lines left null where the text prints
    values away from their labels and the report leaves cells blank (module docstring)."""
    if not spec.identities or len({row.width for row in spec.rows}) != 1 or not placed.cells:
        return placed
    values = [ev.tok for ev in evs if ev.kind == "value"]
    if not any(tok.kind == NUM and tok.free for tok in values):
        return placed  # a table's grid (HTML, Word, a PDF's ruling lines) orders its cells itself
    if sum(1 for tok in values if tok.kind in (NUM, NA)) >= sum(row.width for row in spec.rows):
        return placed  # as many values and marks as cells: the report need leave none blank
    if not _values_away_from_labels(spec, fmt, evs):
        return placed
    printed = {ev.pos.line for ev in evs if ev.pos.line is not None}  # the lines that hold anything
    for row in spec.rows:
        cells = [(r, c) for r, c, _ in row.cells]
        read = [cell for cell in cells if placed.cells.get(cell) is not None]
        if not read or len(read) == len(cells) or not _across_boxes(placed, read, printed):
            continue  # a row read whole is held to its total (the aligner's check); one read from a line is one row's
        for cell in read:
            placed.cells[cell] = None
            placed.provenance.pop(cell, None)
        placed.findings.append(Finding.of(
            "CELL_AMBIGUOUS",
            f"{spec.name.zh}印为文本框(数值与行标题分开印出),而报告留有空单元格:“{row.label}”行的数值分印在多行,"
            "其个数不能证明它们都属于这一行,未采用",
            f"{spec.key} printed as text boxes (values apart from their labels) in a report that leaves cells blank: "
            f"row '{row.label}' was read from values on several lines, whose count does not prove they are all its "
            "own; left null",
            f"{spec.key}.{row.key}"))
    return placed


def _across_boxes(placed: Placed, cells: Sequence[tuple[str, str]], printed: set[int]) -> bool:
    """Were these cells read from two lines or more with an empty line (one of the table's
    lines that holds nothing: ``printed`` are those that do) between two of them — from two of
    pdfminer's boxes (it ends every box with an empty line)?"""
    lines = sorted({line for cell in cells if (line := placed.provenance.get(cell, {}).get("line")) is not None})
    if len(lines) < LINES_OF_A_SCATTERED_ROW:
        return False
    return any(line not in printed for a, b in pairwise(lines) for line in range(a + 1, b))


def _values_away_from_labels(spec: TableSpec, fmt: str, evs: Sequence[Event]) -> bool:
    """Is some row label followed, before the next row label, by more values than its row
    has cells?"""
    width = {row.key: row.width for row in spec.rows}
    label: str | None = None
    count = 0
    for ev in evs:
        if ev.kind == "phrase":
            phrase = phrase_in(ev.seg, spec.key, fmt)
            if phrase is not None and phrase.kind == "row":
                label, count = phrase.ref, 0
        elif ev.kind == "value" and label is not None:
            count += 1
            if count > width.get(label, 0):
                return True
    return False
