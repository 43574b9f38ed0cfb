"""``ogi sql``: a read-only SQL query on the database."""

from __future__ import annotations

import typer

from ..cli import app
from ._db import db_option, format_option, opened, print_rows


@app.command("sql")
def sql_cmd(
    query: str = typer.Argument(..., help="One SQL statement (tables: reports, cells, findings, reviews, "
                                          "failures, agencies, agency_aliases; view primary_reports)."),
    db: str = db_option(),
    format=format_option(),
) -> None:
    """Run one SQL query on the database, read-only.

    DuckDB opens the file read-only (and without file access); PostgreSQL runs it in a
    read-only transaction that is rolled back."""
    with opened(db, read_only=True) as store:
        columns, rows = store.run_statement(query)
    print_rows(columns, rows, format)
