"""``ogi fetch``: download report pages and their attachments."""

from __future__ import annotations

from pathlib import Path

import typer

from ..cli import app, err, out, print_error
from ..fetch import fetch
from ..store.ingest import collect


@app.command("fetch")
def fetch_cmd(
    urls: list[str] = typer.Argument(..., help="URLs, or .txt files listing URLs (one a line)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to download into (also the cache)."),
    delay: float = typer.Option(1.0, "--delay", min=0, help="Seconds between two requests to one host."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds to wait for a server."),
    retries: int = typer.Option(3, "--retries", min=1, help="Tries per URL (with backoff)."),
) -> None:
    """下载报告页面及其链接的 PDF/DOC/DOCX/WPS 附件。 / Download report pages and the PDF/DOC/DOCX/WPS files they link to.

    Politely: robots.txt, one request per host per --delay, retries with backoff. What is in --output already is
    not fetched again; each file gets a sidecar .meta.json with its URL and the page's published date. Exit
    status 1 when some URL failed.

    示例 / Example:

    * `ogi fetch https://www.example.gov.cn/2023nb.html -o downloads/`"""
    files, listed, missing = collect(urls)
    for inp in files:
        missing.append((inp.location, "不是网址或网址列表 / not a URL or a list of URLs"))
    with err.status(f"下载 / fetching {len(listed)} URLs"):
        result = fetch(listed, output, delay=delay, timeout=timeout, retries=retries)
    for f in result.files:
        out.print(f"{f.path}  ← {f.url}" + (f"  ({f.published_date})" if f.published_date else ""))
    for url, reason in missing + result.failures:
        print_error(f"{url}: {reason}")
    raise typer.Exit(1 if missing or result.failures else 0)
