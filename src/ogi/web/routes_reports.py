"""The reports: a searchable list, and the report page (tables, original, findings)
with its two write actions, reviewing a finding and parsing the report again."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store import StoreError
from ..store.queries import review
from . import data, uploads
from .pages import form_year, render
from .report_view import report_page, section_headings
from .schemas import MAX_COMMENT
from .security import require_writer

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, q: str | None = None, year: str | None = None, page: int = 1):
    page = max(page, 1)
    year = form_year(year)
    with request.app.state.site.store() as db:
        total, rows = data.list_reports(db, q, year, None, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        years = data.filter_options(db)["years"]
    return render(request, "reports.html", rows=rows, total=total, page=page, page_size=PAGE_SIZE, years=years,
                  params={"q": q, "year": year})


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_view(request: Request, report_id: int, done: str | None = None):
    page = report_page(request.app.state.site, report_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告 / no report {report_id}")
    return render(request, "report.html", page=page, sections=section_headings(page.report), done=done)


@router.post("/reports/{report_id}/findings/{finding_id}/review", dependencies=[Depends(require_writer)])
def review_form(request: Request, report_id: int, finding_id: int,
                status: Literal["open", "confirmed", "dismissed"] = Form(...),
                comment: str = Form("", max_length=MAX_COMMENT)):
    with request.app.state.site.store() as db:
        found = data.finding(db, finding_id)
        if found is None or found["report_id"] != report_id:
            raise HTTPException(404, f"该报告没有编号为 {finding_id} 的问题 / no finding {finding_id} on this report")
        try:
            review(db, finding_id, status, comment.strip() or None)
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/reports/{report_id}#finding-{finding_id}", status_code=303)


@router.post("/reports/{report_id}/reparse", dependencies=[Depends(require_writer)])
def reparse_form(request: Request, report_id: int):
    result = uploads.reparse(request.app.state.site, report_id)
    if result is None:
        raise HTTPException(404, f"没有编号为 {report_id} 的报告 / no report {report_id}")
    if result.status == "failed":
        raise HTTPException(400, f"重新解析失败 / re-parsing failed: {result.reason}")
    return RedirectResponse(f"/reports/{report_id}?done=reparsed", status_code=303)
