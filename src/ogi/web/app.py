"""The FastAPI application: the pages (:mod:`ogi.web.pages`, each with its JSON), static
files, limits and error pages."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..store import StoreError
from .lists import BadQuery
from .pages import accounts, agencies, author, builder, compare, export, findings, overview, render, reports, sql, \
    templates, upload
from .params import problems_of
from .security import BodyLimit, Forbidden, NeedToken, SameOrigin
from .site import DEFAULT_MAX_UPLOAD, PARSE_TIMEOUT, Site
from .static_files import CompressedStatic
from .workers import DEFAULT_MEMORY, DEFAULT_WORKERS

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
reviews, re-parsing) need the server's token (`Authorization: Bearer …`) or a signed-in
account when the server has either; URL imports always need one. Every list page's query
(filters, `q`, `sort`, `page`) gives the same rows as JSON at the page's path + `.json`."""
STATUS_TEXT = {400: "请求有误", 401: "需要登录", 403: "没有权限", 404: "页面不存在", 405: "不支持的请求方法",
               413: "内容过大", 422: "请求参数有误", 500: "服务器内部错误"}


DATA_SUFFIXES = (".json", ".csv", ".xlsx", ".parquet")
# one module per page: its routes serve the page and its JSON (``.json`` or ``/api/…``) from one view model
PAGES = (overview, reports, findings, agencies, compare, upload, accounts, sql, builder, author, export)


def _wants_html(request: Request) -> bool:
    """A page's error is a page; the API's, a download's or a ``.json``'s is JSON."""
    path = request.url.path
    return not (path.startswith(("/api/", "/docs", "/openapi", "/static/")) or path.endswith(DATA_SUFFIXES))


def create_app(db_url: str, files_dir: Path | None = None, token: str | None = None,
               max_upload: int = DEFAULT_MAX_UPLOAD, allowed_hosts: Sequence[str] | None = None,
               parse_timeout: float = PARSE_TIMEOUT, parse_workers: int = DEFAULT_WORKERS,
               parse_memory: int = DEFAULT_MEMORY, allow_private_urls: bool = False,
               sql_db: str | None = None) -> FastAPI:
    """The web app over the store at ``db_url``, opened now (:class:`ogi.store.StoreError`
    if it cannot be) and closed when the app shuts down.

    ``files_dir`` keeps the original files (default: beside the DuckDB file); ``token``, if
    given, is needed for every write (or a signed-in account); ``max_upload`` caps a request
    body in bytes; ``allowed_hosts`` limits the ``Host`` header (against DNS rebinding);
    uploads are parsed by ``parse_workers`` processes, each limited to ``parse_memory`` bytes
    and ``parse_timeout`` seconds a file; URL imports reach private and loopback addresses
    only with ``allow_private_urls``. On PostgreSQL the SQL page queries as the read-only role
    at ``sql_db`` (default ``$OGI_SQL_DB``, the URL ``ogi sql --setup-role`` prints)."""
    site = Site(db_url, files_dir, token, max_upload, parse_timeout, parse_workers, parse_memory,
                allow_private_urls, sql_db)
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
    app.mount("/static", CompressedStatic(STATIC), name="static")
    for page in PAGES:  # the JSON API first, in the order /docs lists it
        if hasattr(page, "api"):
            app.include_router(page.api)
    for page in PAGES:
        app.include_router(page.router)

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
        if _wants_html(request):
            return render(request, "login.html", status_code=401, message=exc.message, next=request.url.path)
        return JSONResponse({"detail": exc.message}, status_code=401, headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden):
        if _wants_html(request):
            return render(request, "error.html", status_code=403, message=exc.message, title=STATUS_TEXT[403])
        return JSONResponse({"detail": exc.message}, status_code=403)

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery):
        message = f"请求参数有误:{exc}"
        if _wants_html(request):
            return render(request, "error.html", status_code=422, message=message, title=STATUS_TEXT[422])
        return JSONResponse({"detail": message}, status_code=422)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        if _wants_html(request):
            return render(request, "error.html", status_code=400, message=str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"没有这个页面:{request.url.path}"
        elif exc.status_code == 405 and message == "Method Not Allowed":
            message = "此地址不支持这种请求方法"
        if _wants_html(request):
            return render(request, "error.html", status_code=exc.status_code, message=message,
                          title=STATUS_TEXT.get(exc.status_code, "无法完成请求"))
        return JSONResponse({"detail": message}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        message = problems_of(exc.errors())
        if _wants_html(request):
            return render(request, "error.html", status_code=422, message=message, title=STATUS_TEXT[422])
        return JSONResponse({"detail": message, "errors": jsonable_encoder(exc.errors())}, status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        message = "服务器内部错误,已记录;请稍后再试 / internal server error"
        if _wants_html(request):
            return render(request, "error.html", status_code=500, message=message, title=STATUS_TEXT[500])
        return JSONResponse({"detail": message}, status_code=500)

    app.add_middleware(SameOrigin)
    app.add_middleware(BodyLimit, limit=max_upload)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app
