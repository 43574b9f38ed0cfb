"""Filled spans glued in a crawler's one line: a spanned label printed again right after itself, dropped.

A spreadsheet's "unmerge and fill" (or a CMS that cannot span) prints every merged label,
header and caption cell once in each slot it covered: table 三's ``一、本年新收政府信息公开申请数量``
three times across its label columns, ``(一)予以公开`` twice, ``法人或其他组织`` over each of
its five columns, table 二's ``第二十条第(一)项`` over its four. :mod:`.filled` merges them back
where the cells or the words are still apart (a grid, or text with blanks, TABs or pipes
between the cells). A crawler's ``text_content()`` glues every cell of the page on one line,
``…一、本年新收政府信息公开申请数量一、本年新收政府信息公开申请数量一、本年新收政府信息公开申请数量270002029二、…``,
and there is no gap to find a repeat at: the aligner reads the label three times, drops the
second and third as printed out of their place, and leaves the row's values unplaced — the
row blank, and every glued run of the report refused (a report with blank cells may have
dropped them from a run).

The official format never prints a label twice side by side: wherever one of the labels it
draws over more than one column (:data:`ogi.extract.filled.SPANNED_LABELS`, drawn once in a
format) is printed twice or more in a row with nothing between, the repeats are the fill's
slots. This pass drops them: the label stays once, glued to its values as the crawler printed
the row (blanked to their width instead, as :mod:`.filled` does where columns are aligned, the
repeats would leave a gap between the label and its digits that reads as a spaced row whose
empty cells are lost, and the row stays null). The text keeps its lines, so a cell's
provenance (its line) is unchanged. The
label is found as the template prints it, with ASCII or with Chinese punctuation (``(一)``,
``（一）``). A label printed once, or a text repeated that is
no spanned label (table 四's ``结果维持…总计`` three times: one header under each block, printed
by the format itself), is left as printed.
"""

from __future__ import annotations

from ..template import FORMATS, label_key
from ..template.layout import table_grid
from .filled import SPANNED_LABELS

_HALF = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})  # full-width forms as ASCII
_WIDE = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "："})  # a label's punctuation as Chinese text prints it


def _printed_labels() -> tuple[str, ...]:
    """The template's texts of the spanned labels, in their ASCII and their full-width forms,
    longest first (so a label inside a longer one is never taken for it)."""
    texts = {c.text.translate(_HALF) for f in FORMATS for t in ("table2", "table3", "table4")
             for c in table_grid(f, t).cells if c.text and label_key(c.text) in SPANNED_LABELS}
    return tuple(sorted(texts | {t.translate(_WIDE) for t in texts}, key=len, reverse=True))


PRINTED = _printed_labels()


def glued_fills_dropped(text: str) -> str:
    """``text`` with every spanned label repeated right after itself (nothing between) printed
    once; ``text`` itself where there is none."""
    out: list[str] | None = None
    for label in PRINTED:
        twice = label + label
        at = text.find(twice)
        while at >= 0:
            end = at + len(label)
            while text.startswith(label, end):  # the second, third … slot of one fill
                if out is None:
                    out = list(text)
                out[end:end + len(label)] = [""] * len(label)
                end += len(label)
            at = text.find(twice, end)
    return text if out is None else "".join(out)


__all__ = ["PRINTED", "glued_fills_dropped"]
