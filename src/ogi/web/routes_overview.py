"""The overview page (``/``): totals and rankings for a region and year."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..store import pages as data
from .overview import RANKING_SHOWN, overview
from .pages import ALL_YEARS, render, selection_of
from .params import MAX_TEXT

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, year: str | None = Query(None, max_length=8),
                  region: str | None = Query(None, max_length=MAX_TEXT), level: str | None = Query(None, max_length=20),
                  code: str | None = Query(None, max_length=60)):
    with request.app.state.site.store() as db:
        options = data.filter_options(db)
        selection = selection_of(options, year, region, level, code)
        page = overview(db, selection, RANKING_SHOWN)  # the page lists the first ones; downloads have all
    params = {"year": ALL_YEARS if selection.year is None else selection.year, "region": selection.region,
              "level": selection.level, "code": selection.code}
    return render(request, "overview.html", page=page, options=options, params=params)
