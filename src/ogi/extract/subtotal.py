"""Table 三's unofficial subtotal column: which header word names it.

Some reports add a column after 法人或其他组织's five organisations holding their sum in
every row. It is headed 小计 — or 合计, a word real reports also use for the table's total
itself. The two are told apart by the header alone, never by the sample's text: 合计 is the
subtotal only where the same header also prints 总计 (the total has its own column, so a
合计 beside it can only be the organisations' sum); with no 总计 in the header, a 合计
column *is* the total and is read as 总计 always was. The widened table's identities
(``subtotal = Σ organisations``, ``总计 = 自然人 + subtotal``) then confirm every row read,
so a header misread here cannot place a number silently.

Only the header counts: phrases before the table's first row label. A 小计 or 合计 after
it is a row of sums under a block (a 小计 row), which widens no row.

A text rendering may lose the header word: a narrow column's 小计 printed down the cell, one
character a line (``小`` above ``计``: w3m, ``pdftotext -layout``), leaves no phrase. The
column then shows in the rows themselves (:func:`subtotal_in_rows`): each row read whole on
its label's line prints eight values where the template has seven cells, and in every such
row the seventh is the sum of the five organisations (2nd–6th) and the eighth the sum of
自然人 and the seventh. Seven cells with one value too many cannot satisfy that by chance
in a row whose 自然人 is not 0 (there the official total, 自然人 + the five, differs from the
five's sum); in a row whose 自然人 is 0 the seventh and eighth values are equal, so either
reading gives the row the same cells — the widened one is never a different number. A row
of seven values read whole (the official width) or an eight-value row that breaks either sum
means the table is not widened this way, and nothing changes.
"""

from __future__ import annotations

from ..template.formats import SUBTOTAL
from ..template.normalize import label_key
from .layout import Event
from .tokens import NUM

SUBTOTAL_KEY = label_key(SUBTOTAL)  # 小计: a subtotal wherever the header prints it
SUM_KEY = label_key("合计")  # 合计: a subtotal only beside a 总计 column, else the total itself
TOTAL_KEY = label_key("总计")  # the official total column's header
OFFICIAL_WIDTH = 7  # table 三's cells in a row: 自然人, five organisations, 总计
WIDENED_WIDTH = 8  # the same with the subtotal after the five organisations
SUBTOTAL_AT = 6  # the subtotal's index in a widened row (after 自然人 and the five)
ROWS_WORD = "法人或其他组织之和"  # what a finding calls a subtotal column shown by its rows alone
MIN_WIDENED_ROWS = 3  # rows of eight values whose sums hold, needed to read the table widened


def subtotal_header(evs: list[Event]) -> str | None:
    """The header word (``小计`` / ``合计``) of table 三's subtotal column, or None where
    its header prints none (a 合计 with no 总计 beside it is the total, not a subtotal)."""
    words = set()
    for ev in evs:
        if ev.kind not in ("phrase", "gap"):
            continue
        if ev.kind == "phrase" and any(p.kind == "row" and p.table == "table3" for p in ev.seg.phrases):
            break
        words.add(ev.seg.text)
    if SUBTOTAL_KEY in words:
        return SUBTOTAL
    if SUM_KEY in words and TOTAL_KEY in words:
        return "合计"
    return None


def subtotal_in_rows(evs: list[Event]) -> bool:
    """Do table 三's rows, each read whole on its label's line, print the subtotal column
    whose header word was lost (every eight-value row's sums hold, and no row prints the
    official seven)?"""
    widened = 0
    for values in _rows_read_whole(evs):
        if len(values) == OFFICIAL_WIDTH:
            return False
        if len(values) != WIDENED_WIDTH:
            continue
        if values[SUBTOTAL_AT] != sum(values[1:SUBTOTAL_AT]) or values[-1] != values[0] + values[SUBTOTAL_AT]:
            return False
        widened += 1
    return widened >= MIN_WIDENED_ROWS


def _rows_read_whole(evs: list[Event]) -> list[list[int]]:
    """The whole-number values printed on each table 三 row label's own unit (line or table
    row), one list a label; a label whose unit holds a glued or non-numeric value gives none."""
    rows: list[list[int]] = []
    values: list[int] | None = None
    unit = -1
    for ev in evs:
        if ev.kind == "phrase" and any(p.kind == "row" and p.table == "table3" for p in ev.seg.phrases):
            values, unit = [], ev.unit
            rows.append(values)
        elif values is None:
            continue
        elif ev.kind == "value" and ev.unit == unit and ev.token is not None:
            tok = ev.token
            if tok.kind != NUM or tok.glued or not isinstance(tok.value, int):
                values.clear()
                values = None
            else:
                values.append(tok.value)
        elif ev.unit != unit or ev.kind != "value":
            values = None
    return rows
