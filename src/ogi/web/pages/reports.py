"""The reports: a list like datasette's (facets, sort, multi-word search; ``/reports``,
``/reports.json`` and ``/api/reports`` are one query, :mod:`ogi.web.lists`), and the report
page (``/reports/{id}``, its JSON at ``/api/reports/{id}``): the three tables in the
official layout, each value cell with its schema key, where it was printed and the
findings on it; the findings with their rules in plain words; the original beside them;
the values and findings as downloads; its two write actions, reviewing a finding and
parsing the report again. Page, JSON and downloads are one view model (:class:`ReportPage`).

The layout is the renderer's (:func:`ogi.render.layout.draw_table` over
:func:`ogi.template.layout.table_grid`): each drawn cell keeps its grid position and the
key of its value slot, and the shown table is the same grid (:mod:`ogi.grid`) of shown cells.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ...grid import Grid
from ...model import Report
from ...render.layout import SECTION_TABLE, draw_table
from ...store import StoreError, reviews
from ...store import pages as data
from ...template import FORMATS, SECTIONS
from ...template.layout import VALUE, table_grid
from .. import lists, uploads
from ..datasets import Dataset
from ..labels import SEVERITIES, STATUSES, place_label, rule_text
from ..original import Original, original_of, page_png
from ..params import MAX_TEXT, Id, Limit, Offset, PageNo, YearNo
from ..schemas import MAX_COMMENT, SEARCH_HELP, SORT_HELP, FileResultOut, FindingOut, Format, ListOut
from ..security import require_writer, reviewer_name
from ..site import Site
from . import download, json_response, list_query, render

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api")
PAGE_SIZE = 50
MAX_PAGE_NUMBER = 10_000  # pages of one original
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
TABLES = tuple(SECTION_TABLE.values())


@dataclass
class ShownCell:
    text: str
    row: int  # its top-left grid position
    col: int
    role: str  # caption | header | label | value
    rowspan: int = 1
    colspan: int = 1
    key: str | None = None  # a value cell's schema key (table3.total.total)
    printed: str | None = None  # what the report printed where no value was read (由市司法局填报)
    line: int | None = None
    page: int | None = None
    bbox: list[float] | None = None
    derived: bool = False
    severity: str | None = None  # the worst finding on the cell that is not dismissed
    findings: list[str] = field(default_factory=list)  # their keys


@dataclass
class ShownTable(Grid[ShownCell]):
    """A drawn table (:func:`ogi.render.layout.draw_table`) as the report page shows it: the
    same grid (:mod:`ogi.grid`), each value cell with where it was printed and its findings."""

    key: str
    title: str
    cells: list[ShownCell]
    findings: list[str] = field(default_factory=list)  # keys of the findings on the table as a whole

    def as_json(self) -> dict:
        """The table by rows, as :class:`TableOut` describes it (a cell's position is its place in its row)."""
        return {"key": self.key, "title": self.title,
                "rows": [[{k: v for k, v in asdict(c).items() if k not in ("row", "col")} for c in cells]
                         for cells in self.rows()],
                "findings": self.findings}


def flags(findings: list[dict]) -> dict[str, list[dict]]:
    """Findings by the place they name (``where``), dismissed ones left out."""
    out: dict[str, list[dict]] = {}
    for f in findings:
        if f["status"] != "dismissed" and f["where"]:
            out.setdefault(f["where"], []).append(f)
    return out


def _on_cell(key: str, by_place: dict[str, list[dict]]) -> list[dict]:
    """The findings on a value cell: those on the cell, and on its row (a row key is a prefix of the cell's key)."""
    parts = key.split(".")
    return [f for i in range(2, len(parts) + 1) for f in by_place.get(".".join(parts[:i]), [])]


def shown_tables(report: Report, findings: list[dict]) -> list[ShownTable]:
    """The report's three tables; none for a report without an official format (legacy)."""
    template = report.meta.template
    if template not in FORMATS:
        return []
    by_place = flags(findings)
    tables = []
    for table in TABLES:
        grid = table_grid(template, table)
        drawn = draw_table(grid, getattr(report, table))
        cells = []
        for cell in drawn.cells:
            shown = ShownCell(cell.text, cell.row, cell.col, cell.role, cell.rowspan, cell.colspan)
            if cell.role == VALUE and cell.cell:
                key = f"{table}.{cell.cell[0]}.{cell.cell[1]}"
                prov = report.provenance.get(key, {})
                on_cell = sorted(_on_cell(key, by_place), key=lambda f: SEVERITY_RANK.get(f["severity"], 3))
                shown.key, shown.line, shown.page, shown.bbox = key, prov.get("line"), prov.get("page"), prov.get("bbox")
                shown.derived = bool(prov.get("derived"))
                shown.printed = prov.get("text") if not cell.text else None
                shown.severity = on_cell[0]["severity"] if on_cell else None
                shown.findings = [f["key"] for f in on_cell]
            cells.append(shown)
        on_table = [f["key"] for f in by_place.get(table, [])]
        tables.append(ShownTable(table, grid.title, cells, on_table))
    return tables


def section_headings(report: Report) -> list[tuple[str, str, int | None, int | None]]:
    """(key, heading as printed or as the format names it, line, page) of each section found."""
    out = []
    for section in SECTIONS:
        given = report.sections.get(section.key)
        if given is not None:
            out.append((section.key, given.heading or section.heading, given.line, given.page))
    return out


def labelled(findings: list[dict], template: str | None) -> list[dict]:
    """Findings with their rule in plain words and their place in words."""
    return [{**f, "rule": rule_text(f["code"]), "place": place_label(f["where"], template)} for f in findings]


def report_datasets(report: Report, findings: list[dict], row: dict | None = None) -> dict[str, Dataset]:
    """The report's values and its findings, as downloads; every row says which report,
    agency and year it is of, so downloads of several reports can be put together."""
    template = report.meta.template
    row = row or {}
    whose = [row.get("id"), row.get("agency") or report.meta.agency, report.meta.year]
    cells = []
    for table in TABLES:
        for row, columns in getattr(report, table).items():
            for column, value in columns.items():
                key = f"{table}.{row}.{column}"
                prov = report.provenance.get(key, {})
                cells.append([*whose, key, place_label(key, template), value, prov.get("text"), prov.get("line"),
                              prov.get("page")])
    return {
        "cells": Dataset("cells", "表格数值", ["报告编号", "机关", "年度", "键", "位置", "数值", "原文", "行", "页"],
                         cells),
        "findings": Dataset("findings", "问题", ["报告编号", "机关", "年度", "编号", "代码", "规则", "级别", "位置", "说明",
                                               "状态", "审核人", "备注"],
                            [[*whose, f["key"], f["code"], f["rule"], SEVERITIES.get(f["severity"], f["severity"]),
                              f["place"], f["message"], STATUSES.get(f["status"], f["status"]), f.get("reviewer") or "",
                              f["comment"] or ""] for f in findings]),
    }


@dataclass
class ReportPage:
    row: dict  # the stored fields (data.report_row)
    report: Report
    findings: list[dict]  # labelled
    tables: list[ShownTable]
    original: Original
    datasets: dict[str, Dataset]


def report_page(site: Site, report_id: int) -> ReportPage | None:
    """Everything the report page shows; None when there is no such report. The original
    is read outside the store's lock."""
    with site.store() as db:
        row = data.report_row(db, report_id)
        if row is None:
            return None
        report = data.stored_report(db, report_id)
        assert report is not None  # its row is there, and reports.document is NOT NULL
        findings = labelled(data.report_findings(db, report_id), report.meta.template)
    original = original_of(row["sha256"], site.files.original(row["sha256"], row["local_path"]), row["format"])
    return ReportPage(row, report, findings, shown_tables(report, findings), original,
                      report_datasets(report, findings, row))


# ------------------------------------------------------------------ the JSON's shapes

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


class TableOut(BaseModel):  # a ShownTable's JSON (ShownTable.as_json): its grid by rows
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


class ReportListOut(ListOut):
    reports: list[ReportItem]


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


# ------------------------------------------------------------------ the list

def _list(request: Request, page: int) -> lists.ListResult:
    with request.app.state.site.store() as db:
        return lists.run(db, lists.REPORTS, list_query(request), page, PAGE_SIZE)


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, page: PageNo = 1):
    return render(request, "reports.html", result=_list(request, page))


@router.get("/reports.json")
def reports_json(request: Request, page: PageNo = 1):
    return json_response(_list(request, page).as_json())


@api.get("/reports", response_model=ReportListOut, summary="Reports: filtered, searched, sorted, with facets")
def reports_api(request: Request, q: str | None = Query(None, max_length=MAX_TEXT, description=SEARCH_HELP),
                year: YearNo = None, agency_id: int | None = Query(None, ge=1),
                level: str | None = Query(None, max_length=MAX_TEXT), region: str | None = Query(None, max_length=MAX_TEXT), template: str | None = Query(None, max_length=MAX_TEXT),
                sort: str | None = Query(None, max_length=40, description=SORT_HELP),
                limit: Limit = 50, offset: Offset = 0):
    with request.app.state.site.store() as db:
        return lists.run(db, lists.REPORTS, list_query(request), size=limit, offset=offset).as_json()


# ------------------------------------------------------------------ the report page

def _report(request: Request, report_id: int) -> ReportPage:
    page = report_page(request.app.state.site, report_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告 / no report {report_id}")
    return page


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_view(request: Request, report_id: Id, done: Literal["reparsed"] | None = None):
    page = report_page(request.app.state.site, report_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告")
    return render(request, "report.html", page=page, sections=section_headings(page.report), done=done)


@router.post("/reports/{report_id}/findings/{key}/review", dependencies=[Depends(require_writer)])
def review_form(request: Request, report_id: Id, key: str,
                status: Literal["open", "confirmed", "dismissed"] = Form(...),
                comment: str = Form("", max_length=MAX_COMMENT)):
    with request.app.state.site.store() as db:
        found = data.finding_by_key(db, key, report_id)
        if found is None:
            raise HTTPException(404, f"该报告没有编号为 {key[:40]} 的问题")
        try:
            reviews.review(db, [found["key"]], status, comment.strip() or None, reviewer_name(request))
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/reports/{report_id}#finding-{found['key']}", status_code=303)


@router.post("/reports/{report_id}/reparse", dependencies=[Depends(require_writer)])
def reparse_form(request: Request, report_id: Id):
    result = uploads.reparse(request.app.state.site, report_id)
    if result is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告")
    if result.status == "failed":
        raise HTTPException(400, f"重新解析失败:{result.reason}")
    return RedirectResponse(f"/reports/{report_id}?done=reparsed", status_code=303)


@api.get("/reports/{report_id}", response_model=ReportOut, summary="One report: its data and findings")
def report_api(request: Request, report_id: Id):
    page = _report(request, report_id)
    fields = {k: v for k, v in page.row.items() if k in ReportOut.model_fields}
    return {**fields, "report": page.report.as_json(), "findings": page.findings}


@api.get("/reports/{report_id}/findings", response_model=list[FindingOut],
         summary="A report's findings, worst first, with their reviews")
def report_findings_api(request: Request, report_id: Id):
    return _report(request, report_id).findings


@api.get("/reports/{report_id}/tables", response_model=list[TableOut],
         summary="The three tables in the official layout, each value cell with its findings")
def report_tables_api(request: Request, report_id: Id):
    return [t.as_json() for t in _report(request, report_id).tables]


@api.get("/reports/{report_id}/original", response_model=OriginalOut,
         summary="The original: its text blocks with their source lines, or its pages")
def report_original_api(request: Request, report_id: Id):
    return _report(request, report_id).original.as_json()


def _original_path(request: Request, report_id: int):
    site = request.app.state.site
    with site.store() as db:
        row = data.report_row(db, report_id)
    if row is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告 / no report {report_id}")
    path = site.files.original(row["sha256"], row["local_path"])
    if path is None:
        raise HTTPException(404, "原始文件不可用 / the original file is not available")
    return row, path


@api.get("/reports/{report_id}/file", response_class=Response, summary="The original file, as a download")
def report_file(request: Request, report_id: Id):
    _, path = _original_path(request, report_id)
    return Response(path.read_bytes(), media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="report-{report_id}{path.suffix}"'})


@api.get("/reports/{report_id}/pages/{number}.png", response_class=Response,
         summary="A page of a PDF (or a scanned image) as PNG")
def report_page_image(request: Request, report_id: Id, number: int = Path(ge=1, le=MAX_PAGE_NUMBER)):
    row, path = _original_path(request, report_id)
    original = original_of(row["sha256"], path, row["format"])
    if original.kind != "pages":
        raise HTTPException(404, "该报告的原件不是 PDF 或图片 / the original has no pages")
    if not 1 <= number <= len(original.pages):
        raise HTTPException(404, f"没有第 {number} 页 / no page {number}")
    return Response(page_png(row["sha256"], str(path), row["format"], number), media_type="image/png",
                    headers={"Cache-Control": "private, max-age=86400"})


@api.get("/reports/{report_id}/{name}.{fmt}", response_class=Response,
         summary="A report's values (cells) or findings as CSV or XLSX")
def report_download(request: Request, report_id: Id, name: str, fmt: Format):
    return download(_report(request, report_id).datasets, name, fmt, f"report-{report_id}")


@api.post("/reports/{report_id}/reparse", response_model=FileResultOut, dependencies=[Depends(require_writer)],
          summary="Parse a report again from its original; reviews are kept")
def reparse_api(request: Request, report_id: Id):
    result = uploads.reparse(request.app.state.site, report_id)
    if result is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告 / no report {report_id}")
    return vars(result)
