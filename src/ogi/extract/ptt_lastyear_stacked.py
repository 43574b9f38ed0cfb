"""Table 三's last-year column whose header a PDF's text printed down the cell, a character a line.

:mod:`.yearcols` leaves table 三's column of last year's totals (上年同期, 上年总计 …) out of running
text where its header prints the word as a piece of its own. A paged PDF's text (poppler's
reading order over a narrow column) prints that header down the cell, one or two characters a
line, among the other columns' pieces: ``上`` ⏎ ``其`` ⏎ ``他`` ⏎ ``总`` ⏎ ``计`` ⏎ ``年`` ⏎ ``总``
⏎ ``计``. No word is left to find, every row prints eight values for seven cells, and the aligner
leaves each null (CELL_AMBIGUOUS).

The header still shows the column: 上 (or 去) standing as a piece of its own, a character table
三's official header never prints before its first row (申请人情况, the applicants, 总计, and the
勾稽 note: no 上, no 去). Then the rows must say the rest, as :mod:`.yearcols` asks of spaced rows:

* every run of numbers of the table (:func:`.ptt_subtotal.table3_runs`; a run that is not whole
  rows joined to the next, as a page's foot and the header printed again cut a row in two) holds
  whole rows of eight, and in each the first six sum to the seventh (总计; the eighth is free);
* some row fails the other reading (the six after the first summing to the eighth), so the
  eighth is not a first column's value moved;
* the rows are exactly one format's table 三 and the seven columns left keep every column
  identity of the table (:func:`.ptt_subtotal._identities_hold`).

Then every row's eighth value is taken out, with :mod:`.yearcols`' finding. Anything else leaves
the text as printed (null with the aligner's findings, as before)."""

from __future__ import annotations

from ..document import Document
from ..model import Finding
from .ptt_subtotal import _identities_hold, _without, table3_runs
from .yearcols import (
    T3_COLUMNS,
    T3_FIRST_ROW,
    T3_START,
    _last_year_token,
    _lines,
    _paragraphs,
    _rows_of,
)

LAST_PIECES = frozenset(("上", "去"))  # a last-year header's first character, printed as a piece of its own
WIDTH = T3_COLUMNS + 1  # a row's values: the six, 总计, last year's


def last_year_stacked_dropped(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with table 三's last-year values left out of its rows, and :mod:`.yearcols`'
    finding; the same document and none where that is not certain."""
    text = _paragraphs(doc)
    if T3_START not in text or _last_year_token(text):
        return doc, []  # no table 三, or a header word yearcols reads itself
    lines = _lines(doc)
    start = next((n for n, (_, _, line) in enumerate(lines) if T3_START in line), None)
    first = next((n for n in range(start or 0, len(lines)) if T3_FIRST_ROW in lines[n][2]), None)
    if start is None or first is None:
        return doc, []
    if not any(tok in LAST_PIECES for n in range(start, first) for tok in lines[n][2].split()):
        return doc, []
    rows = []
    for run in _joined_over_breaks(table3_runs(lines, first)):
        if len(run) % WIDTH:
            return doc, []
        rows += _rows_of(run) if len(run) > WIDTH else [run]
    values = [[int(lines[n][2].split()[t]) for n, t in row] for row in rows]
    if not values or not all(sum(v[:T3_COLUMNS - 1]) == v[T3_COLUMNS - 1] for v in values):
        return doc, []
    if all(sum(v[1:T3_COLUMNS]) == v[T3_COLUMNS] for v in values):
        return doc, []  # read with the first value left, the sums hold as well
    if not _identities_hold([v[:T3_COLUMNS] for v in values]):
        return doc, []
    dropped = {(lines[n][0], lines[n][1], t) for row in rows for n, t in row[T3_COLUMNS:]}
    return _without(doc, dropped), [Finding.of(
        "TEMPLATE_DEVIATION", "表三在总计右侧另印上年数一列,该列未读入(各行前六列之和等于总计,已核)",
        "table 三 prints a column of last year's figures right of 总计; it is left (each row's six sum to its 总计)",
        "table3")]


def _joined_over_breaks(runs: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """Runs joined while they hold a part of a row: a page's foot and the header printed again cut
    a row's values in two (``… 0 0 0 0 0 0`` ⏎ ``第5页`` … ``0 2``); a run that is not whole rows
    runs on into the next (the rows' sums then check every reading)."""
    out: list[list[tuple[int, int]]] = []
    for run in runs:
        if out and len(out[-1]) % WIDTH:
            out[-1] = out[-1] + run
        else:
            out.append(list(run))
    return out


__all__ = ["last_year_stacked_dropped"]
