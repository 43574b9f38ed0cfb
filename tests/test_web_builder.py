"""The report builder (agencies or regions × measures × years, with changes, rates,
anomalies and downloads) and the read-only SQL page that works while the server holds the
store (one SELECT of the report tables, a time limit, a row cap)."""

from __future__ import annotations

import io
import random

import pyarrow.parquet as pq
import pytest
from conftest import ReportWriter, consistent_tables
from fastapi.testclient import TestClient

from ogi.store import open_store
from ogi.store.ingest import collect, ingest
from ogi.web import create_app
from ogi.web.pages.sql import ROW_CAP, SqlRefused, check

HAILING = "江苏省泰州市海陵区"
NAMES = ["教育局", "民政局", "财政局", "司法局", "卫生健康委员会", "交通运输局"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("builder")
    writer = ReportWriter(folder / "reports")
    writer.folder.mkdir()
    made = []
    for name in NAMES:
        for year in (2022, 2023):
            made.append(writer.write(HAILING + name, year, seed=year))
    writer.write("江苏省泰州市高港区教育局", 2023)  # only one year: out of the "same agencies" basis
    jump = consistent_tables("2021", random.Random(11), scale=10)
    for col in ("natural_person", "total"):  # 行政处罚-like jump: one agency's requests ×100
        for row in ("new_received", "granted", "total"):
            jump["table3"][row][col] += 3000
    made.append(writer.write("江苏省泰州市姜堰区教育局", 2023, tables=jump))
    writer.write("江苏省泰州市姜堰区教育局", 2022, seed=1)
    db = folder / "ogi.duckdb"
    with open_store(str(db)) as store:
        ingest(store, collect([str(writer.folder)])[0], jobs=1)
    with TestClient(create_app(str(db), files_dir=folder / "files", parse_workers=1)) as client:
        yield {"client": client, "made": made}


def test_the_builder_sums_measures_per_year_with_changes(built):
    client, made = built["client"], built["made"]
    body = client.get("/builder.json", params={"region": "海陵区", "measure": ["received", "granted_share"]}).json()
    table = body["datasets"]["table"]
    assert table["columns"] == ["年度", "机关数", "本年新收政府信息公开申请数量", "予以公开占比",
                                "本年新收政府信息公开申请数量 同比(%)", "予以公开占比 同比(%)"]
    expected = {y: sum(g.tables["table3"]["new_received"]["total"] for g in made
                       if g.year == y and g.agency.startswith(HAILING)) for y in (2022, 2023)}
    assert [r[:3] for r in table["rows"]] == [[2022, 6, expected[2022]], [2023, 6, expected[2023]]]
    assert table["rows"][1][4] == round((expected[2023] - expected[2022]) / expected[2022] * 100, 1)
    granted = sum(g.tables["table3"]["granted"]["total"] for g in made if g.year == 2023 and g.agency.startswith(HAILING))
    handled = sum(g.tables["table3"]["total"]["total"] for g in made if g.year == 2023 and g.agency.startswith(HAILING))
    assert table["rows"][1][3] == round(granted / handled, 4)


def test_the_same_agencies_basis_leaves_out_who_reported_once(built):
    client = built["client"]
    every = client.get("/builder.json", params={"region": "泰州市"}).json()["datasets"]["table"]["rows"]
    same = client.get("/builder.json", params={"region": "泰州市", "basis": "same"}).json()["datasets"]["table"]["rows"]
    assert [r[1] for r in every] == [7, 8] and [r[1] for r in same] == [7, 7]


def test_the_builder_points_at_the_jump(built):
    client = built["client"]
    anomalies = client.get("/builder.json", params={"region": "泰州市", "measure": "received"}).json()[
        "datasets"]["anomalies"]
    flagged = {tuple(r[:4]): link for r, link in zip(anomalies["rows"], anomalies["links"])}
    for kind in ("同比突变", "远离同类"):
        link = flagged[kind, "江苏省泰州市姜堰区教育局", 2023, "本年新收政府信息公开申请数量"]
        assert client.get(link).status_code == 200 and "2023" in client.get(link).text
    assert {r[1] for r in anomalies["rows"]} == {"江苏省泰州市姜堰区教育局"}
    page = client.get("/builder", params={"region": "泰州市", "measure": "received"}).text
    assert "值得核查的数字" in page and "江苏省泰州市姜堰区教育局" in page


def test_builder_downloads_in_every_format(built):
    client = built["client"]
    params = {"region": "海陵区", "measure": "received"}
    table = client.get("/builder.json", params=params).json()["datasets"]["table"]
    csv = client.get("/builder/table.csv", params=params).content.decode("utf-8-sig").splitlines()
    assert csv[0] == ",".join(table["columns"])
    parquet = pq.read_table(io.BytesIO(client.get("/builder/table.parquet", params=params).content))
    assert parquet.column_names == table["columns"] and parquet.column("年度").to_pylist() == [2022, 2023]
    assert client.get("/builder/table.json", params=params).json()[0]["年度"] == 2022
    assert client.get("/builder/nothing.csv", params=params).status_code == 404


@pytest.mark.parametrize(("params", "says"), [({"measure": "table9.x.y"}, "指标“table9.x.y”无效"),
                                              ({"agency": "abc"}, "编号“abc”无效"),
                                              ({"year_from": "20000"}, "年度“20000”无效")])
def test_the_builder_refuses_bad_choices(built, params, says):
    response = built["client"].get("/builder.json", params=params)
    assert response.status_code == 422 and says in response.json()["detail"]


# ------------------------------------------------------------------ SQL

def test_sql_runs_while_the_server_holds_the_store(built):
    client = built["client"]
    body = client.get("/sql.json", params={"sql": "SELECT year, count(*) AS n FROM reports GROUP BY year ORDER BY year"})
    assert body.json() == {"columns": ["year", "n"], "rows": [[2022, 7], [2023, 8]], "truncated": False,
                           "row_cap": ROW_CAP}
    page = client.get("/sql", params={"sql": "WITH t AS (SELECT id FROM reports) SELECT count(*) FROM t"}).text
    assert "结果(1 行" in page and "<td class=\"n\">15</td>" in page


def test_sql_results_are_capped(built):
    body = built["client"].get("/sql.json", params={"sql": "SELECT * FROM cells"}).json()
    assert len(body["rows"]) == ROW_CAP and body["truncated"] is True


@pytest.mark.parametrize(("sql", "says"), [
    ("DELETE FROM reports", "只能执行 SELECT 查询"),
    ("SELECT 1; SELECT 2", "一次只能执行一条查询"),
    ("COPY reports TO '/tmp/x.csv'", "只能执行 SELECT 查询"),
    ("ATTACH '/tmp/other.duckdb' AS o", "只能执行 SELECT 查询"),
    ("SELECT * FROM read_csv('/etc/passwd')", "不能使用表函数"),
    ("SELECT * FROM users", "不能查询表 users"),
    ("SELECT * FROM sessions", "不能查询表 sessions"),
    ("SELECT * FROM information_schema.tables", "不能查询其他数据库或模式中的表"),
    ("SELECT getenv('HOME')", "不能使用函数 getenv"),
    ("SELECT * FROM (SELECT * FROM glob('/*'))", "不能使用表函数"),
    ("SELECT nextval('report_id_seq')", "不能使用函数 nextval"),
    ("SELECT * FROM query('SELECT * FROM users')", "不能使用表函数"),
])
def test_sql_refuses_everything_but_one_select_of_the_report_tables(built, sql, says):
    with pytest.raises(SqlRefused, match=says):
        check(sql)
    response = built["client"].get("/sql.json", params={"sql": sql})
    assert response.status_code == 400 and says in response.json()["detail"]


def test_a_long_query_is_stopped(built, monkeypatch):
    from ogi.web.pages import sql

    monkeypatch.setattr(sql, "SECONDS", 0.5)
    body = built["client"].get("/sql.json", params={"sql": "SELECT count(*) FROM cells a, cells b, cells c, cells d"})
    assert body.status_code == 400 and body.json()["detail"] == "查询超过 0.5 秒,已停止"
    assert built["client"].get("/sql.json", params={"sql": "SELECT 1 AS one"}).json()["rows"] == [[1]]
