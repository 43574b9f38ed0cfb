"""A table's grid, the one shape every table in ogi has: cells with text, each stored once
at its top-left grid position with the rows and columns it spans.

Four rooms hold a table, and each is a :class:`Grid` of its own kind of cell:

- a reader's table (:class:`ogi.document.Table`): what a file shows, each cell with its
  source position;
- the official format's layout (:class:`ogi.template.layout.TableGrid`): captions, headers
  and labels, and the value slots with their schema keys;
- the renderer's drawn table (:func:`ogi.render.layout.draw_table`): that layout with the
  report's values printed in its slots — it is a ``TableGrid`` too;
- the web's shown table (:class:`ogi.web.pages.reports.ShownTable`): the drawn cells with
  where each value was printed and the findings on it.

The grid knows only geometry and text. Its size is the extent of its cells (a merged cell
counts over every row and column it spans), so it cannot disagree with them. Three ways to
walk it serve every consumer:

- :meth:`Grid.rows` — the cells that start in each row, left to right (HTML ``<tr>``);
- :meth:`Grid.slots` — every position, the cell that starts there or None where a span
  covers it (Markdown, DOCX);
- :meth:`Grid.grid` — every position, the cell that covers it (the reader's alignment).

A cell is anything with ``text``, ``row``, ``col``, ``rowspan`` and ``colspan``
(:class:`Spanned`); each room adds what it needs beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import add, attrgetter
from typing import Generic, Protocol, TypeVar


class Spanned(Protocol):
    """A grid cell: its text and its top-left position and spans (0-based rows and columns)."""

    @property
    def text(self) -> str: ...

    @property
    def row(self) -> int: ...

    @property
    def col(self) -> int: ...

    @property
    def rowspan(self) -> int: ...

    @property
    def colspan(self) -> int: ...


C = TypeVar("C", bound=Spanned)
_COL = attrgetter("col")  # a row's sort key, read in C (a lambda was a Python call per cell)
_ROW, _ROWSPAN, _COLSPAN = attrgetter("row"), attrgetter("rowspan"), attrgetter("colspan")


class Grid(Generic[C]):
    """Rows of cells with spans. A subclass (a dataclass) holds ``cells``, each merged cell
    once, and whatever else its room needs; the size and the walks are the grid's."""

    cells: Sequence[C]

    @property
    def n_rows(self) -> int:  # max(row + rowspan), summed and compared in C
        return max(map(add, map(_ROW, self.cells), map(_ROWSPAN, self.cells)), default=0)

    @property
    def n_cols(self) -> int:
        return max(map(add, map(_COL, self.cells), map(_COLSPAN, self.cells)), default=0)

    def rows(self) -> list[list[C]]:
        """The cells that start in each row, left to right."""
        out: list[list[C]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row].append(c)
        for r in out:
            if len(r) > 1:  # a row of one cell (a paragraph's line, a label) is in order
                r.sort(key=_COL)
        return out

    def slots(self) -> list[list[C | None]]:
        """Every grid position: the cell that starts there, None where a span covers it."""
        g: list[list[C | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            g[c.row][c.col] = c
        return g

    def grid(self) -> list[list[C | None]]:
        """Every grid position, a merged cell filling each position it spans."""
        g: list[list[C | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    g[r][k] = c
        return g


__all__ = ["Spanned", "Grid"]
