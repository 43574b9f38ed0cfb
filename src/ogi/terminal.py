"""Draw a report's three tables in the terminal, laid out as the official format prints
them (rich tables; group labels beside their sub-rows), and its findings."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Report
from .template import FORMATS, T4_GROUPS, T4_RESULTS
from .template.formats import APPLICANT_COLUMNS, T4_GROUP_LABELS

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
    print_findings(report, console)


def print_findings(report: Report, console: Console, english: bool = False) -> None:
    if not report.findings:
        console.print("[green]没有发现问题 / no findings[/green]")
        return
    for f in report.findings:
        loc = f" [dim]{f.where}[/dim]" if f.where else ""
        src = f" [dim](第{f.line}行)[/dim]" if f.line else (f" [dim](第{f.page}页)[/dim]" if f.page else "")
        msg = f.message_en if english and f.message_en else f.message
        console.print(f"[{_SEVERITY_STYLE[f.severity.value]}]{f.severity.value:7}[/] {f.code}{loc}{src}: {msg}")


def _table2(report: Report, fmt) -> Table:
    t = Table(title="二、主动公开政府信息情况", show_lines=True)
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
    t = Table(title="三、收到和处理政府信息公开申请情况", show_lines=False)
    t.add_column("", overflow="fold", max_width=10)
    t.add_column("", overflow="fold", min_width=12, max_width=30)
    for m in APPLICANT_COLUMNS:
        t.add_column(m.label, justify="right", overflow="fold", min_width=4)
    groups = {g.key: g.label for g in fmt.table3.groups}
    shown: set[str] = set()
    for key in fmt.table3.output_rows():
        row = next((r for r in fmt.table3.rows if r.key == key), None)
        label = row.label if row else "(六)其他处理 [dim](合计)[/dim]"
        group = ""
        if row and row.group and row.group not in shown:
            group = groups.get(row.group, "")
            shown.add(row.group)
        vals = [_cell(report.table3.get(key, {}).get(m.key)) for m in APPLICANT_COLUMNS]
        t.add_row(group, label, *vals)
    return t


def _table4(report: Report) -> Table:
    t = Table(title="四、政府信息公开行政复议、行政诉讼情况")
    t.add_column("")
    for m in T4_RESULTS:
        t.add_column(m.label, justify="right")
    for g in T4_GROUPS:
        t.add_row(T4_GROUP_LABELS[g], *[_cell(report.table4.get(g, {}).get(m.key)) for m in T4_RESULTS])
    return t

