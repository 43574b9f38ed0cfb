"""Table 三 printed one value a line, row after row, its labels displaced — read where the
template's row count, the labels that stayed in place and the row sums leave no choice.

``pdftotext`` (reading order, no ``-layout``) of a report printed on narrow pages (A5, B5,
WeasyPrint's or a browser's print with running headers and footers) prints every cell of
table 三 as a text block of its own: a row is its label, then its seven values one a line.
But a label cell that shares a line with a tall group cell (``(三)不予公开`` beside
``5.属于三类内部事务信息``) or that wraps over several lines is printed *after* all the rows of
its page, with the group's pieces and the header again (``果 ⏎ 其他情形) ⏎ (三)不 ⏎
予公开 5.属于三类内部事务信息 ⏎ …``); its seven values stay where the row is, with no label
before them. On the next page the header is printed again (one character a line), and the
running header and footer between::

    4.保护第三方合法权益 ⏎ 1 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 1
    0 ⏎ 1 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 1                       ← 5.属于三类内部事务信息, its label below
    6.属于四类过程性信息 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0
    …
    果 ⏎ 其他情形) ⏎ (三)不 ⏎ 予公开 5.属于三类内部事务信息 ⏎ …

The aligner, which reads labels as anchors, has no anchor for such rows and leaves them (and
the rows the displaced labels then claim) null. What the text still carries is the order of
the values: the table's values, row after row, each row's cells left to right. So
:func:`rejoin_paged_rows` reads the table as that sequence, aligned against the template:

1. **Lines.** The table runs from its heading (``三、收到和处理…``) to table 四's heading. A
   line of numbers only is values (``0 30`` is two); any other line is text (a label, a
   label's piece, the header, chrome) and holds no value — but a line of text that *ends* in
   numbers (``-raw``'s whole rows), or a line of more than :data:`MAX_LINE_VALUES` numbers (a
   row a line), or fewer than :data:`ONE_A_LINE_SHARE` of the value lines holding one value,
   is another layout (``extract/stacks.py``, the aligner) and the table is left as printed.
   Except a label's piece printed on its row's baseline beside the row's first cells
   (LibreOffice's PDF: ``4.保护第三方合法权 0``, ``四、结转下年度继续办理 2 0 0 0 0 0 2``), read as
   the piece then the values (:func:`_label_then_cells`, docs/renderings.md §62) — a table read
   only so is taken whole or not at all.
2. **Format.** The one whose own labels the text prints (2021's (六)其他处理 rows, else
   2019). Where the text has exactly the other format's number of values (2019: 23 rows,
   161; 2021: 25 rows, 175) the report deviates from its format, and the table is left as
   printed.
3. **Anchors.** A value line right after text lines that print a row's label — the last one,
   two or three joined (a wrapped label), each whole or its part after a space (``三、本
   (一)予以公开``), naming that one row and no other by at least :data:`MIN_LABEL_CHARS`
   characters — anchors that row there. Anchors must come in the template's order, else the
   table is read page by page only (step 7), or left as printed.
4. **Stretches.** The rows from one anchor to the next (or from the table's start to the
   first) are read from the values between them, and only where they are exactly seven times
   those rows, no value line holds values of two rows, and one order is certain:
   - every value the same (any order gives the same cells), or one row printed together;
   - else row by row, where every row's 总计 holds (``T3_ROW_TOTAL``) and no other order
     poppler prints — column by column, or a piece of a row that text interrupted printed
     before the rest — gives other rows whose sums hold too; and, for the rows before the
     first anchor (no label printed right before their values shows them printed by rows),
     read as columns in another order (pdfminer's) no column but the last is the sum of the
     others. Where several orders hold, the stretches are tried together against the column
     identities (``T3_BALANCE``, ``T3_OUTCOME_TOTAL``) once every other row is read; exactly
     one combination must hold.
   A value printed alone between text lines (a cell on a displaced label's line) is *stray*:
   a stretch is read with it where that makes it exact, else without it. Where a stretch has
   exactly its values, holds no stray and is not read whole, its anchored first row is still
   certain if its seven values follow its label with no text among them and its 总计 holds.
   An anchored stretch one value short but for its stray (or, where the table has exactly
   its values and one stray, whose own stretch is exact without it: that stray) takes it
   back in every place between its value lines; the readings of all places are held to the
   same rules together (:func:`_stray_in_place`). An anchored stretch with more values than
   its rows, followed by one with exactly as many fewer, is read with it as one stretch,
   the anchor between set aside: that row was printed, or its first piece, before its label
   (:func:`_across_anchor`).
   Three more orders poppler prints are weighed with those (docs/renderings.md §18): the
   values before text inside a row may be the first cells of that row *and of the rows after
   it* — the header repeated at a page's top printed among its first rows' first cells — every
   split of them over consecutive rows, each order kept only where every printed line stays in
   one row (:func:`_first_cells_apart`); the table's strays (up to :data:`MAX_LONE_STRAYS`, or
   one *run* of two or three one-value lines between text lines, :func:`_lone_run`) go back
   to the one segment short by exactly their values where their own segment is exact without
   them; and a whole label shorter than :data:`MIN_LABEL_CHARS` (``(七)总计``, ``3.其他``)
   anchors its row where it stands in the template's order between the other anchors, read as
   a second reading whose rows are kept where the two agree (:func:`_short_anchors`).
   A label right above a stray run, whose segment is short, is a displaced label printed with
   the cells on its line: a second reading without that anchor is weighed the same way
   (:func:`_without_run_anchors`, docs/renderings.md §27). Where the table has exactly its
   values and one segment is one value short, another one long, the rest exact, each
   one-value line of the long one is tried as the short one's moved cell
   (:func:`_moved_value`): read where exactly one pair of readings is left.
   **Rows read through an order** — any row not printed whole, its seven values one after
   another with no text among them — rest on poppler having printed the row's cells in their
   columns' order, which the row's 总计 cannot check (it holds in any order of the six). The
   column identities can: where one fails in an applicant column on the rows read, its terms
   read through an order whose applicant values are not one number are left out
   (:func:`_drop_doubtful`).
5. **Page numbers among the cells.** Where most pages end in their own number (page *i*
   prints *i* + *c*), a page whose cells poppler reordered prints its number among them; lines
   of one number equal to their page's number are dropped where the values are then exactly
   the table's and were not before (as many too many as there are such lines). The numbering
   is proved on the text as printed, before ``extract/pagemarks`` took the chrome out
   (:func:`numbering`); a page whose number was taken out keeps an equal value as a value.
6. **What is left.** Where the text has exactly the table's values and those not placed are
   all one number, the rows not read hold it whatever the order (a stray ``0``, the rest of
   its rows' zeros on the next page).
7. **Page by page** (docs/renderings.md §32). A segment none of whose rows the rules above
   read, spanning page ends, is read page by page where the counts place each page's rows:
   poppler prints each page apart, and a row's value cells (one line high) stand on one
   page, so a page's part of a segment holds its rows' cells and perhaps a number that is
   no cell (the page's number), never a cell of another page. Where the segment has exactly
   its values and every part whole rows, every part is placed; where it has more, the parts
   of whole rows are counted from its first row (the values before it exactly the rows'
   before it) and back from its end (the values after it exactly the rows' after it), up to
   the first part that is not whole rows; fewer values — whole rows of it printed in another
   segment — place nothing (:func:`_page_pieces`). Each part is read by step 4's rules; a
   part whose one reading is column by column (pdfminer's boxes, ``extract/boxes.py``'s to
   read whole) is not, and of a part's one reading only the rows it prints together, seven
   values in order with no text among them, or whose six applicant values are one number,
   are kept (:func:`_read_by_pages`). Labels out of the template's order anchor nothing: the table is
   then read page by page alone, as one segment (:func:`_by_pages_only`).

Where at least :data:`PARTIAL_SHARE` of the rows are read (all of them, or not: each row read
is certain by its own segment's count and sums, whatever the count of the table's other
values), the table's lines are written as one
TAB-separated line per read row (the template's label, then its seven values: what a
browser's copy of a table prints) — the displaced label pieces, the repeated header and the
running lines between dropped with them. A row not read is left out,
and the aligner reports it missing (``ROW_MISSING``): null with a finding, never a guess.
Anything else leaves the text exactly as it was.

Tables 二 and 四 printed so are read first, by their own rules (``extract/pagedtable2.py``,
``extract/pagedtable4.py``), with the same page numbering."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise, product
from typing import cast

from ..template.formats import FORMATS, Identity, TableSpec
from ..template.labels import _NUMBERING
from ..template.normalize import label_key
from .pagedtable2 import rejoin_paged_table2, table_body, written_over
from .pagedtable4 import rejoin_paged_table4

__all__ = ["LABEL_LINES", "MAX_LINE_VALUES", "MIN_LABEL_CHARS", "ONE_A_LINE_SHARE", "numbering", "rejoin_paged_rows"]

_SPECS = (FORMATS["2021"].table3, FORMATS["2019"].table3)
# the row labels of table 三 in both formats, as label keys: what a label's printed piece is part of
_ROW_KEYS = frozenset(label_key(row.label) for spec in _SPECS for row in spec.rows if row.label)
# phrases only 2021's table 三 prints (its (六)其他处理 rows), as label keys: a wrapped label
# keeps at least one of them whole on a line
_TELLS_2021 = ("逾期不补正", "收费通知", "缴纳费用")

LABEL_LINES = 3  # lines a row label is printed over at most, right above its first value
# values one line holds at most in this layout: cells close together share a line (``0 30``,
# ``0 41 268``; never more than 3 on the paged shapes); a line of more is a row, or a group
# of columns, printed a line each — the layout the aligner reads
MAX_LINE_VALUES = 3
MAX_COMBINATIONS = 64
# share of the value lines that hold one value, at least, in this layout (paged_pdftotext:
# 20,068 of 20,163; the unpaged reading order's column groups print three a line)
ONE_A_LINE_SHARE = 0.9  # readings of the open segments tried together against the column identities
MIN_LABEL_CHARS = 4  # key characters: a label's first piece shorter than this names no row with certainty
MIN_NUMBERED_PAGES = 3  # pages that must end in their own number for a page-number sequence
PAGE_NUMBER_DIGITS = 4  # a page number has no more digits
MIN_TAKEN_PAGES = 2  # pages whose bare number extract/pagemarks took out, at least, to prove a numbering
# rows read, at least, for a table rewritten with rows left out: fewer, and the rows the
# aligner reads from the text as printed are worth more than the few read here
PARTIAL_SHARE = 0.5
ROW_CELLS = 7  # table 三's value cells in a row (six applicant columns and 总计)
APPLICANT_COLUMNS = ROW_CELLS - 1  # the six applicant columns, 总计 last
# value lines of one value each, between text lines, that may be one displaced piece of a row
MIN_STRAY_RUN, MAX_STRAY_RUN = 2, 3
MAX_LONE_STRAYS = 2  # stray values of one segment tried, each in every place, in another
PAGE_END = "\f"  # poppler ends each page with a form feed

_HEADING = "三、收到和处理政府信息公开申请情况"
_NEXT_HEADING = "四、政府信息公开行政复议"
_VALUES = re.compile(r"^\d+(?: +\d+)*$")
_TEXT_THEN_NUMBER = re.compile(r"[^\d\s]\s+\d+(?:\s+\d+)*$")  # a label with values on its line
_STRAY_DIGIT = re.compile(r"\d(?![\d.、])")  # a digit that is no label's numbering (``1.``, ``一、`` aside)


def rejoin_paged_rows(text: str, printed: str | None = None) -> str:
    """``text`` with table 三 rewritten one row a line where it was printed one value a line
    row after row with labels displaced (module docstring); else ``text`` unchanged. Only a
    text cut into pages (a form feed ends each of poppler's pages) is read so: a web page's
    cells copied one a line, with its own labels in place, are the aligner's to read.
    ``printed``: the text as printed, before its page chrome was taken out
    (``extract/pagemarks``: same lines, same pages) — the page numbering is proved on it
    (:func:`numbering`)."""
    if PAGE_END not in text:
        return text
    offset, taken = numbering(text, printed)
    text = rejoin_paged_table4(rejoin_paged_table2(text, offset, taken), offset, taken)
    bounds = table_body(text, _HEADING, _NEXT_HEADING)
    if bounds is None:
        return text
    body_start, end = bounds
    rows = _read(text[body_start:end].split("\n"), text.count("\f", 0, body_start), offset, taken)
    if rows is None:
        return text
    return written_over(text, body_start, end, rows)


def _read(body: list[str], page: int, offset: int | None, taken: frozenset[int] = frozenset()) -> list[str] | None:
    """The rewritten rows of the table's lines ``body`` (the first on page ``page``, counted
    from 0; ``offset``: page *i* prints number *i* + offset; ``taken``: pages whose number,
    printed at their edge, was taken out), or None where not certain."""
    items: list[tuple[str, list[int]]] = []  # ("text", []) or ("values", numbers), in printed order
    shared: list[int] = []  # items that are a label's piece printed on one line with cells of its row
    keys: list[str] = []  # the label key of each text line, for the format's tell
    numbered: list[int] = []  # items that are one number equal to their page's number
    pages: list[int] = []  # the page each item is printed on
    for raw in body:
        line = raw.strip().lstrip("\f").strip()
        page += raw.count("\f")
        if not line:
            continue
        if _VALUES.match(line):
            numbers = [int(n) for n in line.split()]
            if len(numbers) > MAX_LINE_VALUES:
                return None  # rows (or column groups) printed a line each: the aligner's layout
            if offset is not None and numbers == [page + offset] and page not in taken:
                numbered.append(len(items))
            items.append((line, numbers))
            pages.append(page)
            continue
        if _TEXT_THEN_NUMBER.search(line):
            label, numbers = _label_then_cells(line)
            if label is None:
                return None
            shared.append(len(items))  # (the label's piece, then its row's first cells)
            items += [(label, []), (" ".join(map(str, numbers)), numbers)]
            pages += [page, page]
            keys.append(label_key(label))
            continue
        items.append((line, []))
        pages.append(page)
        keys.append(label_key(line))
    value_lines = [numbers for i, (_, numbers) in enumerate(items) if numbers and i - 1 not in shared]
    if sum(len(numbers) == 1 for numbers in value_lines) < ONE_A_LINE_SHARE * len(value_lines):
        return None  # not printed one value a line
    n_values = sum(len(v) for _, v in items)
    if numbered and not _fits(n_values) and _fits(n_values - len(numbered)):
        # exactly as many values too many as there are page numbers among them: poppler put
        # a page's number where its reading order reached the page's foot, among the cells
        drop = set(numbered)
        items = [item for i, item in enumerate(items) if i not in drop]
        pages = [p for i, p in enumerate(pages) if i not in drop]
        n_values -= len(numbered)
    spec = _format(n_values, "".join(keys))
    if spec is None:
        return None
    rows = _rows(spec, items, pages)
    if shared and rows is not None and len(rows) < len(spec.rows):
        # a table this reader refused before its label pieces were split from their cells is
        # taken whole or not at all: the aligner may read the rows a partial reading leaves out
        return None
    return rows


def _label_then_cells(line: str) -> tuple[str | None, list[int]]:
    """A line of a row label's piece followed by numbers — ``4.保护第三方合法权 0`` (a wrapped
    label's first line, on the baseline of its row's first cell), ``四、结转下年度继续办理 0 0 0 0
    0 0 0`` (a row whose cells all stood close to its label) — as (the piece, the numbers):
    where the piece after the line's last space names a row of table 三 (a part of one of
    its labels, of :data:`MIN_LABEL_CHARS` key characters at least) and holds no digit but
    its label's numbering, and the numbers are the row's first cells (at most
    :data:`MAX_LINE_VALUES`) or its whole row (:data:`ROW_CELLS`). A word and a number on
    one line of poppler's reading order stand on one baseline, in one table row: the number
    is that row's, and its leftmost cells. Else (None, []): another layout (a ``-raw``
    row with its label, a header word, a number with a mark), and the table is left as
    printed."""
    m = _TEXT_THEN_NUMBER.search(line)
    assert m is not None
    cut = m.start() + 1
    label, numbers = line[:cut].rstrip(), [int(n) for n in line[cut:].split()]
    if not (len(numbers) <= MAX_LINE_VALUES or len(numbers) == ROW_CELLS):
        return None, []
    piece = label.rpartition(" ")[2]
    if _STRAY_DIGIT.search(piece):
        return None, []
    key = label_key(piece)
    if len(key) < MIN_LABEL_CHARS or not any(key in row_key for row_key in _ROW_KEYS):
        return None, []
    return label, numbers


def _fits(n_values: int) -> bool:
    return any(n_values == ROW_CELLS * len(spec.rows) for spec in _SPECS)


def numbering(text: str, printed: str | None = None) -> tuple[int | None, frozenset[int]]:
    """The page numbering of ``text``: the offset *c* (page *i* prints *i* + *c*), and the
    pages whose number was taken out. ``printed`` is the text as printed, where its page
    chrome was taken out to make ``text`` (``extract/pagemarks``: the same lines and pages,
    a line taken out left empty). The offset is proved on the text as printed
    (:func:`_page_offset`); else by the bare page numbers ``pagemarks`` took out (it takes
    them only where they run with the pages: :data:`MIN_TAKEN_PAGES` pages at least, one
    offset); else on ``text``. A page whose number was taken out printed it at its edge, and
    prints it once: a value equal to it among its cells is a value, not its number."""
    if printed is None or printed == text:
        return _page_offset(text), frozenset()
    taken: dict[int, set[int]] = {}  # page → the offsets of the bare numbers taken out of it
    for page, (before, after) in enumerate(zip(printed.split(PAGE_END), text.split(PAGE_END))):
        gone = _bare_numbers(before) - _bare_numbers(after)
        if gone:
            taken[page] = {number - page for number in gone}
    offset = _page_offset(printed)
    if offset is None:
        offsets = set().union(*taken.values()) if taken else set()
        if len(offsets) == 1 and len(taken) >= MIN_TAKEN_PAGES:
            (offset,) = offsets
    if offset is None:
        return _page_offset(text), frozenset()
    return offset, frozenset(p for p, offsets in taken.items() if offset in offsets)


def _bare_numbers(page: str) -> Counter[int]:
    """The lines of ``page`` that are a bare number of a page number's digits, counted."""
    return Counter(int(line) for line in map(str.strip, page.split("\n"))
                   if line.isascii() and line.isdigit() and len(line) <= PAGE_NUMBER_DIGITS)


def _page_offset(text: str) -> int | None:
    """*c* where most pages that end in a bare number — :data:`MIN_NUMBERED_PAGES` at least,
    and more than half of them — end in their own number *i* + *c* (page *i* counted from 0;
    the others end in a cell's value); None otherwise. (``extract/pagemarks`` takes the numbers
    out only where every page shows one; pages whose cells poppler reordered print theirs
    among the cells.)"""
    offsets: Counter[int] = Counter()
    for i, page in enumerate(text.split("\f")):
        last = page.rstrip().rpartition("\n")[2].strip()
        if last.isascii() and last.isdigit() and len(last) <= PAGE_NUMBER_DIGITS:  # str.isdigit takes ① (0①: a footnote mark)
            offsets[int(last) - i] += 1
    if not offsets:
        return None
    (offset, count), = offsets.most_common(1)
    return offset if count >= MIN_NUMBERED_PAGES and 2 * count > sum(offsets.values()) else None


def _format(n_values: int, keys: str) -> TableSpec | None:
    """The format whose own row labels the text prints (2021's (六)其他处理 rows, else 2019),
    where the values are exactly its table's cells or fit neither format; None where they
    are exactly the other format's (a report that deviates from its format: the aligner's)."""
    spec = _SPECS[0] if any(tell in keys for tell in _TELLS_2021) else _SPECS[1]
    if not _fits(n_values) or n_values == ROW_CELLS * len(spec.rows):
        return spec
    return None


def _rows(spec: TableSpec, items: list[tuple[str, list[int]]], pages: list[int] | None = None) -> list[str] | None:
    anchors: list[tuple[int, int]] = []  # (row, index in items of its first value line)
    for i in range(1, len(items)):
        if items[i - 1][1] or not items[i][1]:
            continue
        above = [text for text, _ in items[max(0, i - LABEL_LINES):i]]
        row = _row_of(spec, _text_run(above))
        if row is None:
            continue
        if anchors and row <= anchors[-1][0]:
            return _by_pages_only(spec, items, pages)  # labels out of the template's order
        anchors.append((row, i))
    whole: set[int] = set()
    grid = _grid(spec, items, anchors, whole, pages)
    more = _short_anchors(spec, items, anchors)
    if None in grid and more != anchors:
        other_whole: set[int] = set()
        grid = _merged(grid, _grid(spec, items, more, other_whole, pages))
        whole |= other_whole
    fewer = _without_run_anchors(spec, items, anchors)
    if None in grid and fewer != anchors:
        other_whole = set()
        grid = _merged(grid, _grid(spec, items, fewer, other_whole, pages))
        whole |= other_whole
    _drop_doubtful(spec, grid, whole)
    read = sum(cells is not None for cells in grid)
    if read < PARTIAL_SHARE * len(grid):
        return None
    return _written(spec, grid)


def _by_pages_only(spec: TableSpec, items: list[tuple[str, list[int]]], pages: list[int] | None) -> list[str] | None:
    """The table read page by page only (:func:`_page_pieces`, the whole table one segment),
    where its labels are printed out of the template's order (synthetic 00012: ``二、上年结转…``
    right above its cells, printed after its page's rows): no label anchors a row then, but
    where the table has exactly its values and every page's part holds whole rows, the
    counts place each page's rows."""
    if pages is None:
        return None
    grid: list[list[int] | None] = [None] * len(spec.rows)
    _read_by_pages(items, pages, [(0, 0), (len(spec.rows), len(items))], grid)
    _drop_doubtful(spec, grid, set())
    if sum(cells is not None for cells in grid) < PARTIAL_SHARE * len(grid):
        return None
    return _written(spec, grid)


def _without_run_anchors(spec: TableSpec, items: list[tuple[str, list[int]]],
                         anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``anchors`` without those that anchor a *stray run*: a label right above a run of
    one-value lines (:data:`MAX_STRAY_RUN` at most, fewer than a row's cells) that text
    follows, where the anchor's segment holds fewer values than its rows' cells. That label
    was displaced — printed after its page's rows, with the cells on its line (synthetic 00033:
    ``3.补正后申请内容仍不明 ⏎ 0 ⏎ 0 ⏎ 申请人情况 …``, 二、上年结转's last two zeros; its own row's
    values were printed in place, a page before). Its row cannot be read from that segment
    anyway; without the anchor, the run is the table's stray run (:func:`_lone_run`), tried in
    the one segment short by exactly its values. Read as a second reading beside the one with
    the anchor; a row is kept where the two agree (:func:`_merged`)."""
    bounds = anchors + [(len(spec.rows), len(items))]
    kept = []
    for (row, at), (next_row, stop) in zip(anchors, bounds[1:]):
        end = at
        while end < len(items) and len(items[end][1]) == 1:
            end += 1
        run = end - at
        if (run <= MAX_STRAY_RUN and run < ROW_CELLS and end < len(items) and not items[end][1]
                and _count(items[at:stop]) < ROW_CELLS * (next_row - row)):
            continue
        kept.append((row, at))
    return kept


def _printed_whole(items: list[tuple[str, list[int]]], reading: list[list[int]]) -> list[int]:
    """The rows of ``reading`` (the rows of the stretch ``items``, as read) whose seven values
    are printed as they are read: one after another, in the cells' order, with no text among
    them. Any other row of a reading rests on the order poppler printed its values in — a
    piece of a row printed apart, the columns read one after another, or the values of a row
    printed among the header repeated at a page's top, whose blocks poppler may order
    otherwise than the cells (:func:`_drop_doubtful`)."""
    values, breaks = _values_and_breaks(items)
    return [j for j, row in enumerate(reading)
            if row == values[ROW_CELLS * j:ROW_CELLS * (j + 1)]
            and not any(ROW_CELLS * j < b < ROW_CELLS * (j + 1) for b in breaks)]


def _drop_doubtful(spec: TableSpec, grid: list[list[int] | None], whole: set[int]) -> None:
    """Leave out the rows read through an order (not printed whole, :func:`_printed_whole`)
    that are terms of a column identity (``T3_BALANCE``, ``T3_OUTCOME_TOTAL``) failing on the
    rows read. A row's 总计 holds in any order of its six applicant values, so the row sums
    cannot tell a row whose values poppler printed in another column order (the header
    repeated at a page's top, its column titles printed out of their order, with the row's
    values among them: fresh synthetic 00057's ``四、结转下年度继续办理 ⏎ (header) ⏎ 0 ⏎ 0 ⏎ 1 ⏎ 0
    ⏎ 0 ⏎ 0 ⏎ 总 ⏎ 计 ⏎ 1``, 1 0 0 0 0 0 1 read as 0 0 1 0 0 0 1); the column identities can,
    as every row of table 三 is a term of one. Where one fails in an applicant column (no order
    of a row's six applicant values changes its 总计, so a failure in the 总计 column alone is the
    report's own sums: fresh synthetic 00017), the rows it rests on that were
    read by an order, and whose six applicant values are not one number (no order of those
    changes the row), are left out (``ROW_MISSING``: null with a finding) — the others stay,
    and the report's own broken sums are then reported against them."""
    keys = [printed.key for printed in spec.rows]
    doubtful: set[int] = set()
    for identity in spec.column_identities:
        terms = [keys.index(k) for k in identity.left + identity.right]
        if any(grid[r] is None for r in terms):
            continue
        if not _column_identity_holds(identity, keys, cast(list[list[int]], grid), APPLICANT_COLUMNS):
            doubtful.update(r for r in terms if r not in whole and len(set(cast(list[int], grid[r])[:-1])) > 1)
    for r in doubtful:
        grid[r] = None


def _merged(grid: list[list[int] | None], other: list[list[int] | None]) -> list[list[int] | None]:
    """Each row as read by either of two readings, each certain by its anchors; a row the
    two read differently is read by neither."""
    return [mine if theirs is None or mine == theirs else theirs if mine is None else None
            for mine, theirs in zip(grid, other)]


def _grid(spec: TableSpec, items: list[tuple[str, list[int]]],
          anchors: list[tuple[int, int]], whole: set[int] | None = None,
          pages: list[int] | None = None) -> list[list[int] | None]:
    """The rows read between ``anchors`` (module docstring, steps 4–6); None for a row not read.
    ``whole`` collects the rows read as printed whole (:func:`_printed_whole`)."""
    starts = {i for _, i in anchors}
    in_rows = [("", []) if i not in starts and _stray(items, i) else item for i, item in enumerate(items)]
    bounds = [(0, 0)] + anchors + [(len(spec.rows), len(items))]
    grid: list[list[int] | None] = [None] * len(spec.rows)
    open_segments: list[tuple[int, list[list[list[int]]]]] = []  # (first row, candidate readings)
    lone = _lone_stray(spec, items, in_rows, bounds)
    if lone is None and in_rows == items:
        items, run = _lone_run(spec, items, starts, bounds)
        in_rows = [("", []) if i == run else item for i, item in enumerate(items)]
        lone = None if run is None else [run]
    k = 0
    while k + 1 < len(bounds):
        (row, first), (next_row, stop) = bounds[k], bounds[k + 1]
        k += 1
        stretches = _stretches(items, in_rows, row, first, next_row, stop)
        pieces = [(at, end, _segment(stretch, end - at, anchored=first > 0)) for at, end, stretch in stretches]
        if whole is not None:
            for (at, _, readings), (_, _, stretch) in zip(pieces, stretches):
                if len(readings) == 1:
                    whole.update(at + j for j in _printed_whole(stretch, readings[0]))
        if not pieces and first:
            pieces = [(row, next_row, _stray_in_place(items, in_rows, first, stop, next_row - row, lone))]
        if not any(readings for _, _, readings in pieces) and first and k + 1 < len(bounds):
            merged = _across_anchor(items, first, stop, bounds[k + 1][1], next_row - row, bounds[k + 1][0] - next_row)
            if merged:
                pieces = [(row, bounds[k + 1][0], merged)]
                k += 1
        for at, end, readings in pieces:
            if len(readings) == 1:
                grid[at:end] = readings[0]
            elif readings:
                open_segments.append((at, readings))
    if open_segments and sum(cells is None for cells in grid) == sum(len(c[0]) for _, c in open_segments):
        _resolve(spec, grid, open_segments)
    if in_rows == items and not open_segments:
        _moved_value(spec, items, bounds, grid)
    if pages is not None:
        _read_by_pages(items, pages, bounds, grid)
    _fill_uniform(grid, [v for _, numbers in items for v in numbers])
    return grid


def _moved_value(spec: TableSpec, items: list[tuple[str, list[int]]], bounds: list[tuple[int, int]],
                 grid: list[list[int] | None]) -> None:
    """Read the two unread segments of a table whose values are exactly its cells where one
    segment is *k* values short and another *k* values long (*k* at most
    :data:`MAX_LINE_VALUES`; the only such pair for that *k* among the unread segments): *k*
    cells of the short one's
    rows, one printed line, were printed among the long one's values (sample html_gbk:
    二、上年结转's seventh ``0`` printed among (二)部分公开's and the next rows' values, after
    (一)予以公开's row; synthetic 00079: 一、本年新收's last two cells ``0 1320`` printed a page
    on, among the displaced labels). Each printed line of *k* values of the long segment is
    tried as the moved piece, in every place of the short one after a value line
    (:func:`_stray_in_place`'s places);
    the pairs of readings each certain by :func:`_segment`'s rules are collected, and the rows
    are read only where exactly one pair of grids is left — the moved value's place then does
    not matter (zeros), or only one place makes every row's 总计 hold — or, every other row
    read, exactly one pair satisfies the column identities (peer 洪泽区 2024: the extra ``0``
    is 二、上年结转's, not 2.没有现成信息's first cell, whose ``1`` then moves to 商业企业)."""
    if _count(items) != ROW_CELLS * len(spec.rows):
        return
    off: dict[int, list[tuple[int, int, int, int]]] = {}  # values too many (< 0: too few) → unread segments
    for (row, first), (next_row, stop) in zip(bounds, bounds[1:]):
        diff = _count(items[first:stop]) - ROW_CELLS * (next_row - row)
        if diff and all(cells is None for cells in grid[row:next_row]):
            off.setdefault(diff, []).append((row, first, next_row, stop))
    for moved in range(1, MAX_LINE_VALUES + 1):
        if len(off.get(moved, ())) == 1 and len(off.get(-moved, ())) == 1:
            _moved_piece(spec, items, grid, off[-moved][0], off[moved][0], moved)


def _moved_piece(spec: TableSpec, items: list[tuple[str, list[int]]], grid: list[list[int] | None],
                 short: tuple[int, int, int, int], long: tuple[int, int, int, int], moved: int) -> None:
    """:func:`_moved_value` for one short and one long segment, ``moved`` values apart."""
    s_row, s_first, s_next, s_stop = short
    l_row, l_first, l_next, l_stop = long
    found: list[tuple[list[list[int]], list[list[int]]]] = []
    for i in range(l_first, l_stop):
        if len(items[i][1]) != moved:
            continue  # the moved cells are one printed line: a piece of one row
        rest = items[l_first:i] + items[i + 1:l_stop]
        long_readings = [reading for reading in _segment(rest, l_next - l_row, anchored=l_first > 0)
                         if all(_total_holds(row) for row in reading)]
        if not long_readings:
            continue
        kept = items[s_first:s_stop]
        for place in range(1, len(kept) + 1):
            if not kept[place - 1][1]:
                continue
            for s_reading in _segment(kept[:place] + [items[i]] + kept[place:], s_next - s_row, anchored=s_first > 0):
                if not all(_total_holds(row) for row in s_reading):
                    continue  # "one row printed together" no longer says anything: the piece came apart
                for l_reading in long_readings:
                    if (s_reading, l_reading) not in found:
                        found.append((s_reading, l_reading))
                if len(found) > MAX_COMBINATIONS:
                    return
    if len(found) > 1:
        found = [pair for pair in found if _pair_holds(spec, grid, short, long, pair)]
    if len(found) == 1:
        grid[s_row:s_next], grid[l_row:l_next] = found[0]


def _pair_holds(spec: TableSpec, grid: list[list[int] | None], short: tuple[int, int, int, int],
                long: tuple[int, int, int, int], pair: tuple[list[list[int]], list[list[int]]]) -> bool:
    """Whether, with every other row read, the table with the two segments read as ``pair``
    satisfies every column identity (as :func:`_resolve` chooses among readings)."""
    trial = list(grid)
    trial[short[0]:short[2]], trial[long[0]:long[2]] = pair
    if any(cells is None for cells in trial):
        return False
    keys = [printed.key for printed in spec.rows]
    full = cast(list[list[int]], trial)
    return all(_column_identity_holds(identity, keys, full) for identity in spec.column_identities)


def _short_anchors(spec: TableSpec, items: list[tuple[str, list[int]]],
                   anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``anchors`` with the rows whose whole label is shorter than :data:`MIN_LABEL_CHARS`
    characters (``(七)总计``, ``3.其他``) anchored where that label, whole and numbering
    included, is printed right above a value line, between the anchors before and after it
    in the template's order. Out of that order it is a displaced label (poppler printed it
    after its page's rows): it anchors nothing, and the table is read as without it."""
    found = list(anchors)
    for i in range(1, len(items)):
        if items[i - 1][1] or not items[i][1] or any(at == i for _, at in found):
            continue
        row = _row_of(spec, _text_run([text for text, _ in items[max(0, i - LABEL_LINES):i]]), short=True)
        if row is None or len(_label_keys(spec)[row]) >= MIN_LABEL_CHARS:
            continue
        before = [r for r, at in found if at < i]
        after = [r for r, at in found if at > i]
        if (not before or before[-1] < row) and (not after or row < after[0]):
            found.append((row, i))
            found.sort(key=lambda anchor: anchor[1])
    return found


def _stretches(items: list[tuple[str, list[int]]], in_rows: list[tuple[str, list[int]]], row: int, first: int,
               next_row: int, stop: int) -> list[tuple[int, int, list[tuple[str, list[int]]]]]:
    """The stretches of rows ``row``…``next_row`` − 1 to read, as (first row, row after, items):
    the whole segment, with its stray values where that makes it exactly its rows' values,
    else without them. Where the segment has exactly its values but is not read whole, its
    anchored first row whose seven values follow its label with no text among them is a
    stretch of its own where no value of the segment is stray and the row's 总计 holds (those
    are its values, whatever the order after them), the rest another."""
    whole = items[first:stop]
    if _segment(whole, next_row - row, anchored=first > 0):
        return [(row, next_row, whole)]
    if _count(in_rows[first:stop]) == ROW_CELLS * (next_row - row) and _segment(in_rows[first:stop], next_row - row,
                                                                                   anchored=first > 0):
        return [(row, next_row, in_rows[first:stop])]
    if (not first or next_row - row < 2 or _count(whole) != ROW_CELLS * (next_row - row)
            or _count(in_rows[first:stop]) != _count(whole)):
        return []  # a stray value in it: one of its rows lost a value, and the next one's may run in
    seen = 0
    for j in range(first, stop):
        if not items[j][1]:
            return []  # text before the first row's seventh value
        seen += len(items[j][1])
        if seen >= ROW_CELLS:
            break
    if seen != ROW_CELLS or not _total_holds([v for _, numbers in items[first:j + 1] for v in numbers]):
        return []
    return [(row, row + 1, items[first:j + 1]), (row + 1, next_row, items[j + 1:stop])]


def _across_anchor(items: list[tuple[str, list[int]]], first: int, stop: int, next_stop: int, n_rows: int,
                   n_next: int) -> list[list[list[int]]]:
    """The readings of two anchored segments read as one (``n_rows`` rows from item ``first``
    to ``stop``, then ``n_next`` rows to ``next_stop``), the anchor between them set aside,
    where the first has more values than its rows and both together exactly theirs: the
    second's first row was printed before its label, or a piece of it (peer 淮安市 2024:
    ``103 0 0 0 0 0 ⏎ … ⏎ (七)总计 ⏎ 四、结转下年度继续办理 ⏎ 103`` — the last row's first six
    values before the labels, its total after). The stretch is then held to
    :func:`_segment`'s rules as one."""
    first_count = _count(items[first:stop])
    if first_count <= ROW_CELLS * n_rows:
        return []
    if first_count + _count(items[stop:next_stop]) != ROW_CELLS * (n_rows + n_next):
        return []
    return _segment(items[first:next_stop], n_rows + n_next)


def _lone_stray(spec: TableSpec, items: list[tuple[str, list[int]]], in_rows: list[tuple[str, list[int]]],
                bounds: list[tuple[int, int]]) -> list[int] | None:
    """The table's stray values — one, or at most :data:`MAX_LONE_STRAYS` — where the table
    has exactly its values and the one segment they were printed in has exactly its rows'
    values without them: then they are the values another segment lacks (synthetic
    html_gbk: 二、上年结转's seventh ``0`` printed after 3.其他's label, two pages on;
    synthetic 00030: two zeros of (二)部分公开's stretch after the labels of (四)无法提供);
    None otherwise."""
    strays = [i for i in range(len(items)) if items[i][1] and not in_rows[i][1]]
    if not 1 <= len(strays) <= MAX_LONE_STRAYS or _count(items) != ROW_CELLS * len(spec.rows):
        return None
    for (row, first), (next_row, stop) in zip(bounds, bounds[1:]):
        if first <= strays[0] < stop:
            if strays[-1] >= stop or _count(in_rows[first:stop]) != ROW_CELLS * (next_row - row):
                return None
            return strays
    return None


def _lone_run(spec: TableSpec, items: list[tuple[str, list[int]]], starts: set[int],
              bounds: list[tuple[int, int]]) -> tuple[list[tuple[str, list[int]]], int | None]:
    """``items`` with the table's one *stray run* made one stray item, and its index: two or
    three value lines of one value each, between text lines, anchoring no row — cells on the
    line of a displaced label, printed with it (synthetic 00021: 二、上年结转's last two ``0``
    after the labels of 三、本年度办理结果, a page on) — where the table has exactly its values,
    no single stray, and the run's own segment exactly its rows' values without it. The run
    is then tried, as one piece of one row, in the one segment short by exactly its values
    (:func:`_stray_in_place`). ``items`` unchanged and None where there is no such run."""
    if _count(items) != ROW_CELLS * len(spec.rows):
        return items, None
    runs = []
    i = 1
    while i < len(items):
        j = i
        while j < len(items) and len(items[j][1]) == 1 and j not in starts:
            j += 1
        if MIN_STRAY_RUN <= j - i <= MAX_STRAY_RUN and not items[i - 1][1] and j < len(items) and not items[j][1]:
            runs.append((i, j))
        i = max(j, i + 1)
    fitting = []
    for i, j in runs:
        for (row, first), (next_row, stop) in zip(bounds, bounds[1:]):
            if first <= i < stop:
                if stop >= j and _count(items[first:stop]) - (j - i) == ROW_CELLS * (next_row - row):
                    fitting.append((i, j))
    if len(fitting) != 1:
        return items, None
    ((i, j),) = fitting
    run = items[i:j]
    merged = (" ".join(text for text, _ in run), [v for _, numbers in run for v in numbers])
    return items[:i] + [merged] + [("", [])] * (j - i - 1) + items[j:], i


def _stray_in_place(items: list[tuple[str, list[int]]], in_rows: list[tuple[str, list[int]]], first: int,
                    stop: int, n_rows: int, lone: list[int] | None = None) -> list[list[list[int]]]:
    """The readings of an anchored segment one value short but for the one stray value
    printed in it: a cell on the same line as a displaced label, printed with the label, is
    a cell of one of these rows — the one value they lack. The stray is tried back in every
    place between the segment's value lines; the readings (each certain by
    :func:`_segment`'s rules) of every place are returned, each once — the caller reads the
    rows only where there is exactly one, or lets the column identities choose (peer 淮安市
    2024: ``二、上年结转 ⏎ 34 0 0 0 0 0 ⏎ 1288 …``, its total ``34`` printed after the labels:
    only after the sixth value do all the rows' sums hold). A segment with no stray of its own
    takes the table's ``lone`` strays (:func:`_lone_stray`, :func:`_lone_run`) where it lacks
    exactly theirs: each tried in every place, in the order printed where two share one."""
    strays = [i for i in range(first, stop) if items[i][1] and not in_rows[i][1]]
    if not strays and lone:
        strays = list(lone)
    elif len(strays) != 1:
        return []
    if _count(in_rows[first:stop]) != ROW_CELLS * n_rows - sum(len(items[i][1]) for i in strays):
        return []
    kept = [item for i, item in enumerate(in_rows[first:stop], first) if i not in strays]
    if not kept or not kept[0][1]:
        return []
    places = [place for place in range(1, len(kept) + 1) if kept[place - 1][1]]  # after a value line
    readings: list[list[list[int]]] = []
    for chosen in product(places, repeat=len(strays)):
        trial: list[tuple[str, list[int]]] = []
        for place, item in enumerate(kept, 1):
            trial.append(item)
            trial += [items[i] for i, at in zip(strays, chosen) if at == place]
        for reading in _segment(trial, n_rows):
            if reading not in readings:
                readings.append(reading)
    return readings


def _read_by_pages(items: list[tuple[str, list[int]]], pages: list[int], bounds: list[tuple[int, int]],
                   grid: list[list[int] | None]) -> None:
    """Read, page by page (:func:`_page_pieces`), the segments between ``bounds`` of which no
    row is read by the rules before: each page's part with exactly one reading, not column by
    column (:func:`_by_columns`), of which only the rows whose seven values the part prints
    together, in that order with no text among them (:func:`_printed_together`), or whose six
    applicant values are one number. A row with text among its values on such a page is the
    header repeated at the page's top printed among its cells, in an order of the header's
    blocks no sum checks (synthetic 00012's last row ``0 0 11 0 0 ⏎ 总计 ⏎ 0 11``, its 总计
    holding, is 11 0 0 0 0 0 11); and no anchor stands before it to show the row printed in
    place."""
    for (row, first), (next_row, stop) in pairwise(bounds):
        if next_row > row and all(cells is None for cells in grid[row:next_row]):
            for at, part, readings in _page_pieces(items, pages, len(grid), row, first, next_row, stop):
                if len(readings) == 1 and not _by_columns(part, readings[0]):
                    for j, cells in enumerate(readings[0]):
                        if _printed_together(part, cells) or len(set(cells[:APPLICANT_COLUMNS])) == 1:
                            grid[at + j] = cells


def _by_columns(items: list[tuple[str, list[int]]], reading: list[list[int]]) -> bool:
    """Whether ``reading`` (several rows) is the values of ``items`` read column by column, and
    not as printed: the page printed its columns one after another — pdfminer's text boxes,
    which ``extract/boxes.py`` reads as a whole table; a page of it read alone would rewrite the
    table with a few rows (its rows of zeros, which any order gives) and take it from them
    (the unseen corpus's pdfminer texts: 203 right cells lost so, 68 won)."""
    values = [v for _, numbers in items for v in numbers]
    n_rows = len(reading)
    by_column = [values[c * n_rows + r] for r in range(n_rows) for c in range(ROW_CELLS)]
    return n_rows >= 2 and reading == _as_rows(by_column) and reading != _as_rows(values)


def _values_and_breaks(items: list[tuple[str, list[int]]]) -> tuple[list[int], set[int]]:
    """The values ``items`` print, in order, and the value offsets before which text was printed."""
    values: list[int] = []
    breaks: set[int] = set()
    for _, numbers in items:
        if not numbers:
            breaks.add(len(values))
        values += numbers
    return values, breaks


def _printed_together(items: list[tuple[str, list[int]]], row: list[int]) -> bool:
    """Whether ``items`` print the seven values ``row`` one after another, in that order, with
    no text among them."""
    values, breaks = _values_and_breaks(items)
    return any(values[at:at + ROW_CELLS] == row and not any(at < b < at + ROW_CELLS for b in breaks)
               for at in range(len(values) - ROW_CELLS + 1))


def _page_pieces(items: list[tuple[str, list[int]]], pages: list[int], n_table: int, row: int, first: int,
                 next_row: int, stop: int) -> list[tuple[int, list[tuple[str, list[int]]], list[list[list[int]]]]]:
    """The segment of rows ``row``…``next_row`` − 1 (items ``first``…``stop``; ``n_table``
    rows in the table) read page by page: (first row, items, readings) for each page's
    part of it that holds a whole number of rows and whose rows the count places. poppler
    prints a page's text apart from every other page's, and a row's value cells (one line
    high) stand on one page; so the values of a page's part are its rows' cells, and perhaps
    a number that is not a cell (the page's number). Where the segment has exactly its
    rows' values and every part holds whole rows, the parts are its rows in the template's
    order. Where it has more — never fewer: its rows' values, or whole rows of them, were
    then printed in another segment (fresh synthetic 00007: the last rows' values after the
    label of 四、结转下年度继续办理) — the parts of whole rows are counted from the segment's
    first row up to the first part that is not whole, where the values before the segment
    are exactly the rows' before it (no value of theirs printed in it), and counted back
    from its end likewise where the values after it are exactly the rows' after it — the
    parts so placed holding no more values than the segment's rows (synthD 00055: a label
    anchored two rows late, its segment 14 values long, counted back from the table's end
    reached past the segment's first row in a first version). A page
    whose cells poppler scrambled among the header repeated at its top (synthetic 00084)
    then costs its own rows only, not the segment's. Each part is read by :func:`_segment`'s
    rules (anchored only where it starts at the segment's anchor); [] where the segment
    spans no page end."""
    cuts = [first] + [j for j in range(first + 1, stop) if pages[j] != pages[j - 1]] + [stop]
    if len(cuts) == 2:
        return []
    parts = [(start, end, _count(items[start:end])) for start, end in pairwise(cuts)]
    n_values = _count(items[first:stop])
    if all(n % ROW_CELLS == 0 for _, _, n in parts) and n_values == ROW_CELLS * (next_row - row):
        head, tail = len(parts), len(parts)
    elif n_values > ROW_CELLS * (next_row - row):
        room = ROW_CELLS * (next_row - row)  # values the placed parts may hold: the segment's rows
        head = 0
        if _count(items[:first]) == ROW_CELLS * row:
            while head < len(parts) and parts[head][2] % ROW_CELLS == 0 and parts[head][2] <= room:
                room -= parts[head][2]
                head += 1
        tail = len(parts)
        if _count(items[stop:]) == ROW_CELLS * (n_table - next_row):
            while tail > head and parts[tail - 1][2] % ROW_CELLS == 0 and parts[tail - 1][2] <= room:
                room -= parts[tail - 1][2]
                tail -= 1
    else:
        return []
    pieces = []
    at = row
    for start, end, n in parts[:head]:
        if n:
            pieces.append((at, items[start:end], _segment(items[start:end], n // ROW_CELLS,
                                                           anchored=start == first > 0)))
            at += n // ROW_CELLS
    at = next_row
    for start, end, n in reversed(parts[tail:]):
        if n:
            pieces.append((at - n // ROW_CELLS, items[start:end], _segment(items[start:end], n // ROW_CELLS,
                                                                           anchored=start == first > 0)))
            at -= n // ROW_CELLS
    return pieces


def _count(items: list[tuple[str, list[int]]]) -> int:
    return sum(len(numbers) for _, numbers in items)


def _written(spec: TableSpec, grid: list[list[int] | None]) -> list[str]:
    """The table's lines: each read row as its label and values, TAB-separated. A row not read
    is left out: the aligner reports it missing (``ROW_MISSING``), as the text does not hold
    it as a row — its label alone would read as a row of blank cells, which it is not."""
    return ["\t".join([printed.label or ""] + [str(v) for v in cells])
            for printed, cells in zip(spec.rows, grid) if cells is not None]


def _stray(items: list[tuple[str, list[int]]], i: int) -> bool:
    """Whether ``items[i]`` is one value printed alone among text (a label's or the header's
    pieces) — a cell on the same line as a displaced label, printed with it, not in its row's
    place. Such a value counts among the table's values, in no stretch of rows."""
    return (len(items[i][1]) == 1 and 0 < i < len(items) - 1
            and not items[i - 1][1] and not items[i + 1][1])


def _segment(items: list[tuple[str, list[int]]], n_rows: int, anchored: bool = True) -> list[list[list[int]]]:
    """The readings of the ``n_rows`` rows whose values are among ``items`` (one anchored row
    and the unanchored rows after it, or the rows before the first anchor): one where it is
    certain (module docstring, step 4), several where their own sums leave a choice, none
    where the values are not exactly that many or not printed row by row. ``anchored``: a
    label is printed right before the first value (the rows before the first anchor have none)."""
    values: list[int] = []
    breaks: list[int] = []  # value offsets inside a row where text was printed among its values
    lines: list[range] = []  # the value offsets of each value line
    crossing = False  # a line holding two rows' values, as printed
    for _, numbers in items:
        if not numbers:
            if values and len(values) % ROW_CELLS:
                breaks.append(len(values))
            continue
        if len(values) // ROW_CELLS != (len(values) + len(numbers) - 1) // ROW_CELLS:
            crossing = True
        lines.append(range(len(values), len(values) + len(numbers)))
        values += numbers
    if not n_rows or len(values) != ROW_CELLS * n_rows:
        return []
    # the first cells of rows printed apart (:func:`_first_cells_apart`), where every line's
    # values stay in one row: the one family of orders that may undo a line printed across
    wide = [line for line in lines if len(line) > 1]  # a line of one value is in one row in any order
    apart = [read for b in breaks for order in _first_cells_apart(list(range(len(values))), b)
             if _totals_hold(read := [values[i] for i in order]) and _lines_whole(order, wide)]
    if not crossing and (len(set(values)) == 1 or (n_rows == 1 and not breaks)):
        return [_as_rows(values)]  # every order gives the same cells; one row printed together
    if n_rows >= 2 and not anchored and not wide and _columns_in_another_order(values, n_rows):
        return []  # no label right before these values shows them printed by rows
    # every order weighed, as the values read and — for an order other than as printed and
    # other than the apart ones (held to it already) — the value offsets read: such an order
    # is weighed only where it keeps every printed line of several values in one row (a line
    # is cells of one baseline: one row's), checked once its rows' totals hold
    candidates: list[tuple[list[int], list[int] | None]]
    if crossing:
        candidates = [(order, None) for order in apart]  # not printed row by row, unless so
    else:
        offsets = list(range(len(values)))
        pieces_first = [offsets[b:] + offsets[:b] for b in breaks]  # a piece of a row printed first
        candidates = ([(values, None)] + [([values[i] for i in order], order) for order in pieces_first]
                      + [(order, None) for order in apart])
        if n_rows >= 2:
            by_column = [c * n_rows + r for r in range(n_rows) for c in range(ROW_CELLS)]
            candidates.append(([values[i] for i in by_column], by_column))
    readings: list[list[list[int]]] = []
    for order, offsets_read in candidates:
        rows = _as_rows(order)
        if (all(_total_holds(row) for row in rows) and rows not in readings
                and (offsets_read is None or not wide or _lines_whole(offsets_read, wide))):
            readings.append(rows)
    return readings


def _totals_hold(values: list[int]) -> bool:
    return all(_total_holds(values[at:at + ROW_CELLS]) for at in range(0, len(values), ROW_CELLS))


def _lines_whole(order: list[int], lines: list[range]) -> bool:
    """Whether in ``order`` (value offsets as printed, in the order read) each printed
    line's values fall in one row."""
    row_of = {offset: place // ROW_CELLS for place, offset in enumerate(order)}
    return all(len({row_of[offset] for offset in line}) == 1 for line in lines)


def _first_cells_apart(values: list, at: int) -> list[list]:
    """The orders in which the values before ``at`` (text printed inside a row, after its
    first cells) are the first cells of that row *and of the rows after it*, each row's
    other cells after the text, in order: the header repeated at a page's top is printed
    among the first cells of its first rows (synthetic 00070: ``7 ⏎ 0 ⏎ 3 ⏎ 法律公益服务组织机构
    ⏎ 0 0 0 0 7 ⏎ 0 0 0 0 0 3`` is 7 0 0 0 0 0 7 and 3 0 0 0 0 0 3: two cells of the first
    row, one of the second). Every split of the piece over consecutive rows, each row taking
    one cell at least, is an order; the caller keeps a reading only where one holds."""
    start = at - at % ROW_CELLS
    piece, rest = values[start:at], values[at:]
    orders = []
    for split in _compositions(len(piece)):
        if len(split) < 2 or len(split) * ROW_CELLS > len(values) - start:
            continue  # one part: the order as printed
        order, used, taken = values[:start], 0, 0
        for k in split:
            order = order + piece[used:used + k] + rest[taken:taken + ROW_CELLS - k]
            used, taken = used + k, taken + ROW_CELLS - k
        orders.append(order + rest[taken:])
    return orders


def _compositions(n: int) -> list[tuple[int, ...]]:
    """Every way to write ``n`` as an ordered sum of parts of at least 1."""
    if n == 0:
        return [()]
    return [(k, *rest) for k in range(1, n + 1) for rest in _compositions(n - k)]


def _columns_in_another_order(values: list[int], n_rows: int) -> bool:
    """Whether the values, read as seven columns of ``n_rows`` printed one after another in an
    order other than the header's (pdfminer prints 自然人 last), satisfy every row's 总计: a
    column other than the last is the sum of the other six. Then that reading is as good as
    row by row — sparse tables (mostly zeros) satisfy their sums in many orders."""
    columns = [values[c * n_rows:(c + 1) * n_rows] for c in range(ROW_CELLS)]
    sums = [sum(column[r] for column in columns) for r in range(n_rows)]
    return any(all(2 * v == total for v, total in zip(column, sums)) for column in columns[:-1])


def _resolve(spec: TableSpec, grid: list[list[int] | None],
             open_segments: list[tuple[int, list[list[list[int]]]]]) -> None:
    """Fill the rows of segments with several readings where the table's column identities
    (``T3_BALANCE``, ``T3_OUTCOME_TOTAL``), with every other row read, accept exactly one
    combination of them; else they stay unread."""
    combos = 1
    for _, readings in open_segments:
        combos *= len(readings)
    if combos > MAX_COMBINATIONS:
        return
    keys = [printed.key for printed in spec.rows]
    accepted: list[list[list[int]]] = []
    for choice in product(*(readings for _, readings in open_segments)):
        trial = list(grid)
        for (row, _), rows in zip(open_segments, choice):
            trial[row:row + len(rows)] = rows
        full = cast(list[list[int]], trial)
        if all(_column_identity_holds(identity, keys, full) for identity in spec.column_identities):
            accepted.append(full)
    if len(accepted) == 1:
        grid[:] = accepted[0]


def _fill_uniform(grid: list[list[int] | None], values: list[int]) -> None:
    """Fill the rows left unread where the table's values are exactly its cells and those
    not placed are all one number: whatever rows and columns they came from, each of the
    unread cells holds it (a stray ``0`` printed among the label pieces, the rest of its
    rows' zeros on the next page)."""
    unread = [r for r, cells in enumerate(grid) if cells is None]
    if not unread or len(values) != ROW_CELLS * len(grid):
        return
    left = Counter(values)
    left.subtract(v for cells in grid if cells is not None for v in cells)
    pool = +left
    if len(pool) == 1 and sum(pool.values()) == ROW_CELLS * len(unread):
        (value,) = pool
        for r in unread:
            grid[r] = [value] * ROW_CELLS


def _column_identity_holds(identity: Identity, keys: list[str], grid: list[list[int]],
                           columns: int = ROW_CELLS) -> bool:
    """Whether ``identity`` holds in the first ``columns`` columns of ``grid``."""
    def total(side: tuple[str, ...], c: int) -> int:
        return sum(grid[keys.index(k)][c] for k in side)
    return all(total(identity.left, c) == total(identity.right, c) for c in range(columns))


def _as_rows(values: list[int]) -> list[list[int]]:
    return [values[i:i + ROW_CELLS] for i in range(0, len(values), ROW_CELLS)]


def _text_run(lines: list[str]) -> list[str]:
    """The text lines at the end of ``lines`` (those after its last value line)."""
    run: list[str] = []
    for line in reversed(lines):
        if _VALUES.match(line):
            break
        run.insert(0, line)
    return run


def _row_of(spec: TableSpec, lines: list[str], short: bool = False) -> int | None:
    """The row whose label the text lines ``lines`` (right above a value line) print, and no
    other row's: the last line, or the last two or three joined (a label wrapped over lines),
    each line whole or only its part after a space (a tall group cell's piece printed on the
    label's line: ``三、本 (一)予以公开``). The nearest reading that names one row wins; a
    piece shorter than :data:`MIN_LABEL_CHARS` names none — with ``short``, unless it is a
    whole label, numbering included (``(七)总计``, ``3.其他``)."""
    for n in range(1, len(lines) + 1):
        tail = lines[-n:]
        for pieces in dict.fromkeys((tuple(tail), tuple(line.split()[-1] for line in tail))):
            key = label_key("".join(pieces))
            if len(key) < MIN_LABEL_CHARS and not (short and key in _label_keys(spec)):
                continue  # a short piece names no row (but see _short_anchors)
            found = [r for r, labels in enumerate(_printed_keys(spec)) if any(k.startswith(key) for k in labels)]
            if len(found) == 1:
                return found[0]
    return None


def _printed_keys(spec: TableSpec) -> tuple[tuple[str, ...], ...]:
    """Each row's label keys as reports print them: the template's label, its variants the
    template lists, and the label without its numbering (``上年结转政府信息公开申请数量``,
    ``予以公开``) where that keeps :data:`MIN_LABEL_CHARS` characters — the keys the label
    dictionary (``template.labels``) matches a row by."""
    keys = _PRINTED_KEYS.get(id(spec))
    if keys is None:
        keys = _PRINTED_KEYS[id(spec)] = tuple(_row_keys(row.label or "", row.variants) for row in spec.rows)
    return keys


def _row_keys(label: str, variants: tuple[str, ...]) -> tuple[str, ...]:
    own = label_key(label)
    bare = _NUMBERING.sub("", own)
    keys = [own, *(label_key(v) for v in variants)]
    if bare != own and len(bare) >= MIN_LABEL_CHARS:
        keys.append(bare)
    return tuple(dict.fromkeys(k for k in keys if k))


def _label_keys(spec: TableSpec) -> tuple[str, ...]:
    keys = _LABEL_KEYS.get(id(spec))
    if keys is None:
        keys = _LABEL_KEYS[id(spec)] = tuple(label_key(r.label or "") for r in spec.rows)
    return keys


_LABEL_KEYS: dict[int, tuple[str, ...]] = {}  # id of a format's table 三 → its rows' label keys
_PRINTED_KEYS: dict[int, tuple[tuple[str, ...], ...]] = {}  # … → each row's printed keys


def _total_holds(row: list[int]) -> bool:
    """``T3_ROW_TOTAL`` on one row of seven values, the total last (``APPLICANT_COLUMNS``)."""
    return sum(row[:-1]) == row[-1]
