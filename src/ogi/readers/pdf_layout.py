"""From upright page contents to document blocks in reading order.

Per page: ruled tables, then the remaining lines (running headers, footers and page
numbers left out), unruled tables found in them by column alignment, and paragraphs
rebuilt from line geometry. Across pages: a paragraph broken by the page is joined; a
table continued on the next page stays a table of its own, minus a repeated copy of its
header rows and of the blank lower parts of label cells, and a row the break cut in two
is joined.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

from ..document import Block, Paragraph, Position, Table
from .pdf_columns import unruled_tables
from .pdf_grid import PlacedTable, ruled_tables
from .pdf_lines import SPACE_GAP, Line, group_lines, is_wide, join_lines, union
from .pdf_page import PageContent

MARGIN_SHARE = 0.12  # running headers and footers sit in this share of the page height
EDGE_LINES = 2  # how many lines at the top and bottom of a page may be a header or footer
INDENT = 1.5  # a line starting this many line heights right of the text's left edge is indented
SHORT = 2.0  # a line ending this many line heights left of the right edge ends its paragraph
PARAGRAPH_GAP = 1.6  # a gap this many times the usual line gap starts a paragraph
SIZE_CHANGE = 0.15  # lines whose heights differ by this share are in different paragraphs

_NO_LINE_START = "，。、；：？！）》」』】〉”’…,.;:?!)]}%"  # punctuation a line may not begin with (kinsoku)
_WORDS = re.compile(r"[^\W\d_#]")  # a running header or footer has words; a row of numbers repeated at a page's edge is a table's
_NUMBER = re.compile(r"^\s*[-+]?\d[\d,，.]*\s*(?:万元|元|%)?\s*$")
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–_·•]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/／]\s*(?:共\s*)?\d{1,4}\s*页?|共\s*\d{1,4}\s*页)?[\s\-—–_·•]*$"
    r"|^[\s\-—–]*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\s\-—–]*$", re.IGNORECASE)


@dataclass
class PageLayout:
    content: PageContent
    tables: list[PlacedTable] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.content.number

    @property
    def height(self) -> float:
        return self.content.height


@dataclass
class _Para:
    lines: list[Line]
    page: int
    index: int  # 1-based line number of its first line within the page
    ends_short: bool = False
    shortfall: float = 0.0  # pt its last line ends left of the text's right edge
    measure: float = 0.0  # pt from the text's left edge to its right edge on its page
    starts_indented: bool = False
    bbox: tuple[float, float, float, float] | None = None  # of its lines on its own page

    @property
    def top(self) -> float:
        return self.lines[0].top


def page_layout(page: PageContent) -> PageLayout:
    tables, free = ruled_tables(page)
    return PageLayout(page, tables, group_lines(free))


def document_blocks(pages: list[PageLayout]) -> list[Block]:
    """Blocks of all pages in reading order."""
    _drop_running_lines(pages)
    items: list[tuple[int, float, Table | _Para]] = []
    carried: tuple[float, ...] = ()
    for page in pages:
        tables, lines = unruled_tables(page.lines, page.content, carried if not page.tables else ())
        carried = _ending_label_starts(page, tables, lines)
        for t in page.tables + tables:
            items.append((page.number, t.top, t.table))
        for para in _paragraphs(lines, page.number, [t.bbox for t in page.tables + tables]):
            para.bbox = page.content.box(*union(para.lines))
            items.append((page.number, para.top, para))
    items.sort(key=lambda it: (it[0], it[1]))
    blocks: list[Block] = []
    prev: Table | _Para | None = None
    head: Table | None = None  # the first part of the table the latest table continues
    for _, _, item in items:
        if isinstance(item, _Para) and isinstance(prev, _Para) and prev.page != item.page \
                and not (prev.ends_short and _fits(item.lines[0], prev.shortfall, prev.measure)) and not item.starts_indented:
            prev.lines += item.lines  # a paragraph broken by the page
            blocks[-1] = _paragraph(prev)
            continue
        if isinstance(item, Table) and isinstance(prev, Table) and item.pos.page != prev.pos.page:
            _drop_repeated_header(head or prev, item) or _drop_repeated_header(prev, item)
            _join_broken_row(prev, item)
            _drop_continued_blanks(prev, item)
            if not item.cells:
                continue
        blocks.append(_paragraph(item) if isinstance(item, _Para) else item)
        if isinstance(item, Table) and not (isinstance(prev, Table) and item.pos.page != prev.pos.page):
            head = item
        prev = item
    return blocks


def _ending_label_starts(page: PageLayout, tables: list[PlacedTable], lines: list[Line]) -> tuple[float, ...]:
    """The label columns of the unruled table that ends the page (nothing printed below
    it), which a table opening the next page may continue; none otherwise."""
    if not tables:
        return ()
    last = max(tables, key=lambda t: t.bbox[3])
    below = [ln for ln in lines if ln.top >= last.bbox[3]] + [t for t in page.tables if t.bbox[1] >= last.bbox[3]]
    return () if below else last.label_starts


def _paragraph(p: _Para) -> Paragraph:
    return Paragraph(join_lines([ln.text for ln in p.lines]), Position(line=p.index, page=p.page, bbox=p.bbox))


# ------------------------------------------------------------------ headers and footers

def _drop_running_lines(pages: list[PageLayout]) -> None:
    """Leave out page numbers and lines repeated at the top or bottom of several pages."""
    candidates: list[tuple[PageLayout, Line, str]] = []
    for page in pages:
        lines = page.lines
        edge = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        tables_top = min((t.bbox[1] for t in page.tables), default=page.height)
        tables_bottom = max((t.bbox[3] for t in page.tables), default=0)
        for ln in {id(ln): ln for ln in edge}.values():
            in_margin = ln.bottom <= min(page.height * MARGIN_SHARE, tables_top) \
                or ln.top >= max(page.height * (1 - MARGIN_SHARE), tables_bottom)
            if in_margin:
                candidates.append((page, ln, re.sub(r"\d+", "#", ln.text.replace(" ", ""))))
    repeated = Counter(key for _, _, key in candidates)
    needed = max(2, (len(pages) + 1) // 2)
    for page, ln, key in candidates:
        if _PAGE_NUMBER.match(ln.text) or (len(pages) > 1 and repeated[key] >= needed and _WORDS.search(key)):
            page.lines[:] = [x for x in page.lines if x is not ln]


# ------------------------------------------------------------------ paragraphs

def _paragraphs(lines: list[Line], page: int, tables: list[tuple[float, float, float, float]]) -> list[_Para]:
    if not lines:
        return []
    height = median(ln.height for ln in lines)
    left = min(ln.x0 for ln in lines)
    right = max([ln.x1 for ln in lines] + [t[2] for t in tables])  # tables span the text width too
    gaps = [b.top - a.bottom for a, b in pairwise(lines) if b.top > a.bottom]
    usual_gap = median(gaps) if gaps else height
    out: list[_Para] = []
    for i, ln in enumerate(lines, start=1):
        indented = ln.x0 - left > INDENT * height
        short = right - ln.x1 > SHORT * height
        prev = out[-1] if out else None
        if prev is None or (prev.ends_short and _fits(ln, prev.shortfall, prev.measure)) or indented or _other_size(prev.lines[-1], ln) \
                or ln.top - prev.lines[-1].bottom > PARAGRAPH_GAP * usual_gap + 1 \
                or any(prev.lines[-1].bottom <= t[1] and t[3] <= ln.top for t in tables):
            out.append(_Para([ln], page, i, starts_indented=indented))
        else:
            prev.lines.append(ln)
        out[-1].ends_short = short
        out[-1].shortfall, out[-1].measure = right - ln.x1, right - left
    return out


def _fits(line: Line, room: float, measure: float) -> bool:
    """Would the first unbreakable unit of ``line`` have fitted in ``room`` at the end of
    the line above? A line ends short either because its paragraph ends there, or because
    the next unit did not fit: a Latin word or number, or a Chinese character together
    with the punctuation that may not begin a line (``例》，`` is moved down as one, so
    a ragged-right line can end three characters short and its paragraph go on). A unit
    as wide as the whole text (a run of hundreds of digits) fills a line alone wherever
    it falls and proves nothing: the short line ends its paragraph."""
    fs = line.fragments
    k = 1
    if not is_wide(fs[0].text[:1]):
        while k < len(fs) and not is_wide(fs[k].text[:1]) and fs[k].x0 - fs[k - 1].x1 <= SPACE_GAP * line.height:
            k += 1
    while k < len(fs) and fs[k].text[:1] in _NO_LINE_START:
        k += 1
    unit = fs[k - 1].x1 - fs[0].x0
    return unit <= room or unit >= measure - line.height  # a unit filling a line alone says nothing


def _other_size(a: Line, b: Line) -> bool:
    return abs(a.height - b.height) > SIZE_CHANGE * max(a.height, b.height)


# ------------------------------------------------------------------ tables across pages

def _drop_repeated_header(prev: Table, nxt: Table) -> int:
    """Drop the first rows of ``nxt`` when they repeat the first rows of ``prev`` word for
    word and hold no digit: a header printed again on the next page. ``prev`` is the first
    part of the table (a browser repeats its header on every page the table crosses, and
    the parts after the first lost theirs here), else the part on the page before. Returns
    how many rows went."""
    prev_rows, next_rows = prev.rows(), nxt.rows()
    k = 0
    while k < min(len(prev_rows), len(next_rows)) - 1 and _row_key(prev_rows[k]) == _row_key(next_rows[k]) \
            and not any(ch.isdigit() for c in next_rows[k] for ch in c.text) and any(c.text for c in next_rows[k]):
        k += 1
    while k and any(c.row < k < c.row + c.rowspan for c in nxt.cells):
        k -= 1  # never cut through a cell that spans on below the header
    _drop_rows(nxt, k)
    return k


def _join_broken_row(prev: Table, nxt: Table) -> None:
    """A row the page break cut in two: the next table starts with a row of label text
    only, blank exactly where the last row of ``prev`` printed its values. Its text joins
    the cells above it and the row goes."""
    if not prev.cells or not nxt.cells or prev.n_cols != nxt.n_cols:
        return
    last = prev.n_rows - 1
    above = {c.col: c for c in prev.cells if c.row <= last < c.row + c.rowspan}
    first = [c for c in nxt.cells if c.row == 0]
    has_value = {col for col, c in above.items() if _NUMBER.match(c.text)}
    if not has_value or not any(c.text for c in first) or any(_NUMBER.match(c.text) for c in first):
        return
    if any(c.text and (c.col not in above or c.col in has_value) for c in first):
        return
    for c in first:
        if c.text:
            above[c.col].text = join_lines([above[c.col].text, c.text])
            c.text = ""
    _drop_rows(nxt, 1)


def _drop_continued_blanks(prev: Table, nxt: Table) -> None:
    """Leave out the blank cells left of the first text in the first row of a table that
    continues ``prev``: they are the lower parts of label cells (a group label spanning
    rows) cut by the page, not blank values."""
    if not prev.cells or not nxt.cells or prev.n_cols != nxt.n_cols:
        return
    first = sorted((c for c in nxt.cells if c.row == 0), key=lambda c: c.col)
    lead = []
    for c in first:
        if c.text:
            break
        lead.append(c)
    if len(lead) < len(first):
        nxt.cells[:] = [c for c in nxt.cells if not any(c is x for x in lead)]


def _drop_rows(table: Table, k: int) -> None:
    """Remove the first ``k`` rows; a cell spanning below them keeps its lower part."""
    if not k:
        return
    kept = []
    for c in table.cells:
        if c.row + c.rowspan <= k:
            continue
        c.rowspan -= max(0, k - c.row)
        c.row = max(0, c.row - k)
        kept.append(c)
    table.cells[:] = kept


def _row_key(row) -> tuple:
    return tuple((c.col, c.colspan, re.sub(r"\s+", "", c.text)) for c in row)
