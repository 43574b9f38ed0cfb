"""Accounts (``/login``, ``/logout``, ``/users``): signing in with a name and password (a
session, :mod:`ogi.store.accounts`) or with the server's token, and the administrators'
page of reviewer accounts."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...store import StoreError
from ...store import accounts
from ..security import COOKIE, SESSION_COOKIE, current_user, require_admin, token_matches
from . import render

router = APIRouter(include_in_schema=False)


# ------------------------------------------------------------------ signing in
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


# ------------------------------------------------------------------ reviewer accounts (administrators)
@router.get("/users", response_class=HTMLResponse, dependencies=[Depends(require_admin)])
def users_page(request: Request, done: Literal["added", "removed"] | None = None):
    with request.app.state.site.store() as db:
        users = accounts.list_users(db)
    return render(request, "users.html", users=users, roles=accounts.ROLES, done=done, problem=None)


@router.post("/users", response_class=HTMLResponse, dependencies=[Depends(require_admin)])
def add_user_form(request: Request, name: str = Form(..., max_length=64),
                  role: Literal["reviewer", "admin"] = Form(...),
                  password: str = Form(..., max_length=accounts.MAX_PASSWORD)):
    with request.app.state.site.store() as db:
        try:
            accounts.add_user(db, name, role, password)
            request.app.state.site.forget_accounts()
        except StoreError as exc:
            return render(request, "users.html", status_code=400, users=accounts.list_users(db), roles=accounts.ROLES,
                          done=None, problem=str(exc))
    return RedirectResponse("/users?done=added", status_code=303)


@router.post("/users/{name}/remove", dependencies=[Depends(require_admin)])
def remove_user_form(request: Request, name: str):
    user = current_user(request)
    if user is not None and user.name == name:
        raise HTTPException(400, "不能删除自己的账号")
    with request.app.state.site.store() as db:
        try:
            accounts.remove_user(db, name)
            request.app.state.site.forget_accounts()
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None
    return RedirectResponse("/users?done=removed", status_code=303)
