"""The report builder (``/builder``, :mod:`ogi.web.builder`): the choice in the URL, the
result as a page, ``.json`` and downloads of each of its tables."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse

from ..store import pages as data
from .builder import build, measure_options, read_choice
from .pages import download, render

router = APIRouter(include_in_schema=False)


def _built(request: Request):
    query = {k: request.query_params.getlist(k) for k in request.query_params}
    choice = read_choice(query)
    with request.app.state.site.store() as db:
        return build(db, choice), data.filter_options(db)


@router.get("/builder", response_class=HTMLResponse)
def builder_page(request: Request):
    built, options = _built(request)
    return render(request, "builder.html", built=built, options=options, measures=measure_options())


@router.get("/builder.json")
def builder_json(request: Request):
    return JSONResponse(jsonable_encoder(_built(request)[0].as_json()))


@router.get("/builder/{name}.{fmt}")
def builder_download(request: Request, name: str, fmt: str):
    return download(_built(request)[0].datasets, name, fmt, "builder")
