"""Uploading reports (files or URLs) and signing in with the server's token.

With JavaScript the upload page sends each file on its own to ``/api/uploads`` and shows
its progress and result; without, the form posts here and the results come as a page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from . import uploads
from .pages import render
from .security import COOKIE, require_writer, token_matches

router = APIRouter(include_in_schema=False)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    return render(request, "upload.html", results=None, max_upload=request.app.state.site.max_upload,
                  max_urls=uploads.MAX_URLS)


@router.post("/upload", response_class=HTMLResponse, dependencies=[Depends(require_writer)])
def upload_form(request: Request, files: list[UploadFile] = File(default=[]), urls: str = Form("")):
    site = request.app.state.site
    results = [uploads.receive(site, f.filename, f.file) for f in files if f.filename]
    listed = [u.strip() for u in urls.splitlines() if u.strip()]
    problem = None
    if listed:
        try:
            results += uploads.ingest_urls(site, listed)
        except uploads.UploadRefused as exc:
            problem = str(exc)
    return render(request, "upload.html", results=results, problem=problem, max_upload=site.max_upload,
                  max_urls=uploads.MAX_URLS)


def _local(path: str | None) -> str:
    """Where to go after signing in: a path of this site, never another site."""
    return path if path and path.startswith("/") and not path.startswith("//") else "/"


def _signed_in(request: Request, token: str, next_path: str | None):
    response = RedirectResponse(_local(next_path), status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, token: str | None = None, next: str | None = None):
    site = request.app.state.site
    if token is not None and site.token is not None and token_matches(site.token, token):
        return _signed_in(request, token, next)
    message = "令牌不正确 / wrong token" if token is not None else None
    return render(request, "login.html", status_code=401 if message else 200, message=message, next=_local(next))


@router.post("/login", response_class=HTMLResponse)
def login_form(request: Request, token: str = Form(...), next: str = Form("/")):
    site = request.app.state.site
    if site.token is not None and token_matches(site.token, token):
        return _signed_in(request, token, next)
    return render(request, "login.html", status_code=401, message="令牌不正确 / wrong token", next=_local(next))
