"""Table 三 printed as pdfminer's text boxes with an unofficial subtotal column (小计, or
合计 beside 总计) after the five organisations: the boxes read against the widened table.

Some reports add a column after 法人或其他组织's five organisations holding their sum in every
row (``extract/subtotal.py`` tells its header word: 小计 always, 合计 only where the header
also prints 总计 — otherwise 合计 is the total itself). The aligner widens table 三 where that
word stands in the header *before* the first row label; pdfminer's layout prints the row labels'
box first and the column headers after it (``… (七)总计 ⏎ 四、结转下年度继续办理 ⏎ 申请人情况 ⏎ …
⏎ 总 ⏎ 计 ⏎ 其 ⏎ 他 ⏎ 合 ⏎ 计 ⏎ 自 ⏎ 然 ⏎ 人 ⏎ 6 ⏎ 0 ⏎ 3 …``), so the aligner reads the official seven
columns, and the boxes reader (``extract/boxes.py``) finds one value a row too many and reads
nothing.

Here the boxes are read against the widened table (:func:`widened`): eight columns a row — 自然人,
the five organisations, the subtotal, 总计 — with the subtotal held to its own identity in every
row (subtotal = the five organisations, :data:`SUBTOTAL_IDENTITY`) beside the official ones
(总计 = 自然人 + the five; in every column 一+二 = (七)+四 and (七) = the outcomes). The widened read
is tried only where

- the table's text prints the subtotal's header word (a phrase or an unread run of words
  reading 小计, or 合计 where 总计 is printed too: :func:`subtotal_word`), and
- the table's value runs hold exactly one value a row more than the official table has cells
  (a 小计 *row* under a block adds a row's seven instead: ``extract/colstacks.py``).

The widened table is read by the boxes reader's own search (every reading of the runs as blocks
of columns over adjacent rows, every identity holding, every instance testable; a cell kept only
where every reading gives it one value), and the subtotal's own cells are then left out, with
the ``TEMPLATE_DEVIATION`` the aligner records for a subtotal column. Where the widened table
has no reading, or the search spends its budget, nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Finding
from ..template.formats import APPLICANT_COLUMNS, SUBTOTAL, Identity, Kind, Per, PrintedRow, TableSpec, sum_positions
from ..template.normalize import label_key
from .align import Placed
from .boxes import Cell, _placed, read_boxes, runs_of
from .layout import Event
from .tokens import Token

__all__ = ["SUBTOTAL_IDENTITY", "reread_widened", "subtotal_word", "widened"]

SUBTOTAL_KEY = label_key(SUBTOTAL)  # 小计: a subtotal column wherever the table prints it
SUM_WORD = "合计"  # a subtotal only beside a 总计 column (else the total itself: extract/subtotal.py)
SUM_KEY = label_key(SUM_WORD)
TOTAL_KEY = label_key(APPLICANT_COLUMNS[-1].label)  # 总计, the official total column's header
ORGANISATION_KEYS = tuple(m.key for m in APPLICANT_COLUMNS[1:-1])  # the five organisation columns
SUBTOTAL_AT = 6  # the subtotal's index in a widened row: after 自然人 and the five organisations
SUBTOTAL_IDENTITY = Identity("T3_ROW_TOTAL", (SUBTOTAL_KEY,), ORGANISATION_KEYS, Per.ROW)  # subtotal = the five


def subtotal_word(evs: list[Event]) -> str | None:
    """The subtotal column's header word the table's text prints (``小计``; ``合计`` where
    ``总计`` is printed too), or None."""
    words = {ev.seg.text for ev in evs if ev.kind in ("phrase", "gap")}
    if SUBTOTAL_KEY in words:
        return SUBTOTAL
    if SUM_KEY in words and TOTAL_KEY in words:
        return SUM_WORD
    return None


def widened(spec: TableSpec) -> TableSpec:
    """Table 三 with the subtotal column after the five organisations, held to its identity."""
    identities = spec.identities + (SUBTOTAL_IDENTITY,)

    def row_widened(row: PrintedRow) -> PrintedRow:
        cells = row.cells[:SUBTOTAL_AT] + ((row.key, SUBTOTAL_KEY, Kind.COUNT),) + row.cells[SUBTOTAL_AT:]
        return replace(row, cells=cells, sums=tuple(s for i in identities for s in sum_positions(i, cells)))
    return replace(spec, rows=tuple(row_widened(r) for r in spec.rows), identities=identities)


def is_widened(spec: TableSpec) -> bool:
    """Does this table carry the subtotal column (:func:`widened`)?"""
    return any(c == SUBTOTAL_KEY for row in spec.rows[:1] for _, c, _ in row.cells)


def reread_widened(spec: TableSpec, fmt: str, evs: list[Event], placed: Placed,
                   pages: Sequence[int] = ()) -> Placed | None:
    """Table 三 read as boxes against the widened table (module docstring), its subtotal cells
    left out, with the deviation's finding; None where the text prints no subtotal word, its
    count of values is not one a row more than the table's cells, or the boxes have no reading."""
    if spec.key != "table3" or not all(len(row.cells) == len(APPLICANT_COLUMNS) for row in spec.rows):
        return None
    word = subtotal_word(evs)
    if word is None:
        return None
    runs = runs_of(evs, spec, pages)
    cells_official = sum(len(row.cells) for row in spec.rows)
    if not runs or sum(len(run.values) for run in runs) != cells_official + len(spec.rows):
        return None
    cells = read_boxes(widened(spec), fmt, evs, pages)
    if cells is None:
        return None
    kept: dict[Cell, Token | None] = {cell: tok for cell, tok in cells.items() if cell[1] != SUBTOTAL_KEY}
    out = _placed(spec, spec, kept, placed)
    out.findings.append(Finding.of(
        "TEMPLATE_DEVIATION", f"表三多出“{word}”列(不在规定格式中),已略去",
        f"table 三 has an extra '{word}' column (not in the official format); left out", "table3"))
    return out
