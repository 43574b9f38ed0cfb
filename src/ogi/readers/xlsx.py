"""Read an xlsx workbook into a Document: every sheet a table (merged cells as spans),
read cell by cell, with the values Excel cached for its formulas.

A form written by ``ogi form`` does not come here: it enters at :mod:`ogi.api`, which
reads it with :func:`ogi.form.form_document` (its formula totals recomputed, laid out as
the report it stands for); this reader knows nothing of forms."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import TypeVar

from .. import limits
from ..document import Cell, Document, Position, Table
from ..errors import OgiError, UnreadableFile
from .zipped import check_package

T = TypeVar("T")


def read_xlsx(data: bytes) -> Document:
    """A workbook within the limits (see :mod:`ogi.readers.zipped`: its parts are inflated
    and its cells and merged ranges counted before openpyxl allocates any)."""
    return read_guarded(data, _workbook_document)


def read_guarded(data: bytes, read: Callable[[bytes], T]) -> T:
    """``read(data)`` for a workbook within the package limits, every failure of openpyxl on a
    damaged part an :class:`UnreadableFile` (the xlsx reader's and the form's one guard)."""
    check_package(data, "XLSX")
    try:
        return read(data)
    except OgiError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises whatever its parsers meet in a damaged part
        raise UnreadableFile(f"the xlsx is damaged and cannot be read ({type(exc).__name__})") from exc


def _workbook_document(data: bytes) -> Document:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise UnreadableFile(f"cannot read the xlsx ({type(exc).__name__})") from exc
    blocks: list = []
    for page, ws in enumerate(wb.worksheets, start=1):
        spans = {(m.min_row, m.min_col): (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                 for m in ws.merged_cells.ranges}
        covered = {(r, c) for (r0, c0), (h, w) in spans.items() for r in range(r0, r0 + h)
                   for c in range(c0, c0 + w)} - set(spans)
        cells = []
        # the cells the sheet holds, not its bounding box (A1 and XFD1048576 are two cells)
        for (r, c), cell in sorted(ws._cells.items()):
            limits.check_time(f"XLSX sheet {page} row {r}")
            if (r, c) in covered or cell.value is None and (r, c) not in spans:
                continue
            h, w = spans.get((r, c), (1, 1))
            text = "" if cell.value is None else str(cell.value)
            cells.append(Cell(text, r - 1, c - 1, h, w, Position(line=r, page=page)))
        if cells:
            blocks.append(Table(_with_blanks(cells, covered, page), Position(page=page)))
    return Document(blocks, "xlsx")


def _with_blanks(cells: list[Cell], covered: set[tuple[int, int]], page: int) -> list[Cell]:
    """The sheet's cells with an empty cell at every position of a row, within the columns the
    sheet uses, that holds none and no merged range covers: a blank cell, as a web page's empty
    ``<td>`` is. A sheet stores no empty cell, and the aligner reads a row's cells by their
    columns — without them a row's values after a blank would stand one column left."""
    first = min(c.col for c in cells)
    last = max(c.col + c.colspan for c in cells)
    rows = sorted({c.row for c in cells})
    if len(rows) * (last - first) > limits.active().table_cells:
        return cells  # a sheet too large to read: refused by its grid's size (readers.check_document)
    held = {(c.row, c.col) for c in cells}
    blanks = [Cell("", r, c, pos=Position(line=r + 1, page=page)) for r in rows for c in range(first, last)
              if (r, c) not in held and (r + 1, c + 1) not in covered]
    return sorted(cells + blanks, key=lambda c: (c.row, c.col)) if blanks else cells


__all__ = ["read_xlsx", "read_guarded"]
