"""``ogi compare A B``: two agencies, or two years, cell by cell."""

from __future__ import annotations

import re

import typer

from ..cli import app
from ..store.agencies import resolve
from ..store.queries import compare_agencies, compare_years
from ._db import db_option, format_option, opened, print_rows

_YEAR = re.compile(r"^(19|20)\d{2}$")


@app.command("compare")
def compare_cmd(
    a: str = typer.Argument(..., help="An agency (id or name) or a year."),
    b: str = typer.Argument(..., help="Another agency, or another year."),
    year: int = typer.Option(None, "--year", help="Two agencies: the year (default: the latest both have)."),
    agency: str = typer.Option(None, "--agency", help="Two years: one agency's reports (default: all reports)."),
    everything: bool = typer.Option(False, "--all", help="Show equal cells too."),
    db: str = db_option(),
    format=format_option(),
) -> None:
    """逐格比较两个机关,或两个年度。 / Compare two agencies, or two years, cell by cell.

    Two agencies: their reports of one year. Two years: every cell summed over the reports of each year (all
    reports, or one agency's with --agency). Shows the cells that differ, unless --all.

    示例 / Examples:

    * `ogi compare 2022 2023`
    * `ogi compare 北碚区人民政府 渝北区人民政府 --year 2023`"""
    with opened(db, read_only=True) as store:
        if _YEAR.match(a) and _YEAR.match(b):
            agency_id = resolve(store, agency) if agency else None
            result = compare_years(store, int(a), int(b), agency_id, everything)
        else:
            result = compare_agencies(store, resolve(store, a), resolve(store, b), year, everything)
    print_rows(["cell", result.left, result.right, "difference"], result.rows, format,
               title=f"{result.left} ↔ {result.right}", headers=["单元格", result.left, result.right, "差"])
