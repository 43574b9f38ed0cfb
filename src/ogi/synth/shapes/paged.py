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
``paged_pdftotext_raw`` and ``paged_pdfminer``. Expected values carry over unchanged."""

from __future__ import annotations

import re

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


def paged_page(source: Source) -> str:
    """The source page with its print chrome (the ``@page`` rules) and repeated headers."""
    tree = page_tree(source.html)
    repeat_headers(tree)
    head = tree.find("head")
    if head is None:
        head = E.HEAD()
        tree.insert(0, head)
    head.append(E.STYLE(page_css(source)))
    return _serialize(tree)


def paged_pdf(source: Source) -> bytes:
    """The report printed by WeasyPrint with its page chrome."""
    return tools.weasyprint_pdf(paged_page(source), source.stem)


# text shape → the tool that reads the paged PDF
TEXT_SHAPES = {
    "paged_pdftotext": lambda pdf: tools.pdftotext(pdf, layout=False),
    "paged_pdftotext_layout": lambda pdf: tools.pdftotext(pdf, layout=True),
    "paged_pdftotext_raw": converters.pdftotext_raw,
    "paged_pdfminer": converters.pdfminer_text,
}
SHAPE_NAMES = ("paged_pdf", *TEXT_SHAPES)

__all__ = ["PAGE_NUMBER_STYLES", "SHAPE_NAMES", "TEXT_SHAPES", "page_css", "paged_page", "paged_pdf",
           "repeat_headers"]
