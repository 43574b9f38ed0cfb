"""What the database commands share: the ``--db`` option, opening the store with a clear
message instead of a traceback, and printing rows as text (a terminal table), CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from ..cli import fail as cli_fail
from ..cli import out
from ..store import DEFAULT_DB, Database, StoreError, open_store

DB_HELP = f"Database: a DuckDB file (default {DEFAULT_DB}, or $OGI_DB) or a postgresql:// URL."


def db_option() -> Any:
    return typer.Option(DEFAULT_DB, "--db", envvar="OGI_DB", help=DB_HELP)


class RowFormat(str, Enum):
    text = "text"  # a table for a person at a terminal (``table`` is its old, hidden spelling: ogi.cli.ALIASES)
    csv = "csv"
    json = "json"
    table = "text"  # the member's old name, an alias of ``text`` (not a choice of its own)


def format_option() -> Any:
    return typer.Option(RowFormat.text, "--format", "-f", help="text (a table on the terminal), csv or json.")


def fail(message: str, code: int = 2) -> typer.Exit:
    """:func:`ogi.cli.fail`, with the exit status 2 of a bad argument by default."""
    return cli_fail(message, code)


@contextmanager
def opened(url: str, read_only: bool = False) -> Iterator[Database]:
    """The store, opened (and migrated); a store error ends the command with its message."""
    try:
        db = open_store(url, read_only=read_only)
    except StoreError as exc:
        raise fail(str(exc)) from None
    try:
        yield db
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        db.close()


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def print_rows(columns: Sequence[str], rows: Sequence[Sequence], fmt: RowFormat, title: str | None = None,
               headers: Sequence[str] | None = None) -> None:
    """Rows as text, a terminal table (with ``headers`` if given), CSV or JSON (keyed by ``columns``)."""
    if fmt == RowFormat.json:
        print(json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=1, default=str))
    elif fmt == RowFormat.csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    else:
        table = Table(title=title, show_lines=False)
        for head in headers or columns:
            table.add_column(str(head), overflow="fold")
        for row in rows:
            table.add_row(*(Text(_shown(v)) for v in row))  # values are text, never markup
        out.print(table)
