"""``ogi export``: tidy tables (cells long or wide, reports, findings), statistics or the whole
database to files, with the codebook beside them."""

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
    wide = "wide"
    findings = "findings"
    stats = "stats"
    all = "all"


@app.command("export")
def export_cmd(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="csv, xlsx, parquet or json."),
    what: What = typer.Option(What.reports, "--what",
                              help="reports, cells (long), wide (a row per report), findings, stats, "
                                   "or all (every table)."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (a folder for parquet and --what all)."),
    by: By = typer.Option(None, "--by", help="Statistics: group by year, region, province, city, county, level "
                                             "or agency."),
    all_versions: bool = typer.Option(False, "--all-versions",
                                      help="Every stored report, not only the latest version of each agency's year."),
    include_inconsistent: bool = typer.Option(False, "--include-inconsistent",
                                              help="Statistics: also count reports breaking their tables' identities."),
    db: str = db_option(),
) -> None:
    """导出整洁数据表、统计或整个数据库,附编码手册。 / Export tidy tables, statistics, or the whole database; the codebook goes beside.

    cells: one row per cell with report, agency, province/city/county, level, year, format, cell key, Chinese
    label, value, status and provenance. wide: one row per report, a column per cell key. Parquet is a dataset
    folder partitioned by year and province (hive layout). Text that a spreadsheet would run as a formula is
    written with a leading ' in CSV and xlsx. --what all writes every table: one file each in a folder, or one
    sheet each in a workbook.

    示例 / Examples:

    * `ogi export --format csv --what cells -o cells.csv`
    * `ogi export --format parquet --what all -o export/`"""
    if output is None:
        output = Path(f"ogi-{what.value}" + ("" if what == What.all and format != ExportFormat.xlsx
                                             else f".{format.value}"))
    with opened(db, read_only=True) as store:
        written = export(store, format.value, output, what.value, by.value if by else None, all_versions,
                         include_inconsistent)
    for path in written:
        out.print(f"已写入 / wrote {path}")
