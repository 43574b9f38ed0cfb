"""Table 三's column stacks read against the rows the report prints: a 小计 row among them.

pdfminer's text of a table without ruling lines prints the row labels as one block, the
column headers, then each column as a *stack*: its values one a line, top to bottom, as
many as the table prints rows (``extract/boxes.py`` reads such stacks against the template's
rows, every identity of the table confirming the reading). Some reports add a row the form
does not have under table 三's 办理结果 block — ``小计``, the sum of a block — and then every
stack holds one value more than the template has rows: the count of values is the cells of
the rows *printed*, not of the template's, and the boxes reader, which counts against the
template (and leaves alone any table that shows a ``小计``, taking it for the unofficial 小计
*column*), reads nothing.

Where the text itself shows the extra row, the stacks are read against the rows it prints:

- the table's phrases hold exactly one ``小计`` phrase, and it stands *among the row labels*:
  right after row r's label and right before row r+1's (the label block prints rows top to
  bottom, so that is where the row stands). A 小计 *column* header is printed with the
  column headers, before the first row label or after the last (``align._subtotal_column``
  makes the same cut);
- where the values printed right after the ``小计`` label are exactly one row's (pdfminer
  printed the row across, as a row box of its own, and the stacks hold the template's rows
  only), they are set aside and the stacks read against the template's rows; otherwise the row
  is in every stack, and the stacks are read against the template's rows with one row of the
  same columns inserted after row r;
- the stacks are then read by the boxes reader's own search (:func:`ogi.extract.boxes.
  read_runs`: every reading of the runs as blocks of columns over adjacent rows, headers
  naming a run's columns where they do; the inserted row, ``boxes_rows.extra_row_spec``, is
  held to its own row sum, to no column identity), with the boxes reader's own count rules: as
  many values as the cells of the rows read, or one more (each set aside in turn) or a page's
  number among them (``boxes_pagenums``); and every identity of the table — each row's 总计 =
  its six applicant columns, and in every column 一+二 = (七)+四 and (七) = the outcomes —
  must hold, every instance testable;
- a cell is kept only where every reading gives it one value; the 小计 row's values are left
  out, with the ``TEMPLATE_DEVIATION`` the aligner records for an extra row.

The reader runs after the boxes reader (one line in ``extract/__init__._fill_tables``), only on
table 三 where cells are left null. Anything else — no such row, two, a count of values that
fits none of those rules, no reading, a search that spends its budget — changes nothing: the reading before it and its
findings stand."""

from __future__ import annotations

from collections.abc import Sequence

from ..template.formats import SUBTOTAL, TableSpec
from ..template.normalize import label_key
from . import boxes_rows
from .align import Placed
from .boxes import Cell, Run, _named_columns, _one_astray, _placed, _Spent, on_label_lines, read_runs, runs_of
from .boxes_pagenums import read_without_page_numbers
from .layout import Event, phrase_in
from .tokens import Token

__all__ = ["reread_subtotal_row", "subtotal_row"]

SUBTOTAL_KEY = label_key(SUBTOTAL)  # the phrase a 小计 row's label (or a 小计 column's header) reads as


def subtotal_row(spec: TableSpec, fmt: str, evs: list[Event]) -> int | None:
    """r where the table's text prints exactly one 小计 phrase, right after row r's label and
    right before row r+1's among the row labels; None otherwise."""
    index = {row.key: r for r, row in enumerate(spec.rows)}
    marks: list[int | None] = []  # row index, or None for the 小计 phrase, in print order
    for ev in evs:
        if ev.kind != "phrase":
            continue
        if ev.seg.text == SUBTOTAL_KEY:
            marks.append(None)
            continue
        phrase = phrase_in(ev.seg, spec.key, fmt)
        if phrase is not None and phrase.kind == "row" and phrase.ref in index:
            marks.append(index[phrase.ref])
    at = [k for k, m in enumerate(marks) if m is None]
    if len(at) != 1:
        return None
    before = next((m for m in reversed(marks[:at[0]]) if m is not None), None)
    after = next((m for m in marks[at[0] + 1:] if m is not None), None)
    if before is None or after != before + 1:
        return None
    return before


def reread_subtotal_row(spec: TableSpec, fmt: str, evs: list[Event], placed: Placed,
                        pages: Sequence[int] = ()) -> Placed:
    """``placed``, or table 三 read as column stacks against the rows it prints where the
    text shows a 小计 row among them and the stacks read so (module docstring)."""
    if spec.key != "table3" or not spec.identities or (placed.cells and all(v is not None for v in placed.cells.values())):
        return placed
    after = subtotal_row(spec, fmt, evs)
    if after is None:
        return placed
    runs = runs_of(evs, spec, pages)
    if not runs:
        return placed
    across = _printed_across(spec, evs, runs)
    if across is not None:  # the row printed across after its label: its values set aside
        rows, runs = spec, [run for run in runs if run is not across]
    else:  # the row's value in every stack: read against the rows printed
        rows = boxes_rows.extra_row_spec(spec, after, SUBTOTAL)
    cells = _read(rows, fmt, evs, on_label_lines(rows, fmt, evs, runs))
    if cells is None:
        return placed
    out = _placed(spec, spec, {cell: tok for cell, tok in cells.items() if cell[0] != boxes_rows.EXTRA_KEY}, placed)
    out.findings.append(boxes_rows.extra_deviation(spec, SUBTOTAL))
    return out


def _printed_across(spec: TableSpec, evs: list[Event], runs: list[Run]) -> Run | None:
    """The run printed right after the 小计 label, where it holds exactly a row's values: the
    row printed across, as a row and not in the stacks; None otherwise."""
    at = next(i for i, ev in enumerate(evs) if ev.kind == "phrase" and ev.seg.text == SUBTOTAL_KEY)
    width = spec.rows[0].width
    return next((run for run in runs if run.at == at + 1 and len(run.values) == width), None)


def _read(rows: TableSpec, fmt: str, evs: list[Event], runs: list[Run]) -> dict[Cell, Token | None] | None:
    """The boxes reader's reading of ``runs`` against ``rows`` (``boxes.read_boxes`` past its
    refusal of a table that shows a 小计): as many values as cells, or one more (set aside in
    turn) or page numbers among them; None where there is no reading or the search spends
    its budget."""
    cells = sum(row.width for row in rows.rows)
    count = sum(len(run.values) for run in runs)
    if count < cells:
        return None
    if max((len(run.values) for run in runs if not run.line), default=0) <= max(row.width for row in rows.rows):
        return None  # no stack longer than a row: the text prints rows, the aligner's to read
    named = _named_columns(rows, fmt, evs, runs)
    try:
        if count > cells:
            by_pages = read_without_page_numbers(rows, runs, named)
            if by_pages is not None or count > cells + 1:
                return by_pages
            return _one_astray(rows, runs, named)
        return read_runs(rows, runs, named)
    except _Spent:
        return None
