"""A sheet written from a pandas DataFrame: its row and column indexes taken out.

A report's tables scraped with ``pandas.read_html`` and saved with ``DataFrame.to_excel``
(its defaults) carry two things the report never printed:

- **the row index**, a first column headed by an empty cell and counting ``0, 1, 2 …`` down
  the rows. Left in, every row begins with a number before its label, and table 四's one row
  of values has one value too many;
- **the column index**, where the page gave the table no header row: a row ``0, 1, 2 …``
  across the columns, values with no label.

Both are recognised by their exact form — the integers from 0, one per row or column, over at
least :data:`MIN_INDEX` positions, the row index's column empty above them — and removed: the
column's cells go and the cells right of it move one column left; the index row's cells go.
A table without that form is returned as it is. (The CSV reader, ``csvtext``, does the same on
the records of a CSV text.)
"""

from __future__ import annotations

from dataclasses import replace

from ..document import Cell, Table

MIN_INDEX = 2  # positions an index counts over at least (one 0 may be a value)


def is_count(texts: list[str]) -> bool:
    """``0, 1, 2 …``: pandas' default index, over at least :data:`MIN_INDEX` positions."""
    return len(texts) >= MIN_INDEX and texts == [str(i) for i in range(len(texts))]


def drop_frame_index(table: Table) -> Table:
    """The table without pandas' row-index column and column-index rows (see the module)."""
    slots = table.slots()
    if not slots or not slots[0]:
        return table
    cells = table.cells
    if _row_index(slots):
        cells = [replace(c, col=c.col - 1) for c in cells if c.col > 0]
        slots = [row[1:] for row in slots]
    index_rows = {r for r, row in enumerate(slots) if is_count([c.text.strip() for c in row if c is not None])
                  and all(c is None or c.colspan == 1 for c in row)}
    if index_rows:
        cells = [c for c in cells if c.row not in index_rows]
    return table if cells is table.cells else replace(table, cells=cells)


def _row_index(slots: list[list[Cell | None]]) -> bool:
    """Column 0 is empty in the first rows and counts 0, 1, 2 … in every row after them, each a
    cell of its own (no span): over :data:`MIN_INDEX` rows or more, or one row under a header
    of :data:`MIN_INDEX` rows or more."""
    column = [row[0] for row in slots]
    head = next((r for r, c in enumerate(column) if c is not None and c.text.strip()), len(column))
    body = column[head:]
    if head < 1 or not all(c is not None and c.colspan == 1 and c.rowspan == 1 for c in body):
        return False
    texts = [c.text.strip() for c in body if c is not None]
    # one row counted 0 only under a header of several rows (a one-row DataFrame: table 四)
    return is_count(texts) or (texts == ["0"] and head >= MIN_INDEX)
