"""Helpers of the Markdown-repair tests: a reader's table made from rows of texts, and a
table read back as rows of (column, text, colspan)."""

from __future__ import annotations

from ogi.document import Cell, Table


def table_of(rows: list[list[str]]) -> Table:
    """A table of one-column cells, row by row, as a pipe table's reader makes it."""
    return Table([Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)])


def grid_of(table: Table) -> list[list[tuple[int, str, int]]]:
    """Each row's cells, left to right, as (column, text, colspan)."""
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    return [[(c.col, c.text, c.colspan) for c in sorted(rows[r], key=lambda c: c.col)] for r in sorted(rows)]
