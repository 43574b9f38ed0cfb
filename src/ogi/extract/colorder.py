"""Table 三's applicant columns in another order than the template's, read by their headers.

The aligner places a row's values by position: the first value is 自然人's, the last 总计's.
A report whose table 三 prints its applicant columns in another order — an agency that built
the table by hand, put 总计 first, or swapped 商业企业 and 科研机构 — would have every value
of the swapped columns read into the wrong column, and no identity would notice: a row's
total is the same whatever the order of its parts. Measured before this rule: 106 silent
wrong numbers in 78 synthetic reports with two columns swapped (header and values).

Where the table is a grid (a web page, a Word file, a PDF's ruled or positioned table, a
Markdown pipe table), its header says which column is which. This pass runs on the
document before it is read: in a table where each of the seven applicant headers
(:data:`~ogi.template.formats.APPLICANT_COLUMNS`: 自然人 … 总计) is found exactly once, as a
cell one column wide, and they do not stand in the template's order, every cell one column
wide in those columns — headers and values alike — is moved to the column its header takes
in the template's order. A cell spanning columns stays where it is if the columns it spans
only change places among themselves (``申请人情况`` over all seven, ``法人或其他组织`` over
its five); a table where a header is missing or repeated, or a cell spans columns that move
apart, is left as it is (the aligner reads it by position, as
before). Each table reordered gives a note the extractor turns into a TEMPLATE_DEVIATION
finding, so a reviewer sees that the report departs from the format.

Where the table is running text (a crawler's, a text browser's, Markdown whose header row
lost its spans, a PDF's text layer), nothing says which value stands under which header;
what the text still carries is the order in which the header prints its labels, and that
only in part: converters print a two-row header's rows interleaved and wrap its cells
(``商业 企业 科研机构 社会公 ⏎ 益组织``). So :func:`order_printed_in_lines` reads, from the last
``申请人情况`` before table 三's first row label to that label, only the relative order of
the labels of one header row (自然人 and 总计; the five organisations), and only where it is
certain: on one line, left to right — a piece that is a label, or that only begins one where
no other header label holds that beginning (``商业``, ``社会公``: the first line of a cell
wrapped in its column) — or across the whole header joined, where it reads its eight labels
whole, once each, the first row's three before the five (a text layer printing a piece a
line in the order the cells were drawn). Where that order is not the template's, table 三's
applicant cells are left null (:func:`null_applicant_cells`) with a TEMPLATE_DEVIATION
finding; they are not reordered, since in text a value's column is its place in the row. A
text file's header is read before the text reader's rewriting can drop it, and left in
``Document.meta`` under :data:`PRINTED_ORDER`. A rule that nulled table 三 wherever the five
organisations were read out of order across the header's lines joined (2,506 right cells
of pandoc's text of Word files lost) was dropped in the seventh session; measurements in
docs/renderings.md §11 and §15.

The ninth session (§19) reads a piece that is any part of one label only (:data:`PARTS`:
a wrapped cell's last line, ``企业``, ``计``, as well as its first), takes a whole first-row
label before the second-row pieces of its line in the joined reading (PDFium's ``科研 总计 ⏎
机构``), and starts the header at a wrapped ``申请人 ⏎ 情况``; a PDF's header is read from its
glyphs' positions by :mod:`ogi.readers.pdf_colorder`. It runs on every text, so it is made
cheap where no header can be out of order: one regular-expression search of the text finds
the first line that may start the header (:func:`_from_first_start`), paragraphs before it
are skipped by the same test, and a header's reading is kept (a template's header repeats
report after report)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter, not_
from typing import Any

from ..document import Cell, Document, Paragraph, Table
from ..template.formats import APPLICANT_COLUMNS
from ..template.labels import key_with_offsets, segment
from ..template.normalize import label_key
from ..template.variant_chars import VARIANT_CHARS
from .colorder_flow import person_after_the_five
from .colorder_glued import parts_glued
from .colorder_indent import person_right_of_an_organisation
from .colorder_read import GROUP, column_order, structured

_HEADERS = tuple(label_key(m.label) for m in APPLICANT_COLUMNS)
_HEADER_KEYS = frozenset(_HEADERS)
_LABEL_OF_KEY = dict(zip(_HEADERS, (m.label for m in APPLICANT_COLUMNS)))
_LABELS = tuple(m.label for m in APPLICANT_COLUMNS)
# the labels of one header row, whose order among themselves a line of text can show: the
# first row's two one-column headers (法人或其他组织 spans the five) and the second row's five
HEADER_ROWS = ((_LABELS[0], _LABELS[-1]), _LABELS[1:-1])
# the key under which the text reader leaves, in Document.meta, the order a text file's
# table 三 header prints (read before its rewriting of the text drops the header lines)
PRINTED_ORDER = "table3_printed_order"
TABLE_HEADER = "申请人情况"  # the header over the seven: where table 三's header starts
# a line is segmented only if it holds one of these: a label, the header over them, or the
# words of table 三's first rows (where its header ends)
_KEYS_LOOKED_FOR = (*_HEADERS, TABLE_HEADER, "本年新收", "上年结转", "予以公开")
# any of them in a line's key: one search in C instead of a generator over the ten
_ANY_KEY_LOOKED_FOR = re.compile("|".join(map(re.escape, _KEYS_LOOKED_FOR)))
READINGS_KEPT = 4096  # header readings and header lines' segments kept (a header repeats report after report)
_segments = lru_cache(maxsize=READINGS_KEPT)(segment)
_NOT_KEY = "[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]*"  # characters a label's key drops (normalize._NOT_WORD)
_CANDIDATE = re.compile(_NOT_KEY.join(TABLE_HEADER))  # where a line holding TABLE_HEADER's key may start
_WRAPPED = ("申请人", "情况")  # TABLE_HEADER wrapped in its cell: one line ends, the next begins so
_TEXT = attrgetter("text")  # a cell's text, read in C


def _parts() -> dict[str, str]:
    """Each part of an applicant label (its beginning, its end, or between) that no other
    header label of table 三 holds anywhere (``商业``, ``社会公``, ``总`` and ``企业``,
    ``益组织``, ``务机构``, ``然``, ``计``, but not ``法``, which 法人或其他组织 begins too, nor
    ``其``, ``他``, ``人`` or ``机构``, which another label holds): one line of that label
    wrapped in its cell, and of no other label. The eighth session read beginnings only (a
    wrapped cell's first line); a cell's last line is as certain, and it is what tells the
    columns apart where the first lines stand on different lines (``pdftotext``'s ``人 务机构
    企业 益组织 机构 他 计``, w3m's vertically centred ``总 商业 科研 社会 法律 其 然``)."""
    labels = [*_HEADERS, label_key("法人或其他组织")]
    out = {}
    for key, label in zip(_HEADERS, _LABELS):
        for start in range(len(key)):
            for end in range(start + 1, len(key) + 1):
                part = key[start:end]
                if part != key and not any(part in other for other in labels if other != key):
                    out[part] = label
    return out


PARTS = _parts()
_ALL_HEADERS = (*_HEADERS, label_key("法人或其他组织"))
_FIRST_ROW = (_LABELS[0], "法人或其他组织", _LABELS[-1])  # the header's first row, the five under 法人…
_DRAWN = (*_FIRST_ROW, *_LABELS[1:-1])
_LABEL_CHARS = frozenset("".join(_ALL_HEADERS))
_FIRST_ROW_KEYS = frozenset(label_key(label) for label in _FIRST_ROW)
_FIRST_ROW_CHARS = frozenset("".join(_FIRST_ROW_KEYS))
# two characters every text whose key holds TABLE_HEADER holds, unless it holds a character
# NFKC changes (a compatibility ideograph, a full-width space): see :func:`_may_start`
_START_CHARS = (TABLE_HEADER[0], TABLE_HEADER[-1])


def _may_start(text: str) -> bool:
    """False only where ``text``'s matching key cannot hold :data:`TABLE_HEADER`: it lacks
    申 or 况 and NFKC leaves it as it is (so no character of its key comes from another).
    Lines and blocks before table 三's header are skipped on this test, with no key built
    and nothing segmented: most of a report's text, and every text with no table 三."""
    return all(ch in text for ch in _START_CHARS) or not _stable(text)


def _stable(text: str) -> bool:
    """NFKC leaves ``text`` as it is: no character of its key comes from another."""
    return text.isascii() or unicodedata.is_normalized("NFKC", text)


def columns_in_template_order(doc: Document) -> tuple[Document, list[str]]:
    """``doc`` with every table 三 whose applicant columns are in another order put in the
    template's order, and one note (the order printed) per table reordered; the same
    document and no notes when there is none."""
    notes: list[str] = []
    blocks = list(doc.blocks)
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            moved = _reordered(block)
            if moved is None:
                continue
            table, printed, target = moved
            rest = _continued(blocks, i, target)
            if rest is None:
                continue  # a part further on cannot be moved alike: the table is left as printed
            blocks[i] = table
            for j, part in rest.items():
                blocks[j] = part
            notes.append(printed)
    if not notes:
        return doc, notes
    return replace(doc, blocks=blocks), notes


def _continued(blocks: list, at: int, target: dict[int, int]) -> dict[int, Table] | None:
    """The parts of the table 三 at ``blocks[at]`` that a page break or a reader cut off
    into tables of their own (rows of table 三 under no header: a PDF's next page), each
    with its columns moved as the header's table's; None where one of them has another
    number of columns, or a cell spanning columns that move apart — which column its values
    stand in cannot be told, so the table is not reordered at all (its rows would be read
    by position, one column off). The parts run to the next table header: table 四's,
    or a table 三 header of its own (a header repeated on each page: reordered itself)."""
    width = blocks[at].n_cols
    out: dict[int, Table] = {}
    for j in range(at + 1, len(blocks)):
        block = blocks[j]
        text = block.text if isinstance(block, Paragraph) else " ".join(map(_TEXT, block.cells))
        if not _may_hold_rows(text):
            continue
        phrases = [p for seg in _segments(text) for p in seg.phrases]
        if any(p.table == "table4" or (p.table == "table3" and p.kind == "header" and p.ref in _LABELS)
               for p in phrases):
            break
        if isinstance(block, Paragraph) or not any(p.table == "table3" and p.kind == "row" for p in phrases):
            continue
        moved = move_columns(block, target) if block.n_cols == width else None
        if moved is None:
            return None
        out[j] = moved
    return out


def _may_hold_rows(text: str) -> bool:
    """Whether ``text`` may hold a table's label at all (an ideograph): a page number or a
    row of numbers alone is no part of a table's structure and is not segmented."""
    return not text.isascii()


_FOLD = str.maketrans(VARIANT_CHARS)  # a traditional header (總計, 商業企業) keyed as the template's


def _header_key(text: str) -> str:
    """A header cell's key, traditional forms folded and a Markdown cell's line breaks
    (``商业<br>企业``: PyMuPDF's Markdown) taken out."""
    if "<" in text:
        text = _MARKUP.sub("", text)
    return label_key(text).translate(_FOLD)


def _header_columns(table: Table) -> list[int] | None:
    """The column of each applicant header, in the template's order, where each is found
    exactly once as a cell one column wide; else None. Headers in traditional characters
    count (:data:`~ogi.template.variant_chars.VARIANT_CHARS`): wild5's ``reordered`` page with
    wild_labels' traditional headers (``總 計``, ``商業企業``) was read by position, 12 numbers
    in the wrong column with no finding (fresh17)."""
    texts = list(map(_TEXT, table.cells))
    worded = list(map(not_, map(str.isascii, texts)))  # a number, a blank: its key is no applicant header
    keys = list(map(_header_key, compress(texts, worded)))  # (each cell's key made once, in C's loop)
    if not _HEADER_KEYS <= set(keys):
        return None  # a header missing: the keys of the cells' texts
    found: dict[str, list[Cell]] = {}
    for cell, key in zip(compress(table.cells, worded), keys):
        if key in _HEADERS:
            found.setdefault(key, []).append(cell)
    if len(found) != len(_HEADERS):
        return None
    _others_on_the_organisations_row(found)
    if any(len(cells) != 1 or cells[0].colspan != 1 for cells in found.values()):
        return None
    rows = [cells[0].row for cells in found.values()]
    if max(rows) - min(rows) > _HEADER_ROWS_AT_MOST - 1:
        return None  # labels of two headers (one repeated at a page, a column off): not one header
    return [found[key][0].col for key in _HEADERS]


_HEADER_ROWS_AT_MOST = 3  # rows table 三's labels stand on: 申请人情况 over 法人或其他组织 over the five


_ORG_KEYS = _HEADERS[1:-1]


def _others_on_the_organisations_row(found: dict[str, list[Cell]]) -> None:
    """Where 其他 is found twice — a grid that cuts 法人或其他组织 into cells
    (``法人或 | 其他 | 组织``: PyMuPDF's Markdown) has a cell of its own keyed 其他 — keep the one
    on the row every other organisation's header stands on (the header's second row)."""
    other = _ORG_KEYS[-1]
    cells = found[other]
    if len(cells) < 2:
        return
    rows = {c.row for key in _ORG_KEYS[:-1] for c in found[key]}
    on_row = [c for c in cells if c.row in rows]
    if len(rows) == 1 and len(on_row) == 1:
        found[other] = on_row


def _reordered(table: Table) -> tuple[Table, str, dict[int, int]] | None:
    columns = _header_columns(table)
    if columns is None or columns == sorted(columns) or len(set(columns)) != len(columns):
        return None
    target = dict(zip(columns, sorted(columns)))  # printed column → the column it takes
    moved = move_columns(table, target)
    if moved is None:
        return None
    printed = "、".join(m.label for _, m in sorted(zip(columns, APPLICANT_COLUMNS), key=lambda p: p[0]))
    return moved, printed, target


def move_columns(table: Table, target: dict[int, int]) -> Table | None:
    """``table`` with each column ``c`` of ``target`` moved to ``target[c]`` (the others stay),
    or None where a cell spans columns that do not stay side by side. A cell spanning
    columns moves with them where the columns it spans still make one run, as many wide:
    ``申请人情况`` over all seven stays, ``法人或其他组织`` over its five moves one left when
    the 总计 printed before them moves to the end. A cell over columns that move apart
    (``法人`` over 商业企业 and 社会公益组织 when 科研机构 moves between them) has no column
    its value can be told to stand in."""
    cells = []
    for cell in table.cells:
        if cell.colspan == 1:
            cells.append(replace(cell, col=target[cell.col]) if cell.col in target else cell)
            continue
        taken = sorted(target.get(c, c) for c in range(cell.col, cell.col + cell.colspan))
        if taken[-1] - taken[0] + 1 != cell.colspan:
            return None  # a cell spanning columns that move apart: which its value is cannot be told
        cells.append(replace(cell, col=taken[0]) if taken[0] != cell.col else cell)
    cells.sort(key=lambda c: (c.row, c.col))
    return Table(cells, table.pos)


def _lines(doc: Document):
    """Every line of the document's text, a table row's cells joined by spaces, from the
    first block that may hold table 三's header (:func:`_may_start`) on: the lines before it
    cannot start the header, and :func:`_header_lines` reads nothing else from them."""
    blocks = iter(doc.blocks)
    for block in blocks:
        if isinstance(block, Paragraph):
            text = block.text  # a start, or a line before a wrapped one (申请人 ⏎ 情况)
            if _CANDIDATE.search(text) or text.rstrip().endswith(_WRAPPED[0]) or not _stable(text):
                break
        elif _WRAPPED[0] in (text := " ".join(map(_TEXT, block.cells))) or _may_start(text):
            break
    else:
        return
    for each in (block, *blocks):
        if isinstance(each, Paragraph):
            yield from each.text.split("\n")
        else:
            yield from _row_lines(each)


_ROW = attrgetter("row")
_COL = attrgetter("col")


def _row_lines(table: Table) -> Iterator[str]:
    """Each row of ``table`` (:meth:`~ogi.grid.Grid.rows`, an empty row too) as its cells'
    texts joined by spaces, made as they are read: :func:`_header_lines` stops at table 三's
    first row label, a few rows into the table. Where the cells are stored row by row (a
    text table's are), a row's cells are the next ones in turn, sorted by column as
    ``rows()`` sorts them; else ``rows()``."""
    cells = table.cells
    rows = list(map(_ROW, cells))
    if rows != sorted(rows) or (rows and rows[0] < 0):
        for each in table.rows():
            yield " ".join(map(_TEXT, each))
        return
    row: list[Cell] = []
    at = 0  # the row being gathered
    for cell in cells:
        while cell.row > at:
            if len(row) > 1:
                row.sort(key=_COL)
            yield " ".join(map(_TEXT, row))
            row, at = [], at + 1
        row.append(cell)
    if cells:
        if len(row) > 1:
            row.sort(key=_COL)
        yield " ".join(map(_TEXT, row))
        yield from [""] * (table.n_rows - at - 1)  # rows a span reaches below the last cell's: empty


row_lines = _row_lines  # for table 四's header read a row a line (colorder_t4lines)


def _from_first_start(texts: list[str]) -> list[str]:
    """``texts`` from the first line that may start table 三's header on (found in one
    regular-expression search of the text joined, not line by line): in NFKC-stable text a
    line whose key holds 申请人情况 prints 申, 请, 人, 情, 况 in turn with only characters
    the key drops between them, and a wrapped 申请人 ⏎ 情况 matches too. Every line where
    the text is not NFKC-stable, or a line holds a line break of its own."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1 or not unicodedata.is_normalized("NFKC", joined):
        return texts
    found = _CANDIDATE.search(joined)
    return texts[joined.count("\n", 0, found.start()):] if found else []


def _header_lines(texts: Iterable[str], raw: list[str] | None = None) -> list[list[str]]:
    """The pieces (runs of text between spaces) of each line of table 三's header: from the
    last ``申请人情况`` before table 三's first row label to that label. Empty where there
    is no such header. ``申请人情况`` wrapped in its cell counts where one line ends with
    ``申请人`` and the next begins with ``情况`` (pandoc's text of a Word file, the note's
    column beside it: ``(本列数据的勾稽关系为:…) 申请人 ⏎ 情况``). ``raw``, where given, gets
    the header's lines that start at the line's start, as printed (their indentation kept:
    :mod:`.colorder_indent`)."""
    lines: list[list[str]] = []
    started = after_applicant = False
    for text in texts:
        if raw is not None and not started:
            raw.clear()
        wrapped = after_applicant and text.lstrip().startswith(_WRAPPED[1])
        after_applicant = _WRAPPED[0] in text and text.rstrip().endswith(_WRAPPED[0])
        if wrapped:
            started, lines = True, []  # the header starts (again) here
            if raw is not None:
                raw.clear()
            begin = text.index(_WRAPPED[1]) + len(_WRAPPED[1])
        elif not started and not _may_start(text):
            continue  # before the header: only a line that starts it counts
        else:
            begin = 0
        key = label_key(text[begin:])
        if not _ANY_KEY_LOOKED_FOR.search(key):
            if started and text[begin:].strip():
                lines.append(text[begin:].split())
                if raw is not None and not begin:
                    raw.append(text)
            continue
        base, end = begin, len(text)  # segment offsets count from base
        for seg in _segments(text[base:]):
            if any(p.table == "table3" and p.kind == "row" for p in seg.phrases) and started:
                end = base + seg.start
                break
            if any(p.table == "table3" and p.kind == "header" and p.ref == TABLE_HEADER for p in seg.phrases):
                started, lines, begin = True, [], base + seg.end  # the header starts (again) here
                if raw is not None:
                    raw.clear()
        else:
            if started and text[begin:].strip():
                lines.append(text[begin:].split())
                if raw is not None and not begin:
                    raw.append(text)
            continue
        if text[begin:end].strip():
            lines.append(text[begin:end].split())
            if raw is not None and not begin:
                raw.append(text[:end])
        return lines
    return []


def whole_labels(text: str) -> list[str]:
    """The applicant labels ``text`` prints whole, in order."""
    found = []
    for seg in segment(text):
        ref = next((p.ref for p in seg.phrases if p.table == "table3" and p.kind == "header"), None)
        if ref in _LABELS:
            found.append(ref)
    return found


def _labels_on_line(pieces: list[str]) -> list[str]:
    """The applicant labels one line of the header prints, left to right: a piece that is
    a label (or several, glued) gives them; a piece that is only part of a label — a line of
    a header cell wrapped in its column (``商业``, ``社会公``, ``企业``) — gives that label
    where nothing else the header prints holds it (:data:`PARTS`), and a run of such parts
    glued gives theirs (:mod:`.colorder_glued`). A piece that holds a label
    and more of the header's characters (``其他组织``: the end of 法人或其他组织 wrapped in its
    cell, its 其他 no column's) gives nothing."""
    found: list[str] = []
    for piece in pieces:
        whole = whole_labels(piece)
        if whole:
            if not _more_header_text(piece):
                found += whole
        elif (label := PARTS.get(key := label_key(piece))) is not None:
            found.append(label)
        else:
            found += parts_glued(key, PARTS, _ALL_HEADERS)  # wrapped cells' lines glued (colorder_glued)
    return found


def _more_header_text(piece: str) -> bool:
    """Whether ``piece`` holds, beside the labels it prints whole, characters of a header
    label that no label of it covers (``组织`` of ``其他组织``)."""
    return any(not seg.phrases and _LABEL_CHARS & set(label_key(seg.text)) for seg in _segments(piece))


def _drawn_first(pieces: list[str]) -> list[str]:
    """One line's pieces in the order the joined reading takes them: a first-row label
    printed whole (自然人, 法人或其他组织, 总计) before the line's other pieces where none of
    them holds a character of the first row's labels. PDFium puts the pieces on one baseline
    on one line, left to right: a vertically centred 总计 beside the first line of a wrapped
    second-row cell (``科研 总计`` ⏎ ``机构``). The first row's cells are drawn before the
    second row's, so 总计 read first is the order drawn, and the wrapped cell's lines join
    (``科研`` ⏎ ``机构``); the first row's labels keep their order among themselves (no other
    piece of the line is of the first row)."""
    if len(pieces) < 2:
        return pieces
    first = [p for p in pieces if label_key(p) in _FIRST_ROW_KEYS]
    rest = [p for p in pieces if label_key(p) not in _FIRST_ROW_KEYS]
    if not first or any(_FIRST_ROW_CHARS & set(label_key(p)) for p in rest):
        return pieces
    return first + rest


def _joined(lines: list[list[str]]) -> list[str]:
    """The labels of the whole header, its pieces joined in the order printed, where that
    order is the order the cells were drawn: ``pdftotext -raw``, PDFium, pypdf and PyMuPDF
    print a piece a line (``自 ⏎ 然 ⏎ 人 ⏎ 法人或其他组织 总 ⏎ 计 ⏎ 科研 ⏎ 机构 ⏎ 商业 ⏎ 企业 …``).
    Read only where every piece of a label is part of a label read whole, and the joined text
    reads the header's eight labels once each, the first row's three before the second row's
    five, as a table's cells are drawn row by row. pdfminer prints the pieces of several
    wrapped cells in turn (``社会 ⏎ 法律 ⏎ 公益 ⏎ 服务 ⏎ 其 ⏎ 他 …``) and whole cells in no
    column's order (``总 ⏎ 计 ⏎ 其 ⏎ 他 ⏎ 自 ⏎ 然 ⏎ 人``): neither reads so. Empty where not read."""
    text = "".join(piece for pieces in lines for piece in _drawn_first(pieces))
    key, _ = key_with_offsets(text)  # the key segment() matches in
    if not all(label in key for label in _ALL_HEADERS):
        return []  # a label not printed whole: not read (and nothing segmented)
    segments = segment(text)
    if any(not seg.phrases and _LABEL_CHARS & set(seg.text) for seg in segments):
        return []
    found = [ref for seg in segments
             if (ref := next((p.ref for p in seg.phrases if p.table == "table3" and p.kind == "header"), None))
             in _DRAWN]
    drawn_rows = [_DRAWN.index(ref) >= len(_FIRST_ROW) for ref in found]
    if sorted(found) != sorted(_DRAWN) or drawn_rows != sorted(drawn_rows):
        return []
    return found  # the eight, 法人或其他组织 among the first row's three


def order_printed_in_text(doc: Document) -> str | None:
    """The applicant columns' order as table 三's header prints it in the document's text
    (its paragraphs, its tables' rows) or, for a text file, as the text reader found it in
    the text as given (:data:`PRINTED_ORDER`); None where nothing shows another order."""
    given = doc.meta.get(PRINTED_ORDER)
    if given and column_order(given):
        return given  # every column named (a PDF's glyph positions): more than a text's reading can say
    return _order(_header_lines(_lines(doc))) or given or _grid_order(doc)


def _grid_order(doc: Document) -> str | None:
    """The applicant headers' order a grid's header cells show where 自然人 stands right of
    an organisation: the labels and pieces (:data:`PARTS`) of its header cells — the rows
    above table 三's first row — in the order of their columns. A grid whose cells cut the
    header's labels apart (PyMuPDF's Markdown: ``法 | 人或其他 | 组织 | | 自然`` over
    ``商业<br>企业 | … | 其<br>他 | 人 | 总计``) is not reordered (:func:`columns_in_template_order`
    wants each label whole in one cell), yet its columns still show 自然人 printed after the
    five: hold18's ``reordered`` 00013 and 00024, 141 numbers read in the wrong columns with
    no finding. A header row whose labels, left to right, stand in another order than the
    template's (the five shuffled) shows it too, where the header is printed twice, once a
    column off (a table cut at a page, its header repeated), and so not reordered. 总计
    before 自然人 is left to the rules that read a total printed first by the sums
    (:mod:`.colorder_sums`, :mod:`.colorder_alike`): a grid rule on it cost wild44's and
    hold17's PyMuPDF Markdown 680 right cells. Only the rows from the last holding ``申请人`` (of
    the three above the first row) to the first row are read: above them a CSV of the page
    holds other tables' rows. None where no table shows it."""
    for block in doc.blocks:
        if isinstance(block, Table) and _TABLE3_HEADER_PIECE.search(" ".join(map(_TEXT, block.cells))):
            printed = _person_right_of_organisation(block)
            if printed:
                return printed
    return None


def _person_right_of_organisation(table: Table) -> str | None:
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell.text)
    keys = {row: label_key(_MARKUP.sub("", "".join(texts))) for row, texts in rows.items()}
    first = min((row for row, key in keys.items() if _FIRST_ROW_WORDS in key), default=None)
    if first is None:
        return None
    start = max((row for row, key in keys.items() if first - _HEADER_ROWS_AT_MOST <= row < first
                 and (_WRAPPED[0] in key or _APPLICANT_CUT in key)), default=None)
    if start is None:
        return None  # no 申请人 over the seven: the rows above may be another table's (a CSV of the page)
    found: list[tuple[int, int, str]] = []  # (row, column, label) of each header cell naming one
    for cell in table.cells:
        if not start <= cell.row < first or cell.text.isascii():
            continue
        key = _header_key(cell.text)
        label = _LABELS[_HEADERS.index(key)] if key in _HEADER_KEYS else PARTS.get(key)
        if label is not None:
            found.append((cell.row, cell.col, label))
    for row in sorted({row for row, _, _ in found}):
        on_row = [label for r, _, label in sorted(found) if r == row]
        if _out_of_order_in(on_row, HEADER_ROWS[1]) or _person_after_an_organisation(on_row):
            return "、".join(on_row)
    person = [col for _, col, label in found if label == _LABELS[0]]
    organisations = [col for _, col, label in found if label in _ORGANISATIONS]
    if not person or not organisations or min(person) <= min(organisations):
        return None
    return "、".join(dict.fromkeys(label for _, _, label in sorted(found, key=_BY_COLUMN)))


_PERSON_PIECE = re.compile("自然|然人")  # a piece only 自然人 holds, in a table's cells
_BY_COLUMN = itemgetter(1)
_TABLE3_HEADER_PIECE = re.compile("自然|然人|商业|科研|公益|法律服")  # a piece of 自然人's or an organisation's label
_APPLICANT_CUT = "申请"  # 申请人情况 with its cell cut after 申请 (PyMuPDF's Markdown: ``申请<br>法人 | 人情<br>或其``)
_FIRST_ROW_WORDS = "本年新收"  # table 三's first row label (its cells joined): where its header ends
_MARKUP = re.compile(r"<[^<>]*>")  # a Markdown cell's line breaks (``商业<br>企业``)


def order_printed_in_lines(texts: Iterable[str]) -> str | None:
    """The applicant columns' order as a line of table 三's text header prints it, where
    some line (or run of one-piece lines) prints two labels of one header row in another
    order than the template's (``科研机构 商业企业``); None where nothing shows that."""
    raw: list[str] = []
    return _order(_header_lines(_from_first_start(list(texts)), raw)) or person_indented_right(raw)


def person_indented_right(raw: list[str]) -> str | None:
    """:func:`.colorder_indent.person_right_of_an_organisation` over the header's lines as
    printed, a piece read as a label where it is one whole or a part only one label holds."""
    return person_right_of_an_organisation(raw, _label_of_piece) if raw else None


def _label_of_piece(piece: str) -> str | None:
    key = label_key(piece)
    return _LABEL_OF_KEY.get(key) or PARTS.get(key)


def _order(lines: list[list[str]]) -> str | None:
    if not lines:
        return None
    return _reading(tuple(map(tuple, lines))) or person_after_the_five(lines, _label_of_piece)


@lru_cache(maxsize=READINGS_KEPT)
def _reading(kept: tuple[tuple[str, ...], ...]) -> str | None:
    """The order a header's lines print (:func:`order_printed_in_lines`), kept: the header
    of a template repeats, word for word, in every report a renderer makes of it."""
    lines = [list(pieces) for pieces in kept]
    on_lines = list(map(_labels_on_line, lines))
    drawn = _joined(lines)
    cells = _a_cell_a_line(lines)
    whole = _first_row_whole_on_a_line(lines)
    for found in [*on_lines, [label for label in drawn if label in _LABELS]]:
        if _out_of_order(found):
            return structured(drawn, on_lines, cells, whole) or "、".join(found)
    for pieces in lines:
        first = _first_row_on_line(pieces)
        if _out_of_order_in(first, _FIRST_ROW):
            return structured(drawn, on_lines, cells, whole) or "、".join(first)
    first = [label for label in drawn if label in _FIRST_ROW]
    if all(len(pieces) <= 1 for pieces in lines) and _out_of_order_in(first, _FIRST_ROW):
        return structured(drawn, on_lines, cells, whole) or "、".join(first)  # the joined reading: see _first_row_on_line
    for found in on_lines:
        if _person_after_an_organisation(found):
            return structured(drawn, on_lines, cells, whole) or "、".join(found)
    return None


_LABEL_OF_FIRST_ROW_KEY = {label_key(label): label for label in _FIRST_ROW}


def _first_row_whole_on_a_line(lines: list[list[str]]) -> list[str] | None:
    """The header's first row (自然人, 法人或其他组织, 总计) where one line prints its three
    labels each whole as a piece of its own, left to right, and none of the line's other
    pieces holds a character of a header label (a note column's text beside them may): the
    order their cells stand in. A line's pieces print left to right as their cells stand
    (a text browser's grid, a TAB or pipe row of a copied or converted page); only a
    renderer that prints pieces of several lines on one (``pdftotext -raw``'s
    ``法人或其他组织 自``) breaks that, and it prints a label's part, not the three whole.
    None where no line does (``法人或其他组织 ⏎ 总计 自然人``: poppler's lines of a PDF whose
    自然人 and 总计 are centred down two rows print the first row over two lines)."""
    for pieces in lines:
        keys = [label_key(piece) for piece in pieces]
        found = [_LABEL_OF_FIRST_ROW_KEY[key] for key in keys if key in _LABEL_OF_FIRST_ROW_KEY]
        if len(found) != len(_FIRST_ROW) or len(set(found)) != len(found):
            continue
        if any(_LABEL_CHARS & set(key) for key in keys if key not in _LABEL_OF_FIRST_ROW_KEY):
            continue
        return found
    return None


def _person_after_an_organisation(found: list[str]) -> bool:
    """Whether one line prints 自然人 (or a piece only it holds: ``自然``, ``然人``) right of
    an organisation's label or piece. The template's 自然人 column stands left of all five,
    so on one line of a grid laid out in text (w3m, pdftotext -layout, pdfplumber, PyMuPDF),
    where a header's pieces print left to right as their columns stand, 自然人 right of one
    of them is a column printed in another order. :data:`HEADER_ROWS` compares labels of one
    header row only, and a wrapped header prints the first row's 自然人 on the line of the
    second row's pieces (``商  科  社会  法律      自然 ⏎ 业  研  公益  服务  其  人   总计``):
    read by position, wild5's hold18 ``reordered`` 00013 gave 91 numbers in the wrong column
    with no finding in each of w3m, pdfplumber, PyMuPDF and poppler's layout text."""
    person = _LABELS[0]
    if person not in found:
        return False
    return any(label in _ORGANISATIONS for label in found[:found.index(person)])


_ORGANISATIONS = frozenset(_LABELS[1:-1])


def _a_cell_a_line(lines: list[list[str]]) -> bool:
    """Does the header print a cell a line, each of the eight labels whole on a line of its
    own (docx2txt, BeautifulSoup's lines, LibreOffice's text: a table's cells in the order they
    are drawn, row by row, left to right)? Then the joined reading of the five organisations is
    the order of their columns: every piece of the header is a cell, placed. A text layer that
    wraps a cell (``商业 ⏎ 企业``) or prints two pieces on a line is not read so (the reordered
    kind of wild5, round 2, eighteenth session: docx2txt, office_txt and soup_lines read table 三
    of the three reports whose five are shuffled)."""
    if any(len(pieces) > 1 for pieces in lines):
        return False
    whole = [label_key(pieces[0]) for pieces in lines if pieces]
    return all(whole.count(label_key(label)) == 1 for label in (*_LABELS, GROUP))


def _first_row_on_line(pieces: list[str]) -> list[str]:
    """The first header row's labels (自然人, 法人或其他组织, 总计) one line prints whole, left
    to right (a piece holding more of the header's characters gives none). 法人或其他组织's
    place among them is what shows 自然人 printed after the five organisations (or 总计
    before them): 自然人 before 总计 either way, so :data:`HEADER_ROWS` alone does not see it —
    measured: 14 silent wrong numbers a text rendering of wild5's ``reordered`` 00002 (fresh17).
    On a line, and in the joined reading (:func:`_joined`: the eight labels whole) of a
    header printed a piece a line, as a converter of a web page's cells prints them
    (``法人或其他组织 ⏎ 自然人 ⏎ 总计 ⏎ 商业企业 …``: soup, docx2txt, a PDF's text layer of
    the cells in drawing order). Not where a line holds two pieces: a text browser's grid or a
    PDF's text prints 自然人, centred down its two rows, on the line below 法人或其他组织
    (``法人或其他组织 ⏎ 自然人 … 总计``) — that joined reading cost 728 right cells of w3m's
    wide text of wild44, left null. Measured over 14,220 texts of the matrix and wild4, wild44,
    wild36 and wild5: see docs/renderings.md §69."""
    found: list[str] = []
    for piece in pieces:
        part = PARTS.get(label_key(piece))
        if part is not None:  # 自 of 自然人, 总 of 总计: a cell wrapped in its narrow column (w3m)
            if part in _FIRST_ROW:
                found.append(part)
            continue
        if _more_header_text(piece):
            continue
        found += [ref for seg in segment(piece)
                  if (ref := next((p.ref for p in seg.phrases if p.table == "table3" and p.kind == "header"), None))
                  in _FIRST_ROW]
    return found


def _out_of_order_in(found: list[str], row: tuple[str, ...]) -> bool:
    seen = [label for label in found if label in row]
    return len(seen) >= 2 and len(set(seen)) == len(seen) and seen != sorted(seen, key=row.index)


def _out_of_order(found: list[str]) -> bool:
    """Whether ``found`` prints two labels of one header row in another order than the template's."""
    for row in HEADER_ROWS:
        seen = [label for label in found if label in row]
        if len(seen) >= 2 and len(set(seen)) == len(seen) and seen != sorted(seen, key=row.index):
            return True
    return False


def null_applicant_cells(table3: dict[str, dict], provenance: dict[str, Any]) -> None:
    """Leave every applicant cell of table 三 null (and without provenance): which column a
    value of a row read by position stands in cannot be told."""
    keys = {m.key for m in APPLICANT_COLUMNS}
    for row_key, cells in table3.items():
        for col in keys & set(cells):
            cells[col] = None
            provenance.pop(f"table3.{row_key}.{col}", None)


__all__ = [
    "HEADER_ROWS",
    "PARTS",
    "PRINTED_ORDER",
    "TABLE_HEADER",
    "columns_in_template_order",
    "move_columns",
    "null_applicant_cells",
    "order_printed_in_lines",
    "order_printed_in_text",
    "row_lines",
    "whole_labels",
]
