"""``ogi export``: reports, cells, findings, statistics or the whole database to files."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..cli import app, out
from ..store.export import export
from ._db import db_option, opened
from .stats import By


class ExportFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"
    json = "json"


class What(str, Enum):
    reports = "reports"
    cells = "cells"
    findings = "findings"
    stats = "stats"
    all = "all"


@app.command("export")
def export_cmd(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="csv, xlsx, parquet or json."),
    what: What = typer.Option(What.reports, "--what", help="reports, cells, findings, stats, or all (every table)."),
    output: Path = typer.Option(None, "--out", "-o", help="File to write (a folder for --what all, but xlsx)."),
    by: By = typer.Option(None, "--by", help="Statistics: group by year, region, level or agency."),
    db: str = db_option(),
) -> None:
    """Export reports, cells, findings, statistics, or the whole database.

    --what all writes every table: one file each in a folder, or one sheet each in a
    workbook for xlsx."""
    if output is None:
        output = Path(f"ogi-{what.value}" + ("" if what == What.all and format != ExportFormat.xlsx
                                             else f".{format.value}"))
    with opened(db, read_only=True) as store:
        written = export(store, format.value, output, what.value, by.value if by else None)
    for path in written:
        out.print(f"已写入 / wrote {path}")
