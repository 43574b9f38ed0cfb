"""A page that is a text layout, not HTML structure: lines placed by coordinates (an "online
preview" of a PDF) or preformatted text (a text file in an HTML wrapper), read as text.

Converters that show a PDF as a web page — poppler's ``pdftohtml``, and the preview pages
sites and crawlers keep — print every line of the PDF as an element of its own, placed by
``position:absolute; top:…px; left:…px`` inside a box per page, in the order the converter
found the text (poppler's reading order: a table's columns may come one after another). Read
in document order, such a page is the text of ``pdftotext`` without its line structure; read
by its coordinates, it is the page as printed.

:func:`positioned_text` therefore lays each page out as text, as ``pdftotext -layout`` does,
and the text reader reads it (tables laid out with spaces, page marks between pages: the
same rules as for that tool's text). The algorithm:

1. **Is the page positioned?** At least :data:`MIN_PLACED` elements with text carry an
   inline ``top`` and ``left`` in pixels, and they hold at least :data:`PLACED_SHARE` of the
   page's text; otherwise the page is an ordinary one (a page with a positioned banner or a
   floating box is read as before).
2. **Pages.** Each placed element belongs to the page box that holds it: the nearest
   ancestor with a ``position`` style of its own, or with an ``id`` naming a page
   (``page3-div``); pages are joined by a form feed, as poppler's text joins them.
3. **Lines.** An element's ``<br>``-separated lines stand one line height apart, the
   height its class's style rule gives (``.ft17{font-size:18px;line-height:28px}``), or
   :data:`LINE_HEIGHT_PER_FONT` times its font size. A line joins the printed row above when
   its top is within :data:`SAME_ROW_FONT` of a font size of the row's last line and within
   one font size of its first (a cell's values centred beside a wrapped label's middle line
   stand a few pixels below it). A label printed one character a line (a group label in a
   narrow cell: ``无⏎法⏎提⏎供``) keeps no character alone that reads as a blank cell's mark:
   ``无`` is printed with the next character, ``无法`` (at its own row a lone ``无`` may
   stand beside a wrapped label's last line, on a row of no values, and be read as its cell).
4. **Columns.** Within a row the pieces go left to right, each at the column its ``left``
   gives in half-width characters (half the page's most common font size: a CJK character
   is two columns, the display width the layout rules count in). Two pieces that touch
   (the estimated end of one within a half-width character of the next's start, either
   side: a run the converter cut at a change of font) are one run of text; any other two
   print at least :data:`CELL_GAP` spaces apart, so the text reader sees two cells — also
   where the estimate overlaps them (a wrapped caption whose half-width brackets print
   wide, beside the header's next cell).

Nothing is guessed here: the geometry only decides where text stands; the tables are read,
and confirmed by their identities, by the same rules as any text laid out with spaces.

**Preformatted text.** A page whose text is nearly all inside ``<pre>`` (at least
:data:`PLACED_SHARE` of it: ``pdftotext -htmlmeta``, a site or crawler that wraps a text file
in ``<pre>``) prints its tables with spaces, as the text file did; the HTML walk collapses
runs of spaces, and with them the columns that place a blank cell.
:func:`preformatted_text` gives the ``<pre>`` text as it is, to be read as a text file."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

from ..extract.tokens import NA, TEXT, cell_value

MIN_PLACED = 20  # elements with text placed by top/left: fewer is a page with a floating box
PLACED_SHARE = 0.8  # of the page's text characters in placed elements
MIN_PRE_CHARS = 200  # characters of preformatted text: fewer is a code sample, not the page
DEFAULT_FONT_PX = 16.0  # CSS's default font size
LINE_HEIGHT_PER_FONT = 1.5  # line height in font sizes where no style rule gives it
# font sizes: a top this close to the row's last line is on the row (0.25 and 0.5 measured
# worse: docs/renderings.md §25)
SAME_ROW_FONT = 0.35
TOUCH_COLUMNS = 1  # half-width characters: a smaller gap joins two pieces into one run
CELL_GAP = 2  # spaces at least between two pieces that do not touch

_PX = r"(-?\d+(?:\.\d+)?)px"
_TOP = re.compile(r"(?:^|;)\s*top\s*:\s*" + _PX)
_LEFT = re.compile(r"(?:^|;)\s*left\s*:\s*" + _PX)
_POSITION = re.compile(r"position\s*:\s*(absolute|relative)")
_RULE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
_FONT_SIZE = re.compile(r"font-size\s*:\s*" + _PX)
_LINE_HEIGHT = re.compile(r"line-height\s*:\s*" + _PX)
_HIDDEN = re.compile(r"display\s*:\s*none")
_PRE = etree.XPath("//body//pre[not(ancestor::pre)]")
_PAGE_ID = re.compile(r"page\d+", re.I)
_SHOWN_TEXT = etree.XPath("//body//text()[not(ancestor::style) and not(ancestor::script)]")


@dataclass(frozen=True)
class _Piece:
    page: int
    top: float
    left: float
    font: float
    text: str


def positioned_text(root: etree._Element) -> str | None:
    """The page laid out as text by its coordinates (see the module docstring), or None
    when its text is not placed by coordinates."""
    placed = _placed_elements(root)
    if len(placed) < MIN_PLACED:
        return None
    placed_chars = sum(_chars(el.itertext()) for el in placed)
    if placed_chars < PLACED_SHARE * _chars(_SHOWN_TEXT(root)):
        return None
    styles = _class_styles(root)
    pages: dict[etree._Element | None, int] = {}
    pieces = []
    for el in placed:
        page = pages.setdefault(_page_box(el), len(pages))
        pieces += _pieces(el, page, styles)
    return "\f".join(_page_text([p for p in pieces if p.page == n]) for n in range(len(pages)))


def preformatted_text(root: etree._Element) -> str | None:
    """The text of the page's ``<pre>`` elements, as printed, where they hold at least
    :data:`PLACED_SHARE` of the page's text (see the module docstring); else None."""
    pres = [el for el in _PRE(root) if not _HIDDEN.search(el.get("style") or "")]
    if not pres:
        return None
    inside = sum(_chars(el.itertext()) for el in pres)
    if inside < MIN_PRE_CHARS or inside < PLACED_SHARE * _chars(_SHOWN_TEXT(root)):
        return None
    return "\n".join("".join(el.itertext()) for el in pres)


def _unit(pieces: list[_Piece]) -> float:
    """A page's half-width character in px: half its most common font size."""
    sizes: dict[float, int] = {}
    for p in pieces:
        sizes[p.font] = sizes.get(p.font, 0) + len(p.text)
    return max(sizes, key=lambda s: sizes[s]) / 2 if sizes else DEFAULT_FONT_PX / 2


def _placed_elements(root: etree._Element) -> list[etree._Element]:
    """Elements with text placed by an inline top and left, outermost only."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        style = el.get("style")
        if not style or "top" not in style or "left" not in style or not _POSITION.search(style):
            continue
        if "none" in style and _HIDDEN.search(style):
            continue
        if _TOP.search(style) and _LEFT.search(style) and _text(el) and not _has_placed_child(el):
            out.append(el)
    return out


def _has_placed_child(el: etree._Element) -> bool:
    """A page box holds placed elements: it is not itself a piece of text."""
    for d in el.iterdescendants():
        style = d.get("style") if isinstance(d.tag, str) else None
        if style and _TOP.search(style) and _LEFT.search(style):
            return True
    return False


def _chars(texts) -> int:
    """Characters other than white space."""
    return sum(len("".join(t.split())) for t in texts)


def _text(el: etree._Element) -> str:
    return "".join(el.itertext()).strip()


def _class_styles(root: etree._Element) -> dict[str, tuple[float | None, float | None]]:
    """Class → (font size, line height) in px, from the page's style sheets."""
    out: dict[str, tuple[float | None, float | None]] = {}
    for style in root.iter("style"):
        for name, body in _RULE.findall(style.text or ""):
            size, height = _FONT_SIZE.search(body), _LINE_HEIGHT.search(body)
            out[name] = (float(size.group(1)) if size else None, float(height.group(1)) if height else None)
    return out


def _page_box(el: etree._Element) -> etree._Element | None:
    """The page box of a placed element: the nearest positioned ancestor or one whose id
    names a page."""
    for anc in el.iterancestors():
        if _PAGE_ID.search(anc.get("id") or "") or _POSITION.search(anc.get("style") or ""):
            return anc
    return None


def _pieces(el: etree._Element, page: int, styles: dict) -> list[_Piece]:
    """The lines of a placed element, each at its own top."""
    style = el.get("style") or ""
    top = float(_TOP.search(style).group(1))  # type: ignore[union-attr]
    left = float(_LEFT.search(style).group(1))  # type: ignore[union-attr]
    font, height = _font_of(el, style, styles)
    out = []
    for n, line in _vertical_words(_lines(el)):
        if line.strip():
            out.append(_Piece(page, top + n * height, left, font, line.strip()))
    return out


def _vertical_words(lines: list[str]) -> list[tuple[int, str]]:
    """``(line number, text)`` of an element's lines; a label printed one character a line
    (a group label in a narrow cell: ``无⏎法⏎提⏎供``) keeps no character that read alone is
    a blank cell's mark (``无``, ``空``, ``×``): such a character is printed with the next one
    of its label (the one before, at the label's end), at its own line. Laid out at its own
    top, the character may stand on a row of no other value (beside a wrapped row label's
    last line) and be read as that row's only cell. A column of values and marks alone
    (``0⏎0⏎1``, ``无⏎无``) is no label and is left as it is."""
    chars = [line.strip() for line in lines]
    if len(chars) < 2 or any(len(c) != 1 for c in chars) or all(_kind(c) != TEXT for c in chars):
        return list(enumerate(lines))
    out: list[tuple[int, str]] = []
    n = 0
    while n < len(chars):
        if _kind(chars[n]) == NA and n + 1 < len(chars) and _kind(chars[n] + chars[n + 1]) == TEXT:
            out.append((n, chars[n] + chars[n + 1]))
            n += 2
        elif _kind(chars[n]) == NA and out and _kind(out[-1][1] + chars[n]) == TEXT:
            out[-1] = (out[-1][0], out[-1][1] + chars[n])
            n += 1
        else:
            out.append((n, chars[n]))
            n += 1
    return out


def _kind(text: str) -> str:
    """What ``text``, a cell alone, reads as: a number, a blank cell's mark, or text."""
    token = cell_value(text)
    return TEXT if token is None else token.kind


def _font_of(el: etree._Element, style: str, styles: dict) -> tuple[float, float]:
    """Font size and line height (px) of an element: inline, else its class's rule."""
    size = _FONT_SIZE.search(style)
    height = _LINE_HEIGHT.search(style)
    font = float(size.group(1)) if size else None
    line = float(height.group(1)) if height else None
    for name in (el.get("class") or "").split():
        rule_font, rule_line = styles.get(name, (None, None))
        font = font or rule_font
        line = line or rule_line
    font = font or DEFAULT_FONT_PX
    return font, line or LINE_HEIGHT_PER_FONT * font


def _lines(el: etree._Element) -> list[str]:
    """The element's text split at its ``<br>``s."""
    lines = [el.text or ""]
    for d in el.iterdescendants():
        if not isinstance(d.tag, str):
            lines[-1] += d.tail or ""
            continue
        if d.tag == "br":
            lines.append(d.tail or "")
        else:
            lines[-1] += (d.text or "") + (d.tail or "")
    return [" ".join(line.split()) for line in lines]


def _page_text(pieces: list[_Piece]) -> str:
    """One page's pieces laid out as rows of text."""
    rows: list[list[_Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.top, p.left)):
        if rows and _same_row(rows[-1], p):
            rows[-1].append(p)
        else:
            rows.append([p])
    unit = _unit(pieces)
    return "\n".join(_row_text(sorted(row, key=lambda p: p.left), unit) for row in rows) + "\n"


def _same_row(row: list[_Piece], p: _Piece) -> bool:
    """Does ``p`` print on ``row``: its top within :data:`SAME_ROW_FONT` font sizes of the
    row's lowest top so far, and within one font size of the row's first (values centred
    beside a label's second line stand a few pixels below it; a row never spans two lines)."""
    last = row[-1]
    return p.top - last.top < SAME_ROW_FONT * max(p.font, last.font) and p.top - row[0].top < max(p.font, row[0].font)


def _row_text(row: list[_Piece], unit: float) -> str:
    """A row's pieces, each at the column its ``left`` gives (see the module docstring)."""
    out = ""
    end_px = None
    for p in row:
        column = round(p.left / unit)
        if end_px is not None and abs(p.left - end_px) < TOUCH_COLUMNS * unit:
            out += p.text
        else:
            gap = CELL_GAP if out else 0
            out += " " * max(column - _width(out), gap)
            out += p.text
        end_px = p.left + _width(p.text) * p.font / 2
    return out.rstrip()


def _width(text: str) -> int:
    """Display width in half-width columns (an East Asian wide character is two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


__all__ = ["positioned_text", "preformatted_text"]
