"""The review queue (``/findings``, ``/findings.json``, ``/api/findings``): every finding
across reports, filtered, grouped by code with counts per review status, reviewed in bulk
with a comment; a finding's own page (``/findings/{key}``, ``/api/findings/{key}``) with the
history of its reviews. The page and its JSON are one query (:mod:`ogi.web.lists`)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from ...store import StoreError, reviews
from ...store import pages as data
from ...store.reviews import MAX_BULK
from .. import lists
from ..labels import place_label
from ..params import MAX_TEXT, Limit, Offset, PageNo, YearNo
from ..schemas import MAX_COMMENT, SEARCH_HELP, SORT_HELP, FindingOut, ListOut
from ..security import require_writer, reviewer_name
from . import json_response, list_query, render

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api")
PAGE_SIZE = 50


# ------------------------------------------------------------------ the JSON's shapes

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


class ReviewIn(BaseModel):
    status: Literal["open", "confirmed", "dismissed"]
    comment: str | None = Field(None, max_length=MAX_COMMENT)


# ------------------------------------------------------------------ the queue

def findings_list(request: Request, page: int):
    query = list_query(request)
    with request.app.state.site.store() as db:
        result = lists.run(db, lists.FINDINGS, query, page, PAGE_SIZE)
        groups = lists.code_groups(db, query)
        options = data.filter_options(db)
    return result, groups, options


@router.get("/findings", response_class=HTMLResponse)
def findings_page(request: Request, page: PageNo = 1, done: int | None = Query(None, ge=0, le=MAX_BULK)):
    result, groups, options = findings_list(request, page)
    return render(request, "findings.html", result=result, groups=groups, options=options, done=done)


@router.get("/findings.json")
def findings_json(request: Request, page: PageNo = 1):
    result, groups, _ = findings_list(request, page)
    return json_response({**result.as_json(), "groups": groups})


@api.get("/findings", response_model=FindingListOut,
         summary="Every finding across reports: filtered (code, severity, status, agency, region, level, year), "
                 "searched, sorted, with facets")
def findings_api(request: Request, code: str | None = Query(None, max_length=MAX_TEXT), severity: str | None = Query(None, max_length=MAX_TEXT),
                 status: str | None = Query(None, max_length=MAX_TEXT), agency_id: int | None = Query(None, ge=1),
                 report_id: int | None = Query(None, ge=1), region: str | None = Query(None, max_length=MAX_TEXT),
                 level: str | None = Query(None, max_length=MAX_TEXT), year: YearNo = None, origin: str | None = Query(None, max_length=MAX_TEXT),
                 q: str | None = Query(None, max_length=MAX_TEXT, description=SEARCH_HELP),
                 sort: str | None = Query(None, max_length=40, description=SORT_HELP),
                 limit: Limit = 50, offset: Offset = 0):
    with request.app.state.site.store() as db:
        return lists.run(db, lists.FINDINGS, list_query(request), size=limit, offset=offset).as_json()


def _local(path: str) -> str:
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/findings"


@router.post("/findings/review", dependencies=[Depends(require_writer)])
def bulk_review_form(request: Request, status: Literal["open", "confirmed", "dismissed"] = Form(...),
                     keys: list[str] = Form(default=[]), comment: str = Form("", max_length=MAX_COMMENT),
                     next: str = Form("/findings", max_length=2000)):
    if not keys:
        raise HTTPException(400, "没有选择任何问题:请先勾选要审核的问题")
    with request.app.state.site.store() as db:
        try:
            n = reviews.review(db, keys, status, comment.strip() or None, reviewer_name(request))
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
    target = _local(next)
    if target.startswith("/findings/") or "#" in target:
        return RedirectResponse(target, status_code=303)
    joiner = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{joiner}done={n}", status_code=303)


# ------------------------------------------------------------------ one finding

@router.get("/findings/{key}", response_class=HTMLResponse)
def finding_page(request: Request, key: str):
    with request.app.state.site.store() as db:
        found = data.finding_by_key(db, key)
        if found is None:
            raise HTTPException(404, f"没有编号为 {key[:40]} 的问题(报告可能已删除)")
        report = data.report_row(db, found["report_id"])
        assert report is not None  # the finding was found through its report
        history = reviews.history(db, found["sha256"], found["code"], found["where"])
    found["place"] = place_label(found["where"], report["template"])
    return render(request, "finding.html", f=found, report=report, history=history)


def _finding(request: Request, finding: str) -> dict:
    """A finding by its stable key (16 hex digits) or, for older clients, its row id."""
    with request.app.state.site.store() as db:
        if finding.isdigit() and len(finding) <= 16:
            found = data.finding(db, int(finding))
        else:
            found = data.finding_by_key(db, finding)
    if found is None:
        raise HTTPException(404, f"没有编号为 {finding[:40]} 的问题")
    return found


@api.get("/findings/{finding}", response_model=FindingOut, summary="One finding, by its stable key (or row id)")
def finding_api(request: Request, finding: str = Path(max_length=40)):
    return _finding(request, finding)


@api.get("/findings/{finding}/history", response_model=list[HistoryOut],
         summary="Every review of a finding: who, when, what, comment (oldest first)")
def finding_history_api(request: Request, finding: str = Path(max_length=40)):
    found = _finding(request, finding)
    with request.app.state.site.store() as db:
        return reviews.history(db, found["sha256"], found["code"], found["where"])


@api.post("/findings/review", response_model=BulkReviewOut, dependencies=[Depends(require_writer)],
          summary="Confirm, dismiss or reopen many findings (by key) with one comment")
def bulk_review_api(request: Request, body: BulkReviewIn):
    who = reviewer_name(request)
    with request.app.state.site.store() as db:
        try:
            n = reviews.review(db, body.keys, body.status, (body.comment or "").strip() or None, who)
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None
    return {"reviewed": n, "reviewer": who}


@api.post("/findings/{finding}/review", response_model=FindingOut, dependencies=[Depends(require_writer)],
          summary="Confirm or dismiss a finding (by key or row id), with a comment; kept across re-parses")
def review_api(request: Request, body: ReviewIn, finding: str = Path(max_length=40)):
    found = _finding(request, finding)
    with request.app.state.site.store() as db:
        try:
            reviews.review(db, [found["key"]], body.status, (body.comment or "").strip() or None,
                           reviewer_name(request))
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None
        return data.finding_by_key(db, found["key"], found["report_id"])
