"""Table 二 printed one value a line by poppler's reading order on paged PDFs — read row by row
where the template's labels, each row's number of cells and the cells' kinds leave no choice.

``pdftotext`` (reading order, no ``-layout``) of a report printed on narrow pages prints every
cell of table 二 as a text block of its own: each caption's header (``第二十条第（五）项 ⏎ 信息内容
⏎ 上一年项目数量 ⏎ 本年增/减 ⏎ 处理决定数量``), then each row as its label and its values one a
line. The header's words wrap (``本年新制作数 ⏎ 量``) and are sometimes printed among a row's
values (``政府集中采购 ⏎ 采购项目数量 ⏎ 318 ⏎ 采购总金额（单位：万元） ⏎ 74708.228``), a label
wraps (``其他对外管理服务事 ⏎ 项``), two labels may come before both rows' values, and at a page
break the running lines, the page number and the header come again::

    规章 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 规范性文件 ⏎ 40 ⏎ 40 ⏎ 62 ⏎ 第二十条第（五）项 ⏎ 信息内容 ⏎ … ⏎
    行政许可 ⏎ 622 ⏎ 259 ⏎ 187481 ⏎ … ⏎ 行政事业性收费 ⏎ 本年增/减 ⏎ 26 ⏎ 37

The aligner reads a header among a row's values as the sign of a table printed column by
column, and table 二 has no identity to confirm a reading, so it left such tables null. What
the text carries is each row's label followed by exactly that row's values, left to right.
:func:`rejoin_paged_table2` reads it so, aligned against the template:

1. **Lines.** The table runs from its heading (``二、主动公开政府信息情况``) to table 三's. A line
   of numbers only is values (and a number followed by ``万元``, the unit 采购总金额's and
   本年收费金额's headers name: an amount, fit for an amount's cell only); any other line is
   text and holds none. A line of text that ends in numbers (a row printed on one line:
   ``-layout``'s, ``-raw``'s) is another layout, and the table is left as printed.
2. **Format.** The one whose column headers the text prints (2021's ``本年制发件数``,
   ``现行有效件数``, ``本年收费金额``; 2019's ``本年新制作数``, ``上一年项目数``, ``采购项目数``) —
   exactly one of them, else the table is left as printed.
3. **Labels.** A text line — or two joined, a wrapped label — whose key is exactly one row's
   label (or a variant the template names) is that row's label. Every row's label must be
   printed exactly once, in the template's order, and no value before the first.
4. **Segments.** Labels with only text between them form a group; the values after it, up to
   the next group, are its rows' values. A group of one row is read where its values are
   exactly the row's cells and each suits its cell (a count a whole number ≥ 0, a change a
   whole number, only an amount a fraction). A group of several rows is read only where its
   values are exactly their cells and all one number (any order gives the same cells).
5. **Page numbers.** Where most pages end in their own number (``pagedrows._page_offset``;
   proved on the text as printed, or by the numbers ``extract/pagemarks`` took out:
   ``pagedrows.numbering``), a one-number line equal to its page's number, on a page whose
   last line is not that number and whose number was not taken out, is the page's number
   printed where the reading order reached the page's foot: it is dropped where its group
   then has exactly its cells and did not before.
6. **Every group exact, or nothing.** A value printed across a label makes one group short
   and another long; the groups between them may have exactly their count and still hold
   another row's value. So the table is rewritten only where every group has exactly its
   cells, each suiting its cell (the last row may have no value at all: its cells are blank,
   and the aligner reports them so). Then no value crossed a label, and a group of several
   rows whose values are not one number (row by row, or column by column?) is the only thing
   left unread: its rows are left out, and the aligner reports them missing (``ROW_MISSING``)
   — where at least :data:`PARTIAL_SHARE` of the rows are read (else the labels came
   together, a table printed column by column, the aligner's column reading's).
   The table is written as a browser's copy prints
   it: each caption and its headers as the template prints them (they tell the aligner the
   format; the printed ones went with the rewritten lines), then one TAB-separated line per
   row — the template's label, then its values. Anything else leaves the text exactly as
   it was, for the aligner's nulls and findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from ..template.formats import FORMATS, Kind, TableSpec
from ..template.normalize import label_key

__all__ = ["AMOUNT_UNIT", "LABEL_LINES", "MAX_LINE_VALUES", "PARTIAL_SHARE", "page_lines", "rejoin_paged_table2", "rewrite_table", "table_body", "written_over"]

# rows read with values, at least, for a table rewritten with rows left out: fewer, and the
# labels were printed together before the values — a table printed column by column, which
# the aligner's column reading (extract/columns.py) reads where it can
PARTIAL_SHARE = 0.5
LABEL_LINES = 2  # lines a row label of table 二 is printed over at most (``其他对外管理服务事 ⏎ 项``)
MAX_LINE_VALUES = 3  # values one line holds at most in this layout (more: a row a line)
PAGE_END = "\f"  # poppler ends each page with a form feed

_HEADING = "二、主动公开政府信息情况"
_CONTENT_HEADER = "信息内容"  # the header of the labels' column, under each caption
_NEXT_HEADING = "三、收到和处理政府信息公开申请情况"
# column-header words only one format prints, as label keys (a header wraps after them)
_HEADER_TELLS = {
    "2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额"),
    "2019": ("本年新制作数", "本年新公开数", "对外公开总数", "上一年项目数", "采购项目数"),
}
_NUMBER = r"[+-]?\d+(?:\.\d+)?"
_VALUES = re.compile(rf"^{_NUMBER}(?: +{_NUMBER})*$")
# an amount printed with the unit its column's header names (``0.03万元`` under 采购总金额, whose
# header says 单位：万元): the number in that unit, fit for an amount cell only
AMOUNT_UNIT = "万元"
_AMOUNT_WITH_UNIT = re.compile(rf"^\d+(?:\.\d+)?{AMOUNT_UNIT}$")
_TEXT_THEN_NUMBER = re.compile(r"[^\d\s.+-]\s+[+-]?\d+(?:\.\d+)?(?:\s+[+-]?\d+(?:\.\d+)?)*$")

Item = tuple[str, list[str], int]  # (text, values, page index); values empty for a text line


def written_over(text: str, start: int, end: int, rows: list[str], tail: str = "") -> str:
    """``text`` with ``text[start:end]`` (whole lines) replaced by ``rows``, one a line, and
    ``tail`` (form feeds) before what follows; the rows take fewer lines than the values
    printed one a line, and empty lines make up the difference, so every line after the
    table keeps its number (provenance, sections and findings point at the file's lines)."""
    spare = text.count("\n", start, end) - len(rows)
    return text[:start] + "".join(row + "\n" for row in rows) + "\n" * max(spare, 0) + tail + text[end:]


def rejoin_paged_table2(text: str, page_offset: int | None, taken: frozenset[int] = frozenset()) -> str:
    """``text`` with table 二 rewritten one row a line where it was printed one value a line,
    each row after its label (module docstring); else ``text`` unchanged. ``page_offset``:
    page *i* (from 0) prints number *i* + offset, or None; ``taken``: the pages whose number,
    printed at their edge, was taken out (``pagedrows.numbering``). Only a text cut into pages
    (a form feed ends each of poppler's pages) is read so."""
    return rewrite_table(text, _HEADING, _NEXT_HEADING,
                         lambda body, page, edges, last: _read(body, page, page_offset, edges, last, taken))


def rewrite_table(text: str, heading: str, next_heading: str,
                  read: Callable[[list[str], int, list, int], list[str] | None]) -> str:
    """``text`` with the lines under ``heading`` (up to ``next_heading``) replaced by what
    ``read`` makes of them — given the lines, the page they start on, every page's edges and
    the page they end on — or unchanged where ``read`` gives None or the text is not cut
    into pages. The page ends inside the table stay, after its rows: the pages after it keep
    their numbers, and every line after it its number (:func:`written_over`)."""
    if PAGE_END not in text:
        return text
    bounds = table_body(text, heading, next_heading)
    if bounds is None:
        return text
    body_start, end = bounds
    edges = [_edges(page) for page in text.split(PAGE_END)]
    rows = read(text[body_start:end].split("\n"), text.count(PAGE_END, 0, body_start), edges,
                text.count(PAGE_END, 0, end))
    if rows is None:
        return text
    return written_over(text, body_start, end, rows, PAGE_END * text.count(PAGE_END, body_start, end))


def table_body(text: str, heading: str, next_heading: str) -> tuple[int, int] | None:
    """Where the lines under the line that begins with ``heading`` begin, and where the line
    that begins with ``next_heading`` after them begins; None where either is missing."""
    start = _line_starting(text, heading, 0)
    if start is None:
        return None
    body_start = text.find("\n", start) + 1
    end = _line_starting(text, next_heading, body_start) if body_start else None
    return None if end is None else (body_start, end)


def _line_starting(text: str, phrase: str, at: int) -> int | None:
    """Where the first line from ``at`` that begins with ``phrase`` (after spaces and form
    feeds) begins; None where there is none."""
    found = text.find(phrase, at)
    while found >= 0:
        begin = text.rfind("\n", 0, found) + 1
        if begin >= at and not text[begin:found].strip():
            return begin
        found = text.find(phrase, found + 1)
    return None


def _edges(page: str) -> tuple[str, str]:
    """A page's first and last lines that are not blank."""
    lines = [line.strip() for line in page.split("\n") if line.strip()]
    return (lines[0], lines[-1]) if lines else ("", "")


def page_lines(body: list[str], page: int) -> Iterator[tuple[int, str]]:
    """``(page, line)`` of each printed line of ``body``, the first on page ``page``: a form
    feed in a line opens the next page, and is no text of the line."""
    for raw in body:
        page += raw.count(PAGE_END)
        line = raw.replace(PAGE_END, " ").strip()
        if line:
            yield page, line


def _read(body: list[str], page: int, offset: int | None, edges: Sequence[tuple[str, str]] = (),
          end_page: int = 0, taken: frozenset[int] = frozenset()) -> list[str] | None:
    """The rewritten rows of the table's lines ``body`` (the first on page ``page``; the page
    after the last, ``end_page``, and every page's first and last lines, ``edges``), or None
    where not every row is certain."""
    items: list[Item] = []
    last: dict[int, int] = {}  # page → the item of its last line
    for page, line in page_lines(body, page):
        last[page] = len(items)
        if _VALUES.match(line) or _AMOUNT_WITH_UNIT.match(line):
            values = line.split()
            if len(values) > MAX_LINE_VALUES:
                return None
            items.append((line, values, page))
            continue
        if _TEXT_THEN_NUMBER.search(line):
            return None  # a label with values on its line: another layout
        items.append((line, [], page))
    spec = _format(items)
    if spec is None:
        return None
    labels = _labels(spec, items)
    if labels is None:
        return None
    return _rows(spec, items, labels, _page_numbers(items, last, offset, edges, end_page, taken))


def _page_numbers(items: Sequence[Item], last: dict[int, int], offset: int | None,
                  edges: Sequence[tuple[str, str]], end_page: int, taken: frozenset[int] = frozenset()) -> set[int]:
    """The items that may be their page's number: one number equal to it (page *i* prints
    *i* + ``offset``) that is the last line of its page, or on a page whose first and last
    lines do not print the number (where they do, the number is at the page's edge, and an
    equal value among the cells is a value) — and never on a page in ``taken``, whose
    number, printed at its edge, was taken out before (``pagedrows.numbering``)."""
    if offset is None:
        return set()
    found = set()
    for i, (_, values, page) in enumerate(items):
        number = str(page + offset)
        if values != [number] or page >= len(edges) or page in taken:
            continue
        page_last = page < end_page and last.get(page) == i
        if page_last or number not in edges[page]:
            found.add(i)
    return found


def _format(items: Sequence[Item]) -> TableSpec | None:
    """The format whose column headers (and only whose) the text prints; None otherwise."""
    keys = label_key("".join(text for text, values, _ in items if not values))
    found = [name for name, tells in _HEADER_TELLS.items() if any(t in keys for t in tells)]
    return FORMATS[found[0]].table2 if len(found) == 1 else None


def _labels(spec: TableSpec, items: Sequence[Item]) -> list[tuple[int, int]] | None:
    """(first item, item after) of every row's label, in the template's order; None where a
    label is missing, printed twice or out of order, or a value comes before the first."""
    names = [{label_key(name) for name in (row.label or "", *row.variants) if name} for row in spec.rows]
    found: list[tuple[int, int, int]] = []  # (row, first item, item after)
    i = 0
    while i < len(items):
        hit = None
        for n in range(1, LABEL_LINES + 1):
            pieces = items[i:i + n]
            if len(pieces) < n or any(values for _, values, _ in pieces):
                break
            key = label_key("".join(text for text, _, _ in pieces))
            rows = [r for r, keys in enumerate(names) if key in keys]
            if len(rows) == 1:
                hit = (rows[0], i, i + n)
                break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit[2]
    if [row for row, _, _ in found] != list(range(len(spec.rows))):
        return None
    if any(values for _, values, _ in items[:found[0][1]]):
        return None
    return [(first, after) for _, first, after in found]


def _rows(spec: TableSpec, items: Sequence[Item], labels: list[tuple[int, int]],
          page_numbers: set[int]) -> list[str] | None:
    """Every row's line where every group of labels is read (module docstring, steps 4–6)."""
    groups: list[tuple[list[int], int, int]] = []  # (rows, first item after the labels, stop)
    for r, (first, after) in enumerate(labels):
        if groups and not any(values for _, values, _ in items[groups[-1][1]:first]):
            groups[-1][0].append(r)
            groups[-1] = (groups[-1][0], after, groups[-1][2])
        else:
            groups.append(([r], after, 0))
    bounded = []
    for g, (rows, begin, _) in enumerate(groups):
        stop = labels[groups[g + 1][0][0]][0] if g + 1 < len(groups) else len(items)
        bounded.append((rows, begin, stop))
    read: dict[int, list[str]] = {}
    for g, (rows, begin, stop) in enumerate(bounded):
        cells = [kind for r in rows for _, _, kind in spec.rows[r].cells]
        values = _values(items, begin, stop, len(cells), page_numbers)
        if values is None:
            return None
        if not values and g == len(bounded) - 1 and len(rows) == 1:
            read[rows[0]] = []  # the last row, blank: the aligner's finding
            continue
        if len(values) != len(cells) or not all(_suits(v, kind) for v, kind in zip(values, cells)):
            return None
        if len(rows) > 1 and len(set(values)) != 1 and not _by_rows_only(spec, rows, values, _value_lines(items, begin, stop, values)):
            continue  # exactly their values, in an order nothing tells: these rows are left out
        at = 0
        for r in rows:
            n = len(spec.rows[r].cells)
            read[r] = [v.removesuffix(AMOUNT_UNIT) for v in values[at:at + n]]
            at += n
    if len(read) < len(spec.rows) and sum(bool(cells) for cells in read.values()) < PARTIAL_SHARE * len(spec.rows):
        return None  # most rows unread: the labels printed together, a column reading's (§6), the aligner's
    return _written(spec, read)


def _written(spec: TableSpec, read: dict[int, list[str]]) -> list[str]:
    """The table as a browser's copy prints it: each caption, then ``信息内容`` and its
    columns' headers, then its rows, each its label and its values, TAB-separated — the
    captions and headers from the template, as the format prints them (they are what tells
    the aligner the table's format, and the rewritten lines no longer hold the printed ones)."""
    lines: list[str] = []
    caption = None
    for r, row in enumerate(spec.rows):
        if row.caption != caption:
            caption = row.caption
            lines += [caption or "", "\t".join([_CONTENT_HEADER, *row.column_labels])]
        if r in read:
            lines.append("\t".join([row.label or "", *read[r]]))
    return lines


def _values(items: Sequence[Item], begin: int, stop: int, n_cells: int, page_numbers: set[int]) -> list[str] | None:
    """The values of items ``begin``…``stop`` − 1, without a page number printed among them
    where that (and only that) gives the group exactly its cells."""
    values = [v for _, vs, _ in items[begin:stop] for v in vs]
    if len(values) == n_cells:
        return values
    dropped = [v for i in range(begin, stop) if i not in page_numbers for v in items[i][1]]
    if len(dropped) == n_cells:
        return dropped
    return values


def _value_lines(items: Sequence[Item], begin: int, stop: int, values: list[str]) -> list[int]:
    """How many of ``values`` (a group's, in order) each printed line of items ``begin``…
    ``stop`` − 1 holds: the lines whose values are among them (a page number dropped from the
    group is no line of it)."""
    counts, at = [], 0
    for _, vs, _ in items[begin:stop]:
        if vs and values[at:at + len(vs)] == vs:
            counts.append(len(vs))
            at += len(vs)
    return counts if at == len(values) else [1] * len(values)


def _by_rows_only(spec: TableSpec, rows: list[int], values: list[str], lines: list[int]) -> bool:
    """Whether a group of several rows, its values exactly their cells and suiting them row
    by row, cannot have been printed column by column — the one other order poppler prints a
    group's values in — because that order would put the values of one printed line in two
    rows (a line is one baseline: cells of one row), or a value in a cell it does not suit
    (``0 ⏎ 0 ⏎ 215 ⏎ 9 ⏎ -1 ⏎ 0`` under 行政许可 and 其他对外管理服务事项: by column, ``-1`` would be a
    count of decisions). Only for rows of the same cells, where the column order is defined."""
    kinds = [tuple(kind for _, _, kind in spec.rows[r].cells) for r in rows]
    if len(set(kinds)) != 1:
        return False
    if any(n > 1 for n in lines):
        return True
    n_rows = len(rows)
    return not all(_suits(values[c * n_rows + r], kind) for r in range(n_rows) for c, kind in enumerate(kinds[0]))


def _suits(value: str, kind: Kind) -> bool:
    """Whether ``value`` can be printed in a cell of ``kind``: only an amount has a fraction,
    only a change is negative."""
    if kind is Kind.AMOUNT:
        return value[0].isdigit()
    if value.endswith(AMOUNT_UNIT):
        return False  # a unit of money in a count's cell: not this layout's value
    if "." in value:
        return False
    return kind is Kind.SIGNED or value.isdigit()
