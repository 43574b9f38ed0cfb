"""Glyphs and ruling lines of a PDF page, read through pdfium (pypdfium2's raw API).

pdfium parses the page content in C; this module only walks what it built:

- **Glyphs.** The page's text page lists every character with its Unicode value, its
  *loose* box (the advance width across, the font's descent to its ascent up the line:
  the glyph's cell, not its ink), its font size and its text matrix, whose first column
  tells the direction the text runs. The box is cut to one em above the descent and to
  at most one em along the line, the box pdfminer draws (pdfium's reaches to the font's
  ascent, and over ink that sticks out past the advance), since line grouping, gaps and
  paragraph finding compare glyph heights and positions. In
  vertical writing pdfium's loose box lies beside the glyph, many ems wide: there the box
  is an em square around the glyph's ink. Whitespace, including the spaces and line breaks pdfium adds
  between words and lines, is left out: line and space finding work on positions.
- **Ruling lines.** Every painted path (filled or stroked; clipping paths are not painted),
  including those inside form XObjects, is taken apart into its straight segments, each
  mapped to the page through the path's matrix (and the enclosing forms' matrices). The
  segments that run across or down the page within ``AXIS_TOLERANCE`` are ruling-line
  candidates: a stroked line, each side of a rectangle (a cell border or the outline of a
  shaded cell), a side of a polyline. Curves and slanted strokes (a diagonal in a header
  cell) are no ruling lines. The sides of a white area painted under a drawn grid (a
  page or table background) are left out: on white paper they are invisible
  (``_without_backgrounds``).
- **Images** are counted, so that a page with (almost) no glyphs and an image is known as a
  scan.

Coordinates are those of the page box pdfium renders (the crop box within the media box),
x to the right and y down, in points. The page's ``/Rotate`` is not applied: a page
stored sideways and shown turned is read in its stored coordinates, and marked turned so
that no box is given for it (the boxes would not match the page as shown).
``pdf_page.upright`` then turns content whose glyphs run down or up the page.
"""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter

import pypdfium2.raw as pdfium_c

from .pdf_page import Fragment, PageContent, advance, dominant, upright_fragments

MAX_BOX_EMS = 2.0  # a glyph's loose box larger than this many ems across is not where the glyph is
AXIS_TOLERANCE = 0.5  # pt: a segment whose ends differ by less than this across it is horizontal or vertical
BACKGROUND_MARGIN = 3.0  # pt: a line this far inside a white area is drawn over it
MAX_FORM_DEPTH = 8  # form XObjects nested deeper than this are not walked (a loop guard)

Matrix = tuple[float, float, float, float, float, float]  # PDF order: a b c d e f
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def page_content(page, number: int) -> tuple[PageContent, int]:
    """One pypdfium2 page as upright content, and how many images it shows."""
    left, bottom, right, top = page.get_bbox()
    votes: dict[tuple[int, int], int] = {}
    fragments = _glyphs(page, left, top, votes)
    lines: list[dict] = []
    images = _walk(_address(page.raw), _COUNT_OBJECTS, _GET_OBJECT, _IDENTITY, (left, top), lines, 0)
    lines = _without_backgrounds(lines)
    content = upright_fragments(fragments, lines, (right - left, top - bottom), number,
                                turned=page.get_rotation() % 360 != 0, direction=dominant(votes))
    return content, images


# pdfium's functions called with plain addresses (``_direct``): pypdfium2's bindings convert
# every argument through its pointer type and wrap every returned handle, which cost more
# than the call itself when made for each glyph and each path segment.
_VOID, _INT, _DOUBLE, _FLOAT = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float


def _address(pointer) -> int:
    return ctypes.cast(pointer, _VOID).value or 0


def _direct(fn, restype, *argtypes):
    """pdfium's function ``fn`` (from pypdfium2's raw bindings) as a foreign function taking
    and returning plain addresses and numbers."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(fn))


_LOOSE_BOX = _direct(pdfium_c.FPDFText_GetLooseCharBox, _INT, _VOID, _INT, _VOID)
_TEXT_OBJECT = _direct(pdfium_c.FPDFText_GetTextObject, _VOID, _VOID, _INT)
_CHAR_MATRIX = _direct(pdfium_c.FPDFText_GetMatrix, _INT, _VOID, _INT, _VOID)
_FONT_SIZE = _direct(pdfium_c.FPDFText_GetFontSize, _DOUBLE, _VOID, _INT)
_COUNT_OBJECTS = _direct(pdfium_c.FPDFPage_CountObjects, _INT, _VOID)
_GET_OBJECT = _direct(pdfium_c.FPDFPage_GetObject, _VOID, _VOID, _INT)
_FORM_COUNT_OBJECTS = _direct(pdfium_c.FPDFFormObj_CountObjects, _INT, _VOID)
_FORM_GET_OBJECT = _direct(pdfium_c.FPDFFormObj_GetObject, _VOID, _VOID, _INT)
_OBJECT_TYPE = _direct(pdfium_c.FPDFPageObj_GetType, _INT, _VOID)
_OBJECT_MATRIX = _direct(pdfium_c.FPDFPageObj_GetMatrix, _INT, _VOID, _VOID)
_DRAW_MODE = _direct(pdfium_c.FPDFPath_GetDrawMode, _INT, _VOID, _VOID, _VOID)
_FILL_COLOR = _direct(pdfium_c.FPDFPageObj_GetFillColor, _INT, _VOID, _VOID, _VOID, _VOID, _VOID)
_COUNT_SEGMENTS = _direct(pdfium_c.FPDFPath_CountSegments, _INT, _VOID)
_GET_SEGMENT = _direct(pdfium_c.FPDFPath_GetPathSegment, _VOID, _VOID, _INT)
_SEGMENT_POINT = _direct(pdfium_c.FPDFPathSegment_GetPoint, _INT, _VOID, _VOID, _VOID)
_SEGMENT_TYPE = _direct(pdfium_c.FPDFPathSegment_GetType, _INT, _VOID)
_SEGMENT_CLOSE = _direct(pdfium_c.FPDFPathSegment_GetClose, _INT, _VOID)


def _glyphs(page, left: float, top: float, votes: dict[tuple[int, int], int]) -> list[Fragment]:
    """The page's visible characters as fragments (page coordinates, x right, y down), in
    text order; ``votes`` counts the directions they advance in (``pdf_page.advance``).
    pdfium is asked for the page's text once and for each character's box and text object
    once, and for nothing more about whitespace (the spaces and line breaks it adds among
    them). A text object's characters share its matrix and font size (pdfium gives each
    character those of its object, forms' matrices applied): they are asked for once per
    object, with what follows from them (the em, the box's cut, the direction)."""
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        handle = _address(raw)
        count = max(pdfium_c.FPDFText_CountChars(raw), 0)
        characters = _characters(raw, count)
        box = (_FLOAT * 4)()  # an FS_RECTF: left, top, right, bottom
        box_at = ctypes.addressof(box)
        m = pdfium_c.FS_MATRIX()
        m_at = ctypes.addressof(m)
        get_box, get_object = _LOOSE_BOX, _TEXT_OBJECT
        styles: dict[int, tuple] = {}  # by text object
        by_values: dict[tuple, tuple] = {}  # by matrix and font size: _style of the same values is the same
        invisible = _INVISIBLE
        fragments: list = []
        ways: list = []
        add = fragments.append
        vote = ways.append  # each glyph's direction, counted once the page is read
        for i, text in enumerate(characters):
            if text <= " " or text in invisible or text.isspace() or not get_box(handle, i, box_at):
                continue
            obj = get_object(handle, i)
            style = styles.get(obj) if obj else None
            if style is None:
                _CHAR_MATRIX(handle, i, m_at)
                key = (m.a, m.b, m.c, m.d, _FONT_SIZE(handle, i))
                style = by_values.get(key)
                if style is None:  # LibreOffice writes a text object per word or two, nearly all alike
                    style = by_values[key] = _style(*key)
                if obj:
                    styles[obj] = style
            upright, limit, width, height, way, turned = style
            x0, y1, x1, y0 = box[:]
            across, up = x1 - x0, y1 - y0
            if (up if up > across else across) > limit:  # max(across, up)
                x0, y0, x1, y1 = _ink_em_box(raw, i, turned[5])
            elif upright:  # min(x1, x0 + width), min(y1, y0 + height)
                cut = x0 + width
                if cut < x1:
                    x1 = cut
                cut = y0 + height
                if cut < y1:
                    y1 = cut
            elif turned[4] > 0:  # the font size
                x0, y0, x1, y1 = _em_box(x0, y0, x1, y1, *turned[:5])
            add(Fragment(text, x0 - left, top - y1, x1 - left, top - y0))
            vote(way)
        for way, n in Counter(ways).items():  # in the order first met, as counted glyph by glyph
            votes[way] = votes.get(way, 0) + n
        return fragments
    finally:
        textpage.close()


def _style(a: float, b: float, c: float, d: float, size: float) -> tuple:
    """What a glyph's box cut needs from its text matrix ``a b c d`` and font size, worked
    out once per text object: whether it is upright text (``_em_box``'s first case, cut
    inline), the box size past which the loose box is implausible (none without an em),
    the upright cut's width and height, the direction the glyph advances in, and what the
    other cuts need (the matrix, the size, the em): the first five are what nearly every
    glyph asks for."""
    em = size * max(abs(c), abs(d))
    upright = size > 0 and a > 0 and d > 0 and b == 0 and c == 0
    limit = MAX_BOX_EMS * em if em > 0 else math.inf
    return upright, limit, size * a, size * d, advance(a, b), (a, b, c, d, size, em)


def _characters(textpage, count: int) -> str | list[str]:
    """The text page's ``count`` characters: its whole text in one call (UTF-16, one unit
    per character), or character by character where the text does not line up with the
    characters: a character outside the Basic Multilingual Plane (two units), a lone
    surrogate, or a glyph pdfium maps to no character (code 0), which its whole text leaves
    out, so that every later character would take the box of the one before it. A code
    point past Unicode is given as "" (no character)."""
    units = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, units)  # units, with the closing 0
    text = bytes(units)[:2 * count].decode("utf-16-le", "surrogatepass")
    if written == count + 1 and len(text) == count and not _SURROGATE.search(text):
        return text
    codes = [pdfium_c.FPDFText_GetUnicode(textpage, i) for i in range(count)]
    return [chr(code) if code <= 0x10FFFF else "" for code in codes]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _em_box(x0: float, y0: float, x1: float, y1: float, a: float, b: float, c: float, d: float, size: float):
    """The glyph's box as pdfminer draws it — from the descent to one em above it, and no
    wider than one em along the text — from pdfium's loose box, which reaches to the font's
    ascent and over the glyph's ink where that sticks out past its advance. ``a b c d``
    begin the glyph's matrix: ``(a, b)`` the direction the text runs, ``(c, d)`` its up
    direction; ``size`` > 0 its font size."""
    if abs(d) >= abs(c):  # up is up or down the page
        em = size * abs(d)
        y0, y1 = (y0, min(y1, y0 + em)) if d > 0 else (max(y0, y1 - em), y1)
    else:
        em = size * abs(c)
        x0, x1 = (max(x0, x1 - em), x1) if c < 0 else (x0, min(x1, x0 + em))
    if abs(a) >= abs(b):  # the text runs across the page
        em = size * abs(a)
        x0, x1 = (x0, min(x1, x0 + em)) if a > 0 else (max(x0, x1 - em), x1)
    else:
        em = size * abs(b)
        y0, y1 = (y0, min(y1, y0 + em)) if b > 0 else (max(y0, y1 - em), y1)
    return x0, y0, x1, y1


def _ink_em_box(textpage, index: int, em: float) -> tuple[float, float, float, float]:
    """An em square around the glyph's ink: for glyphs whose loose box is implausible
    (vertical writing, where pdfium places it beside the glyph and far too wide)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
    cx, cy = (left.value + right.value) / 2, (bottom.value + top.value) / 2
    return cx - em / 2, cy - em / 2, cx + em / 2, cy + em / 2


_INVISIBLE = {"\ufeff", "\ufffe", "\uffff", "\u200b"}  # byte-order marks and zero-width spaces


def _walk(parent: int, count, get, outer: Matrix, origin: tuple[float, float], lines: list[dict], depth: int) -> int:
    """Collect the axis-parallel segments of the painted paths under ``parent`` (the address
    of a page or a form object) into ``lines``; returns the number of images met."""
    images = 0
    m = (_FLOAT * 6)()  # an FS_MATRIX: a b c d e f
    m_at = ctypes.addressof(m)
    for i in range(count(parent)):
        obj = get(parent, i)
        if not obj:
            continue
        kind = _OBJECT_TYPE(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _OBJECT_MATRIX(obj, m_at)
            _segments(obj, _compose(tuple(m), outer), origin, lines)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            _OBJECT_MATRIX(obj, m_at)
            images += _walk(obj, _FORM_COUNT_OBJECTS, _FORM_GET_OBJECT, _compose(tuple(m), outer), origin, lines,
                            depth + 1)
    return images


def _segments(path: int, matrix: Matrix, origin: tuple[float, float], lines: list[dict]) -> None:
    modes = (_INT * 2)()  # fill mode, stroke
    if not _DRAW_MODE(path, ctypes.addressof(modes), ctypes.addressof(modes) + ctypes.sizeof(_INT)) \
            or (not modes[0] and not modes[1]):
        return  # not painted
    if not modes[1] and _white_fill(path):
        found: list[dict] = []
        _path_segments(path, matrix, origin, found)
        for line in found:
            line["paper"] = id(found)  # a white area: its sides may be no line (see _without_backgrounds)
        lines += found
        return
    _path_segments(path, matrix, origin, lines)


def _white_fill(path: int) -> bool:
    rgba = (ctypes.c_uint * 4)()
    at, step = ctypes.addressof(rgba), ctypes.sizeof(ctypes.c_uint)
    if not _FILL_COLOR(path, at, at + step, at + 2 * step, at + 3 * step):
        return False
    r, g, b, a = rgba
    return a == 0 or (r, g, b) == (255, 255, 255)


def _without_backgrounds(lines: list[dict]) -> list[dict]:
    """The segments without the sides of white areas painted *under* a drawn grid (a page
    or table background, as Chromium paints a ``background: white`` table): on white paper
    those sides are invisible, and the grid's cells would be cut by the area's edge (its
    bottom below the table's last row merges whole row blocks into one cell). A white area
    with no other line inside stays: cells painted white over a dark table (borders drawn
    by ``cellspacing``) are the grid."""
    groups: dict[int, list[dict]] = {}
    drawn: list[dict] = []
    for line in lines:
        (groups.setdefault(line.pop("paper"), []) if "paper" in line else drawn).append(line)
    out = list(drawn)
    if not groups:
        return out
    middles = sorted(((d["x0"] + d["x1"]) / 2, (d["top"] + d["bottom"]) / 2) for d in drawn)  # by x, then y
    xs = [x for x, _ in middles]
    for sides in groups.values():
        x0, x1 = min(s["x0"] for s in sides), max(s["x1"] for s in sides)
        top, bottom = min(s["top"] for s in sides), max(s["bottom"] for s in sides)
        lo, hi = x0 + BACKGROUND_MARGIN, x1 - BACKGROUND_MARGIN
        inside = any(lo < middles[k][0] < hi and top + BACKGROUND_MARGIN < middles[k][1] < bottom - BACKGROUND_MARGIN
                     for k in range(bisect_right(xs, lo), bisect_left(xs, hi)))
        if not inside:
            out += sides
    return out


def _path_segments(path: int, matrix: Matrix, origin: tuple[float, float], lines: list[dict]) -> None:
    a, b, c, d, e, f = matrix
    xy = (_FLOAT * 2)()
    x_at = ctypes.addressof(xy)
    y_at = x_at + ctypes.sizeof(_FLOAT)
    get_segment, get_point, get_type, get_close = _GET_SEGMENT, _SEGMENT_POINT, _SEGMENT_TYPE, _SEGMENT_CLOSE
    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
    start = current = None
    for j in range(_COUNT_SEGMENTS(path)):
        segment = get_segment(path, j)
        if not segment or not get_point(segment, x_at, y_at):
            continue
        px, py = xy
        point = (a * px + c * py + e, b * px + d * py + f)
        kind = get_type(segment)
        if kind == moveto:
            start = point
        elif kind == lineto and current is not None:
            _add(current, point, origin, lines)
        current = point
        if get_close(segment) and start is not None:
            _add(current, start, origin, lines)
            current = start


def _add(p: tuple[float, float], q: tuple[float, float], origin: tuple[float, float], lines: list[dict]) -> None:
    """A segment from ``p`` to ``q`` (PDF space) as a line dict, if it runs across or down."""
    if abs(p[1] - q[1]) > AXIS_TOLERANCE and abs(p[0] - q[0]) > AXIS_TOLERANCE:
        return
    left, top = origin
    lines.append({"x0": min(p[0], q[0]) - left, "x1": max(p[0], q[0]) - left,
                  "top": top - max(p[1], q[1]), "bottom": top - min(p[1], q[1])})


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
