"""``ogi form``: a blank fill-in form for agencies (xlsx)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..cli import aliased, app, fail, out


class FormKind(str, Enum):
    xlsx = "xlsx"


class Template(str, Enum):
    t2021 = "2021"
    t2019 = "2019"


@app.command(name="form", context_settings=aliased(to="format"))  # --to: the old spelling
def form_cmd(
    output: Path = typer.Option(..., "--output", "-o", help="The xlsx file to write."),
    format: FormKind = typer.Option(FormKind.xlsx, "--format", "-f", help="Only xlsx for now."),
    template: Template = typer.Option(Template.t2021, "--template", help="2021 (report years 2021→) or 2019."),
    ledger: bool = typer.Option(False, "--ledger", help="Write the application ledger template (依申请公开台账) instead."),
) -> None:
    """生成供机关填报的 Excel 表,或依申请公开台账模板。 / Write a spreadsheet for an agency to fill in, or the application ledger
    template.

    Write a spreadsheet to fill in: one sheet per table laid out like the official tables, totals as formulas,
    input cells validated, a sheet for the text. Read it back with 'ogi render FILE' or 'ogi parse FILE'. With
    --ledger: the ledger template, one row per application, read by 'ogi ledger …'.

    示例 / Examples:

    * `ogi form -o form.xlsx`
    * `ogi form --ledger -o ledger.xlsx`"""
    if output.is_dir():
        raise fail(f"{output} is a folder; give a file name", 2)
    if ledger:
        from ..ledger.template import write_ledger_template
        output.write_bytes(write_ledger_template())
    else:
        from ..form import write_form
        output.write_bytes(write_form(template.value))
    out.print(str(output))
