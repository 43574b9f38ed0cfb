"""The ``ogi`` command line. Thin: every command calls the same functions a Python user would."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import typer
from rich.console import Console

from . import __version__
from .api import NotAReport, UnreadableFile, parse, printable, read_stream
from .errors import OgiError
from .model import Report

app = typer.Typer(help="ogi-reports: 政府信息公开工作年度报告 → exact, checked, comparable data.", rich_markup_mode="markdown",
                  no_args_is_help=True, add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


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
                reports.append(parse(read_stream(sys.stdin.buffer), name="-"))
            else:
                reports.append(parse(Path(name)))
        except (UnreadableFile, NotAReport, OgiError) as exc:
            failed.append((name, str(exc)))
        except FileNotFoundError:
            failed.append((name, "no such file"))
        except IsADirectoryError:
            failed.append((name, "is a directory"))
        except PermissionError:
            failed.append((name, "permission denied"))
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the batch nor print a traceback
            failed.append((name, f"internal error ({type(exc).__name__}: {' '.join(str(exc).split())[:200]}); "
                                 "please report it with the file"))
    for name, reason in failed:
        print(f"ogi: {printable(name, one_line=True)}: {reason}", file=sys.stderr)  # one plain line per file, never wrapped
    return reports, failed


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


def _register_commands() -> None:
    """Every module of ``ogi.commands`` adds its commands to ``app`` when imported."""
    import importlib
    import pkgutil

    from . import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}")


_register_commands()

if __name__ == "__main__":
    app()
