"""Text lines from positioned fragments: which fragments share a line, where a line
breaks into separate chunks (table columns), and how lines join into one text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from .pdf_page import Fragment

SPACE_GAP = 0.3  # a gap wider than this many line heights is a space
CHUNK_GAP = 1.2  # a gap wider than this many line heights separates two chunks (columns)
SAME_LINE = 0.5  # fragments overlapping vertically by this share of the smaller height share a line

_WORD_CHAR = re.compile(r"[A-Za-z]")


@dataclass
class Line:
    fragments: list[Fragment] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(f.x0 for f in self.fragments)

    @property
    def x1(self) -> float:
        return max(f.x1 for f in self.fragments)

    @property
    def top(self) -> float:
        return min(f.top for f in self.fragments)

    @property
    def bottom(self) -> float:
        return max(f.bottom for f in self.fragments)

    @property
    def height(self) -> float:
        return median(f.height for f in self.fragments)

    @property
    def text(self) -> str:
        return _join_fragments(self.fragments, self.height)

    def chunks(self) -> list[Line]:
        """The line cut at wide gaps: the pieces a table's columns would hold."""
        out: list[Line] = [Line([self.fragments[0]])]
        limit = CHUNK_GAP * self.height
        for f in self.fragments[1:]:
            if f.x0 - out[-1].x1 > limit:
                out.append(Line([f]))
            else:
                out[-1].fragments.append(f)
        return out


def group_lines(fragments: list[Fragment]) -> list[Line]:
    """Fragments grouped into lines, top to bottom, each left to right."""
    lines: list[Line] = []
    for f in sorted(fragments, key=lambda f: (f.top, f.x0)):
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, f.bottom) - max(line.top, f.top)
            if overlap >= SAME_LINE * min(f.height, line.height):
                line.fragments.append(f)
                break
        else:
            lines.append(Line([f]))
    for line in lines:
        line.fragments.sort(key=lambda f: f.x0)
    lines.sort(key=lambda ln: ln.top)
    return lines


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
    return (min(ln.x0 for ln in lines), min(ln.top for ln in lines), max(ln.x1 for ln in lines),
            max(ln.bottom for ln in lines))


def min_confidence(fragments: list[Fragment]) -> float | None:
    values = [f.confidence for f in fragments if f.confidence is not None]
    return min(values) if values else None


def _join_fragments(fragments: list[Fragment], height: float) -> str:
    out = ""
    prev: Fragment | None = None
    for f in fragments:
        if prev is not None and f.x0 - prev.x1 > SPACE_GAP * height and not out.endswith(" ") \
                and not (_wide(prev.text[-1:]) or _wide(f.text[:1])):
            out += " "
        out += f.text
        prev = f
    return re.sub(r"\s+", " ", out).strip()


def _wide(ch: str) -> bool:
    """A Chinese character or full-width sign: Chinese print takes no spaces beside them
    (a gap there is justification or layout, as in ``1. 属于`` or ``2023 年``)."""
    return bool(ch) and ord(ch) >= 0x2E80
