"""The web app in a real browser: ``ogi serve`` on 127.0.0.1 with a temporary store,
driven by Playwright with Debian's Chromium.

A reviewer uploads seed 004, opens its report page, sees the findings it must raise,
finds where a number came from in the original, dismisses a finding with a comment,
parses the report again and sees the dismissal kept. With ``OGI_SCREENSHOTS=DIR`` the
main pages are also saved there as ``web-*.png`` (``docs/images`` holds the committed ones).

Every page is also opened at 1400 px and at 390 px (a phone): no sideways scrolling of the
page itself (wide tables scroll inside their own box), header cells with a scope, value
cells reachable by the keyboard, text colours at WCAG AA contrast; a screenshot of each is
kept under ``tests/artifacts/screens/`` (not committed).
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
    return page.locator(f".finding[data-code={code}]")


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


# ------------------------------------------------------------------ every page, two widths

ARTIFACTS = Path(__file__).parent / "artifacts" / "screens"
WIDTHS = (1400, 390)


def _pages(server) -> list[tuple[str, str]]:
    reports = httpx.get(server + "/api/reports", params={"q": "海陵区教育局"}).json()["reports"]
    agency = httpx.get(server + "/api/agencies", params={"q": "海陵区教育局"}).json()["agencies"][0]["id"]
    pdf = httpx.get(server + "/api/reports", params={"q": "broken.pdf"}).json()["reports"][0]["id"]
    key = httpx.get(server + "/api/findings", params={"limit": 1}).json()["findings"][0]["key"]
    return [("overview", "/?year=2023"), ("reports", "/reports"), ("report", f"/reports/{reports[0]['id']}"),
            ("report-pdf", f"/reports/{pdf}"), ("findings", "/findings"), ("finding", f"/findings/{key}"),
            ("agencies", "/agencies"), ("agency", f"/agencies/{agency}"),
            ("compare", f"/compare?a=2022&b=2023&agency={AGENCY}"), ("builder", "/builder?region=泰州市"),
            ("sql", "/sql?sql=SELECT+year,+count(*)+FROM+reports+GROUP+BY+year"), ("upload", "/upload"),
            ("login", "/login"), ("not-found", "/no/such/page")]


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple[float, ...], bg: tuple[float, ...]) -> float:
    """The WCAG contrast ratio of two colours."""
    light, dark = sorted((_luminance(fg[:3]), _luminance(bg[:3])), reverse=True)
    return (light + 0.05) / (dark + 0.05)


_COLOURS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  const out = [];
  document.querySelectorAll("main *, header.top *").forEach(el => {
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!own || style.visibility === "hidden" || style.display === "none" || el.closest("[hidden], .sr-only, .skip, svg")) return;
    if (el.getClientRects().length === 0) return;
    out.push([el.tagName + "." + el.className, rgb(style.color), background(el), parseFloat(style.opacity)]);
  });
  return out;
}"""


@pytest.mark.slow
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_at_desktop_and_phone_width(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        for name, path in _pages(server):
            response = page.goto(server + path)
            assert response.status == (404 if name == "not-found" else 200), (name, response.status)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
            assert page.evaluate("document.documentElement.lang") == "zh-CN"
            sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert sideways <= 1, (name, width, sideways)
            unscoped = page.evaluate("Array.from(document.querySelectorAll('main th:not([scope])')).length")
            assert unscoped == 0, (name, unscoped)
            for what, fg, bg, opacity in page.evaluate(_COLOURS):
                if opacity < 1:
                    continue
                assert contrast(fg, bg) >= 4.5, (name, what, fg, bg)
        assert not problems, problems
    finally:
        context.close()


@pytest.mark.slow
def test_value_cells_are_reached_and_opened_by_the_keyboard(server, page):
    rid = httpx.get(server + "/api/reports", params={"q": "海陵区教育局"}).json()["reports"][0]["id"]
    page.goto(server + f"/reports/{rid}")
    cell = page.locator('td[data-key="table3.new_received.total"]')
    for _ in range(400):  # Tab from the top of the page until the cell has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-key')") == "table3.new_received.total":
            break
    else:
        pytest.fail("the value cell was never reached with Tab")
    page.keyboard.press("Enter")
    assert "selected" in cell.get_attribute("class")
    assert "本年新收" in page.locator("#original .src.mark").inner_text()


@pytest.mark.slow
def test_the_review_queue_reviews_in_bulk_in_the_browser(server, page):
    page.goto(server + "/findings?severity=warning")
    boxes = page.locator('#finding-rows input[name="keys"]')
    count = boxes.count()
    assert count >= 2
    page.check("#select-all")
    assert all(boxes.nth(i).is_checked() for i in range(count))
    page.fill('fieldset.bulk-actions input[name="comment"]', "批量核实")
    page.click('fieldset.bulk-actions button[value="confirmed"]')
    page.wait_for_url(re.compile(r"done=\d+"))
    assert page.locator(".notice").inner_text() == f"已审核 {count} 个问题。"
    page.goto(server + "/findings?status=confirmed&severity=warning")
    assert page.locator("#finding-rows tbody tr:not(.group-head)").count() == count
    assert page.locator("#finding-rows", has_text="批量核实").count() == 1
