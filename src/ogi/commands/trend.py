"""``ogi trend``: a measure year over year, per agency or region, with change and percent change."""

from __future__ import annotations

import typer

from ..cli import app
from ..store.agencies import resolve
from ..store.queries import STAT_LABELS, TREND_FIELDS, trend
from ._db import RowFormat, db_option, fail, format_option, opened, print_rows
from .stats import By


@app.command("trend")
def trend_cmd(
    measure: str = typer.Option("received", "--measure", "-m",
                                help="A measure of ogi stats (received, handled, denied, review…) or a cell key "
                                     "(ogi codebook)."),
    by: By = typer.Option(None, "--by", help="One series per year, region, province, city, county, level or agency."),
    agency: str = typer.Option(None, "--agency", help="Only this agency (id or name)."),
    region: str = typer.Option(None, "--region", help="Only agencies whose region path contains this (北碚区)."),
    years: str = typer.Option(None, "--years", help="First and last year, e.g. 2021-2023."),
    sort: str = typer.Option(None, "--sort", help="change or pct_change: largest first, rows with a change only."),
    limit: int = typer.Option(None, "--limit", min=1, help="At most this many rows."),
    include_inconsistent: bool = typer.Option(False, "--include-inconsistent",
                                              help="Also count reports whose own tables break a hard identity."),
    db: str = db_option(),
    format=format_option(),
) -> None:
    """某项指标的逐年变化:数值、上年、增减和增减百分比。 / A measure year over year: value, the year before, change and percent change.

    Per agency (--by agency), region (--by province/city/county/region), level, or one series for everything
    (or for --agency / --region). --sort change --limit 10 ranks the largest rises. Counted reports only
    (latest version); reports breaking their own tables' identities are left out unless
    --include-inconsistent.

    示例 / Example:

    * `ogi trend --measure received --by province --sort change --limit 10`"""
    span = None
    if years:
        try:
            first, _, last = years.partition("-")
            span = (int(first), int(last or first))
        except ValueError:
            raise fail(f"--years 应为 2021-2023 这样的年份范围 / --years must look like 2021-2023, not {years!r}")
    with opened(db, read_only=True) as store:
        agency_id = resolve(store, agency) if agency else None
        rows = trend(store, measure, by.value if by else None, span, agency_id, region, include_inconsistent,
                     sort, limit)
    label = STAT_LABELS.get(measure, measure)
    print_rows(list(TREND_FIELDS), [[r[k] if k != "pct_change" or r[k] is None or format != RowFormat.table
                                     else f"{r[k]:+.1%}" for k in TREND_FIELDS] for r in rows], format,
               title=f"{label} 逐年变化 / year over year",
               headers=["分组", "年度", "报告", label, "上年", "增减", "增减%"])
