"""Shapes: every rendering a report takes on its way to a user, derived from labelled reports.

A parser that is exact on the files it was built on can still lose whole tables on the same
report as a crawler, a browser, a converter or an office suite hands it over. This package
takes any labelled folder (report files and ``expected/<stem>.json``) and writes, per shape,
a folder ``OUT/<shape>/`` with the derived files and the expected JSON carried over byte for
byte, so ``score.py OUT/<shape>`` and ``benchmarks/shape_matrix.py`` score each rendering.

The algorithm, per run:

1. Each report's *source page* is made once (:mod:`.sources`): an HTML report as it is
   (re-encoded as UTF-8), any other report drawn in the official layout from its expected
   values with its own prose.
2. The page shapes (:mod:`.pages`) edit that page: another organ's portal chrome around it, an
   extra table after table 三, misaligned header spans.
3. The text shapes (:mod:`.text`) run in-process: lxml's ``text_content()`` as a crawler stores
   it, html2text's Markdown.
4. The tool shapes (:mod:`.tools`) run the real programs in batches — one Chromium for all
   pages (innerText, copy-paste, print to PDF), one ``soffice`` call per 40 pages (DOCX, PDF),
   poppler per PDF (``pdftotext`` both modes, 200-dpi page images → an image-only PDF, and
   150-dpi images askew, soft and speckled as an office scanner gives them), WeasyPrint per
   page, and LibreOffice again for the renderer's DOCX of each report (DOCX → PDF).
   Their results are cached under ``OUT/.cache`` by the SHA-256 of their input, so a re-run, or a
   run adding shapes, converts nothing twice.

A shape whose program is missing is skipped with one line naming the Debian package; a report
a shape does not apply to (no table 四 header to misalign) is skipped with one line naming why.
Given the same input and the same tool versions the output is the same bytes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import wild
from . import converters, paged, pages, text, tools
from .sources import Skipped, Source, load_sources


@dataclass(frozen=True)
class Shape:
    name: str
    suffix: str
    tool: str  # the program that makes it in the wild (for the docs and the listing)
    what: str


SHAPES: dict[str, Shape] = {s.name: s for s in (
    Shape("html", ".html", "—", "the source page (UTF-8): the report as published, or drawn in the official layout"),
    Shape("crawler_text", ".txt", "lxml text_content()", "a minified page's text as a crawler stores it: one line, cells glued"),
    Shape("crawler_text_chrome", ".txt", "lxml text_content()", "the same, of the page inside another organ's portal chrome"),
    Shape("inner_text", ".txt", "Chromium innerText", "the browser's text: a TAB between cells, an empty field for a blank cell"),
    Shape("copy_paste", ".txt", "Chromium selection", "select all, copy: the clipboard's text/plain"),
    Shape("markdown", ".md", "html2text", "Markdown with pipe tables, spans flattened"),
    Shape("print_pdf", ".pdf", "Chromium print to PDF", "the page printed to an A4 PDF with a text layer"),
    Shape("pdftotext", ".txt", "poppler pdftotext", "the printed PDF's text in reading order"),
    Shape("pdftotext_layout", ".txt", "poppler pdftotext -layout", "the printed PDF's text in its printed columns"),
    Shape("office_docx", ".docx", "LibreOffice HTML → DOCX", "the page opened in an office suite, saved as Word"),
    Shape("office_pdf", ".pdf", "LibreOffice HTML → PDF", "the page opened in an office suite, exported as PDF"),
    Shape("office_odt", ".odt", "LibreOffice HTML → ODT", "the page opened in an office suite, saved as OpenDocument"),
    Shape("office_rtf", ".rtf", "LibreOffice HTML → RTF", "the page opened in an office suite, saved as Rich Text"),
    Shape("office_doc", ".doc", "LibreOffice HTML → DOC", "the page opened in an office suite, saved as Word 97-2003"),
    # the page as an office suite saves it as HTML (fresh20): what a site publishes when the
    # report was edited in the suite and exported — its own <p> in every cell, its styles, widths
    Shape("office_html", ".html", "LibreOffice HTML → HTML", "the page opened in an office suite, saved as HTML"),
    Shape("scan_200dpi", ".pdf", "poppler pdftoppm + Pillow", "the printed PDF's pages as 200-dpi grey images, no text layer"),
    Shape("chrome", ".html", "—", "the report inside another organ's portal page: header, UI words, CMS lines, links, footer"),
    Shape("chrome_sidebar", ".html", "—",
          "the portal page in two columns, a left column of other reports' titles (other years, other organs) first"),
    Shape("crawler_text_sidebar", ".txt", "lxml text_content()", "the same page's text as a crawler stores it: one line"),
    Shape("extra_table", ".html", "—", "a 信息处理费收取情况 table between table 三 and section 四"),
    Shape("misaligned_colspan", ".html", "—", "table 四's 行政复议 header spans 4 columns over 5 data cells"),
    Shape("misaligned_colspan3", ".html", "—", "table 三's 法人或其他组织 header spans 6 columns over 5"),
    # converters users run (converters.py)
    Shape("w3m_dump", ".txt", "w3m -dump", "a text-mode browser's 80-column grid: long cells wrapped inside their column"),
    Shape("lynx_dump", ".txt", "lynx -dump", "a text-mode browser's rows: cells separated by single spaces"),
    Shape("pandoc_plain", ".txt", "pandoc HTML → plain", "pandoc's plain text: tables in space-padded columns"),
    Shape("pandoc_markdown", ".md", "pandoc HTML → markdown", "pandoc's Markdown: simple/grid tables"),
    Shape("pandoc_gfm", ".md", "pandoc HTML → gfm", "GitHub Markdown: pipe tables, a spanned table kept as raw HTML"),
    Shape("pandoc_docx_plain", ".txt", "LibreOffice HTML → DOCX, pandoc → plain", "the office DOCX as pandoc's plain text"),
    Shape("pandoc_docx_markdown", ".md", "LibreOffice HTML → DOCX, pandoc → markdown", "the office DOCX as pandoc's Markdown"),
    Shape("inscriptis", ".txt", "inscriptis get_text", "a crawler's text with tables laid out in columns of spaces"),
    Shape("trafilatura", ".txt", "trafilatura extract", "a crawler's main-content text, tables as | rows"),
    Shape("soup_text", ".txt", "BeautifulSoup get_text()",
          "a Python crawler's text: the page source's text nodes, its line breaks and indentation kept"),
    Shape("soup_lines", ".txt", "BeautifulSoup get_text('\\n', strip=True)",
          "a Python crawler's text: every text node stripped on a line of its own, blank cells gone"),
    Shape("soup_spaced", ".txt", "BeautifulSoup get_text(' ', strip=True)",
          "a Python crawler's text on one line: text nodes stripped, a space between them, blank cells gone"),
    Shape("markitdown", ".md", "markitdown HTML → Markdown", "an LLM pipeline's Markdown: pipe tables, spans flattened"),
    Shape("markitdown_docx", ".md", "LibreOffice HTML → DOCX, markitdown", "the office DOCX as markitdown's Markdown"),
    Shape("docling", ".md", "docling HTML → Markdown",
          "docling's Markdown: pipe tables as full grids, a merged cell's text repeated in every position"),
    Shape("docling_docx", ".md", "LibreOffice HTML → DOCX, docling", "the office DOCX as docling's Markdown"),
    Shape("pdftotext_raw", ".txt", "poppler pdftotext -raw", "the printed PDF's text in content-stream order"),
    Shape("pdfminer", ".txt", "pdfminer.six extract_text", "the printed PDF's text by pdfminer's layout analysis"),
    Shape("pdfium_text", ".txt", "pypdfium2 get_text_range", "the printed PDF's text as PDFium gives it (a Chromium PDF viewer's copy)"),
    Shape("pypdf_text", ".txt", "pypdf extract_text", "the printed PDF's text as pypdf gives it (LangChain's PyPDFLoader)"),
    Shape("pymupdf_text", ".txt", "PyMuPDF get_text", "the printed PDF's text as PyMuPDF gives it, a form feed per page"),
    # renderings no corpus measured before fresh20: a CMS that imports a page through pandoc,
    # and PyMuPDF's own HTML of the printed PDF (every line a <p> at its place on the page)
    Shape("pandoc_html", ".html", "pandoc HTML → HTML5", "the page rewritten by pandoc: its own table markup, classes dropped"),
    Shape("pymupdf_html", ".html", "PyMuPDF get_text('html')",
          "the printed PDF as PyMuPDF's HTML: each page a <div>, each line a positioned <p> of <span>s"),
    Shape("pdfplumber_text", ".txt", "pdfplumber extract_text",
          "the printed PDF's text as pdfplumber gives it (most Python scrapers of Chinese PDFs)"),
    Shape("pdfplumber_layout", ".txt", "pdfplumber extract_text(layout=True)",
          "the printed PDF's text in its printed columns, as pdfplumber lays them out in spaces"),
    Shape("pymupdf4llm", ".md", "pymupdf4llm to_markdown",
          "an LLM pipeline's Markdown of the printed PDF: its own layout analysis, pipe tables cut by its column guesses"),
    Shape("pymupdf4llm_html", ".md", "pymupdf4llm to_markdown(table_output='html')",
          "the same Markdown with each table an HTML table inside it, as MinerU and marker print tables"),
    Shape("markitdown_pdf", ".md", "markitdown of the printed PDF",
          "an LLM pipeline's Markdown of the printed PDF: pipe tables whose columns its PDF converter "
          "guessed from word positions (two columns' values in one cell, columns it invented empty)"),
    Shape("office_txt", ".txt", "LibreOffice HTML → DOCX → Text",
          "the office DOCX saved as text by the office suite: a table cell a line"),
    Shape("docx2txt", ".txt", "LibreOffice HTML → DOCX, docx2txt",
          "the office DOCX's text by docx2txt: every paragraph and cell followed by a blank line"),
    Shape("pandas_csv", ".csv", "pandas read_html → to_csv",
          "a data analyst's tables: every table of the page as a DataFrame written as CSV, the text around "
          "them lost, a spanned cell's text in every position it covers"),
    Shape("pandas_xlsx", ".xlsx", "pandas read_html → to_excel",
          "the same tables saved as an Excel workbook, a sheet each: a spanned cell's text in every cell it covered"),
    Shape("pdfplumber_csv", ".csv", "pdfplumber extract_tables → csv",
          "the printed PDF's ruled tables as a scraper keeps them: rows written as CSV, a merged cell's "
          "text in its first position"),
    # renderings first measured in round 2's fourteenth session (fresh8)
    Shape("pandoc_rst", ".txt", "pandoc HTML → rst",
          "reStructuredText: grid tables whose cells are wrapped in narrow columns (`3.危及` → `3` ⏎ `.危及`)"),
    Shape("pandoc_org", ".txt", "pandoc HTML → org", "Emacs Org: padded | tables, spans flattened"),
    Shape("pandoc_asciidoc", ".txt", "pandoc HTML → asciidoc", "AsciiDoc: |=== tables, a cell as |text"),
    Shape("pandoc_mediawiki", ".txt", "pandoc HTML → mediawiki",
          "wiki markup: {| tables, a cell a line after |, spans as rowspan=/colspan= attributes"),
    Shape("pandoc_jira", ".txt", "pandoc HTML → jira", "Jira/Confluence wiki markup: || header cells, | rows"),
    Shape("w3m_wide", ".txt", "w3m -dump -cols 200", "the text-mode browser's grid in a wide terminal"),
    Shape("lynx_wide", ".txt", "lynx -dump -width=200", "lynx's rows in a wide terminal"),
    Shape("markdownify", ".md", "markdownify", "the markdownify library's Markdown (pipe tables)"),
    Shape("html2text_wrapped", ".md", "html2text (command line)",
          "html2text with its default 78-character wrapping"),
    Shape("trafilatura_markdown", ".md", "trafilatura extract(output_format='markdown')",
          "a crawler's main content as Markdown, tables as pipe rows"),
    Shape("mammoth_html", ".html", "LibreOffice HTML → DOCX, mammoth",
          "the office DOCX imported into a CMS by mammoth: its HTML, styles dropped"),
    Shape("office_pdftotext", ".txt", "LibreOffice HTML → PDF, pdftotext",
          "the office suite's PDF of the page, its text in poppler's reading order"),
    Shape("office_pdftotext_layout", ".txt", "LibreOffice HTML → PDF, pdftotext -layout",
          "the office suite's PDF of the page, its text in its printed columns"),
    Shape("word_pdftotext", ".txt", "ogi render DOCX + LibreOffice → PDF, pdftotext",
          "the Word file's PDF, its text in poppler's reading order"),
    Shape("word_pdftotext_layout", ".txt", "ogi render DOCX + LibreOffice → PDF, pdftotext -layout",
          "the Word file's PDF, its text in its printed columns"),
    Shape("word_pdfplumber_text", ".txt", "ogi render DOCX + LibreOffice → PDF, pdfplumber",
          "the Word file's PDF as pdfplumber gives it"),
    Shape("weasyprint_pdf", ".pdf", "WeasyPrint HTML → PDF", "the page laid out by an HTML-to-PDF library, with a text layer"),
    Shape("word_pdf", ".pdf", "ogi render DOCX + LibreOffice DOCX → PDF",
          "the report written as a Word file in the official layout, exported as PDF by an office suite"),
    Shape("unmapped_pdf", ".pdf", "Chromium print + pypdf",
          "the printed PDF with its fonts' ToUnicode maps removed: it prints right, its text layer is glyph numbers"),
    Shape("scan_150dpi_skew", ".pdf", "poppler pdftoppm + Pillow",
          "the printed PDF as an office scanner or phone gives it: 150 dpi grey, 0.8° askew, soft, speckled"),
    # renderings first measured in round 2's fifteenth session (fresh9)
    Shape("python_docx_text", ".txt", "LibreOffice HTML → DOCX, python-docx",
          "the office DOCX as a python-docx script reads it in document order: a table's rows with TABs "
          "between cells, a merged cell repeated in every position"),
    Shape("python_docx_split", ".txt", "LibreOffice HTML → DOCX, python-docx",
          "the same as the naive script reads it: every paragraph (document.paragraphs), then every table"),
    Shape("pymupdf_tables_csv", ".csv", "PyMuPDF find_tables → csv",
          "the printed PDF's tables as PyMuPDF finds them, rows written as CSV, a covered cell empty"),
    # renderings first measured in round 2's sixteenth session (fresh10)
    Shape("pymupdf_sorted", ".txt", "PyMuPDF get_text(sort=True)",
          "the printed PDF's text blocks sorted top to bottom, left to right, a form feed per page"),
    Shape("pdftohtml_complex", ".html", "poppler pdftohtml -c",
          "the printed PDF as an online preview: every line a <p> placed by absolute top/left in a box per page"),
    Shape("pdfminer_html", ".html", "pdfminer.six pdf2txt -t html",
          "the printed PDF's text boxes as absolutely placed <div>s, lines as <br>-separated spans"),
    Shape("pandoc_docx", ".docx", "pandoc HTML → DOCX", "pandoc's own Word file of the page: tables without merged cells"),
    Shape("pdf_docx", ".docx", "LibreOffice PDF → DOCX (writer_pdf_import)",
          "the printed PDF converted to Word by an office suite: every line a text frame placed on the page"),
    # renderings first measured in round 2's seventeenth session (fresh17)
    Shape("html2text_notables", ".txt", "html2text ignore_tables=True",
          "a crawler's text with tables kept out of Markdown: a row a line, cells separated by single spaces"),
    Shape("pypdf_layout", ".txt", "pypdf extract_text(extraction_mode='layout')",
          "the printed PDF's text placed in columns of spaces by pypdf's layout mode"),
    Shape("office_pymupdf_text", ".txt", "LibreOffice HTML → PDF, PyMuPDF get_text",
          "the office suite's PDF of the page as PyMuPDF gives it"),
    Shape("office_pdfplumber_text", ".txt", "LibreOffice HTML → PDF, pdfplumber extract_text",
          "the office suite's PDF of the page as pdfplumber gives it"),
    Shape("word_pymupdf_text", ".txt", "ogi render DOCX + LibreOffice → PDF, PyMuPDF get_text",
          "the Word file's PDF as PyMuPDF gives it"),
    Shape("mammoth_markdown", ".md", "LibreOffice HTML → DOCX, mammoth convert_to_markdown",
          "the office DOCX as mammoth's Markdown: a table cell a paragraph, no pipe tables"),
    # renderings first measured in round 2's eighteenth session (fresh18)
    Shape("pandoc_commonmark", ".md", "pandoc HTML → commonmark",
          "CommonMark, which has no tables: headings and paragraphs as Markdown, each table kept as raw HTML"),
    Shape("pandoc_dokuwiki", ".txt", "pandoc HTML → dokuwiki",
          "DokuWiki markup: | rows padded to columns, a spanned cell's text once and the cells it covered empty"),
    Shape("pandoc_textile", ".txt", "pandoc HTML → textile",
          "Textile markup: |cell|cell| rows, spans dropped (a covered cell is an empty ||)"),
    Shape("lxml_cleaned", ".html", "lxml_html_clean Cleaner(style=True)",
          "a crawler's sanitised copy of the page: scripts, styles (so CSS hiding), frames and forms removed"),
    # deviations the template's variants do not list (synth/wild.py)
    Shape("wild_labels", ".html", "—", "labels as agencies word them: 本年度, 政府信息公开 dropped or added, "
          "another numbering style, traditional characters, spaces"),
    Shape("wild_values", ".html", "—", "numbers as agencies print them: full-width digits, 12件"),
    Shape("wild_structure", ".html", "—", "单位:件 lines, a repeated caption, 注 rows under the tables, "
          "an extra 其中 row in table 三"),
    # page chrome: page numbers, running headers and footers, repeated table headers (paged.py)
    Shape("paged_pdf", ".pdf", "WeasyPrint @page margin boxes",
          "the page printed on A4/B5/A5 with a page number (six styles), a running header and footer and "
          "table headers repeated on every page"),
    Shape("paged_pdftotext", ".txt", "poppler pdftotext", "the paged PDF's text in reading order, a form feed per page"),
    Shape("paged_pdftotext_layout", ".txt", "poppler pdftotext -layout", "the paged PDF's text in its printed columns"),
    Shape("paged_pdftotext_raw", ".txt", "poppler pdftotext -raw", "the paged PDF's text in content-stream order"),
    Shape("paged_pdfminer", ".txt", "pdfminer.six extract_text", "the paged PDF's text by pdfminer's layout analysis"),
    Shape("paged_pdfium_text", ".txt", "pypdfium2 get_text_range", "the paged PDF's text as PDFium gives it"),
    Shape("paged_pypdf_text", ".txt", "pypdf extract_text", "the paged PDF's text as pypdf gives it"),
    Shape("paged_pymupdf_text", ".txt", "PyMuPDF get_text", "the paged PDF's text as PyMuPDF gives it"),
    Shape("paged_pdfplumber_text", ".txt", "pdfplumber extract_text", "the paged PDF's text as pdfplumber gives it"),
    Shape("paged_pdftohtml", ".html", "poppler pdftohtml",
          "the paged PDF as one HTML page: a line a <br/>, an <hr/> per page, in reading order"),
    Shape("paged_pdftotext_layout_html", ".html", "poppler pdftotext -htmlmeta -layout",
          "the paged PDF's text in its printed columns inside one <pre> of an HTML page"),
    Shape("paged_chromium_pdf", ".pdf", "Chromium print, header/footer templates",
          "the page printed by a browser with headers and footers on: print time and title, page number and address"),
)}
# read by OCR, several seconds a page: left out of quick runs
SCAN_SHAPES = ("scan_200dpi", "scan_150dpi_skew", "unmapped_pdf")
def _markitdown_pdf(pdf: bytes) -> str:
    """markitdown's Markdown of a PDF (its PDF converter: tables as pipe rows of guessed columns)."""
    import io

    converters.need_package("markitdown")
    return converters._markitdown().convert_stream(io.BytesIO(pdf), file_extension=".pdf").text_content


# the shapes each program makes
BROWSER_SHAPES = ("inner_text", "copy_paste", "print_pdf", "pdftotext", "pdftotext_layout", "scan_200dpi",
                  "scan_150dpi_skew", "unmapped_pdf")
PDF_SHAPES = ("print_pdf", "pdftotext", "pdftotext_layout", "scan_200dpi", "scan_150dpi_skew", "unmapped_pdf")
OFFICE_SHAPES = {"office_docx": "docx", "office_pdf": "pdf", "office_odt": "odt", "office_rtf": "rtf", "office_doc": "doc", "office_html": "html"}
# the office suite's other saved formats (fresh19): their bytes carry the save's time (ODT's
# meta.xml, RTF's \\creatim, DOC's summary stream), and ogi reads them through LibreOffice again,
# seconds a file — measured on the unseen corpora, not in the three reports' unit run
RESAVED_SHAPES = ("office_odt", "office_rtf", "office_doc")
# converter shapes: shape → (what it reads, the converter); "page" the source page's text,
# "page_file"/"docx_file" a file path, "pdf" the printed PDF's bytes, "office_pdf" the office
# suite's PDF of the page, "word_pdf" the office suite's PDF of the report written as Word
CONVERTER_SHAPES: dict[str, tuple[str, Callable]] = {
    "w3m_dump": ("page_file", converters.w3m_dump),
    "lynx_dump": ("page_file", converters.lynx_dump),
    "pandoc_plain": ("page_file", lambda p: converters.pandoc(p, "html", "plain")),
    "pandoc_markdown": ("page_file", lambda p: converters.pandoc(p, "html", "markdown")),
    "pandoc_gfm": ("page_file", lambda p: converters.pandoc(p, "html", "gfm")),
    "pandoc_docx_plain": ("docx_file", lambda p: converters.pandoc(p, "docx", "plain")),
    "pandoc_rst": ("page_file", lambda p: converters.pandoc(p, "html", "rst")),
    "pandoc_org": ("page_file", lambda p: converters.pandoc(p, "html", "org")),
    "pandoc_asciidoc": ("page_file", lambda p: converters.pandoc(p, "html", "asciidoc")),
    "pandoc_mediawiki": ("page_file", lambda p: converters.pandoc(p, "html", "mediawiki")),
    "pandoc_jira": ("page_file", lambda p: converters.pandoc(p, "html", "jira")),
    "w3m_wide": ("page_file", lambda p: converters.w3m_dump(p, converters.WIDE_TERMINAL_COLUMNS)),
    "lynx_wide": ("page_file", lambda p: converters.lynx_dump(p, converters.WIDE_TERMINAL_COLUMNS)),
    "markdownify": ("page", converters.markdownify_text),
    "html2text_wrapped": ("page", converters.html2text_wrapped),
    "trafilatura_markdown": ("page", converters.trafilatura_markdown),
    "mammoth_html": ("docx_file", converters.mammoth_html),
    "office_pdftotext": ("office_pdf", lambda pdf: tools.pdftotext(pdf, layout=False)),
    "office_pdftotext_layout": ("office_pdf", lambda pdf: tools.pdftotext(pdf, layout=True)),
    "word_pdftotext": ("word_pdf", lambda pdf: tools.pdftotext(pdf, layout=False)),
    "word_pdftotext_layout": ("word_pdf", lambda pdf: tools.pdftotext(pdf, layout=True)),
    "word_pdfplumber_text": ("word_pdf", converters.pdfplumber_text),
    "pandoc_docx_markdown": ("docx_file", lambda p: converters.pandoc(p, "docx", "markdown")),
    "inscriptis": ("page", converters.inscriptis_text),
    "trafilatura": ("page", converters.trafilatura_text),
    "soup_text": ("page", lambda page: converters.soup_text(page, None)),
    "soup_lines": ("page", lambda page: converters.soup_text(page, "\n")),
    "soup_spaced": ("page", lambda page: converters.soup_text(page, " ")),
    "markitdown": ("page_file", converters.markitdown_text),
    "markitdown_docx": ("docx_file", converters.markitdown_text),
    "docling": ("page_file", converters.docling_markdown),
    "docling_docx": ("docx_file", converters.docling_markdown),
    "pdftotext_raw": ("pdf", converters.pdftotext_raw),
    "pdfminer": ("pdf", converters.pdfminer_text),
    "pdfium_text": ("pdf", converters.pdfium_text),
    "pypdf_text": ("pdf", converters.pypdf_text),
    "pymupdf_text": ("pdf", converters.pymupdf_text),
    "pymupdf_html": ("pdf", converters.pymupdf_html),
    "pandoc_html": ("page_file", lambda p: converters.pandoc(p, "html", "html5")),
    "pdfplumber_text": ("pdf", converters.pdfplumber_text),
    "pdfplumber_layout": ("pdf", lambda pdf: converters.pdfplumber_text(pdf, layout=True)),
    "pymupdf4llm": ("pdf", converters.pymupdf4llm_markdown),
    "pymupdf4llm_html": ("pdf", lambda pdf: converters.pymupdf4llm_markdown(pdf, html_tables=True)),
    "markitdown_pdf": ("pdf", lambda pdf: _markitdown_pdf(pdf)),
    "docx2txt": ("docx_file", converters.docx2txt_text),
    "pandas_csv": ("page", converters.pandas_csv),
    "pandas_xlsx": ("page", converters.pandas_xlsx),
    "pdfplumber_csv": ("pdf", converters.pdfplumber_csv),
    "python_docx_text": ("docx_file", converters.python_docx_text),
    "python_docx_split": ("docx_file", lambda p: converters.python_docx_text(p, tables_last=True)),
    "pymupdf_tables_csv": ("pdf", converters.pymupdf_tables_csv),
    "pymupdf_sorted": ("pdf", converters.pymupdf_sorted),
    "pdftohtml_complex": ("pdf", converters.pdftohtml_complex),
    "pdfminer_html": ("pdf", converters.pdfminer_html),
    "pandoc_docx": ("page_file", converters.pandoc_docx),
    "html2text_notables": ("page", converters.html2text_notables),
    "pypdf_layout": ("pdf", converters.pypdf_layout),
    "office_pymupdf_text": ("office_pdf", converters.pymupdf_text),
    "office_pdfplumber_text": ("office_pdf", converters.pdfplumber_text),
    "word_pymupdf_text": ("word_pdf", converters.pymupdf_text),
    "mammoth_markdown": ("docx_file", converters.mammoth_markdown),
    "pandoc_commonmark": ("page_file", lambda p: converters.pandoc(p, "html", "commonmark")),
    "pandoc_dokuwiki": ("page_file", lambda p: converters.pandoc(p, "html", "dokuwiki")),
    "pandoc_textile": ("page_file", lambda p: converters.pandoc(p, "html", "textile")),
    "lxml_cleaned": ("page", converters.lxml_cleaned),
}
PAGE_EDITS: dict[str, Callable[[Source], str]] = {
    "chrome": pages.chrome_page,
    "chrome_sidebar": pages.chrome_sidebar_page,
    "extra_table": pages.extra_table_page,
    "misaligned_colspan": pages.misaligned_table4_page,
    "misaligned_colspan3": pages.misaligned_table3_page,
    "wild_labels": wild.labels_page,
    "wild_values": wild.values_page,
    "wild_structure": wild.structure_page,
}


@dataclass
class Outcome:
    """What a run wrote: shape → stems written; the lines saying what was skipped and why."""

    written: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def parse_shapes(spec: str) -> list[str]:
    """``all`` or a comma-separated list of shape names → the names, in registry order."""
    names = list(SHAPES) if spec.strip() in ("", "all") else [s.strip() for s in spec.split(",") if s.strip()]
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        raise ValueError(f"unknown shape(s) {', '.join(unknown)}; choose from {', '.join(SHAPES)}")
    return [n for n in SHAPES if n in names]


def make_shapes(src: Path, out: Path, shapes: list[str], log: Callable[[str], None] = lambda s: None,
                cache: Path | None = None) -> Outcome:
    """Write ``out/<shape>/`` for each of ``shapes`` from the labelled folder ``src``."""
    sources, skipped = load_sources(src)
    outcome = Outcome()
    for s in skipped:
        outcome.notes.append(f"{s.stem}: skipped ({s.reason})")
    cache = cache or out / ".cache"
    made = _Maker(sources, cache, shapes, outcome)
    for name in shapes:
        shape = SHAPES[name]
        try:
            results = made.shape(name)
        except tools.ToolMissing as exc:
            outcome.notes.append(f"{name}: skipped, {exc}")
            continue
        folder = out / name
        (folder / "expected").mkdir(parents=True, exist_ok=True)
        stems = []
        for source in sources:
            result = results.get(source.stem)
            if isinstance(result, str):
                outcome.notes.append(f"{name}/{source.stem}: skipped ({result})")
                continue
            if result is None:
                outcome.notes.append(f"{name}/{source.stem}: skipped (the tool made no output)")
                continue
            (folder / f"{source.stem}{shape.suffix}").write_bytes(result)
            (folder / "expected" / f"{source.stem}.json").write_bytes(source.expected)
            stems.append(source.stem)
        outcome.written[name] = stems
        log(f"{name}: {len(stems)} reports → {folder}")
    for note in outcome.notes:
        log(note)
    return outcome


def _sha(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


class _Maker:
    """Makes each shape's bytes per stem (or a reason string), running each program once
    per batch and keeping its results in the cache."""

    def __init__(self, sources: list[Source], cache: Path, wanted: list[str], outcome: Outcome):
        self.sources = sources
        self.cache = cache
        self.wanted = wanted
        self.outcome = outcome
        self._browser: dict[str, tools.BrowserOutput] | None = None
        self._chrome_pages: dict[str, str] | None = None

    # the cache: <cache>/<kind>/<sha of input>.<ext>
    def _cached(self, kind: str, key: str, ext: str) -> Path:
        return self.cache / kind / f"{key}.{ext}"

    def _page_files(self, kind: str) -> dict[str, Path]:
        """Each source page written as <cache>/pages/<sha>/<stem>.html (the programs name
        their output after the input file)."""
        files = {}
        for s in self.sources:
            path = self.cache / "pages" / _sha(s.html) / f"{s.stem}.html"
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(s.html, encoding="utf-8")
            files[s.stem] = path
        return files

    def shape(self, name: str) -> dict[str, bytes | str]:
        if name == "html":
            return {s.stem: s.html.encode("utf-8") for s in self.sources}
        if name == "crawler_text":
            return {s.stem: text.crawler_text(s.html).encode("utf-8") for s in self.sources}
        if name == "crawler_text_chrome":
            return {stem: text.crawler_text(page).encode("utf-8") for stem, page in self.chrome_pages().items()}
        if name == "crawler_text_sidebar":
            return {s.stem: text.crawler_text(pages.chrome_sidebar_page(s)).encode("utf-8") for s in self.sources}
        if name == "markdown":
            try:
                import html2text  # noqa: F401
            except ImportError as exc:
                raise tools.ToolMissing(f"needs html2text: {text.HTML2TEXT_HINT}") from exc
            return {s.stem: text.markdown(s.html).encode("utf-8") for s in self.sources}
        if name in PAGE_EDITS:
            return self.page_edit(name)
        if name in ("inner_text", "copy_paste"):
            return self.browser_text(name)
        if name in PDF_SHAPES:
            return self.pdf_shape(name)
        if name in OFFICE_SHAPES:
            return self.office(OFFICE_SHAPES[name])
        if name in CONVERTER_SHAPES:
            return self.convert(name)
        if name == "weasyprint_pdf":
            return self.weasyprint()
        if name == "word_pdf":
            return self.word_pdf()
        if name == "office_txt":
            return self.office_text()
        if name == "pdf_docx":
            return self.pdf_docx()
        if name in paged.SHAPE_NAMES:
            return self.paged(name)
        raise ValueError(name)

    def convert(self, name: str) -> dict[str, bytes | str]:
        """A converter's text of each report's page, office DOCX or printed PDF (cached by the
        SHA-256 of what it reads)."""
        reads, fn = CONVERTER_SHAPES[name]
        inputs: dict[str, bytes | str] = {}
        if reads in ("page", "page_file"):
            inputs = {s.stem: s.html.encode("utf-8") for s in self.sources}
        elif reads == "docx_file":
            inputs = self.office("docx")
        elif reads == "office_pdf":
            inputs = self.office("pdf")
        elif reads == "word_pdf":
            inputs = self.word_pdf()
        else:
            inputs = dict(self.printed_pdfs())
        files = self._page_files("pages") if reads == "page_file" else {}
        out: dict[str, bytes | str] = {}
        for stem, data in inputs.items():
            if isinstance(data, str):
                out[stem] = data
                continue
            path = self._cached(name, _sha(data), "txt")
            if not path.exists():
                if reads == "page":
                    made = fn(data.decode("utf-8"))
                elif reads == "page_file":
                    made = fn(files[stem])
                elif reads == "docx_file":
                    docx = self.cache / "docx-files" / _sha(data) / f"{stem}.docx"
                    docx.parent.mkdir(parents=True, exist_ok=True)
                    docx.write_bytes(data)
                    made = fn(docx)
                else:
                    made = fn(data)
                path.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(made, bytes):  # a workbook
                    path.write_bytes(made)
                else:
                    path.write_text(made, encoding="utf-8")
            out[stem] = path.read_bytes()
        return out

    def chrome_pages(self) -> dict[str, str]:
        if self._chrome_pages is None:
            self._chrome_pages = {s.stem: pages.chrome_page(s) for s in self.sources}
        return self._chrome_pages

    def page_edit(self, name: str) -> dict[str, bytes | str]:
        if name == "chrome":
            return {stem: page.encode("utf-8") for stem, page in self.chrome_pages().items()}
        out: dict[str, bytes | str] = {}
        for s in self.sources:
            try:
                out[s.stem] = PAGE_EDITS[name](s).encode("utf-8")
            except pages.NotApplicable as exc:
                out[s.stem] = str(exc)
        return out

    def browser(self) -> dict[str, tools.BrowserOutput]:
        """Chromium's innerText, copied text and printed PDF of every source page (cached)."""
        if self._browser is not None:
            return self._browser
        if not tools.have("chromium"):
            raise tools.ToolMissing(tools.missing_message("chromium"))
        files = self._page_files("pages")
        result: dict[str, tools.BrowserOutput] = {}
        todo: dict[str, Path] = {}
        for s in self.sources:
            key = _sha(s.html)
            paths = [self._cached("chromium", key, ext) for ext in ("inner.txt", "copy.txt", "pdf")]
            if all(p.exists() for p in paths):
                result[s.stem] = tools.BrowserOutput(paths[0].read_text("utf-8"), paths[1].read_text("utf-8"),
                                                     paths[2].read_bytes())
            else:
                todo[s.stem] = files[s.stem]
        if todo:
            made = tools.browse(todo, want_pdf=True)
            for s in self.sources:
                if s.stem in made:
                    key = _sha(s.html)
                    got = made[s.stem]
                    self._cached("chromium", key, "pdf").parent.mkdir(parents=True, exist_ok=True)
                    self._cached("chromium", key, "inner.txt").write_text(got.inner_text, "utf-8")
                    self._cached("chromium", key, "copy.txt").write_text(got.copied_text, "utf-8")
                    self._cached("chromium", key, "pdf").write_bytes(got.pdf or b"")
                    result[s.stem] = got
        self._browser = result
        return result

    def browser_text(self, name: str) -> dict[str, bytes | str]:
        if not tools.have("chromium"):
            if name == "copy_paste":
                raise tools.ToolMissing(tools.missing_message("chromium"))
            self.outcome.notes.append(f"inner_text: no Chromium ({tools.missing_message('chromium')}); "
                                      f"made by the Python innerText walk instead")
            return {s.stem: text.inner_text_walk(s.html).encode("utf-8") for s in self.sources}
        got = self.browser()
        field_ = "inner_text" if name == "inner_text" else "copied_text"
        return {stem: getattr(b, field_).encode("utf-8") for stem, b in got.items()}

    def printed_pdfs(self) -> dict[str, bytes]:
        if tools.have("chromium"):
            return {stem: b.pdf for stem, b in self.browser().items() if b.pdf}
        self.outcome.notes.append(f"print_pdf: no Chromium ({tools.missing_message('chromium')}); "
                                  f"printed with WeasyPrint instead")
        import weasyprint

        return {s.stem: tools.steady_pdf(weasyprint.HTML(string=s.html).write_pdf(), s.stem) for s in self.sources}

    def pdf_shape(self, name: str) -> dict[str, bytes | str]:
        pdfs = self.printed_pdfs()
        if name == "print_pdf":
            return dict(pdfs)
        out: dict[str, bytes | str] = {}
        for stem, pdf in pdfs.items():
            if name == "unmapped_pdf":
                out[stem] = converters.without_unicode_maps(pdf)
            elif name in SCAN_SHAPES:
                kind, make = ("scan", tools.scan) if name == "scan_200dpi" else ("scanner", tools.scanner)
                path = self._cached(kind, _sha(pdf), "pdf")
                if not path.exists():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(make(pdf))
                out[stem] = path.read_bytes()
            else:
                out[stem] = tools.pdftotext(pdf, layout=name == "pdftotext_layout").encode("utf-8")
        return out

    def office(self, to: str) -> dict[str, bytes | str]:
        if not tools.have("soffice"):
            raise tools.ToolMissing(tools.missing_message("soffice"))
        files = self._page_files("pages")
        out: dict[str, bytes | str] = {}
        todo: dict[str, Path] = {}
        for s in self.sources:
            path = self._cached(f"office-{to}", _sha(s.html), to)
            if path.exists():
                out[s.stem] = path.read_bytes()
            else:
                todo[s.stem] = files[s.stem]
        if todo:
            made = tools.office_convert(todo, to)
            for s in self.sources:
                if s.stem in made:
                    path = self._cached(f"office-{to}", _sha(s.html), to)
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(made[s.stem])
                    out[s.stem] = made[s.stem]
        return out


    def weasyprint(self) -> dict[str, bytes | str]:
        out: dict[str, bytes | str] = {}
        for s in self.sources:
            path = self._cached("weasyprint", _sha(s.html), "pdf")
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(tools.weasyprint_pdf(s.html, s.stem))
            out[s.stem] = path.read_bytes()
        return out

    def paged_pdfs(self) -> dict[str, bytes]:
        """Each page printed with its page chrome by WeasyPrint (cached by the SHA-256 of the
        page with its print rules)."""
        try:
            import weasyprint  # noqa: F401
        except ImportError as exc:
            raise tools.ToolMissing("needs weasyprint: pip install 'ogi-reports[shapes]'") from exc
        out: dict[str, bytes] = {}
        for s in self.sources:
            page = paged.paged_page(s)
            path = self._cached("paged", _sha(page), "pdf")
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(tools.weasyprint_pdf(page, s.stem))
            out[s.stem] = path.read_bytes()
        return out

    def chromium_paged(self) -> dict[str, bytes | str]:
        """Each page (headers made ``<thead>``) printed by Chromium with header and footer
        templates, cached by the SHA-256 of the page and its print options."""
        import json

        if not tools.have("chromium"):
            raise tools.ToolMissing(tools.missing_message("chromium"))
        out: dict[str, bytes | str] = {}
        todo: dict[str, tuple[Path, dict[str, str]]] = {}
        keys: dict[str, str] = {}
        for s in self.sources:
            page = paged.paged_page(s, print_rules=False)
            opts = paged.chromium_templates(s)
            keys[s.stem] = key = _sha(page + json.dumps(opts, sort_keys=True))
            path = self._cached("paged-chromium", key, "pdf")
            if path.exists():
                out[s.stem] = path.read_bytes()
                continue
            file = self.cache / "pages" / _sha(page) / f"{s.stem}.html"
            if not file.exists():
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_text(page, encoding="utf-8")
            todo[s.stem] = (file, opts)
        if todo:
            made = paged.chromium_paged(todo)
            for stem, pdf in made.items():
                path = self._cached("paged-chromium", keys[stem], "pdf")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(pdf)
                out[stem] = pdf
        return out

    def paged(self, name: str) -> dict[str, bytes | str]:
        if name == "paged_chromium_pdf":
            return self.chromium_paged()
        pdfs = self.paged_pdfs()
        if name == "paged_pdf":
            return dict(pdfs)
        make = paged.TEXT_SHAPES[name]
        out: dict[str, bytes | str] = {}
        for stem, pdf in pdfs.items():
            path = self._cached(name, _sha(pdf), "txt")
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(make(pdf), encoding="utf-8")
            out[stem] = path.read_bytes()
        return out

    def office_text(self) -> dict[str, bytes | str]:
        """The office DOCX of each report saved as text by LibreOffice (cached by the DOCX's
        SHA-256)."""
        out: dict[str, bytes | str] = {}
        todo: dict[str, Path] = {}
        docs = self.office("docx")
        for stem, docx in docs.items():
            if isinstance(docx, str):
                out[stem] = docx
                continue
            path = self._cached("office-txt", _sha(docx), "txt")
            if path.exists():
                out[stem] = path.read_bytes()
                continue
            src = self.cache / "docx-files" / _sha(docx) / f"{stem}.docx"
            src.parent.mkdir(parents=True, exist_ok=True)
            src.write_bytes(docx)
            todo[stem] = src
        if todo:
            made = tools.office_convert(todo, "txt", infilter=None)
            for stem, data in made.items():
                path = self._cached("office-txt", _sha(docs[stem]), "txt")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                out[stem] = data
        return out

    def pdf_docx(self) -> dict[str, bytes | str]:
        """The printed PDF of each report opened by LibreOffice's PDF import and saved as Word
        (cached by the PDF's SHA-256)."""
        if not tools.have("soffice"):
            raise tools.ToolMissing(tools.missing_message("soffice"))
        out: dict[str, bytes | str] = {}
        todo: dict[str, Path] = {}
        pdfs = self.printed_pdfs()
        for stem, pdf in pdfs.items():
            path = self._cached("pdf-docx", _sha(pdf), "docx")
            if path.exists():
                out[stem] = path.read_bytes()
                continue
            src = self.cache / "pdf-files" / _sha(pdf) / f"{stem}.pdf"
            src.parent.mkdir(parents=True, exist_ok=True)
            src.write_bytes(pdf)
            todo[stem] = src
        if todo:
            made = tools.office_convert(todo, "docx", infilter=tools.PDF_IMPORT_FILTER)
            for stem, data in made.items():
                path = self._cached("pdf-docx", _sha(pdfs[stem]), "docx")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                out[stem] = data
        return out

    def word_pdf(self) -> dict[str, bytes | str]:
        """The renderer's DOCX of each report (expected values, the page's prose), exported
        to PDF by LibreOffice as Word would be."""
        import json

        from ...api import parse
        from ...errors import NotAReport
        from ...render import render
        from .sources import DRAWABLE_TEMPLATES, drawn_report

        if not tools.have("soffice"):
            raise tools.ToolMissing(tools.missing_message("soffice"))
        out: dict[str, bytes | str] = {}
        todo: dict[str, Path] = {}
        for s in self.sources:
            want = json.loads(s.expected)
            if (want.get("meta") or {}).get("template") not in DRAWABLE_TEMPLATES:
                out[s.stem] = "its format has no official tables to draw"
                continue
            try:
                parsed = parse(s.html.encode("utf-8"), f"{s.stem}.html")
            except NotAReport as exc:  # a page holding two reports: nothing to draw from
                out[s.stem] = f"the parser refuses its page: {exc}"
                continue
            docx = render(drawn_report(parsed, want), "docx")
            path = self._cached("word-pdf", _sha(docx), "pdf")
            if path.exists():
                out[s.stem] = path.read_bytes()
                continue
            src = self.cache / "word-docx" / _sha(docx) / f"{s.stem}.docx"
            src.parent.mkdir(parents=True, exist_ok=True)
            src.write_bytes(docx)
            todo[s.stem] = src
        if todo:
            made = tools.office_convert(todo, "pdf", infilter=None)
            for stem, src in todo.items():
                if stem in made:
                    path = self._cached("word-pdf", src.parent.name, "pdf")
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(made[stem])
                    out[stem] = made[stem]
        return out


__all__ = ["SCAN_SHAPES", "SHAPES", "Outcome", "Shape", "Skipped", "make_shapes", "parse_shapes"]
