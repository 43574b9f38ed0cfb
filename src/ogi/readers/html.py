"""Read an HTML page: its visible text as paragraphs and its data tables as cell grids,
in reading order.

Every block element (``<p>``, ``<div>``, ``<h1>``, ``<li>`` …) and every ``<br>``-separated
line outside tables is a Paragraph. A ``<table>`` that holds data becomes a Table with its
row and column spans; one that lays out the page is unwrapped, cell by cell, into the
paragraphs and tables it holds. Tables drawn with ``<div>``s are read as tables too. Each
paragraph and cell keeps the source line of its element. What the page does not show
(scripts, styles, comments, elements hidden inline or by the page's style sheets) is left out.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..document import Block, Document, Paragraph, Position
from . import UnreadableFile
from .decode import declared_charset, decode
from .html_css import apply_hiding
from .html_meta import page_meta
from .html_tables import div_rows, div_table, is_layout, row_cells, row_groups, table_of
from .html_text import BREAK, Run, lines, tag_of, walk

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSER = lxml.html.HTMLParser(huge_tree=True)  # no depth limit: unclosed tags nest deep


def read_html(data: bytes) -> Document:
    """Read the bytes of an HTML page (UTF-8 or GBK/GB18030, declared or not)."""
    text, _ = decode(data, declared_charset(data))
    root = parse(text)
    apply_hiding(root)
    body = root.find("body")
    blocks = _Reader().read(body if body is not None else root)
    return Document(blocks, "html", page_meta(root))


def parse(text: str) -> etree._Element:
    """The element tree of an HTML page; an empty page is an error."""
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile(f"the HTML page cannot be read: {exc}") from exc


class _Reader:
    """Walks a page once, collecting blocks in reading order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._grids: dict[etree._Element, list[list[etree._Element]]] = {}  # <div> tables found

    def read(self, el: etree._Element) -> list[Block]:
        self._flow(el)
        return self.blocks

    def _flow(self, el: etree._Element) -> None:
        pending: list = []
        for item in walk(el, self._is_structure):
            if isinstance(item, Run) or item is BREAK:
                pending.append(item)
                continue
            self._paragraphs(pending)
            pending = []
            if tag_of(item) == "table":
                self._table(item)
            else:
                self.blocks.append(div_table(item, self._grids.pop(item)))
        self._paragraphs(pending)

    def _paragraphs(self, items: list) -> None:
        self.blocks += [Paragraph(run.text, Position(line=run.line)) for run in lines(items)]

    def _is_structure(self, el: etree._Element) -> bool:
        if tag_of(el) == "table":
            return True
        rows = div_rows(el)
        if rows is not None:
            self._grids[el] = rows
        return rows is not None

    def _table(self, table: etree._Element) -> None:
        for caption in table.iterchildren("caption"):
            self._flow(caption)
        if is_layout(table):
            for group in row_groups(table):
                for tr in group:
                    for cell in row_cells(tr):
                        self._flow(cell)
            return
        grid = table_of(table)
        if any(c.text for c in grid.cells):
            self.blocks.append(grid)
