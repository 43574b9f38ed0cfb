"""A table with no identity, read from text whose order is shown not to be row by row.

Table 二 has no sum to confirm a reading: a value read after a row label is that row's only
because text usually prints a row's values after its label. Text extracted from a PDF by a
layout analysis (pdfminer's text boxes) or in poppler's reading order prints columns, not
rows, and a label may then be followed by another row's values — ``政府集中采购 ⏎ 5 ⏎ 657``
where 5 is 行政事业性收费's and 657 the purchase count. Nothing in the table can tell.

The text itself can show that its order is not row by row: values that belong to no row
(printed before any label, or more than the rows between two labels hold), which the
aligner reports as ``ROW_AMBIGUOUS`` for the whole table. Where a table without identities
was read from running text (no cell boundaries) and holds such values, the rows it did place
are no more trustworthy than the values it could not: :func:`distrust_unconfirmed` leaves
them null, with one finding saying why. A table read from a grid (HTML, Word, a PDF's
ruling lines) or by the column reader (``extract/columns.py``, which checks the whole
structure) is left as it is.

Table 四 has identities, but only row sums, which hold in any order of a row's parts: read one
value a line (a PDF's text, a crawler's text nodes), its order is the text's. Where the text
shows that order — table 四's own merged header printed cell by cell in the grid's row order
(:func:`header_in_grid_order`), or table 三 read whole under every identity — the reading is
kept (:func:`null_unconfirmed_parts`, :func:`keep_vouched_order`); otherwise the parts its sums
cannot confirm are null with a finding (docs/renderings.md §21, §24)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..model import Finding
from ..template.arithmetic import table_holds
from ..template.formats import T4_RESULTS, TABLE4, PrintedRow, TableSpec
from .align import Placed
from .layout import Event, phrase_in
from .tokens import NA, NUM

# Table 四's header as the format's grid prints it, cell by cell, row by row: 行政复议 and
# 行政诉讼 on the first row; 行政复议's five result columns (two rows tall) and 行政诉讼's two
# kinds (未经复议直接起诉, 复议后起诉) on the second; each kind's five result columns on the third.
_T4_GROUP_WORDS = TABLE4.headers[:len(TABLE4.headers) - len(T4_RESULTS)]
_T4_RESULT_WORDS = tuple(m.label for m in T4_RESULTS)
T4_HEADER_GRID = (*_T4_GROUP_WORDS[:2], *_T4_RESULT_WORDS, *_T4_GROUP_WORDS[2:], *_T4_RESULT_WORDS * 2)


def distrust_unconfirmed(spec: TableSpec, evs: list[Event], placed: Placed) -> None:
    """Null the cells of ``placed`` where ``spec`` has no identity, its values were read
    from running text, and some of them belong to no row (see the module docstring)."""
    if spec.identities or not any(v is not None for v in placed.cells.values()):
        return
    values = [ev.tok for ev in evs if ev.kind == "value"]
    if not values or not all(t.free for t in values):
        return
    if not any(f.code == "ROW_AMBIGUOUS" and f.where == spec.key for f in placed.findings):
        return
    for cell in placed.cells:
        placed.cells[cell] = None
    placed.findings.append(Finding.of(
        "ROW_AMBIGUOUS",
        f"{spec.name.zh}的文本不是逐行排列的(有数值不属于任何一行),而{spec.name.zh}没有合计关系可以核对按行读出的数值,"
        "整表未采用",
        f"the text of {spec.key} is not printed row by row (some values belong to no row), and {spec.key} has no "
        "sum to confirm the values read by row: the table is left null",
        spec.key))


__all__ = ["distrust_header_after_label", "distrust_page_foot_rows", "distrust_row_orders", "distrust_unconfirmed", "keep_vouched_order",
           "null_unconfirmed_parts"]


def distrust_page_foot_rows(spec: TableSpec, placed: Placed, pages: Sequence[int],
                            events: Sequence[Event]) -> None:
    """Leave null, with a CELL_AMBIGUOUS finding, each row of a table with no identity whose
    values were read from running text one value a line (several lines) and are the last
    thing its page prints (docs/renderings.md, round 2 seventeenth session).

    poppler's reading order (``pdftotext`` without ``-layout``) prints each cell of a table
    with no ruling lines as a block of its own and orders the blocks by their neighbours
    above and below; a row printed one value a line is in the page's order only as far as
    those neighbours pin it. At a page's foot it was not, twice in the unseen corpora of
    LibreOffice's PDFs: ``行政许可 ⏎ 3 ⏎ 0 ⏎ 1 ⏎ \\f`` for the cells 3, 1, 0 (wild4 00017, the
    third cell printed before the second). Table 二 has no sum to catch it, so the numbers
    would stand wrong with no finding. Only such rows are nulled, and only where their values
    differ (equal values read the same in any order) — a row printed on one line is one
    row's cells in their order (§22), and a row with a row below it on its page
    was in order in every case measured but one a column reader flagged (782 rows of table 二
    read one value a line in poppler's reading order of wild4, wild44, wild36 and the matrix;
    at a page's foot: 33, one misread).

    ``pages``: the lines that open a page after the first (the text's form feeds,
    ``extract.boxes.pages_of``); ``events``: every event of the report's tables, so a row
    followed on its page by anything else of them (another row, a caption, the next table's
    heading) is not at the foot."""
    if spec.identities or not pages or not placed.cells:
        return
    values = {ev.pos.line: ev for ev in events if ev.kind == "value" and ev.pos.line is not None}
    lines_used = sorted({ev.pos.line for ev in events if ev.pos.line is not None})
    for row in spec.rows:
        if row.width < 2:
            continue  # one cell: no order within the row to get wrong
        read = [(r, c) for r, c, _ in row.cells if placed.cells.get((r, c)) is not None]
        if len({placed.cells[cell] for cell in read}) < 2:
            continue  # no two values differ: any order of them gives the same cells
        printed = [placed.provenance.get(cell, {}).get("line") for cell in read]
        lines = [ln for ln in printed if isinstance(ln, int)]
        if len(lines) < len(printed) or len(set(lines)) < LINES_OF_A_SPLIT_ROW:
            continue
        if not all(ln in values and values[ln].tok.free for ln in lines):
            continue  # a value from a table's cell (a grid orders its cells itself)
        if not _ends_page(max(lines), pages, lines_used):
            continue
        _null_cells(placed, read)
        placed.findings.append(Finding.of(
            "CELL_AMBIGUOUS",
            f"“{row.label}”行的数值逐个成行,印在一页的末尾(其后没有同页的行),文本的阅读顺序不能确定各值的先后,"
            f"而{spec.name.zh}没有合计关系可以核对,未采用",
            f"row '{row.label}': its values are printed one a line at the foot of a page (nothing of the tables "
            f"after them on that page), where the text's reading order does not fix their order, and {spec.key} "
            "has no sum to confirm it; left null",
            f"{spec.key}.{row.key}"))


def distrust_header_after_label(spec: TableSpec, fmt: str, evs: Sequence[Event], placed: Placed) -> None:
    """Leave null, with a CELL_AMBIGUOUS finding, each row of a table with no identity, in a
    report that leaves cells blank, whose values were read from running text after a header
    cell of the table printed between the row's label and them (docs/renderings.md §62).

    A header printed after a row label is a reading order that is not the page's row by row
    (poppler's of LibreOffice's PDF: ``信息内容 ⏎ 行政处罚 ⏎ 本年处理决定数量 ⏎ 1``, where 行政处罚's
    cell is blank and the 1 is 规章's 现行有效件数, printed where the reading order reached it;
    wild40 00032 in poppler's text of its LibreOffice PDF). Where every cell is filled, each
    row's count of values ties them to it; where the report leaves cells blank, nothing does,
    and table 二 has no sum to tell."""
    if spec.identities or not placed.blanks_shown or not placed.cells:
        return
    for row in spec.rows:
        read = [(r, c) for r, c, _ in row.cells if placed.cells.get((r, c)) is not None]
        printed = [placed.provenance.get(cell, {}).get("line") for cell in read]
        lines = [ln for ln in printed if isinstance(ln, int)]
        if not read or len(lines) < len(printed):
            continue
        first = _event_at(evs, min(lines))
        if first is None or not evs[first].tok.free or not _header_since_label(spec, fmt, evs, first, row.key):
            continue
        _null_cells(placed, read)
        placed.findings.append(Finding.of(
            "CELL_AMBIGUOUS",
            f"“{row.label}”行的数值印在表头之后、行标题与数值之间隔着表头(阅读顺序不是逐行的),而报告留有空单元格、"
            f"{spec.name.zh}没有合计关系可以核对,这些数值属于哪一行无法确定,未采用",
            f"row '{row.label}': a header cell of {spec.key} is printed between its label and its values (a reading "
            "order that is not row by row), the report leaves cells blank and the table has no sum to confirm them, "
            "so which row the values belong to cannot be told; left null",
            f"{spec.key}.{row.key}"))


def _null_cells(placed: Placed, cells: list) -> None:
    """Leave ``cells`` null, without the provenance of the values they no longer hold."""
    for cell in cells:
        placed.cells[cell] = None
        placed.provenance.pop(cell, None)


def _event_at(evs: Sequence[Event], line: int) -> int | None:
    """The index of the first value event printed on ``line``."""
    return next((i for i, ev in enumerate(evs) if ev.kind == "value" and ev.pos.line == line), None)


def _header_since_label(spec: TableSpec, fmt: str, evs: Sequence[Event], at: int, row_key: str) -> bool:
    """Going back from event ``at``: is a header phrase of ``spec`` printed before a row label
    is, and is that label ``row_key``'s?"""
    header = False
    for ev in reversed(evs[:at]):
        if ev.kind == "value":
            return False  # values before this one, after the label: the row's own run
        if ev.kind != "phrase" or ev.segment is None:
            continue
        phrase = phrase_in(ev.seg, spec.key, fmt)
        if phrase is None:
            continue
        if phrase.kind == "header":
            header = True
        elif phrase.kind == "row":
            return header and phrase.ref == row_key
    return False


def _ends_page(line: int, pages: Sequence[int], lines_used: Sequence[int]) -> bool:
    """Is ``line`` the last line of its page that any table event stands on, on a page that
    another one follows?"""
    nxt = next((p for p in pages if p > line), None)
    if nxt is None:
        return False  # the text's last page: its end is no page break
    return not any(line < ln < nxt for ln in lines_used)


# a row whose values were printed on at least this many lines of running text was printed in
# the text's reading order, not as one line of cells (a printed line is one row's, §22)
LINES_OF_A_SPLIT_ROW = 2


def distrust_row_orders(spec: TableSpec, fmt: str, evs: Sequence[Event], placed: Placed) -> None:
    """Leave null, with a CELL_AMBIGUOUS finding, the rows of table 三 read from running text
    whose values stand on several lines (poppler's reading order of a PDF: a value a line, or
    a row in pieces) where the text leaves two readings of them (docs/renderings.md §40):

    - **the row's total holds in another order of its values.** As read, 总计 is not the sum
      of the six applicant values, but one of the row's values is the sum of the others: a
      reading order that moved the total (``8 ⏎ 8件 ⏎ 0件 ⏎ … ⏎ 0`` for ``8件 0件 … 8件``, a
      cell and its unit on two lines) gives this as surely as a report's own error does, and
      nothing tells which; read as printed, the total's finding would blame 总计 while the
      wrong number stands in an applicant column;
    - **the next row printed no value after its label, in a report that leaves cells
      blank.** A label beside a tall group cell is printed after the values of its row
      (``3.危及… ⏎ 0 ⏎ 0 0 ⏎ 0 ⏎ 0 ⏎ 0 0 ⏎ (三)不 4.保护第三方合法权益``): the values before it are
      one row's or two rows', and with blank cells their count does not tell — the seven
      values read for 3.危及… were its three and the next row's four.

    - **a neighbouring label shows the values may be two rows'** (:func:`_rows_beside_short_rows`):
      in a report that leaves cells blank, a row read after the previous row's label with
      no value, or before the next row's label with fewer than its cells.

    A row printed on one line is one row's cells in their order (§22), and is left as read."""
    if spec.key != TABLE3_KEY or not placed.cells:
        return
    if not any(ev.kind == "value" and ev.tok.kind == NUM and ev.tok.free for ev in evs):
        return  # a table's grid (HTML, Word, a PDF's ruling lines) orders its cells itself
    rows = {row.key: row for row in spec.rows if row.label is not None}
    doubtful: dict[str, tuple[str, str]] = {}
    for key, row in rows.items():
        if _split_over_lines(placed, row) and _total_elsewhere(placed, row):
            doubtful[key] = (
                (f"“{row.label}”行的数值分印在多行(阅读顺序不可靠),按读出的顺序总计不等于各项之和,而换一种顺序则成立,"
                 "无法区分是报告本身的错误还是阅读顺序造成的,未采用"),
                (f"row '{row.label}': its values are printed over several lines (an unreliable reading order); as read "
                 "its total is not the sum of its parts, but in another order of the same values it is, and a reporting "
                 "error cannot be told from a reading-order error; left null"))
    counts = _values_after_labels(spec, fmt, evs) if placed.blanks_shown else None
    if counts is not None and _part_rows(spec, counts):
        for before, after in _labels_without_values(counts):
            prev, nxt = rows.get(before), rows.get(after)
            if prev is None or nxt is None or before in doubtful or not _split_over_lines(placed, prev):
                continue
            if _next_row(spec, before) != after:
                continue  # a label displaced after its own values is the next row's
            if any(placed.cells.get((r, c)) is not None for r, c, _ in nxt.cells):
                continue
            doubtful[before] = (
                (f"“{prev.label}”行的数值分印在多行,其后“{nxt.label}”行的行标题后没有数值(其数值可能印在行标题之前),"
                 "而报告留有空单元格,这些数值属于一行还是两行无法由个数确定,未采用"),
                (f"row '{prev.label}': its values are printed over several lines, the next row '{nxt.label}' prints no "
                 "value after its label (its values may stand before it), and the report leaves cells blank, so their "
                 "count cannot tell one row's values from two rows'; left null"))
    if counts is not None:
        cells = _values_after_labels(spec, fmt, evs, marks=True)
        for key, zh, en in _rows_beside_short_rows(spec, cells, rows, placed):
            doubtful.setdefault(key, (zh, en))
    for key, (zh, en) in doubtful.items():
        for r, c, _ in rows[key].cells:
            placed.cells[(r, c)] = None
            placed.provenance.pop((r, c), None)
        placed.findings.append(Finding.of("CELL_AMBIGUOUS", zh, en, f"{spec.key}.{key}"))


TABLE3_KEY = "table3"


def _next_row(spec: TableSpec, key: str) -> str | None:
    """The key of the row printed after row ``key`` in the template."""
    keys = [row.key for row in spec.rows]
    i = keys.index(key)
    return keys[i + 1] if i + 1 < len(keys) else None


def _split_over_lines(placed: Placed, row: PrintedRow) -> bool:
    """Was every cell of ``row`` read, from values on two lines or more?"""
    cells = [(r, c) for r, c, _ in row.cells]
    if any(placed.cells.get(cell) is None for cell in cells):
        return False
    lines = {placed.provenance.get(cell, {}).get("line") for cell in cells}
    return None not in lines and len(lines) >= LINES_OF_A_SPLIT_ROW


def _read_over_lines(placed: Placed, row: PrintedRow) -> bool:
    """Was every cell of ``row`` read — a value or a blank mark — from two lines or more?"""
    cells = [(r, c) for r, c, _ in row.cells]
    if any(placed.cells.get(cell) is None and "text" not in placed.provenance.get(cell, {}) for cell in cells):
        return False
    lines = {placed.provenance.get(cell, {}).get("line") for cell in cells}
    return None not in lines and len(lines) >= LINES_OF_A_SPLIT_ROW


def _mixes_marks(placed: Placed, row: PrintedRow) -> bool:
    """Does ``row`` as read hold a blank mark (a null cell read from text) and a number?"""
    cells = [(r, c) for r, c, _ in row.cells]
    return any(placed.cells.get(cell) is not None for cell in cells) and any(
        placed.cells.get(cell) is None and "text" in placed.provenance.get(cell, {}) for cell in cells)


def _total_elsewhere(placed: Placed, row: PrintedRow) -> bool:
    """Does a sum of ``row`` fail as read, while one of its values is the sum of the others
    (the row's one sum holding in another order of its values)?"""
    if len(row.sums) != 1:
        return False
    total, parts = row.sums[0]
    if sorted((total, *parts)) != list(range(row.width)):
        return False
    values = [v for r, c, _ in row.cells if (v := placed.cells.get((r, c))) is not None]
    if len(values) != row.width:
        return False
    whole = sum(values)
    if values[total] * 2 == whole:
        return False
    return any(v * 2 == whole for v in values)


def _values_after_labels(spec: TableSpec, fmt: str, evs: Sequence[Event], marks: bool = False) -> list[tuple[str, int]]:
    """Each row label of ``spec`` in the order printed, with the number of values between it
    and the next row label (or the table's end); ``marks``: blank marks (``—``, ``无``)
    count as the cells they fill."""
    kinds = (NUM, NA) if marks else (NUM,)
    labels: list[tuple[str, int]] = []
    for ev in evs:
        if ev.kind == "phrase" and ev.segment is not None:
            phrase = phrase_in(ev.seg, spec.key, fmt)
            if phrase is not None and phrase.kind == "row":
                labels.append((phrase.ref, 0))
        elif ev.kind == "value" and ev.tok.kind in kinds and labels:
            labels[-1] = (labels[-1][0], labels[-1][1] + 1)
    return labels


def _rows_beside_short_rows(spec: TableSpec, counts: list[tuple[str, int]], rows: dict[str, PrintedRow],
                            placed: Placed) -> list[tuple[str, str, str]]:
    """Rows of a report that leaves cells blank, read whole (values or blank marks) from
    several lines, whose label's neighbours show that the values after it may be another
    row's too — ``(row key, finding zh, finding en)`` for each (wild36 measurements in
    docs/renderings.md, round 2 fifteenth session):

    - **after the previous row's label with no value**, that row read empty: its values
      may stand after this row's label (two labels printed before both rows' values,
      ``4.保护第三方合法权 ⏎ 益 ⏎ 5.属于三类内部事务 ⏎ 信息 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ / ⏎ — ⏎ 无 ⏎ 0``);
    - **before the next row's label with fewer values than its cells**, a row read with
      blank marks and numbers: the next row's first cells may stand before its label
      (``0 ⏎ 0 ⏎ 0 ⏎ 无 ⏎ — ⏎ 无 ⏎ 0 ⏎ …信息公开申请 ⏎ 3.其他 ⏎ — ⏎ 0 ⏎ 0``: the three marks were
      3.其他's), and with blank cells the count does not tell.

    Their sums cannot settle it: a blank cell is null in every sum, and zeros or marks moved
    between columns keep a row's total."""
    out = []
    for (a, n), (b, m) in pairwise(counts):
        first, second = rows.get(a), rows.get(b)
        if first is None or second is None or a == b:
            continue
        if _next_row(spec, a) != b:
            continue
        if not n and _read_over_lines(placed, second) \
                and all(placed.cells.get((r, c)) is None for r, c, _ in first.cells):
            out.append((b,
                        (f"“{second.label}”行的数值分印在多行,其前“{first.label}”行的行标题后没有数值(其数值可能印在下一行的"
                         "行标题之后),而报告留有空单元格,这些数值属于一行还是两行无法由个数确定,未采用"),
                        (f"row '{second.label}': its values are printed over several lines, the row before it, "
                         f"'{first.label}', prints no value after its label (its values may stand after the next label), "
                         "and the report leaves cells blank, so their count cannot tell one row's values from two rows'; "
                         "left null")))
        if 0 < m < second.width and _read_over_lines(placed, first) and _mixes_marks(placed, first):
            out.append((a,
                        (f"“{first.label}”行的数值分印在多行,其后“{second.label}”行的行标题后只印出 {m} 格(其余的可能印在"
                         "行标题之前),而报告留有空单元格,这些数值属于一行还是两行无法由个数确定,未采用"),
                        (f"row '{first.label}': its values are printed over several lines, the next row '{second.label}' "
                         f"prints only {m} cell(s) after its label (the others may stand before it), and the report leaves "
                         "cells blank, so their count cannot tell one row's values from two rows'; left null")))
    return out


def _part_rows(spec: TableSpec, counts: list[tuple[str, int]]) -> bool:
    """Does a row label stand before some values, but fewer than its row's cells, and none
    before more than its row's — the sign of a report that leaves cells blank? (A text that
    printed a table's values apart from their labels, pdfminer's columns, has labels with no
    value and labels with many: its short rows prove nothing.)"""
    width = {row.key: row.width for row in spec.rows}
    if any(n > width.get(key, 0) for key, n in counts):
        return False  # values printed away from their labels: a short row proves no blank
    return any(0 < n < width.get(key, 0) for key, n in counts)


def _labels_without_values(counts: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """Each row label that had values after it, paired with the row label right after them
    when that one has no value before the next row label (or the table's end)."""
    return [(a, b) for (a, n), (b, m) in pairwise(counts) if n and not m and a != b]


def null_unconfirmed_parts(spec: TableSpec, placed: Placed, table3: TableSpec, placed3: Placed | None,
                           evs: Sequence[Event] = (), fmt: str = "") -> None:
    """Leave null, with a CELL_AMBIGUOUS finding, the parts of ``placed``'s sums that hold in
    any order of their parts (:attr:`Placed.unconfirmed`: table 四 read one value a line or
    among its header) — unless the document shows its reading order: table 四's own header
    printed cell by cell in the grid's order (:func:`header_in_grid_order`), or table 三 read
    from the same text, every cell of it read and every identity holding, with values that
    are not all the same (its row and column sums tie each value to its row and column, so an
    order that satisfies them all is the table's, and the text printed it cell by cell as the
    page does). A text that prints its cells in the page's order (a crawler's text node a
    line, PyMuPDF's, an office suite's) keeps table 四; a reading order that scrambled table
    三 (poppler's, across page breaks) does not vouch for table 四's. Where table 四's own
    sums fail, only its header can keep it (:func:`keep_vouched_order`). Measured on 119
    reports × 28 text renderings (docs/renderings.md §21, §24)."""
    if placed.doubted is None and not placed.unconfirmed:
        return  # (the common case: nothing read in a doubtful order, no events walked)
    in_grid = header_in_grid_order(spec, evs, fmt)
    keep_vouched_order(spec, placed, in_grid)
    unconfirmed, placed.unconfirmed = placed.unconfirmed, []
    if not unconfirmed or in_grid or _order_shown(table3, placed3):
        return
    for where, keys, values in unconfirmed:
        for key in keys:
            placed.cells[key] = None
        printed = " ".join(map(str, values))
        placed.findings.append(Finding.of(
            "CELL_AMBIGUOUS",
            f"{spec.name.zh}的数值逐个成行或与表头交错,合计关系成立,但合计的各项({printed})谁前谁后"
            "无法由合计确认,未采用",
            f"{spec.key}: values printed one a line or among the header; the sum holds, but it holds in any "
            f"order of its parts ({printed}); left null",
            f"{spec.key}.{where}"))


def keep_vouched_order(spec: TableSpec, placed: Placed, in_grid: bool) -> None:
    """Keep table 四 as read where it was read whole, in a doubtful order (one value a line)
    whose sums fail, and its own header shows the order (``in_grid``: :func:`header_in_grid_order`).

    The aligner leaves such a table null (``ROW_AMBIGUOUS``): with a reading order nobody
    vouches for, a broken sum may be the report's own error or the order's, and nothing in
    table 四's values tells which. Its header can: printed cell by cell in the grid's order,
    the text printed this table as the document holds it, its one row left to right. The
    order is then the page's, the broken sum the report's own, and the checks report it
    (``T4_TOTAL`` on that row's total). Table 三 read whole does **not** suffice here: poppler's
    reading order of a paged PDF (synthetic report 00021) gave a table 三 that every identity
    confirms — its rows rebuilt by ``extract/pagedrows.py`` — and a table 四 whose 15 values
    came in another order, header words among them; the sums that failed were the order's.
    Every cell must have been read (:attr:`Placed.doubted`: a number in each, as the aligner
    placed them before nulling), or nothing is restored. Measured on 119 reports × 28 text
    renderings and an unseen corpus (docs/renderings.md §24)."""
    doubted, placed.doubted = placed.doubted, None
    if doubted is None or not in_grid:
        return
    read, finding = doubted
    if any(read.get(cell) is None for cell in _cell_keys(spec)):
        return
    placed.cells.update(read)
    placed.findings = [f for f in placed.findings if f is not finding]


def header_in_grid_order(spec: TableSpec, evs: Sequence[Event], fmt: str) -> bool:
    """Was table 四 printed cell by cell in its grid's order, as its header shows: every
    header word before its first value, and exactly :data:`T4_HEADER_GRID` — the format's
    merged header read row by row, 行政复议's result columns (two rows tall) between 行政诉讼
    and its two kinds — then its 15 values, no header word among them?

    A text that prints the cells of a merged header in the document's order, row by row,
    emits that table's cells as the document holds them, and the one row of values under
    it left to right: a reading order of its own (poppler's columns, pdfminer's boxes)
    breaks the header into pieces or reorders it (``行政复议 ⏎ 结 ⏎ 行政诉讼 ⏎ 未经复议直接起诉
    ⏎ 尚结果果``), and a text a column at a time prints each result word under its kind."""
    return _in_grid(spec, *_header_and_values(spec, evs, fmt))


def _in_grid(spec: TableSpec, header: tuple[str, ...], values: int, among: bool) -> bool:
    return header == T4_HEADER_GRID and not among and values == _cells(spec)


def _header_and_values(spec: TableSpec, evs: Sequence[Event], fmt: str) -> tuple[tuple[str, ...], int, bool]:
    """Table 四's header words before its first value, in order; its values; and whether a
    header word stands among the values (a reading order that interleaves them)."""
    if spec.key != TABLE4.key:
        return (), 0, False
    header: list[str] = []
    values = 0
    among = False
    for ev in evs:
        if ev.kind == "value" and ev.tok.kind == NUM:
            values += 1
        elif ev.kind == "phrase" and ev.segment is not None:
            phrase = phrase_in(ev.seg, spec.key, fmt)
            if phrase is not None and phrase.kind == "header":
                if values:
                    among = True
                else:
                    header.append(phrase.ref)
    return tuple(header), values, among


def _cell_keys(spec: TableSpec) -> list[tuple[str, str]]:
    return [(r, c) for row in spec.rows for r, c, _ in row.cells]


def _cells(spec: TableSpec) -> int:
    return sum(row.width for row in spec.rows)


def _order_shown(table3: TableSpec, placed3: Placed | None) -> bool:
    """Table 三 read whole and confirmed by its identities (see :func:`null_unconfirmed_parts`)."""
    if placed3 is None or not placed3.cells:
        return False
    # every cell of the template's table: a table rebuilt from the rows a reading order placed
    # (extract/pagedrows.py) may hold only those rows, each of them whole
    if any(placed3.cells.get(key) is None for key in _cell_keys(table3)) or len(set(placed3.cells.values())) < 2:
        return False
    return table_holds(table3, lambda r, c: placed3.cells.get((r, c)))
