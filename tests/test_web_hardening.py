"""The web app under hostile input: every number bounded (422 with a Chinese message,
never 500), uploads parsed in a bounded pool of limited worker processes, URL imports only
for signed-in users and never to internal addresses, downloads without live formulas,
Chinese error pages, static files compressed and cached."""

from __future__ import annotations

import gzip
import http.server
import io
import ipaddress
import threading

import httpx
import pytest
import web_workloads as work
from conftest import ReportWriter, consistent_tables
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from ogi.store import open_store
from ogi.store.ingest import collect, ingest
from ogi.web import create_app
from ogi.web.datasets import Dataset, to_csv, to_xlsx
from ogi.web.urlguard import GuardedTransport, RefusedAddress, checked_address, is_public
from ogi.web.workers import Failed, Limits, ParsePool

AGENCY = "江苏省泰州市海陵区教育局"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hardening")
    writer = ReportWriter(folder / "reports")
    writer.folder.mkdir()
    for year in (2022, 2023):
        writer.write(AGENCY, year, seed=year)
    inputs, _, _ = collect([str(writer.folder)])
    with open_store(str(folder / "ogi.duckdb")) as db:
        ingest(db, inputs, jobs=1)
    return folder


@pytest.fixture(scope="module")
def client(folder):
    app = create_app(str(folder / "ogi.duckdb"), files_dir=folder / "files", parse_workers=1)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


# ------------------------------------------------------------------ numbers in requests

HUGE = "9" * 20


@pytest.mark.parametrize(("url", "says"), [
    (f"/reports?page={HUGE}", "页码 应不大于 1000000"),
    (f"/agencies?page={HUGE}", "页码 应不大于 1000000"),
    (f"/findings?page={HUGE}", "页码 应不大于 1000000"),
    ("/reports?page=0", "页码 应不小于 1"),
    ("/reports?page=abc", "页码 应为整数"),
    (f"/api/reports?offset={HUGE}", "起始位置 应不大于 50000000"),
    ("/api/reports?offset=-1", "起始位置 应不小于 0"),
    (f"/api/reports?limit={HUGE}", "每页条数 应不大于 500"),
    (f"/api/reports/{HUGE}", "报告编号 应不大于 9007199254740992"),
    (f"/reports/{HUGE}", "报告编号 应不大于 9007199254740992"),
    (f"/api/agencies/{HUGE}", "机关编号 应不大于 9007199254740992"),
    (f"/api/reports/1/pages/{HUGE}.png", "页 应不大于 10000"),
    (f"/api/reports?year={HUGE}", "年度 应不大于 2100"),
    (f"/reports?year={HUGE}", "年度“99999999999999999999”无效"),
    (f"/findings?agency_id={HUGE}", "编号“99999999999999999999”无效"),
    (f"/api/compare?a={'1' * 70}&b=2", "机关编号“11111111111111111111…”无效"),
    (f"/api/compare?a={'x' * 300}&b=2", "对比对象甲 过长,最多 200 个字符"),
    (f"/api/compare?a=2021&b=2022&year={HUGE}", "年度 应不大于 2100"),
    ("/reports?sort=password", "排序“password”无效"),
    ("/reports?year=²⁰²³", "年度“²⁰²³”无效"),
])
def test_bad_numbers_are_a_422_with_a_chinese_message(client, url, says):
    response = client.get(url)
    assert response.status_code == 422, response.text[:300]
    text = response.json()["detail"] if url.startswith("/api/") else response.text
    assert says in text


def test_a_page_past_the_last_shows_the_last(client):
    page = client.get("/reports?page=999").text
    assert "第 999" not in page and "<h1>报告(2)</h1>" in page
    body = client.get("/reports.json", params={"page": 999}).json()
    assert (body["page"], body["pages"], len(body["reports"])) == (1, 1, 2)


# ------------------------------------------------------------------ uploads

def test_an_upload_with_a_401_digit_number_is_refused_with_the_cell_named(client, tmp_path):
    import random

    tables = consistent_tables("2021", random.Random(5))
    # past OGI_MAX_DIGITS the parser itself refuses the number, naming the limit
    tables["table3"]["new_received"]["natural_person"] = 10**400
    made = ReportWriter(tmp_path).write("江苏省泰州市海陵区民政局", 2023, tables=tables)
    response = client.post("/api/uploads", files=[("files", ("big.txt", made.path.read_bytes(), "text/plain"))])
    assert response.status_code == 200
    result = response.json()["results"][0]
    assert result["status"] == "failed"
    assert result["reason"].startswith("无法读取 / unreadable: a number has 401 digits, more than 100")
    assert result["reason"].endswith("(OGI_MAX_DIGITS)")
    # within it, a value no count can be is refused with the cell named
    tables["table3"]["new_received"]["natural_person"] = 10**20
    (tmp_path / "b").mkdir()
    made = ReportWriter(tmp_path / "b").write("江苏省泰州市海陵区民政局", 2023, tables=tables)
    response = client.post("/api/uploads", files=[("files", ("big2.txt", made.path.read_bytes(), "text/plain"))])
    result = response.json()["results"][0]
    assert result["status"] == "refused"
    assert result["reason"].startswith("数值过大:表三 一、本年新收政府信息公开申请数量 · 自然人 的数值超过 1e+15")
    assert client.get("/api/reports").json()["total"] == 2


def test_an_image_without_report_text_is_refused(client, tmp_path):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(image).rectangle((20, 20, 200, 120), fill="navy")
    data = io.BytesIO()
    image.save(data, "PNG")
    result = client.post("/api/uploads", files=[("files", ("screen.png", data.getvalue(), "image/png"))]).json()
    assert result["results"][0]["status"] == "refused"
    assert result["results"][0]["reason"].startswith("图片中没有可识别的文字,不是年度报告")


@pytest.mark.slow
def test_a_screenshot_of_a_report_page_is_not_a_report(client):
    """What an upload got wrong before: OCR reads a title with an agency and a year, and
    nothing else of a report."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 28)
    image = Image.new("RGB", (1100, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.text((30, 40), "江苏省泰州市海陵区人民政府2023年政府信息公开工作年度报告", font=font, fill="black")
    draw.text((30, 120), "发布日期:2024-01-20  浏览次数:1234  【打印】【关闭】", font=font, fill="black")
    data = io.BytesIO()
    image.save(data, "PNG")
    result = client.post("/api/uploads", files=[("files", ("shot.png", data.getvalue(), "image/png"))]).json()
    assert result["results"][0]["status"] == "refused"
    assert result["results"][0]["reason"].startswith("图片中没有年度报告的内容:既没有统计表数值,也没有报告的各部分正文")


def test_a_blank_official_form_is_refused(client, tmp_path):
    blank = {t: {r: dict.fromkeys(c) for r, c in rows.items()}
             for t, rows in consistent_tables("2021", __import__("random").Random(1)).items()}
    made = ReportWriter(tmp_path).write("江苏省泰州市海陵区财政局", 2023, tables=blank)
    text = made.path.read_text(encoding="utf-8").replace("None", "")
    made.path.write_text(text, encoding="utf-8")
    result = client.post("/api/uploads", files=[("files", ("blank.txt", text.encode(), "text/plain"))]).json()
    assert result["results"][0]["status"] == "refused"
    assert result["results"][0]["reason"].startswith("这是一份未填写的报告模板")


# ------------------------------------------------------------------ the parser pool

def test_a_worker_over_its_memory_limit_fails_alone_and_is_replaced():
    pool = ParsePool(1, Limits(memory=400 * 1024**2, seconds=30))
    try:
        first = pool.run(work.pid, None)
        failed = pool.run(work.hog, 1024)
        assert isinstance(failed, Failed) and failed.kind == "memory"
        assert failed.reason == "解析所需内存超过限额 400 MB / parsing needed more than 400 MB"
        assert pool.run(work.hog, 50) == 50 * 1024 * 1024  # a fresh worker takes the next file
        assert pool.run(work.pid, None) != first
    finally:
        pool.close()


def test_a_file_past_its_deadline_is_ended_and_the_worker_replaced():
    pool = ParsePool(1, Limits(memory=0, seconds=1))
    try:
        failed = pool.run(work.spin, 60)
        assert isinstance(failed, Failed) and failed.kind == "deadline"
        assert failed.reason.startswith("解析超时:单个文件限 1 秒")
        assert pool.run(work.echo, "next") == "next"
    finally:
        pool.close()


def test_a_crashed_worker_is_a_failure_not_a_hang():
    pool = ParsePool(1, Limits(memory=0, seconds=30))
    try:
        failed = pool.run(work.die, 3)
        assert isinstance(failed, Failed) and failed.kind == "crash" and "代码 3" in failed.reason
        assert pool.run(work.echo, 7) == 7
    finally:
        pool.close()


def test_one_stuck_file_does_not_hold_back_the_others(tmp_path):
    """A file that does not finish (it waits for a signal this test gives only later) holds
    one worker; a file sent after it is parsed by the other."""
    release = tmp_path / "release"
    pool = ParsePool(2, Limits(memory=0, seconds=60))
    try:
        stuck = []
        waiting = threading.Thread(target=lambda: stuck.append(pool.run(work.wait_for, str(release))))
        waiting.start()
        assert pool.run(work.echo, "quick") == "quick"
        assert not stuck
        release.touch()
        waiting.join()
        assert stuck == ["released"]
    finally:
        pool.close()


def test_uploads_in_flight_are_bounded_by_the_pool(tmp_path):
    pool = ParsePool(2, Limits(memory=0, seconds=60))
    try:
        pids = set()
        threads = [threading.Thread(target=lambda: pids.add(pool.run(work.pid, None))) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert 1 <= len(pids) <= 2
    finally:
        pool.close()


# ------------------------------------------------------------------ URL imports

@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                                     "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
                                     "2002:7f00:1::1", "224.0.0.1"])
def test_internal_addresses_are_not_public(address):
    assert not is_public(ipaddress.ip_address(address))


def test_every_address_of_a_host_is_checked():
    assert checked_address("reports.example", 80, resolver=lambda h, p: ["93.184.216.34"]) == "93.184.216.34"
    with pytest.raises(RefusedAddress, match=r"不允许访问内部网络地址 reports.example\(10.0.0.5\)"):
        checked_address("reports.example", 80, resolver=lambda h, p: ["93.184.216.34", "10.0.0.5"])
    with pytest.raises(RefusedAddress, match="localhost"):
        checked_address("localhost", 80)


class _Redirecting(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_GET(self):
        if self.path == "/report.txt":
            body = "内网的内容".encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(302)
        self.send_header("Location", self.target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def redirecting():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirecting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def test_a_redirect_is_checked_like_the_first_request(redirecting):
    port = redirecting.server_port
    _Redirecting.target = f"http://127.0.0.2:{port}/report.txt"
    only_first = lambda ip: str(ip) == "127.0.0.1"  # noqa: E731 - the first host passes, the redirect's must not
    with httpx.Client(transport=GuardedTransport(policy=only_first), follow_redirects=True) as client:
        with pytest.raises(RefusedAddress, match="127.0.0.2"):
            client.get(f"http://127.0.0.1:{port}/start")
        _Redirecting.target = f"http://127.0.0.1:{port}/report.txt"
        assert client.get(f"http://127.0.0.1:{port}/start").text == "内网的内容"


def _url_server(folder):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_url_imports_need_a_signed_in_user(client):
    response = client.post("/api/urls", json={"urls": ["http://127.0.0.1:9/x.txt"]})
    assert response.status_code == 401 and response.json()["detail"].startswith("从网址导入需要先登录")
    page = client.post("/upload", data={"urls": "http://127.0.0.1:9/x.txt"})
    assert page.status_code == 401 and "从网址导入需要先登录" in page.text


def test_url_imports_refuse_internal_addresses_unless_configured(tmp_path, report_writer):
    made = report_writer.write("江苏省泰州市医药高新区科学技术局", 2023)
    server = _url_server(report_writer.folder)
    url = f"http://127.0.0.1:{server.server_port}/{made.path.name}"
    auth = {"Authorization": "Bearer t0ken"}
    try:
        guarded = create_app(str(tmp_path / "a.duckdb"), files_dir=tmp_path / "a", token="t0ken", parse_workers=1)
        with TestClient(guarded) as c:
            results = c.post("/api/urls", json={"urls": [url, "http://localhost/x.txt"]}, headers=auth).json()["results"]
            assert [r["status"] for r in results] == ["refused", "refused"]
            assert results[0]["reason"].startswith("不允许访问内部网络地址 127.0.0.1")
            assert results[1]["reason"].startswith("不允许访问内部网络地址 localhost(")
            assert c.get("/api/reports").json()["total"] == 0
        allowed = create_app(str(tmp_path / "b.duckdb"), files_dir=tmp_path / "b", token="t0ken", parse_workers=1,
                             allow_private_urls=True)
        with TestClient(allowed) as c:
            results = c.post("/api/urls", json={"urls": [url, "ftp://example.invalid/x.txt"]},
                             headers=auth).json()["results"]
            by_name = {r["name"]: r for r in results}
            assert by_name["ftp://example.invalid/x.txt"]["status"] == "refused"
            assert by_name[url]["status"] == "stored" and by_name[url]["year"] == 2023
            assert c.get(f"/api/reports/{by_name[url]['report_id']}").json()["location"] == url
            for body in ({"urls": []}, {"urls": ["http://x"] * 21}, {}):
                assert c.post("/api/urls", json=body, headers=auth).status_code == 422
    finally:
        server.shutdown()


# ------------------------------------------------------------------ downloads

NAME = '=HYPERLINK("//evil.example","点此")办事处'


def test_downloads_write_formulas_as_text():
    data = Dataset("x", "表", ["机关", "数量"], [[NAME, 3], ["+1", -2], ["@SUM(A1)", 0], ["-5", 1.0], ["普通", 4]])
    lines = to_csv(data).decode("utf-8-sig").splitlines()
    assert lines[1:] == ['"\'=HYPERLINK(""//evil.example"",""点此"")办事处",3', "'+1,-2", "'@SUM(A1),0", "'-5,1",
                         "普通,4"]
    sheet = load_workbook(io.BytesIO(to_xlsx(data))).active
    cells = [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows(min_row=2)]
    assert cells[0] == [(NAME, "s"), (3, "n")]
    assert cells[1] == [("+1", "s"), (-2, "n")] and cells[3] == [("-5", "s"), (1, "n")]


# ------------------------------------------------------------------ error pages and static files

def test_unknown_pages_are_a_chinese_404(client):
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "页面不存在" in page.text and "没有这个页面:/no/such/page" in page.text
    assert client.get("/api/nothing").json() == {"detail": "没有这个页面:/api/nothing"}


def test_a_server_error_is_a_chinese_500_page(client, monkeypatch):
    from ogi.store import pages as data

    def broken(db):
        raise RuntimeError("boom")

    monkeypatch.setattr(data, "filter_options", broken)
    page = client.get("/")
    assert page.status_code == 500 and "服务器内部错误" in page.text and "boom" not in page.text
    assert client.get("/api/filters").json() == {"detail": "服务器内部错误,已记录;请稍后再试 / internal server error"}


def test_static_files_are_compressed_and_cached(client):
    plain = client.get("/static/vendor/echarts.min.js", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/static/vendor/echarts.min.js", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip" and "content-encoding" not in plain.headers
    raw = zipped.headers["content-length"]
    assert int(raw) < len(plain.content) / 2 and gzip.decompress(gzip.compress(plain.content)) == plain.content
    assert zipped.content == plain.content  # httpx decodes the gzip body
    assert zipped.headers["cache-control"] == "public, max-age=3600" and zipped.headers["etag"]
    again = client.get("/static/app.css", headers={"If-None-Match": client.get("/static/app.css").headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404
