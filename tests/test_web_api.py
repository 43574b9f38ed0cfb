"""The web app's JSON API (and the downloads): every endpoint, bad input included.

One store for the module: an agency's reports over three years, another agency, a report
with a broken table, seed 004 and a PDF, ingested as ``ogi ingest`` does."""

from __future__ import annotations

import asyncio
import csv
import io

import pytest
from conftest import SEEDS, ReportWriter, consistent_tables
from fastapi.testclient import TestClient
from fixtures.pdf import build
from openpyxl import load_workbook

from ogi import parse
from ogi.store import open_store
from ogi.store.ingest import collect, ingest
from ogi.web import create_app
from ogi.web.labels import place_label, rule_text

SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"
EDUCATION = "江苏省泰州市海陵区教育局"
CIVIL = "江苏省泰州市海陵区民政局"
BROKEN = "江苏省泰州市姜堰区司法局"
YEARS = (2021, 2022, 2023)


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """The store's folder, with what was written into it."""
    import random

    folder = tmp_path_factory.mktemp("web")
    writer = ReportWriter(folder / "reports")
    writer.folder.mkdir()
    made = [writer.write(EDUCATION, year, seed=year) for year in YEARS]
    made.append(writer.write(CIVIL, 2023))
    broken = consistent_tables("2021", random.Random(7))
    broken["table3"]["granted"]["natural_person"] += 5  # row total and balance no longer hold
    made.append(writer.write(BROKEN, 2023, tables=broken))
    pdf = folder / "reports" / "report.pdf"
    pdf.write_bytes(build.report_2021())
    db = folder / "ogi.duckdb"
    inputs, _, _ = collect([str(writer.folder), str(SEED_004)])
    with open_store(str(db)) as store:
        ingest(store, inputs, jobs=1)
    return {"folder": folder, "db": db, "made": made, "pdf": pdf}


@pytest.fixture(scope="module")
def client(stored):
    app = create_app(str(stored["db"]), files_dir=stored["folder"] / "files")
    with TestClient(app) as c:
        yield c


def report_id(client, text: str) -> int:
    found = client.get("/api/reports", params={"q": text}).json()["reports"]
    assert found, text
    return found[0]["id"]


def agency_id(client, name: str) -> int:
    return client.get("/api/agencies", params={"q": name}).json()["agencies"][0]["id"]


# ------------------------------------------------------------------ overview

def test_overview_sums_table_three_and_four_over_the_year(client, stored):
    body = client.get("/api/overview", params={"year": 2023}).json()
    of_2023 = [g for g in stored["made"] if g.year == 2023]
    assert body["counts"]["reports"] == len(of_2023) + 2  # seed 004 and the PDF are of 2023 too
    requests = dict(body["datasets"]["requests"]["rows"])
    seed = parse(SEED_004)
    pdf = parse(stored["pdf"])
    expected = sum(g.tables["table3"]["new_received"]["natural_person"] for g in of_2023) \
        + seed.table3["new_received"]["natural_person"] + pdf.table3["new_received"]["natural_person"]
    assert requests["自然人"] == expected
    review = body["datasets"]["review_litigation"]
    assert review["columns"][1] == "行政复议" and review["chart"] == "bars"
    upheld = next(r for r in review["rows"] if r[0] == "结果维持")
    assert upheld[1] == sum(g.tables["table4"]["review"]["upheld"] for g in of_2023) \
        + seed.table4["review"]["upheld"] + pdf.table4["review"]["upheld"]


def test_overview_defaults_to_the_latest_year_and_all_years_on_request(client):
    assert client.get("/api/overview").json()["selection"]["year"] == 2023
    every = client.get("/api/overview", params={"year": "all"}).json()
    assert every["selection"]["year"] is None and every["counts"]["reports"] == 7


def test_overview_ranks_agencies_by_findings_and_filters(client):
    body = client.get("/api/overview", params={"year": 2023}).json()
    ranking = body["datasets"]["ranking"]
    with_errors = [r[1] for r in ranking["rows"] if r[5] > 0]
    assert set(with_errors) == {"某某县测试局", BROKEN}  # the PDF fixture's tables do not add up either
    assert ranking["rows"][:2] == sorted(ranking["rows"][:2], key=lambda r: -(r[5] + r[6]))
    assert all(r[5] + r[6] > 0 for r in ranking["rows"]) and ranking["links"][0].startswith("/agencies/")
    only = client.get("/api/overview", params={"year": 2023, "code": "T3_ROW_TOTAL"}).json()
    assert only["counts"]["reports"] == 2  # the broken table and the PDF fixture's
    assert {r[0] for r in only["datasets"]["findings"]["rows"]} >= {rule_text("T3_ROW_TOTAL")}
    assert "/findings?code=T3_ROW_TOTAL&year=2023" in only["datasets"]["findings"]["links"]
    region = client.get("/api/overview", params={"year": "all", "region": "泰州市海陵区"}).json()
    assert region["counts"]["agencies"] == 2
    assert client.get("/api/overview", params={"year": "all", "level": "county"}).json()["counts"]["reports"] >= 5
    assert client.get("/api/overview", params={"year": "all", "region": "没有这个地区"}).json()["counts"]["reports"] == 0


def test_overview_pages_its_ranking_and_states_the_total(client):
    whole = client.get("/api/overview", params={"year": "all"}).json()
    total = whole["counts"]["ranked"]
    assert total >= 2 and whole["ranking_page"] == {"limit": 50, "offset": 0, "total": total}
    assert len(whole["datasets"]["ranking"]["rows"]) == total  # all of them fit in the default page
    second = client.get("/api/overview", params={"year": "all", "limit": 1, "offset": 1}).json()
    assert second["ranking_page"] == {"limit": 1, "offset": 1, "total": total}
    assert second["datasets"]["ranking"]["rows"] == [whole["datasets"]["ranking"]["rows"][1]]  # numbered 2
    assert second["datasets"]["ranking"]["rows"][0][0] == 2
    assert second["datasets"]["ranking"]["links"] == whole["datasets"]["ranking"]["links"][1:2]
    past = client.get("/api/overview", params={"year": "all", "limit": 10, "offset": total}).json()
    assert past["datasets"]["ranking"]["rows"] == [] and past["counts"] == whole["counts"]
    for bad in ({"limit": 0}, {"limit": 1001}, {"offset": -1}):
        assert client.get("/api/overview", params=bad).status_code == 422


@pytest.mark.parametrize("params", [{"year": "abc"}, {"year": "1800"}, {"level": "galaxy"}, {"code": "NO_SUCH_CODE"}])
def test_overview_refuses_bad_filters(client, params):
    response = client.get("/api/overview", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_filters_list_what_is_stored(client):
    body = client.get("/api/filters").json()
    assert body["years"] == [2023, 2022, 2021]
    assert "江苏省泰州市海陵区" in body["regions"] and body["levels"] == ["county"]
    assert "T3_ROW_TOTAL" in body["codes"]


def test_every_overview_table_downloads_as_csv_and_xlsx(client):
    body = client.get("/api/overview", params={"year": 2023}).json()
    for name, shown in body["datasets"].items():
        got = client.get(f"/api/overview/{name}.csv", params={"year": 2023})
        assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig"))))
        assert rows[0] == shown["columns"]
        assert [[str(v) for v in row] for row in shown["rows"]] == rows[1:]
        sheet = load_workbook(io.BytesIO(client.get(f"/api/overview/{name}.xlsx", params={"year": 2023}).content))
        values = list(sheet.active.values)
        assert list(values[0]) == shown["columns"] and len(values) == len(shown["rows"]) + 1


def test_downloads_refuse_unknown_tables_and_formats(client):
    assert client.get("/api/overview/nothing.csv").status_code == 404
    assert client.get("/api/overview/ranking.exe").status_code == 422
    assert client.get("/api/overview/ranking.csv", params={"level": "galaxy"}).status_code == 422


# ------------------------------------------------------------------ reports

def test_report_list_searches_and_pages(client):
    body = client.get("/api/reports", params={"q": "海陵区教育局"}).json()
    assert body["total"] == 3 and [r["year"] for r in body["reports"]] == [2023, 2022, 2021]
    page = client.get("/api/reports", params={"limit": 2, "offset": 2}).json()
    assert page["total"] == 7 and len(page["reports"]) == 2
    assert client.get("/api/reports", params={"year": 2022}).json()["total"] == 1
    assert client.get("/api/reports", params={"q": "100%_"}).json()["total"] == 0  # LIKE characters taken literally
    assert client.get("/api/reports", params={"limit": 0}).status_code == 422


def test_seed_004_has_the_findings_it_must_raise(client):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    body = client.get(f"/api/reports/{rid}").json()
    codes = {f["code"] for f in body["findings"]}
    assert {"TEXT_TABLE_MISMATCH", "YEAR_MISMATCH_TEXT"} <= codes
    assert body["year"] == 2023 and body["template"] == "2021"
    assert body["report"]["table3"] == parse(SEED_004).as_json()["table3"]
    mismatch = next(f for f in body["findings"] if f["code"] == "TEXT_TABLE_MISMATCH")
    assert mismatch["rule"] == "正文数字与表格不一致" and "13" in mismatch["message"]
    assert mismatch["place"].startswith("第一部分") and mismatch["status"] == "open"
    assert client.get(f"/api/reports/{rid}/findings").json() == body["findings"]


def test_report_tables_mark_the_cells_with_findings(client):
    rid = report_id(client, "姜堰区司法局")
    tables = client.get(f"/api/reports/{rid}/tables").json()
    assert [t["key"] for t in tables] == ["table2", "table3", "table4"]
    cells = {c["key"]: c for t in tables for row in t["rows"] for c in row if c["key"]}
    flagged = cells["table3.granted.total"]
    assert flagged["severity"] == "error" and flagged["findings"] and flagged["line"]
    # a broken row sum marks its whole row (it does not say which cell is wrong), no other
    assert cells["table3.granted.commercial"]["severity"] == "error"
    assert cells["table3.new_received.commercial"]["severity"] is None
    findings = {f["key"]: f for f in client.get(f"/api/reports/{rid}/findings").json()}
    assert all(findings[i]["where"] in ("table3.granted.total", "table3.granted") for i in flagged["findings"])


def test_report_original_holds_the_lines_the_values_came_from(client):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    original = client.get(f"/api/reports/{rid}/original").json()
    assert original["kind"] == "lines"
    tables = client.get(f"/api/reports/{rid}/tables").json()
    cell = next(c for t in tables for row in t["rows"] for c in row if c["key"] == "table3.new_received.total")
    block = next(b for b in original["blocks"] if b["first"] <= cell["line"] <= b["last"])
    assert cell["text"] in block["text"].split(" | ")
    lines = SEED_004.read_text(encoding="utf-8").splitlines()
    assert block["text"].split(" | ")[0] in lines[cell["line"] - 1]


def test_pdf_report_shows_pages_with_the_cells_boxes(client):
    rid = report_id(client, "report.pdf")
    original = client.get(f"/api/reports/{rid}/original").json()
    assert original["kind"] == "pages" and original["pages"][0]["width"] == pytest.approx(595.3, abs=1)
    png = client.get(f"/api/reports/{rid}/pages/1.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    from PIL import Image

    assert Image.open(io.BytesIO(png.content)).width == pytest.approx(2 * original["pages"][0]["width"], abs=2)
    tables = client.get(f"/api/reports/{rid}/tables").json()
    boxed = [c for t in tables for row in t["rows"] for c in row if c["key"] and c["bbox"]]
    assert boxed and all(c["page"] for c in boxed)
    page = client.get(f"/reports/{rid}").text
    assert f'data-bbox="{",".join(str(v) for v in boxed[0]["bbox"])}"' in page
    assert client.get(f"/api/reports/{rid}/pages/99.png").status_code == 404


def test_page_images_only_for_pdfs(client):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    assert client.get(f"/api/reports/{rid}/pages/1.png").status_code == 404


def test_report_file_and_downloads(client):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    original = client.get(f"/api/reports/{rid}/file")
    assert original.content == SEED_004.read_bytes()
    assert original.headers["content-type"] == "application/octet-stream"
    assert "attachment" in original.headers["content-disposition"]
    cells = list(csv.reader(io.StringIO(client.get(f"/api/reports/{rid}/cells.csv").content.decode("utf-8-sig"))))
    assert cells[0] == ["报告编号", "机关", "年度", "键", "位置", "数值", "原文", "行", "页"]
    assert [str(rid), "区发改经信局", "2023", "table3.new_received.total"] in [r[:4] for r in cells]
    assert any(r[3] == "table3.new_received.total" and r[5] == "10" for r in cells)
    findings = load_workbook(io.BytesIO(client.get(f"/api/reports/{rid}/findings.xlsx").content)).active
    assert {row[4] for row in list(findings.values)[1:]} >= {"TEXT_TABLE_MISMATCH", "YEAR_MISMATCH_TEXT"}


@pytest.mark.parametrize("method, url", [
    ("get", "/api/reports/999999"), ("get", "/api/reports/999999/findings"), ("get", "/api/reports/999999/tables"),
    ("get", "/api/reports/999999/original"), ("get", "/api/reports/999999/file"),
    ("get", "/api/reports/999999/pages/1.png"), ("get", "/api/reports/999999/cells.csv"),
    ("post", "/api/reports/999999/reparse"), ("get", "/api/agencies/999999"),
    ("get", "/api/agencies/999999/trend.csv"), ("get", "/reports/999999"), ("get", "/agencies/999999"),
])
def test_a_missing_report_or_agency_is_404_with_a_message(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 404
    if url.startswith("/api/"):
        assert "999999" in response.json()["detail"]
    else:
        assert "999999" in response.text and "<script" not in response.text


def test_a_report_id_that_is_not_a_number_is_refused(client):
    assert client.get("/api/reports/abc").status_code == 422
    assert client.get("/reports/abc").status_code == 422


# ------------------------------------------------------------------ reviews and re-parsing

def test_a_review_is_kept_when_the_report_is_parsed_again(client):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    finding = next(f for f in client.get(f"/api/reports/{rid}/findings").json() if f["code"] == "YEAR_MISMATCH_TEXT")
    reviewed = client.post(f"/api/findings/{finding['id']}/review",
                           json={"status": "dismissed", "comment": "第五部分回顾的是上一年度"})
    assert reviewed.status_code == 200
    assert (reviewed.json()["status"], reviewed.json()["comment"]) == ("dismissed", "第五部分回顾的是上一年度")
    again = client.post(f"/api/reports/{rid}/reparse")
    assert again.status_code == 200 and again.json()["status"] == "stored" and again.json()["report_id"] == rid
    after = {f["code"]: f for f in client.get(f"/api/reports/{rid}/findings").json()}
    assert after["YEAR_MISMATCH_TEXT"]["id"] != finding["id"]  # findings are written anew …
    assert after["YEAR_MISMATCH_TEXT"]["status"] == "dismissed"  # … their reviews stay
    assert after["YEAR_MISMATCH_TEXT"]["comment"] == "第五部分回顾的是上一年度"
    assert after["TEXT_TABLE_MISMATCH"]["status"] == "open"
    reopened = client.post(f"/api/findings/{after['YEAR_MISMATCH_TEXT']['id']}/review", json={"status": "open"})
    assert reopened.json()["status"] == "open"


@pytest.mark.parametrize("body", [{"status": "maybe"}, {}, {"status": "confirmed", "comment": "x" * 2001}])
def test_a_review_with_bad_input_is_refused(client, body):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    fid = client.get(f"/api/reports/{rid}/findings").json()[0]["id"]
    assert client.post(f"/api/findings/{fid}/review", json=body).status_code == 422


def test_a_review_of_a_missing_finding_is_404(client):
    response = client.post("/api/findings/999999/review", json={"status": "confirmed"})
    assert response.status_code == 404 and "999999" in response.json()["detail"]


def test_the_dismissed_finding_no_longer_counts_in_the_overview(client):
    rid = report_id(client, "姜堰区司法局")
    before = client.get("/api/overview", params={"year": 2023}).json()["counts"]["error"]
    finding = next(f for f in client.get(f"/api/reports/{rid}/findings").json() if f["severity"] == "error")
    client.post(f"/api/findings/{finding['id']}/review", json={"status": "dismissed"})
    try:
        assert client.get("/api/overview", params={"year": 2023}).json()["counts"]["error"] == before - 1
    finally:
        client.post(f"/api/findings/{finding['id']}/review", json={"status": "open"})


# ------------------------------------------------------------------ agencies and comparisons

def test_agency_api_has_every_year_the_trend_and_cross_year_findings(client, stored):
    aid = agency_id(client, "海陵区教育局")
    body = client.get(f"/api/agencies/{aid}").json()
    assert body["agency"]["name"] == EDUCATION and body["agency"]["level"] == "county"
    assert [r[0] for r in body["datasets"]["reports"]["rows"]] == list(YEARS)
    trend = body["datasets"]["trend"]
    assert trend["chart"] == "line" and [r[0] for r in trend["rows"]] == list(YEARS)
    received = [g.tables["table3"]["new_received"]["total"] for g in stored["made"] if g.agency == EDUCATION]
    assert [r[1] for r in trend["rows"]] == received
    across = body["datasets"]["across"]["rows"]
    assert across and all(r[1] in ("跨年度", "部门汇总") for r in across)
    assert client.get(f"/api/agencies/{aid}/trend.xlsx").status_code == 200
    assert client.get(f"/api/agencies/{aid}/nothing.csv").status_code == 404


def test_agency_list_finds_by_part_of_a_name(client):
    body = client.get("/api/agencies", params={"q": "海陵区"}).json()
    assert {a["name"] for a in body["agencies"]} == {EDUCATION, CIVIL}


def test_compare_two_years_of_one_agency(client, stored):
    body = client.get("/api/compare", params={"a": 2021, "b": 2022, "agency": EDUCATION}).json()
    assert (body["left"], body["right"]) == ("2021", "2022")
    assert body["datasets"]["cells"]["columns"] == ["位置", "2021", "2022", "差"]  # no internal key on the page
    cells = {r[0]: r for r in body["datasets"]["cells"]["rows"]}
    t = {g.year: g.tables for g in stored["made"] if g.agency == EDUCATION}
    received = place_label("table3.new_received.total")
    row = cells[received]
    a, b = t[2021]["table3"]["new_received"]["total"], t[2022]["table3"]["new_received"]["total"]
    assert row[1:] == [a, b, b - a]
    marked = dict(zip((r[0] for r in body["datasets"]["cells"]["rows"]), body["datasets"]["cells"]["marked"]))
    assert marked[received] == (a != b)
    only = client.get("/api/compare", params={"a": 2021, "b": 2022, "agency": EDUCATION,
                                              "only_differences": True}).json()
    assert all(r[1] != r[2] for r in only["datasets"]["cells"]["rows"])


def test_compare_two_agencies(client):
    body = client.get("/api/compare", params={"a": "海陵区教育局", "b": "海陵区民政局"}).json()
    assert body["left"] == f"{EDUCATION} 2023" and body["right"] == f"{CIVIL} 2023"
    assert body["datasets"]["figures"]["chart"] == "bars"
    got = client.get("/api/compare/cells.csv", params={"a": "海陵区教育局", "b": "海陵区民政局"})
    assert got.status_code == 200 and place_label("table3.total.total") in got.content.decode("utf-8-sig")


@pytest.mark.parametrize("params", [{"a": "没有的机关", "b": "海陵区民政局"}, {"a": "2021", "b": "海陵区民政局"},
                                    {"a": 2001, "b": 2002}])
def test_compare_explains_what_cannot_be_compared(client, params):
    response = client.get("/api/compare", params=params)
    assert response.status_code == 400 and response.json()["detail"]


def test_compare_refuses_a_year_without_reports(client):
    response = client.get("/api/compare", params={"a": "2019", "b": "2023"})
    assert response.status_code == 400 and response.json()["detail"] == "2019 年没有计入统计的报告,无法对比"
    one = client.get("/api/compare", params={"a": "2020", "b": "2021", "agency": EDUCATION})
    assert one.json()["detail"] == "该机关2020 年没有计入统计的报告,无法对比"


def test_compare_needs_both_sides(client):
    assert client.get("/api/compare", params={"a": "2021"}).status_code == 422


# ------------------------------------------------------------------ uploads

def upload(client, *files: tuple[str, bytes], **kw):
    return client.post("/api/uploads", files=[("files", (name, data, "application/octet-stream"))
                                              for name, data in files], **kw)


def test_upload_stores_reports_and_says_why_others_are_not(client, stored, report_writer):
    fresh = report_writer.write("江苏省泰州市高港区交通运输局", 2022)
    response = upload(client, (fresh.path.name, fresh.path.read_bytes()), ("notes.txt", "这只是一段普通的文字。".encode()),
                      ("virus.exe", b"MZ\x90\x00"), ("empty.txt", b""), ("binary.txt", b"\x00\x01\x02" * 100),
                      ("../../etc/passwd.txt", SEED_004.read_bytes()))
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["stored", "refused", "refused", "refused", "refused", "exists"]
    assert results[0]["agency"] == "江苏省泰州市高港区交通运输局" and results[0]["year"] == 2022
    assert "不是年度报告" in results[1]["reason"]
    assert "不支持的文件类型" in results[2]["reason"] and "为空" in results[3]["reason"]
    assert results[5]["name"] == "passwd.txt"  # only the name is kept, never a path
    report = client.get(f"/api/reports/{results[0]['report_id']}").json()
    kept = stored["folder"] / "files" / report["sha256"][:2] / f"{report['sha256']}.txt"
    assert kept.read_bytes() == fresh.path.read_bytes()
    assert not any((stored["folder"] / "files" / ".incoming").iterdir())


def test_upload_needs_files(client):
    assert client.post("/api/uploads").status_code == 422


# URL imports (signed-in users, private addresses refused): tests/test_web_hardening.py


# ------------------------------------------------------------------ limits and permissions

def asgi_post(app, headers: list[tuple[bytes, bytes]], chunks, path: str = "/api/uploads"):
    """Send a POST straight to the ASGI app, the body in ``chunks``; the status, and how
    many chunks the app read."""
    read = 0
    sent: list[dict] = []
    chunks = list(chunks) if not callable(chunks) else chunks

    async def receive():
        nonlocal read
        if callable(chunks):
            chunk, more = chunks(read)
        else:
            chunk, more = (chunks[read], read + 1 < len(chunks)) if read < len(chunks) else (b"", False)
        read += 1
        return {"type": "http.request", "body": chunk, "more_body": more}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver"), *headers], "client": ("127.0.0.1", 1), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], read


@pytest.fixture(scope="module")
def small_app(tmp_path_factory):
    """An app that takes at most 1 MiB per request."""
    folder = tmp_path_factory.mktemp("small")
    app = create_app(str(folder / "ogi.duckdb"), files_dir=folder / "files", max_upload=1 << 20)
    yield app
    app.state.site.close()


GIB = 1 << 30
MULTIPART = [(b"content-type", b"multipart/form-data; boundary=xyz")]


def test_a_1_gb_upload_is_refused_from_its_content_length_before_reading(small_app):
    status, read = asgi_post(small_app, [*MULTIPART, (b"content-length", str(GIB).encode())],
                             lambda n: pytest.fail("the body must not be read"))
    assert (status, read) == (413, 0)


def test_a_streamed_1_gb_upload_is_refused_while_streaming(small_app):
    chunk = b"x" * (1 << 20)
    head = b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'

    def body(n):  # 1 GiB in 1 MiB chunks, made as they are read
        return (head if n == 0 else chunk), n < 1024

    status, read = asgi_post(small_app, MULTIPART, body)
    assert status == 413
    assert read <= 3  # stopped after the limit, not after 1 GiB


def test_an_invalid_content_length_is_refused(small_app):
    status, read = asgi_post(small_app, [*MULTIPART, (b"content-length", b"lots")], [b""])
    assert (status, read) == (400, 0)


def test_a_body_over_the_limit_is_refused_through_http(small_app):
    with TestClient(small_app) as c:
        response = c.post("/api/uploads", files=[("files", ("big.txt", b"x" * (2 << 20), "text/plain"))])
    assert response.status_code == 413 and "MB" in response.json()["detail"]


def test_writes_from_another_site_are_refused(client):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    response = client.post(f"/api/reports/{rid}/reparse", headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert client.post(f"/api/reports/{rid}/reparse", headers={"Origin": "null"}).status_code == 403
    assert client.get("/api/filters", headers={"Origin": "http://evil.example"}).status_code == 200


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """Seed 004 served with a token."""
    folder = tmp_path_factory.mktemp("guarded")
    db = folder / "ogi.duckdb"
    with open_store(str(db)) as store:
        ingest(store, collect([str(SEED_004)])[0], jobs=1)
    app = create_app(str(db), files_dir=folder / "files", token="s3cret-token")
    with TestClient(app) as c:
        yield c


def test_with_a_token_writes_need_it_and_reads_do_not(guarded):
    rid = report_id(guarded, "004_3f0a03dfd5eda10b")
    fid = guarded.get(f"/api/reports/{rid}/findings").json()[0]["id"]
    review = {"status": "confirmed"}
    assert guarded.post(f"/api/findings/{fid}/review", json=review).status_code == 401
    assert guarded.post(f"/api/findings/{fid}/review", json=review,
                        headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert guarded.post("/api/uploads", files=[("files", ("a.txt", b"x", "text/plain"))]).status_code == 401
    assert guarded.post(f"/api/reports/{rid}/reparse").status_code == 401
    assert guarded.post("/api/urls", json={"urls": ["http://127.0.0.1:9/x"]}).status_code == 401
    ok = guarded.post(f"/api/findings/{fid}/review", json=review, headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200
    assert guarded.post(f"/api/findings/{fid}/review", json=review,
                        headers={"X-OGI-Token": "s3cret-token"}).status_code == 200


def test_a_browser_signs_in_with_the_token_as_a_cookie(guarded):
    assert guarded.get("/login", params={"token": "wrong"}, follow_redirects=False).status_code == 401
    signed = guarded.get("/login", params={"token": "s3cret-token", "next": "//evil.example/"}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == "/"
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    rid = report_id(guarded, "004_3f0a03dfd5eda10b")
    assert "重新解析" in guarded.get(f"/reports/{rid}").text  # the cookie now lets it write
    guarded.cookies.clear()
    page = guarded.get(f"/reports/{rid}").text
    assert "重新解析" not in page and "登录后可上传与审核" in page
    assert guarded.post("/login", data={"token": "wrong", "next": "/"}).status_code == 401


# ------------------------------------------------------------------ the schema and the pages' safety

def test_every_api_endpoint_is_in_the_openapi_schema(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {
        "/api/filters", "/api/overview", "/api/overview/{name}.{fmt}", "/api/reports", "/api/reports/{report_id}",
        "/api/reports/{report_id}/findings", "/api/reports/{report_id}/tables", "/api/reports/{report_id}/original",
        "/api/reports/{report_id}/file", "/api/reports/{report_id}/pages/{number}.png",
        "/api/reports/{report_id}/{name}.{fmt}", "/api/reports/{report_id}/reparse",
        "/api/findings", "/api/findings/review", "/api/findings/{finding}", "/api/findings/{finding}/history",
        "/api/findings/{finding}/review", "/api/agencies", "/api/agencies/{agency_id}",
        "/api/agencies/{agency_id}/{name}.{fmt}", "/api/compare", "/api/compare/{name}.{fmt}", "/api/uploads",
        "/api/urls"}
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "http" not in docs.split("<body>")[1]


def test_pages_send_a_content_security_policy(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_report_text_is_escaped_everywhere(client, report_writer):
    made = report_writer.write("江苏省泰州市海陵区卫生健康委员会", 2023)
    text = made.path.read_text(encoding="utf-8")
    made.path.write_text(text.replace("一、总体情况\n", "一、总体情况\n<script>alert('ogi')</script><b>粗体</b>\n", 1)
                         if "一、总体情况\n" in text else text + "\n<script>alert('ogi')</script><b>粗体</b>\n",
                         encoding="utf-8")
    rid = upload(client, (made.path.name, made.path.read_bytes())).json()["results"][0]["report_id"]
    page = client.get(f"/reports/{rid}").text
    assert "&lt;script&gt;alert(" in page
    assert "<script>alert(" not in page and "<b>粗体</b>" not in page


def test_pages_render(client):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    aid = agency_id(client, "海陵区教育局")
    for url, words in [("/", ["总览", "机关问题排名"]), ("/?year=all&region=泰州市", ["全部年度"]),
                       ("/reports", ["报告("]), (f"/reports/{rid}", ["正文数字与表格不一致", "原文", "第一部分"]),
                       ("/agencies", ["海陵区教育局"]), (f"/agencies/{aid}", ["跨年度与汇总问题", "2022"]),
                       ("/compare", ["对比"]), ("/compare?a=2021&b=2022", ["逐格对比"]),
                       ("/compare?a=没有的机关&b=2022", ["请比较两个年度"]), ("/upload", ["上传报告"]),
                       ("/reports?q=&year=", ["报告("]), ("/compare?a=2021&b=2022&year=&agency=", ["逐格对比"]),
                       ("/login", ["尚未设置账号"])]:
        response = client.get(url)
        assert response.status_code == 200, url
        for word in words:
            assert word in response.text, (url, word)
    for url in ("/?year=abc", "/reports?year=abc", "/compare?a=2021&b=2022&year=abc"):
        assert client.get(url).status_code == 422 and "年度" in client.get(url).text


def test_review_and_reparse_forms_redirect_back(client):
    rid = report_id(client, "004_3f0a03dfd5eda10b")
    fid = client.get(f"/api/reports/{rid}/findings").json()[0]["key"]
    response = client.post(f"/reports/{rid}/findings/{fid}/review", data={"status": "confirmed", "comment": "核实"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/reports/{rid}#finding-{fid}"
    assert client.post(f"/reports/{rid + 1000}/findings/{fid}/review", data={"status": "confirmed"}).status_code == 404
    response = client.post(f"/reports/{rid}/reparse", follow_redirects=False)
    assert response.status_code == 303
    assert "已重新解析" in client.get(response.headers["location"]).text


def test_the_upload_form_works_without_javascript(client, report_writer):
    made = report_writer.write("江苏省泰州市海陵区财政局", 2021)
    response = client.post("/upload", files=[("files", (made.path.name, made.path.read_bytes(), "text/plain"))],
                           data={"urls": ""})
    assert response.status_code == 200 and "已入库" in response.text


def test_a_report_whose_file_is_gone_says_so(client, stored, tmp_path):
    path = tmp_path / "moved.txt"
    path.write_bytes(SEED_004.read_bytes().replace(b"2023", b"2022"))
    rid = upload(client, ("moved.txt", path.read_bytes())).json()["results"][0]["report_id"]
    sha = client.get(f"/api/reports/{rid}").json()["sha256"]
    kept = next((stored["folder"] / "files" / sha[:2]).glob(f"{sha}*"))
    kept.rename(kept.with_name("gone"))
    try:
        assert client.get(f"/api/reports/{rid}/original").json()["kind"] == "missing"
        assert client.get(f"/api/reports/{rid}/file").status_code == 404
        again = client.post(f"/api/reports/{rid}/reparse").json()
        assert again["status"] == "failed" and "原始文件不可用" in again["reason"]
        assert "原始文件" in client.get(f"/reports/{rid}").text
    finally:
        kept.with_name("gone").rename(kept)


def test_a_file_path_never_reaches_the_file_system(client):
    assert client.get("/api/reports/1/pages/..%2F..%2Fetc%2Fpasswd.png").status_code in (404, 422)
    assert client.get("/static/../app.py").status_code == 404

