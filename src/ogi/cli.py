"""The ``ogi`` command line. Thin: every command calls the same functions a Python user would."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from . import __version__
from .api import NotAReport, UnreadableFile, parse
from .model import Report

app = typer.Typer(help="ogi-reports: 政府信息公开工作年度报告 → exact, checked, comparable data.",
                  no_args_is_help=True, add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class ParseFormat(str, Enum):
    json = "json"
    table = "table"
    csv = "csv"


def _version(value: bool) -> None:
    if value:
        print(f"ogi {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """ogi-reports command line."""


def read_reports(files: list[str]) -> tuple[list[Report], list[tuple[str, str]]]:
    """Parse every file; returns the reports and (file, reason) for those that failed.
    ``-`` reads standard input. A failure never stops the batch."""
    reports, failed = [], []
    for name in files:
        try:
            if name == "-":
                reports.append(parse(sys.stdin.buffer.read(), name="-"))
            else:
                reports.append(parse(Path(name)))
        except (UnreadableFile, NotAReport) as exc:
            failed.append((name, str(exc)))
        except FileNotFoundError:
            failed.append((name, "no such file"))
        except IsADirectoryError:
            failed.append((name, "is a directory"))
        except PermissionError:
            failed.append((name, "permission denied"))
    for name, reason in failed:
        err.print(f"[red]ogi: {name}: {reason}[/red]")
    return reports, failed


@app.command("parse")
def parse_cmd(
    files: list[str] = typer.Argument(..., help="Report files (txt, html, …); '-' reads standard input."),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="json (schema.md), table, or csv."),
) -> None:
    """Parse reports into the canonical model, with the findings of the checks.

    Exit status: 0 when every file parsed, 1 when any could not be read as a report."""
    reports, failed = read_reports(files)
    if format == ParseFormat.json:
        data = [r.as_json() for r in reports]
        if reports:
            print(json.dumps(data[0] if len(files) == 1 else data, ensure_ascii=False, indent=1))
    elif format == ParseFormat.csv:
        write_csv(reports, sys.stdout)
    else:
        from .terminal import print_report
        for r in reports:
            print_report(r, out)
    raise typer.Exit(1 if failed else 0)


def write_csv(reports: list[Report], stream) -> None:
    w = csv.writer(stream)
    w.writerow(["file", "agency", "year", "template", "table", "row", "column", "value", "text", "line", "page"])
    for r in reports:
        for table in ("table2", "table3", "table4"):
            for row, cols in getattr(r, table).items():
                for col, value in cols.items():
                    p = r.provenance.get(f"{table}.{row}.{col}", {})
                    w.writerow([r.source.path, r.meta.agency, r.meta.year, r.meta.template, table, row, col,
                                "" if value is None else value, p.get("text", ""), p.get("line", ""), p.get("page", "")])


if __name__ == "__main__":
    app()
