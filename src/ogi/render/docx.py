"""A report as a Word document (python-docx): the official tables with real merged cells."""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from ..model import Report
from ..template.layout import CAPTION, LABEL, VALUE
from .layout import DrawnTable, Page, page_of

FONT = "Noto Serif CJK SC"
# column widths in cm (the page is about 16 cm wide): room for the long row labels of table 三
WIDTHS = {"table2": (4.4, 3.9, 3.9, 3.9), "table3": (1.9, 2.2, 4.6) + (1.1,) * 7, "table4": (1.07,) * 15}
_ALIGN = {LABEL: WD_ALIGN_PARAGRAPH.LEFT, CAPTION: WD_ALIGN_PARAGRAPH.LEFT, VALUE: WD_ALIGN_PARAGRAPH.RIGHT}


def _use_font(style, size: float) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def add_table(doc, table: DrawnTable) -> None:
    """Append ``table`` with each merged cell merged in Word (``merge()``), not imitated."""
    t = doc.add_table(rows=table.n_rows, cols=table.n_cols)
    t.style = "Table Grid"
    t.autofit = False
    widths = [Cm(w) for w in WIDTHS[table.key]]
    for k, width in enumerate(widths):
        t.columns[k].width = width
    # every grid cell, taken once before merging (``Table.cell`` rescans the whole table)
    grid = [[_Cell(tc, t) for tc in tr.tc_lst] for tr in t._tbl.tr_lst]
    for row in grid:
        for k, cell in enumerate(row):
            cell.width = widths[k]
    for c in table.cells:
        cell = grid[c.row][c.col]
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(grid[c.row + c.rowspan - 1][c.col + c.colspan - 1])
        cell.text = c.text
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for p in cell.paragraphs:
            p.alignment = _ALIGN.get(c.role, WD_ALIGN_PARAGRAPH.CENTER)
            for run in p.runs:
                run.font.size = Pt(9)
                run.bold = c.role == CAPTION


def page_docx(page: Page) -> bytes:
    doc = new_document()
    _use_font(doc.styles["Normal"], 11)
    if page.mark:  # in the page header: on every page
        mark = doc.sections[0].header.paragraphs[0]
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = mark.add_run(page.mark)
        run.bold, run.font.size, run.font.color.rgb = True, Pt(14), RGBColor(0xB0, 0, 0)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(page.title)
    run.bold, run.font.size = True, Pt(16)
    for label, value in page.meta:
        doc.add_paragraph(f"{label}:{value}")
    for p in page.preface:
        doc.add_paragraph(p)
    for part in page.parts:
        heading = doc.add_paragraph()
        heading.add_run(part.heading).bold = True
        for p in part.paragraphs:
            doc.add_paragraph(p)
        if part.table is not None:
            add_table(doc, part.table)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_docx(report: Report, preface: tuple[str, ...] = (), draft: bool = False) -> bytes:
    return page_docx(page_of(report, preface, draft))
