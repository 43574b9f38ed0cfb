"""``ogi serve``: the web app for reviewers, researchers and journalists."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from ..cli import app, out, print_warning
from ..store import StoreError
from ..store.ingest import Summary, collect, ingest
from ._db import db_option, fail, opened
from .ingest import report_summary, run_with_progress

LOOPBACK_HOSTS = ("127.0.0.1", "localhost")


@app.command("serve")
def serve_cmd(
    paths: list[str] = typer.Argument(None, help="Report files or folders to ingest first (e.g. samples/)."),
    db: str = db_option(),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: str = typer.Option(None, "--token", envvar="OGI_TOKEN",
                              help="Token for uploads and reviews (generated when listening beyond this machine)."),
    files: Path = typer.Option(None, "--files", help="Where original files are kept (default: beside the DuckDB "
                                                     "file, ogi.duckdb → ogi.files/)."),
    max_upload_mb: int = typer.Option(50, "--max-upload-mb", min=1, help="Largest upload request, in MB."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="Parser processes for PATHs."),
    upload_workers: int = typer.Option(2, "--upload-workers", min=1, max=64,
                                       help="Parser processes for uploads (each file in one of them)."),
    upload_memory_mb: int = typer.Option(2048, "--upload-memory-mb", min=256,
                                         help="Memory (address space) of one upload parser, in MB."),
    upload_seconds: float = typer.Option(120.0, "--upload-seconds", min=1.0, help="Time for parsing one uploaded file."),
    allow_private_urls: bool = typer.Option(False, "--allow-private-urls",
                                            help="Let URL imports reach loopback, private and link-local addresses."),
) -> None:
    """启动网页版:总览、报告页(原件对照)、机关、对比、上传和 JSON API(/docs)。 / Serve the web app: overview, report pages with the
    original beside, agencies, comparisons, uploads, and the JSON API (/docs).

    With PATHs, they are ingested first (already stored files are skipped), and their files kept, so that `ogi
    serve samples/` shows the samples. Uploads and reviews need the token when the server listens beyond this
    machine (--token or $OGI_TOKEN; one is generated and printed if missing).

    示例 / Examples:

    * `ogi serve samples/`
    * `ogi serve --db ogi.duckdb --host 0.0.0.0 --port 8080`"""
    from ..errors import needs_extra
    from ..web import WEB_EN, WEB_ZH

    with needs_extra("web", WEB_ZH, WEB_EN):
        import uvicorn

        from ..web import create_app
    from ..web.security import is_loopback, new_token
    from ..web.uploads import keep_originals

    if paths:
        inputs, urls, missing = collect(paths)
        if urls:
            raise fail("ogi serve 只导入本地文件;网址请在上传页面粘贴,或用 ogi ingest / "
                       "ogi serve ingests local files only: paste URLs on the upload page, or use ogi ingest")
        with opened(db) as store:
            summary = run_with_progress("导入", lambda **kw: ingest(store, inputs, jobs, **kw),
                                        Summary(failed=list(missing)))
        report_summary(summary)
    if token is None and not is_loopback(host):
        token = new_token()
    try:
        web = create_app(db, files_dir=files, token=token, max_upload=max_upload_mb * 1024 * 1024,
                         allowed_hosts=list(LOOPBACK_HOSTS) if host in LOOPBACK_HOSTS else None,
                         parse_timeout=upload_seconds, parse_workers=upload_workers,
                         parse_memory=upload_memory_mb * 1024 * 1024, allow_private_urls=allow_private_urls)
    except StoreError as exc:
        raise fail(str(exc)) from None
    if paths:
        keep_originals(web.state.site, paths)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    out.print(f"ogi 网页版 / web app: {url}  (API: {url}docs, 原件保存于 / originals kept in {web.state.site.files.root})")
    if token is not None:
        out.print(f"上传与审核需要令牌 / uploads and reviews need the token: {token}")
        out.print(f"在浏览器中登录 / sign in: {url}login?token={token}")
    if not is_loopback(host) and token is not None:
        print_warning("服务器对外监听,请只在可信网络中使用,并保管好令牌 / listening beyond this machine: "
                      "keep the token secret")
    uvicorn.run(web, host=host, port=port, log_level="warning")
