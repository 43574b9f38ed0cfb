"""A report as PDF: the HTML rendering laid out by WeasyPrint (Chinese text needs a CJK
font installed, e.g. Debian's fonts-noto-cjk)."""

from __future__ import annotations

from ..model import Report
from .html import CSS, page_html
from .layout import Page, page_of

PAGE_CSS = "@page { size: A4; margin: 18mm 15mm; }\n"


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def page_pdf(page: Page, css: str = CSS) -> bytes:
    return html_to_pdf(page_html(page, PAGE_CSS + css))


def render_pdf(report: Report, preface: tuple[str, ...] = (), draft: bool = False) -> bytes:
    return page_pdf(page_of(report, preface, draft))
