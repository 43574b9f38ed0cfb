"""What one page shows, in upright reading coordinates: text fragments and ruling lines.

A fragment is a glyph of a PDF text layer or a word box of OCR, with its box (x to the
right, y down the page) and, for OCR, its confidence. Pages whose text runs down or up
the sheet (a /Rotate entry, or a landscape table drawn sideways) are turned so that the
text reads left to right, lines following each other downwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EDGE_MIN_LENGTH = 3.0  # pt: shorter strokes are glyph parts or dots, not ruling lines


@dataclass(slots=True)
class Fragment:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class PageContent:
    """One page: its fragments and ruling-line edges (pdfplumber's edge dicts)."""

    number: int  # 1-based
    width: float
    height: float
    fragments: list[Fragment] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    turned: bool = False  # coordinates are of the turned page, not the page as stored

    def box(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float] | None:
        """A box for ``Position.bbox``: on the page as stored, so none for a turned page."""
        return None if self.turned else (x0, top, x1, bottom)


def from_plumber(page, number: int) -> PageContent:
    """A pdfplumber page as upright content."""
    return upright([c for c in page.chars if c["text"].strip()], list(page.edges), (page.width, page.height), number)


def upright(chars: list[dict], lines: list[dict], size: tuple[float, float], number: int,
            turned: bool = False, direction: tuple[int, int] | None = None) -> PageContent:
    """Upright content from glyphs and line segments of a page (x right, y down).

    ``chars`` are dicts with ``text``, ``x0``, ``top``, ``x1``, ``bottom`` and ``matrix``
    (the glyph's text matrix, PDF y up); ``lines`` dicts with the four coordinates. Both
    are turned by the glyphs' dominant direction; lines become horizontal or vertical
    edges, strokes shorter than ``EDGE_MIN_LENGTH`` are dropped. ``turned`` marks content
    whose coordinates are not those of the page as shown even if the glyphs run upright;
    ``direction``, if given, is the glyphs' dominant direction, counted as they were read.
    """
    fragments = [Fragment(c["text"], c["x0"], c["top"], c["x1"], c["bottom"]) for c in chars]
    return upright_fragments(fragments, lines, size, number, turned, direction or _text_direction(chars))


def upright_fragments(fragments: list[Fragment], lines: list[dict], size: tuple[float, float], number: int,
                      turned: bool, direction: tuple[int, int]) -> PageContent:
    """``upright`` for glyphs read as fragments already (in page coordinates, x right, y
    down) whose dominant ``direction`` was counted as they were read: on an upright page
    (nearly every page) they are the page's fragments as they are, with no copy."""
    across = direction == (1, 0)
    boxes = [] if across else [(f.x0, f.top, f.x1, f.bottom) for f in fragments]
    turn = _Turn(direction, [] if across else boxes + [(e["x0"], e["top"], e["x1"], e["bottom"]) for e in lines], size)
    if not across:
        fragments = [Fragment(f.text, *turn.box(*b)) for f, b in zip(fragments, boxes)]
    edges = []
    for e in lines:
        x0, top, x1, bottom = turn.box(e["x0"], e["top"], e["x1"], e["bottom"])
        horizontal = (x1 - x0) >= (bottom - top)
        length = (x1 - x0) if horizontal else (bottom - top)
        if length < EDGE_MIN_LENGTH:
            continue
        if horizontal:
            y = (top + bottom) / 2
            top = bottom = y
        else:
            x = (x0 + x1) / 2
            x0 = x1 = x
        edges.append(edge(x0, top, x1, bottom))
    width, height = turn.size
    return PageContent(number, width, height, fragments, edges, turned=turned or not turn.upright)


def edge(x0: float, top: float, x1: float, bottom: float) -> dict:
    """A horizontal (top == bottom) or vertical (x0 == x1) ruling line as pdfplumber wants it."""
    horizontal = abs(bottom - top) < 1e-6
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": "h" if horizontal else "v", "object_type": "line"}


def _text_direction(chars: list[dict]) -> tuple[int, int]:
    """The direction most glyphs advance in, on the page as shown (x right, y down)."""
    votes: dict[tuple[int, int], int] = {}
    for c in chars:
        way = advance(c["matrix"][0], c["matrix"][1])
        votes[way] = votes.get(way, 0) + 1
    return dominant(votes)


def advance(a: float, b: float) -> tuple[int, int]:
    """The direction a glyph whose text matrix begins ``a b`` advances in, on the page as
    shown (x right, y down; PDF y points up)."""
    if abs(a) >= abs(b):
        return (1 if a >= 0 else -1, 0)
    return (0, -1 if b > 0 else 1)


def dominant(votes: dict[tuple[int, int], int]) -> tuple[int, int]:
    """The direction with the most votes (the first counted of a tie); across if none."""
    return max(votes.items(), key=lambda kv: kv[1])[0] if votes else (1, 0)


class _Turn:
    """Maps page coordinates so that ``direction`` becomes left-to-right. A turned page is
    shifted so that its content starts at the origin (pdfminer's rotated space does not
    match the page box pdfplumber reports)."""

    def __init__(self, direction: tuple[int, int], boxes: list[tuple[float, float, float, float]],
                 size: tuple[float, float]):
        """``boxes``: every glyph's and line's (x0, top, x1, bottom) on the page."""
        self.dx, self.dy = direction
        self.ox = self.oy = 0.0
        self.size = size
        if self.upright or not boxes:
            return
        pts = [self._raw(x, y) for x0, top, x1, bottom in boxes for x in (x0, x1) for y in (top, bottom)]
        self.ox = min(p[0] for p in pts)
        self.oy = min(p[1] for p in pts)
        self.size = (max(p[0] for p in pts) - self.ox, max(p[1] for p in pts) - self.oy)

    @property
    def upright(self) -> bool:
        return (self.dx, self.dy) == (1, 0)

    def _raw(self, x: float, y: float) -> tuple[float, float]:
        # along the text, and along the line advance (the text direction turned a quarter clockwise)
        return x * self.dx + y * self.dy, -x * self.dy + y * self.dx

    def box(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        if self.upright:
            return x0, top, x1, bottom
        pts = [self._raw(x, y) for x in (x0, x1) for y in (top, bottom)]
        xs = [p[0] - self.ox for p in pts]
        ys = [p[1] - self.oy for p in pts]
        return min(xs), min(ys), max(xs), max(ys)
