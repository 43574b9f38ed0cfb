"""The reports: a list like datasette's (facets, sort, multi-word search, ``.json``), and
the report page (tables, original, findings) with its two write actions, reviewing a
finding and parsing the report again."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from ..store import StoreError
from ..store import pages as data
from . import lists, reviews, uploads
from .pages import list_query, render
from .params import Id, PageNo
from .report_view import report_page, section_headings
from .schemas import MAX_COMMENT
from .security import require_writer, reviewer_name

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def _list(request: Request, page: int) -> lists.ListResult:
    with request.app.state.site.store() as db:
        return lists.run(db, lists.REPORTS, list_query(request), page, PAGE_SIZE)


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, page: PageNo = 1):
    return render(request, "reports.html", result=_list(request, page))


@router.get("/reports.json")
def reports_json(request: Request, page: PageNo = 1):
    return JSONResponse(jsonable_encoder(_list(request, page).as_json()))


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
