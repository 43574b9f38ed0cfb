"""The FastAPI application: pages, the JSON API, static files, limits and error pages."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..store import StoreError
from . import (
    api,
    author,
    routes_agencies,
    routes_compare,
    routes_overview,
    routes_reports,
    routes_upload,
)
from .pages import render, templates
from .security import BodyLimit, NeedToken, SameOrigin
from .site import DEFAULT_MAX_UPLOAD, PARSE_TIMEOUT, Site

STATIC = Path(__file__).parent / "static"
# scripts only from this server; the charts set inline styles; page images are served here too
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                               "form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
DESCRIPTION = """The data of 政府信息公开工作年度报告 in the store: reports with their findings and
reviews, agencies over the years, totals and rankings, comparisons. Write endpoints (uploads,
URLs, reviews, re-parsing) need the server's token when it has one
(`Authorization: Bearer …`)."""


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/docs", "/openapi", "/static/"))


def create_app(db_url: str, files_dir: Path | None = None, token: str | None = None,
               max_upload: int = DEFAULT_MAX_UPLOAD, allowed_hosts: Sequence[str] | None = None,
               parse_timeout: float = PARSE_TIMEOUT) -> FastAPI:
    """The web app over the store at ``db_url``, opened now (:class:`ogi.store.StoreError`
    if it cannot be) and closed when the app shuts down.

    ``files_dir`` keeps the original files (default: beside the DuckDB file); ``token``, if
    given, is needed for every write; ``max_upload`` caps a request body in bytes;
    ``allowed_hosts`` limits the ``Host`` header (against DNS rebinding)."""
    site = Site(db_url, files_dir, token, max_upload, parse_timeout)
    site.open()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            yield
        finally:
            site.close()

    app = FastAPI(title="ogi-reports", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.site = site
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    for module in (routes_overview, routes_reports, routes_agencies, routes_compare, routes_upload, author):
        app.include_router(module.router)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request):
        """The API's documentation, with Swagger UI served from here (no network needed)."""
        return templates.TemplateResponse(request, "docs.html")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(NeedToken)
    async def need_token(request: Request, exc: NeedToken):
        message = "此操作需要令牌 / this action needs the server's token"
        if _wants_html(request):
            return render(request, "login.html", status_code=401, message=message, next=request.url.path)
        return JSONResponse({"detail": message}, status_code=401, headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        if _wants_html(request):
            return render(request, "error.html", status_code=400, message=str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if _wants_html(request):
            return render(request, "error.html", status_code=exc.status_code, message=str(exc.detail))
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        if _wants_html(request):
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
            return render(request, "error.html", status_code=422, message=f"请求参数有误 / bad request: {problems}")
        return await request_validation_exception_handler(request, exc)

    app.add_middleware(SameOrigin)
    app.add_middleware(BodyLimit, limit=max_upload)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app
