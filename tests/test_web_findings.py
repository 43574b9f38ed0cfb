"""The review queue (``/findings``) and who reviews: accounts with roles, session sign-in,
bulk reviews with a comment, the history of every action, finding keys that survive
re-parsing, agency merge and split from the web (administrators only)."""

from __future__ import annotations

import hashlib
import random
import re

import pytest
from conftest import SEEDS, ReportWriter, consistent_tables
from fastapi.testclient import TestClient

from ogi.store import open_store
from ogi.store import queries as store_queries
from ogi.store.accounts import add_user
from ogi.store.ingest import collect, ingest
from ogi.store.reviews import finding_key
from ogi.web import create_app

SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"
EDUCATION = "江苏省泰州市海陵区教育局"
BROKEN = "江苏省泰州市姜堰区司法局"
REVIEWER = ("张三", "zhangsan-pass")
ADMIN = ("李四", "lisi-admin-pass")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("queue")
    writer = ReportWriter(folder / "reports")
    writer.folder.mkdir()
    for year in (2021, 2022, 2023):
        writer.write(EDUCATION, year, seed=year)
    broken = consistent_tables("2021", random.Random(7))
    broken["table3"]["granted"]["natural_person"] += 5
    writer.write(BROKEN, 2023, tables=broken)
    writer.write("江苏省泰州市海陵区民政局", 2023, org_code="321202001")
    writer.write("江苏省泰州市海陵区民政局", 2022, org_code="321202002")
    db = folder / "ogi.duckdb"
    inputs, _, _ = collect([str(writer.folder), str(SEED_004)])
    with open_store(str(db)) as store:
        ingest(store, inputs, jobs=1)
        add_user(store, REVIEWER[0], "reviewer", REVIEWER[1])
        add_user(store, ADMIN[0], "admin", ADMIN[1])
    app = create_app(str(db), files_dir=folder / "files", token="api-token", parse_workers=1)
    with TestClient(app) as anonymous, TestClient(app) as reviewer, TestClient(app) as admin:
        for client, (name, password) in ((reviewer, REVIEWER), (admin, ADMIN)):
            signed = client.post("/login", data={"name": name, "password": password, "next": "/findings"},
                                 follow_redirects=False)
            assert signed.status_code == 303 and signed.headers["location"] == "/findings"
        yield {"anonymous": anonymous, "reviewer": reviewer, "admin": admin, "app": app, "db": db}


def keys_of(client, **params) -> list[str]:
    body = client.get("/api/findings", params={**params, "limit": 500}).json()
    return [f["key"] for f in body["findings"]]


# ------------------------------------------------------------------ signing in

def test_a_wrong_password_is_refused_and_names_are_not_told_apart(site):
    anonymous = site["anonymous"]
    for name, password in ((REVIEWER[0], "wrong-password"), ("没有的人", "whatever-pass")):
        page = anonymous.post("/login", data={"name": name, "password": password})
        assert page.status_code == 401 and "用户名或密码不正确" in page.text


def test_the_store_keeps_only_a_hash_of_the_session_and_of_the_password(site):
    cookie = site["reviewer"].cookies.get("ogi_session")
    app_site = site["app"].state.site
    with app_site.store() as db:
        sessions = [h for (h,) in db.execute("SELECT token_hash FROM sessions")]
        stored = db.scalar("SELECT password_hash FROM users WHERE name = ?", [REVIEWER[0]])
    assert hashlib.sha256(cookie.encode()).hexdigest() in sessions and cookie not in sessions
    assert stored.startswith("scrypt$16384$8$1$") and REVIEWER[1] not in stored


def test_pages_say_who_is_signed_in(site):
    assert "张三(审核员)" in site["reviewer"].get("/findings").text
    assert "李四(管理员)" in site["admin"].get("/").text
    page = site["anonymous"].get("/findings").text
    assert "登录后可上传与审核" in page and 'name="keys"' not in page


def test_with_accounts_nobody_anonymous_may_review(site):
    key = keys_of(site["anonymous"])[0]
    response = site["anonymous"].post("/findings/review", data={"keys": key, "status": "confirmed"})
    assert response.status_code == 401 and "此操作需要登录" in response.text
    api = site["anonymous"].post("/api/findings/review", json={"keys": [key], "status": "confirmed"})
    assert api.status_code == 401


# ------------------------------------------------------------------ the queue

def test_the_queue_lists_every_finding_across_reports(site):
    with site["app"].state.site.store() as db:
        stored = {row[0]: row for row in store_queries.findings(db)}
    body = site["anonymous"].get("/api/findings", params={"limit": 500}).json()
    assert body["total"] == len(stored) and {f["id"] for f in body["findings"]} == set(stored)
    assert len({f["report_id"] for f in body["findings"]}) >= 3
    for f in body["findings"]:
        assert (f["code"], f["severity"], f["place"], f["message"]) == (stored[f["id"]][3], stored[f["id"]][4],
                                                                         stored[f["id"]][5], stored[f["id"]][6])


@pytest.mark.parametrize("params", [{"code": "TEXT_TABLE_MISMATCH"}, {"severity": "error"}, {"status": "open"},
                                    {"year": "2023"}, {"level": "county"}, {"region": "姜堰区"},
                                    {"severity": "warning", "year": "2023", "q": "海陵区"}])
def test_every_filter_gives_the_same_findings_as_page_json_and_api(site, params):
    client = site["anonymous"]
    with site["app"].state.site.store() as db:
        expected = {row[0] for row in store_queries.findings(db)}
    page_json = client.get("/findings.json", params=params).json()
    api = client.get("/api/findings", params={**params, "limit": 500}).json()
    assert [f["key"] for f in page_json["findings"]] == [f["key"] for f in api["findings"]][:50]
    assert page_json["total"] == api["total"] > 0
    assert {f["id"] for f in api["findings"]} <= expected
    html = client.get("/findings", params=params).text
    shown = re.findall(r'href="/findings/([0-9a-f]{16})"', html)
    assert shown == [f["key"] for f in page_json["findings"]]
    for key, value in params.items():
        if key in ("severity", "status", "code"):
            assert {f[key] for f in api["findings"]} == {value}
        if key == "year":
            assert {f["year"] for f in api["findings"]} == {int(value)}


def test_findings_are_grouped_by_code_with_counts_per_status(site):
    body = site["anonymous"].get("/findings.json").json()
    groups = {g["code"]: g for g in body["groups"]}
    facet = {v["value"]: v["count"] for v in body["facets"]["code"]}
    assert {code: g["total"] for code, g in groups.items()} == facet
    assert sum(g["total"] for g in groups.values()) == body["total"]
    for g in groups.values():
        assert g["open"] + g["confirmed"] + g["dismissed"] == g["total"]
    assert "按问题分组" in site["anonymous"].get("/findings").text


def test_a_bulk_review_records_the_reviewer_comment_and_history(site):
    reviewer = site["reviewer"]
    found = reviewer.get("/api/findings", params={"limit": 500}).json()["findings"]
    places = {}
    for f in found:  # a verdict is kept per place of a report: two findings on two places
        places.setdefault((f["report_id"], f["code"], f["place"]), f["key"])
    keys = list(places.values())[:2]
    response = reviewer.post("/findings/review", data={"keys": keys, "status": "dismissed", "comment": "正文口径为全区",
                                                        "next": "/findings?severity=warning"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/findings?severity=warning&done=2"
    reviewed = {f["key"]: f for f in reviewer.get("/api/findings", params={"status": "dismissed", "limit": 500}).json()[
        "findings"]}
    for key in keys:
        assert (reviewed[key]["reviewer"], reviewed[key]["comment"]) == ("张三", "正文口径为全区")
    site["admin"].post("/api/findings/review", json={"keys": keys[:1], "status": "confirmed", "comment": "复核确认"})
    history = reviewer.get(f"/api/findings/{keys[0]}/history").json()
    assert [(h["reviewer"], h["status"], h["comment"]) for h in history] == [
        ("张三", "dismissed", "正文口径为全区"), ("李四", "confirmed", "复核确认")]
    page = reviewer.get(f"/findings/{keys[0]}").text
    assert "审核记录(2)" in page and "复核确认" in page and "李四" in page


def test_the_token_reviews_as_itself(site):
    key = keys_of(site["anonymous"])[-1]
    body = site["anonymous"].post("/api/findings/review", json={"keys": [key], "status": "confirmed"},
                                  headers={"Authorization": "Bearer api-token"}).json()
    assert body == {"reviewed": 1, "reviewer": "令牌"}


@pytest.mark.parametrize("body", [{"keys": [], "status": "confirmed"}, {"keys": ["x"] * 501, "status": "confirmed"},
                                  {"keys": ["0123456789abcdef"], "status": "maybe"}])
def test_a_bulk_review_with_bad_input_is_refused(site, body):
    assert site["reviewer"].post("/api/findings/review", json=body).status_code == 422


def test_a_bulk_review_of_unknown_keys_says_so(site):
    response = site["reviewer"].post("/api/findings/review", json={"keys": ["0123456789abcdef"], "status": "confirmed"})
    assert response.status_code == 404 and response.json()["detail"].startswith("没有找到所选的问题")


def test_finding_keys_survive_a_reparse_and_are_computed_alike_in_python(site):
    client = site["reviewer"]
    rid = client.get("/api/reports", params={"q": "004_3f0a03dfd5eda10b"}).json()["reports"][0]["id"]
    before = client.get(f"/api/reports/{rid}/findings").json()
    sha = client.get(f"/api/reports/{rid}").json()["sha256"]
    for f in before:
        assert f["key"] == finding_key(sha, f["code"], f["where"], f["message"])
    target = before[0]
    client.post(f"/api/findings/{target['key']}/review", json={"status": "dismissed", "comment": "已核实"})
    assert client.post(f"/api/reports/{rid}/reparse").json()["status"] == "stored"
    after = client.get(f"/api/reports/{rid}/findings").json()
    assert sorted(f["key"] for f in after) == sorted(f["key"] for f in before)
    assert {f["id"] for f in after}.isdisjoint({f["id"] for f in before})
    again = client.get(f"/api/findings/{target['key']}").json()
    assert (again["status"], again["comment"], again["reviewer"]) == ("dismissed", "已核实", "张三")
    assert f'id="finding-{target["key"]}"' in client.get(f"/reports/{rid}").text


# ------------------------------------------------------------------ administrators

def _agency(client, text):
    return client.get("/api/agencies", params={"q": text}).json()["agencies"]


def test_namesakes_are_told_apart_and_compare_does_not_pick_one(site):
    client = site["anonymous"]
    same = _agency(client, "海陵区民政局")
    assert len(same) == 2 and {a["same_name"] for a in same} == {2}
    assert {a["org_code"] for a in same} == {"321202001", "321202002"}
    page = client.get("/agencies", params={"q": "海陵区民政局"}).text
    assert "同名 2" in page and "321202001" in page
    agency = client.get(f"/agencies/{same[0]['id']}").text
    assert "同名机关(1 个)" in agency and same[1]["org_code"] in agency
    response = client.get("/api/compare", params={"a": "江苏省泰州市海陵区民政局", "b": EDUCATION})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("有 2 个机关名为“江苏省泰州市海陵区民政局”,请用编号指明:编号 ")


def test_only_administrators_merge_and_split_agencies(site):
    reviewer, admin = site["reviewer"], site["admin"]
    a, b = _agency(admin, "海陵区民政局")
    refused = reviewer.post(f"/agencies/{a['id']}/merge", data={"other": str(b["id"])})
    assert refused.status_code == 403 and "此操作只对管理员开放" in refused.text
    assert "机关身份(管理员)" not in reviewer.get(f"/agencies/{a['id']}").text
    merged = admin.post(f"/agencies/{a['id']}/merge", data={"other": str(b["id"])}, follow_redirects=False)
    assert merged.status_code == 303
    with site["app"].state.site.store() as db:  # the same decision ogi agencies merge stores
        assert db.scalar("SELECT count(*) FROM agencies WHERE id = ?", [b["id"]]) == 0
        assert db.scalar("SELECT count(DISTINCT agency_id) FROM agency_aliases WHERE alias LIKE 'org:32120200%'") == 1
    one = _agency(admin, "海陵区民政局")
    assert len(one) == 1 and one[0]["reports"] == 2
    split = admin.post(f"/agencies/{a['id']}/split", data={"aliases": "org:321202002"},
                       follow_redirects=False)
    assert split.status_code == 303
    reports = admin.get("/api/reports", params={"q": "海陵区民政局"}).json()["reports"]
    assert {r["year"]: r["org_code"] for r in reports} == {2023: "321202001", 2022: "321202002"}
    assert len({r["agency_id"] for r in reports}) == 2  # the report with the other code is another agency again


def test_administrators_manage_accounts(site):
    admin, reviewer = site["admin"], site["reviewer"]
    assert reviewer.get("/users").status_code == 403
    added = admin.post("/users", data={"name": "王五", "role": "reviewer", "password": "wangwu-pass"},
                       follow_redirects=False)
    assert added.status_code == 303
    assert "王五" in admin.get("/users").text
    short = admin.post("/users", data={"name": "赵六", "role": "reviewer", "password": "short"})
    assert short.status_code == 400 and "密码应为 8–1024 个字符" in short.text
    assert admin.post("/users/王五/remove", follow_redirects=False).status_code == 303
    assert "王五" not in admin.get("/users").text
