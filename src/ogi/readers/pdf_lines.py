"""Text lines from positioned fragments: which fragments share a line, where a line
breaks into separate chunks (table columns), and how lines join into one text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import attrgetter

from .pdf_page import Fragment

SPACE_GAP = 0.3  # a gap wider than this many line heights is a space
CHUNK_GAP = 1.2  # a gap wider than this many line heights separates two chunks (columns)
SAME_LINE = 0.5  # fragments overlapping vertically by this share of the smaller height share a line

_WORD_CHAR = re.compile(r"[A-Za-z]")
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Line:
    """Fragments on one line. Its box, height and text are computed once per number of
    fragments (fragments are only ever added or reordered, never changed), since layout
    asks for them again and again."""

    fragments: list[Fragment] = field(default_factory=list)
    _seen: int = field(default=-1, init=False, repr=False, compare=False)
    _geometry: tuple[float, float, float, float, float] = field(default=(0.0, 0.0, 0.0, 0.0, 0.0), init=False,
                                                                  repr=False, compare=False)
    _text_seen: int = field(default=-1, init=False, repr=False, compare=False)
    _text: str = field(default="", init=False, repr=False, compare=False)

    def _measure(self) -> tuple[float, float, float, float, float]:
        fs = self.fragments
        if self._seen != len(fs):
            if len(fs) == 1:  # a chunk of one glyph: its own box, its own height
                f = fs[0]
                self._geometry = (f.x0, f.x1, f.top, f.bottom, f.bottom - f.top)
            else:
                self._geometry = (min([f.x0 for f in fs]), max([f.x1 for f in fs]), min([f.top for f in fs]),
                                  max([f.bottom for f in fs]), _median(sorted([f.bottom - f.top for f in fs])))
            self._seen = len(fs)
        return self._geometry

    # each property reads the measured geometry while the fragments are those it was measured on

    @property
    def x0(self) -> float:
        return (self._geometry if self._seen == len(self.fragments) else self._measure())[0]

    @property
    def x1(self) -> float:
        return (self._geometry if self._seen == len(self.fragments) else self._measure())[1]

    @property
    def top(self) -> float:
        return (self._geometry if self._seen == len(self.fragments) else self._measure())[2]

    @property
    def bottom(self) -> float:
        return (self._geometry if self._seen == len(self.fragments) else self._measure())[3]

    @property
    def height(self) -> float:
        return (self._geometry if self._seen == len(self.fragments) else self._measure())[4]

    @property
    def text(self) -> str:
        if self._text_seen != len(self.fragments):
            self._text = _join_fragments(self.fragments, self.height)
            self._text_seen = len(self.fragments)
        return self._text

    def chunks(self) -> list[Line]:
        """The line cut at wide gaps: the pieces a table's columns would hold."""
        pieces = split_at_gaps(self.fragments, CHUNK_GAP * self.height)
        if len(pieces) == 1:  # not cut (most lines): the same fragments, so the same box, height and text
            whole = pieces[0]
            whole._geometry, whole._seen = self._geometry, self._seen
            if self._text_seen == self._seen:
                whole._text, whole._text_seen = self._text, self._text_seen
        return pieces


def split_at_gaps(fragments: list[Fragment], gap: float) -> list[Line]:
    """Fragments (left to right) cut into lines where the space before one exceeds ``gap``."""
    out: list[Line] = [Line([fragments[0]])]
    current = out[-1].fragments
    right = fragments[0].x1
    for f in fragments[1:]:
        x1 = f.x1
        if f.x0 - right > gap:
            line = Line([f])
            out.append(line)
            current = line.fragments
            right = x1
        else:
            current.append(f)
            if x1 > right:  # max(right, x1)
                right = x1
    return out


def group_lines(fragments: list[Fragment]) -> list[Line]:
    """Fragments grouped into lines, top to bottom, each left to right: a fragment joins
    the latest of the last three lines it overlaps vertically by ``SAME_LINE`` of the
    smaller height (the line's height being the median of its fragments').

    The line's median is worked out only where it can decide: an overlap of ``SAME_LINE``
    of the fragment's own height or more joins whatever the median (the smaller height is
    at most the fragment's), which is how nearly every glyph meets its line."""
    if len(fragments) == 1:
        return [Line([fragments[0]])]
    lines: list[Line] = []
    tops: list[float] = []  # each line's running top and bottom
    bottoms: list[float] = []
    medians: list[float | None] = []  # each line's median height, None when a fragment joined since it was taken
    # min() and max() of two written out (the same operands, the same ties): this loop runs
    # for every glyph of the page
    latest: list[Fragment] = []  # the latest line's fragments
    for f in sorted(fragments, key=_BY_TOP_LEFT):
        top, bottom = f.top, f.bottom
        height = bottom - top
        least = SAME_LINE * height
        if latest:  # the latest line first, written out: nearly every glyph joins it at once
            line_top, line_bottom = tops[-1], bottoms[-1]
            if (bottom if bottom < line_bottom else line_bottom) - (top if top > line_top else line_top) >= least:
                latest.append(f)
                if top < line_top:
                    tops[-1] = top
                if bottom > line_bottom:
                    bottoms[-1] = bottom
                medians[-1] = None
                continue
        n = len(lines)  # the last three lines, latest first (the latest again: its median may decide)
        for k in range(n - 1, n - 4 if n > 3 else -1, -1):
            line_top, line_bottom = tops[k], bottoms[k]
            overlap = (bottom if bottom < line_bottom else line_bottom) - (top if top > line_top else line_top)
            if not overlap >= least:  # only a smaller median height can let it join
                line_height = medians[k]
                if line_height is None:
                    line_height = medians[k] = _median(sorted([g.bottom - g.top for g in lines[k].fragments]))
                if not (line_height < height and overlap >= SAME_LINE * line_height):
                    continue
            lines[k].fragments.append(f)
            if top < line_top:
                tops[k] = top
            if bottom > line_bottom:
                bottoms[k] = bottom
            medians[k] = None
            break
        else:
            latest = [f]
            lines.append(Line(latest))
            tops.append(top)
            bottoms.append(bottom)
            medians.append(height)
    for line in lines:
        fs = line.fragments
        if len(fs) > 1:  # measured here: the sort below asks every line's top
            fs.sort(key=_BY_LEFT)
            line._measure()
    lines.sort(key=_BY_TOP)
    return lines


_BY_TOP_LEFT = attrgetter("top", "x0")
_BY_LEFT = attrgetter("x0")
_BY_TOP = attrgetter("top")


def _median(ordered: list[float]) -> float:
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def join_lines(texts: list[str]) -> str:
    """Lines of one cell or paragraph as one text: Chinese and numbers run on, Latin words
    keep a space between them."""
    out = ""
    for t in (t.strip() for t in texts):
        if not t:
            continue
        if out and _WORD_CHAR.match(out[-1]) and _WORD_CHAR.match(t[0]):
            out += " "
        out += t
    return out


def union(lines: list[Line]) -> tuple[float, float, float, float]:
    """The box around some lines (x0, top, x1, bottom)."""
    boxes = [ln._measure() for ln in lines]  # (x0, x1, top, bottom, height) each
    if len(boxes) == 1:
        x0, x1, top, bottom, _ = boxes[0]
        return x0, top, x1, bottom
    return (min([b[0] for b in boxes]), min([b[2] for b in boxes]), max([b[1] for b in boxes]),
            max([b[3] for b in boxes]))


def min_confidence(fragments: list[Fragment]) -> float | None:
    values = [f.confidence for f in fragments if f.confidence is not None]
    return min(values) if values else None


def _join_fragments(fragments: list[Fragment], height: float) -> str:
    out = ""
    prev: Fragment | None = None
    for f in fragments:
        if prev is not None and f.x0 - prev.x1 > SPACE_GAP * height and not out.endswith(" ") \
                and not (is_wide(prev.text[-1:]) or is_wide(f.text[:1])):
            out += " "
        out += f.text
        prev = f
    return _SPACES.sub(" ", out).strip()


def is_wide(ch: str) -> bool:
    """A Chinese character or full-width sign: Chinese print takes no spaces beside them
    (a gap there is justification or layout, as in ``1. 属于`` or ``2023 年``)."""
    return bool(ch) and ord(ch) >= 0x2E80
