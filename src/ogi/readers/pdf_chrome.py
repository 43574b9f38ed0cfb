"""Page chrome in a PDF's margins, taken out before tables are looked for.

Real PDF reports print in the top and bottom margins of every page a running header or
footer (the agency's or a portal's name and address, a print date) and a page number
(``- 3 -``, ``第 3 页 共 5 页``, ``3/5``, a bare ``3``). Printed by a browser or an HTML-to-PDF
library, a margin box may also draw a frame or a rule under the header. Left in, the
header's frame joined the top border of a table continued on the page into one grid, the
header's text became a row of that table (``泰州市人民政府门户网站…第`` as a value of table
三's last row on the page before) and the page number a value no row could take.
:mod:`.pdf_layout` drops running lines and page numbers among the lines *outside* tables;
this pass runs first, over all pages, on the page contents themselves:

1. The **margin bands** are the top and bottom :data:`MARGIN_SHARE` of the page. The
   candidate lines of a page are the first and last :data:`EDGE_LINES` lines of the text
   in its bands that no vertical ruling line reaching out of the band crosses or encloses
   (a table's row near the page edge is crossed by the table's own column lines, a caption
   row as wide as the table stands between its sides; a margin box's frame stays inside
   the band).
2. A candidate's key is its text without spaces, each digit run one ``#``. A key with words
   found at the same edge of at least half the pages (two at least) is a **running line**.
3. A candidate that is a **page number** in a decorated form (``- 3 -``, ``第3页``,
   ``第 3 页 共 5 页``, ``3/5``, ``Page 3``) is chrome; a *bare* number only where the bare
   numbers of the candidates run with the pages (:func:`ogi.extract.pagemarks.page_sequence`:
   page *i* prints *i* + *c* on every page but perhaps the first, two pages at least).
4. On a page where chrome was found at an edge, its glyphs go, and so do the vertical
   ruling lines lying wholly between that edge of the page and the page's remaining text
   (the sides of a margin box's frame): alone, the horizontal lines left there close no
   cell.

A PDF of one page is left to :mod:`.pdf_layout`: without a second page nothing repeats and
no number runs."""

from __future__ import annotations

import math
import re
from collections import defaultdict

from ..extract.pagemarks import page_number, page_sequence
from .pdf_lines import Line, group_lines
from .pdf_page import PageContent

MARGIN_SHARE = 0.12  # share of the page height at the top and at the bottom that is margin
EDGE_LINES = 2  # lines at each edge of a page that may be chrome
MIN_PAGES = 2
_WORDS = re.compile(r"[^\W\d_#]")
_BARE = re.compile(r"^\s*\d{1,4}\s*$")


def drop_page_chrome(pages: list[PageContent]) -> None:
    """Take the proven chrome of ``pages`` out of their fragments and edges, in place."""
    if len(pages) < MIN_PAGES:
        return
    candidates = [_candidates(page) for page in pages]
    keys: dict[tuple[str, str], set[int]] = defaultdict(set)
    for p, found in enumerate(candidates):
        for edge, line in found:
            key = _key(line)
            if _WORDS.search(key):
                keys[(edge, key)].add(p)
    needed = max(MIN_PAGES, math.ceil(len(pages) / 2))
    chrome: list[list[tuple[str, Line]]] = [[] for _ in pages]
    bare: list[list[tuple[int, int]]] = [[] for _ in pages]  # per page: (candidate index, number)
    for p, found in enumerate(candidates):
        for k, (edge, line) in enumerate(found):
            text = line.text
            if len(keys.get((edge, _key(line)), ())) >= needed:
                chrome[p].append((edge, line))
            elif _BARE.match(text):
                bare[p].append((k, int(text)))
            elif page_number(text) is not None:
                chrome[p].append((edge, line))
    for p, k in page_sequence(bare):
        chrome[p].append(candidates[p][k])
    for page, lines in zip(pages, chrome):
        if lines:
            _strip(page, lines)


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))


def _candidates(page: PageContent) -> list[tuple[str, Line]]:
    """The page's edge lines in its margin bands that no long column line crosses."""
    top_band, bottom_band = page.height * MARGIN_SHARE, page.height * (1 - MARGIN_SHARE)
    top = group_lines([f for f in page.fragments if f.bottom <= top_band])
    bottom = group_lines([f for f in page.fragments if f.top >= bottom_band])
    long_columns = [e for e in page.edges if e["orientation"] == "v"
                    and not (e["bottom"] <= top_band or e["top"] >= bottom_band)]
    found = [("top", ln) for ln in top[:EDGE_LINES]] + [("bottom", ln) for ln in bottom[-EDGE_LINES:]]
    return [(edge, ln) for edge, ln in found if not _crossed(ln, long_columns)]


def _crossed(line: Line, columns: list[dict]) -> bool:
    """Does a column line cross ``line``, or do column lines stand on both sides of it (a
    caption row as wide as its table)?"""
    beside = [e["x0"] for e in columns if e["top"] < line.bottom and e["bottom"] > line.top]
    return any(x <= line.x1 for x in beside) and any(x >= line.x0 for x in beside)


def _strip(page: PageContent, lines: list[tuple[str, Line]]) -> None:
    gone = {id(f) for _, ln in lines for f in ln.fragments}
    page.fragments[:] = [f for f in page.fragments if id(f) not in gone]
    body_top = min((f.top for f in page.fragments), default=page.height)
    body_bottom = max((f.bottom for f in page.fragments), default=0.0)
    edges = {edge for edge, _ in lines}
    page.edges[:] = [e for e in page.edges if not (
        e["orientation"] == "v" and (("top" in edges and e["bottom"] <= body_top)
                                     or ("bottom" in edges and e["top"] >= body_bottom)))]


__all__ = ["EDGE_LINES", "MARGIN_SHARE", "drop_page_chrome"]
