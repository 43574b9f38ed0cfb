"""``ogi agencies list|merge|split``: agency identity across years and sources."""

from __future__ import annotations

import typer

from ..cli import app, out
from ..store.agencies import list_agencies, merge, resolve, split
from ._db import db_option, format_option, opened, print_rows

_HELP = """跨年度的机关:列出、合并、拆分。 / Agencies across years: list them, merge two, split one.

示例 / Examples:

* `ogi agencies list`
* `ogi agencies merge 3 7`"""
agencies_app = typer.Typer(help=_HELP, no_args_is_help=True)
app.add_typer(agencies_app, name="agencies")

_COLUMNS = ("id", "name", "region", "level", "kind", "parent", "reports", "first_year", "last_year", "aliases")
_HEADERS = ("编号", "机关", "地区", "层级", "类别", "上级政府", "报告数", "起", "止", "别名")


@agencies_app.command("list")
def list_cmd(db: str = db_option(), format=format_option()) -> None:
    """列出所有机关及其报告年度、名称和代码。 / Every agency with its reports' years and the names and codes it is known by.

    示例 / Example:

    * `ogi agencies list --format csv`"""
    with opened(db, read_only=True) as store:
        rows = [(*row[:-1], "; ".join(row[-1])) for row in list_agencies(store)]
    print_rows(_COLUMNS, rows, format, title="机关 / agencies", headers=_HEADERS)


@agencies_app.command("merge")
def merge_cmd(
    keep: str = typer.Argument(..., help="The agency that stays (id or name)."),
    other: str = typer.Argument(..., help="The agency merged into it (id or name): a former name, a predecessor."),
    db: str = db_option(),
) -> None:
    """两个机关实为一个(更名、机构改革):B 的报告和别名归入 A。 / Two agencies are one (renamed, reorganised): B's reports and aliases
    become A's.

    示例 / Example:

    * `ogi agencies merge 3 7`"""
    with opened(db) as store:
        a, b = resolve(store, keep), resolve(store, other)
        merge(store, a, b)
    out.print(f"已合并 / merged agency {b} into {a}")


@agencies_app.command("split")
def split_cmd(
    agency: str = typer.Argument(..., help="The agency to split (id or name)."),
    aliases: list[str] = typer.Argument(..., help="Its names (as printed) or alias keys (org:…) that are another agency."),
    db: str = db_option(),
) -> None:
    """机关的一部分是另一个机关:这些别名及其报告移到新机关。 / Part of an agency is another: these aliases and the reports carrying them
    move to a new agency.

    示例 / Example:

    * `ogi agencies split 3 某某局`"""
    with opened(db) as store:
        new_id = split(store, resolve(store, agency), aliases)
    out.print(f"已拆分 / split: new agency {new_id}")


@agencies_app.command("members")
def members_cmd(
    government: str = typer.Argument(..., help="The government (id or name)."),
    members: list[str] = typer.Argument(..., help="Every agency its report sums (ids or names): the complete list."),
    db: str = db_option(),
) -> None:
    """记录一级政府的全部组成部门:只有对照这样的名单,且报告写明汇总口径(全区……)时,才核对上下级汇总。 / Record a government's complete list of constituent
    agencies: only against such a list, and only where its report states an aggregate scope (全区…), is a
    roll-up judged.

    示例 / Example:

    * `ogi agencies members 北碚区人民政府 12 13 14`"""
    from ..store.rollup import set_members

    with opened(db) as store:
        gov = resolve(store, government)
        set_members(store, gov, [resolve(store, m) for m in members])
    out.print(f"已记录 / recorded {len(members)} constituent agencies of agency {gov}")
