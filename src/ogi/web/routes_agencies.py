"""The agencies: a list like datasette's (facets, sort, search by any known name or the
organisation code, ``.json``), and the agency page (its years, trend, cross-year findings,
and the other agencies of the same name to tell it apart)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse

from . import lists
from .agency import agency_page
from .pages import list_query, render
from .params import Id, PageNo

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def _list(request: Request, page: int) -> lists.ListResult:
    with request.app.state.site.store() as db:
        return lists.run(db, lists.AGENCIES, list_query(request), page, PAGE_SIZE)


@router.get("/agencies", response_class=HTMLResponse)
def agencies_page(request: Request, page: PageNo = 1):
    return render(request, "agencies.html", result=_list(request, page))


@router.get("/agencies.json")
def agencies_json(request: Request, page: PageNo = 1):
    return JSONResponse(jsonable_encoder(_list(request, page).as_json()))


@router.get("/agencies/{agency_id}", response_class=HTMLResponse)
def agency_view(request: Request, agency_id: Id, done: str | None = None):
    with request.app.state.site.store() as db:
        page = agency_page(db, agency_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {agency_id} 的机关")
    return render(request, "agency.html", page=page, done=done if done in ("merged", "split") else None)
