"""The JSON API: everything the pages show, under ``/api``, documented by the OpenAPI
schema (``/docs``). Every table and chart is also a download (``….csv``, ``….xlsx``).
Lists take the same filters, search and sort as their pages (:mod:`ogi.web.lists`).
Writes (uploads, reviews, re-parsing) need the token or a signed-in account when the site
has either; URL imports always need one. Every number is bounded (:mod:`ogi.web.params`)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import Response

from ..store import StoreError
from ..store import pages as data
from . import lists, reviews, uploads
from .agency import agency_page
from .compare import CompareQuery, compare
from .original import original_of, page_png
from .overview import overview
from .pages import download, list_query, selection_of
from .params import MAX_TEXT, Id, Limit, Offset, YearNo
from .report_view import report_page
from .schemas import (
    AgencyListOut,
    AgencyPageOut,
    BulkReviewIn,
    BulkReviewOut,
    CompareOut,
    FileResultOut,
    FiltersOut,
    FindingListOut,
    FindingOut,
    HistoryOut,
    IngestOut,
    OriginalOut,
    OverviewOut,
    ReportListOut,
    ReportOut,
    ReviewIn,
    TableOut,
    UrlsIn,
)
from .security import require_user, require_writer, reviewer_name

router = APIRouter(prefix="/api")
Format = Literal["csv", "xlsx", "parquet", "json"]
SORT_HELP = "a column to sort by, `-` before it for descending"
SEARCH_HELP = "words that must all occur (agency, region, title, year…)"
MAX_PAGE_NUMBER = 10_000  # pages of one original


# ------------------------------------------------------------------ helpers

def site_of(request: Request):
    return request.app.state.site


def _report(request: Request, report_id: int):
    page = report_page(site_of(request), report_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告 / no report {report_id}")
    return page


def _overview(request: Request, year, region, level, code):
    with site_of(request).store() as db:
        sel = selection_of(data.filter_options(db), year, region, level, code)
        return overview(db, sel)


def _agency(request: Request, agency_id: int):
    with site_of(request).store() as db:
        page = agency_page(db, agency_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {agency_id} 的机关 / no agency {agency_id}")
    return page


def _compare(request: Request, a: str, b: str, year: int | None, agency: str | None, only_differences: bool):
    with site_of(request).store() as db:
        try:
            return compare(db, CompareQuery(a.strip(), b.strip(), year, agency, only_differences))
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None


YEAR_HELP = "a year; none: the latest there is; `all`: every year"


# ------------------------------------------------------------------ overview

@router.get("/filters", response_model=FiltersOut, summary="The years, regions, levels and finding codes in the store")
def filters(request: Request):
    with site_of(request).store() as db:
        return data.filter_options(db)


@router.get("/overview", response_model=OverviewOut, summary="Totals, charts and the ranking of agencies by findings")
def overview_api(request: Request, year: str | None = Query(None, max_length=8, description=YEAR_HELP),
                 region: str | None = Query(None, max_length=MAX_TEXT,
                                            description="part of a region's name: the region and every region inside it"),
                 level: str | None = Query(None, max_length=20, description="province, city, county or township"),
                 code: str | None = Query(None, max_length=60, description="only reports with this finding code")):
    return _overview(request, year, region, level, code).as_json()


@router.get("/overview/{name}.{fmt}", summary="One table or chart of the overview as CSV or XLSX",
            response_class=Response)
def overview_download(request: Request, name: str, fmt: Format,
                      year: str | None = Query(None, max_length=8, description=YEAR_HELP),
                      region: str | None = Query(None, max_length=MAX_TEXT), level: str | None = Query(None, max_length=MAX_TEXT), code: str | None = Query(None, max_length=MAX_TEXT)):
    page = _overview(request, year, region, level, code)
    return download(page.datasets, name, fmt, f"overview-{page.selection.year or 'all'}")


# ------------------------------------------------------------------ reports

def _list_api(request: Request, spec: lists.ListSpec, limit: int, offset: int) -> dict:
    with site_of(request).store() as db:
        return lists.run(db, spec, list_query(request), size=limit, offset=offset).as_json()


@router.get("/reports", response_model=ReportListOut, summary="Reports: filtered, searched, sorted, with facets")
def reports_api(request: Request, q: str | None = Query(None, max_length=MAX_TEXT, description=SEARCH_HELP),
                year: YearNo = None, agency_id: int | None = Query(None, ge=1),
                level: str | None = Query(None, max_length=MAX_TEXT), region: str | None = Query(None, max_length=MAX_TEXT), template: str | None = Query(None, max_length=MAX_TEXT),
                sort: str | None = Query(None, max_length=40, description=SORT_HELP),
                limit: Limit = 50, offset: Offset = 0):
    return _list_api(request, lists.REPORTS, limit, offset)


@router.get("/reports/{report_id}", response_model=ReportOut, summary="One report: its data and findings")
def report_api(request: Request, report_id: Id):
    page = _report(request, report_id)
    fields = {k: v for k, v in page.row.items() if k in ReportOut.model_fields}
    return {**fields, "report": page.report.as_json(), "findings": page.findings}


@router.get("/reports/{report_id}/findings", response_model=list[FindingOut],
            summary="A report's findings, worst first, with their reviews")
def report_findings_api(request: Request, report_id: Id):
    return _report(request, report_id).findings


@router.get("/reports/{report_id}/tables", response_model=list[TableOut],
            summary="The three tables in the official layout, each value cell with its findings")
def report_tables_api(request: Request, report_id: Id):
    return [asdict(t) for t in _report(request, report_id).tables]


@router.get("/reports/{report_id}/original", response_model=OriginalOut,
            summary="The original: its text blocks with their source lines, or its pages")
def report_original_api(request: Request, report_id: Id):
    return _report(request, report_id).original.as_json()


def _original_path(request: Request, report_id: int):
    site = site_of(request)
    with site.store() as db:
        row = data.report_row(db, report_id)
    if row is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告 / no report {report_id}")
    path = site.files.original(row["sha256"], row["local_path"])
    if path is None:
        raise HTTPException(404, "原始文件不可用 / the original file is not available")
    return row, path


@router.get("/reports/{report_id}/file", response_class=Response, summary="The original file, as a download")
def report_file(request: Request, report_id: Id):
    _, path = _original_path(request, report_id)
    return Response(path.read_bytes(), media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="report-{report_id}{path.suffix}"'})


@router.get("/reports/{report_id}/pages/{number}.png", response_class=Response,
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


@router.get("/reports/{report_id}/{name}.{fmt}", response_class=Response,
            summary="A report's values (cells) or findings as CSV or XLSX")
def report_download(request: Request, report_id: Id, name: str, fmt: Format):
    return download(_report(request, report_id).datasets, name, fmt, f"report-{report_id}")


@router.post("/reports/{report_id}/reparse", response_model=FileResultOut, dependencies=[Depends(require_writer)],
             summary="Parse a report again from its original; reviews are kept")
def reparse_api(request: Request, report_id: Id):
    result = uploads.reparse(site_of(request), report_id)
    if result is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告 / no report {report_id}")
    return vars(result)


# ------------------------------------------------------------------ findings and reviews

@router.get("/findings", response_model=FindingListOut,
            summary="Every finding across reports: filtered (code, severity, status, agency, region, level, year), "
                    "searched, sorted, with facets")
def findings_api(request: Request, code: str | None = Query(None, max_length=MAX_TEXT), severity: str | None = Query(None, max_length=MAX_TEXT),
                 status: str | None = Query(None, max_length=MAX_TEXT), agency_id: int | None = Query(None, ge=1),
                 report_id: int | None = Query(None, ge=1), region: str | None = Query(None, max_length=MAX_TEXT),
                 level: str | None = Query(None, max_length=MAX_TEXT), year: YearNo = None, origin: str | None = Query(None, max_length=MAX_TEXT),
                 q: str | None = Query(None, max_length=MAX_TEXT, description=SEARCH_HELP),
                 sort: str | None = Query(None, max_length=40, description=SORT_HELP),
                 limit: Limit = 50, offset: Offset = 0):
    return _list_api(request, lists.FINDINGS, limit, offset)


def _finding(request: Request, finding: str) -> dict:
    """A finding by its stable key (16 hex digits) or, for older clients, its row id."""
    with site_of(request).store() as db:
        if finding.isdigit() and len(finding) <= 16:
            found = data.finding(db, int(finding))
        else:
            found = data.finding_by_key(db, finding)
    if found is None:
        raise HTTPException(404, f"没有编号为 {finding[:40]} 的问题")
    return found


@router.get("/findings/{finding}", response_model=FindingOut, summary="One finding, by its stable key (or row id)")
def finding_api(request: Request, finding: str = Path(max_length=40)):
    return _finding(request, finding)


@router.get("/findings/{finding}/history", response_model=list[HistoryOut],
            summary="Every review of a finding: who, when, what, comment (oldest first)")
def finding_history_api(request: Request, finding: str = Path(max_length=40)):
    found = _finding(request, finding)
    with site_of(request).store() as db:
        return reviews.history(db, found["sha256"], found["code"], found["where"])


@router.post("/findings/review", response_model=BulkReviewOut, dependencies=[Depends(require_writer)],
             summary="Confirm, dismiss or reopen many findings (by key) with one comment")
def bulk_review_api(request: Request, body: BulkReviewIn):
    who = reviewer_name(request)
    with site_of(request).store() as db:
        try:
            n = reviews.review(db, body.keys, body.status, (body.comment or "").strip() or None, who)
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None
    return {"reviewed": n, "reviewer": who}


@router.post("/findings/{finding}/review", response_model=FindingOut, dependencies=[Depends(require_writer)],
             summary="Confirm or dismiss a finding (by key or row id), with a comment; kept across re-parses")
def review_api(request: Request, body: ReviewIn, finding: str = Path(max_length=40)):
    found = _finding(request, finding)
    with site_of(request).store() as db:
        try:
            reviews.review(db, [found["key"]], body.status, (body.comment or "").strip() or None,
                           reviewer_name(request))
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None
        return data.finding_by_key(db, found["key"], found["report_id"])


# ------------------------------------------------------------------ agencies

@router.get("/agencies", response_model=AgencyListOut, summary="Agencies: filtered, searched, sorted, with facets")
def agencies_api(request: Request, q: str | None = Query(None, max_length=MAX_TEXT,
                                                         description="words of the name, a former name, region or code"),
                 level: str | None = Query(None, max_length=MAX_TEXT), region: str | None = Query(None, max_length=MAX_TEXT), kind: str | None = Query(None, max_length=MAX_TEXT),
                 sort: str | None = Query(None, max_length=40, description=SORT_HELP),
                 limit: Limit = 50, offset: Offset = 0):
    return _list_api(request, lists.AGENCIES, limit, offset)


@router.get("/agencies/{agency_id}", response_model=AgencyPageOut,
            summary="An agency: its reports, key figures by year, cross-year findings")
def agency_api(request: Request, agency_id: Id):
    return _agency(request, agency_id).as_json()


@router.get("/agencies/{agency_id}/{name}.{fmt}", response_class=Response,
            summary="One table or chart of an agency's page as CSV or XLSX")
def agency_download(request: Request, agency_id: Id, name: str, fmt: Format):
    return download(_agency(request, agency_id).datasets, name, fmt, f"agency-{agency_id}")


# ------------------------------------------------------------------ compare

COMPARE_A = Query(..., max_length=MAX_TEXT, description="a year, or an agency (id or name)")
COMPARE_B = Query(..., max_length=MAX_TEXT, description="another year, or another agency")


@router.get("/compare", response_model=CompareOut, summary="Two agencies or two years, cell by cell")
def compare_api(request: Request, a: str = COMPARE_A, b: str = COMPARE_B,
                year: YearNo = None,
                agency: str | None = Query(None, max_length=MAX_TEXT,
                                           description="two years: one agency's reports (default: all)"),
                only_differences: bool = False):
    return _compare(request, a, b, year, agency, only_differences).as_json()


@router.get("/compare/{name}.{fmt}", response_class=Response, summary="A comparison's table or chart as CSV or XLSX")
def compare_download(request: Request, name: str, fmt: Format, a: str = COMPARE_A, b: str = COMPARE_B,
                     year: YearNo = None, agency: str | None = Query(None, max_length=MAX_TEXT), only_differences: bool = False):
    return download(_compare(request, a, b, year, agency, only_differences).datasets, name, fmt, "compare")


# ------------------------------------------------------------------ ingest

@router.post("/uploads", response_model=IngestOut, dependencies=[Depends(require_writer)],
             summary="Upload report files (multipart, field `files`); the result per file")
def upload_api(request: Request, files: list[UploadFile] = File(...)):
    site = site_of(request)
    return {"results": [vars(uploads.receive(site, f.filename, f.file)) for f in files]}


@router.post("/urls", response_model=IngestOut, dependencies=[Depends(require_user)],
             summary="Download report pages or files by URL and ingest them; the result per file")
def urls_api(request: Request, body: UrlsIn):
    try:
        results = uploads.ingest_urls(site_of(request), [u.strip() for u in body.urls if u.strip()])
    except uploads.UploadRefused as exc:
        raise HTTPException(400, str(exc)) from None
    return {"results": [vars(r) for r in results]}

