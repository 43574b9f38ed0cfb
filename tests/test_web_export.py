"""Bulk export from the web (``/export``): the reports a list shows, with its filters and
search, as the tidy tables of ``ogi export`` — CSV, Excel, Parquet, JSON — while the server
holds the store; the codebook beside, formula text neutralised."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from ogi.codebook import entries
from ogi.store import open_store
from ogi.store.ingest import collect, ingest
from ogi.web import create_app

HONGZE = "淮安市洪泽区人民政府"
BEIBEI = "重庆市北碚区民政局"
FORMULA = '=HYPERLINK("https://example.org/a","点击")'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import ReportWriter

    folder = tmp_path_factory.mktemp("export")
    writer = ReportWriter(folder / "reports")
    writer.folder.mkdir()
    made = {(HONGZE, 2022): writer.write(HONGZE, 2022), (HONGZE, 2023): writer.write(HONGZE, 2023),
            (BEIBEI, 2022): writer.write(BEIBEI, 2022)}
    db = folder / "ogi.duckdb"
    inputs, _, _ = collect([str(writer.folder)])
    with open_store(str(db)) as store:
        ingest(store, inputs, jobs=1)
        store.execute("UPDATE cells SET value = NULL, text = ? WHERE row_key = 'regulations' "
                      "AND column_key = 'in_force'", [FORMULA])
    with TestClient(create_app(str(db), files_dir=folder / "files", parse_workers=1)) as client:
        yield client, made


def _zip(response) -> dict[str, bytes]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _rows(text: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.decode("utf-8"))))


def test_the_cells_of_the_filtered_reports_as_csv_with_the_codebook(site):
    client, made = site
    files = _zip(client.get("/export", params={"q": "洪泽 2022", "what": "cells", "fmt": "csv"}))
    assert sorted(files) == ["ogi-cells.codebook.csv", "ogi-cells.csv"]
    rows = _rows(files["ogi-cells.csv"])
    assert {(r["agency"], r["year"], r["region_code"]) for r in rows} == {(HONGZE, "2022", "320813")}
    got = {r["cell"]: r["value"] for r in rows}
    assert float(got["table3.new_received.total"]) == made[HONGZE, 2022].tables["table3"]["new_received"]["total"]
    assert {r["text"] for r in rows if r["cell"] == "table2.regulations.in_force"} == {"'" + FORMULA}
    assert len(_rows(files["ogi-cells.codebook.csv"])) == len(entries())


def test_a_year_filter_exports_every_report_of_the_year_as_the_wide_table(site):
    client, made = site
    files = _zip(client.get("/export", params={"year": "2022", "what": "wide", "fmt": "csv"}))
    rows = _rows(files["ogi-wide.csv"])
    assert sorted(r["agency"] for r in rows) == sorted([BEIBEI, HONGZE])
    beibei = next(r for r in rows if r["agency"] == BEIBEI)
    assert (beibei["province"], beibei["county"], beibei["region_code"]) == ("重庆市", "北碚区", "500109")
    assert float(beibei["table3.granted.total"]) == made[BEIBEI, 2022].tables["table3"]["granted"]["total"]


def test_excel_has_the_codebook_sheet_and_formula_text_as_text(site):
    client, _ = site
    response = client.get("/export", params={"region": "洪泽区", "what": "cells", "fmt": "xlsx"})
    assert response.status_code == 200
    assert 'filename="ogi-cells.xlsx"' in response.headers["content-disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["cells", "codebook"] and book["codebook"].max_row == len(entries()) + 1
    header = [c.value for c in next(book["cells"].iter_rows(max_row=1))]
    years = {row[header.index("year")].value for row in book["cells"].iter_rows(min_row=2)}
    texts = {row[header.index("text")].value for row in book["cells"].iter_rows(min_row=2)
             if row[header.index("cell")].value == "table2.regulations.in_force"}
    assert years == {2022, 2023} and texts == {"'" + FORMULA}


def test_parquet_is_a_partitioned_dataset_and_json_a_list(site):
    client, _ = site
    files = _zip(client.get("/export", params={"what": "cells", "fmt": "parquet"}))
    parts = sorted(name for name in files if name.endswith(".parquet"))
    assert [p.split("/")[1:3] for p in parts] == [
        ["year=2022", "province=%E6%B1%9F%E8%8B%8F%E7%9C%81"], ["year=2022", "province=%E9%87%8D%E5%BA%86%E5%B8%82"],
        ["year=2023", "province=%E6%B1%9F%E8%8B%8F%E7%9C%81"]]
    assert "ogi-cells.codebook.csv" in files
    total = sum(pq.read_table(io.BytesIO(files[p])).num_rows for p in parts)
    assert total == len(_rows(_zip(client.get("/export", params={"what": "cells", "fmt": "csv"}))["ogi-cells.csv"]))
    found = json.loads(_zip(client.get("/export", params={"agency_id": "1", "what": "reports",
                                                          "fmt": "json"}))["ogi-reports.json"])
    assert [(r["agency_id"], r["year"]) for r in found] == [(1, 2022), (1, 2023)]


@pytest.mark.parametrize(("params", "says"), [
    ({"what": "everything"}, "导出内容“everything”无效,应为 cells、wide、reports、findings 之一"),
    ({"fmt": "pdf"}, "格式“pdf”无效,应为 csv、xlsx、parquet、json 之一"),
    ({"year": "20x2"}, "年度“20x2”无效"),
])
def test_a_bad_choice_is_refused_in_chinese(site, params, says):
    client, _ = site
    response = client.get("/export", params=params)
    assert response.status_code == 422 and says in response.text


def test_the_reports_list_links_its_exports(site):
    client, _ = site
    page = client.get("/reports", params={"year": "2022"}).text
    assert 'href="/export?year=2022&amp;what=cells&amp;fmt=csv"' in page
    assert 'href="/export?year=2022&amp;what=wide&amp;fmt=parquet"' in page
