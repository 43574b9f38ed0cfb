"""Table 二's serial numbers (a 序号 column) in a crawler's text, dropped.

Some agencies number table 二's value rows in a first column headed 序号. A crawler's
``text_content()`` glues the page on one line, and each serial lands right before its row's
label — after the previous row's values where that row is in the same block:
``第二十条第(一)项序号信息内容本年制发件数本年废止件数现行有效件数1规章0022行政规范性文件005第二十条第(五)项序号…3行政许可215…``.
The serials read as cells: the ``1`` and ``3`` after a header belong to no row (table 二 has no
sums to check a row by, so it is refused whole) and the ``2`` glued to 规章's ``002`` gives that
row four digits for three cells. A text that prints a cell a line (BeautifulSoup's
``get_text("\n")``) or a space between cells (``get_text(" ")``) keeps each serial apart, but
still a number of no row, before the row's label.

The header says which numbers are serials, and the rows' order says which: this pass works only
in table 二's part of the line (its first caption ``第二十条第(…)项`` to section 三's heading)
where every block's header names the 序号 column, and finds the template's row labels there in
order. The first row of each block follows its header, so its serial stands alone (the
header's last letter before it, blanks or line breaks between): those serials are the evidence. Two numberings are known — one sequence over the
table (1 … n) and one that starts again in each block (1, 2 | 1 | 1, 2 | 1) — and a numbering is
taken only when every serial that stands alone is the one it gives and every row after the
first of a block has, before its label, the serial it gives — glued to the end of its previous
row's values, or a cell of its own after them (blanks or a line break before it). A TAB-separated
text is left: its rows are a grid, and the grid reads the 序号 column as a column. Where the two numberings give the same serials, it does not matter
which; where both or neither fit, nothing is dropped (the table stays refused, with its
findings). Then each serial is dropped from the text — a glued one cut out of the line, one that
stands apart blanked to its width, so no line moves and a spaced line keeps its columns — and the
rows read as a table without the column does.
"""

from __future__ import annotations

import re

from ..template import FORMATS
from ..template.formats import SECTIONS
from ..template.layout import LABEL, table_grid

SERIAL_HEAD = "序号"
_CAPTION = re.compile(r"第二十条第[(（][一二三四五六七八九十]+[)）]项")
_ROW_LABELS = sorted({c.text for f in FORMATS for c in table_grid(f, "table2").cells if c.role == LABEL and c.text},
                     key=len, reverse=True)
_ROW = re.compile("|".join(map(re.escape, _ROW_LABELS)))  # longest first: 行政规范性文件 before 规范性文件
_TABLE3_HEADINGS = tuple(k for s in SECTIONS if s.key == "s3" for k in s.keywords)
_GAP = " \r\n\u3000"  # what a text may print between two cells (a TAB's rows are a grid, read as one)
_HEADER_END = re.compile(r"[\u4e00-\u9fff)）]")  # how a header's text ends (…现行有效件数, …(单位:万元))


def table2_serials_dropped(text: str) -> str:
    """``text`` with table 二's serial numbers dropped where the header and the rows' order
    fix them (see the module's docstring); ``text`` itself anywhere else."""
    if SERIAL_HEAD not in text:
        return text
    first = _CAPTION.search(text)
    if first is None:
        return text
    end = min((at for at in (text.find(h, first.start()) for h in _TABLE3_HEADINGS) if at >= 0), default=-1)
    if end < 0:
        return text
    rows = _rows(text, first.start(), end)
    if rows is None:
        return text
    cuts = _serial_spans(text, rows)
    if not cuts:
        return text
    out, pos = [], 0
    for a, b, glued in cuts:
        out.append(text[pos:a])
        if not glued:  # apart from the text before it: blanked, so a spaced line keeps its columns
            out.append(" " * (b - a))
        pos = b
    return "".join(out) + text[pos:]


def _rows(text: str, start: int, end: int) -> list[tuple[int, int, bool]] | None:
    """Table 二's row labels between ``start`` and ``end``: (block, position, first of its block)
    each; None unless every block's header names the 序号 column and every block has a row."""
    captions = [m.start() for m in _CAPTION.finditer(text, start, end)]
    rows: list[tuple[int, int, bool]] = []
    for k, at in enumerate(captions):
        stop = captions[k + 1] if k + 1 < len(captions) else end
        labels = [m.start() for m in _ROW.finditer(text, at, stop)]
        if not labels or text.find(SERIAL_HEAD, at, labels[0]) < 0:
            return None
        rows += [(k, p, j == 0) for j, p in enumerate(labels)]
    return rows


def _serial_spans(text: str, rows: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Where each row's serial is printed, under the one numbering the evidence allows; [] when
    none or two differing ones fit."""
    in_block: list[int] = []
    for _, _, first in rows:
        in_block.append(1 if first else in_block[-1] + 1)
    schemes = [list(range(1, len(rows) + 1)), in_block]
    fits = [spans for spans in (_fit(text, rows, serials) for serials in schemes) if spans is not None]
    if not fits or any(spans != fits[0] for spans in fits):
        return []
    return fits[0]


def _fit(text: str, rows: list[tuple[int, int, bool]], serials: list[int]) -> list[tuple[int, int, bool]] | None:
    """The serials' spans (and whether each is glued to the text before it: no blank or line
    break between) where every row's digits before its label agree with ``serials``."""
    spans = []
    for (_, at, first), serial in zip(rows, serials):
        end = _gap_before(text, at)  # a text that prints a cell a line (or spaced) has a gap there
        start = end
        while start > 0 and text[start - 1].isdigit():
            start -= 1
        printed, number = text[start:end], str(serial)
        if first:  # after the header: the serial alone, a header's letter before it
            if printed != number or not _HEADER_END.match(text, _gap_before(text, start) - 1):
                return None
        elif printed == number and start > 0 and text[start - 1] in _GAP:
            pass  # a cell of its own, after the previous row's values
        elif len(printed) <= len(number) or not printed.endswith(number):
            return None  # glued: the previous row's values, then the serial
        spans.append((end - len(number), end, start == 0 or text[start - 1] not in _GAP))
    return spans


def _gap_before(text: str, at: int) -> int:
    """Where the blanks and line breaks right before ``at`` begin (``at`` where there are none)."""
    while at > 0 and text[at - 1] in _GAP:
        at -= 1
    return at


__all__ = ["SERIAL_HEAD", "table2_serials_dropped"]
