"""Read a PDF: text-layer pages from pdfium's glyphs and ruling lines (``pdf_pdfium``),
pages without a text layer, or with one whose glyphs map to no characters (``pdf_garbled``), through OCR; tables and paragraphs in reading order (see
``pdf_layout``).

pypdfium2 opens the file first: it rejects encrypted and broken files quickly, counts the
pages and reads the document info; then each page's glyphs (boxes, text matrices) and
painted path segments are read from pdfium's C parser, and scanned pages are rendered for
OCR. ``glyphs="pdfplumber"`` reads glyphs and lines through pdfplumber (pdfminer) instead:
the same page content, about ten times slower, kept to compare the two on any file. The
choice of libraries and its measurements are in ``docs/pdf.md``.
The limits (pages, page area, inflated streams, objects per page, the deadline) are
enforced at the open, stream and page boundaries by ``pdf_bounds``; before pdfium loads a
page in C, ``pdf_bounds.prescreen`` inflates its streams within the limits.
"""

from __future__ import annotations

import io
import logging
import re
from contextlib import contextmanager

import pypdfium2 as pdfium

from .. import limits
from ..document import Document
from ..extract.colorder import PRINTED_ORDER
from .errors import LimitExceeded, UnreadableFile
from .pdf_bounds import bounded_layout, bounded_streams, check_pages
from .pdf_chrome import drop_page_chrome
from .pdf_colorder import printed_order
from .pdf_garbled import garbled
from .pdf_layout import document_blocks, page_layout
from .pdf_order4 import PRINTED_BLOCKS, printed_blocks
from .pdf_page import PageContent, from_plumber

MAX_PAGES = limits.Limits().pages  # the default of OGI_MAX_PAGES: an annual report is a few dozen pages at most
MAX_OCR_PAGES = 30  # scanned pages read by OCR at most
MIN_TEXT_CHARS = 20  # a page with fewer glyphs than this and an image is a scan
OCR_DPI = 200  # resolution scanned pages are rendered at for OCR
_PLACEHOLDER = re.compile(r"^\W*(untitled|anonymous|无标题|未命名)\W*$", re.IGNORECASE)  # a title no one gave


GLYPHS = ("pdfium", "pdfplumber")  # where glyphs and ruling lines are read from
_DAMAGED_PDFMINER = (KeyError, TypeError, ValueError, AttributeError, IndexError, ZeroDivisionError)


def read_pdf(data: bytes, glyphs: str = "pdfium") -> Document:
    info = _open_checked(data)
    contents, scanned = (_pdfium_pages if glyphs == "pdfium" else _plumber_pages)(data)
    if len(scanned) > MAX_OCR_PAGES:
        raise UnreadableFile(f"the PDF has {len(scanned)} scanned pages; at most {MAX_OCR_PAGES} are read by OCR")
    if scanned:
        limits.extend_deadline(limits.active().ocr_seconds * len(scanned))
        for content in _ocr(data, scanned):
            contents[content.number - 1] = content
    drop_page_chrome(contents)
    layouts = [page_layout(c) for c in contents]
    printed = printed_order([(page.lines, page.tables) for page in layouts])  # table 三's header, by position
    blocks = document_blocks(layouts)
    if not blocks:
        raise UnreadableFile("the PDF holds no text")
    info = {**info, PRINTED_ORDER: printed} if printed else info
    blocks4 = printed_blocks([(page.lines, page.tables) for page in layouts])  # table 四's blocks, by position
    return Document(blocks, "pdf", {**info, PRINTED_BLOCKS: blocks4} if blocks4 else info)


def _pdfium_pages(data: bytes) -> tuple[list[PageContent], list[int]]:
    """Every page's content read through pdfium, and the numbers of the scanned pages.
    The pages' streams are screened first (``pdf_bounds.prescreen``): pdfium loads a page
    in C, where neither the inflated-bytes limit nor the deadline reaches."""
    from .pdf_pdfium import page_content

    _screened(data)
    contents: list[PageContent] = []
    scanned: list[int] = []
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({exc})") from exc
    try:
        for number in range(1, len(doc) + 1):
            limits.check_time(f"PDF page {number}")
            page = doc[number - 1]
            try:
                content, images = page_content(page, number)
            finally:
                page.close()
            if (len(content.fragments) < MIN_TEXT_CHARS and images) or garbled(content):
                scanned.append(number)  # no text layer, or one whose glyphs map to no characters
            contents.append(content)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({exc})") from exc
    finally:
        doc.close()
    return contents, scanned


def _screened(data: bytes) -> None:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    from .pdf_bounds import prescreen

    try:
        with _quiet(logging.getLogger("pdfminer")):
            prescreen(data)
    except LimitExceeded:
        raise
    except (PDFSyntaxError, PSException, PDFEncryptionError, PDFPasswordIncorrect) + _DAMAGED_PDFMINER:
        pass  # pdfminer cannot walk this file's pages; pdfium, which opened it, reads it or says why


def _plumber_pages(data: bytes) -> tuple[list[PageContent], list[int]]:
    """The same through pdfplumber (pdfminer's layout analysis in Python), bounded page by
    page (``pdf_bounds``)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    contents: list[PageContent] = []
    scanned: list[int] = []
    try:
        with _quiet(logging.getLogger("pdfminer")), bounded_streams(), pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                limits.check_time(f"PDF page {number}")
                bounded_layout(page, number)
                content = from_plumber(page, number)
                if (len(content.fragments) < MIN_TEXT_CHARS and page.images) or garbled(content):
                    scanned.append(number)
                contents.append(content)
                page.close()  # pdfplumber keeps every page's objects otherwise
    except LimitExceeded:
        raise
    except (PdfminerException, PDFSyntaxError, PSException, PDFEncryptionError, PDFPasswordIncorrect) \
            + _DAMAGED_PDFMINER as exc:
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


def _ocr(data: bytes, numbers: list[int]) -> list[PageContent]:
    """The scanned pages ``numbers``, rendered at ``OCR_DPI`` and read by OCR (in parallel
    where there are cores to spare: ``ocr.ocr_pages``), within the deadline."""
    from .ocr import ocr_pages, require_engine

    require_engine()
    limits.check_time(f"PDF page {numbers[0]} (OCR)")
    doc = pdfium.PdfDocument(data)
    try:
        images = [doc[number - 1].render(scale=OCR_DPI / 72).to_pil() for number in numbers]
    finally:
        doc.close()
    return ocr_pages(images, numbers, points_per_pixel=72 / OCR_DPI,
                     on_page=lambda number: limits.check_time(f"PDF page {number} (OCR)"))
