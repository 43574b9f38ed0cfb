"""Draw a report's three tables in the terminal, laid out as the official format prints
them (rich tables; group labels beside their sub-rows), and its findings."""

from __future__ import annotations

from rich.cells import chop_cells
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .model import Finding, Report
from .template import BY_CODE, FORMATS, T4_GROUPS, T4_RESULTS, Severity
from .template.formats import APPLICANT_COLUMNS, T4_GROUP_LABELS, TABLE4

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _cell(v) -> str:
    return "" if v is None else str(v)


def print_report(report: Report, console: Console) -> None:
    m = report.meta
    console.rule(f"[bold]{m.title or m.agency or report.source.path}")
    console.print(f"机关 {m.agency or '—'} · 年度 {m.year or '—'} · 格式 {m.template} · "
                  f"发布 {m.published_date or '—'} · 索引号 {m.index_number or '—'}")
    if m.template in FORMATS:
        fmt = FORMATS[m.template]
        console.print(_table2(report, fmt))
        console.print(_table3(report, fmt))
        console.print(_table4(report))
    print_findings(report.findings, console)


_SEVERITY_NAME = {"error": ("错误", "errors"), "warning": ("警告", "warnings"), "info": ("提示", "notes")}


def print_findings(findings: list[Finding], console: Console, english: bool = False) -> None:
    """Findings grouped by severity (errors first), then by code: a code with several
    findings gets one heading line (its count and what the rule says), each finding its
    cell or part, with its line or page in the source, and its message."""
    if not findings:
        console.print("[green]" + ("no findings" if english else "没有发现问题") + "[/green]")
        return
    for severity in Severity:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        style = _SEVERITY_STYLE[severity.value]
        console.print(f"[{style}]{_SEVERITY_NAME[severity.value][english]} ({len(group)})[/]")
        for code, same in _by_code(group).items():
            if len(same) > 1:
                rule = BY_CODE.get(code)
                what = (rule.en if english else rule.zh) if rule else ""
                console.print(f"  [{style}]{code}[/] ({len(same)})  {escape(what)}")
            for f in same:
                msg = f.message_en if english and f.message_en else f.message
                head = f"  [{style}]{f.code}[/]  " if len(same) == 1 else "    "
                console.print(f"{head}[dim]{escape(_location(f, english))}[/dim]")
                indent = 4 if len(same) == 1 else 6
                console.print(Padding(_message(msg, console.width - indent, english), (0, 0, 0, indent)))


def _by_code(findings: list[Finding]) -> dict[str, list[Finding]]:
    """Findings by code, codes in the order they first appear."""
    out: dict[str, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.code, []).append(f)
    return out


def summary_line(findings: list[Finding], english: bool = False) -> str:
    """One line for one report: how many findings, and how many of each code."""
    if not findings:
        return "no findings" if english else "没有发现问题"
    counts = " · ".join(f"{code} {len(same)}" for code, same in _by_code(
        sorted(findings, key=lambda f: list(Severity).index(f.severity))).items())
    return f"{len(findings)} findings: {counts}" if english else f"{len(findings)} 条发现:{counts}"


def _message(msg: str, width: int, english: bool) -> Text:
    """English wraps at spaces; Chinese at any character, as it is typeset (wrapping it
    at its few spaces, around numbers, would leave half-empty lines)."""
    if english or width < 10:
        return Text(msg)
    return Text("\n".join(chop_cells(msg, width)))


def _location(f: Finding, english: bool) -> str:
    where = [f.where] if f.where else []
    if f.line:
        where.append(f"line {f.line}" if english else f"第{f.line}行")
    elif f.page:
        where.append(f"page {f.page}" if english else f"第{f.page}页")
    return " · ".join(where)


def print_check(report: Report, findings: list[Finding], console: Console, english: bool = False) -> None:
    """One report's heading (agency, year, file) and its findings."""
    m = report.meta
    year = (f"{m.year}" if english else f"{m.year}年") if m.year else "—"
    console.rule(f"[bold]{escape(m.agency or m.title or '—')} · {year}[/bold] [dim]{escape(report.source.path or '')}[/dim]")
    if findings:
        console.print(escape(summary_line(findings, english)))
    print_findings(findings, console, english)


def print_summary(findings: list[Finding], checked: int, failed: int, console: Console, english: bool = False) -> None:
    """One closing line: reports checked, unreadable, and findings per severity."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    if english:
        parts = [f"{checked} reports checked"] + ([f"{failed} unreadable"] if failed else []) + \
                [f"{counts[s]} {_SEVERITY_NAME[s.value][1]}" for s in Severity]
    else:
        parts = [f"检查了 {checked} 份报告"] + ([f"{failed} 份无法读取"] if failed else []) + \
                [f"{_SEVERITY_NAME[s.value][0]} {counts[s]}" for s in Severity]
    console.rule(style="dim")
    console.print(", ".join(parts) if english else ",".join(parts))


def _table2(report: Report, fmt) -> Table:
    t = Table(title=fmt.table2.title, show_lines=True)
    t.add_column("信息内容")
    width = max(r.width for r in fmt.table2.rows)
    for i in range(width):
        t.add_column("", justify="right")
    caption = None
    for row in fmt.table2.rows:
        if row.caption != caption:
            caption = row.caption
            t.add_row(f"[bold]{caption}[/bold]", *[""] * width)
            t.add_row("[dim]信息内容[/dim]", *[f"[dim]{h}[/dim]" for h in row.column_labels],
                      *[""] * (width - len(row.column_labels)))
        vals = [_cell(report.table2.get(row.key, {}).get(c)) for _, c, _ in row.cells]
        t.add_row(row.label, *vals, *[""] * (width - len(vals)))
    return t


def _table3(report: Report, fmt) -> Table:
    t = Table(title=fmt.table3.title, show_lines=False)
    t.add_column("", overflow="fold", max_width=10)
    t.add_column("", overflow="fold", min_width=12, max_width=30)
    for m in APPLICANT_COLUMNS:
        t.add_column(m.label, justify="right", overflow="fold", min_width=4)
    groups = {g.key: g.label for g in fmt.table3.groups}
    shown: set[str] = set()
    for key in fmt.table3.output_rows():
        row = next((r for r in fmt.table3.rows if r.key == key), None)
        label = row.label if row else f"{groups.get(key, key)} [dim](合计)[/dim]"  # a derived row: its group's label
        group = ""
        if row and row.group and row.group not in shown:
            group = groups.get(row.group, "")
            shown.add(row.group)
        vals = [_cell(report.table3.get(key, {}).get(m.key)) for m in APPLICANT_COLUMNS]
        t.add_row(group, label, *vals)
    return t


def _table4(report: Report) -> Table:
    t = Table(title=TABLE4.title)
    t.add_column("")
    for m in T4_RESULTS:
        t.add_column(m.label, justify="right")
    for g in T4_GROUPS:
        t.add_row(T4_GROUP_LABELS[g], *[_cell(report.table4.get(g, {}).get(m.key)) for m in T4_RESULTS])
    return t


__all__ = ["print_report", "print_findings", "summary_line", "print_check", "print_summary"]
