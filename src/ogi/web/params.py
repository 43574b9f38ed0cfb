"""Bounds of every number and text a request may carry, and what a request that breaks
them is told.

Every numeric query or path parameter of the pages and the API is declared with one of
the annotated types here, so FastAPI refuses a value out of range before any code sees it
(``page=99999999999999999999`` would otherwise reach the database as a number it cannot
hold). A refusal is a 422 whose message says, in Chinese, which parameter is wrong and
what it should be: :func:`problems_of` turns pydantic's error records into that sentence.

Pages past the last are not errors: :func:`page_window` puts them on the last page, so a
pager can never read ``第 999 / 61 页``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Path, Query

MAX_ID = 2**53  # ids are BIGINT sequences; anything past a double's exact range is no id
MAX_PAGE = 1_000_000  # pages of a list (50 a page: 50 million rows)
MAX_OFFSET = 50_000_000  # rows skipped by the API
MAX_LIMIT = 500  # rows per API answer
MAX_TEXT = 200  # characters of a search box, an agency name or id given as text
MIN_YEAR, MAX_YEAR = 1990, 2100

Id = Annotated[int, Path(ge=1, le=MAX_ID, description="a stored id")]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page number, from 1")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per answer")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows skipped")]
YearNo = Annotated[int | None, Query(ge=MIN_YEAR, le=MAX_YEAR, description="a year")]
OptId = Annotated[int | None, Query(ge=1, le=MAX_ID, description="a stored id")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]

# names of the parameters, as the pages call them
NAMES = {"page": "页码", "limit": "每页条数", "offset": "起始位置", "year": "年度", "q": "查找内容",
         "a": "对比对象甲", "b": "对比对象乙", "agency": "机关", "agency_id": "机关编号", "report_id": "报告编号",
         "finding_id": "问题编号", "number": "页", "region": "地区", "level": "层级", "code": "问题代码",
         "status": "状态", "comment": "备注", "severity": "级别", "sort": "排序", "files": "文件", "urls": "网址",
         "fmt": "格式", "name": "名称", "keys": "所选问题", "sql": "SQL"}


def _says(error: dict) -> str:
    """One pydantic error record in Chinese."""
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return "缺少此项"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "应为整数"
    if kind == "greater_than_equal":
        return f"应不小于 {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"应不大于 {ctx.get('le')}"
    if kind == "greater_than":
        return f"应大于 {ctx.get('gt')}"
    if kind == "less_than":
        return f"应小于 {ctx.get('lt')}"
    if kind == "string_too_long":
        return f"过长,最多 {ctx.get('max_length')} 个字符"
    if kind == "string_too_short":
        return f"过短,至少 {ctx.get('min_length')} 个字符"
    if kind == "too_long":
        return f"过多,最多 {ctx.get('max_length')} 项"
    if kind == "literal_error" or kind == "enum":
        return f"应为 {ctx.get('expected', '').replace(' or ', '、')} 之一"
    if kind == "bool_parsing":
        return "应为 true 或 false"
    if kind in ("json_invalid", "model_attributes_type", "dict_type", "model_type"):
        return "内容格式有误"
    return "取值无效"


def _where(loc) -> str:
    parts = [str(p) for p in loc[1:]] if len(loc) > 1 else [str(p) for p in loc]
    name = next((p for p in parts if not p.isdigit()), parts[0] if parts else "")
    return NAMES.get(name, name)


def problems_of(errors) -> str:
    """``请求参数有误:页码 应不大于 1000000;年度 应为整数`` for a list of pydantic errors."""
    said = []
    for error in errors:
        line = f"{_where(error.get('loc', ()))} {_says(error)}"
        if line not in said:
            said.append(line)
    return "请求参数有误:" + ";".join(said)


@dataclass(frozen=True)
class PageWindow:
    """Which page of a list is shown: 1 ≤ ``page`` ≤ ``pages`` (one page for an empty list)."""

    page: int
    pages: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


def page_window(total: int, page: int, size: int) -> PageWindow:
    """The page asked for, moved onto the last page when past it."""
    pages = max(1, -(-total // size))
    return PageWindow(min(max(page, 1), pages), pages, size)
