"""What ``ogi parse`` does, without the command-line framework: read every file, print the
reports as JSON, CSV or terminal tables, and give the exit status.

Two callers run the same function, so their output is the same byte for byte: the Typer
command ``ogi.commands.parse`` (every argument form, ``--help``, error messages) and the
start-up fast path in :mod:`ogi.entry`, which runs ``ogi parse FILE… [--format json|csv]``
without importing Typer, click or rich (they cost more than the parse of a report). Nothing
here imports them; the table format takes the rich console as an argument.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Report

FORMATS = ("json", "text", "csv")  # the values of ``ogi parse --format``
_RED, _PLAIN = "\x1b[31m", "\x1b[0m"  # ANSI SGR: red foreground, reset


def parse_files(files: list[str], fmt: str, console=None) -> int:
    """Parse ``files`` and print them in ``fmt`` (one of :data:`FORMATS`; ``text`` draws on
    ``console``). Returns the exit status: 0 when every file parsed, 1 when any could not be
    read as a report (each named on standard error in one line)."""
    _replace_unencodable(sys.stdout)
    reports, failed = read_reports(files)
    if fmt == "json":
        data = [r.as_json() for r in reports]
        if reports:
            print(json.dumps(data[0] if len(files) == 1 else data, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        write_csv(reports, sys.stdout)
    else:
        from .terminal import print_report

        for r in reports:
            print_report(r, console)
    return 1 if failed else 0


def read_reports(files: list[str]) -> tuple[list[Report], list[tuple[str, str]]]:
    """Parse every file; returns the reports and (file, reason) for those that failed.
    ``-`` reads standard input. A failure never stops the batch."""
    from .api import NotAReport, UnreadableFile, parse, printable, read_stream
    from .errors import OgiError

    reports, failed = [], []
    for name in files:
        try:
            if name == "-":
                reports.append(parse(read_stream(sys.stdin.buffer), name="-"))
            else:
                reports.append(parse(path_text(name)))
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
        print_error(f"{printable(name, one_line=True)}: {reason}")  # one line per file, never wrapped
    return reports, failed


def print_error(message: str) -> None:
    """The one way a command prints an error: ``ogi: MESSAGE`` on standard error, one line
    never wrapped nor read as markup, red in a terminal (an ANSI colour, so that the parse
    fast path loads no rich) and plain when redirected."""
    line = f"ogi: {message}"
    if sys.stderr.isatty():
        line = f"{_RED}{line}{_PLAIN}"
    print(line, file=sys.stderr)


def path_text(name: str) -> str:
    """A file name as ``str(pathlib.Path(name))`` writes it (the report's ``source.path``):
    repeated and trailing slashes and ``.`` components dropped, ``..`` kept, exactly two
    leading slashes kept. Spelled out on POSIX because importing pathlib (and urllib with
    it) costs more start-up than the parse of a small report; elsewhere pathlib does it."""
    if os.name != "posix":
        from pathlib import Path

        return str(Path(name))
    stripped = name.lstrip("/")
    leading = len(name) - len(stripped)
    root = "" if leading == 0 else "//" if leading == 2 else "/"
    parts = [p for p in stripped.split("/") if p and p != "."]
    return root + "/".join(parts) if root or parts else "."


def write_csv(reports: list[Report], stream) -> None:
    import csv

    w = csv.writer(stream)
    w.writerow(["file", "agency", "year", "template", "table", "row", "column", "value", "text", "line", "page"])
    for r in reports:
        for table in ("table2", "table3", "table4"):
            for row, cols in getattr(r, table).items():
                for col, value in cols.items():
                    p = r.provenance.get(f"{table}.{row}.{col}", {})
                    w.writerow([r.source.path, r.meta.agency, r.meta.year, r.meta.template, table, row, col,
                                "" if value is None else value, p.get("text", ""), p.get("line", ""), p.get("page", "")])


def _replace_unencodable(stream) -> None:
    """Text from a damaged file can hold what UTF-8 cannot encode (a lone surrogate from a
    broken font map): written as U+FFFD-like replacements, the output stays valid UTF-8
    instead of stopping half-way with an exception."""
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")


__all__ = ["FORMATS", "parse_files", "read_reports", "print_error", "write_csv", "path_text"]
