"""``ogi stats``: totals and rates over the stored reports."""

from __future__ import annotations

from enum import Enum

import typer

from ..cli import app
from ..store.queries import STAT_LABELS, stats
from ._db import RowFormat, db_option, format_option, opened, print_rows


class By(str, Enum):
    year = "year"
    region = "region"
    level = "level"
    agency = "agency"


# the terminal shows the headline figures under short headings; csv and json carry every
# measure and rate, keyed as in ogi.store.queries
_SHOWN = {"group": "分组", "reports": "报告", "received": "新收申请", "handled": "办理总计", "granted": "予以公开",
          "granted_share": "公开率", "partially_granted_share": "部分公开率", "denied_share": "不予公开率",
          "review": "复议", "review_correction_rate": "复议纠错率", "litigation": "诉讼",
          "litigation_correction_rate": "诉讼纠错率"}


@app.command("stats")
def stats_cmd(
    by: By = typer.Option(None, "--by", help="Group by year, region, level or agency."),
    year: int = typer.Option(None, "--year", help="Only reports of this year."),
    db: str = db_option(),
    format=format_option(),
) -> None:
    """Totals and rates over the stored reports.

    Requests received and handled, granted share, refusal reasons, review and litigation
    correction rates (corrected / closed cases). One report per agency and year is counted."""
    with opened(db, read_only=True) as store:
        items = stats(store, by.value if by else None, year)
    if format == RowFormat.table:
        print_rows(list(_SHOWN), [[_pct(k, item[k]) for k in _SHOWN] for item in items], format,
                   title="统计 / statistics", headers=list(_SHOWN.values()))
        reasons = [k for k in STAT_LABELS if k.startswith("denied.") and not k.endswith("_share")]
        print_rows(["group", *reasons], [[item["group"], *(item[k] for k in reasons)] for item in items], format,
                   title="不予公开理由 / refusal reasons", headers=["分组", *(STAT_LABELS[k] for k in reasons)])
    else:
        columns = list(items[0]) if items else list(STAT_LABELS)
        print_rows(columns, [list(item.values()) for item in items], format)


def _pct(key: str, value):
    if value is None or not key.endswith(("_share", "_rate")):
        return value
    return f"{value:.1%}"
