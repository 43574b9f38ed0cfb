"""Read an xlsx workbook into a Document: every sheet a table (merged cells as spans).

A form written by ``ogi form`` is read through :func:`ogi.form.read_form`, which
recomputes its formula totals (a workbook not saved by Excel caches no formula values),
and laid out as the report it stands for; any other workbook is read cell by cell, with
the values Excel cached for its formulas."""

from __future__ import annotations

import io
import zipfile

from .. import limits
from ..document import Cell, Document, Paragraph, Position, Table
from ..errors import OgiError, UnreadableFile
from .zipped import check_package


def read_xlsx(data: bytes) -> Document:
    """A workbook within the limits (see :mod:`ogi.readers.zipped`: its parts are inflated
    and its cells and merged ranges counted before openpyxl allocates any)."""
    check_package(data, "XLSX")
    try:
        return _read_checked(data)
    except OgiError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises whatever its parsers meet in a damaged part
        raise UnreadableFile(f"the xlsx is damaged and cannot be read ({type(exc).__name__})") from exc


def _read_checked(data: bytes) -> Document:
    from ..form import FormError, is_form, read_form

    if is_form(data):
        try:
            report = read_form(data)
        except FormError as exc:
            raise UnreadableFile(f"the form has bad values: {'; '.join(str(exc).splitlines())}") from exc
        return _report_document(report)
    return _workbook_document(data)


def _report_document(report) -> Document:
    """The report a form holds, as paragraphs and tables (the rendered page's blocks)."""
    from ..render.layout import page_of

    page = page_of(report)
    blocks: list = [Paragraph(page.title)] + [Paragraph(f"{label}:{value}") for label, value in page.meta]
    for part in page.parts:
        blocks.append(Paragraph(part.heading))
        blocks += [Paragraph(p) for p in part.paragraphs]
        if part.table is not None:
            blocks.append(Table([Cell(c.text, c.row, c.col, c.rowspan, c.colspan) for c in part.table.cells]))
    return Document(blocks, "xlsx", {"title": page.title})


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
            blocks.append(Table(cells, Position(page=page)))
    return Document(blocks, "xlsx")
