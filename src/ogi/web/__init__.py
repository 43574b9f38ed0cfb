"""The web app for reviewers, researchers and journalists (``ogi serve``).

    >>> from ogi.web import create_app
    >>> app = create_app("ogi.duckdb")          # a FastAPI app; run it with uvicorn

Pages are rendered on the server (Jinja2, Chinese interface); every page has a JSON
twin under ``/api`` (documented at ``/docs``). Modules: ``app`` (the factory), ``site``
(the store, the kept files and the parser process shared by all requests), ``files``
(original files, content-addressed), ``security`` (upload limits, token, same-origin
writes), ``data`` (queries the store does not have), ``labels`` (Chinese names of cells,
levels, statuses), ``report_view``/``original`` (the report page: tables in the official
layout with flagged cells, the original beside them), ``overview``/``agency``/``compare``
(the other pages' models), ``datasets`` (every table and chart as CSV/XLSX/Parquet/JSON), ``uploads``
(uploads, URLs, re-parsing), ``pages`` (templates, filters, downloads), ``schemas`` (the
API's JSON), ``api`` and ``routes_*`` (the endpoints); ``params`` (the bounds of every
number a request carries), ``lists`` (lists with facets, sort, search), ``accounts`` and
``reviews`` (who reviews, stable finding keys, history), ``workers`` and ``intake`` (the
upload parser pool and what it accepts), ``urlguard`` (URL imports to public addresses
only), ``builder`` (the report builder), ``sql`` (read-only SQL while the server runs),
``static_files`` (compressed, cached static files). See ``docs/web.md``.
"""

__all__ = ["create_app", "WEB_ZH", "WEB_EN"]

# what needs the ``web`` extra, as its missing-extra message names it
WEB_ZH = "网页版(ogi serve)"
WEB_EN = "the web app (ogi serve)"


def __getattr__(name: str):
    """``create_app`` imported when first asked for: the upload workers import modules of
    this package (``ogi.web.workers``, ``ogi.web.intake``) without the web framework."""
    if name == "create_app":
        from ..errors import needs_extra

        with needs_extra("web", WEB_ZH, WEB_EN):
            import jinja2  # noqa: F401 - Starlette's templates assert it rather than import it
            import python_multipart  # noqa: F401 - FastAPI refuses form routes without it
            from .app import create_app

        return create_app
    raise AttributeError(name)
