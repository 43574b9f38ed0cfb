"""The fill-in form: laid out like the official tables, totals as formulas, inputs
validated, and read back (by ``ogi render`` and ``ogi parse``) into the same data."""

from __future__ import annotations

import io
import random

import pytest
from typer.testing import CliRunner

load_workbook = pytest.importorskip("openpyxl").load_workbook

from ogi import parse
from ogi.cli import app
from ogi.form import (
    META_SHEET,
    TABLE_SHEETS,
    TEXT_SHEET,
    TOP,
    balance_row,
    FormError,
    fill_form,
    formulas,
    read_form,
    write_form,
)
from ogi.model import Meta, Report
from ogi.render.layout import header_text
from ogi.synth.report import synthesize
from ogi.template.layout import table_grid


def sample(template: str) -> Report:
    s = synthesize(random.Random(3), years=(2020, 2020) if template == "2019" else (2023, 2023))
    return Report(meta=Meta(title=s.profile.title, agency=s.profile.agency, year=s.profile.year, template=template,
                            published_date=s.profile.published.isoformat(), index_number=s.profile.index_number),
                  **s.expected_values())


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_form_sheets_follow_the_official_grid(template):
    wb = load_workbook(io.BytesIO(write_form(template)))
    assert wb.sheetnames == [META_SHEET, TEXT_SHEET, *TABLE_SHEETS.values()]
    for table, name in TABLE_SHEETS.items():
        ws = wb[name]
        grid = table_grid(template, table)
        merged = {(m.min_row, m.min_col, m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                  for m in ws.merged_cells.ranges}
        spans = {(c.row + TOP, c.col + 1, c.rowspan, c.colspan) for c in grid.cells if c.rowspan > 1 or c.colspan > 1}
        if table == "table3":  # the balance check's label, below the table
            spans.add((balance_row(grid), 1, 1, 3))
        assert merged == spans
        for c in grid.cells:
            if c.role != "value":
                assert ws.cell(c.row + TOP, c.col + 1).value == header_text(c.text, template)


def test_totals_are_formulas_and_inputs_are_validated():
    wb = load_workbook(io.BytesIO(write_form("2019")))
    ws = wb[TABLE_SHEETS["table3"]]
    grid = {c.cell: c for c in table_grid("2019", "table3").value_cells()}
    total = grid[("granted", "total")]
    assert ws.cell(total.row + TOP, total.col + 1).value.startswith("=")
    assert ws.cell(total.row + TOP, total.col + 1).protection.locked
    person = grid[("granted", "natural_person")]
    assert not ws.cell(person.row + TOP, person.col + 1).protection.locked
    kinds = {(dv.type, dv.operator, dv.formula1) for dv in ws.data_validations.dataValidation}
    assert kinds == {("whole", "greaterThanOrEqual", "0")}
    t2 = {(dv.type, dv.operator) for dv in wb[TABLE_SHEETS["table2"]].data_validations.dataValidation}
    assert t2 == {("whole", "greaterThanOrEqual"), ("whole", "between"), ("decimal", "greaterThanOrEqual")}
    assert ("total", "natural_person") in formulas("2019", "table3")  # (七)总计 sums the outcome rows


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_filled_form_reads_back_the_data(template):
    report = sample(template)
    back = read_form(fill_form(report))
    assert (back.table2, back.table3, back.table4) == (report.table2, report.table3, report.table4)
    assert back.meta.model_dump() == report.meta.model_dump()
    parsed = parse(fill_form(report), name="form.xlsx")
    assert (parsed.table2, parsed.table3, parsed.table4) == (report.table2, report.table3, report.table4)
    assert parsed.meta.year == report.meta.year and parsed.meta.template == template


def test_a_blank_input_leaves_its_totals_null():
    report = sample("2021")
    report.table3["granted"]["commercial"] = None
    back = read_form(fill_form(report))
    assert back.table3["granted"]["total"] is None
    assert back.table3["total"]["commercial"] is None
    assert back.table3["denied.state_secret"]["total"] == report.table3["denied.state_secret"]["total"]


def test_text_in_an_input_cell_is_named():
    wb = load_workbook(io.BytesIO(fill_form(sample("2021"))))
    cell = next(c for c in table_grid("2021", "table4").value_cells() if c.cell == ("review", "upheld"))
    wb[TABLE_SHEETS["table4"]].cell(cell.row + TOP, cell.col + 1, "三件")
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(FormError) as caught:
        read_form(out.getvalue())
    assert [str(p) for p in caught.value.problems] == [
        "表四 A6 / 行政复议·结果维持: “三件”不是数字 ('三件' is not a number (table4.review.upheld))"]


def test_form_command_then_render(tmp_path):
    blank = tmp_path / "form.xlsx"
    assert CliRunner().invoke(app, ["form", "--to", "xlsx", "-o", str(blank), "--template", "2019"]).exit_code == 0
    assert load_workbook(blank)[META_SHEET].cell(1, 2).value == "2019"
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(fill_form(sample("2021")))
    result = CliRunner().invoke(app, ["render", str(filled), "--to", "md"])
    assert result.exit_code == 0, result.output
    assert "（七）总计" in (tmp_path / "filled.md").read_text(encoding="utf-8")


def test_any_workbook_reads_as_tables_with_spans():
    from openpyxl import Workbook

    from ogi.readers import UnreadableFile, read

    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["A2"], ws["B2"], ws["C2"] = "信息内容", "本年制发件数", "规章", 3, 4
    ws.merge_cells("B1:C1")
    out = io.BytesIO()
    wb.save(out)
    table = read(out.getvalue(), "book.xlsx").blocks[0]
    assert [(c.text, c.row, c.col, c.colspan) for c in table.cells] == [
        ("信息内容", 0, 0, 1), ("本年制发件数", 0, 1, 2), ("规章", 1, 0, 1), ("3", 1, 1, 1), ("4", 1, 2, 1)]
    with pytest.raises(UnreadableFile):
        read(b"PK\x03\x04xl/not really a workbook", "broken.xlsx")


def test_a_negative_count_is_named_as_the_clerk_sees_the_cell():
    wb = load_workbook(io.BytesIO(fill_form(sample("2021"))))
    cell = next(c for c in table_grid("2021", "table3").value_cells() if c.cell == ("granted", "commercial"))
    wb[TABLE_SHEETS["table3"]].cell(cell.row + TOP, cell.col + 1, -2)
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(FormError) as caught:
        read_form(out.getvalue())
    assert [p.where for p in caught.value.problems] == ["表三 E8 / 商业企业·予以公开"]
    assert caught.value.problems[0].message == "“-2”为负数,此处不能为负"
