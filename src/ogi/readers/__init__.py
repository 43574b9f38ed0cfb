"""Readers: bytes of a file → Document. One module per input kind; none of them knows
anything of annual reports. :func:`read` picks the reader by content, not by name.

Every reader works within the limits in force (:mod:`ogi.limits`), enforced where it
reads; :func:`read` adds the two that hold for any kind of file, on what the reader
returns: the characters of text (a plain-text file is measured before it is decoded,
at most four bytes a character) and the grid of each table (rows × columns)."""

from __future__ import annotations

from .. import limits
from ..document import Document, Paragraph
from .decode import DecodeError, declared_charset, decode
from .errors import LimitExceeded, UnreadableFile
from .text import parse_text

BYTES_PER_CHAR = 4  # at most, in UTF-8 and GB18030


# the kinds of file the readers take, by suffix (a file is read by its content, whatever
# its name; these are for choosing files: a folder walk, an upload form)
SUFFIXES = (".txt", ".htm", ".html", ".shtml", ".xhtml", ".pdf", ".doc", ".docx", ".wps", ".rtf", ".odt", ".xlsx",
            ".png", ".jpg", ".jpeg", ".tif", ".tiff")


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
    if data[:4] in (b"\x89PNG", ) or data[:3] == b"\xff\xd8\xff":
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
    doc = _read(data, name, kind)
    check_document(doc)
    return doc


def _read(data: bytes, name: str, kind: str) -> Document:
    try:
        if kind == "txt":
            lim = limits.active()
            if len(data) > BYTES_PER_CHAR * lim.text_chars:
                raise limits.exceeded("text_chars", f"the text file has {limits.size(len(data))}, more than "
                                                    f"{lim.text_chars} characters can take")
            text, _ = decode(data)
            return parse_text(text)
        if kind == "html":
            from .html import read_html
            return read_html(data)
        if kind == "pdf":
            from .pdf import read_pdf
            return read_pdf(data)
        if kind == "docx":
            from .docx import read_docx
            return read_docx(data)
        if kind in ("doc", "rtf", "zip"):
            from .office import read_office
            return read_office(data, name)
        if kind == "image":
            from .ocr import read_image
            return read_image(data)
        if kind == "xlsx":
            from .xlsx import read_xlsx
            return read_xlsx(data)
    except DecodeError as exc:
        raise UnreadableFile(str(exc)) from exc
    except ImportError as exc:
        raise UnreadableFile(f"cannot read {kind} files: {exc}") from exc
    raise UnreadableFile(f"cannot read {kind} files")


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
        chars += sum(len(c.text) for c in block.cells)
        if chars > lim.text_chars:
            break
    if chars > lim.text_chars:
        raise limits.exceeded("text_chars", f"the file holds more than {lim.text_chars} characters of text")


__all__ = ["SUFFIXES", "UnreadableFile", "LimitExceeded", "check_document", "read", "sniff", "DecodeError", "declared_charset", "decode"]
