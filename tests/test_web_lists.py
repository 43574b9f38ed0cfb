"""Lists like datasette's: multi-word search, sortable columns, facets with counts, every
filter in the URL and honoured alike by the page, its ``.json`` and the API, pages bounded;
on DuckDB and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS
from fastapi.testclient import TestClient

from ogi.store import open_store
from ogi.store.ingest import collect, ingest
from ogi.web import create_app

SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"
HONGZE = "江苏省淮安市洪泽区教育局"


@pytest.fixture
def client(db_url, tmp_path, report_writer):
    for year in (2022, 2023, 2024):
        report_writer.write(HONGZE, year, seed=year)
    report_writer.write("江苏省淮安市洪泽区民政局", 2024)
    report_writer.write("江苏省泰州市海陵区教育局", 2024)
    report_writer.write("江苏省人民政府办公厅", 2023)
    with open_store(db_url) as db:
        ingest(db, collect([str(report_writer.folder), str(SEED_004)])[0], jobs=1)
    with TestClient(create_app(db_url, files_dir=tmp_path / "files", parse_workers=1)) as c:
        yield c


def ids(body, name="reports"):
    return [r["id"] for r in body[name]]


def test_lists_on_both_backends(client):
    # several words: each must occur somewhere (agency, region, title, year)
    found = client.get("/api/reports", params={"q": "洪泽 2024"}).json()
    assert [(r["agency"], r["year"]) for r in found["reports"]] == [("江苏省淮安市洪泽区民政局", 2024), (HONGZE, 2024)] \
        or [(r["agency"], r["year"]) for r in found["reports"]] == [(HONGZE, 2024), ("江苏省淮安市洪泽区民政局", 2024)]
    assert client.get("/api/reports", params={"q": "洪泽 教育局 2023"}).json()["total"] == 1
    assert client.get("/api/reports", params={"q": "洪泽 泰州"}).json()["total"] == 0

    # sorting, both ways, ties broken by id
    by_agency = client.get("/api/reports", params={"sort": "agency"}).json()["reports"]
    assert [r["agency"] for r in by_agency] == sorted(r["agency"] for r in by_agency)
    by_errors = client.get("/api/reports", params={"sort": "-warnings"}).json()["reports"]
    assert [r["warnings"] for r in by_errors] == sorted((r["warnings"] for r in by_errors), reverse=True)
    assert client.get("/api/reports", params={"sort": "document"}).status_code == 422

    # facets: counts of the rows the other filters leave
    body = client.get("/reports.json", params={"region": "洪泽区"}).json()
    assert body["total"] == 4
    assert {v["value"]: v["count"] for v in body["facets"]["year"]} == {2022: 1, 2023: 1, 2024: 2}
    assert {v["label"] for v in body["facets"]["level"]} == {"县级"}
    narrowed = client.get("/reports.json", params={"region": "洪泽区", "year": 2024}).json()
    assert narrowed["total"] == 2 and [v["selected"] for v in narrowed["facets"]["year"]] == [True]

    # the page, its .json and the API agree on every filter
    for params in ({"year": "2024"}, {"level": "province"}, {"q": "教育局", "sort": "-year"}, {"template": "2021"},
                   {"region": "淮安市", "sort": "id"}):
        page_json = client.get("/reports.json", params=params).json()
        api = client.get("/api/reports", params=params).json()
        assert ids(page_json) == ids(api) and page_json["total"] == api["total"] > 0, params
        html = client.get("/reports", params=params).text
        assert [int(i) for i in re.findall(r'<a href="/reports/(\d+)">', html)] == ids(page_json), params

    # agencies: level and kind facets, search by region words
    agencies = client.get("/agencies.json", params={"q": "淮安 洪泽"}).json()
    assert agencies["total"] == 2 and {v["value"] for v in agencies["facets"]["level"]} == {"county"}
    assert ids(client.get("/api/agencies", params={"sort": "-reports", "limit": 1}).json(), "agencies") == \
        [next(a["id"] for a in agencies["agencies"] if a["name"] == HONGZE)]

    # findings: the queue's facets and filters on this backend
    queue = client.get("/findings.json").json()
    assert queue["total"] == sum(v["count"] for v in queue["facets"]["severity"]) > 0
    warnings = client.get("/findings.json", params={"severity": "warning"}).json()
    assert {f["severity"] for f in warnings["findings"]} == {"warning"}
    key = warnings["findings"][0]["key"]
    assert client.post("/api/findings/review", json={"keys": [key], "status": "confirmed", "comment": "核实"}).json() \
        == {"reviewed": 1, "reviewer": "本机用户"}
    history = client.get(f"/api/findings/{key}/history").json()
    assert [(h["reviewer"], h["status"], h["comment"]) for h in history] == [("本机用户", "confirmed", "核实")]
    assert key in [f["key"] for f in client.get("/findings.json", params={"status": "confirmed"}).json()["findings"]]


def test_pages_are_bounded(client):
    body = client.get("/reports.json", params={"page": 99}).json()
    assert (body["page"], body["pages"]) == (1, 1)
    page = client.get("/reports", params={"page": 99}).text
    assert "第 99 " not in page
