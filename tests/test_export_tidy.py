"""Tidy exports: the long cells table with agency, region, level, labels, status and
provenance; the wide table; findings with report, agency and year; Parquet partitioned by
year and province; formula text neutralised in CSV and xlsx; the codebook beside."""

from __future__ import annotations

import csv
import json
from urllib.parse import unquote

import duckdb
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from ogi.cli import app
from ogi.codebook import entries
from ogi.store import open_store

runner = CliRunner()
CITY_GOV = "重庆市北碚区人民政府"
DEPARTMENT = "北碚区教育委员会"  # prints only its county: the store's 重庆市北碚区 completes it
FORMULA = '=HYPERLINK("https://example.org/a","点击")'


@pytest.fixture
def exported_store(db_url, report_writer):
    gov = report_writer.write(CITY_GOV, 2022)
    dept = report_writer.write(DEPARTMENT, 2021)
    result = runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"])
    assert result.exit_code == 0, result.output
    with open_store(db_url) as db:  # text a spreadsheet would run, as a report's cell may hold
        db.execute("UPDATE cells SET value = NULL, text = ? WHERE row_key = 'regulations' AND column_key = 'in_force' "
                   "AND report_id = (SELECT id FROM reports WHERE year = 2021)", [FORMULA])
        db.execute("INSERT INTO findings (report_id, origin, code, severity, message, where_key) "
                   "SELECT id, 'parse', 'CELL_TEXT', 'warning', ?, 'table2.regulations.in_force' FROM reports "
                   "WHERE year = 2021", [f"表二 规章 现行有效件数:{FORMULA}"])
    return db_url, gov, dept


def export(db_url, tmp_path, fmt, what, *extra):
    out = tmp_path / f"{what}.{fmt}"
    result = runner.invoke(app, ["export", "-f", fmt, "--what", what, "-o", str(out), "--db", db_url, *extra])
    assert result.exit_code == 0, result.output
    return out


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_long_cells_table_carries_agency_region_level_labels_and_status(exported_store, tmp_path):
    db_url, gov, dept = exported_store
    rows = read_csv(export(db_url, tmp_path, "csv", "cells"))
    assert list(rows[0])[:12] == ["report_id", "agency_id", "agency", "province", "city", "county", "region_code",
                                  "level", "level_label", "year", "format", "counted"]
    assert list(rows[0])[12:] == ["cell", "label_zh", "table_key", "row_key", "column_key", "value", "status", "text",
                                  "line", "page", "derived", "provenance"]
    granted = {(r["agency"], r["year"]): r for r in rows if r["cell"] == "table3.granted.total"}
    row = granted[(CITY_GOV, "2022")]
    assert (row["province"], row["city"], row["county"], row["level"], row["level_label"], row["format"]) == (
        "重庆市", "重庆市", "北碚区", "county", "县级", "2021")
    assert row["label_zh"] == "三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › (一)予以公开 › 申请人情况 › 总计"
    assert float(row["value"]) == gov.tables["table3"]["granted"]["total"] and row["status"] == "value"
    dept_row = granted[(DEPARTMENT, "2021")]
    assert (dept_row["province"], dept_row["county"]) == ("重庆市", "北碚区")
    formula = next(r for r in rows if r["cell"] == "table2.regulations.in_force" and r["year"] == "2021")
    assert (formula["value"], formula["status"], formula["text"]) == ("", "text", "'" + FORMULA)
    other = next(r for r in rows if r["cell"] == "table3.other.total" and r["year"] == "2021")
    assert other["status"] == "derived"
    assert len(rows) == sum(len(cols) for g in (gov, dept) for t in g.tables.values() for cols in t.values())
    assert (tmp_path / "cells.codebook.csv").read_text(encoding="utf-8").startswith("key,table,row,column,label_zh")


def test_formula_text_is_text_in_a_workbook(exported_store, tmp_path):
    from openpyxl import load_workbook

    db_url, _, _ = exported_store
    book = load_workbook(export(db_url, tmp_path, "xlsx", "cells"))
    sheet = book["cells"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    text_col = header.index("text")
    cells = [row[text_col] for row in sheet.iter_rows(min_row=2) if row[text_col].value
             and "HYPERLINK" in str(row[text_col].value)]
    assert [(c.value, c.data_type) for c in cells] == [("'" + FORMULA, "s")]
    assert book["codebook"].max_row == len(entries()) + 1


def test_wide_table_has_a_row_per_report_and_a_column_per_cell_key(exported_store, tmp_path):
    db_url, gov, dept = exported_store
    rows = read_csv(export(db_url, tmp_path, "csv", "wide"))
    assert len(rows) == 2
    assert {e.key for e in entries()} <= set(rows[0])
    by_year = {r["year"]: r for r in rows}
    assert float(by_year["2022"]["table3.new_received.total"]) == gov.tables["table3"]["new_received"]["total"]
    assert by_year["2021"]["table2.regulations.in_force"] == ""  # text, no value
    assert by_year["2022"]["agency"] == CITY_GOV and by_year["2022"]["province"] == "重庆市"


def test_findings_name_their_report_agency_and_year(exported_store, tmp_path):
    db_url, _, _ = exported_store
    rows = json.loads(export(db_url, tmp_path, "json", "findings").read_text(encoding="utf-8"))
    text = next(r for r in rows if r["code"] == "CELL_TEXT")
    assert (text["agency"], text["year"], text["cell"], text["province"]) == (
        DEPARTMENT, 2021, "table2.regulations.in_force", "重庆市")
    assert isinstance(text["report_id"], int) and text["message"] == f"表二 规章 现行有效件数:{FORMULA}"
    assert (tmp_path / "findings.codebook.json").is_file()


def test_parquet_is_a_dataset_partitioned_by_year_and_province(exported_store, tmp_path):
    db_url, gov, dept = exported_store
    out = export(db_url, tmp_path, "parquet", "cells")
    parts = sorted(unquote(str(p.relative_to(out).parent)) for p in out.rglob("*.parquet"))
    assert parts == ["year=2021/province=重庆市", "year=2022/province=重庆市"]
    n = sum(len(cols) for g in (gov, dept) for t in g.tables.values() for cols in t.values())
    assert ds.dataset(out, partitioning="hive").count_rows() == n
    con = duckdb.connect()
    got = con.execute(f"SELECT year, province, count(*) FROM read_parquet('{out}/**/*.parquet', "
                      "hive_partitioning = true) GROUP BY ALL ORDER BY year").fetchall()
    per_year = {g.year: sum(len(cols) for t in g.tables.values() for cols in t.values()) for g in (gov, dept)}
    assert got == [(2021, "重庆市", per_year[2021]), (2022, "重庆市", per_year[2022])]
