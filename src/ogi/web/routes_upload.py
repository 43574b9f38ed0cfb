"""Uploading reports (files or URLs), and signing in: with a name and password (a session,
:mod:`ogi.web.accounts`) or with the server's token.

With JavaScript the upload page sends each file on its own to ``/api/uploads`` and shows
its progress and result; without, the form posts here and the results come as a page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from . import accounts, uploads
from .security import COOKIE, SESSION_COOKIE, require_user, require_writer, token_matches
from .pages import render

router = APIRouter(include_in_schema=False)


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


def _local(path: str | None) -> str:
    """Where to go after signing in: a path of this site, never another site."""
    return path if path and path.startswith("/") and not path.startswith("//") and "\\" not in path else "/"


def _signed_in(request: Request, token: str, next_path: str | None):
    response = RedirectResponse(_local(next_path), status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


def _login(request: Request, status_code: int = 200, message: str | None = None, next_path: str | None = None):
    has_accounts = request.app.state.site.has_accounts()
    return render(request, "login.html", status_code=status_code, message=message, next=_local(next_path),
                  has_accounts=has_accounts)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, token: str | None = Query(None, max_length=200),
               next: str | None = Query(None, max_length=2000)):
    site = request.app.state.site
    if token is not None and site.token is not None and token_matches(site.token, token):
        return _signed_in(request, token, next)
    return _login(request, 401 if token is not None else 200, "令牌不正确" if token is not None else None, next)


@router.post("/login", response_class=HTMLResponse)
def login_form(request: Request, token: str = Form("", max_length=200), name: str = Form("", max_length=64),
               password: str = Form("", max_length=accounts.MAX_PASSWORD), next: str = Form("/", max_length=2000)):
    site = request.app.state.site
    if name:
        with site.store() as db:
            user = accounts.authenticate(db, name, password)
            cookie = accounts.open_session(db, user) if user else None
        if cookie is None:
            return _login(request, 401, "用户名或密码不正确", next)
        response = RedirectResponse(_local(next), status_code=303)
        response.set_cookie(SESSION_COOKIE, cookie, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", max_age=accounts.SESSION_DAYS * 86400)
        return response
    if site.token is not None and token and token_matches(site.token, token):
        return _signed_in(request, token, next)
    return _login(request, 401, "令牌不正确" if token else "请输入用户名和密码", next)


@router.post("/logout")
def logout(request: Request):
    with request.app.state.site.store() as db:
        accounts.close_session(db, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    response.delete_cookie(COOKIE)
    return response
