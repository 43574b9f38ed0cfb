"""A report as an HTML page: the official tables with real ``rowspan``/``colspan``.

The header rows of a table (:func:`ogi.render.layout.header_rows`) are its ``<thead>``,
which a paged layout (the PDF) repeats at the top of each page the table runs onto; no
row is split across two pages (``break-inside: avoid``), so a row's label and its
numbers always stand on the same page. A draft (:attr:`Page.draft`) carries a banner on
screen and, on paper, the mark in the top and bottom margins of every page.

Paragraphs and headings open with the two-character indent of official documents
(首行缩进两字), and headings are set a size larger than the text and kept with what
follows them: the marks by which a reader of the PDF tells a new paragraph and a
heading, also at the top of a page after a paragraph whose last line is full."""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.html import builder as E

from ..model import Report
from .layout import DrawnTable, Page, header_rows, page_of

FONTS = '"Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", SimSun, serif'
CSS = f"""
body {{ font-family: {FONTS}; font-size: 12pt; line-height: 1.6; margin: 2em auto; max-width: 60em; }}
h1 {{ font-size: 18pt; text-align: center; }}
h2 {{ font-size: 16pt; margin: 1.2em 0 .4em; text-indent: 2em; break-after: avoid; }}
p {{ text-indent: 2em; margin: .3em 0; }}
p.meta {{ margin: 0; color: #333; text-indent: 0; }}
table.official {{ border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 10.5pt; }}
table.official td {{ border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }}
table.official td.label {{ text-align: left; }}
table.official td.value {{ text-align: right; }}
table.official td.caption {{ text-align: left; font-weight: bold; }}
table.official thead {{ display: table-header-group; }}
table.official tr {{ break-inside: avoid; page-break-inside: avoid; }}
p.draft {{ text-indent: 0; border: 2px solid #b00; color: #b00; font-weight: bold; text-align: center; padding: .3em; }}
"""


def draft_css(mark: str) -> str:
    """On paper, the draft mark in the top and bottom margin of every page: in the margins,
    not over the text (a watermark across the page interleaves with the text a PDF reader
    extracts) and without a frame (whose lines would read as a table's rules)."""
    box = f'content: "{mark}"; color: #b00; font-weight: bold; font-size: 14pt; font-family: {FONTS};'
    return (f"@page {{ @top-center {{ {box} }} @bottom-center {{ {box} }} }}\n"
            "@media print { p.draft { display: none; } }\n")


def table_element(table: DrawnTable, css_class: str = "official"):
    rows = []
    for cells in table.rows():
        tds = []
        for c in cells:
            attrs = {"class": c.role}
            if c.rowspan > 1:
                attrs["rowspan"] = str(c.rowspan)
            if c.colspan > 1:
                attrs["colspan"] = str(c.colspan)
            tds.append(E.TD(c.text, **attrs))
        rows.append(E.TR(*tds))
    n = header_rows(table)
    parts = ([E.THEAD(*rows[:n])] if n else []) + [E.TBODY(*rows[n:])]
    return E.TABLE(*parts, **{"class": css_class, "data-table": table.key})


def paragraph(text: str):
    return E.P(text)


def page_html(page: Page, css: str = CSS, paragraph=paragraph) -> str:
    """The page as HTML; ``paragraph`` draws one paragraph of the text (the PDF sets its
    paragraphs justified, :func:`ogi.render.pdf.justified`)."""
    body = []
    if page.mark:
        body.append(E.P(page.mark, **{"class": "draft"}))
        css += draft_css(page.mark)
    body.append(E.H1(page.title))
    body += [E.P(f"{label}:{value}", **{"class": "meta"}) for label, value in page.meta]
    body += [paragraph(p) for p in page.preface]
    for part in page.parts:
        body.append(E.H2(part.heading))
        body += [paragraph(p) for p in part.paragraphs]
        if part.table is not None:
            body.append(table_element(part.table))
    doc = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE(page.title), E.STYLE(css)), E.BODY(*body))
    return lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode", pretty_print=True)


def render_html(report: Report, preface: tuple[str, ...] = (), draft: bool = False) -> str:
    """The report as a standalone HTML page (UTF-8)."""
    return page_html(page_of(report, preface, draft))
