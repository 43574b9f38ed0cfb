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
"""

from __future__ import annotations

from ..template.formats import SUBTOTAL
from ..template.normalize import label_key
from .layout import Event

SUBTOTAL_KEY = label_key(SUBTOTAL)  # 小计: a subtotal wherever the header prints it
SUM_KEY = label_key("合计")  # 合计: a subtotal only beside a 总计 column, else the total itself
TOTAL_KEY = label_key("总计")  # the official total column's header


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
