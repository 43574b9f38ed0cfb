"""Limits and permissions.

- :class:`BodyLimit` refuses a request body over the limit before reading it when its
  ``Content-Length`` says so, and stops reading it (413) as soon as a streamed body
  passes the limit.
- :class:`SameOrigin` refuses a write (POST, PUT, PATCH, DELETE) that a page of another
  site sent: its ``Origin`` (or ``Referer``) must be this server.
- Writes (upload, review, re-parse) need the site's token when it has one: ``ogi serve``
  sets one whenever it listens beyond the loopback interface. A client presents it as
  ``Authorization: Bearer …`` or ``X-OGI-Token``; a browser gets it as a cookie from
  ``/login``.
"""

from __future__ import annotations

import ipaddress
import json
import secrets
from urllib.parse import urlsplit

from fastapi import Request

COOKIE = "ogi_token"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class NeedToken(Exception):
    """A write without the site's token."""


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


def may_write(request: Request) -> bool:
    return token_matches(request.app.state.site.token, presented_token(request))


def require_writer(request: Request) -> None:
    """A dependency of every write endpoint."""
    if not may_write(request):
        raise NeedToken()


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
