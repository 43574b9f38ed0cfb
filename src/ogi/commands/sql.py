"""``ogi sql``: one read-only SQL query on the database, in a sandbox."""

from __future__ import annotations

import typer

from ..cli import app, out, print_warning
from ..store.sandbox import DEFAULT_ROLE, SQL_MEMORY_MB, SQL_ROWS, SQL_SECONDS, Limits, run_query, setup_role
from ..store import StoreError, open_store
from ._db import DB_HELP, DEFAULT_DB, fail, format_option, opened, print_rows

_ADMIN_NEEDED = "run --setup-role with the URL of the database's owner or an administrator"


def _setup(db: str, role: str, limits: Limits) -> str:
    """The store migrated and the role made; its URL. A URL without the rights to do it
    (the read-only role's own, say) ends with a one-line message."""
    try:
        store = open_store(db)
    except StoreError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - the driver's refusal (a read-only role cannot migrate)
        raise fail(f"无权创建角色 / cannot create the role: {str(exc).strip()}; {_ADMIN_NEEDED}") from None
    try:
        return setup_role(store, role, limits)
    except StoreError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()


@app.command("sql")
def sql_cmd(
    query: str = typer.Argument(None, help="One SQL query (tables: reports, cells, findings, reviews, "
                                           "failures, agencies, agency_aliases; view primary_reports)."),
    db: str = typer.Option(DEFAULT_DB, "--db", envvar=["OGI_SQL_DB", "OGI_DB"],
                           help=f"{DB_HELP} For PostgreSQL, the URL of the read-only role (see --setup-role); "
                                "$OGI_SQL_DB before $OGI_DB."),
    format=format_option(),
    timeout: float = typer.Option(SQL_SECONDS, "--timeout", envvar="OGI_SQL_SECONDS", min=0.1,
                                  help="Seconds a query may run."),
    max_rows: int = typer.Option(SQL_ROWS, "--max-rows", envvar="OGI_SQL_ROWS", min=1, help="Most rows returned."),
    memory: int = typer.Option(SQL_MEMORY_MB, "--memory", envvar="OGI_SQL_MEMORY_MB", min=64,
                               help="Memory limit in MB."),
    setup: bool = typer.Option(False, "--setup-role", help="PostgreSQL: create (or reset) the read-only role "
                                                           "queries run as, with the admin URL in --db."),
    role: str = typer.Option(DEFAULT_ROLE, "--role", help="The role --setup-role creates."),
) -> None:
    """在数据库上运行一条只读、有时间和行数限制的 SQL 查询。 / Run one SQL query on the database, read-only and bounded.

    DuckDB opens the file read-only, without file access, with a memory limit and a time limit. PostgreSQL
    runs queries only as a read-only role (`ogi sql --setup-role` creates it and prints its URL; a superuser
    or a role that can read server files is refused), with `statement_timeout`. Both return at most --max-rows
    rows.

    示例 / Example:

    * `ogi sql 'SELECT year, count(*) FROM reports GROUP BY year'`"""
    limits = Limits(seconds=timeout, rows=max_rows, memory_mb=memory)
    if setup:
        url = _setup(db, role, limits)
        out.print(f"已建只读角色 {role} / read-only role {role} ready: SELECT on ogi's tables, nothing else, "
                  f"statement_timeout {timeout:g} s.", markup=False)
        out.print("查询时使用 / query with:", markup=False)
        out.print(f"  export OGI_SQL_DB='{url}'", markup=False, soft_wrap=True)
        out.print("  ogi sql 'SELECT count(*) FROM reports'", markup=False)
        out.print("(数据库升级后请再次运行 --setup-role / run --setup-role again after ogi adds tables)", markup=False)
        return
    if not query:
        raise fail("缺少查询 / give a query, or --setup-role")
    with opened(db, read_only=True) as store:
        result = run_query(store, query, limits)
    print_rows(result.columns, result.rows, format)
    if result.truncated:
        print_warning(f"只显示前 {max_rows} 行 / only the first {max_rows} rows are shown (--max-rows)")
