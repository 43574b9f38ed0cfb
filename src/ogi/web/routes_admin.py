"""What only administrators do from the web: merge and split agencies (the same stored
decisions as the command line: :func:`ogi.store.agencies.merge` and ``split``), and
manage the reviewer accounts."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..store import StoreError
from ..store.agencies import merge, split
from . import accounts
from .compare import resolve_agency
from .pages import render
from .params import MAX_TEXT, Id
from .security import current_user, require_admin

router = APIRouter(include_in_schema=False)


@router.post("/agencies/{agency_id}/merge", dependencies=[Depends(require_admin)])
def merge_form(request: Request, agency_id: Id, other: str = Form(..., max_length=MAX_TEXT)):
    with request.app.state.site.store() as db:
        try:
            gone = resolve_agency(db, other)
            if db.scalar("SELECT count(*) FROM agencies WHERE id = ?", [agency_id]) == 0:
                raise StoreError(f"没有编号为 {agency_id} 的机关")
            merge(db, agency_id, gone)
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/agencies/{agency_id}?done=merged", status_code=303)


@router.post("/agencies/{agency_id}/split", dependencies=[Depends(require_admin)])
def split_form(request: Request, agency_id: Id, aliases: list[str] = Form(default=[])):
    if not aliases:
        raise HTTPException(400, "没有选择要拆出的名称或代码")
    with request.app.state.site.store() as db:
        try:
            new_id = split(db, agency_id, [a[:MAX_TEXT] for a in aliases])
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/agencies/{new_id}?done=split", status_code=303)


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
