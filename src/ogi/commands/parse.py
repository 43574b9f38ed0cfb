"""``ogi parse``: reports → the canonical model (json, text — terminal tables — or csv).

The work is :func:`ogi.cli_parse.parse_files`, which the start-up fast path
(:mod:`ogi.entry`) also runs for the simple forms of this command."""

from __future__ import annotations

from enum import Enum

import typer

from ..cli import app, out
from ..cli_parse import parse_files


class ParseFormat(str, Enum):
    json = "json"
    text = "text"  # tables on the terminal (``table`` is its old, hidden spelling: ogi.cli.ALIASES)
    csv = "csv"


@app.command("parse")
def parse_cmd(
    files: list[str] = typer.Argument(..., help="Report files (txt, html, …); '-' reads standard input."),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="json (schema.md), text (tables on the terminal) or csv."),
) -> None:
    """把报告解析为统一数据模型,附检查发现。 / Parse reports into the canonical model, with the findings of the checks.

    JSON: one file prints one report object (schema.md); two or more files print an array of such objects in
    the order given, unreadable files left out. The shape follows how many files are named, not how many
    could be read. 一个文件输出一个对象,多个文件输出对象数组。

    Exit status: 0 when every file parsed, 1 when any could not be read as a report.

    示例 / Examples:

    * `ogi parse samples/txt_rows.txt`
    * `ogi parse samples/*.txt --format text`
    * `cat report.html | ogi parse -`"""
    raise typer.Exit(parse_files(files, format.value, out))
