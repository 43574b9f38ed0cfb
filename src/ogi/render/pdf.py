"""A report as PDF: the HTML rendering laid out by WeasyPrint (Chinese text needs a CJK
font installed, e.g. Debian's fonts-noto-cjk).

Paragraphs are justified (两端对齐), as official documents are set. WeasyPrint justifies
by widening spaces only, and Chinese text has none: a line then ends wherever the line
breaking rules leave it (up to two or three characters short before ``例》，``), which
reads as a paragraph's end to anyone rebuilding paragraphs from line geometry — ogi's
own PDF reader included. So every gap between two CJK characters of a paragraph gets a
space whose own width is cancelled (``word-spacing``), and justification spreads each
line's slack over those gaps. On the page nothing changes but the flush right edge; the
text layer holds the spaces, which readers of Chinese PDFs (ogi's among them) drop
between two CJK characters. Measured (``benchmarks/render_roundtrip.py``, 45 page
layouts per format): ragged, 6 layouts came back with a paragraph split in two; justified,
none (docs/render.md).
"""

from __future__ import annotations

import re

from lxml.html import builder as E

from ..model import Report
from .html import CSS, page_html
from .layout import Page, page_of

PAGE_CSS = "@page { size: A4; margin: 18mm 15mm; }\n"
# the advance of U+0020 in the CJK serif fonts (Noto/Source Han: 224 of 1000 units)
SPACE_ADVANCE_EM = 0.224
JUSTIFY_CSS = (f"p {{ text-align: justify; }}\n"
               f"span.justified {{ word-spacing: -{SPACE_ADVANCE_EM}em; }}\n")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])(?=[{_CJK}])")


def justified(text: str):
    """A paragraph whose CJK characters are separated by zero-width-cancelled spaces,
    so that ``text-align: justify`` has somewhere to put each line's slack."""
    return E.P(E.SPAN(_BETWEEN_CJK.sub(" ", text), **{"class": "justified"}))


def html_to_pdf(html: str) -> bytes:
    from ..errors import needs_extra

    with needs_extra("pdf-render", "PDF 输出", "rendering PDF"):
        from weasyprint import HTML

    return HTML(string=html).write_pdf()


def page_pdf(page: Page, css: str = CSS, justify: bool = False) -> bytes:
    """The page as PDF; ``justify`` sets the paragraphs justified (:func:`justified`)."""
    if justify:
        return html_to_pdf(page_html(page, PAGE_CSS + css + JUSTIFY_CSS, paragraph=justified))
    return html_to_pdf(page_html(page, PAGE_CSS + css))


def render_pdf(report: Report, preface: tuple[str, ...] = (), draft: bool = False) -> bytes:
    """The report as a PDF to publish. Paragraphs are not justified by spaces: a published
    PDF's text layer is searched, copied, read aloud and crawled, and a space between every
    two characters would follow the text everywhere (see docs/render.md)."""
    return page_pdf(page_of(report, preface, draft))
