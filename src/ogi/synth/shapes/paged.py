"""Paged shapes: the report printed to PDF with the page chrome real PDFs carry.

A report an agency prints to PDF does not hold its text alone. Every page carries *page
chrome*: a page number in the footer (``- 3 -``, ``— 3 —``, ``第 3 页 共 5 页``, ``第3页``,
``3/5``, a bare ``3``), a running header or footer (the agency's name, the portal's name
and address, ``XX县人民政府信息公开``, a print line ``打印日期：2024-01-15``), a rule under
the header, and the header rows of a table printed again at the top of every page the
table runs onto. Text tools (``pdftotext`` in reading order, ``-layout``, ``-raw``;
pdfminer) put that chrome *between the rows of a table*: a bare page number ``3`` among
table 三's values is a number like any other.

``paged_pdf`` is the source page laid out by **WeasyPrint** with CSS paged media: the
page size and margins (A4, B5 or A5, so the tables cross pages), ``@page`` margin boxes
whose ``content`` is the running header and footer and ``counter(page)`` /
``counter(pages)`` in one of the six styles above, and every table's leading rows that
hold no digit made its ``<thead>`` (repeated on each page, as ``display:
table-header-group`` prints it; the official layout the renderer draws has one already).
Everything is chosen from a hash of the report's stem (:func:`.pages.pick`): the same
report always gets the same chrome, and a corpus gets all styles. The running header
names another organ's portal where it names an organ other than the report's, so
``meta.agency`` must still come from the report.

The text shapes are that PDF through the real tools: ``paged_pdftotext`` (poppler's
reading order; a form feed ``\\f`` at each page end), ``paged_pdftotext_layout``,
``paged_pdftotext_raw``, ``paged_pdfminer`` and the text of pypdfium2, pypdf and PyMuPDF. Expected values carry over unchanged.

``paged_chromium_pdf`` is the same page (headers made ``<thead>``) printed by headless
**Chromium** with its header and footer templates, as a user's "print to PDF" with
"headers and footers" on gives it: a print time and the page title at the top, at the
bottom a page number (``3/5`` as the browser prints it, ``第 3 页 共 5 页``, ``- 3 -`` or a
bare ``3``) beside the page's address, the portal's name or a print date."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml.html import builder as E

from ...render.html import FONTS
from . import converters, tools
from .pages import _agency, _site_organ, _serialize, pick
from .sources import Source, page_tree

# the page number's CSS ``content`` in each style real reports print; pages = the total
PAGE_NUMBER_STYLES = (
    '"- " counter(page) " -"',
    '"— " counter(page) " —"',
    '"第 " counter(page) " 页 共 " counter(pages) " 页"',
    '"第" counter(page) "页"',
    'counter(page) "/" counter(pages)',
    "counter(page)",
)
# where the page number stands
PAGE_NUMBER_BOXES = ("bottom-center", "bottom-center", "bottom-right", "top-right")
# page size and margins (top/bottom, left/right) that make the official tables cross pages
PAGE_SIZES = (("A4", "25mm", "20mm"), ("B5", "22mm", "18mm"), ("A5", "18mm", "14mm"))
CHROME_FONT_PT = 9
PRINT_DAYS = ("2024-01-15", "2024-03-02", "2025-01-20", "2023-12-28")
SITE_URL = "www.example.gov.cn"
_DIGIT = re.compile(r"\d")


def _header_text(source: Source) -> str:
    """The running header: the agency itself, another organ's portal and its address, or
    the organ's ``…信息公开`` column (picked by the stem)."""
    organ = _site_organ(source)
    agency = _agency(source)
    choices = [f"{organ}门户网站  {SITE_URL}", f"{organ}信息公开", f"{organ}政务公开专栏"]
    if agency:
        choices.append(agency)
    return choices[pick(source.stem, "paged-header", len(choices))]


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_css(source: Source) -> str:
    """The ``@page`` rules of one report's print: size, margins, margin boxes."""
    size, vertical, horizontal = PAGE_SIZES[pick(source.stem, "paged-size", len(PAGE_SIZES))]
    number = PAGE_NUMBER_STYLES[pick(source.stem, "paged-number", len(PAGE_NUMBER_STYLES))]
    number_box = PAGE_NUMBER_BOXES[pick(source.stem, "paged-number-box", len(PAGE_NUMBER_BOXES))]
    header = _css_string(_header_text(source))
    font = f"font-family: {FONTS}; font-size: {CHROME_FONT_PT}pt;"
    rule = "border-bottom: .5pt solid #000;" if pick(source.stem, "paged-rule", 2) else ""
    boxes = {"top-center" if number_box != "top-right" else "top-left": f"content: {header}; {font} {rule}",
             number_box: f"content: {number}; {font}"}
    printed = pick(source.stem, "paged-print", 3)
    if printed == 1:
        boxes["bottom-left"] = f"content: {_css_string('打印日期：' + PRINT_DAYS[pick(source.stem, 'day', 4)])}; {font}"
    elif printed == 2:
        boxes["bottom-left" if number_box != "bottom-left" else "top-right"] = \
            f"content: {_css_string('http://' + SITE_URL + '/zwgk/ndbg/')}; {font}"
    inner = " ".join(f"@{box} {{ {rules} }}" for box, rules in boxes.items())
    return (f"@page {{ size: {size}; margin: {vertical} {horizontal}; {inner} }}\n"
            "thead { display: table-header-group; }\n")


def repeat_headers(tree) -> None:
    """Make each table's leading rows without a digit its ``<thead>`` (where it has none),
    so a paged layout prints them again on every page the table crosses. A table whose
    header rows span down into its data, or which holds no digit-free leading row, is left
    as it is."""
    for table in tree.iter("table"):
        if table.find(".//table") is not None or table.find("thead") is not None:
            continue
        rows = [tr for tr in table.iter("tr")]
        k = 0
        while k < len(rows) and not _DIGIT.search(rows[k].text_content()):
            k += 1
        if not 0 < k < len(rows) or any(rows[k].getparent() is not r.getparent() for r in rows[:k]):
            continue
        if any(i + int(td.get("rowspan") or 1) > k for i, r in enumerate(rows[:k]) for td in r.iter("td", "th")):
            continue
        parent = rows[0].getparent()
        head = E.THEAD()
        parent_index = (table.index(parent) if parent is not table else table.index(rows[0]))
        for r in rows[:k]:
            head.append(r)
        table.insert(parent_index, head)


def paged_page(source: Source, print_rules: bool = True) -> str:
    """The source page with repeated headers and (``print_rules``) its print chrome, the
    ``@page`` rules WeasyPrint follows."""
    tree = page_tree(source.html)
    repeat_headers(tree)
    if not print_rules:
        return _serialize(tree)
    head = tree.find("head")
    if head is None:
        head = E.HEAD()
        tree.insert(0, head)
    head.append(E.STYLE(page_css(source)))
    return _serialize(tree)


def paged_pdf(source: Source) -> bytes:
    """The report printed by WeasyPrint with its page chrome."""
    return tools.weasyprint_pdf(paged_page(source), source.stem)


# --- Chromium's print with its header and footer templates ---------------------------------

# Chromium's templates: the page's title and the print date, the page number and the count
# in the browser's own ``3/5`` or as Chinese offices write it
CHROMIUM_FOOTERS = (
    '<span class="pageNumber"></span>/<span class="totalPages"></span>',
    '第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页',
    '- <span class="pageNumber"></span> -',
    '<span class="pageNumber"></span>',
)
CHROMIUM_MARGIN = {"top": "20mm", "bottom": "20mm", "left": "15mm", "right": "15mm"}
CHROMIUM_PAPER = {"A4": ("210mm", "297mm"), "B5": ("176mm", "250mm"), "A5": ("148mm", "210mm")}
_TEMPLATE_STYLE = "font-size: 8px; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;"


def chromium_templates(source: Source) -> dict[str, str]:
    """Chromium print options of one report: paper, header and footer templates (a print
    time and the page's title, as the browser's default header prints them — the time
    fixed, so a run writes the same bytes as the one before; the page's address — a portal
    address, not the file's — the portal's name or a print date on the left of the
    footer)."""
    organ = _site_organ(source)
    day = PRINT_DAYS[pick(source.stem, "day", len(PRINT_DAYS))]
    footer = CHROMIUM_FOOTERS[pick(source.stem, "chromium-footer", len(CHROMIUM_FOOTERS))]
    address = f"http://{SITE_URL}/zwgk/ndbg/{pick(source.stem, 'url', 900000) + 100000}.html"
    left = (address, f"{organ}门户网站", f"打印日期：{day}")[pick(source.stem, "chromium-left", 3)]
    return {
        "paper": list(CHROMIUM_PAPER)[pick(source.stem, "chromium-format", len(CHROMIUM_PAPER))],
        "header": f'<div style="{_TEMPLATE_STYLE}"><span>{day.replace("-", "/")} 10:30</span>'
                  '<span class="title"></span></div>',
        "footer": f'<div style="{_TEMPLATE_STYLE}"><span>{left}</span><span>{footer}</span></div>',
    }


def chromium_paged(pages: dict[str, tuple[Path, dict[str, str]]]) -> dict[str, bytes]:
    """Each page file printed by headless Chromium with its header and footer templates
    (one browser for the batch; nothing fetched but ``file:`` and ``data:``); stem → PDF."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    out: dict[str, bytes] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(tools.CHROMIUM), args=tools.CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith(("file:", "data:")) else route.abort())
            for stem, (path, opts) in pages.items():
                try:
                    page.goto(path.resolve().as_uri(), wait_until="load", timeout=tools.PAGE_LOAD_MS)
                    # the page's fonts settled before it is printed: on a loaded machine a print
                    # taken before a fallback font is in laid the text out otherwise (the CI of the
                    # eighteenth session: one peer page's bytes differed between two runs)
                    page.evaluate("() => document.fonts.ready.then(() => document.fonts.status)")
                    margin: Any = CHROMIUM_MARGIN
                    width, height = CHROMIUM_PAPER[opts["paper"]]
                    pdf = page.pdf(width=width, height=height, margin=margin, display_header_footer=True,
                                   header_template=opts["header"], footer_template=opts["footer"])
                except PlaywrightError:
                    continue  # this page is absent from the result; the caller names it
                out[stem] = tools.steady_pdf(pdf, stem)
        finally:
            browser.close()
    return out


# text shape → the tool that reads the paged PDF
TEXT_SHAPES = {
    "paged_pdftotext": lambda pdf: tools.pdftotext(pdf, layout=False),
    "paged_pdftotext_layout": lambda pdf: tools.pdftotext(pdf, layout=True),
    "paged_pdftotext_raw": converters.pdftotext_raw,
    "paged_pdfminer": converters.pdfminer_text,
    "paged_pdfium_text": converters.pdfium_text,
    "paged_pypdf_text": converters.pypdf_text,
    "paged_pymupdf_text": converters.pymupdf_text,
    "paged_pdfplumber_text": converters.pdfplumber_text,
    "paged_pdftohtml": converters.pdftohtml,
    "paged_pdftotext_layout_html": converters.pdftotext_layout_html,
}
SHAPE_NAMES = ("paged_pdf", *TEXT_SHAPES, "paged_chromium_pdf")

__all__ = ["CHROMIUM_FOOTERS", "PAGE_NUMBER_STYLES", "SHAPE_NAMES", "TEXT_SHAPES", "chromium_paged",
           "chromium_templates", "page_css", "paged_page", "paged_pdf", "repeat_headers"]
