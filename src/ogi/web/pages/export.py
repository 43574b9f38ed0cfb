"""Bulk export from the web (``/export``): the reports a list shows — its filters and search
in the URL, exactly as ``/reports`` takes them (:func:`ogi.web.lists.selection_sql`) — as
the tidy tables of ``ogi export`` (:mod:`ogi.store.export`): the long cells table, the wide
one-row-per-report table, the reports or their findings, in CSV, Excel, Parquet or JSON.

It works while the server holds the store: the export reads on a connection of its own
(:func:`ogi.store.export.reader`), so other pages are served meanwhile. The tables are
written in record batches to a temporary folder (never whole in memory), text a
spreadsheet would run as a formula neutralised, the codebook beside: CSV, JSON and Parquet
(a dataset partitioned by year and province) come as one ZIP with ``<what>.codebook.*``;
a workbook has a ``codebook`` sheet. The file is then streamed from disk and removed.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ...store import export as store_export
from .. import lists
from . import list_query

router = APIRouter(include_in_schema=False)
WHAT = {"cells": "单元格(长表)", "wide": "每份报告一行(宽表)", "reports": "报告", "findings": "问题"}
FORMATS = {"csv": "CSV", "xlsx": "Excel", "parquet": "Parquet", "json": "JSON"}
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _choice(value: str, choices: dict, what: str) -> str:
    if value not in choices:
        raise lists.BadQuery(f"{what}“{value[:40]}”无效,应为 {'、'.join(choices)} 之一")
    return value


def _bundle(folder: Path, written: list[Path], name: str) -> Path:
    """The written files (a Parquet dataset's folder with its parts) as one ZIP."""
    archive = folder / f"{name}.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in written:
            parts = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for part in parts:
                zf.write(part, part.relative_to(folder).as_posix())
    return archive


@router.get("/export")
def export_reports(request: Request, what: str = "cells", fmt: str = "csv", all_versions: bool = False):
    """The list's filtered reports as a tidy table; ``what``: cells, wide, reports or findings."""
    _choice(what, WHAT, "导出内容")
    _choice(fmt, FORMATS, "格式")
    query = {k: v for k, v in list_query(request).items() if k not in ("what", "fmt", "all_versions", "page")}
    ids, params = lists.selection_sql(lists.REPORTS, query)
    folder = Path(tempfile.mkdtemp(prefix="ogi-export-"))
    try:
        with request.app.state.site.store() as db:
            opened = store_export.reader(db)
            own = opened.__enter__()
        try:
            name = f"ogi-{what}"
            out = folder / f"{name}.{fmt}"
            written = store_export.export(own, fmt, out, what, all_versions=all_versions,
                                          only=(f"r.id IN ({ids})", params))
        finally:
            opened.__exit__(None, None, None)
        if fmt == "xlsx":
            path, media, filename = out, XLSX_MEDIA, f"{name}.xlsx"
        else:
            path, media, filename = _bundle(folder, written, name), "application/zip", f"{name}.zip"
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(path, media_type=media, filename=filename,
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))
