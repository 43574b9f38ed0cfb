"""The agencies: a searchable list, and the agency page (its years, trend, cross-year findings)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from . import data
from .agency import agency_page
from .pages import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


@router.get("/agencies", response_class=HTMLResponse)
def agencies_page(request: Request, q: str | None = None, page: int = 1):
    page = max(page, 1)
    with request.app.state.site.store() as db:
        total, rows = data.list_agencies(db, q, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return render(request, "agencies.html", rows=rows, total=total, page=page, page_size=PAGE_SIZE, params={"q": q})


@router.get("/agencies/{agency_id}", response_class=HTMLResponse)
def agency_view(request: Request, agency_id: int):
    with request.app.state.site.store() as db:
        page = agency_page(db, agency_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {agency_id} 的机关 / no agency {agency_id}")
    return render(request, "agency.html", page=page)
