"""``ogi parse``: reports → the canonical model (json, a terminal table, or csv)."""

from __future__ import annotations

import json
import sys
from enum import Enum

import typer

from ..cli import app, out, read_reports, write_csv


class ParseFormat(str, Enum):
    json = "json"
    table = "table"
    csv = "csv"


@app.command("parse")
def parse_cmd(
    files: list[str] = typer.Argument(..., help="Report files (txt, html, …); '-' reads standard input."),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="json (schema.md), table, or csv."),
) -> None:
    """把报告解析为统一数据模型,附检查发现。 / Parse reports into the canonical model, with the findings of the checks.

    Exit status: 0 when every file parsed, 1 when any could not be read as a report.

    示例 / Examples:

    * `ogi parse samples/txt_rows.txt`
    * `ogi parse samples/*.txt --format table`
    * `cat report.html | ogi parse -`"""
    _replace_unencodable(sys.stdout)
    reports, failed = read_reports(files)
    if format == ParseFormat.json:
        data = [r.as_json() for r in reports]
        if reports:
            print(json.dumps(data[0] if len(files) == 1 else data, ensure_ascii=False, indent=1))
    elif format == ParseFormat.csv:
        write_csv(reports, sys.stdout)
    else:
        from ..terminal import print_report
        for r in reports:
            print_report(r, out)
    raise typer.Exit(1 if failed else 0)


def _replace_unencodable(stream) -> None:
    """Text from a damaged file can hold what UTF-8 cannot encode (a lone surrogate from a
    broken font map): written as U+FFFD-like replacements, the output stays valid UTF-8
    instead of stopping half-way with an exception."""
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")


