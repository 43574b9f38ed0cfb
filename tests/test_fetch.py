"""``ogi fetch`` and URLs in ``ogi ingest``, against a local HTTP server (127.0.0.1 only):
attachments, sidecars with the page's date, the cache, robots.txt, politeness, retries,
timeouts."""

from __future__ import annotations

import html
import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogi.cli import app
from ogi.fetch import SIDECAR_SUFFIX, Fetcher, fetch
from ogi.store import open_store

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds" / "000_231d42344d228242.txt"
runner = CliRunner()


def _report_page() -> bytes:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return ('<html><head><meta name="PubDate" content="2021-01-18 09:30"><title>年度报告</title></head>'
            f"<body>{body}</body></html>").encode()


PAGES = {
    "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
    "/list.html": (200, "text/html; charset=utf-8", (
        '<html><head><title>公开</title></head><body><p>发布日期:2022年3月5日</p>'
        '<a href="files/report.pdf">2021年报告</a> <a href="/download?id=7">年报.docx</a> '
        '<a href="/private/secret.wps">内部.wps</a> <a href="/about.html">关于</a> '
        '<a href="files/report.pdf">again</a></body></html>').encode()),
    "/files/report.pdf": (200, "application/pdf", b"%PDF-1.4 not really a pdf"),
    "/download?id=7": (200, "application/octet-stream", b"PK\x03\x04 not really a docx"),  # named by its header
    "/report.html": (200, "text/html; charset=utf-8", _report_page()),
    "/missing.pdf": (404, "text/plain", b"no"),
}


class Server:
    """A local HTTP server with a few pages; counts the requests per path. ``/flaky.pdf``
    answers 503 once, ``/slow.pdf`` answers after 2 seconds."""

    def __init__(self) -> None:
        hits = self.hits = Counter()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                hits[self.path] += 1
                if self.path == "/slow.pdf":
                    time.sleep(2)
                    status, kind, body = 200, "application/pdf", b"%PDF-1.4 late"
                elif self.path == "/flaky.pdf":
                    status, kind, body = (503, "text/plain", b"busy") if hits[self.path] == 1 else \
                        (200, "application/pdf", b"%PDF-1.4 second try")
                else:
                    status, kind, body = PAGES.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if self.path.startswith("/download"):
                    self.send_header("Content-Disposition", "attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.docx")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def server():
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def test_a_page_and_its_attachments_are_downloaded_with_sidecars(server, tmp_path):
    result = fetch([server.url("/list.html")], tmp_path, delay=0)
    urls = [f.url for f in result.files]
    assert urls == [server.url("/list.html"), server.url("/files/report.pdf"), server.url("/download?id=7")]
    assert result.failures == [(server.url("/private/secret.wps"), "robots.txt 不允许 / disallowed by robots.txt")]
    page, pdf, docx = result.files
    assert page.published_date == "2022-03-05" and page.attachments == urls[1:] + [server.url("/private/secret.wps")]
    assert pdf.path.read_bytes() == PAGES["/files/report.pdf"][2] and pdf.path.suffix == ".pdf"
    assert docx.path.name.endswith("-年报.docx")
    sidecar = json.loads(pdf.path.with_name(pdf.path.name + SIDECAR_SUFFIX).read_text(encoding="utf-8"))
    assert sidecar["url"] == urls[1] and sidecar["linked_from"] == urls[0]
    assert sidecar["published_date"] == "2022-03-05"  # the page's own date, kept with its attachment
    assert server.hits["/private/secret.wps"] == 0 and server.hits["/about.html"] == 0


def test_nothing_is_fetched_twice(server, tmp_path):
    fetch([server.url("/list.html")], tmp_path, delay=0)
    before = dict(server.hits)
    again = fetch([server.url("/list.html"), server.url("/files/report.pdf")], tmp_path, delay=0)
    assert len(again.files) == 4
    # only robots.txt is read again (a new run asks anew what it may fetch: the refused file)
    assert {p: n for p, n in server.hits.items() if p != "/robots.txt"} == \
        {p: n for p, n in before.items() if p != "/robots.txt"}


def test_requests_to_one_host_are_spaced_by_the_delay(server, tmp_path):
    # a clock that moves only when the fetcher sleeps: the waits are exact on a loaded machine
    now = [1000.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    with Fetcher(tmp_path, delay=5.0, sleep=sleep, clock=lambda: now[0]) as fetcher:
        fetcher.fetch_all([server.url("/list.html")])
    # robots.txt, the page, two attachments: three waits, each the whole delay
    assert slept == [5.0, 5.0, 5.0]


def test_a_busy_server_is_tried_again_with_backoff(server, tmp_path):
    slept: list[float] = []
    with Fetcher(tmp_path, delay=0, retries=3, backoff=2.0, sleep=slept.append) as fetcher:
        got = fetcher.download(server.url("/flaky.pdf"))
    assert got.path.read_bytes() == b"%PDF-1.4 second try" and server.hits["/flaky.pdf"] == 2
    assert slept == [2.0]


def test_timeouts_and_errors_are_failures_with_reasons(server, tmp_path):
    result = fetch([server.url("/slow.pdf"), server.url("/missing.pdf"), "ftp://example.invalid/x.pdf"],
                   tmp_path, delay=0, timeout=0.3, retries=2, backoff=0.01)
    reasons = dict(result.failures)
    assert "timed out" in reasons[server.url("/slow.pdf")] and server.hits["/slow.pdf"] == 2
    assert reasons[server.url("/missing.pdf")] == "HTTP 404"
    assert "not an http(s) URL" in reasons["ftp://example.invalid/x.pdf"]
    assert not result.files


def test_fetch_command_lists_what_it_got_and_what_failed(server, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# reports\n{server.url('/list.html')}\n{server.url('/missing.pdf')}\n", encoding="utf-8")
    result = runner.invoke(app, ["fetch", str(urls), "--out", str(tmp_path / "got"), "--delay", "0"])
    assert result.exit_code == 1
    assert "report.pdf" in result.output and "HTTP 404" in result.output and "robots.txt" in result.output


def test_ingest_fetches_urls_and_records_those_that_fail(server, tmp_path, db_url):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server.url('/report.html')}\n{server.url('/slow.pdf')}\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(urls), "--db", db_url, "-j", "1", "--cache", str(tmp_path / "cache"),
                                 "--delay", "0", "--timeout", "0.3", "--retries", "1"])
    assert result.exit_code == 1 and "timed out" in result.output
    with open_store(db_url) as db:
        assert db.execute("SELECT location, format, page_published_date, year FROM reports") == [
            (server.url("/report.html"), "html", "2021-01-18", 2020)]
        assert db.execute("SELECT location, stage FROM failures") == [(server.url("/slow.pdf"), "fetch")]
    # a downloaded folder ingested later keeps the URLs from the sidecars
    result = runner.invoke(app, ["ingest", str(tmp_path / "cache"), "--db", db_url, "-j", "1"])
    assert result.exit_code == 0 and "skipped 1" in result.output


def test_a_file_over_the_size_limit_is_refused(server, tmp_path):
    url = server.url("/report.html")
    result = fetch([url], tmp_path, delay=0, max_bytes=100)
    assert "too large" in dict(result.failures)[url]
    assert not result.files
