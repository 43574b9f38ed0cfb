"""``ogi versions AGENCY YEAR``: the versions of an agency's report of a year and what changed."""

from __future__ import annotations

import typer

from ..cli import app, out
from ..store.agencies import resolve
from ..store.queries import versions
from ._db import RowFormat, db_option, format_option, opened, print_rows


@app.command("versions")
def versions_cmd(
    agency: str = typer.Argument(..., help="An agency (id or name)."),
    year: int = typer.Argument(..., help="The report year."),
    db: str = db_option(),
    format=format_option(),
) -> None:
    """某机关某年度报告的各个版本,以及每个变化的单元格。 / The versions of one agency's report of a year, and every cell that changed.

    A report re-published or corrected is a new version of the same agency and year; the latest is the one
    statistics, compare and export count. A report that repeats the values of the one before it (a page and
    its PDF) is a copy of that version, not a new one.

    示例 / Example:

    * `ogi versions 北碚区人民政府 2023`"""
    with opened(db, read_only=True) as store:
        result = versions(store, resolve(store, agency), year)
    columns = ["report_id", "version", "date", "counted", "copy_of", "filled", "location"]
    rows = [[v.report_id, v.version, v.date, v.counted, v.copy_of, v.filled, v.location] for v in result.versions]
    if format == RowFormat.json:
        import json

        print(json.dumps({"agency": result.agency, "year": result.year,
                          "versions": [dict(zip(columns, r)) for r in rows],
                          "changes": [dict(zip(("from_version", "to_version", "cell", "before", "after"), c))
                                      for c in result.changes]}, ensure_ascii=False, indent=1))
        return
    if format == RowFormat.csv:
        print_rows(["from_version", "to_version", "cell", "before", "after"], result.changes, format)
        return
    print_rows(columns, [[*r[:3], "是" if r[3] else "", *r[4:]] for r in rows], format,
               title=f"{result.agency} {result.year} 年报告的版本 / versions",
               headers=["报告", "版本", "日期", "计入统计", "副本(同于)", "已填单元格", "来源"])
    if result.changes:
        print_rows(["from", "to", "cell", "before", "after"], result.changes, format,
                   title="版本间的变化 / changes", headers=["自版本", "至版本", "单元格", "原值", "新值"])
    else:
        out.print("各版本的数值相同 / no value changed between versions")
