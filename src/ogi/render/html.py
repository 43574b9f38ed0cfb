"""A report as an HTML page: the official tables with real ``rowspan``/``colspan``."""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.html import builder as E

from ..model import Report
from .layout import DrawnTable, Page, page_of

FONTS = '"Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", SimSun, serif'
CSS = f"""
body {{ font-family: {FONTS}; font-size: 12pt; line-height: 1.6; margin: 2em auto; max-width: 60em; }}
h1 {{ font-size: 18pt; text-align: center; }}
h2 {{ font-size: 14pt; margin: 1.2em 0 .4em; }}
p.meta {{ margin: 0; color: #333; }}
table.official {{ border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 10.5pt; }}
table.official td {{ border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }}
table.official td.label {{ text-align: left; }}
table.official td.value {{ text-align: right; }}
table.official td.caption {{ text-align: left; font-weight: bold; }}
"""


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
    return E.TABLE(E.TBODY(*rows), **{"class": css_class, "data-table": table.key})


def page_html(page: Page, css: str = CSS) -> str:
    body = [E.H1(page.title)]
    body += [E.P(f"{label}:{value}", **{"class": "meta"}) for label, value in page.meta]
    body += [E.P(p) for p in page.preface]
    for part in page.parts:
        body.append(E.H2(part.heading))
        body += [E.P(p) for p in part.paragraphs]
        if part.table is not None:
            body.append(table_element(part.table))
    doc = E.HTML(E.HEAD(E.META(charset="utf-8"), E.TITLE(page.title), E.STYLE(css)), E.BODY(*body))
    return lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode", pretty_print=True)


def render_html(report: Report, preface: tuple[str, ...] = ()) -> str:
    """The report as a standalone HTML page (UTF-8)."""
    return page_html(page_of(report, preface))
