"""The review queue (``/findings``): every finding across reports, filtered, grouped by code
with counts per review status, reviewed in bulk with a comment; a finding's own page with
the history of its reviews. ``/findings.json`` answers the same query as JSON."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from ..store import StoreError
from ..store import pages as data
from . import lists, reviews
from .labels import STATUSES, place_label
from .pages import list_query, render
from .params import PageNo
from .reviews import MAX_BULK
from .schemas import MAX_COMMENT
from .security import require_writer, reviewer_name

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def code_groups(db, query) -> list[dict]:
    """Findings of the query (all codes) by code and severity, counted per review status."""
    without_code = {k: v for k, v in query.items() if k != "code"}
    filters, q, _ = lists.read_query(lists.FINDINGS, without_code)
    conds, params = lists._conditions(lists.FINDINGS, filters, q)
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    rows = db.execute(f"SELECT t.code, t.severity, t.status, count(*) FROM ({lists.finding_rows_sql()}) t {where} "
                      "GROUP BY t.code, t.severity, t.status", params)
    groups: dict[tuple, dict] = {}
    for code, severity, status, n in rows:
        g = groups.setdefault((code, severity), {"code": code, "severity": severity, "total": 0,
                                                 **dict.fromkeys(STATUSES, 0)})
        g[status] = g.get(status, 0) + n
        g["total"] += n
    return sorted(groups.values(), key=lambda g: (-g["total"], g["code"]))


def findings_list(request: Request, page: int):
    query = list_query(request)
    with request.app.state.site.store() as db:
        result = lists.run(db, lists.FINDINGS, query, page, PAGE_SIZE)
        groups = code_groups(db, query)
        options = data.filter_options(db)
    return result, groups, options


@router.get("/findings", response_class=HTMLResponse)
def findings_page(request: Request, page: PageNo = 1, done: int | None = Query(None, ge=0, le=MAX_BULK)):
    result, groups, options = findings_list(request, page)
    return render(request, "findings.html", result=result, groups=groups, options=options, done=done)


@router.get("/findings.json")
def findings_json(request: Request, page: PageNo = 1):
    result, groups, _ = findings_list(request, page)
    return JSONResponse(jsonable({**result.as_json(), "groups": groups}))


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


def jsonable(value):
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value)
