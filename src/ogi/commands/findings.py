"""``ogi findings`` lists stored findings; ``ogi review`` records a verdict on one."""

from __future__ import annotations

from enum import Enum

import typer

from ..cli import app, out
from ..store.agencies import resolve
from ..store.queries import FINDING_COLUMNS, findings, review
from ._db import RowFormat, db_option, format_option, opened, print_rows

_HEADERS = ("编号", "机关", "年度", "代码", "级别", "位置", "说明", "状态", "备注", "来源", "文件")
_IN_TERMINAL = 9  # the terminal leaves out the origin and the file: csv and json have them


class Status(str, Enum):
    open = "open"
    confirmed = "confirmed"
    dismissed = "dismissed"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command("findings")
def findings_cmd(
    code: str = typer.Option(None, "--code", help="Only this finding code (e.g. CROSS_YEAR_CARRY)."),
    severity: Severity = typer.Option(None, "--severity", help="error, warning or info."),
    status: Status = typer.Option(None, "--status", help="open, confirmed or dismissed."),
    agency: str = typer.Option(None, "--agency", help="Only this agency's reports (id or name)."),
    year: int = typer.Option(None, "--year", help="Only reports of this year."),
    db: str = db_option(),
    format=format_option(),
) -> None:
    """The findings stored with the reports (their own checks, cross-year rules, roll-ups)."""
    with opened(db, read_only=True) as store:
        agency_id = resolve(store, agency) if agency else None
        rows = findings(store, code, severity.value if severity else None, status.value if status else None,
                        agency_id, year)
    if format == RowFormat.table:
        rows = [row[:_IN_TERMINAL] for row in rows]
    print_rows(FINDING_COLUMNS, rows, format, title=f"问题 / findings ({len(rows)})", headers=_HEADERS[:_IN_TERMINAL])


@app.command("review")
def review_cmd(
    finding: int = typer.Argument(..., help="The finding's id (see ogi findings)."),
    status: Status = typer.Argument(..., help="open, confirmed or dismissed."),
    comment: str = typer.Option(None, "--comment", "-m", help="Why."),
    db: str = db_option(),
) -> None:
    """Confirm or dismiss a finding; the verdict stays when the report is parsed again."""
    with opened(db) as store:
        review(store, finding, status.value, comment)
    out.print(f"已记录 / finding {finding}: {status.value}")
