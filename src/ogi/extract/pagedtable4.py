"""Table 四 printed one value a line by poppler's reading order on paged PDFs — read only where
every order of its printed values gives the same table.

Table 四 is one printed row of fifteen cells: three groups (行政复议, and 行政诉讼's 未经复议直接起诉
and 复议后起诉) of five (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). ``pdftotext`` (reading order,
no ``-layout``) of a report printed on narrow pages prints each cell as a block of its own,
under the header's pieces split a character or a word a line, values close together on one
line (``37 351``), and a page's print line or number among them where a page ends in the
table (``0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 打印日期：2023-12-28 ⏎ 0 ⏎ …``: the aligner read ``-12 -28`` from the
date and left the table null).

The order of those blocks is not the cells' order, and it is not even each group's order
kept among the others: peer 淮安市 2024 prints ``72 64 178 37 351 · 13 4 8 · 12 1 1 · 1 26 ·
6 20`` (the direct suits' 尚未审结 and 总计 after the other suits' first three); synthetic
00021 prints 未经复议直接起诉's 19 0 0 as ``0 ⏎ 0 ⏎ 19`` (结果维持's block after the others'), and
synthetic 00033 the 复议后起诉 group's 结果维持 (7) before any value of 未经复议直接起诉. The sums
(``T4_TOTAL``) cannot undo that: where the blocks may come in such orders, a group's four
parts can be dealt to its cells in any order that keeps the sum, and the groups to each
other. So :func:`rejoin_paged_table4` reads the table only where every order gives the same
cells:

1. **Lines.** The table runs from its heading (``四、政府信息公开行政复议、行政诉讼情况``) to
   the next section's heading (``五、``). A line of numbers only is values; any other line is
   text (the header's pieces, the print line, the running lines). A line of more than
   :data:`MAX_LINE_VALUES` values, or a line of text that ends in numbers, is another
   layout: the table is left as printed. The header's 行政复议 must be among the text.
2. **Count.** The values must be exactly the fifteen cells — or exactly so once as many page
   numbers as there are too many values are dropped (a one-number line equal to its page's
   number, where most pages end in theirs, on a page that does not print it at its edge, or
   as its last line: ``pagedtable2._page_numbers``).
3. **One number.** All fifteen values the same number: every cell holds it, whatever the
   order (a table of zeros, the common case; any other number is the report's own broken
   sums, which the checks then report against the values it printed).

4. **Or a header printed a line across at a time.** Where the header's cells wrap onto the
   same number of lines and poppler printed them a line across the table at a time —
   ``行政复议 ⏎ 行政诉讼 ⏎ 结果 ⏎ 结果 ⏎ 其他 ⏎ 尚未 ⏎ 总 ⏎ 维持 ⏎ 纠正 ⏎ 结果 ⏎ 审结 ⏎ 计``: every
   cell's first line in the grid's order, then every second line — it read that region of
   the page as lines sorted left to right, not as a block per cell, and the one row of values
   under the header, printed right after it, comes in the same order: the five values of
   行政复议 after its five results' pieces, then 未经复议直接起诉 ⏎ 复议后起诉, the ten results'
   pieces likewise, and their ten values — exactly so, no other text and no other value in
   the table. Where poppler printed a cell per block, its pieces come a cell at a time or
   the rows are ragged (``结 ⏎ 结 ⏎ 其 ⏎ 尚 ⏎ 果 ⏎ 果 ⏎ 他 ⏎ 未 ⏎ 总 …``: 总计, two characters, is
   on the middle lines only) — and those are the tables whose values come in block order
   (above); they are not read so. Measured (docs/renderings.md §40): on every paged text of
   the matrix and the unseen corpora where the header reads so, the values are the cells
   in order.

5. **Or its last values printed after the next heading.** poppler's reading order of Word's
   PDF (LibreOffice's PDF of a DOCX whose tables have no ruling lines) ends table 四's flow
   before its last cells: the table prints fourteen values, its last header piece (复议后起诉's
   ``总计``) with none after it, and the fifteenth stands alone on a line after section 五's
   first paragraph (``…较 ⏎ 为单一等问题。 ⏎ 0 ⏎ 2025 年，我们将…``); or ``五、`` itself is printed
   after the first group's values, and the other groups' header pieces and values follow it.
   Where the table's values are fewer than its cells and all zero, and the next section (up to
   ``六、``) holds, on lines of numbers only, exactly the values missing, all zero too, the
   fifteen are the table's: every order gives every cell 0, and every sum (``T4_TOTAL``) holds
   — the only number that does where all fifteen are one (a number repeated fifteen times
   holds no sum but 0, so no other is taken from outside the table). The lines of those
   values in section 五 are left empty. Measured (docs/renderings.md, render18): on wild5's
   and wild4's ``word_pdftotext`` every table 四 of zeros reads so.

The table is then written as a browser's copy prints it (the template's headers, the fifteen
values on one TAB-separated line); anything else leaves the text exactly as it was, for the
aligner's nulls and findings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..template.formats import FORMATS
from .pagedtable2 import Item, _page_numbers, page_lines, rewrite_table, table_body, written_over

__all__ = ["MAX_LINE_VALUES", "rejoin_paged_table4"]

MAX_LINE_VALUES = 5  # values one line holds at most in this layout (a group's cells close together)
PAGE_END = "\f"

_SPEC = FORMATS["2021"].table4  # the same table in both formats
_CELLS = len(_SPEC.rows[0].cells)
# the heading's words up to its first pause: a narrow page wraps the rest (``四、政府信息公开行政复议
# ⏎ 、行政诉讼情况``), and no other line of a report begins so
_HEADING = _SPEC.title.partition("、行政诉讼")[0]
_NEXT_HEADING = "五、"
_AFTER_NEXT_HEADING = "六、"  # the section after the one that may hold the table's last values
_HEADER_TELL = "行政复议"
_VALUES = re.compile(r"^\d+(?: +\d+)*$")
_TEXT_THEN_NUMBER = re.compile(r"[^\d\s]\s+\d+(?:\s+\d+)*$")


def rejoin_paged_table4(text: str, page_offset: int | None, taken: frozenset[int] = frozenset()) -> str:
    """``text`` with table 四 rewritten as one line of its fifteen values where every order of
    the printed values gives the same cells (module docstring); else ``text`` unchanged. Only a
    text cut into pages (a form feed ends each of poppler's pages) is read so."""
    def read(body: list[str], page: int, edges: list, last: int) -> list[str] | None:
        values = _read(body, page, page_offset, edges, last, taken)
        return None if values is None else _written(values)

    out = rewrite_table(text, _HEADING, _NEXT_HEADING, read)
    return out if out is not text else _with_values_after(text)


def _with_values_after(text: str) -> str:
    """``text`` with table 四 rewritten as fifteen zeros where it prints fewer zeros than its
    cells and the next section, on lines of numbers only, exactly the zeros missing (module
    docstring, step 5), those lines emptied; else ``text`` unchanged."""
    if PAGE_END not in text:
        return text
    table = table_body(text, _HEADING, _NEXT_HEADING)
    if table is None:
        return text
    start, end = table
    after = table_body(text[end:], _NEXT_HEADING, _AFTER_NEXT_HEADING)
    if after is None:
        return text
    inside = _zeros(text[start:end].split("\n"))
    if not inside:
        return text
    lines = text[end:end + after[1]].split("\n")
    outside = [i for i, line in enumerate(lines) if _VALUES.match(line.replace(PAGE_END, " ").strip())]
    values = [v for i in outside for v in lines[i].split()]
    if len(inside) + len(values) != _CELLS or any(int(v) for v in values):
        return text
    for i in outside:
        lines[i] = PAGE_END * lines[i].count(PAGE_END)
    rest = "\n".join(lines) + text[end + after[1]:]
    body = text[:end]
    return written_over(body, start, end, _written([0] * _CELLS), PAGE_END * body.count(PAGE_END, start, end)) + rest


def _zeros(body: list[str]) -> list[int] | None:
    """The values of the table's lines ``body`` where there are fewer than its cells, all
    zero, the header's 行政复议 among its text, and no line another layout's (step 1); else
    None."""
    values: list[int] = []
    texts = []
    for _, line in page_lines(body, 0):
        if _VALUES.match(line):
            if len(line.split()) > MAX_LINE_VALUES:
                return None
            values += [int(v) for v in line.split()]
        elif _TEXT_THEN_NUMBER.search(line):
            return None
        else:
            texts.append("".join(line.split()))
    if not any(_HEADER_TELL in t for t in texts):
        return None
    if not values or len(values) >= _CELLS or any(values):
        return None
    return values


def _read(body: list[str], page: int, offset: int | None, edges: Sequence[tuple[str, str]] = (),
          end_page: int = 0, taken: frozenset[int] = frozenset()) -> list[int] | None:
    """The fifteen cells, or None where the printed values do not fix them."""
    items: list[Item] = []
    last: dict[int, int] = {}
    for page, line in page_lines(body, page):
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
    if not any(_HEADER_TELL in "".join(text.split()) for text, values, _ in items if not values):
        return None
    lines = [[int(v) for v in values] for _, values, _ in items if values]
    extra = sum(map(len, lines)) - _CELLS
    if extra:
        marks = _page_numbers(items, last, offset, edges, end_page, taken)
        if extra < 0 or len(marks) != extra:
            return None
        items = [item for i, item in enumerate(items) if i not in marks]
        lines = [[int(v) for v in values] for _, values, _ in items if values]
    return _only_reading(lines) or _read_across(items)


def _read_across(items: list[Item]) -> list[int] | None:
    """The fifteen cells where each header row was printed a line across at a time (module
    docstring, step 4): 行政复议 and 行政诉讼, the five results' pieces, their five values;
    未经复议直接起诉 and 复议后起诉, the ten results' pieces, their ten values — nothing else."""
    review, suits, direct, after, *results = _SPEC.headers
    runs: list[tuple[list[str], list[int]]] = []  # (text pieces, the values after them)
    for text, values, _ in items:
        if values:
            if not runs:
                return None
            runs[-1][1].extend(int(v) for v in values)
        else:
            if not runs or runs[-1][1]:
                runs.append(([], []))
            runs[-1][0].append("".join(text.split()))
    header_rows = ((review, suits, results), (direct, after, results * 2))
    if len(runs) != len(header_rows):
        return None
    cells: list[int] = []
    for (pieces, numbers), (left, right, heads) in zip(runs, header_rows):
        if pieces[:2] != [left, right] or len(numbers) != len(heads) or not _across(pieces[2:], heads):
            return None
        cells += numbers
    return cells


def _across(pieces: list[str], heads: Sequence[str]) -> bool:
    """Are ``pieces`` the header cells ``heads`` each wrapped onto the same number of lines,
    printed a line across all of them at a time, left to right: every cell's first line in
    the grid's order, then every cell's second line, …?"""
    k = len(heads)
    if not pieces or len(pieces) % k:
        return False
    m = len(pieces) // k
    return all("".join(pieces[j * k + i] for j in range(m)) == head for i, head in enumerate(heads))


def _only_reading(lines: list[list[int]]) -> list[int] | None:
    """The fifteen cells where every order of the values gives the same table — all one
    number (module docstring, step 3); else None."""
    values = [v for line in lines for v in line]
    if len(values) != _CELLS or len(set(values)) != 1:
        return None
    return values


def _written(values: list[int]) -> list[str]:
    """Table 四 as a browser's copy prints it: the template's headers (行政复议 and 行政诉讼;
    the five results of 行政复议 and the two kinds of suit; the five results twice), then the
    fifteen values."""
    review, suits, direct, after, *results = _SPEC.headers
    return ["\t".join((review, suits)), "\t".join((*results, direct, after)),
            "\t".join(results * 2), "\t".join(str(v) for v in values)]
