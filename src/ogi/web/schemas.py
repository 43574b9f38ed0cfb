"""The JSON shapes several pages share, as pydantic models (a table or chart, a finding, a
page of a list, a file's result): they document what goes out in the OpenAPI schema
(``/docs``). A shape only one page has is in that page's module (:mod:`ogi.web.pages`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

MAX_COMMENT = 2000
Format = Literal["csv", "xlsx", "parquet", "json"]  # what a table or chart downloads as
SORT_HELP = "a column to sort by, `-` before it for descending"
SEARCH_HELP = "words that must all occur (agency, region, title, year…)"


class DatasetOut(BaseModel):
    """A table or chart: its first column holds the categories of a chart, the others its series."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    chart: str | None = Field(None, description="bar, hbar, pie, line or bars (grouped); none for a table")
    links: list[str | None] = Field([], description="per row: the page the row leads to")
    marked: list[bool] = Field([], description="per row: highlighted (a difference)")






class FindingOut(BaseModel):
    id: int = Field(description="the row id: changes when the report is parsed again")
    key: str = Field(description="the stable id: 16 hex digits of md5(source sha256|code|where|md5(message))")
    report_id: int
    origin: str = Field(description="parse (the report's own checks), across (cross-year) or rollup")
    code: str
    rule: str | None = Field(None, description="the rule in plain words (Chinese)")
    severity: str
    message: str
    message_en: str | None
    where: str
    place: str | None = Field(None, description="where, in words (Chinese)")
    line: int | None
    page: int | None
    status: str = Field(description="open, confirmed or dismissed")
    comment: str | None
    reviewed_at: datetime | None
    reviewer: str | None = None






class FacetValueOut(BaseModel):
    value: Any
    label: str
    count: int
    selected: bool


class ListOut(BaseModel):
    """One page of a list: the total, the page, its sort, filters and search, the facets."""

    total: int
    page: int
    pages: int
    page_size: int
    offset: int
    sort: str
    q: str | None
    filters: dict[str, Any]
    facets: dict[str, list[FacetValueOut]]
















class FileResultOut(BaseModel):
    name: str
    status: str = Field(description="stored, exists, failed, refused or skipped")
    report_id: int | None
    agency: str | None
    year: int | None
    errors: int
    warnings: int
    reason: str | None
