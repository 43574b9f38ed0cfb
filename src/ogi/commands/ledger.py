"""``ogi ledger …``: the application ledger — tables 三 and 四 from it, the applications
behind a cell, deadline findings, and a report with its tables filled from the ledger."""

from __future__ import annotations

import json
from datetime import date
from enum import Enum
from pathlib import Path

import typer

from ..cli import app, fail, out, print_error, print_problems

_HELP = """依申请公开台账:由台账得出表三、表四,单元格背后的申请,答复期限。 / The application ledger: tables 三/四 from the ledger, the rows behind a
cell, deadlines.

示例 / Examples:

* `ogi ledger tables ledger.xlsx --year 2024`
* `ogi ledger check ledger.xlsx`"""
ledger_app = typer.Typer(help=_HELP,
                         no_args_is_help=True)
app.add_typer(ledger_app, name="ledger")


class Format(str, Enum):
    text = "text"  # for a person at a terminal (``table`` is accepted too: ogi.cli.ALIASES)
    json = "json"


def _load(path: Path):
    from ..ledger import LedgerError, read_ledger

    try:
        return read_ledger(path)
    except FileNotFoundError:
        print_error(f"{path}: no such file")
    except (IsADirectoryError, PermissionError) as exc:
        print_error(f"{path}: {exc.strerror}")
    except LedgerError as exc:
        _problems(path, exc)
    raise typer.Exit(1)


def _problems(path, exc) -> None:
    print_problems(f"{path}: 台账有 {len(exc.problems)} 处问题 / the ledger has {len(exc.problems)} problems:", exc.problems)


def _count(ledger, year: int, path: Path):
    from ..ledger import LedgerError, count

    try:
        return count(ledger, year)
    except LedgerError as exc:
        _problems(path, exc)
        raise typer.Exit(1)


@ledger_app.command("tables")
def tables_cmd(
    ledger: Path = typer.Argument(..., help="The ledger (.xlsx from 'ogi form --ledger', or .csv)."),
    year: int = typer.Option(..., "--year", "-y", help="The report year."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (tables on the terminal) or json (table3, table4 as schema.md)."),
) -> None:
    """由台账计算某年度的表三、表四。 / Tables 三 and 四 of YEAR computed from the ledger (identities hold by construction).

    示例 / Example:

    * `ogi ledger tables ledger.xlsx --year 2024`"""
    from ..ledger import tables

    led = _load(ledger)
    _count(led, year, ledger)
    t3, t4 = tables(led, year)
    if format == Format.json:
        print(json.dumps({"year": year, "table3": t3, "table4": t4}, ensure_ascii=False, indent=1))
        return
    from ..ledger.compute import format_of
    from ..model import Meta, Report, empty_tables
    from ..terminal import print_report

    template = format_of(year)
    print_report(Report(meta=Meta(year=year, template=template), table2=empty_tables(template)["table2"],
                        table3=t3, table4=t4), out)


@ledger_app.command("explain")
def explain_cmd(
    ledger: Path = typer.Argument(..., help="The ledger."),
    cell: str = typer.Argument(..., help="A cell of table 三 or 四, e.g. table3.granted.natural_person."),
    year: int = typer.Option(..., "--year", "-y", help="The report year."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (on the terminal) or json."),
) -> None:
    """某个单元格计入的申请,及其在台账中的行。 / The applications a cell counts, with their rows in the ledger.

    示例 / Example:

    * `ogi ledger explain ledger.xlsx table3.granted.natural_person --year 2024`"""
    from ..ledger.columns import applicant_types, outcomes, results

    led = _load(ledger)
    cells = _count(led, year, ledger)
    try:
        rows = cells.explain(cell)
    except (KeyError, ValueError):
        raise fail(f"{cell}: 表三、表四中没有这个单元格 / no such cell of table3 or table4 "
                   f"(e.g. table3.granted.natural_person)", 1)
    types = {v: k for k, v in applicant_types().items()}
    kinds = {v: k for k, v in outcomes().items()}
    result = {v: k for k, v in results().items()}
    listed = [{"row": a.row, "id": a.id, "received": a.received.isoformat(), "applicant_type": types[a.applicant_type],
               "replied": a.replied.isoformat() if a.replied else None,
               "outcome": kinds.get(a.outcome) if a.outcome else None,
               "review": result.get(a.review_result) if a.review_filed else None,
               "litigation": result.get(a.litigation_result) if a.litigation_filed else None,
               "summary": a.summary} for a in rows]
    if format == Format.json:
        print(json.dumps({"cell": cell, "year": year, "count": len(rows), "applications": listed},
                         ensure_ascii=False, indent=1))
        return
    out.print(f"{cell}({year}年)= {len(rows)} 件")
    for item in listed:
        out.print(f"  第 {item['row']} 行 {item['id'] or ''} 收到 {item['received']} {item['applicant_type']} "
                  f"答复 {item['replied'] or '未答复'} {item['outcome'] or ''} {item['summary']}".rstrip(),
                  markup=False, soft_wrap=True)


@ledger_app.command("check")
def check_cmd(
    ledger: Path = typer.Argument(..., help="The ledger."),
    as_of: str = typer.Option(None, "--as-of", help="Judge open applications as of this date (default: today)."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (on the terminal) or json."),
) -> None:
    """按国家法定工作日检查答复期限。 / Reply deadlines (条例 Art. 30, 33) in working days of the national calendar: overdue
    replies, open applications past or near their deadline, late correction notices. Exit status 1 when an
    application is overdue.

    示例 / Example:

    * `ogi ledger check ledger.xlsx --as-of 2024-12-31`"""
    from ..ledger.deadlines import findings

    led = _load(ledger)
    try:
        day = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise fail(f"--as-of {as_of}: 不是日期 / not a date (YYYY-MM-DD)", 2)
    found = findings(led, day)
    if format == Format.json:
        print(json.dumps([f.as_json() for f in found], ensure_ascii=False, indent=1))
    else:
        for f in found:
            out.print(f"{f.severity.value:7} {f.code:16} {f.message}", markup=False, soft_wrap=True)
        out.print(f"{len(led)} 件申请,{len(found)} 条提示", markup=False, soft_wrap=True)
    raise typer.Exit(1 if any(f.code == "REPLY_OVERDUE" for f in found) else 0)


@ledger_app.command("report")
def report_cmd(
    ledger: Path = typer.Argument(..., help="The ledger."),
    data: Path = typer.Option(..., "--data", "-d", help="The rest of the report: JSON of 'ogi parse' or an 'ogi form' "
                                                          "workbook (meta, table 二, the text)."),
    output: Path = typer.Option(..., "--output", "-o", help="The report's JSON, ready for 'ogi render'."),
) -> None:
    """DATA 的报告,表三、表四由台账按其年度计算。 / The report of DATA with tables 三 and 四 computed from the ledger for its year.

    示例 / Example:

    * `ogi ledger report ledger.xlsx --data form.xlsx -o report.json`"""
    from ..ledger import LedgerError, apply
    from ..render import InvalidReport
    from ..api import load

    led = _load(ledger)
    try:
        report = load(data)
    except FileNotFoundError:
        raise fail(f"{data}: no such file", 1)
    except InvalidReport as exc:
        print_problems(f"{data}: 数据有误 / bad data:", exc.problems)
        raise typer.Exit(1)
    try:
        apply(report, led)
    except LedgerError as exc:
        _problems(ledger, exc)
        raise typer.Exit(1)
    report.findings = []
    output.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    out.print(str(output))
