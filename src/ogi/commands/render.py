"""``ogi render``: canonical JSON or a filled-in form → the report in the official layout."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..cli import aliased, app, fail, out, print_problems


class RenderFormat(str, Enum):
    html = "html"
    docx = "docx"
    pdf = "pdf"
    md = "md"


@app.command(name="render", context_settings=aliased(to="format", t="f"))  # --to/-t: the old spelling
def render_cmd(
    data: Path = typer.Argument(..., help="JSON of 'ogi parse --format json', or an xlsx form from 'ogi form'."),
    format: RenderFormat = typer.Option(RenderFormat.html, "--format", "-f", help="html, docx, pdf or md."),
    output: Path = typer.Option(None, "--output", "-o", help="Output file (default: DATA with the new suffix)."),
    force: bool = typer.Option(False, "--force", help="Render even when the checks find errors."),
) -> None:
    """按 2019 或 2021 年官方格式绘制报告,先做检查。 / Draw a report in the official 2019 or 2021 format, checked first.

    Six sections, three tables with merged header cells and group rows. Errors found by the checks stop
    the rendering unless --force, which marks every page “草稿 · 未通过校验”. Exit status: 0 rendered, 1 bad
    input or errors.

    示例 / Example:

    * `ogi parse samples/txt_rows.txt > report.json && ogi render report.json --format html -o report.html --force`"""
    from ..render import InvalidReport, render
    from ..api import load
    from ..render.checked import check, errors

    try:
        report = load(data)
    except FileNotFoundError:
        raise fail(f"{data}: no such file", 1)
    except (IsADirectoryError, PermissionError) as exc:
        raise fail(f"{data}: {exc.strerror}", 1)
    except InvalidReport as exc:
        print_problems(f"{data}: 数据有误,无法绘制 / the data cannot be rendered:",
                       (f"{p.where}: {p.message} ({p.message_en})" for p in exc.problems))
        raise typer.Exit(1)
    bad = errors(check(report))
    found = [f"{f.code} {f.where or ''}: {f.message}" for f in bad]
    if bad and not force:
        print_problems(f"{len(bad)} 个错误,未绘制(--force 仍然绘制) / {len(bad)} errors; not rendered "
                       "(use --force to render anyway):", found)
        raise typer.Exit(1)
    target = output or data.with_suffix(f".{format.value}")
    if target.resolve() == data.resolve():
        raise fail(f"the output {target} would overwrite the input; give -o", 1)
    target.write_bytes(render(report, format.value, draft=bool(bad)))
    if bad:
        print_problems(f"{target} 标注为“草稿 · 未通过校验” / marked as a draft that failed the checks; the errors:",
                       found, warning=True)
    out.print(f"{target}")
