"""Read an HTML page: its visible text as paragraphs and its data tables as cell grids,
in reading order.

Every block element (``<p>``, ``<div>``, ``<h1>``, ``<li>`` …) and every ``<br>``-separated
line outside tables is a Paragraph. A ``<table>`` that holds data becomes a Table with its
row and column spans; one that lays out the page is unwrapped, cell by cell, into the
paragraphs and tables it holds. Tables drawn with ``<div>``s are read as tables too. Each
paragraph and cell keeps the source line of its element. What the page does not show
(scripts, styles, comments, elements hidden inline or by the page's style sheets) is left out.
A page whose lines are placed by coordinates (an online preview of a PDF) is laid out as
text by them instead, and a page that is all ``<pre>`` is read as the text it holds
(``html_positioned``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

import lxml.html
from lxml import etree

from .. import limits
from ..document import Block, Document, Paragraph
from ..extract.colorder import PRINTED_ORDER
from .errors import UnreadableFile
from .decode import declared_charset, decode
from .html_css import apply_hiding
from .html_meta import page_meta
from .html_srcdoc import frames_in_place
from .html_positioned import positioned_text, preformatted_text
from .html_tables import cell_groups, div_rows, div_table, is_layout, line_position, table_of
from .html_text import BREAK, Run, lines, nothing_hidden, tag_of, walk

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSER = lxml.html.HTMLParser(huge_tree=True)  # no depth limit: unclosed tags nest deep
# The same parser with lxml's plain elements, for reading: lxml.html's element classes are
# chosen by a Python function for every element the reader touches (~3% of an HTML report),
# and the reader uses none of their methods. :func:`parse` keeps them for its callers.
_PLAIN_PARSER = etree.HTMLParser(huge_tree=True)
CHECK_EVERY = 256  # walk items between two looks at the deadline


def read_html(data: bytes) -> Document:
    """Read the bytes of an HTML page (UTF-8 or GBK/GB18030, declared or not)."""
    text, _ = decode(data, declared_charset(data))
    text = frames_in_place(text)  # an <iframe srcdoc>'s document in its place (fresh18's, readers/html_srcdoc)
    root, pairs = _parse_counted(text, _PLAIN_PARSER)
    apply_hiding(root, pairs if pairs is not None else partial(_pairs, root))
    laid = positioned_text(root) if "absolute" in text else None  # a PDF's online preview
    if laid is None and "<pre" in text:
        laid = preformatted_text(root)  # a text file in an HTML wrapper
    if laid is not None:
        return _laid_out(laid, page_meta(root))
    body = root.find("body")
    with nothing_hidden(root):
        blocks = _Reader().read(body if body is not None else root)
    return Document(blocks, "html", page_meta(root))


def _laid_out(text: str, meta: dict[str, str]) -> Document:
    """The text of a page laid out by its coordinates, read as text (see ``html_positioned``)."""
    from . import read_txt

    doc = read_txt(text.encode("utf-8"))
    printed = doc.meta.get(PRINTED_ORDER)  # table 三's header order, read before the text reader's rewriting
    return Document(doc.blocks, "html", {**meta, PRINTED_ORDER: printed} if printed else meta)


def parse(text: str) -> etree._Element:
    """The element tree of an HTML page; an empty page is an error."""
    return _parse_counted(text)[0]


def _parse_counted(text: str, parser: etree.HTMLParser = _PARSER) -> tuple[etree._Element, int | None]:
    """The element tree and its (ancestor, element) pairs (None: not counted, see
    :func:`_check_depth`)."""
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile(f"the HTML page cannot be read: {exc}") from exc
    return root, _check_depth(root)


def _check_depth(root: etree._Element) -> int | None:
    """Refuse a page whose elements nest deeper than the ``depth`` limit; return the sum of
    every element's depth, the (ancestor, element) pairs a descendant selector walks (see
    ``html_css``). Counted without recursion: lxml walks the tree.

    A tree of no more nodes than the limit (text nodes counted too, by one XPath count in C)
    cannot nest deeper than it: it is not walked, and None is returned — its pairs are
    counted by :func:`_pairs` only if a style rule asks (the walk in Python cost a third of
    the lxml build of a report's page)."""
    lim = limits.active()
    if root.xpath("count(descendant-or-self::node())") <= lim.depth:
        return None
    return _pairs(root, lim.depth)


def _pairs(root: etree._Element, most: int | None = None) -> int:
    """The sum of every element's depth; refused where one nests deeper than ``most``."""
    depth = pairs = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        pairs += depth
        if most is not None and depth > most:
            raise limits.exceeded("depth", f"HTML elements nest more than {most} deep (at line {el.sourceline})")
    return pairs


class _Reader:
    """Walks a page once, collecting blocks in reading order.

    Layout tables are unwrapped into the content of their cells, which may hold layout
    tables again; the walk keeps its own stack of what is left to read at each level
    instead of recursing, so a page of tables nested thousands deep reads without
    exhausting Python's stack (and stops at the ``depth`` limit)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._grids: dict[etree._Element, list[list[etree._Element]]] = {}  # <div> tables found

    def read(self, el: etree._Element) -> list[Block]:
        lim = limits.active()
        stack: list[Iterator] = [self._flow(el)]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
            elif len(stack) > lim.depth:
                raise limits.exceeded("depth", f"HTML tables nest more than {lim.depth} deep")
            else:
                stack.append(step)
        return self.blocks

    def _flow(self, el: etree._Element) -> Iterator[Iterator]:
        """Read the content of ``el``; yields the reading of each layout table's content,
        to be read (to its end) before this one goes on."""
        pending: list = []
        for n, item in enumerate(walk(el, self._is_structure)):
            if n % CHECK_EVERY == 0:
                limits.check_time(f"HTML line {getattr(item, 'line', None) or getattr(item, 'sourceline', '?')}")
            if isinstance(item, Run) or item is BREAK:
                pending.append(item)
                continue
            self._paragraphs(pending)
            pending = []
            if tag_of(item) == "table":
                yield self._table(item)
            else:
                self.blocks.append(div_table(item, self._grids.pop(item)))
        self._paragraphs(pending)

    def _paragraphs(self, items: list) -> None:
        self.blocks += [Paragraph(run.text, line_position(run.line)) for run in lines(items)]  # one Position a line

    def _is_structure(self, el: etree._Element) -> bool:
        """A ``<table>``, or a table drawn with boxes (:func:`div_rows`, whose tags are
        :data:`STRUCTURE_TAGS` too: ``walk`` asks about no other element)."""
        if tag_of(el) == "table":
            return True
        rows = div_rows(el)
        if rows is not None:
            self._grids[el] = rows
        return rows is not None

    def _table(self, table: etree._Element) -> Iterator[Iterator]:
        for caption in table.iterchildren("caption"):
            yield self._flow(caption)
        texts: dict[etree._Element, str] = {}
        groups = cell_groups(table)  # found once, for the test and for the reading
        if is_layout(table, texts, groups):
            for group in groups:
                for row in group:
                    for cell in row:
                        yield self._flow(cell)
            return
        grid = table_of(table, texts, groups)
        if any(c.text for c in grid.cells):
            self.blocks.append(grid)
