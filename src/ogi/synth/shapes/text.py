"""Shapes that turn the page into text in-process: the crawler's one line, html2text's
Markdown, and (only when Chromium is missing) a Python walk that imitates ``innerText``.

``crawler_text`` is what a scraper stores after ``lxml.html`` ``text_content()`` of the body of
a page served minified (no whitespace between tags, as most CMS pages are) with the line
breaks then dropped: the whole report on one line, headings mid-line, the cells of a table row
glued with no delimiter (``一、本年新收政府信息公开申请数量520000052``). Whitespace-only text
between tags is what minifying removes; whitespace inside a text node stays, except the line
breaks (and the indentation that follows them), which the scraper joins.

``markdown`` is html2text with its defaults for converters (links and images dropped, no
hard wrapping): pipe tables whose row and column spans are flattened — a spanning cell
becomes one cell, so the rows of a table have different numbers of cells."""

from __future__ import annotations

import re

from .sources import page_tree

_LINE_BREAK = re.compile(r"[ \t\u3000\xa0]*[\r\n]+[ \t\u3000\xa0]*")
_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")
# Debian ships no html2text module; the Python package is in the ``shapes`` extra
HTML2TEXT_HINT = "pip install 'ogi-reports[shapes]' (html2text)"


def crawler_text(page: str) -> str:
    """``text_content()`` of the minified page's body, line breaks joined: one line."""
    tree = page_tree(page)
    body = tree.body
    for el in body.iter():
        if el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
    return _LINE_BREAK.sub("", body.text_content()).strip() + "\n"


def markdown(page: str) -> str:
    """The page as html2text renders it (pipe tables, spans flattened)."""
    import html2text

    conv = html2text.HTML2Text()
    conv.body_width = 0  # no hard wrapping: converters for data keep lines whole
    conv.ignore_links = True
    conv.ignore_images = True
    return conv.handle(page)


# --- innerText without a browser -------------------------------------------------------------

_SKIP = {"head", "script", "style", "noscript", "template", "title", "meta", "link"}
_BLOCK = {"address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "li", "main", "nav", "ol", "pre", "section", "table", "ul", "caption", "tbody", "thead", "tfoot"}
_PARAGRAPH = {"p"}  # the innerText algorithm gives <p> two required line breaks, a block one


def inner_text_walk(page: str) -> str:
    """The body's ``innerText`` as the HTML standard defines it, for pages without CSS:
    a required line break around each block (two around ``<p>``), a TAB between the cells of
    a row (an empty cell leaves two TABs side by side), a line break between rows, runs of
    white space collapsed. Used only where no Chromium is installed."""
    items: list[str | int] = []
    _walk(page_tree(page).body, items)
    out: list[str] = []
    pending = 0
    for item in items:
        if isinstance(item, int):
            pending = max(pending, item)
            continue
        if not item or (item == " " and (pending or not out or out[-1].endswith(("\n", "\t")))):
            continue  # white space at the start of a line is collapsed away
        if pending and out:
            out[-1] = out[-1].rstrip(" ")  # and at its end
        if out and pending:
            out.append("\n" * pending)
        pending = 0
        out.append(item)
    return "".join(out)


def _walk(el, items: list) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP or not isinstance(el.tag, str):
        return
    if tag == "br":
        items.append("\n")
        return
    breaks = 2 if tag in _PARAGRAPH else 1 if tag in _BLOCK or tag == "tr" else 0
    if breaks:
        items.append(breaks)
    if el.text:
        items.append(_inline(el.text))
    if tag == "tr":
        cells = [c for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for i, cell in enumerate(cells):
            sub: list = []
            _walk_children(cell, sub)
            items.append(_flatten_cell(sub))
            if i < len(cells) - 1:
                items.append("\t")
    else:
        for child in el:
            _walk(child, items)
            if child.tail:
                items.append(_inline(child.tail))
    if breaks:
        items.append(breaks)


def _walk_children(el, items: list) -> None:
    if el.text:
        items.append(_inline(el.text))
    for child in el:
        _walk(child, items)
        if child.tail:
            items.append(_inline(child.tail))


def _flatten_cell(items: list) -> str:
    parts: list[str] = []
    for item in items:
        if isinstance(item, int):
            if parts and not parts[-1].endswith("\n"):
                parts.append("\n")
        else:
            parts.append(item)
    return "".join(parts).strip(" \n")


def _inline(text: str) -> str:
    return _SPACE_RUN.sub(" ", text)

