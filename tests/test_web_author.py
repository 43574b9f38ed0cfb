"""The agency side of the web app: upload form + ledger, edit the text, check, publish
(behind the token), download; a published version locked, a correction a new version."""

from __future__ import annotations

import random
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from ogi import parse
from ogi.form import fill_form
from ogi.ledger.sample import applications, to_xlsx
from ogi.web.app import create_app
from test_author_workflow import AGENCY, report_from_ledger

TOKEN = "t0ken-for-the-agency-side"


@pytest.fixture()
def client(tmp_path):
    web = create_app(str(tmp_path / "store.duckdb"), token=TOKEN)
    with TestClient(web, base_url="http://127.0.0.1:8000") as c:
        yield c


def test_write_check_publish_and_correct_in_the_browser(client):
    report = report_from_ledger()
    form = fill_form(report)
    ledger = to_xlsx(applications(random.Random(3), 2024, 300))
    files = {"data": ("form.xlsx", form), "ledger": ("ledger.xlsx", ledger)}
    assert client.post("/author", files=files).status_code == 401  # no token, no change
    client.post("/login", data={"token": TOKEN, "next": "/author"})
    done = client.post("/author", files=files, follow_redirects=False)
    assert done.status_code == 303
    page = done.headers["location"]
    assert page == f"/author/{quote(AGENCY)}/2024"
    shown = client.get(page).text
    assert "第 1 版" in shown and "草稿" in shown and "（一）予以公开" in shown  # the official layout
    texts = {s: (report.sections[s].text if s in report.sections else "") for s in ("s1", "s2", "s3", "s4", "s5", "s6")}
    texts["s6"] = "本局未收取信息处理费。"
    client.post(f"{page}/text", data=texts)
    checked = client.post(f"{page}/check").text
    assert "校验通过,可以发布" in checked and "已校验" in checked
    published = client.post(f"{page}/publish", data={"date": "2025-01-20"}).text
    assert "第 1 版已发布" in published
    again = client.post(f"{page}/check").text
    assert "已发布,已锁定" in again
    texts["s6"] = "本局未收取信息处理费。第1版有误,已更正。"
    client.post(f"{page}/text", data=texts)
    shown = client.get(page).text
    assert "第 2 版" in shown and "section.s6" not in shown  # changes are listed once published
    client.post(f"{page}/check")
    corrected = client.post(f"{page}/publish", data={"date": "2025-01-25"}).text
    assert "第 2 版已发布" in corrected and "section.s6:本局未收取信息处理费。 → 本局未收取信息处理费。第1版有误,已更正。" in corrected
    pdf = client.get(f"{page}/report.docx")
    assert pdf.status_code == 200
    back = parse(pdf.content, name="r.docx")
    assert back.table3 == report.table3 and back.sections["s6"].text == texts["s6"]
    assert client.get(f"{page}/report.exe").status_code == 404


def test_bad_uploads_are_named(client):
    client.post("/login", data={"token": TOKEN, "next": "/author"})
    bad = client.post("/author", files={"data": ("form.xlsx", fill_form(report_from_ledger())),
                                        "ledger": ("l.csv", "编号,申请人\nX,张三\n".encode())})
    assert bad.status_code == 400 and "表头缺少必填列「收到申请日期」「申请人类型」" in bad.text
    assert client.get("/author/nobody/2024").status_code == 404
