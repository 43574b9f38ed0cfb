"""The compare page: two agencies or two years side by side."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..store import StoreError
from .compare import CompareQuery, compare
from .pages import form_year, render
from .params import MAX_TEXT

router = APIRouter(include_in_schema=False)


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, a: str = Query("", max_length=MAX_TEXT), b: str = Query("", max_length=MAX_TEXT),
                 year: str | None = Query(None, max_length=8), agency: str | None = Query(None, max_length=MAX_TEXT),
                 only_differences: bool = False):
    year_no = form_year(year)
    a, b = a.strip(), b.strip()
    params = {"a": a, "b": b, "year": year_no, "agency": agency or None,
              "only_differences": "true" if only_differences else None}
    page, problem = None, None
    if a and b:
        with request.app.state.site.store() as db:
            try:
                page = compare(db, CompareQuery(a, b, year_no, agency or None, only_differences))
            except StoreError as exc:
                problem = str(exc)
    return render(request, "compare.html", page=page, problem=problem, params=params)
