"""The document model every reader produces: paragraphs and tables in reading order.

It knows nothing of annual reports. A table is a grid of cells with row and column spans
(:mod:`ogi.grid`; a merged cell is stored once, at its top-left position); every paragraph and cell keeps
where it came from (line in a text or HTML source, page in a PDF) so that each value can
be traced back to the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .grid import Grid


@dataclass(frozen=True)
class Position:
    """Where a piece of text is in the source: a 1-based line and/or page, and on a page
    its box (x0, top, x1, bottom in PDF points from the top-left corner) when known."""

    line: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def as_dict(self) -> dict:
        out: dict[str, int | list[float]] = {k: v for k, v in (("line", self.line), ("page", self.page)) if v is not None}
        if self.bbox is not None:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        return out


@dataclass
class Paragraph:
    text: str
    pos: Position = field(default_factory=Position)


@dataclass
class Cell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    pos: Position = field(default_factory=Position)
    confidence: float | None = None  # OCR confidence in 0..1, None for text read directly


@dataclass
class Table(Grid[Cell]):
    """A reader's table: a grid (:class:`ogi.grid.Grid`) of cells as the file shows them.
    ``cells`` holds each merged cell once, at its top-left position."""

    cells: list[Cell]
    pos: Position = field(default_factory=Position)


Block = Paragraph | Table


@dataclass
class Document:
    """What a reader found in a file, in reading order."""

    blocks: list[Block]
    format: str  # "txt" | "html" | "pdf" | "docx" | …
    meta: dict[str, str] = field(default_factory=dict)  # what the container itself says (HTML <title>, PDF info)

    def text(self) -> str:
        """All text, one paragraph or table row per line (for searching, not for tables)."""
        lines: list[str] = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                lines.append(b.text)
            else:
                lines += [" | ".join(c.text for c in row) for row in b.rows()]
        return "\n".join(lines)


__all__ = ["Position", "Paragraph", "Cell", "Table", "Block", "Document"]
