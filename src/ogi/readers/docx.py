"""Read a Word (DOCX) file with python-docx: paragraphs and tables in body order.

Content inside content controls (``w:sdt``) is read in place. Merged cells become spans:
``w:gridSpan`` a column span, ``w:vMerge`` a row span (the merged cell is kept once, at
its top). A table nested in a cell is emitted as a table of its own right after the table
that holds it; a one-column table used as a frame around content is unwrapped. Positions
count paragraphs and table rows in body order (``line``); a DOCX has no fixed pages.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from .. import limits
from ..document import Block, Cell, Document, Paragraph, Position, Table
from .docx_frames import is_frames_body, read_frames
from .errors import UnreadableFile
from .pdf_grid import compact_columns
from .pdf_lines import join_lines
from .zipped import check_package

SPAN_DIGITS = 6  # a grid span or offset with more digits is nonsense
MAX_BLOCKS = 50_000  # paragraphs and table rows; a report has a few hundred
_P, _TBL, _SDT, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:tr"), qn("w:tc")
_T, _TAB = qn("w:t"), qn("w:tab")
_TEXT_PARTS = etree.XPath(  # run content only: a w:tab in w:pPr/w:tabs is a tab stop, not a tab
    ".//w:r/*[self::w:t or self::w:tab or self::w:br or self::w:cr][not(ancestor::mc:Fallback)]",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"})


def read_docx(data: bytes) -> Document:
    check_package(data, "DOCX")  # inflates every part once, within the limits, before python-docx does
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, TypeError,
            AttributeError) as exc:
        raise UnreadableFile(f"the Word file is damaged or not a DOCX ({type(exc).__name__})") from exc
    if body is None:
        raise UnreadableFile("the Word file has no body (word/document.xml holds no w:body)")
    title = (document.core_properties.title or "").strip()
    if is_frames_body(body):  # a PDF imported by LibreOffice: text frames placed by the page's geometry
        return read_frames(body, {"title": title} if title else {})
    reader = _Reader()
    reader.container(body)
    return Document(reader.blocks, "docx", {"title": title} if title else {})


class _Reader:
    """Collects blocks in body order; ``counter`` numbers paragraphs and table rows."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.counter = 0

    def _next_line(self) -> int:
        self.counter += 1
        limits.check_time(f"Word paragraph {self.counter}")
        if self.counter > MAX_BLOCKS:
            raise UnreadableFile(f"the Word file has more than {MAX_BLOCKS} paragraphs and table rows")
        return self.counter

    def container(self, element) -> None:
        """Paragraphs, tables and content controls of a body, cell or ``w:sdtContent``."""
        for child in element.iterchildren():
            if child.tag == _P:
                line = self._next_line()
                text = paragraph_text(child)
                if text:
                    self.blocks.append(Paragraph(text, Position(line=line)))
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag == _SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.container(content)

    def table(self, tbl) -> None:
        rows = _rows(tbl)
        if all(len(tcs) <= 1 for tcs in rows):  # a frame around content, not a grid
            for tcs in rows:
                for tc in tcs:
                    self.container(tc)
            return
        cells: list[Cell] = []
        nested: list = []
        open_cells: dict[int, Cell] = {}  # grid column → cell a vertical merge may extend
        for r, tr in enumerate(rows):
            line = self._next_line()
            col = _grid_before(tr)
            for tc in tr:
                span = _int_prop(tc, "w:gridSpan", 1)
                merge = _vmerge(tc)
                if merge == "continue" and col in open_cells:
                    open_cells[col].rowspan = r - open_cells[col].row + 1
                else:
                    cell = Cell(_cell_text(tc, nested), r, col, colspan=span, pos=Position(line=line))
                    cells.append(cell)
                    open_cells[col] = cell
                col += span
        compact_columns(cells)
        self.blocks.append(Table(cells, cells[0].pos if cells else Position()))
        for inner in nested:
            self.table(inner)


class _Row(list):
    """A row's cells (``w:tc``), remembering the ``w:tr`` for its properties."""

    def __init__(self, tr):
        super().__init__(_unwrap(tr, _TC))
        self.tr = tr


def _rows(tbl) -> list[_Row]:
    """The table's rows, content controls around rows or cells unwrapped."""
    return [_Row(tr) for tr in _unwrap(tbl, _TR)]


def _unwrap(element, tag: str):
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _unwrap(content, tag)


def _grid_before(tr: _Row) -> int:
    pr = tr.tr.find(qn("w:trPr"))
    if pr is None:
        return 0
    el = pr.find(qn("w:gridBefore"))
    return _small_int(el.get(qn("w:val")), 0) if el is not None else 0


def _int_prop(tc, name: str, default: int) -> int:
    pr = tc.find(qn("w:tcPr"))
    el = pr.find(qn(name)) if pr is not None else None
    return max(1, _small_int(el.get(qn("w:val")), default)) if el is not None else default


def _small_int(text: str | None, default: int) -> int:
    """A count in a table property; anything but a plain number of at most a few digits
    (``w:gridSpan="99999999999…"``) is the default. compact_columns makes a span that
    covers no other cell's start one column, so a large one costs nothing."""
    text = (text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= SPAN_DIGITS else default


def _vmerge(tc) -> str | None:
    pr = tc.find(qn("w:tcPr"))
    el = pr.find(qn("w:vMerge")) if pr is not None else None
    if el is None:
        return None
    return "restart" if el.get(qn("w:val")) == "restart" else "continue"


def _cell_text(tc, nested: list) -> str:
    """A cell's paragraphs as one text; tables nested in it are collected in ``nested``."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == _P:
                parts.append(paragraph_text(child))
            elif child.tag == _TBL:
                nested.append(child)
            elif child.tag == _SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(tc)
    return join_lines(parts)


def paragraph_text(p) -> str:
    """The visible text of a ``w:p``: runs, hyperlinks, inline content controls, insertions
    and text boxes (once: not their ``mc:Fallback`` copy); tabs as spaces, line breaks
    joined as in a cell; deleted text left out."""
    out: list[str] = []
    for el in _TEXT_PARTS(p):
        if el.tag == _T:
            out.append(el.text or "")
        else:
            out.append(" " if el.tag == _TAB else "\n")
    return join_lines("".join(out).split("\n"))
