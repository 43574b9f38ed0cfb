"""``ogi check``: every rule over reports, and across them when there are several."""

from __future__ import annotations

import json
from enum import Enum

import typer

from ..checks import check_across
from ..cli import app, out, read_reports
from ..model import Finding, Report
from ..template import Severity


class CheckFormat(str, Enum):
    text = "text"  # for a person at a terminal (``table`` is accepted too: ogi.cli.ALIASES)
    json = "json"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


@app.command("check")
def check_cmd(
    files: list[str] = typer.Argument(..., help="Report files (txt, html, pdf, …); '-' reads standard input."),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f",
                                       help="text (on the terminal, grouped by severity) or json (schema.md, with the findings; one file an object, several an array)."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on any finding at all, not only on errors."),
    lang: Lang = typer.Option(Lang.zh, "--lang", help="Language of the messages: zh or en."),
) -> None:
    """逐条检查报告:表格勾稽关系、合理性、正文与表格、日期;多份报告还查跨年度规则和照搬文字。 / Check reports: the table identities, plausibility, text
    against tables, dates and, given several files, the rules across years and copied text.

    Exit status: 0 when no report has an error (with --strict: no finding at all), 1 when one has, or when a
    file could not be read as a report.

    示例 / Examples:

    * `ogi check samples/txt_rows.txt`
    * `ogi check 2022.pdf 2023.pdf --lang en --format json`"""
    reports, failed = read_reports(files)
    findings = findings_of(reports)
    english = lang == Lang.en
    if format == CheckFormat.json:
        data = [_as_json(r, found, english) for r, found in zip(reports, findings)]
        if reports:
            print(json.dumps(data[0] if len(files) == 1 else data, ensure_ascii=False, indent=1))
    else:
        from ..terminal import print_check, print_summary
        for r, found in zip(reports, findings):
            print_check(r, found, out, english)
        print_summary([f for found in findings for f in found], len(reports), len(failed), out, english)
    every = [f for found in findings for f in found]
    failing = every if strict else [f for f in every if f.severity == Severity.ERROR]
    raise typer.Exit(1 if failed or failing else 0)


def findings_of(reports: list[Report]) -> list[list[Finding]]:
    """Each report's findings (from parsing and its own checks), and, with several
    reports, those across them."""
    findings = [list(r.findings) for r in reports]
    if len(reports) > 1:
        for index, finding in check_across(reports):
            findings[index].append(finding)
    return findings


def _as_json(report: Report, findings: list[Finding], english: bool) -> dict:
    data = report.as_json()
    data["findings"] = [f.as_json() | ({"message": f.message_en} if english and f.message_en else {})
                        for f in findings]
    return data
