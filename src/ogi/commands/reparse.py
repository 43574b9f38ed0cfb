"""``ogi reparse``: parse again what an older parser version stored."""

from __future__ import annotations

import os

import typer

from ..cli import app
from ..store.ingest import Summary, reparse
from ._db import db_option, opened
from .ingest import exit_code, report_summary, run_with_progress


@app.command("reparse")
def reparse_cmd(
    db: str = db_option(),
    everything: bool = typer.Option(False, "--all", help="Re-parse every report, not only older parsers' ones."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="Parallel parser processes."),
) -> None:
    """用当前版本的解析器从原文件重新解析已入库的报告。 / Parse stored reports again with this parser version, from their files.

    Reports keep their id and their findings' reviews; cross-report rules run again.

    示例 / Examples:

    * `ogi reparse --db ogi.duckdb`
    * `ogi reparse --all`"""
    with opened(db) as store:
        result = run_with_progress("重新解析", lambda **kw: reparse(store, everything, jobs, **kw), Summary())
    report_summary(result, verb="重新解析")
    raise typer.Exit(exit_code(result))
