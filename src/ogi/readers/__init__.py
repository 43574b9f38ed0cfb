"""Readers: bytes of a file → Document. One module per input kind; none of them knows
anything of annual reports, nor of forms or JSON (those enter at :mod:`ogi.api`).

:data:`READERS` is the one table of the kinds of file read: each kind with the suffixes it
goes by and the function that reads it, imported only when a file of that kind is read.
:func:`read` picks the reader by content (:func:`sniff`), not by name; the suffixes are
for choosing files (a folder walk, an upload form), and :data:`SUFFIXES` is derived from
the table.

Every reader works within the limits in force (:mod:`ogi.limits`), enforced where it
reads; :func:`read` adds the two that hold for any kind of file, on what the reader
returns: the characters of text (a plain-text file is measured before it is decoded,
at most four bytes a character) and the grid of each table (rows × columns)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from .. import limits
from ..document import Document, Paragraph, Table
from .decode import DecodeError, declared_charset, decode
from .errors import LimitExceeded, UnreadableFile
from .pandoc_marks import strip_attributes
from .celllines import blank_cells_on_lines
from .md_escapes import unescaped_markdown
from .markup_tables import markup_tables_as_pipes
from .csvtext import csv_as_tabs
from .frames import drop_frame_index
from .charrefs import character_references
from .cutcells import join_cut_columns
from .md_continued import widen_continued
from .md_labelcols import span_short_labels
from .md_twoheads import split_merged_columns
from .md_tworows import split_stacked_rows
from .md_glued import split_glued_units
from .md_emptycols import join_empty_columns
from .md_turned import turn_headerless_tables
from .md_guessed import guessed_grids_as_lines
from .md_picture import drop_repeated_rows
from .spans import join_repeated_spans
from ..extract.pagemarks import drop_page_marks
from ..template.normalize import unify_radicals_utf8
from .text import parse_text
from .gloss import strip_glosses

BYTES_PER_CHAR = 4  # at most, in UTF-8 and GB18030


@dataclass(frozen=True)
class Reader:
    """One kind of file: the suffixes files of it go by, and its reader as
    ``"module:function"`` in this package (the function takes the bytes, and the file's
    name too when ``takes_name``)."""

    kind: str
    suffixes: tuple[str, ...]
    function: str
    takes_name: bool = False

    def load(self) -> Callable[..., Document]:
        module, _, name = self.function.partition(":")
        return getattr(importlib.import_module(f"{__name__}{module}" if module else __name__), name)


# kind (as :func:`sniff` names it) → its reader; the order is that of :data:`SUFFIXES`
READERS: dict[str, Reader] = {r.kind: r for r in (
    Reader("txt", (".txt",), ":read_txt"),
    Reader("html", (".htm", ".html", ".shtml", ".xhtml"), ".html:read_html"),
    Reader("pdf", (".pdf",), ".pdf:read_pdf"),
    Reader("doc", (".doc", ".wps"), ".office:read_office", takes_name=True),  # OLE: Word 97–2003, WPS
    Reader("docx", (".docx",), ".docx:read_docx"),
    Reader("rtf", (".rtf",), ".office:read_office", takes_name=True),
    Reader("zip", (".odt",), ".office:read_office", takes_name=True),  # a zip that is not Word or Excel
    Reader("xlsx", (".xlsx",), ".xlsx:read_xlsx"),
    Reader("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff"), ".ocr:read_image"),
)}

# the kinds of file the readers take, by suffix (a file is read by its content, whatever
# its name; these are for choosing files: a folder walk, an upload form)
SUFFIXES = tuple(suffix for reader in READERS.values() for suffix in reader.suffixes)
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")  # PNG, JPEG, TIFF (both byte orders)


def sniff(data: bytes, name: str = "") -> str:
    """The kind of a file from its first bytes (and its name as a hint)."""
    head = data[:2048].lstrip()
    lower = head[:512].lower()
    if data.startswith(b"%PDF") or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or name.lower().endswith(".docx"):
            return "docx"
        if b"xl/" in data[:65536] or name.lower().endswith(".xlsx"):
            return "xlsx"
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    if lower.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lower or b"<body" in lower \
            or b"<table" in data[:65536].lower() or b"<div" in lower or b"<p" in lower[:64]:
        return "html"
    return "txt"


def read(data: bytes, name: str = "") -> Document:
    """Read any supported file into a Document."""
    if not data.strip():
        raise UnreadableFile("the file is empty")
    kind = sniff(data, name)
    if kind in ("txt", "html"):
        data = strip_attributes(data)  # pandoc Markdown's [text]{style=…}: markup, not text
        data = unify_radicals_utf8(data)  # pdfminer's ⼀ for 一: before any pattern reads a line
        data = drop_repeated_rows(data)  # pymupdf4llm's picture text: a table's rows it prints twice
    doc = strip_glosses(_read(data, name, kind))  # 自然人<br>Natural persons: the English is a gloss, not a label
    if kind in ("txt", "html"):  # a column a converter cut in two, made one again
        # a PDF-to-Markdown converter's column guesses: one too many, one too few, blank columns dropped
        doc.blocks = [join_empty_columns(split_stacked_rows(split_glued_units(split_merged_columns(join_cut_columns(b)))))
                      if isinstance(b, Table) else b
                      for b in turn_headerless_tables(doc.blocks)]
        if kind == "html":  # a PDF converter's HTML whose column guess put two values in a cell
            doc.blocks = guessed_grids_as_lines(doc.blocks)
        doc.blocks = widen_continued(doc.blocks)
        doc.blocks = [span_short_labels(b) if isinstance(b, Table) else b for b in doc.blocks]  # (七)总计 in a pipe row
    check_document(doc)
    if kind == "xlsx":  # a sheet written from scraped tables (pandas to_excel): its indexes, spans as repeated text
        doc.blocks = [join_repeated_spans(drop_frame_index(b)) if isinstance(b, Table) else b for b in doc.blocks]
    return doc


def _read(data: bytes, name: str, kind: str) -> Document:
    reader = READERS.get(kind)
    if reader is None:
        raise UnreadableFile(f"cannot read {kind} files")
    try:
        function = reader.load()
        return function(data, name) if reader.takes_name else function(data)
    except DecodeError as exc:
        raise UnreadableFile(str(exc)) from exc
    except ImportError as exc:
        raise UnreadableFile(f"cannot read {kind} files: {exc}") from exc


def read_txt(data: bytes) -> Document:
    """A plain-text file, measured against the text limit before it is decoded."""
    lim = limits.active()
    if len(data) > BYTES_PER_CHAR * lim.text_chars:
        raise limits.exceeded("text_chars", f"the text file has {limits.size(len(data))}, more than "
                                            f"{lim.text_chars} characters can take")
    text, _ = decode(data)
    text = character_references(text)  # pandoc's Textile writes - as &#45; (fresh18's, readers/charrefs)
    text = csv_as_tabs(text) or text  # a spreadsheet's or pandas' CSV: the same rows, TAB between cells
    text = unescaped_markdown(text)  # a Markdown writer's backslash escapes: 1\.属于国家秘密 (mammoth)
    text = markup_tables_as_pipes(text)  # rst grid, AsciiDoc and MediaWiki tables: a row a pipe line
    text = blank_cells_on_lines(text)  # a Word file's text, a cell a line: blank cells kept
    # page numbers and running lines between a PDF's pages; the text as printed proves the numbering
    doc = parse_text(drop_page_marks(text), as_printed=text)
    doc.blocks = [join_repeated_spans(b) if isinstance(b, Table) else b for b in doc.blocks]  # docling's grids
    return doc


_TEXT = attrgetter("text")


def check_document(doc: Document) -> None:
    """The limits on what any reader returns: characters of text, and each table's grid."""
    lim = limits.active()
    chars = tables = 0
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            chars += len(block.text)
            continue
        tables += 1
        rows, cols = block.n_rows, block.n_cols
        if rows * cols > lim.table_cells:
            raise limits.exceeded("table_cells", f"table {tables} spans {rows} rows × {cols} columns, "
                                                 f"more than {lim.table_cells} cells")
        chars += sum(map(len, map(_TEXT, block.cells)))
        if chars > lim.text_chars:
            break
    if chars > lim.text_chars:
        raise limits.exceeded("text_chars", f"the file holds more than {lim.text_chars} characters of text")


__all__ = ["READERS", "Reader", "SUFFIXES", "UnreadableFile", "LimitExceeded", "check_document", "read", "read_txt",
           "sniff", "DecodeError", "declared_charset", "decode"]
