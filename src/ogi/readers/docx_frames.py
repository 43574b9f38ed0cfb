"""A Word file made of a PDF's page geometry: text frames and ruling rectangles, read as a PDF.

LibreOffice opens a PDF through ``writer_pdf_import`` (its Draw import) and, saved as DOCX,
writes no paragraph and no table of the report: the body is one empty paragraph anchoring
every line of text the PDF printed as a text frame of its own (``wp:anchor`` holding a
``wps:txbx``, at ``wp:posOffset`` in EMU from the anchor, ``wp:extent`` wide) and every
ruling line of a table as a thin filled rectangle (a VML ``v:shape`` whose ``style`` gives
``margin-left``/``margin-top``/``width``/``height`` in points). Pages are gone: each page's
objects follow the page before in the PDF's drawing order, their offsets starting again
from the top. Read as Word paragraphs the file is one line of text with every table cell in
it, and nothing is placed.

So it is read the way a PDF is (``readers.pdf``): its objects are cut into pages where the
drawing goes back up the sheet by more than :data:`PAGE_DROP` (a page's objects are drawn
top to bottom; a table's row is drawn at most a line or two out of order), each frame's
text becomes glyph boxes along the frame and each thin rectangle a ruling line
(``pdf_page.upright_fragments``), and the pages go through the PDF reader's layout — ruled
tables from the lines, paragraphs from the free lines, chrome dropped, table 三's printed
column order read (``pdf_layout``, ``pdf_chrome``, ``pdf_colorder``).

A frame holds one line of the PDF's text, and where the PDF's glyphs stood at the font's
own advances LibreOffice joined them, spaces included, into one frame: a row of narrow
cells printing ``0 0 0 0 0 0 0`` is one frame. The glyphs' places inside a frame are
therefore the font's advances, scaled to the frame's width (:func:`_glyphs`): a full-width
character one em, a digit :data:`DIGIT_EM`, a space or point :data:`NARROW_EM` (the
proportions of Arial, LibreOffice's replacement for the PDF's fonts), so each number lands
in the cell whose lines surround it. Cell values are then tied by the table identities as
any PDF's are; a number whose place no line settles is left to the PDF layout's findings.

The reader applies only to a body of that shape — at least :data:`MIN_FRAMES` text frames,
no table, no text outside the frames (:func:`is_frames_body`); any other Word file is read
by ``readers.docx`` as before.
"""

from __future__ import annotations

import re

from lxml import etree

from ..document import Document
from ..extract.colorder import PRINTED_ORDER
from .pdf_chrome import drop_page_chrome
from .pdf_colorder import printed_order
from .pdf_layout import document_blocks, page_layout
from .pdf_page import Fragment, PageContent, upright_fragments

EMU_PER_PT = 12700  # English Metric Units in a point (DrawingML offsets and extents)
TWIPS_PER_PT = 20  # twentieths of a point (w:pgSz)
A4 = (595.3, 841.9)  # pt: the page where the section gives no size
PAGE_DROP = 100.0  # pt: drawing going back up the sheet by more than this begins a new page
MIN_FRAMES = 20  # text frames a body written by a PDF import holds at least (a report has hundreds)
RULE_MAX = 2.0  # pt: a filled rectangle this thin across is a ruling line, not a shape
DIGIT_EM = 0.556  # em: a digit's advance in Arial
NARROW_EM = 0.278  # em: a space's, a point's, a comma's
ASCII_EM = 0.5  # em: any other half-width character's, near enough
WIDE_FROM = 0x2E80  # the first code point of the CJK blocks: a full-width character, one em
LINE_HEIGHT_SHARE = 0.8  # of a frame's height, the glyphs' where its runs give no size
HALF_POINTS = 2  # w:sz counts half-points
WALL_PAD = 1.0  # pt: a glyph kept this far inside its cell's ruling lines
_NUMBER = re.compile(r"[-+]?\d[\d,.]*%?")  # a count or an amount, as a cell prints it

_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
       "v": "urn:schemas-microsoft-com:vml",
       "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
       "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"}
_W = "{" + _NS["w"] + "}"
_FRAMES = etree.XPath(".//mc:Choice//wp:anchor[.//wps:txbx]", namespaces=_NS)
_OBJECTS = etree.XPath(".//mc:Choice//wp:anchor[.//wps:txbx] | .//w:pict[not(ancestor::mc:Fallback)]//v:shape",
                       namespaces=_NS)
_TEXT_OUTSIDE = etree.XPath(".//w:t[not(ancestor::w:txbxContent)]", namespaces=_NS)
_STYLE = re.compile(r"(margin-left|margin-top|width|height)\s*:\s*(-?[\d.]+)pt")


def is_frames_body(body) -> bool:
    """Is the body a PDF import's: text frames only, at least :data:`MIN_FRAMES`, no table
    and no text outside them?"""
    if body.find(f".//{_W}tbl") is not None:
        return False
    if any((t.text or "").strip() for t in _TEXT_OUTSIDE(body)):
        return False
    return len(_FRAMES(body)) >= MIN_FRAMES


def read_frames(body, meta: dict[str, str]) -> Document:
    """The body's frames and ruling rectangles read as a PDF's pages (module docstring)."""
    size = _page_size(body)
    pages: list[tuple[list[tuple], list[dict]]] = [([], [])]
    last: float | None = None
    for obj in _OBJECTS(body):
        item = _frame(obj) if obj.tag.endswith("anchor") else _rule(obj)
        if item is None:
            continue
        top = item[2] if isinstance(item, tuple) else item["top"]
        if last is not None and top < last - PAGE_DROP:
            pages.append(([], []))
        last = top
        if isinstance(item, tuple):
            pages[-1][0].append(item)
        else:
            pages[-1][1].append(item)
    contents: list[PageContent] = []
    for number, (frames, lines) in enumerate(pages, start=1):
        walls = [line for line in lines if line["bottom"] - line["top"] > line["x1"] - line["x0"]]
        glyphs = [g for frame in frames for g in _placed(frame, walls)]
        contents.append(upright_fragments(glyphs, lines, size, number, False, (1, 0)))
    drop_page_chrome(contents)
    layouts = [page_layout(c) for c in contents]
    printed = printed_order([(page.lines, page.tables) for page in layouts])
    blocks = document_blocks(layouts)
    return Document(blocks, "docx", {**meta, PRINTED_ORDER: printed} if printed else meta)


def _page_size(body) -> tuple[float, float]:
    size = body.find(f".//{_W}sectPr/{_W}pgSz")
    try:
        return (int(size.get(f"{_W}w")) / TWIPS_PER_PT, int(size.get(f"{_W}h")) / TWIPS_PER_PT)
    except (AttributeError, TypeError, ValueError):
        return A4


def _frame(anchor) -> tuple[str, float, float, float, float, float | None] | None:
    """A text frame: its text, left, top, width, height (pt) and its glyphs' size if given."""
    try:
        x = int(anchor.find("wp:positionH/wp:posOffset", _NS).text) / EMU_PER_PT
        y = int(anchor.find("wp:positionV/wp:posOffset", _NS).text) / EMU_PER_PT
        extent = anchor.find("wp:extent", _NS)
        width, height = int(extent.get("cx")) / EMU_PER_PT, int(extent.get("cy")) / EMU_PER_PT
    except (AttributeError, TypeError, ValueError):
        return None
    text = " ".join("".join(t.text or "" for t in p.iterfind(f".//{_W}t")) for p in anchor.iterfind(".//w:p", _NS))
    sizes = [s.get(f"{_W}val") for s in anchor.iterfind(".//w:sz", _NS)]
    font = int(sizes[0]) / HALF_POINTS if sizes and (sizes[0] or "").isdigit() else None
    return (text, x, y, width, height, font) if text.strip() else None


def _rule(shape) -> dict | None:
    """A thin filled rectangle (a table's ruling line) as a line dict; None for anything else."""
    if shape.get("filled") in ("f", "false") or not shape.get("fillcolor"):
        return None
    found = dict(_STYLE.findall(shape.get("style") or ""))
    try:
        x, y = float(found["margin-left"]), float(found["margin-top"])
        width, height = float(found["width"]), float(found["height"])
    except (KeyError, ValueError):
        return None
    if min(width, height) > RULE_MAX:
        return None
    return {"x0": x, "x1": x + width, "top": y, "bottom": y + height}


def _placed(frame: tuple, walls: list[dict]) -> list[Fragment]:
    """A frame's glyphs, kept inside the table cells its start stands in (module docstring):
    free text along the frame; a frame in a table's row within its cell — or, a run of
    numbers LibreOffice joined with spaces, one number a cell from the frame's cell on."""
    text, x, y, width, height, font = frame
    middle = y + height / 2
    xs = sorted({(w["x0"] + w["x1"]) / 2 for w in walls if w["top"] <= middle <= w["bottom"]})
    at = next((i for i in range(len(xs) - 1) if xs[i] - WALL_PAD <= x < xs[i + 1]), None)
    if at is None:
        return _glyphs(text, x, y, width, font or height * LINE_HEIGHT_SHARE)
    words = text.split()
    if len(words) > 1 and all(_NUMBER.fullmatch(w) for w in words) and at + len(words) < len(xs):
        out: list[Fragment] = []
        for k, word in enumerate(words):
            left, right = xs[at + k] + WALL_PAD, xs[at + k + 1] - WALL_PAD
            natural = sum(_advance(ch) for ch in word) * (font or height * LINE_HEIGHT_SHARE)
            span = min(natural, right - left)
            out += _glyphs(word, (left + right - span) / 2, y, span, font or height * LINE_HEIGHT_SHARE)
        return out
    right = xs[at + 1] - WALL_PAD
    return _glyphs(text, x, y, max(min(width, right - x), 0.0), font or height * LINE_HEIGHT_SHARE)


def _advance(ch: str) -> float:
    """A character's advance in em (module docstring)."""
    if ord(ch) >= WIDE_FROM:
        return 1.0
    if ch.isdigit():
        return DIGIT_EM
    return NARROW_EM if ch in " .,:;" else ASCII_EM


def _glyphs(text: str, x: float, y: float, width: float, size: float) -> list[Fragment]:
    """The text's characters as glyph boxes from ``x`` over ``width``, each as wide as its
    advance scaled to that width, ``size`` high; spaces advance but make no glyph."""
    ems = sum(_advance(ch) for ch in text)
    if ems <= 0 or width <= 0:
        return []
    em = width / ems
    bottom = y + size
    out: list[Fragment] = []
    at = x
    for ch in text:
        step = _advance(ch) * em
        if not ch.isspace():
            out.append(Fragment(ch, at, y, at + step, bottom))
        at += step
    return out


__all__ = ["is_frames_body", "read_frames"]
