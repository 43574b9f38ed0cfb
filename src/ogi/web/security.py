"""Limits and permissions.

- :class:`BodyLimit` refuses a request body over the limit before reading it when its
  ``Content-Length`` says so, and stops reading it (413) as soon as a streamed body
  passes the limit.
- :class:`SameOrigin` refuses a write (POST, PUT, PATCH, DELETE) that a page of another
  site sent: its ``Origin`` (or ``Referer``) must be this server.
- Who is asking (:func:`current_user`): a reviewer or administrator signed in with a
  name and password (a session cookie, :mod:`ogi.store.accounts`), or a client presenting
  the server's token (``Authorization: Bearer …``, ``X-OGI-Token``, or the token cookie
  ``/login?token=…`` sets), who counts as an administrator named ``令牌``.
- Writes (upload, review, re-parse) need someone signed in — except on a server that has
  neither a token nor any account (one person on their own machine, listening on the
  loopback interface only), where they are recorded as ``本机用户``. ``ogi serve`` sets a
  token whenever it listens beyond the loopback interface.
- Importing URLs needs a signed-in user always (the server fetches what it is told to);
  merging and splitting agencies needs an administrator.
"""

from __future__ import annotations

import ipaddress
import json
import secrets
from urllib.parse import urlsplit

from fastapi import Request

from ..errors import OgiError
from ..store.accounts import TOKEN_USER, User, session_user

COOKIE = "ogi_token"
SESSION_COOKIE = "ogi_session"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ANONYMOUS = "本机用户"  # who reviews on a server without accounts or token (one person's own machine)


class NeedToken(OgiError):
    """A write by nobody signed in (401: the sign-in page, or a JSON message)."""

    def __init__(self, message: str = "此操作需要登录 / sign in first") -> None:
        super().__init__(message)
        self.message = message


class Forbidden(OgiError):
    """Signed in, but without the role the action needs (403)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


def presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-ogi-token") or request.cookies.get(COOKIE)


def token_matches(expected: str | None, given: str | None) -> bool:
    return expected is None or (given is not None and secrets.compare_digest(expected.encode(), given.encode()))


def current_user(request: Request) -> User | None:
    """Who the request is from: the token's holder, a signed-in account, or nobody."""
    if hasattr(request.state, "user"):
        return request.state.user
    site = request.app.state.site
    user = None
    given = presented_token(request)
    if site.token is not None and given is not None and token_matches(site.token, given):
        user = User(TOKEN_USER, "admin")
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            with site.store() as db:
                user = session_user(db, cookie)
    request.state.user = user
    return user


def open_site(request: Request) -> bool:
    """No token and no account: the one person on this machine may write."""
    site = request.app.state.site
    if site.token is not None:
        return False
    return not site.has_accounts()


def may_write(request: Request) -> bool:
    return current_user(request) is not None or open_site(request)


def reviewer_name(request: Request) -> str:
    user = current_user(request)
    return user.name if user else ANONYMOUS


def require_writer(request: Request) -> None:
    """A dependency of every write endpoint."""
    if not may_write(request):
        raise NeedToken()


def require_user(request: Request) -> None:
    """A dependency of URL imports: someone signed in, whatever the server listens on."""
    if current_user(request) is None:
        raise NeedToken("从网址导入需要先登录(由服务器抓取网页,只对已登录的审核员开放)/ "
                        "importing URLs needs a signed-in user")


def require_admin(request: Request) -> None:
    user = current_user(request)
    if user is None:
        raise NeedToken("此操作需要管理员登录 / sign in as an administrator")
    if not user.is_admin:
        raise Forbidden(f"此操作只对管理员开放,{user.name} 是{user.role_label} / administrators only")


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes, early (413)."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _message(self) -> str:
        return f"请求内容超过 {self.limit // (1024 * 1024)} MB / the request body is larger than {self.limit} bytes"

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await _refuse(send, 400, "Content-Length 无效 / invalid Content-Length")
                return
            if int(declared) > self.limit:
                await _refuse(send, 413, self._message())
                return
        received = 0
        exceeded = False
        started = False

        async def limited_receive():
            nonlocal received, exceeded
            if exceeded:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    exceeded = True
                    return {"type": "http.disconnect"}  # the app stops reading; its answer is replaced
            return message

        async def guarded_send(message) -> None:
            nonlocal started
            if exceeded and not started:
                return
            started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not exceeded:
                raise
        if exceeded and not started:
            await _refuse(send, 413, self._message())


class SameOrigin:
    """Refuse writes sent by pages of other sites (403)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] in WRITE_METHODS:
            source = _header(scope, b"origin") or _header(scope, b"referer")
            host = _header(scope, b"host")
            if source and source != "null" and host and urlsplit(source).netloc != host:
                await _refuse(send, 403, "不接受来自其他网站的写操作 / writes from other sites are refused")
                return
            if source == "null":
                await _refuse(send, 403, "不接受来源不明的写操作 / writes from an opaque origin are refused")
                return
        await self.app(scope, receive, send)
