"""The original beside the report's tables: for a text, web page or Word file its text,
block by block with the source lines each came from (so the line a number was read at can
be marked); for a PDF its pages as images rendered with pypdfium2 (a cell's box, where
the reader recorded one, is marked on them); for a scanned image the image itself.

PDFium is not thread-safe: every call into it here holds one lock (files are parsed in
another process, see :mod:`ogi.web.site`). Results are cached by the file's sha256, which
names its content.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..api import read_document
from ..document import Paragraph
from ..readers import UnreadableFile

PAGE_SCALE = 2.0  # PDF points → pixels of the page images (144 dpi)
PAGED = ("pdf", "image")
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class SourceBlock:
    """A paragraph, or one row of a table, with the source lines it spans."""

    first: int | None
    last: int | None
    text: str
    row: bool = False


@dataclass(frozen=True)
class PageSize:
    number: int
    width: float  # points
    height: float


@dataclass
class Original:
    kind: str  # "lines" | "pages" | "missing"
    blocks: list[SourceBlock] = field(default_factory=list)
    pages: list[PageSize] = field(default_factory=list)
    reason: str | None = None  # why it cannot be shown

    def as_json(self) -> dict:
        return {"kind": self.kind, "reason": self.reason,
                "blocks": [vars(b) for b in self.blocks], "pages": [vars(p) for p in self.pages]}


def _lines_of(cells_or_para) -> list[int]:
    if isinstance(cells_or_para, Paragraph):
        return [cells_or_para.pos.line] if cells_or_para.pos.line else []
    return [c.pos.line for c in cells_or_para if c.pos.line]


@lru_cache(maxsize=32)
def text_blocks(sha256: str, path: str) -> tuple[SourceBlock, ...]:
    """The document's paragraphs and table rows in reading order (cached by content)."""
    doc = read_document(Path(path).read_bytes(), path)
    out = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            lines = _lines_of(block)
            out.append(SourceBlock(min(lines, default=None), max(lines, default=None), block.text))
            continue
        for cells in block.rows():
            lines = _lines_of(cells)
            out.append(SourceBlock(min(lines, default=None), max(lines, default=None),
                                   " | ".join(c.text for c in cells), row=True))
    return tuple(out)


@lru_cache(maxsize=32)
def page_sizes(sha256: str, path: str, kind: str) -> tuple[PageSize, ...]:
    if kind == "image":
        from PIL import Image

        with Image.open(path) as img:
            return (PageSize(1, float(img.width), float(img.height)),)
    import pypdfium2 as pdfium

    with _PDFIUM:
        pdf = pdfium.PdfDocument(path)
        try:
            return tuple(PageSize(i + 1, *pdf[i].get_size()) for i in range(len(pdf)))
        finally:
            pdf.close()


@lru_cache(maxsize=24)
def page_png(sha256: str, path: str, kind: str, number: int) -> bytes:
    """Page ``number`` (1-based) as a PNG. A scanned image is re-encoded, never sent as uploaded."""
    from PIL import Image

    if kind == "image":
        with Image.open(path) as img:
            out = io.BytesIO()
            img.convert("RGB").save(out, "PNG")
            return out.getvalue()
    import pypdfium2 as pdfium

    with _PDFIUM:
        pdf = pdfium.PdfDocument(path)
        try:
            image: Image.Image = pdf[number - 1].render(scale=PAGE_SCALE).to_pil()
        finally:
            pdf.close()
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


def original_of(sha256: str, path: Path | None, kind: str | None) -> Original:
    """What the report page shows of the original file at ``path`` (None: not kept)."""
    if path is None:
        return Original("missing", reason="原始文件未保存,且原路径已不可读 / the original file is not available")
    try:
        if kind in PAGED:
            return Original("pages", pages=list(page_sizes(sha256, str(path), kind)))
        return Original("lines", blocks=list(text_blocks(sha256, str(path))))
    except (UnreadableFile, OSError, ValueError, RuntimeError) as exc:  # pypdfium2's PdfiumError is a RuntimeError
        return Original("missing", reason=f"无法读取原始文件 / cannot read the original: {exc}")
