"""``ogi stats``, ``compare``, ``findings``/``review``, ``export`` and ``sql`` over a store of
generated reports whose values are known."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import pytest
from conftest import BACKENDS, ReportWriter
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.store.queries import DENIED_ROWS

runner = CliRunner()
AGENCIES = ("江苏省测试市甲区人民政府", "江苏省测试市乙区教育局", "浙江省样例市丙县民政局")
YEARS = (2020, 2021, 2022)


@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory, new_store_url):
    """A store of 9 generated reports (3 agencies × 3 years, both formats), built once per
    backend for the tests that only read it, and the reports."""
    folder = tmp_path_factory.mktemp("store")
    writer = ReportWriter(folder)
    made = [writer.write(agency, year, "2019" if year == 2020 else "2021", scale=50)
            for agency in AGENCIES for year in YEARS]
    with new_store_url(request.param, folder) as db_url:
        result = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "-j", "1"])
        assert result.exit_code == 0, result.output
        yield db_url, made


def cli_json(*args: str):
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def expected_stats(made) -> dict:
    t3 = lambda g, row: g.tables["table3"][row]["total"]
    t4 = lambda g, group, col: g.tables["table4"][group][col]
    lit = ("litigation_direct", "litigation_after_review")
    return {
        "reports": len(made),
        "received": sum(t3(g, "new_received") for g in made),
        "carried_over": sum(t3(g, "carried_over") for g in made),
        "handled": sum(t3(g, "total") for g in made),
        "granted": sum(t3(g, "granted") for g in made),
        "partially_granted": sum(t3(g, "partially_granted") for g in made),
        "denied": sum(t3(g, row) for g in made for row in DENIED_ROWS),
        "carried_forward": sum(t3(g, "carried_forward") for g in made),
        **{row: sum(t3(g, row) for g in made) for row in DENIED_ROWS},
        "review": sum(t4(g, "review", "total") for g in made),
        "review_corrected": sum(t4(g, "review", "corrected") for g in made),
        "litigation": sum(t4(g, group, "total") for g in made for group in lit),
        "litigation_corrected": sum(t4(g, group, "corrected") for g in made for group in lit),
    }


def test_stats_totals_are_the_sums_of_the_reports_values(store):
    db_url, made = store
    (overall,) = cli_json("stats", "--db", db_url)
    expected = expected_stats(made)
    assert {k: overall[k] for k in expected} == expected
    assert overall["granted_share"] == round(expected["granted"] / expected["handled"], 4)
    by_year = {item["group"]: item for item in cli_json("stats", "--by", "year", "--db", db_url)}
    for year in YEARS:
        want = expected_stats([g for g in made if g.year == year])
        assert {k: by_year[year][k] for k in want} == want
    by_agency = {item["group"]: item for item in cli_json("stats", "--by", "agency", "--db", db_url)}
    assert set(by_agency) == set(AGENCIES)
    by_level = {item["group"]: item["reports"] for item in cli_json("stats", "--by", "level", "--db", db_url)}
    assert by_level == {"县级": 9}
    by_province = {item["group"]: item["reports"] for item in cli_json("stats", "--by", "province", "--db", db_url)}
    assert by_province == {"江苏省": 6, "浙江省": 3}
    by_county = {item["group"]: item["reports"] for item in cli_json("stats", "--by", "county", "--db", db_url)}
    assert by_county == {"甲区": 3, "乙区": 3, "丙县": 3}
    assert overall["granted_share_numerator"] == expected["granted"]
    assert overall["granted_share_denominator"] == expected["handled"]
    assert (overall["excluded"], overall["excluded_T3_BALANCE"]) == (0, 0)


def test_stats_count_a_report_stored_twice_once(db_url, report_writer):
    made = [report_writer.write(AGENCIES[0], year) for year in (2021, 2022)]
    # the same report as another file (its page and its PDF, say): another sha256, same agency and year
    copy = report_writer.folder / "copy.txt"
    copy.write_text(made[0].path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"]).exit_code == 0
    (overall,) = cli_json("stats", "--db", db_url)
    assert overall["reports"] == len(made) and overall["received"] == expected_stats(made)["received"]


def test_compare_two_years_cell_by_cell(store):
    db_url, made = store
    rows = cli_json("compare", "2021", "2022", "--all", "--db", db_url)
    sums: dict[int, dict[str, int]] = {2021: defaultdict(int), 2022: defaultdict(int)}
    for g in made:
        if g.year in sums:
            for table, cells in g.tables.items():
                for row, cols in cells.items():
                    for col, v in cols.items():
                        sums[g.year][f"{table}.{row}.{col}"] += v
    assert {r["cell"]: (r["2021"], r["2022"]) for r in rows} == {k: (v, sums[2022][k]) for k, v in sums[2021].items()}
    differing = cli_json("compare", "2021", "2022", "--db", db_url)
    assert all(r["2021"] != r["2022"] for r in differing)
    assert {r["cell"] for r in differing} == {k for k, v in sums[2021].items() if v != sums[2022][k]}


def test_compare_two_agencies_and_one_agency_across_years(store):
    db_url, made = store
    a, b = (next(g for g in made if g.agency == name and g.year == 2022) for name in AGENCIES[:2])
    rows = cli_json("compare", "甲区人民政府", "乙区教育局", "--year", "2022", "--all", "--db", db_url)
    left, right = (k for k in rows[0] if k not in ("cell", "difference"))
    got = {r["cell"]: (r[left], r[right], r["difference"]) for r in rows}
    v = lambda g, key: g.tables[key.split(".")[0]][key.split(".", 1)[1].rsplit(".", 1)[0]][key.rsplit(".", 1)[1]]
    assert all(got[k] == (v(a, k), v(b, k), v(b, k) - v(a, k)) for k in got)
    assert len(got) == sum(len(cols) for t in a.tables.values() for cols in t.values())
    own = cli_json("compare", "2021", "2022", "--agency", AGENCIES[0], "--all", "--db", db_url)
    c2021 = next(g for g in made if g.agency == AGENCIES[0] and g.year == 2021)
    assert next(r for r in own if r["cell"] == "table3.total.total")["2021"] == c2021.tables["table3"]["total"]["total"]


def test_compare_explains_what_it_cannot_compare(store):
    db_url, _ = store
    result = runner.invoke(app, ["compare", "1999", "2000", "--db", db_url])
    assert result.exit_code == 2 and "no reports" in result.output
    result = runner.invoke(app, ["compare", "不存在的局", "甲区", "--db", db_url])
    assert result.exit_code == 2 and "no agency" in result.output and "Traceback" not in result.output


def test_findings_filter_and_review(db_url, report_writer):
    broken = report_writer.write("江苏省测试市丁区商务局", 2022)
    broken.tables["table3"]["total"]["total"] += 1  # a wrong printed total: T3_* errors when the checks run
    report_writer.write("江苏省测试市丁区商务局", 2023, tables=broken.tables)
    assert runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"]).exit_code == 0
    everything = cli_json("findings", "--db", db_url)
    assert everything, "some finding is expected (cross-year, text, …)"
    first = everything[0]
    only = cli_json("findings", "--code", first["code"], "--db", db_url)
    assert only and all(f["code"] == first["code"] for f in only)
    assert all(f["status"] == "open" for f in everything)
    result = runner.invoke(app, ["review", str(first["id"]), "confirmed", "-m", "checked", "--db", db_url])
    assert result.exit_code == 0, result.output
    confirmed = cli_json("findings", "--status", "confirmed", "--db", db_url)
    assert [(f["id"], f["comment"]) for f in confirmed] == [(first["id"], "checked")]
    assert len(cli_json("findings", "--status", "open", "--db", db_url)) == len(everything) - 1
    missing = runner.invoke(app, ["review", "999999", "dismissed", "--db", db_url])
    assert missing.exit_code == 2 and "no finding" in missing.output


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet", "xlsx"])
def test_export_cells_reports_findings_and_stats(store, tmp_path, fmt):
    db_url, made = store
    n_cells = sum(len(cols) for g in made for t in g.tables.values() for cols in t.values())
    for what, rows in (("cells", n_cells), ("reports", len(made)), ("stats", 1)):
        out = tmp_path / f"{what}.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "--what", what, "--out", str(out), "--db", db_url])
        assert result.exit_code == 0, result.output
        assert len(read_back(out, fmt)) == rows


def test_export_of_the_whole_database(store, tmp_path):
    db_url, made = store
    folder = tmp_path / "all"
    assert runner.invoke(app, ["export", "-f", "parquet", "--what", "all", "-o", str(folder),
                               "--db", db_url]).exit_code == 0
    names = {p.stem for p in folder.iterdir()}
    assert {"reports", "cells", "findings", "reviews", "failures", "agencies", "agency_aliases"} <= names
    assert len(read_back(folder / "reports.parquet", "parquet")) == len(made)
    book = tmp_path / "all.xlsx"
    assert runner.invoke(app, ["export", "-f", "xlsx", "--what", "all", "-o", str(book), "--db", db_url]).exit_code == 0
    from openpyxl import load_workbook

    wb = load_workbook(book, read_only=True)
    assert "cells" in wb.sheetnames and "document" not in next(wb["reports"].values)


def read_back(path, fmt) -> list:
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    if fmt == "json":
        return json.loads(path.read_text(encoding="utf-8"))
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    from openpyxl import load_workbook

    return list(load_workbook(path, read_only=True).active.values)[1:]


def test_sql_reads_and_refuses_to_write(store):
    db_url, made = store
    sql_url, role = db_url, None
    if db_url.startswith("postgresql"):  # ogi sql runs only as the read-only role it sets up
        import re
        import uuid

        role = f"ogi_reader_{uuid.uuid4().hex[:10]}"
        setup = runner.invoke(app, ["sql", "--setup-role", "--role", role, "--db", db_url])
        sql_url = re.search(r"export OGI_SQL_DB='([^']+)'", setup.output).group(1)
    try:
        assert cli_json("sql", "SELECT count(*) AS n FROM reports", "--db", sql_url) == [{"n": len(made)}]
        for statement in ("DROP TABLE reports", "DELETE FROM cells", "UPDATE reports SET year = 1"):
            result = runner.invoke(app, ["sql", statement, "--db", sql_url])
            assert result.exit_code == 2 and "Traceback" not in result.output, result.output
        with open_store(db_url) as db:
            assert db.scalar("SELECT count(*) FROM reports") == len(made)
        bad = runner.invoke(app, ["sql", "SELEC nonsense", "--db", sql_url])
        assert bad.exit_code == 2 and "ogi:" in bad.output
    finally:
        if role:
            with open_store(db_url) as db:
                db.execute(f"DROP OWNED BY {role}")
                db.execute(f"DROP ROLE {role}")
