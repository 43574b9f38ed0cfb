"""``ogi findings`` lists stored findings; ``ogi review`` records a verdict on one.

A listing can be millions of rows at 100,000 reports, so it is read from the database a
chunk at a time and printed as it is read, in every format: the terminal table in chunks
of fixed column widths (so they line up), CSV row by row, JSON as one array written
element by element. Memory stays that of one chunk.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import Enum

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from ..cli import app, out
from ..store.agencies import resolve
from ..store.queries import FINDING_COLUMNS, findings_query, review
from ._db import RowFormat, _shown, db_option, format_option, opened

_HEADERS = ("编号", "机关", "年度", "代码", "级别", "位置", "说明", "状态", "备注", "来源", "文件")
_IN_TERMINAL = 9  # the terminal leaves out the origin and the file: csv and json have them
CHUNK_ROWS = 500  # rows read from the database, and printed, at a time
# terminal column widths: shares of the terminal's width (the same for every chunk, so they line up)
_SHARES = {"编号": 6, "机关": 13, "年度": 7, "代码": 16, "级别": 8, "位置": 13, "说明": 22, "状态": 7, "备注": 8}
_MIN_WIDTH = 4
_CELL_PADDING = 2  # characters rich puts around each cell


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
    """入库报告的检查发现(本报告的检查、跨年度规则、上下级汇总)。 / The findings stored with the reports (their own checks, cross-year rules,
    roll-ups).

    示例 / Examples:

    * `ogi findings --severity error --year 2023`
    * `ogi findings --code CROSS_YEAR_CARRY --format csv`"""
    with opened(db, read_only=True) as store:
        agency_id = resolve(store, agency) if agency else None
        sql, params = findings_query(code, severity.value if severity else None, status.value if status else None,
                                     agency_id, year)
        chunks = store.stream(sql, params, CHUNK_ROWS)
        if format == RowFormat.json:
            _json(chunks)
        elif format == RowFormat.csv:
            _csv(chunks)
        else:
            _table(chunks)


def _csv(chunks: Iterable[list[tuple]]) -> None:
    w = csv.writer(sys.stdout)
    w.writerow(FINDING_COLUMNS)
    for rows in chunks:
        w.writerows(rows)


def _json(chunks: Iterable[list[tuple]]) -> None:
    first = True
    sys.stdout.write("[")
    for rows in chunks:
        for row in rows:
            sys.stdout.write(("\n" if first else ",\n") + json.dumps(dict(zip(FINDING_COLUMNS, row)),
                                                                   ensure_ascii=False, default=str))
            first = False
    sys.stdout.write("\n]\n" if not first else "]\n")


def _widths(total: int) -> list[int]:
    room = max(0, total - _CELL_PADDING * _IN_TERMINAL)
    return [max(_MIN_WIDTH, room * _SHARES[head] // sum(_SHARES.values())) for head in _HEADERS[:_IN_TERMINAL]]


def _chunk_table(rows: Sequence[tuple], header: bool, widths: list[int]) -> Table:
    table = Table(show_header=header, box=box.SIMPLE_HEAD if header else None, show_edge=False, pad_edge=False)
    for head, width in zip(_HEADERS[:_IN_TERMINAL], widths):
        table.add_column(head, width=width, min_width=width, max_width=width, overflow="fold")
    for row in rows:
        table.add_row(*(Text(_shown(v)) for v in row[:_IN_TERMINAL]))
    return table


def _table(chunks: Iterable[list[tuple]]) -> None:
    widths = _widths(out.width)
    count = 0
    out.print("问题 / findings", style="bold")
    for rows in chunks:
        out.print(_chunk_table(rows, count == 0, widths))
        count += len(rows)
    if count == 0:
        out.print(_chunk_table([], True, widths))
    out.print(f"共 {count} 条 / {count} findings", markup=False)


@app.command("review")
def review_cmd(
    finding: int = typer.Argument(..., help="The finding's id (see ogi findings)."),
    status: Status = typer.Argument(..., help="open, confirmed or dismissed."),
    comment: str = typer.Option(None, "--comment", "-m", help="Why."),
    reviewer: str = typer.Option(None, "--reviewer",
                                 help="Who gives the verdict (kept with it and in the review history); "
                                      "default: the operating-system user."),
    db: str = db_option(),
) -> None:
    """确认或驳回一条发现;重新解析后结论仍保留。 / Confirm or dismiss a finding; the verdict stays when the report is parsed again.

    示例 / Example:

    * `ogi review 12 confirmed -m 已与原件核对`"""
    with opened(db) as store:
        review(store, finding, status.value, comment, reviewer)
    out.print(f"已记录 / finding {finding}: {status.value}")
