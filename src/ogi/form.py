"""The fill-in form: an xlsx workbook an agency fills in, and the reader that turns a
filled-in form back into a Report.

One sheet per table, drawn like the official table (merged header cells, group labels,
labels from :mod:`ogi.template`); input cells are unlocked and validated (whole numbers
≥ 0; ``本年增/减`` any whole number; amounts decimal ≥ 0); totals are formulas and locked.
A first sheet holds the report's metadata, a second its narrative: one row per section
(一 … 六, and the text printed above the tables of 二/三/四), paragraphs one a line within
the cell. Reading a form recomputes every total from its inputs: a form not saved by
Excel has no cached formula values.

What the clerk sees while typing: labels printed as the format prints them (full-width
``（一）``, amounts with their unit); under table 三 a row that checks the balance of every
column (一+二 = (七)+四, :data:`BALANCE_LABEL`) as a formula, green when it holds and red
when it does not; and a problem in the filled-in form is named as the clerk finds it —
the sheet, the cell address and the printed row and column (``表三 E8 /
商业企业·予以公开``), not by the schema key.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import cast

from openpyxl import Workbook, load_workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from .document import Block, Cell, Document, Paragraph, Table
from .errors import OgiError, UnreadableFile
from .model import Report, SectionText, Source, empty_tables
from .render.layout import header_text, page_of, unnumbered
from .render.validate import Problem, problems
from .template import FORMATS, SECTIONS, TABLE_NAMES, Kind
from .template.formats import BALANCE, T4_GROUP_LABELS
from .template.layout import CAPTION, HEADER, LABEL, VALUE, GridCell, table_grid

META_SHEET = "报告信息"
TABLE_SHEETS = {key: f"{name.zh} {name.topic}" for key, name in TABLE_NAMES.items()}  # 表二 主动公开
SHEET_NAMES = {key: name.zh for key, name in TABLE_NAMES.items()}  # how a problem names the sheet
TEXT_SHEET = "报告正文"  # the narrative: section, heading, text
TEXT_COLUMNS = ("部分", "标题", "正文(每段一行,单元格内按 Alt+Enter 换行)")
BALANCE_LABEL = "勾稽关系核对:(一+二)−((七)+四),应为 0"
OK_FILL = PatternFill("solid", fgColor="C6EFCE")
BAD_FILL = PatternFill("solid", fgColor="FFC7CE")
META_FIELDS = (("template", "格式(2019 或 2021)"), ("agency", "机关名称"), ("year", "报告年度"),
               ("title", "报告标题"), ("published_date", "发布日期(YYYY-MM-DD)"), ("index_number", "索引号"))
TOP = 3  # grid row 0 is sheet row 3 (row 1: the table's heading)
INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
TOTAL_FILL = PatternFill("solid", fgColor="E8E8E8")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


class FormError(OgiError, ValueError):
    """A workbook that is not a readable form, or a form with bad values (``problems``)."""

    def __init__(self, problems_: list[Problem]):
        self.problems = problems_
        super().__init__("\n".join(str(p) for p in problems_))


def _address(c: GridCell) -> str:
    return f"{get_column_letter(c.col + 1)}{c.row + TOP}"


def formulas(template: str, table: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Cell → the cells it sums: each row's total (``PrintedRow.sums``) and each row that
    a column identity makes the sum of others (``(七)总计``)."""
    spec = FORMATS[template].table(table)
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in spec.rows:
        for total, parts in row.sums:
            out[row.cells[total][:2]] = [row.cells[p][:2] for p in parts]
    printed = {row.key for row in spec.rows}
    for identity in spec.column_identities:
        left, right = identity.left, identity.right
        if len(left) == 1:
            for _, col, _ in spec.row(left[0]).cells:
                if (left[0], col) not in out:
                    out[(left[0], col)] = [(r, col) for r in right if r in printed]
    return out


def _validation(kind: Kind) -> DataValidation:
    if kind == Kind.SIGNED:
        dv = DataValidation(type="whole", operator="between", formula1="-999999999", formula2="999999999")
    elif kind == Kind.AMOUNT:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    else:
        dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    dv.error, dv.errorTitle, dv.showErrorMessage = "请填写数字(数量为不小于0的整数)", "数值无效", True
    dv.allow_blank = True
    return dv


def write_form(template: str = "2021") -> bytes:
    """A blank form for ``template`` ("2019" | "2021") as xlsx bytes."""
    if template not in FORMATS:
        raise ValueError(f"unknown template {template!r}; choose 2019 or 2021")
    wb = Workbook()
    meta = wb.active
    meta.title = META_SHEET
    meta.column_dimensions["A"].width, meta.column_dimensions["B"].width = 24, 48
    for i, (key, label) in enumerate(META_FIELDS, start=1):
        meta.cell(i, 1, label).font = Font(bold=True)
        cell = meta.cell(i, 2, template if key == "template" else None)
        cell.fill = INPUT_FILL
    _text_sheet(wb.create_sheet(TEXT_SHEET))
    for table, sheet_name in TABLE_SHEETS.items():
        _table_sheet(wb.create_sheet(sheet_name), template, table)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def fill_form(report: Report) -> bytes:
    """A form holding ``report``'s metadata and input values (totals stay formulas)."""
    template = cast(str, report.meta.template)
    wb = load_workbook(io.BytesIO(write_form(template)))
    meta = report.meta.model_dump()
    for i, (key, _) in enumerate(META_FIELDS, start=1):
        wb[META_SHEET].cell(i, 2, meta.get(key))
    for i, section in enumerate(SECTIONS, start=2):
        given = report.sections.get(section.key)
        if given:
            wb[TEXT_SHEET].cell(i, 2, given.heading or section.heading)
            wb[TEXT_SHEET].cell(i, 3, "\n".join(given.paragraphs()) or None)
    for table, sheet_name in TABLE_SHEETS.items():
        ws = wb[sheet_name]
        sums = formulas(template, table)
        values = getattr(report, table)
        for c in table_grid(template, table).value_cells():
            if c.cell not in sums:
                row, col = _key(c)
                ws.cell(c.row + TOP, c.col + 1, values.get(row, {}).get(col))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text_sheet(ws) -> None:
    """One row per section: its number, the official heading (editable) and the text."""
    for k, label in enumerate(TEXT_COLUMNS, start=1):
        ws.cell(1, k, label).font = Font(bold=True)
    for i, section in enumerate(SECTIONS, start=2):
        ws.cell(i, 1, section.numeral)
        for k in (2, 3):
            cell = ws.cell(i, k, section.heading if k == 2 else None)
            cell.fill, cell.protection = INPUT_FILL, Protection(locked=False)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[i].height = 120
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = 6, 28, 90


def read_sections(wb) -> dict[str, SectionText]:
    """The sections written on the narrative sheet (none for a form without one)."""
    if TEXT_SHEET not in wb.sheetnames:
        return {}
    ws = wb[TEXT_SHEET]
    out = {}
    for i, section in enumerate(SECTIONS, start=2):
        heading, text = ws.cell(i, 2).value, ws.cell(i, 3).value
        paragraphs = [p.strip() for p in str(text or "").replace("\r", "\n").split("\n") if p.strip()]
        if paragraphs:
            out[section.key] = SectionText(heading=str(heading).strip() if heading else section.heading,
                                           text="\n".join(paragraphs))
    return out


def cell_names(template: str, table: str) -> dict[tuple[str, str], str]:
    """(row key, column key) → how the clerk sees the cell: the sheet, its address, and
    the printed column and row (``表三 E8 / 商业企业·予以公开``)."""
    grid = table_grid(template, table)
    spec = FORMATS[template].table(table)
    outcomes = {g.label for g in spec.groups if g.key == "outcomes"}
    out = {}
    for c in grid.value_cells():
        if table == "table4":
            column, row = T4_GROUP_LABELS[_key(c)[0]], _header_over(grid, c, template)
        else:
            column = _header_over(grid, c, template)
            row = "·".join(unnumbered(x.text) for x in sorted(grid.cells, key=lambda x: x.col)
                           if x.role == LABEL and x.row <= c.row < x.row + x.rowspan and x.text not in outcomes)
        out[_key(c)] = f"{SHEET_NAMES[table]} {_address(c)} / {unnumbered(column)}·{row}"
    return out


def _key(c: GridCell) -> tuple[str, str]:
    """The (row key, column key) of a value cell (:meth:`TableGrid.value_cells` has one)."""
    return cast("tuple[str, str]", c.cell)


def _header_over(grid, c: GridCell, template: str) -> str:
    """The lowest header cell above ``c`` that covers its column."""
    above = [h for h in grid.cells if h.role == HEADER and h.row < c.row and h.col <= c.col < h.col + h.colspan]
    return header_text(max(above, key=lambda h: h.row).text, template) if above else ""


def balance_row(grid) -> int:
    """The sheet row of table 三's balance check: one blank row below the table."""
    return grid.n_rows + TOP + 1


def _balance_row(ws, template: str, grid, by_cell: dict) -> None:
    """Under table 三: per column, (一+二) − ((七)+四) as a formula, green at 0, red otherwise."""
    left, right = BALANCE.left, BALANCE.right
    r = balance_row(grid)
    ws.cell(r, 1, BALANCE_LABEL).font = Font(bold=True)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
    columns = [ck for rk, ck, _ in FORMATS[template].table3.row(left[0]).cells]
    for col in columns:
        first = by_cell[(left[0], col)]
        plus = "+".join(_address(by_cell[(k, col)]) for k in left)
        minus = "+".join(_address(by_cell[(k, col)]) for k in right)
        cell = ws.cell(r, first.col + 1, f"=({plus})-({minus})")
        cell.border, cell.fill = BOX, TOTAL_FILL
    span = f"{get_column_letter(by_cell[(left[0], columns[0])].col + 1)}{r}:" \
           f"{get_column_letter(by_cell[(left[0], columns[-1])].col + 1)}{r}"
    ws.conditional_formatting.add(span, CellIsRule(operator="equal", formula=["0"], fill=OK_FILL))
    ws.conditional_formatting.add(span, CellIsRule(operator="notEqual", formula=["0"], fill=BAD_FILL))


def _table_sheet(ws, template: str, table: str) -> None:
    grid = table_grid(template, table)
    ws.cell(1, 1, grid.title).font = Font(bold=True, size=13)
    sums = formulas(template, table)
    by_cell = {c.cell: c for c in grid.value_cells()}
    validations: dict[Kind, DataValidation] = {}
    for c in grid.cells:
        cell = ws.cell(c.row + TOP, c.col + 1)
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(start_row=c.row + TOP, start_column=c.col + 1,
                           end_row=c.row + TOP + c.rowspan - 1, end_column=c.col + c.colspan)
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                ws.cell(r + TOP, k + 1).border = BOX
        if c.role != VALUE:
            cell.value = header_text(c.text, template)
            cell.alignment = Alignment(wrap_text=True, vertical="center",
                                       horizontal="left" if c.role == CAPTION else "center")
            cell.font = Font(bold=c.role in (CAPTION, HEADER))
            continue
        if c.cell in sums:
            cell.value = "=" + "+".join(_address(by_cell[p]) for p in sums[c.cell])
            cell.fill = TOTAL_FILL
            continue
        cell.protection = Protection(locked=False)
        cell.fill = INPUT_FILL
        kind = cast(Kind, c.kind)  # a value cell's
        dv = validations.get(kind)
        if dv is None:
            dv = validations[kind] = _validation(kind)
            ws.add_data_validation(dv)
        dv.add(_address(c))
        if c.kind == Kind.AMOUNT:
            cell.number_format = "0.####"
    if table == "table3":
        _balance_row(ws, template, grid, by_cell)
    widths = {0: 18, 1: 14, 2: 30} if table == "table3" else {0: 24}
    for k in range(grid.n_cols):
        ws.column_dimensions[get_column_letter(k + 1)].width = widths.get(k, 11 if table != "table2" else 16)
    ws.protection.sheet = True


def is_form(data: bytes) -> bool:
    """Is this xlsx a form written by :func:`write_form`?"""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):  # not a workbook
        return False
    return META_SHEET in wb.sheetnames and all(s in wb.sheetnames for s in TABLE_SHEETS.values())


def read_form(data: bytes) -> Report:
    """The Report of a filled-in form; totals recomputed from the inputs (null when an
    input is blank). Raises :class:`FormError` naming each bad cell."""
    try:
        wb = load_workbook(io.BytesIO(data))
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise FormError([Problem("(file)", f"无法读取 xlsx: {exc}", f"cannot read the xlsx: {exc}")]) from exc
    missing = [s for s in (META_SHEET, *TABLE_SHEETS.values()) if s not in wb.sheetnames]
    if missing:
        raise FormError([Problem("(file)", f"不是 ogi 表单,缺少工作表 {'、'.join(missing)}",
                                 f"not an ogi form; sheets missing: {', '.join(missing)}")])
    meta = {key: wb[META_SHEET].cell(i, 2).value for i, (key, _) in enumerate(META_FIELDS, start=1)}
    meta = {k: _meta_value(k, v) for k, v in meta.items()}
    template = meta["template"]
    if template not in FORMATS:
        raise FormError([Problem("meta.template", f"格式“{template}”应为 2019 或 2021",
                                 f"template {template!r}; expected 2019 or 2021")])
    data_json = {"meta": meta, **empty_tables(template)}
    bad: list[Problem] = []
    for table, sheet_name in TABLE_SHEETS.items():
        ws = wb[sheet_name]
        sums = formulas(template, table)
        values = data_json[table]
        names = cell_names(template, table)
        for c in table_grid(template, table).value_cells():
            if c.cell in sums:
                continue
            raw = ws.cell(c.row + TOP, c.col + 1).value
            row, col = _key(c)
            values[row][col] = _cell_value(raw, names[row, col], bad, f"{table}.{row}.{col}")
        for _ in range(len(sums)):  # a total may sum other totals: evaluate until stable
            pending = [(cell, parts) for cell, parts in sums.items() if values[cell[0]][cell[1]] is None]
            done = 0
            for (row, col), parts in pending:
                items = [values[r][k] for r, k in parts]
                if all(isinstance(v, (int, float)) for v in items):
                    values[row][col] = sum(items)
                    done += 1
            if not done:
                break
        spec = FORMATS[template].table(table)
        for derived, derived_rows in spec.derived.items():
            for col in values[derived]:
                items = [values[p][col] for p in derived_rows]
                values[derived][col] = sum(items) if all(isinstance(v, (int, float)) for v in items) else None
    # named as the clerk sees the cell; a total is left out: its inputs carry the problem
    clerk = {f"{table}.{r}.{c}": name for table in TABLE_SHEETS for (r, c), name in cell_names(template, table).items()}
    totals = {f"{table}.{r}.{c}" for table in TABLE_SHEETS for r, c in formulas(template, table)}
    bad += [Problem(clerk[p.where], p.message, f"{p.message_en} ({p.where})") if p.where in clerk else p
            for p in problems(data_json) if p.where not in totals]
    if bad:
        raise FormError(bad)
    report = Report.from_json(data_json)
    report.source = Source(format="xlsx")
    report.sections = read_sections(wb)
    return report


def _meta_value(key: str, value):
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if key == "year":
        try:
            return int(value)
        except (TypeError, ValueError):
            return value
    return str(value).strip()


def _cell_value(raw, where: str, bad: list[Problem], key: str = ""):
    """A typed value, or None; text that is not a number is a problem naming the cell
    (``where`` as the clerk sees it; the schema ``key`` in the English message)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        bad.append(Problem(where, f"“{raw}”不是数字", f"{raw!r} is not a number ({key})"))
        return None
    if isinstance(raw, (int, float)):
        return int(raw) if isinstance(raw, float) and raw.is_integer() else raw
    text = str(raw).strip().replace(",", "")
    try:
        number = float(text)
    except ValueError:
        bad.append(Problem(where, f"“{raw}”不是数字", f"{raw!r} is not a number ({key})"))
        return None
    return int(number) if number.is_integer() and "." not in text else number


def form_document(data: bytes) -> Document | None:
    """The report a form holds, laid out as paragraphs and tables (the rendered page's
    blocks), as if it were a document read from a file; ``None`` when ``data`` is not a
    form. Within the package limits of any xlsx (:func:`ogi.readers.zipped.check_package`);
    bad values and a damaged workbook are an :class:`UnreadableFile`."""
    from .readers.xlsx import read_guarded

    return read_guarded(data, _form_document)


def _form_document(data: bytes) -> Document | None:
    if not is_form(data):
        return None
    try:
        report = read_form(data)
    except FormError as exc:
        raise UnreadableFile(f"the form has bad values: {'; '.join(str(exc).splitlines())}") from exc
    return _report_document(report)


def _report_document(report: Report) -> Document:
    page = page_of(report)
    blocks: list[Block] = [Paragraph(page.title)]
    blocks += [Paragraph(f"{label}:{value}") for label, value in page.meta]
    for part in page.parts:
        blocks.append(Paragraph(part.heading))
        blocks += [Paragraph(p) for p in part.paragraphs]
        if part.table is not None:
            blocks.append(Table([Cell(c.text, c.row, c.col, c.rowspan, c.colspan) for c in part.table.cells]))
    return Document(blocks, "xlsx", {"title": page.title})


__all__ = [
    "META_SHEET", "TABLE_SHEETS", "SHEET_NAMES", "TEXT_SHEET", "TEXT_COLUMNS", "BALANCE_LABEL", "META_FIELDS",
    "FormError", "formulas", "write_form", "fill_form", "read_sections", "cell_names", "balance_row", "is_form",
    "read_form", "form_document",
]
