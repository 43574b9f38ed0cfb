"""Read a PDF: text-layer pages with pdfplumber (glyphs and ruling lines), pages without
a text layer through OCR; tables and paragraphs in reading order (see ``pdf_layout``).

pypdfium2 opens the file first: it rejects encrypted and broken files quickly, counts the
pages, reads the document info and renders scanned pages for OCR. The choice of
libraries and its measurements are in ``docs/pdf.md``. The limits (pages, page area,
inflated streams, objects per page, the deadline) are enforced at the open, stream and
page boundaries by ``pdf_bounds``.
"""

from __future__ import annotations

import io
import logging
import re
from contextlib import contextmanager

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from .. import limits
from ..document import Document
from .errors import LimitExceeded, UnreadableFile
from .pdf_bounds import bounded_layout, bounded_streams, check_pages
from .pdf_layout import document_blocks, page_layout
from .pdf_page import PageContent, from_plumber

MAX_PAGES = limits.Limits().pages  # the default of OGI_MAX_PAGES: an annual report is a few dozen pages at most
MAX_OCR_PAGES = 30  # scanned pages read by OCR at most
MIN_TEXT_CHARS = 20  # a page with fewer glyphs than this and an image is a scan
OCR_DPI = 200  # resolution scanned pages are rendered at for OCR
_PLACEHOLDER = re.compile(r"^\W*(untitled|anonymous|无标题|未命名)\W*$", re.IGNORECASE)  # a title no one gave


def read_pdf(data: bytes) -> Document:
    info = _open_checked(data)
    contents: list[PageContent] = []
    scanned: list[int] = []
    try:
        with _quiet(logging.getLogger("pdfminer")), bounded_streams(), pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                limits.check_time(f"PDF page {number}")
                bounded_layout(page, number)
                content = from_plumber(page, number)
                if len(content.fragments) < MIN_TEXT_CHARS and page.images:
                    scanned.append(number)
                contents.append(content)
                page.close()  # pdfplumber keeps every page's objects otherwise
    except LimitExceeded:
        raise
    except (PdfminerException, PDFSyntaxError, PSException, PDFEncryptionError, PDFPasswordIncorrect,
            KeyError, TypeError, ValueError, AttributeError, IndexError, ZeroDivisionError) as exc:
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({type(exc).__name__})") from exc
    if len(scanned) > MAX_OCR_PAGES:
        raise UnreadableFile(f"the PDF has {len(scanned)} scanned pages; at most {MAX_OCR_PAGES} are read by OCR")
    limits.extend_deadline(limits.active().ocr_seconds * len(scanned))
    for number in scanned:
        limits.check_time(f"PDF page {number} (OCR)")
        contents[number - 1] = _ocr(data, number)
    blocks = document_blocks([page_layout(c) for c in contents])
    if not blocks:
        raise UnreadableFile("the PDF holds no text")
    return Document(blocks, "pdf", info)


@contextmanager
def _quiet(logger: logging.Logger):
    """pdfminer logs a warning for every flaw it works around in a damaged file; the
    reader either recovers or raises UnreadableFile, so they say nothing to a user."""
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open_checked(data: bytes) -> dict[str, str]:
    """Refuse encrypted, damaged and overlong files; return the document info worth keeping."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableFile("the PDF is encrypted (password protected)") from exc
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({exc})") from exc
    try:
        if len(doc) == 0:
            raise UnreadableFile("the PDF has no pages")
        check_pages(doc)
        title = (doc.get_metadata_dict().get("Title") or "").strip()
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({exc})") from exc
    finally:
        doc.close()
    return {"title": title} if title and "\ufffd" not in title and not _PLACEHOLDER.match(title) else {}


def _ocr(data: bytes, number: int) -> PageContent:
    from .ocr import ocr_page, require_engine

    require_engine()
    doc = pdfium.PdfDocument(data)
    try:
        image = doc[number - 1].render(scale=OCR_DPI / 72).to_pil()
    finally:
        doc.close()
    return ocr_page(image, number, points_per_pixel=72 / OCR_DPI)
