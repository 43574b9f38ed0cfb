"""The web app for reviewers, researchers and journalists (``ogi serve``).

    >>> from ogi.web import create_app
    >>> app = create_app("ogi.duckdb")          # a FastAPI app; run it with uvicorn

Pages are rendered on the server (Jinja2, Chinese interface); every page has a JSON
twin (``.json`` or under ``/api``, documented at ``/docs``) served from the same view model.
Each page is one module of :mod:`ogi.web.pages` (``overview``, ``reports``, ``findings``,
``agencies``, ``compare``, ``builder``, ``upload``, ``accounts``, ``author``, ``sql``,
``export``): its routes, its view model and the JSON shapes only it has; its template is in
``templates/``. Every SQL statement is the store's (:mod:`ogi.store.pages`,
:mod:`ogi.store.lists`, …). What the pages share: ``app`` (the factory), ``site`` (the
store, the kept files and the parser pool shared by all requests), ``files`` (original
files, content-addressed), ``security`` (upload limits, token, same-origin writes),
``labels`` (Chinese names of cells, levels, statuses), ``original`` (a report's original
beside its tables), ``datasets`` (every table and chart as CSV/XLSX/Parquet/JSON),
``schemas`` (the JSON shapes several pages share), ``params`` (the bounds of every number a
request carries), ``lists`` (lists with facets, sort, search), ``uploads`` (uploads, URLs, re-parsing), ``workers`` and ``intake`` (the
upload parser pool and what it accepts), ``urlguard`` (URL imports to public addresses
only), ``static_files`` (compressed, cached static files). See ``docs/web.md``.
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
