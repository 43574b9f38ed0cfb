"""HTML tables as grids: where each cell sits, which tables hold data, and which ``<div>``
trees are tables drawn with CSS.

:func:`place` is the HTML table algorithm: cells fill each row left to right, skipping the
positions that row/column spans from earlier cells already cover; a span never reaches past
the end of its row group. :func:`is_layout` tells a table used to lay out a page (cells
holding prose, headings, lists or other tables) from a data table. :func:`div_rows` finds
tables made of ``<div>``s: ``display: table`` styles, ``table``/``tr``/``td`` class names,
or a box of rows that each hold the same number of cell boxes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .. import limits
from ..document import Cell, Position, Table
from .html_text import GRID_BOX_TAGS, collapse, display, is_block, is_hidden, is_skipped, none_hidden, tag_of, text_of
from .wrapped import wrapped_number

MAX_ROWSPAN = 65534  # the HTML standard's limit (a colspan is bounded by the ``span`` limit)
SPAN_DIGITS = 9  # digits of a span read; a longer number is over any limit anyway
PAGE_CHARS = 400  # a cell this long holds a page's text, not data
PROSE_CHARS = 150  # a cell this long is prose whatever it says
SENTENCE_CHARS = 60  # … and so is a cell this long that ends a sentence
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_LEADING_INT = re.compile(r"^\s*(\d+)")  # as browsers read a span; its length is checked before int()
_ROW_GROUPS = ("thead", "tbody", "tfoot")
_ROW_GROUP_DISPLAYS = ("table-row-group", "table-header-group", "table-footer-group")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PAGE_BLOCKS = ("ul", "ol", "dl", "blockquote", "form", "article", "section")
_INNER_BLOCKS = ("table", *_HEADINGS)  # a cell holding one of these lays out a page
_TABLE_CLASSES = {"table", "tb", "tbl", "table-box", "div-table", "divtable"}
_GROUP_CLASSES = {"thead", "tbody", "tfoot", "table-row-group"}
_ROW_CLASSES = {"tr", "table-row", "tb-row", "tbl-row"}
_CELL_CLASSES = {"td", "th", "table-cell", "cell", "tb-cell", "tbl-cell"}


# ------------------------------------------------------------------ <table>

def row_groups(table: etree._Element) -> list[list[etree._Element]]:
    """The rows of a table (not of tables inside it), by row group, hidden rows left out; a
    ``<tfoot>`` last wherever the source writes it (HTML 4 wrote it before ``<tbody>``; a
    browser draws it under the body)."""
    groups: list[list[etree._Element]] = []
    feet: list[list[etree._Element]] = []
    loose: list[etree._Element] = []
    for child in table:
        tag = tag_of(child)
        if tag == "tr":
            loose.append(child)
        elif tag in _ROW_GROUPS and not is_hidden(child):  # is_skipped, its tag known
            if loose:
                groups.append(loose)
                loose = []
            # lxml's HTML parser writes tags in lower case
            (feet if tag == "tfoot" else groups).append(list(child.iterchildren("tr")))
    if loose:
        groups.append(loose)
    groups += feet
    if none_hidden():
        return groups  # no row is hidden
    return [[tr for tr in g if not is_hidden(tr)] for g in groups]  # every one a <tr>: is_skipped


def row_cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if tag_of(c) in ("td", "th") and not is_hidden(c)]  # is_skipped, its tag known


_CELL_TAGS = ("td", "th")


def _shown_cells(row: etree._Element) -> list[etree._Element]:
    """:func:`row_cells` on a page that hides nothing (:func:`none_hidden`): the ``<td>`` and
    ``<th>`` children picked by lxml in C, in order. The same elements: lxml's HTML parser
    writes every tag in lower case, so ``tag_of`` is the tag itself, and none is hidden."""
    return list(row.iterchildren(*_CELL_TAGS))


def _span(cell: etree._Element, name: str, limit: int) -> int:
    given = cell.get(name)
    if given is None:
        return 1  # no span attribute (nearly every cell): what the reading below gives for ""
    m = _LEADING_INT.match(given)
    digits = (m.group(1).lstrip("0") or "0") if m else "1"
    value = int(digits[:SPAN_DIGITS]) if len(digits) <= SPAN_DIGITS else limit + 1
    return min(value, limit) if value > 0 else (0 if name == "rowspan" else 1)


def _too_wide(el: etree._Element, what: str, n: int) -> limits.LimitExceeded:
    lim = limits.active()
    m = _LEADING_INT.match(el.get("colspan" if what == "columns" else "rowspan") or "")
    digits = (m.group(1).lstrip("0") if m else "") or str(n)
    count = digits if len(digits) <= SPAN_DIGITS else f"a {len(digits)}-digit number of"
    return limits.exceeded("span", f"HTML table cell at line {el.sourceline} spans {count} {what}, "
                                   f"more than {lim.span}")


LINE_POSITIONS_KEPT = 1 << 14  # source lines whose (frozen) Position is kept, shared by every cell on the line


@lru_cache(maxsize=LINE_POSITIONS_KEPT)
def line_position(line: int | None) -> Position:
    """The Position of a source line: one frozen object per line, shared by the cells of
    every table and page printed on it (a frozen dataclass costs three attribute sets to make)."""
    return Position(line=line)


def place(groups: list[list[list[etree._Element]]], pos: Position,
          texts: dict[etree._Element, str] | None = None) -> Table:
    """A Table from row groups of rows of cell elements, by the HTML table algorithm.
    ``texts``: cells' texts already read (by :func:`is_layout`), not read again."""
    texts = texts or {}
    lim = limits.active()
    cells: list[Cell] = []
    # positions covered by cells that span more than one: a later cell skips them. A cell of
    # one position is only counted: no cell placed after it can reach back to it
    covered: set[tuple[int, int]] = set()
    singles = 0
    top = 0
    positions: dict[int | None, Position] = {}  # line_position of the lines seen, looked up without a call
    for group in groups:
        end = top + len(group)
        for r, row in enumerate(group, start=top):
            if limits.time_is_up():  # the message is made only when it is needed
                limits.check_time(f"HTML table row {r + 1} (line {row[0].sourceline if row else pos.line})")
            col = 0
            for el in row:
                if covered:
                    while (r, col) in covered:
                        col += 1
                names = el.keys()  # one read of the names: most cells span nothing
                if "colspan" in names or "rowspan" in names:
                    colspan = _span(el, "colspan", lim.span + 1)
                    if colspan > lim.span:
                        raise _too_wide(el, "columns", colspan)
                    rowspan = _span(el, "rowspan", MAX_ROWSPAN)
                    rowspan = end - r if rowspan == 0 else min(rowspan, end - r)  # never past its row group
                    if rowspan > lim.span:
                        raise _too_wide(el, "rows", rowspan)
                else:
                    colspan = 1
                    rowspan = 1  # what the reading above gives without either attribute (r < end)
                if len(covered) + singles + rowspan * colspan > lim.table_cells:
                    raise limits.exceeded("table_cells", f"HTML table at line {pos.line} covers more than "
                                                         f"{lim.table_cells} cells")
                if rowspan * colspan == 1:
                    singles += 1
                else:
                    covered.update((rr, cc) for rr in range(r, r + rowspan) for cc in range(col, col + colspan))
                text = texts.get(el)
                if text is None:
                    text = text_of(el)
                if rowspan == 1 and "\n" in text:
                    text = wrapped_number(text.split("\n")) or text
                line = el.sourceline
                at = positions.get(line)
                if at is None:
                    at = positions[line] = line_position(line)
                cells.append(Cell(text, r, col, rowspan, colspan, at))
                col += colspan
        top = end
    return Table(cells, pos)


def cell_groups(table: etree._Element) -> list[list[list[etree._Element]]]:
    """The cell elements of a table, row by row within each row group (hidden ones left
    out): found once, then read by :func:`is_layout` and placed by :func:`place`."""
    cells_of = _shown_cells if none_hidden() else row_cells
    return [list(map(cells_of, group)) for group in row_groups(table)]


def table_of(table: etree._Element, texts: dict[etree._Element, str] | None = None,
             groups: list[list[list[etree._Element]]] | None = None) -> Table:
    """The Table of a ``<table>`` (``groups``: its :func:`cell_groups`, when already found)."""
    return place(cell_groups(table) if groups is None else groups, Position(line=table.sourceline), texts)


def is_layout(table: etree._Element, texts: dict[etree._Element, str] | None = None,
              groups: list[list[list[etree._Element]]] | None = None) -> bool:
    """A table that lays out a page rather than holding data: a single cell; a cell that
    holds another table, a heading or a page's worth of text; or prose (sentences, lists)
    in a third of its cells. The cells' texts it reads are kept in ``texts`` when given
    (reading a cell's text is most of the cost of reading a table: :func:`table_of` takes
    them); ``groups`` are its :func:`cell_groups`, when already found."""
    cells = [c for group in (cell_groups(table) if groups is None else groups) for row in group for c in row]
    if len(cells) <= 1:
        return True
    filled = 0
    prose = 0
    for cell in cells:  # each a <td> or <th> (row_cells): neither a block it looks for nor a <pre>
        inside = len(cell)
        if inside:  # elements inside: any of them may be a table or a heading
            if _holds(cell, _INNER_BLOCKS):
                return True
            text = text_of(cell)
        else:  # no element inside (most cells): text_of inline, and _holds is False
            text = collapse(cell.text or "")
        if texts is not None:
            texts[cell] = text
        if len(text) >= PAGE_CHARS:
            return True
        if text:
            filled += 1
            # is_prose only where the text is long enough to be prose (most cells are short)
            prose += (len(text) >= SENTENCE_CHARS and is_prose(text)) or (inside > 0 and _holds(cell, _PAGE_BLOCKS))
    return prose * 3 >= filled > 0


def _holds(cell: etree._Element, tags: tuple[str, ...]) -> bool:
    """Does the cell (or an element inside it) have one of these tags?"""
    if not len(cell):  # no element inside (most cells): only its own tag can be one
        return cell.tag in tags
    return next(cell.iter(*tags), None) is not None


def is_prose(text: str) -> bool:
    """Running text rather than a label or a value."""
    size = len(text)
    return size >= PROSE_CHARS or (size >= SENTENCE_CHARS and bool(_SENTENCE_END.search(text)))


# ------------------------------------------------------------------ <div> grids

def div_rows(el: etree._Element) -> list[list[etree._Element]] | None:
    """The rows of cell elements of a table drawn with ``<div>``s, or None if ``el`` is not one."""
    if tag_of(el) not in GRID_BOX_TAGS:
        return None
    kids = _shown(el)
    if len(kids) < 2 and not _table_like(el):
        return None
    if _table_like(el) or all(_row_like(k) for k in kids):
        rows = []
        for kid in kids:
            if _group_like(kid):
                rows += [_shown(r) for r in _shown(kid)]
            else:
                rows.append(_shown(kid))
        return rows if _is_grid(rows, uniform=False) else None
    if not all(tag_of(k) == "div" for k in kids):
        return None
    rows = [_shown(k) for k in kids]
    return rows if _is_grid(rows, uniform=True) else None


def _shown(el: etree._Element) -> list[etree._Element]:
    return [k for k in el if not is_skipped(k) and tag_of(k) != "br"]


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").lower().split())


def _table_like(el: etree._Element) -> bool:
    return display(el) == "table" or bool(_classes(el) & _TABLE_CLASSES)


def _group_like(el: etree._Element) -> bool:
    return display(el) in _ROW_GROUP_DISPLAYS or bool(_classes(el) & _GROUP_CLASSES)


def _row_like(el: etree._Element) -> bool:
    return display(el) == "table-row" or bool(_classes(el) & _ROW_CLASSES) or _group_like(el)


def _is_grid(rows: list[list[etree._Element]], uniform: bool) -> bool:
    """At least two rows, at least two columns, some text, every cell a short box of inline
    content; for a grid known only by its shape, every row as wide as the others."""
    widths = {len(r) for r in rows}
    if len(rows) < 2 or max(widths, default=0) < 2 or (uniform and len(widths) != 1):
        return False
    texts = []
    for row in rows:
        for cell in row:
            if uniform and tag_of(cell) != "div" and not (_classes(cell) & _CELL_CLASSES):
                return False
            if any(is_block(d) or tag_of(d) == "table" for d in cell.iterdescendants() if tag_of(d) != "p"):
                return False
            texts.append(text_of(cell))
            if is_prose(texts[-1]):
                return False
    return any(texts)


def div_table(el: etree._Element, rows: list[list[etree._Element]]) -> Table:
    return place([rows], Position(line=el.sourceline))
