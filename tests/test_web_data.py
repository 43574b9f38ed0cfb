"""The web app's own queries (``ogi.store.pages``) on both backends, DuckDB and PostgreSQL:
the same answers from the same SQL."""

from __future__ import annotations

from conftest import SEEDS
from fastapi.testclient import TestClient

from ogi.store import open_store
from ogi.store.ingest import collect, ingest
from ogi.web import create_app

SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"
AGENCY = "江苏省淮安市洪泽区教育局"


def test_every_page_query_answers_on_both_backends(db_url, tmp_path, report_writer):
    made = [report_writer.write(AGENCY, year, seed=year) for year in (2021, 2022)]
    made.append(report_writer.write("江苏省淮安市洪泽区民政局", 2022))
    with open_store(db_url) as db:
        ingest(db, collect([str(report_writer.folder), str(SEED_004)])[0], jobs=1)
    with TestClient(create_app(db_url, files_dir=tmp_path / "files")) as client:
        overview = client.get("/api/overview", params={"year": 2022, "region": "洪泽区", "level": "county"}).json()
        assert overview["counts"]["reports"] == 2 and overview["counts"]["agencies"] == 2
        handled = dict(overview["datasets"]["handling"]["rows"])
        assert handled["本年度办理结果总计"] == sum(g.tables["table3"]["total"]["total"] for g in made[1:])
        every = client.get("/api/reports").json()["reports"]
        with_code = [r for r in every if "YEAR_MISMATCH_TEXT" in
                     {f["code"] for f in client.get(f"/api/reports/{r['id']}/findings").json()}]
        assert client.get("/api/overview", params={"year": "all", "code": "YEAR_MISMATCH_TEXT"}).json()[
            "counts"]["reports"] == len(with_code) > 0
        listed = client.get("/api/reports", params={"q": "洪泽区教育局"}).json()
        assert listed["total"] == 2 and [r["year"] for r in listed["reports"]] == [2022, 2021]
        agency_id = listed["reports"][0]["agency_id"]
        agency = client.get(f"/api/agencies/{agency_id}").json()
        assert [r[0] for r in agency["datasets"]["trend"]["rows"]] == [2021, 2022]
        assert client.get("/api/agencies", params={"q": "洪泽区"}).json()["total"] == 2
        compared = client.get("/api/compare", params={"a": 2021, "b": 2022, "agency": AGENCY}).json()
        assert compared["datasets"]["cells"]["rows"]
        seed = client.get("/api/reports", params={"q": "004_"}).json()["reports"][0]["id"]
        finding = next(f for f in client.get(f"/api/reports/{seed}/findings").json()
                       if f["code"] == "YEAR_MISMATCH_TEXT")
        client.post(f"/api/findings/{finding['id']}/review", json={"status": "dismissed", "comment": "已核实"})
        assert client.post(f"/api/reports/{seed}/reparse").json()["status"] == "stored"
        again = next(f for f in client.get(f"/api/reports/{seed}/findings").json()
                     if f["code"] == "YEAR_MISMATCH_TEXT")
        assert (again["status"], again["comment"]) == ("dismissed", "已核实")
        warnings = [f for f in client.get(f"/api/reports/{seed}/findings").json() if f["severity"] == "warning"]
        assert client.get("/api/overview", params={"year": 2023}).json()["counts"]["warning"] == len(warnings) - 1
