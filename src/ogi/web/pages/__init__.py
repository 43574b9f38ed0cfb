"""The pages, one module each (``overview``, ``reports``, ``findings``, ``agencies``,
``compare``, ``builder``, ``upload``, ``accounts``, ``author``, ``sql``, ``export``): each
holds its routes, which serve the HTML page and its JSON (``.json`` or ``/api/…``) from one
view model, the JSON's shapes and the model itself; the template stays a template.

This package's own module is what the pages share: the Jinja2 environment (autoescaped),
rendering a page with the context every page needs, reading the overview's filters from a
query, and sending a dataset as a download or a view model as JSON."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ... import __version__
from ...store.pages import Selection
from .. import labels
from ..datasets import FORMATS, Dataset, encode
from ..security import current_user, may_write

TEMPLATES = Path(__file__).parent.parent / "templates"
ALL_YEARS = "all"


def shown_number(value) -> str:
    """A value in a table: whole numbers plainly, others as printed, nothing for no value."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


def query(params: dict, **changes) -> str:
    """``?…`` of ``params`` with ``changes`` (a None value drops the parameter)."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged, doseq=True) if merged else ""


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(labels=labels, version=__version__, query=query)
    env.filters["num"] = shown_number
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    site = request.app.state.site
    try:
        user, can_write = current_user(request), may_write(request)
    except Exception:  # noqa: BLE001 - an error page must render even when the store cannot answer
        user, can_write = None, False
    context.update(request=request, user=user, can_write=can_write, token_required=site.token is not None)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def list_query(request: Request) -> dict[str, str]:
    """A list page's query string as one value per parameter (what :func:`ogi.web.lists.run` reads)."""
    return dict(request.query_params)


def json_response(value) -> JSONResponse:
    """A page's ``.json`` twin: the view model's JSON, dates and decimals encoded."""
    return JSONResponse(jsonable_encoder(value))


def form_year(text: str | None) -> int | None:
    """A year from a form field: empty is none; anything but a year is bad input (422)."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    if not (text.isascii() and text.isdigit() and len(text) == 4) or not 1990 <= int(text) <= 2100:
        raise HTTPException(422, f"年度“{text[:20]}”无效,应为 1990–2100 之间的年份")
    return int(text)


def parse_year(text: str | None, latest: int | None) -> int | None:
    """A year filter: none given → the latest year there is; ``all`` → every year."""
    if text is None or text == "":
        return latest
    return None if text == ALL_YEARS else form_year(text)


def selection_of(options: dict, year: str | None, region: str | None, level: str | None,
                 code: str | None) -> Selection:
    """The overview's selection from its query; an unknown level or code is bad input (422)."""
    if level and level not in labels.LEVELS:
        raise HTTPException(422, f"层级“{level[:20]}”无效,应为 {'、'.join(labels.LEVELS.values())} 之一")
    if code and code not in labels.CODES:
        raise HTTPException(422, f"问题代码“{code[:60]}”无效")
    latest = options["years"][0] if options["years"] else None
    return Selection(year=parse_year(year, latest), region=region or None, level=level or None, code=code or None)


def download(datasets: dict[str, Dataset], name: str, fmt: str, stem: str) -> Response:
    """One dataset of a page as CSV or XLSX (404 for a name the page does not have)."""
    if name not in datasets:
        raise HTTPException(404, f"没有名为 {name} 的表格 / no table {name}: one of {', '.join(datasets)}")
    if fmt not in FORMATS:
        raise HTTPException(404, f"格式应为 {'、'.join(FORMATS)} 之一")
    return Response(encode(datasets[name], fmt), media_type=FORMATS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{stem}-{name}.{fmt}"'})


__all__ = ["TEMPLATES", "ALL_YEARS", "shown_number", "query", "render", "list_query", "json_response", "form_year",
           "parse_year", "selection_of", "download"]
