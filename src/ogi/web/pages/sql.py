"""The SQL page (``/sql``): one read-only query on the store while the server runs, with a
time limit and a row cap; the result as a table, ``.json`` or ``.csv``/``.xlsx`` from the same
result (:class:`SqlResult`). The query is in the URL (``?sql=…``), so a result can be linked to.

DuckDB lets one process write a database file; ``ogi serve`` is that process, so ``ogi sql``
cannot open the file while it runs. The SQL page therefore runs queries inside the server,
on a cursor of its own connection (the same database, its own transaction), and makes them
read-only and contained by construction, before and while they run:

1. **One SELECT**: DuckDB's own parser splits the text (``extract_statements``): exactly one
   statement, of type SELECT (no COPY, ATTACH, PRAGMA, SET, INSTALL, writes).
2. **Only the report tables**: the statement's syntax tree (``json_serialize_sql``) is
   walked; every table it reads must be one of :data:`TABLES` (or a CTE of the query itself),
   without a schema or catalog — so no ``information_schema``, no other database, and not
   the accounts and sessions of the web app; table functions (``read_csv``, ``glob``,
   ``query``…) and functions that reach outside the data (:data:`REFUSED_FUNCTIONS`) are
   refused.
3. **Bounded**: the query runs in a transaction that is rolled back, is interrupted after
   :data:`SECONDS`, and returns at most :data:`ROW_CAP` rows (the page says when there were
   more); at most :data:`AT_ONCE` queries run at a time (503 beyond).

On PostgreSQL the same checks apply, and the query runs as ``ogi sql`` runs it
(:func:`ogi.store.sandbox.run_postgres_query`): under the least-privilege role that ``ogi
sql --setup-role`` makes — never as the server's own role, which can write — on a connection
of its own, in a read-only transaction with ``statement_timeout``. The server is told the
role's URL by ``OGI_SQL_DB`` (the variable ``ogi sql`` reads) or ``create_app(sql_db=…)``;
without it the page says that an administrator must set it up. A role that can do more than
read ogi's tables is refused (:func:`ogi.store.sandbox.check_role`).
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field

import duckdb

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ...errors import OgiError
from ...store import StoreError, open_store
from ...store.sandbox import Limits, QueryTimeout, run_on_cursor, run_postgres_query, table_columns
from ..datasets import Dataset, encode
from . import render

TABLES = ("reports", "cells", "findings", "reviews", "review_history", "failures", "agencies", "agency_aliases",
          "primary_reports", "text_prints", "schema_version")
REFUSED_FUNCTIONS = ("getenv", "current_setting", "query", "query_table", "nextval", "setval", "currval",
                     "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "lo_import", "lo_export",
                     "dblink", "set_config", "pg_sleep", "sleep_ms")
REFUSED_PREFIXES = ("read_", "pg_", "duckdb_", "pragma_", "parquet_", "iceberg_", "delta_", "sqlite_", "postgres_")
ROW_CAP = 1000  # rows shown and downloaded
SECONDS = 10.0  # time one query may run
AT_ONCE = 2  # queries running at the same time
MAX_SQL = 20_000  # characters of a query
ROLE_URL_VARIABLE = "OGI_SQL_DB"  # the sandbox role's URL on PostgreSQL (as for ``ogi sql``)
NO_ROLE = ("此数据库为 PostgreSQL,查询须以只读角色运行,但服务器尚未配置该角色。"
           "请管理员用 ogi sql --setup-role 建立只读角色,并在启动服务前把它打印的地址设为环境变量 OGI_SQL_DB")


class SqlRefused(OgiError, ValueError):
    """A query the page does not run, and why (Chinese)."""


class SqlBusy(OgiError, RuntimeError):
    """Too many queries running (503)."""


@dataclass
class SqlResult:
    columns: list[str]
    rows: list[tuple]
    truncated: bool  # more rows than ROW_CAP
    seconds: float
    tables: list[str] = field(default_factory=list)


_running = threading.BoundedSemaphore(AT_ONCE)
_parser = threading.local()


def _parser_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with no data and no file access, used only to parse."""
    con = getattr(_parser, "con", None)
    if con is None:
        con = duckdb.connect(":memory:", config={"enable_external_access": False})
        _parser.con = con
    return con


def _walk(node, ctes: set[str], tables: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, ctes, tables)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if kind == "TABLE_FUNCTION":
        raise SqlRefused("不能使用表函数(如读取文件的函数),只能查询报告数据表")
    if kind == "BASE_TABLE":
        name = str(node.get("table_name", "")).lower()
        if node.get("catalog_name") or node.get("schema_name") not in ("", "main", None):
            raise SqlRefused(f"不能查询其他数据库或模式中的表:{name}")
        if name not in TABLES and name not in ctes:
            raise SqlRefused(f"不能查询表 {name}:可查询的表为 {'、'.join(TABLES)}")
        if name in TABLES and name not in tables:
            tables.append(name)
    if node.get("class") == "FUNCTION" or kind == "FUNCTION":
        name = str(node.get("function_name", "")).lower()
        if node.get("schema") or node.get("catalog") or name in REFUSED_FUNCTIONS or name.startswith(REFUSED_PREFIXES):
            raise SqlRefused(f"不能使用函数 {name}")
    for key, value in node.items():
        if key == "cte_map":
            ctes.update(str(entry.get("key", "")).lower() for entry in value.get("map", []))
        _walk(value, ctes, tables)


def check(sql: str) -> list[str]:
    """The report tables a query reads; :class:`SqlRefused` when it is not one plain SELECT of them."""
    if not sql.strip():
        raise SqlRefused("请输入一条 SELECT 查询")
    if len(sql) > MAX_SQL:
        raise SqlRefused(f"查询过长,最多 {MAX_SQL} 个字符")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise SqlRefused(f"SQL 语法错误:{exc}") from None
    if len(statements) != 1:
        raise SqlRefused("一次只能执行一条查询")
    if statements[0].type != duckdb.StatementType.SELECT:
        raise SqlRefused("只能执行 SELECT 查询(只读)")
    serialised = _parser_connection().execute("SELECT json_serialize_sql(?)", [sql]).fetchone()
    assert serialised is not None  # a SELECT of one value: always one row
    tree = json.loads(serialised[0])
    if tree.get("error"):
        raise SqlRefused(f"无法分析此查询:{tree.get('error_message', '')}")
    ctes: set[str] = set()
    tables: list[str] = []
    _walk(tree["statements"], ctes, tables)
    return tables


def _run_duckdb(site, sql: str) -> tuple[list[str], list[tuple], bool]:
    with site.store() as db:
        cursor = db._con.cursor()  # the server's database, a connection of its own
    try:
        result = run_on_cursor(cursor, sql, Limits(seconds=SECONDS, rows=ROW_CAP))
    except QueryTimeout:
        raise SqlRefused(f"查询超过 {SECONDS:g} 秒,已停止") from None
    except StoreError as exc:
        raise SqlRefused(f"查询出错:{exc}") from None
    return result.columns, result.rows, result.truncated


def role_url(site) -> str | None:
    """The URL of the read-only role the page queries PostgreSQL as, if the server has one."""
    return getattr(site, "sql_db", None) or os.environ.get(ROLE_URL_VARIABLE) or None


def _run_postgres(site, sql: str) -> tuple[list[str], list[tuple], bool]:
    url = role_url(site)
    if not url:
        raise SqlRefused(NO_ROLE)
    try:
        with open_store(url, read_only=True) as db:
            result = run_postgres_query(db, sql, Limits(seconds=SECONDS, rows=ROW_CAP))
    except StoreError as exc:
        text = str(exc)
        if "statement timeout" in text or "canceling statement" in text or "查询超时" in text:
            raise SqlRefused(f"查询超过 {SECONDS:g} 秒,已停止") from None
        if "ogi sql --setup-role" in text:  # the role can do more than read: refused
            raise SqlRefused("服务器配置的查询角色权限过大(可写入或读取文件),已拒绝运行;"
                             "请管理员用 ogi sql --setup-role 建立只读角色") from None
        raise SqlRefused(f"查询出错:{text}") from None
    return result.columns, result.rows, result.truncated


def run_sql(site, sql: str) -> SqlResult:
    """Run one read-only query on the site's store: at most :data:`ROW_CAP` rows within
    :data:`SECONDS`. :class:`SqlRefused` (why) or :class:`SqlBusy`."""
    import time

    tables = check(sql)
    if not _running.acquire(blocking=False):
        raise SqlBusy("同时运行的查询过多,请稍后再试")
    started = time.perf_counter()
    try:
        with site.store() as db:
            dialect = db.dialect
        run = _run_duckdb if dialect == "duckdb" else _run_postgres
        columns, rows, truncated = run(site, sql.strip().rstrip(";"))
    finally:
        _running.release()
    return SqlResult(columns, rows, truncated, time.perf_counter() - started, tables)


def schema(site) -> dict[str, list[str]]:
    """The tables the page may query, with their columns."""
    with site.store() as db:
        return table_columns(db, TABLES)


# ------------------------------------------------------------------ the page

router = APIRouter(include_in_schema=False)
EXAMPLES = (
    ("各年度报告数", "SELECT year, count(*) AS reports FROM reports GROUP BY year ORDER BY year"),
    ("问题最多的规则", "SELECT code, severity, count(*) AS n FROM findings GROUP BY code, severity ORDER BY n DESC"),
    ("各机关本年新收申请", "SELECT a.name, r.year, c.value FROM cells c JOIN reports r ON r.id = c.report_id "
                   "JOIN agencies a ON a.id = r.agency_id WHERE c.table_key = 'table3' AND c.row_key = 'new_received' "
                   "AND c.column_key = 'total' ORDER BY c.value DESC"),
)
SqlText = Query("", max_length=MAX_SQL)


def _run(request: Request, sql: str):
    try:
        return run_sql(request.app.state.site, sql), None
    except SqlRefused as exc:
        return None, str(exc)
    except SqlBusy as exc:
        raise HTTPException(503, str(exc)) from None


@router.get("/sql", response_class=HTMLResponse)
def sql_page(request: Request, sql: str = SqlText):
    result, problem = _run(request, sql) if sql.strip() else (None, None)
    return render(request, "sql.html", status_code=400 if problem else 200, sql=sql, result=result, problem=problem,
                  examples=EXAMPLES, schema=schema(request.app.state.site), row_cap=ROW_CAP, seconds=SECONDS)


@router.get("/sql.json")
def sql_json(request: Request, sql: str = SqlText):
    result, problem = _run(request, sql)
    if problem:
        return JSONResponse({"detail": problem}, status_code=400)
    return JSONResponse(jsonable_encoder({"columns": result.columns, "rows": result.rows,
                                          "truncated": result.truncated, "row_cap": ROW_CAP}))


@router.get("/sql.{fmt}")
def sql_download(request: Request, fmt: str, sql: str = SqlText):
    if fmt not in ("csv", "xlsx"):
        raise HTTPException(404, "格式应为 csv、xlsx 或 json")
    result, problem = _run(request, sql)
    if problem:
        raise HTTPException(400, problem)
    data = Dataset("sql", "查询结果", result.columns, [list(r) for r in result.rows])
    media = "text/csv; charset=utf-8" if fmt == "csv" else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(encode(data, fmt), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="query.{fmt}"'})
