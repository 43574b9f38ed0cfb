"""Read a PDF: text-layer pages from pdfium's glyphs and ruling lines (``pdf_pdfium``),
pages without a text layer through OCR; tables and paragraphs in reading order (see
``pdf_layout``).

pypdfium2 opens the file first: it rejects encrypted and broken files quickly, counts the
pages and reads the document info; then each page's glyphs (boxes, text matrices) and
painted path segments are read from pdfium's C parser, and scanned pages are rendered for
OCR. ``glyphs="pdfplumber"`` reads glyphs and lines through pdfplumber (pdfminer) instead:
the same page content, about ten times slower, kept to compare the two on any file. The
choice of libraries and its measurements are in ``docs/pdf.md``.
"""

from __future__ import annotations

import io
import logging
import re
import time
from contextlib import contextmanager

import pypdfium2 as pdfium

from ..document import Document
from .errors import UnreadableFile
from .pdf_layout import document_blocks, page_layout
from .pdf_page import PageContent, from_plumber

MAX_PAGES = 100  # an annual report is a few dozen pages at most; longer files are refused
MAX_SECONDS = 60.0  # reading the text layer stops with an error after this long
OCR_SECONDS_PER_PAGE = 30.0  # and OCR adds this much per scanned page (about 5 s on 2 cores)
MAX_OCR_PAGES = 30  # scanned pages read by OCR at most
MIN_TEXT_CHARS = 20  # a page with fewer glyphs than this and an image is a scan
OCR_DPI = 200  # resolution scanned pages are rendered at for OCR
_PLACEHOLDER = re.compile(r"^\W*(untitled|anonymous|无标题|未命名)\W*$", re.IGNORECASE)  # a title no one gave


GLYPHS = ("pdfium", "pdfplumber")  # where glyphs and ruling lines are read from


def read_pdf(data: bytes, glyphs: str = "pdfium") -> Document:
    started = time.monotonic()
    info = _open_checked(data)
    contents, scanned = (_pdfium_pages if glyphs == "pdfium" else _plumber_pages)(data, started)
    if len(scanned) > MAX_OCR_PAGES:
        raise UnreadableFile(f"the PDF has {len(scanned)} scanned pages; at most {MAX_OCR_PAGES} are read by OCR")
    if scanned:
        for content in _ocr(data, scanned, started):
            contents[content.number - 1] = content
    blocks = document_blocks([page_layout(c) for c in contents])
    if not blocks:
        raise UnreadableFile("the PDF holds no text")
    return Document(blocks, "pdf", info)


def _pdfium_pages(data: bytes, started: float) -> tuple[list[PageContent], list[int]]:
    """Every page's content read through pdfium, and the numbers of the scanned pages."""
    from .pdf_pdfium import page_content

    contents: list[PageContent] = []
    scanned: list[int] = []
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({exc})") from exc
    try:
        for number in range(1, len(doc) + 1):
            _check_time(started, number)
            page = doc[number - 1]
            try:
                content, images = page_content(page, number)
            finally:
                page.close()
            if len(content.fragments) < MIN_TEXT_CHARS and images:
                scanned.append(number)
            contents.append(content)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({exc})") from exc
    finally:
        doc.close()
    return contents, scanned


def _plumber_pages(data: bytes, started: float) -> tuple[list[PageContent], list[int]]:
    """The same through pdfplumber (pdfminer's layout analysis in Python)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    contents: list[PageContent] = []
    scanned: list[int] = []
    try:
        with _quiet(logging.getLogger("pdfminer")), pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                _check_time(started, number)
                content = from_plumber(page, number)
                if len(content.fragments) < MIN_TEXT_CHARS and page.images:
                    scanned.append(number)
                contents.append(content)
    except (PdfminerException, PDFSyntaxError, PSException, PDFEncryptionError, PDFPasswordIncorrect,
            KeyError, TypeError, ValueError) as exc:
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({type(exc).__name__})") from exc
    return contents, scanned


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


def _check_time(started: float, number: int, budget: float = MAX_SECONDS) -> None:
    if time.monotonic() - started > budget:
        raise UnreadableFile(f"reading the PDF took more than {budget:.0f} s; stopped at page {number}")


def _open_checked(data: bytes) -> dict[str, str]:
    """Refuse encrypted, damaged and overlong files; return the document info worth keeping."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableFile("the PDF is encrypted (password protected)") from exc
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({exc})") from exc
    try:
        n = len(doc)
        if n == 0:
            raise UnreadableFile("the PDF has no pages")
        if n > MAX_PAGES:
            raise UnreadableFile(f"the PDF has {n} pages; an annual report has at most {MAX_PAGES}")
        title = (doc.get_metadata_dict().get("Title") or "").strip()
    finally:
        doc.close()
    return {"title": title} if title and "\ufffd" not in title and not _PLACEHOLDER.match(title) else {}


def _ocr(data: bytes, numbers: list[int], started: float) -> list[PageContent]:
    """The scanned pages ``numbers``, rendered at ``OCR_DPI`` and read by OCR (in parallel
    where there are cores to spare: ``ocr.ocr_pages``)."""
    from .ocr import ocr_pages, require_engine

    require_engine()
    budget = MAX_SECONDS + OCR_SECONDS_PER_PAGE * len(numbers)
    _check_time(started, numbers[0], budget)
    doc = pdfium.PdfDocument(data)
    try:
        images = [doc[number - 1].render(scale=OCR_DPI / 72).to_pil() for number in numbers]
    finally:
        doc.close()
    return ocr_pages(images, numbers, points_per_pixel=72 / OCR_DPI,
                     on_page=lambda number: _check_time(started, number, budget))
