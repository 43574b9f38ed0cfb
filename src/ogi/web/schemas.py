"""The JSON shapes of the API, as pydantic models: they validate what comes in (reviews,
URLs) and document what goes out in the OpenAPI schema (``/docs``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from .uploads import MAX_URLS

MAX_COMMENT = 2000


class DatasetOut(BaseModel):
    """A table or chart: its first column holds the categories of a chart, the others its series."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    chart: str | None = Field(None, description="bar, hbar, pie, line or bars (grouped); none for a table")
    links: list[str | None] = Field([], description="per row: the page the row leads to")
    marked: list[bool] = Field([], description="per row: highlighted (a difference)")


class FiltersOut(BaseModel):
    years: list[int]
    regions: list[str]
    levels: list[str]
    codes: list[str]


class SelectionOut(BaseModel):
    year: int | None
    region: str | None
    level: str | None
    code: str | None
    agency_id: int | None


class CountsOut(BaseModel):
    reports: int
    agencies: int
    error: int
    warning: int
    info: int
    ranked: int = 0  # agencies with open errors or warnings (the ranking's length)


class OverviewOut(BaseModel):
    selection: SelectionOut
    counts: CountsOut
    datasets: dict[str, DatasetOut]


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


class CellOut(BaseModel):
    text: str
    role: str
    rowspan: int
    colspan: int
    key: str | None
    printed: str | None
    line: int | None
    page: int | None
    bbox: list[float] | None
    derived: bool
    severity: str | None
    findings: list[str] = Field(description="keys of the findings on the cell")


class TableOut(BaseModel):
    key: str
    title: str
    rows: list[list[CellOut]]
    findings: list[str]


class ReportOut(BaseModel):
    id: int
    sha256: str
    location: str
    format: str | None
    parser_version: str
    ingested_at: datetime
    agency_id: int | None
    agency: str | None
    region: str | None
    level: str | None
    year: int | None
    template: str | None
    title: str | None
    published_date: str | None
    page_published_date: str | None
    index_number: str | None
    report: dict = Field(description="the report as `ogi parse --format json` prints it (schema.md)")
    findings: list[FindingOut]


class ReportItem(BaseModel):
    id: int
    agency_id: int | None
    agency: str | None
    region: str | None
    level: str | None = None
    org_code: str | None = Field(None, description="the agency's organisation code (统一社会信用代码 or 组织机构代码)")
    year: int | None
    template: str | None
    title: str | None
    location: str
    format: str | None = None
    errors: int
    warnings: int
    infos: int = 0


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


class ReportListOut(ListOut):
    reports: list[ReportItem]


class FindingItem(BaseModel):
    key: str
    id: int
    report_id: int
    agency_id: int | None
    agency: str | None
    region: str | None
    level: str | None
    year: int | None
    title: str | None
    origin: str
    code: str
    severity: str
    place: str = Field(description="the place's key (table3.total.total, section.s1, …)")
    message: str
    line: int | None
    page: int | None
    status: str
    comment: str | None
    reviewer: str | None
    reviewed_at: datetime | None


class FindingListOut(ListOut):
    findings: list[FindingItem]


class HistoryOut(BaseModel):
    reviewed_at: datetime
    reviewer: str | None
    status: str
    comment: str | None
    finding_key: str | None


class BulkReviewIn(BaseModel):
    keys: list[str] = Field(..., min_length=1, max_length=500, description="finding keys")
    status: Literal["open", "confirmed", "dismissed"]
    comment: str | None = Field(None, max_length=MAX_COMMENT)


class BulkReviewOut(BaseModel):
    reviewed: int
    reviewer: str


class SourceBlockOut(BaseModel):
    first: int | None
    last: int | None
    text: str
    row: bool


class PageSizeOut(BaseModel):
    number: int
    width: float
    height: float


class OriginalOut(BaseModel):
    kind: str = Field(description="lines (text blocks with their source lines), pages (PDF, image) or missing")
    reason: str | None
    blocks: list[SourceBlockOut]
    pages: list[PageSizeOut]


class AgencyItem(BaseModel):
    id: int
    name: str
    region: str | None
    level: str | None
    kind: str | None
    parent_name: str | None
    org_code: str | None = None
    reports: int
    first_year: int | None
    last_year: int | None
    same_name: int = Field(1, description="how many agencies have this very name")


class AgencyListOut(ListOut):
    agencies: list[AgencyItem]


class AgencyOut(BaseModel):
    id: int
    name: str
    region: str | None
    level: str | None
    kind: str | None
    parent_name: str | None
    aliases: list[str]
    org_codes: list[str] = []
    namesakes: list[dict] = Field([], description="other agencies of the same name: id, region, level, org_code, "
                                                  "reports, first_year, last_year")


class AgencyPageOut(BaseModel):
    agency: AgencyOut
    datasets: dict[str, DatasetOut]


class CompareOut(BaseModel):
    left: str
    right: str
    datasets: dict[str, DatasetOut]


class FileResultOut(BaseModel):
    name: str
    status: str = Field(description="stored, exists, failed, refused or skipped")
    report_id: int | None
    agency: str | None
    year: int | None
    errors: int
    warnings: int
    reason: str | None


class IngestOut(BaseModel):
    results: list[FileResultOut]


class ReviewIn(BaseModel):
    status: Literal["open", "confirmed", "dismissed"]
    comment: str | None = Field(None, max_length=MAX_COMMENT)


class UrlsIn(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=MAX_URLS)
