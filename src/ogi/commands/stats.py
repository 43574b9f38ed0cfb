"""``ogi stats``: totals and rates over the stored reports."""

from __future__ import annotations

from enum import Enum

import typer

from ..cli import app, out
from ..store.queries import STAT_LABELS, counted_versions, rate_parts, stats
from ._db import RowFormat, db_option, format_option, opened, print_rows


class By(str, Enum):
    year = "year"
    region = "region"
    province = "province"
    city = "city"
    county = "county"
    level = "level"
    agency = "agency"


# the terminal shows the headline figures under short headings; csv and json carry every
# measure and rate with its numerator and denominator, keyed as in ogi.store.queries
_SHOWN = {"group": "分组", "reports": "报告", "excluded": "未计入", "received": "新收申请", "handled": "办理总计",
          "granted": "予以公开", "granted_share": "公开率", "partially_granted_share": "部分公开率",
          "denied_share": "不予公开率", "review": "复议", "review_correction_rate": "复议纠错率", "litigation": "诉讼",
          "litigation_correction_rate": "诉讼纠错率"}
_CODES_ZH = {"T3_BALANCE": "表三 一+二≠(七)+四", "T3_ROW_TOTAL": "表三 行总计≠各列之和",
             "T3_OUTCOME_TOTAL": "表三 (七)总计≠办理结果之和", "T4_TOTAL": "表四 总计≠各项之和"}


@app.command("stats")
def stats_cmd(
    by: By = typer.Option(None, "--by", help="Group by year, region, province, city, county, level or agency."),
    year: int = typer.Option(None, "--year", help="Only reports of this year."),
    include_inconsistent: bool = typer.Option(False, "--include-inconsistent",
                                              help="Also count reports whose own tables break a hard identity."),
    db: str = db_option(),
    format=format_option(),
) -> None:
    """已入库报告的合计与比率。 / Totals and rates over the stored reports.

    Requests received and handled, granted share, refusal reasons, review and litigation correction rates
    (corrected / closed cases), each rate with its numerator and denominator. One report per agency and year
    is counted: its latest version. Reports whose own tables break T3_BALANCE, T3_ROW_TOTAL, T3_OUTCOME_TOTAL
    or T4_TOTAL are left out (and counted as such) unless --include-inconsistent.

    示例 / Examples:

    * `ogi stats --by year`
    * `ogi stats --by province --year 2023 --format csv`"""
    with opened(db, read_only=True) as store:
        items = stats(store, by.value if by else None, year, include_inconsistent)
        counted, superseded = counted_versions(store, year)
    if format == RowFormat.table:
        print_rows(list(_SHOWN), [[_shown(k, item) for k in _SHOWN] for item in items], format,
                   title="统计 / statistics", headers=list(_SHOWN.values()))
        reasons = [k for k in STAT_LABELS if k.startswith("denied.") and not k.endswith("_share")]
        print_rows(["group", *reasons], [[item["group"], *(item[k] for k in reasons)] for item in items], format,
                   title="不予公开理由 / refusal reasons", headers=["分组", *(STAT_LABELS[k] for k in reasons)])
        for line in notes(items, counted, superseded, include_inconsistent):
            out.print(line, soft_wrap=True)
    else:
        columns = list(items[0]) if items else list(STAT_LABELS)
        print_rows(columns, [list(item.values()) for item in items], format)


def notes(items: list[dict], counted: int, superseded: int, include_inconsistent: bool) -> list[str]:
    """What the figures count and what they leave out, in words."""
    lines = [f"计入每个机关每年一份报告(最新版本):{counted} 份;未计入的较早版本或副本 {superseded} 份。"]
    excluded = sum(item["excluded"] for item in items)
    if include_inconsistent:
        lines.append("已包含表内勾稽关系不符的报告(--include-inconsistent)。")
    elif excluded:
        why = ",".join(f"{_CODES_ZH[c]} {n} 份" for c in _CODES_ZH
                       if (n := sum(item[f"excluded_{c}"] for item in items)))
        lines.append(f"未计入表内勾稽关系不符的报告 {excluded} 份({why});加 --include-inconsistent 可计入。")
    else:
        lines.append("没有表内勾稽关系不符的报告。")
    return lines


def _shown(key: str, item: dict):
    value = item[key]
    if value is None or not key.endswith(("_share", "_rate")):
        return value
    numerator, denominator = rate_parts(key)
    return f"{value:.1%} ({item[numerator]}/{item[denominator]})"
