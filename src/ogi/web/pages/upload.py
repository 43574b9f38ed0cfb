"""The upload page (``/upload``; ``/api/uploads`` and ``/api/urls`` for clients): report
files or URLs in, the result per file out (:mod:`ogi.web.uploads` receives them, one at a
time through the store's one way in, :func:`ogi.store.intake.ingest_one`).

With JavaScript the page sends each file on its own to ``/api/uploads`` and shows its
progress and result; without, the form posts here and the results come as a page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from .. import uploads
from ..schemas import FileResultOut
from ..security import require_user, require_writer
from . import render

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api")


class IngestOut(BaseModel):
    results: list[FileResultOut]


class UrlsIn(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=uploads.MAX_URLS)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    return render(request, "upload.html", results=None, max_upload=request.app.state.site.max_upload,
                  max_urls=uploads.MAX_URLS)


@router.post("/upload", response_class=HTMLResponse, dependencies=[Depends(require_writer)])
def upload_form(request: Request, files: list[UploadFile] = File(default=[]), urls: str = Form("", max_length=50_000)):
    site = request.app.state.site
    listed = [u.strip() for u in urls.splitlines() if u.strip()]
    if listed:
        require_user(request)
    results = [uploads.receive(site, f.filename, f.file) for f in files if f.filename]
    problem = None
    if listed:
        try:
            results += uploads.ingest_urls(site, listed)
        except uploads.UploadRefused as exc:
            problem = str(exc)
    return render(request, "upload.html", results=results, problem=problem, max_upload=site.max_upload,
                  max_urls=uploads.MAX_URLS)


@api.post("/uploads", response_model=IngestOut, dependencies=[Depends(require_writer)],
          summary="Upload report files (multipart, field `files`); the result per file")
def upload_api(request: Request, files: list[UploadFile] = File(...)):
    site = request.app.state.site
    return {"results": [vars(uploads.receive(site, f.filename, f.file)) for f in files]}


@api.post("/urls", response_model=IngestOut, dependencies=[Depends(require_user)],
          summary="Download report pages or files by URL and ingest them; the result per file")
def urls_api(request: Request, body: UrlsIn):
    try:
        results = uploads.ingest_urls(request.app.state.site, [u.strip() for u in body.urls if u.strip()])
    except uploads.UploadRefused as exc:
        raise HTTPException(400, str(exc)) from None
    return {"results": [vars(r) for r in results]}
