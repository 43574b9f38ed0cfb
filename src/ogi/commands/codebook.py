"""``ogi codebook``: every cell key with its labels, formats, unit and identities."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from ..cli import app, out


class CodebookFormat(str, Enum):
    csv = "csv"
    json = "json"
    md = "md"


@app.command("codebook")
def codebook_cmd(
    format: CodebookFormat = typer.Option(CodebookFormat.md, "--format", "-f", help="csv, json or md (Markdown)."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
) -> None:
    """编码手册:每个单元格键及其中英文标签、格式、单位和勾稽关系。 / The codebook: every cell key with its Chinese and English labels,
    formats, unit and identities.

    The codebook: every cell key (table.row.column) with its Chinese label path, English label, the formats
    that print it (2019/2021), its unit and the identities it takes part in. Generated from the template;
    ``ogi export`` writes it beside every export.

    示例 / Examples:

    * `ogi codebook`
    * `ogi codebook --format csv -o codebook.csv`"""
    from ..codebook import render

    text = render(format.value)
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    out.print(f"已写入 / wrote {output}")
