"""The web app in a real browser: ``ogi serve`` on 127.0.0.1 with a temporary store,
driven by Playwright with Debian's Chromium.

A reviewer uploads seed 004, opens its report page, sees the findings it must raise,
finds where a number came from in the original, dismisses a finding with a comment,
parses the report again and sees the dismissal kept. With ``OGI_SCREENSHOTS=DIR`` the
main pages are also saved there as ``web-*.png`` (``docs/images`` holds the committed ones).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import SEEDS, ReportWriter, consistent_tables
from playwright.sync_api import expect, sync_playwright

from ogi import parse
from ogi.render import render

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"
OGI = Path(sys.executable).with_name("ogi")
AGENCY = "江苏省泰州市海陵区教育局"
BROKEN = "江苏省泰州市姜堰区司法局"

# CI installs chromium (scripts/system-packages.txt): there a missing browser is a failure
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                reason="Debian's chromium is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _reports(folder: Path) -> None:
    """A few years of one agency, its neighbours, and as a PDF (drawn by ``ogi.render``) a
    report whose table 三 does not add up."""
    import random

    writer = ReportWriter(folder)
    for year in (2021, 2022, 2023):
        writer.write(AGENCY, year, seed=year, scale=30)
    for name in ("江苏省泰州市海陵区民政局", "江苏省泰州市海陵区财政局", "江苏省泰州市高港区教育局"):
        writer.write(name, 2023, scale=30)
    broken = consistent_tables("2021", random.Random(3), scale=30)
    broken["table3"]["granted"]["natural_person"] += 4
    text = writer.write(BROKEN, 2023, tables=broken, name="broken.txt").path
    (folder / "broken.pdf").write_bytes(render(parse(text), "pdf"))
    text.unlink()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``ogi serve FOLDER`` on a free port; its base URL."""
    folder = tmp_path_factory.mktemp("served")
    (folder / "reports").mkdir()
    _reports(folder / "reports")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("OGI_TOKEN", "OGI_DB")}
    with open(folder / "serve.log", "w") as log:
        process = subprocess.Popen([str(OGI), "serve", str(folder / "reports"), "--db", str(folder / "ogi.duckdb"),
                                    "--port", str(port), "-j", "1"], stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/api/filters", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("ogi serve did not start:\n" + (folder / "serve.log").read_text())
        time.sleep(0.2)
    yield base
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    yield tab
    context.close()
    assert not problems, problems


def _finding(page, code: str):
    return page.locator(".finding", has=page.locator("code", has_text=re.compile(f"^{code}$")))


def test_upload_review_reparse_keeps_the_dismissal(server, page):
    page.goto(server + "/upload")
    page.set_input_files("#files", str(SEED_004))
    page.click("#upload-form button[type=submit]")
    stored = page.locator("#results a", has_text="已入库")
    stored.wait_for(timeout=60_000)
    stored.click()
    page.wait_for_url(re.compile(r"/reports/\d+$"))

    for code in ("TEXT_TABLE_MISMATCH", "YEAR_MISMATCH_TEXT"):
        assert _finding(page, code).is_visible()
    mismatch = _finding(page, "TEXT_TABLE_MISMATCH")
    assert "13" in mismatch.locator(".message").inner_text()

    mismatch.locator("a.locate").click()  # the sentence it quotes is marked in the original
    assert "13件" in page.locator("#original .src.mark").inner_text()
    page.click('td[data-key="table3.new_received.total"]')  # so is the line a number was read at
    marked = page.locator("#original .src.mark")
    assert "本年新收" in marked.inner_text() and "10" in marked.inner_text()

    year = _finding(page, "YEAR_MISMATCH_TEXT")
    year.locator("input[name=comment]").fill("第五部分回顾的是上一年度的工作")
    year.locator("button[value=dismissed]").click()
    page.wait_for_load_state()
    year = _finding(page, "YEAR_MISMATCH_TEXT")
    assert year.locator(".status").inner_text() == "已驳回"

    page.click("text=重新解析")
    page.wait_for_url(re.compile(r"done=reparsed"))
    assert page.locator(".notice").is_visible()
    year = _finding(page, "YEAR_MISMATCH_TEXT")
    assert year.locator(".status").inner_text() == "已驳回"
    assert "第五部分回顾的是上一年度的工作" in year.locator(".comment").inner_text()
    assert _finding(page, "TEXT_TABLE_MISMATCH").locator(".status").inner_text() == "待审核"


def test_a_pdf_cell_is_marked_on_its_page(server, page):
    page.goto(server + "/reports?q=broken.pdf")
    page.locator("table.data a[href^='/reports/']").first.click()
    page.locator(".page:not([hidden]) img").wait_for()
    cell = page.locator("td.flag[data-bbox]").first
    cell.click()
    box = page.locator(".page:not([hidden]) .box.current")
    assert box.count() == 1 and box.bounding_box()["width"] > 5


def test_overview_agency_and_compare_pages_draw_their_charts(server, page):
    page.goto(server + "/?year=2023")
    page.locator(".chart-box svg").first.wait_for()
    assert page.locator(".chart-box svg").count() == 6
    assert page.locator("table[data-table=ranking] tbody tr").count() >= 2
    page.locator("table[data-table=ranking] a", has_text="姜堰区司法局").click()
    assert page.locator("h1").inner_text() == BROKEN
    page.goto(server + "/agencies?q=海陵区教育局")
    page.locator("table.data a", has_text="海陵区教育局").click()
    page.locator(".chart-box svg").wait_for()
    assert page.locator("table[data-table=reports] tbody tr").count() == 3
    page.goto(server + f"/compare?a=2022&b=2023&agency={AGENCY}")
    page.locator(".chart-box svg").wait_for()
    assert page.locator("table.compare tr.marked").count() > 0


def test_screenshots_of_the_main_pages(server, page, report_writer):
    """With OGI_SCREENSHOTS=DIR, save the main pages (checked by eye before committing)."""
    target = os.environ.get("OGI_SCREENSHOTS")
    if not target:
        pytest.skip("set OGI_SCREENSHOTS=docs/images to save the screenshots")
    out = Path(target)
    out.mkdir(parents=True, exist_ok=True)
    seed = httpx.get(server + "/api/reports", params={"q": "004_3f0a03dfd5eda10b"}).json()["reports"]
    pdf = httpx.get(server + "/api/reports", params={"q": "broken.pdf"}).json()["reports"][0]["id"]
    agency = httpx.get(server + "/api/agencies", params={"q": "海陵区教育局"}).json()["agencies"][0]["id"]
    shots = [("overview", "/?year=2023", None), ("agency", f"/agencies/{agency}", None),
             ("compare", f"/compare?a=2022&b=2023&agency={AGENCY}", None), ("report-pdf", f"/reports/{pdf}", None)]
    if seed:
        shots.append(("report", f"/reports/{seed[0]['id']}", "TEXT_TABLE_MISMATCH"))
    for name, path, finding in shots:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        if finding:
            _finding(page, finding).locator("a.locate").click()
        elif name == "report-pdf":
            page.locator("td.flag[data-bbox]").first.click()
            page.locator("h1").scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / f"web-{name}.png"), full_page=name in ("overview", "agency"))
    page.goto(server + "/upload")
    made = report_writer.write("江苏省泰州市海陵区住房和城乡建设局", 2023)
    page.set_input_files("#files", [str(made.path), str(SEED_004)])
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#results tbody tr td:nth-child(2)", has_text="完成")).to_have_count(2, timeout=60_000)
    page.screenshot(path=str(out / "web-upload.png"))
