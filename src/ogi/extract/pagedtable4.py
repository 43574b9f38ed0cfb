"""Table 四 printed one value a line by poppler's reading order on paged PDFs — read where its
three sums leave exactly one reading of the order the values were printed in.

Table 四 is one printed row of fifteen cells: three groups (行政复议, and 行政诉讼's 未经复议直接起诉
and 复议后起诉) of five (结果维持, 结果纠正, 其他结果, 尚未审结, 总计), each group's 总计 the sum of
its other four (``T4_TOTAL``). ``pdftotext`` (reading order, no ``-layout``) of a report
printed on narrow pages prints each cell as a block of its own, under the header's pieces
split a character or a word a line; values close together share a line (``37 351``), and
the blocks of the groups come interleaved — peer 淮安市 2024 prints::

    72 ⏎ 64 ⏎ 结 ⏎ 178 ⏎ 37 351 ⏎ … ⏎ 13 ⏎ 4 ⏎ 8 ⏎ … 复议后起诉 … ⏎ 12 ⏎ 1 ⏎ 1 ⏎ 1 26 ⏎ 6 20

for 72 64 178 37 351 · 13 4 8 1 26 · 12 1 1 6 20: the direct suits' 尚未审结 and 总计 after
the other suits' first three. Where the values are not in the groups' order, the aligner
cannot read them (a header among values, or a value a line, makes the order uncertain) and
leaves the table null. What the text still carries: each group's values in its own order
(its cells left to right), and a line's values in one group. :func:`rejoin_paged_table4`
reads the table so:

1. **Lines.** The table runs from its heading (``四、政府信息公开行政复议、行政诉讼情况``) to
   the next section's heading (``五、``). A line of numbers only is values; any other line is
   text. A line of more than :data:`MAX_LINE_VALUES` values, or a line of text that ends in
   numbers, is another layout: the table is left as printed.
2. **Count.** The values must be exactly the fifteen cells — or exactly so once as many page
   numbers as there are too many values are dropped (a one-number line equal to its page's
   number, where most pages end in theirs, on a page that does not print it at its edge, or
   as its last line: ``pagedtable2._page_numbers``).
3. **Readings.** Every way to deal the lines, in printed order, to the three groups —
   each line whole to one group, each group taking exactly its five cells in their order,
   and no group begun before the group to its left (a group's first cell, its leftmost, is
   printed after the first cell of the group left of it) — is a reading; a reading holds where every group's 总计 is the sum of its other four.
   The table is read only where the readings that hold give exactly one table (a sparse
   table's zeros hold in many readings, and where those give different tables none is
   taken). A report whose own sums are broken has no reading that holds: left as printed,
   for the aligner's nulls and findings.

The table is then written as a browser's copy prints it (the template's headers, the fifteen
values on one TAB-separated line); anything else leaves the text exactly as it was."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..template.formats import FORMATS
from .pagedtable2 import Item, _edges, _line_starting, _page_numbers

__all__ = ["MAX_LINE_VALUES", "MAX_READINGS", "rejoin_paged_table4"]

MAX_LINE_VALUES = 5  # values one line holds at most in this layout (a group's cells close together)
# partial readings kept at most while dealing the lines to the groups; more, and the table
# (a dense run of distinct values in an order nothing pins) is left to the aligner
MAX_READINGS = 20_000
PAGE_END = "\f"

_SPEC = FORMATS["2021"].table4  # the same table in both formats
_CELLS = len(_SPEC.rows[0].cells)
# each group's cells, in order: its parts then its total (the row's sums, from the template)
_GROUPS = tuple((*parts, total) for total, parts in _SPEC.rows[0].sums)
_HEADING = _SPEC.title
_NEXT_HEADING = "五、"
_HEADER_TELL = "行政复议"
_VALUES = re.compile(r"^\d+(?: +\d+)*$")
_TEXT_THEN_NUMBER = re.compile(r"[^\d\s]\s+\d+(?:\s+\d+)*$")


def rejoin_paged_table4(text: str, page_offset: int | None) -> str:
    """``text`` with table 四 rewritten as one line of its fifteen values where exactly one
    reading of the printed order holds (module docstring); else ``text`` unchanged. Only a
    text cut into pages (a form feed ends each of poppler's pages) is read so."""
    if PAGE_END not in text:
        return text
    start = _line_starting(text, _HEADING, 0)
    if start is None:
        return text
    body_start = text.find("\n", start) + 1
    end = _line_starting(text, _NEXT_HEADING, body_start) if body_start else None
    if end is None:
        return text
    edges = [_edges(page) for page in text.split(PAGE_END)]
    values = _read(text[body_start:end].split("\n"), text.count(PAGE_END, 0, body_start), page_offset,
                   edges, text.count(PAGE_END, 0, end))
    if values is None:
        return text
    return text[:body_start] + "".join(line + "\n" for line in _written(values)) + text[end:]


def _read(body: list[str], page: int, offset: int | None, edges: Sequence[tuple[str, str]] = (),
          end_page: int = 0) -> list[int] | None:
    """The fifteen values in the cells' order, or None where not exactly one reading holds."""
    items: list[Item] = []
    last: dict[int, int] = {}
    for raw in body:
        page += raw.count(PAGE_END)
        line = raw.replace(PAGE_END, " ").strip()
        if not line:
            continue
        last[page] = len(items)
        if _VALUES.match(line):
            numbers = line.split()
            if len(numbers) > MAX_LINE_VALUES:
                return None
            items.append((line, numbers, page))
        elif _TEXT_THEN_NUMBER.search(line):
            return None
        else:
            items.append((line, [], page))
    if not any(_HEADER_TELL in text for text, values, _ in items if not values):
        return None
    lines = [[int(v) for v in values] for _, values, _ in items if values]
    extra = sum(map(len, lines)) - _CELLS
    if extra:
        numbers = _page_numbers(items, last, offset, edges, end_page)
        if extra < 0 or len(numbers) != extra:
            return None
        lines = [[int(v) for v in values] for i, (_, values, _) in enumerate(items) if values and i not in numbers]
    return _only_reading(lines)


def _only_reading(lines: list[list[int]]) -> list[int] | None:
    """The one table the readings that hold give (module docstring, step 3), or None."""
    size = len(_GROUPS[0])
    states: set[tuple[tuple[int, ...], ...]] = {tuple(() for _ in _GROUPS)}
    for line in lines:
        grown = set()
        for state in states:
            for g, taken in enumerate(state):
                if len(taken) + len(line) > size or (g and not state[g - 1]):
                    continue  # too many, or a group begun before the one to its left
                now = taken + tuple(line)
                if len(now) == size and sum(now[:-1]) != now[-1]:
                    continue  # this group's total fails
                grown.add(state[:g] + (now,) + state[g + 1:])
        if len(grown) > MAX_READINGS:
            return None
        states = grown
    if len(states) != 1:
        return None
    (state,) = states
    cells = [0] * _CELLS
    for group, values in zip(_GROUPS, state):
        for cell, value in zip(group, values):
            cells[cell] = value
    return cells


def _written(values: list[int]) -> list[str]:
    """Table 四 as a browser's copy prints it: the template's headers (行政复议 and 行政诉讼;
    the five results of 行政复议 and the two kinds of suit; the five results twice), then the
    fifteen values."""
    review, suits, direct, after, *results = _SPEC.headers
    return ["\t".join((review, suits)), "\t".join((*results, direct, after)),
            "\t".join(results * 2), "\t".join(str(v) for v in values)]
