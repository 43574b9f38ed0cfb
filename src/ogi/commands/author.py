"""``ogi author …``: an agency writes its report in ogi — save a draft, check it, publish
it (locked; a correction is a new version with its changes listed), list the versions,
and take any version out for rendering."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer

from ..cli import app, out, print_problems
from ._db import db_option, fail, opened

_HELP = """在 ogi 中编写报告:草稿 → 已校验 → 已发布,保留每个版本。 / Write a report in ogi: draft → checked → published, every version kept.

示例 / Examples:

* `ogi author save report.json`
* `ogi author check 某局 2024`
* `ogi author publish 某局 2024`"""
author_app = typer.Typer(help=_HELP,
                         no_args_is_help=True)
app.add_typer(author_app, name="author")


def _workflow_error(exc) -> typer.Exit:
    return fail(str(exc), 1)


@author_app.command("save")
def save_cmd(
    data: Path = typer.Argument(..., help="The report: JSON (as 'ogi parse' or 'ogi ledger report' write) or a form."),
    ledger: Path = typer.Option(None, "--ledger", help="Compute tables 三 and 四 from this ledger first."),
    db: str = db_option(),
) -> None:
    """把报告存为该机关该年度的草稿。 / Save the report as the draft of its agency and year.

    示例 / Examples:

    * `ogi author save report.json`
    * `ogi author save form.xlsx --ledger ledger.xlsx`"""
    from ..ledger import LedgerError, apply, read_ledger
    from ..ledger.workflow import STATE_LABELS, WorkflowError, save
    from ..render import InvalidReport
    from ..api import load

    try:
        report = load(data)
        if ledger:
            apply(report, read_ledger(ledger))
    except FileNotFoundError as exc:
        raise fail(f"{exc.filename}: no such file", 1)
    except (InvalidReport, LedgerError) as exc:
        print_problems("数据有误 / bad data:", exc.problems)
        raise typer.Exit(1)
    with opened(db) as store:
        try:
            v = save(store, report)
        except WorkflowError as exc:
            raise _workflow_error(exc)
    out.print(f"{v.agency} {v.year} 年度 第 {v.version} 版:{STATE_LABELS[v.state]}", markup=False, soft_wrap=True)


@author_app.command("check")
def check_cmd(agency: str = typer.Argument(...), year: int = typer.Argument(...), db: str = db_option()) -> None:
    """检查草稿:每条规则,以及第一、五、六部分的文字;没有错误即为“已校验”。 / Check the draft: every rule, and the text of 一, 五, 六. Without an
    error it is 'checked'. Exit status 1 when it has errors.

    示例 / Example:

    * `ogi author check 某局 2024`"""
    from ..ledger.workflow import STATE_LABELS, WorkflowError, check

    with opened(db) as store:
        try:
            v, found = check(store, agency, year)
        except WorkflowError as exc:
            raise _workflow_error(exc)
    for f in found:
        out.print(f"{f.severity.value:7} {f.code:20} {f.where or ''} {f.message}", markup=False, soft_wrap=True)
    out.print(f"{v.agency} {v.year} 年度 第 {v.version} 版:{STATE_LABELS[v.state]}", markup=False, soft_wrap=True)
    raise typer.Exit(0 if v.state == "checked" else 1)


@author_app.command("publish")
def publish_cmd(
    agency: str = typer.Argument(...), year: int = typer.Argument(...),
    on: str = typer.Option(None, "--date", help="The publication date (default: today), YYYY-MM-DD."),
    db: str = db_option(),
) -> None:
    """发布已校验的草稿;发布后锁定。 / Publish the checked draft; it is locked from then on. Warns when past the deadline of 条例
    Art. 49/50.

    示例 / Example:

    * `ogi author publish 某局 2024 --date 2025-01-20`"""
    from ..ledger.workflow import WorkflowError, publish

    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        raise fail(f"--date {on}: 不是日期 / not a date (YYYY-MM-DD)")
    with opened(db) as store:
        try:
            v, late = publish(store, agency, year, day)
        except WorkflowError as exc:
            raise _workflow_error(exc)
    for f in late:
        out.print(f"{f.severity.value:7} {f.code:20} {f.message}", markup=False, soft_wrap=True)
    out.print(f"{v.agency} {v.year} 年度 第 {v.version} 版:已发布 {v.report.meta.published_date}"
              + (f",更正 {len(v.changes)} 处" if v.changes else ""), markup=False, soft_wrap=True)


@author_app.command("history")
def history_cmd(agency: str = typer.Argument(...), year: int = typer.Argument(...), db: str = db_option()) -> None:
    """每个版本及其状态,以及每次更正改了什么。 / Every version with its state, and what each published correction changed.

    示例 / Example:

    * `ogi author history 某局 2024`"""
    from ..ledger.workflow import STATE_LABELS, versions

    with opened(db, read_only=True) as store:
        found = versions(store, agency, year)
    if not found:
        raise fail(f"{agency} {year} 年度没有报告", 1)
    for v in found:
        out.print(f"第 {v.version} 版 {STATE_LABELS[v.state]} {v.report.meta.published_date or ''}".rstrip(), markup=False, soft_wrap=True)
        for c in v.changes:
            out.print(f"  {c['where']}: {c['old']} → {c['new']}", markup=False, soft_wrap=True)


@author_app.command("show")
def show_cmd(
    agency: str = typer.Argument(...), year: int = typer.Argument(...),
    version: int = typer.Option(None, "--version", help="Default: the latest."),
    output: Path = typer.Option(..., "--output", "-o", help="The report's JSON (for 'ogi render')."),
    db: str = db_option(),
) -> None:
    """把某个版本的报告写成 JSON。 / Write a version of the report as JSON.

    示例 / Example:

    * `ogi author show 某局 2024 -o report.json`"""
    from ..ledger.workflow import versions

    with opened(db, read_only=True) as store:
        found = [v for v in versions(store, agency, year) if version is None or v.version == version]
    if not found:
        raise fail(f"{agency} {year} 年度没有{'第 %d 版' % version if version else '报告'}", 1)
    output.write_text(json.dumps(found[-1].report.as_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    out.print(str(output))
