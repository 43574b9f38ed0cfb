"""The SQL page (``/sql``): one read-only query on the store while the server runs, with
a time limit and a row cap (:mod:`ogi.web.sql`); the result as a table, ``.json`` or ``.csv``.
The query is in the URL (``?sql=…``), so a result can be linked to."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .datasets import Dataset, encode
from .pages import render
from .sql import MAX_SQL, ROW_CAP, SECONDS, SqlBusy, SqlRefused, run_sql, schema

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
