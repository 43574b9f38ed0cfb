"""The converters users run on a report page or its office and PDF exports, each a shape.

Round 2 measured the parser on the renderings a crawler, a browser, html2text, poppler and an
office suite make. Reports also reach users through other widely used converters, and each
lays a table out its own way; this module runs them as they are run in the wild, with their
defaults, so the matrix measures what a user of each tool actually gets:

* **text-mode browsers** — ``w3m -dump`` lays a table out in a grid of 80 columns, wrapping
  long cell texts over several lines *inside their column* (a label is cut into pieces on
  consecutive lines, and a group label of a ``rowspan`` shares lines with the labels beside
  it); ``lynx -dump`` prints each row's cells on one line separated by single spaces (the
  ``rowspan`` group label only on the group's first row);
* **pandoc** — HTML → ``plain`` (a simple or grid table with spaces), HTML → ``markdown``
  (pandoc's own grid/simple tables), HTML → ``gfm`` (pipe tables; a table with row or
  column spans is kept as raw HTML), and the office suite's DOCX → ``plain`` and ``markdown``;
* **Python text extractors** used by crawlers and LLM pipelines — inscriptis (a table laid
  out with spaces in columns), trafilatura (the main content only, tables as ``|`` rows) and
  markitdown (Markdown pipe tables, from the page and from the DOCX);
* **PDF text tools** — ``pdftotext -raw`` (the content stream's order) and pdfminer.six's
  ``extract_text`` (its layout analysis: text boxes, often a column of a table at a time;
  CJK characters that fonts map to Kangxi radicals, ``⼀`` for ``一``, kept as it prints them);
  and the three text layers Python programs and LLM pipelines read most — pypdfium2's
  ``get_text_range`` (PDFium's text, what a Chromium PDF viewer copies), pypdf's
  ``extract_text`` (LangChain's ``PyPDFLoader``) and PyMuPDF's ``get_text`` — each a page at a
  time, pages joined as their documentation joins them (a line break; PyMuPDF's example writes a
  form feed after each page); pdfplumber's ``extract_text`` (the library most Python
  scrapers of Chinese PDFs use; a space between words farther apart than its tolerance, pages
  joined by a line break), also with ``layout=True`` (the page's columns kept in spaces); and
  pymupdf4llm's Markdown (the LLM pipelines' PDF → Markdown: its own layout analysis, tables as
  pipe tables whose cells it cuts by its own column guesses, or as HTML tables with
  ``table_output="html"``, as MinerU and marker print them);
* **Word-file text extractors** — LibreOffice's own ``Text (encoded)`` export of the DOCX (a
  table cell a line) and docx2txt (the DOCX's paragraphs and table cells, each followed by a
  blank line: a blank cell is one more empty line);
* **docling** — its Markdown of the web page and of the office DOCX: a table printed as its
  full grid, a merged cell's text repeated in every position it covers. docling pins an older
  Typer than ogi's command line needs, so it runs from an environment of its own:
  ``OGI_DOCLING_PYTHON`` names that environment's Python (``pip install
  'docling-slim[format-html,format-docx]'`` there; no model is downloaded for HTML and DOCX).

Each function takes what the tool takes (the page's text, a file path, the PDF's bytes) and
returns the text the tool prints. A missing Debian program or Python package raises
:class:`~.tools.ToolMissing` naming how to install it; the generator then skips the shape."""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

from .tools import ToolMissing

TOOL_SECONDS = 120  # one report through one converter
TERMINAL_COLUMNS = 80  # the width a text-mode browser dumps at by default
WIDE_TERMINAL_COLUMNS = 200  # a maximised terminal window, or a script that sets -cols wide
HTML2TEXT_WIDTH = 78  # html2text's own default line width (its command line's)
# Debian packages of the converter programs
DEBIAN = {"w3m": "w3m", "lynx": "lynx", "pandoc": "pandoc"}
# the Python packages, in the ``shapes`` extra
PYTHON = {"markdownify": "markdownify", "mammoth": "mammoth", "html2text": "html2text", "inscriptis": "inscriptis", "trafilatura": "trafilatura", "markitdown": "markitdown[docx]",
          "pdfminer": "pdfminer.six", "pypdf": "pypdf", "pymupdf": "pymupdf", "pdfplumber": "pdfplumber",
          "pymupdf4llm": "pymupdf4llm", "docx2txt": "docx2txt", "bs4": "beautifulsoup4"}


def program_missing(program: str) -> str:
    return f"needs {program}: apt-get install {DEBIAN[program]}"


def package_missing(module: str) -> str:
    return f"needs {PYTHON[module]}: pip install 'ogi-reports[shapes]'"


def need_program(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise ToolMissing(program_missing(program))
    return path


def need_package(module: str) -> None:
    try:
        __import__(module)
    except ImportError as exc:
        raise ToolMissing(package_missing(module)) from exc


def _run(cmd: list[str], data: bytes | None = None) -> str:
    proc = subprocess.run(cmd, input=data, capture_output=True, timeout=TOOL_SECONDS, check=True)
    return proc.stdout.decode("utf-8")


# --- text-mode browsers ---------------------------------------------------------------------

def w3m_dump(page: Path, columns: int = TERMINAL_COLUMNS) -> str:
    """``w3m -dump`` of a UTF-8 page at ``columns`` (the default 80)."""
    w3m = need_program("w3m")
    return _run([w3m, "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", str(columns),
                 str(page)])


def lynx_dump(page: Path, columns: int = TERMINAL_COLUMNS) -> str:
    """``lynx -dump -nolist`` of a UTF-8 page at ``columns`` (the default 80)."""
    lynx = need_program("lynx")
    return _run([lynx, "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8",
                 f"-width={columns}", str(page)])


# --- pandoc ------------------------------------------------------------------------------------

def pandoc(path: Path, source: str, to: str) -> str:
    """``pandoc -f SOURCE -t TO`` of a file (``html`` or ``docx`` in; ``plain``, ``markdown``,
    ``gfm`` out), with pandoc's default wrapping."""
    exe = need_program("pandoc")
    return _run([exe, "-f", source, "-t", to, str(path)])


# --- Python extractors ----------------------------------------------------------------------------

def inscriptis_text(page: str) -> str:
    """inscriptis' ``get_text`` (tables laid out in space-padded columns)."""
    need_package("inscriptis")
    from inscriptis import get_text

    return get_text(page)


def soup_text(page: str, separator: str | None) -> str:
    """BeautifulSoup's text of the page's body, as most Python crawlers store a page. With a
    ``separator``, ``get_text(separator, strip=True)``: every text node stripped of its spaces
    and the empty ones dropped (so a blank table cell leaves no trace), the rest joined by it —
    a line break (each cell on a line of its own) or a space (the whole report on one line, a
    space between cells). Without, ``get_text()``: the text nodes as the page's source holds
    them, its line breaks and indentation between the tags kept."""
    need_package("bs4")
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "lxml")
    for dropped in soup(["script", "style", "noscript", "template"]):
        dropped.decompose()
    body = soup.body or soup
    return body.get_text() if separator is None else body.get_text(separator, strip=True) + "\n"


def trafilatura_text(page: str) -> str:
    """trafilatura's main-content text with tables (its ``|`` rows), as crawlers call it."""
    need_package("trafilatura")
    import trafilatura

    return trafilatura.extract(page, include_tables=True, favor_recall=True) or ""


def trafilatura_markdown(page: str) -> str:
    """trafilatura's main content as Markdown (``output_format="markdown"``), tables included."""
    need_package("trafilatura")
    import trafilatura

    return trafilatura.extract(page, include_tables=True, favor_recall=True, output_format="markdown") or ""


def markdownify_text(page: str) -> str:
    """markdownify's Markdown of the page's body (its defaults: pipe tables, a spanned cell's
    text once, in its first position)."""
    need_package("markdownify")
    from markdownify import markdownify

    return markdownify(page)


def html2text_wrapped(page: str) -> str:
    """html2text as its command line runs it: lines wrapped at 78 characters."""
    need_package("html2text")
    import html2text

    conv = html2text.HTML2Text()
    conv.body_width = HTML2TEXT_WIDTH
    return conv.handle(page)


def html2text_notables(page: str) -> str:
    """html2text with ``ignore_tables`` (a crawler's setting to keep tables out of Markdown):
    a table row a line, its cells' texts separated by single spaces, no pipes, no wrapping."""
    need_package("html2text")
    import html2text

    conv = html2text.HTML2Text()
    conv.ignore_tables = True
    conv.body_width = 0
    return conv.handle(page)


def mammoth_markdown(path: Path) -> str:
    """mammoth's Markdown of a DOCX (its ``convert_to_markdown``: a table's cells as paragraphs,
    no pipe tables — what a Word-to-Markdown step of a documentation pipeline writes)."""
    need_package("mammoth")
    import mammoth

    with open(path, "rb") as fh:
        return mammoth.convert_to_markdown(fh).value


def mammoth_html(path: Path) -> str:
    """mammoth's HTML of a DOCX (what a CMS's Word import publishes: tables kept, spans kept,
    paragraph styles dropped)."""
    need_package("mammoth")
    import mammoth

    with open(path, "rb") as fh:
        body = mammoth.convert_to_html(fh).value
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>\n'


def markitdown_text(path: Path) -> str:
    """markitdown's Markdown of an HTML page or a DOCX file."""
    need_package("markitdown")
    if path.suffix == ".docx":
        need_package_for_docx()
    return _markitdown().convert(str(path)).text_content


@lru_cache(maxsize=1)
def _markitdown():
    """One converter for the batch (it loads its file-type model once)."""
    from markitdown import MarkItDown

    return MarkItDown()


def need_package_for_docx() -> None:
    try:
        import mammoth  # noqa: F401
    except ImportError as exc:
        raise ToolMissing(package_missing("markitdown")) from exc


# --- PDF text tools --------------------------------------------------------------------------------

def pdftotext_raw(pdf: bytes) -> str:
    """poppler's ``pdftotext -raw``: the text in the content stream's order."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise ToolMissing("needs pdftotext: apt-get install poppler-utils")
    return _run([exe, "-enc", "UTF-8", "-raw", "-", "-"], pdf)


def pdftohtml(pdf: bytes) -> str:
    """poppler's ``pdftohtml -s -i -noframes``: one HTML page of the PDF's text, a line a
    ``<br/>`` in poppler's reading order, an ``<hr/>`` and an anchor at each page, no images —
    what a site's "online preview" or a crawler that converts PDFs keeps."""
    exe = shutil.which("pdftohtml")
    if exe is None:
        raise ToolMissing("needs pdftohtml: apt-get install poppler-utils")
    with tempfile.TemporaryDirectory(prefix="ogi-shapes-pdftohtml-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        return _run([exe, "-q", "-s", "-i", "-noframes", "-stdout", "-enc", "UTF-8", str(src)])


def pdftotext_layout_html(pdf: bytes) -> str:
    """poppler's ``pdftotext -htmlmeta -layout``: the page's columns in spaces inside one
    ``<pre>`` of an HTML page with the PDF's title — a text file in an HTML wrapper."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise ToolMissing("needs pdftotext: apt-get install poppler-utils")
    return _run([exe, "-q", "-htmlmeta", "-layout", "-enc", "UTF-8", "-", "-"], pdf)


def pdfminer_text(pdf: bytes) -> str:
    """pdfminer.six's ``extract_text`` with its default layout analysis."""
    need_package("pdfminer")
    from pdfminer.high_level import extract_text

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # a font without a FontBBox is no news here
    return extract_text(io.BytesIO(pdf))


def pdfium_text(pdf: bytes) -> str:
    """pypdfium2's text of each page (``get_text_range``: PDFium's text, in the content
    stream's order, lines ended by CR LF), pages joined by a line break."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return "\n".join(page.replace("\r\n", "\n") for page in pages)


def pypdf_text(pdf: bytes) -> str:
    """pypdf's ``extract_text`` of each page (its default, plain mode), pages joined by a line
    break as LangChain's loaders join them."""
    need_package("pypdf")
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # font warnings are no news here
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def pypdf_layout(pdf: bytes) -> str:
    """pypdf's ``extract_text(extraction_mode="layout")`` (pypdf ≥ 3.17): each page's text
    placed in columns of spaces by the glyphs' positions, pages joined by a line break."""
    need_package("pypdf")
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return "\n".join(page.extract_text(extraction_mode="layout") for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def without_unicode_maps(pdf: bytes) -> bytes:
    """The PDF with every font's ``ToUnicode`` map removed (pypdf): what a producer that
    embeds subset fonts without one gives — the pages print right, the text layer is glyph
    numbers."""
    need_package("pypdf")
    import pypdf
    from pypdf.generic import NameObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader, writer = pypdf.PdfReader(io.BytesIO(pdf)), pypdf.PdfWriter()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pymupdf_text(pdf: bytes) -> str:
    """PyMuPDF's ``get_text()`` of each page, a form feed after each page as PyMuPDF's own
    text-extraction example writes it."""
    need_package("pymupdf")
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        return "".join(page.get_text() + "\f" for page in document)


def pymupdf_html(pdf: bytes) -> str:
    """PyMuPDF's ``get_text("html")`` of each page (a ``<div>`` per page, a positioned ``<p>``
    per line, images dropped), in one HTML document as a script that saves it writes."""
    need_package("pymupdf")
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        body = "\n".join(page.get_text("html", flags=pymupdf.TEXTFLAGS_HTML & ~pymupdf.TEXT_PRESERVE_IMAGES)
                         for page in document)
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'


def pdfplumber_text(pdf: bytes, layout: bool = False) -> str:
    """pdfplumber's ``extract_text`` of each page (its defaults; ``layout=True`` keeps the
    page's columns in spaces), pages joined by a line break as scrapers join them."""
    need_package("pdfplumber")
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text(layout=layout) or "" for page in document.pages)


def lxml_cleaned(page: str) -> str:
    """The page as a crawler's sanitiser stores it: ``lxml_html_clean.Cleaner`` with its
    defaults (scripts, comments, frames, forms, the page's ``<html>``/``<head>`` structure
    removed) and ``style=True`` (every ``<style>`` and ``style=`` attribute removed, so what
    CSS hid is shown)."""
    need_package("lxml_html_clean")
    from lxml_html_clean import Cleaner

    return Cleaner(style=True).clean_html(page)


def _read_html_tables(pandas, page: str) -> list:
    """``pandas.read_html``'s tables by lxml; none where the page holds no ``<table>`` (its
    report inside an ``<iframe srcdoc>``, wild6 ``framed``): pandas would try its other
    parsers (html5lib, not installed) and then raise, where an analyst gets no table."""
    try:
        return pandas.read_html(io.StringIO(page), flavor="lxml")
    except ValueError:  # "No tables found"
        return []


def pandas_csv(page: str) -> str:
    """Every table of the page as ``pandas.read_html`` reads it, written by
    ``DataFrame.to_csv`` (its defaults) one after another: a data analyst's tables. The text
    around them is lost; a spanned cell's text is repeated in every position it covers; the
    row index ``0, 1, 2 …`` is the first column, and a table without a header row gets the
    column index ``0,1,2,…`` as one."""
    need_package("pandas")
    import pandas

    frames = _read_html_tables(pandas, page)
    out = io.StringIO()
    for frame in frames:
        frame.to_csv(out)  # its defaults: the row index a first column, under an empty header cell
    return out.getvalue()


def pandas_xlsx(page: str) -> bytes:
    """Every table of the page as ``pandas.read_html`` reads it, each on a sheet of its own of
    an Excel workbook (``DataFrame.to_excel(index=False)``, openpyxl): a spanned cell's text in
    every cell it covered, the row index ``0, 1, 2 …`` in the first column (pandas merges the
    cells of a multi-row header's repeated labels)."""
    need_package("pandas")
    import pandas

    out = io.BytesIO()
    with pandas.ExcelWriter(out, engine="openpyxl") as writer:
        frames = _read_html_tables(pandas, page) or [pandas.DataFrame()]  # a workbook has a sheet
        for k, frame in enumerate(frames, 1):
            frame.to_excel(writer, sheet_name=f"表{k}")  # its defaults: the row index in column A
    return _same_bytes_zip(out.getvalue())


_FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # every zip entry's date, and the workbook's created/modified
_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _same_bytes_zip(data: bytes) -> bytes:
    """The workbook with its save time taken out (the document properties' dates and each zip
    entry's time), so the same page makes the same bytes on every run."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _W3CDTF.sub(rb"\g<1>2024-01-01T00:00:00Z\g<2>", body)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def pdfplumber_csv(pdf: bytes) -> str:
    """Every ruled table of the PDF as pdfplumber's ``extract_tables`` gives it, its rows
    written by the ``csv`` module one table after another: the tables a scraper of PDF
    reports keeps. A merged cell's text is in its first position, the others empty."""
    need_package("pdfplumber")
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            for table in page.extract_tables():
                writer.writerows([["" if cell is None else cell for cell in row] for row in table])
    return out.getvalue()


def pymupdf4llm_markdown(pdf: bytes, html_tables: bool = False) -> str:
    """pymupdf4llm's ``to_markdown`` of the PDF with its defaults (pipe tables), or with
    ``table_output="html"`` (each table an HTML ``<table>`` inside the Markdown)."""
    need_package("pymupdf4llm")
    import pymupdf
    import pymupdf4llm

    logging.getLogger("pymupdf4llm").setLevel(logging.ERROR)
    options = {"table_output": "html"} if html_tables else {}
    # it prints its OCR engine's messages on stdout: kept off the caller's output
    with pymupdf.open(stream=pdf, filetype="pdf") as document, contextlib.redirect_stdout(io.StringIO()):
        return str(pymupdf4llm.to_markdown(document, show_progress=False, **options))


def docx2txt_text(path: Path) -> str:
    """docx2txt's ``process`` of a DOCX file: paragraphs and table cells in document order."""
    need_package("docx2txt")
    import docx2txt

    return str(docx2txt.process(str(path)))


def python_docx_text(path: Path, tables_last: bool = False) -> str:
    """A DOCX as python-docx scripts read it: the body's paragraphs and tables in document
    order (the careful script walks ``document.element.body``), or — ``tables_last``, the
    naive script — every paragraph (``document.paragraphs``) and then every table
    (``document.tables``). A table is its rows, a row's cells joined by a TAB; ``row.cells``
    repeats a merged cell in every position it covers, as python-docx gives it."""
    need_package("docx")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))

    def table_lines(table) -> list[str]:
        return ["\t".join(cell.text for cell in row.cells) for row in table.rows]

    lines: list[str] = []
    if tables_last:
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            lines += ["", *table_lines(table)]
    else:
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                lines += table_lines(Table(child, document))
    return "\n".join(lines) + "\n"


def pymupdf_tables_csv(pdf: bytes) -> str:
    """Every table PyMuPDF's ``find_tables`` finds on each page of the PDF, its rows (``extract``:
    a covered cell ``None``, written empty) written by the ``csv`` module one table after
    another: the tables a PyMuPDF scraper keeps."""
    need_package("pymupdf")
    import pymupdf

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    with pymupdf.open(stream=pdf, filetype="pdf") as document, contextlib.redirect_stdout(io.StringIO()):
        for page in document:
            for table in page.find_tables().tables:
                writer.writerows([["" if cell is None else cell for cell in row] for row in table.extract()])
    return out.getvalue()


DOCLING_PYTHON = "OGI_DOCLING_PYTHON"  # the environment variable naming docling's Python
# run by that Python: the file's Markdown by docling's HTML or Word backend (no model, no network)
_DOCLING_SCRIPT = """
import logging, sys
from pathlib import Path
from docling.datamodel.base_models import InputFormat
from docling.datamodel.document import InputDocument
from docling.backend.html_backend import HTMLDocumentBackend
from docling.backend.msword_backend import MsWordDocumentBackend
logging.disable(logging.WARNING)
path = Path(sys.argv[1])
fmt, backend = ((InputFormat.DOCX, MsWordDocumentBackend) if path.suffix == ".docx"
                else (InputFormat.HTML, HTMLDocumentBackend))
document = InputDocument(path_or_stream=path, format=fmt, backend=backend)
sys.stdout.buffer.write(backend(document, path).convert().export_to_markdown().encode("utf-8"))
"""


def docling_markdown(path: Path) -> str:
    """docling's Markdown of a web page or a DOCX (``export_to_markdown``), by the Python
    that ``OGI_DOCLING_PYTHON`` names."""
    python = os.environ.get(DOCLING_PYTHON)
    if not python:
        raise ToolMissing(f"needs docling: set {DOCLING_PYTHON} to the Python of an environment with "
                          "docling-slim and its format-html and format-docx extras (it pins an older typer than ogi)")
    return _run([python, "-c", _DOCLING_SCRIPT, str(path)])


__all__ = ["DOCLING_PYTHON", "TERMINAL_COLUMNS", "docling_markdown", "docx2txt_text", "inscriptis_text", "lynx_dump",
           "markitdown_text", "pandoc", "pdfium_text", "pdfminer_text", "pdfplumber_text", "pdftotext_raw",
           "pymupdf4llm_markdown", "pymupdf_tables_csv", "pymupdf_text", "pypdf_text", "python_docx_text", "trafilatura_text", "w3m_dump", "without_unicode_maps"]


# --- renderings first measured in round 2's sixteenth session (fresh10) ---------------------------

def pymupdf_sorted(pdf: bytes) -> str:
    """PyMuPDF's ``get_text(sort=True)`` of each page: its text blocks sorted top to bottom,
    left to right (the option its documentation recommends for a "natural" reading order),
    a form feed after each page."""
    need_package("pymupdf")
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        return "".join(page.get_text(sort=True) + "\f" for page in document)


def pdftohtml_complex(pdf: bytes) -> str:
    """poppler's ``pdftohtml -c -s -i -noframes``: the "complex" page, every line of text a
    ``<p style="position:absolute;top:…px;left:…px">`` inside a box per page, as sites'
    online previews of a PDF show it (images left out)."""
    exe = shutil.which("pdftohtml")
    if exe is None:
        raise ToolMissing("needs pdftohtml: apt-get install poppler-utils")
    with tempfile.TemporaryDirectory(prefix="ogi-shapes-pdftohtml-c-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run([exe, "-q", "-c", "-s", "-i", "-noframes", "-enc", "UTF-8", str(src), str(Path(tmp) / "out")],
                       capture_output=True, timeout=TOOL_SECONDS, check=True)
        made = sorted(Path(tmp).glob("out*.html"))
        return made[0].read_text(encoding="utf-8") if made else ""


def pdfminer_html(pdf: bytes) -> str:
    """pdfminer.six's HTML output (``pdf2txt.py -t html``): each text box a ``<div>`` placed
    by ``position:absolute; left; top`` in points, its lines ``<br>``-separated spans."""
    need_package("pdfminer")
    from pdfminer.high_level import extract_text_to_fp
    from pdfminer.layout import LAParams

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    out = io.BytesIO()
    extract_text_to_fp(io.BytesIO(pdf), out, output_type="html", laparams=LAParams(), codec="utf-8")
    return out.getvalue().decode("utf-8")


_IMG = re.compile(rb"<img\b[^>]*>", re.IGNORECASE)


def pandoc_docx(path: Path) -> bytes:
    """pandoc's own Word file of the HTML page (``pandoc -f html -t docx``): tables as Word
    tables without merged cells (pandoc's table model drops row and column spans)."""
    exe = need_program("pandoc")
    with tempfile.TemporaryDirectory(prefix="ogi-shapes-pandoc-docx-") as tmp:
        dst, src = Path(tmp) / "out.docx", Path(tmp) / "page.html"
        # pandoc fetches a page's images to embed them in the Word file, and stops where one
        # cannot be had (a portal's site-relative logo, no network): the page without them
        src.write_bytes(_IMG.sub(b"", path.read_bytes()))
        subprocess.run([exe, "-f", "html", "-t", "docx", "-o", str(dst), str(src)], capture_output=True,
                       timeout=TOOL_SECONDS, check=True)
        return _same_bytes_zip(dst.read_bytes())
