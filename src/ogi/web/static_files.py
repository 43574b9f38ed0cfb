"""Static files (styles, scripts, the charting library), compressed and cached.

The charting library alone is 1.1 MB; sent gzip-compressed it is about a third of that.
Each file is read once (and again only when its size or time changes), its gzip form made
once, and both kept in memory. Every answer carries an ``ETag`` (a hash of the content)
and ``Cache-Control``: a browser keeps the file for :data:`MAX_AGE` seconds and then asks
again with ``If-None-Match``, answered ``304 Not Modified`` while the file is the same.
Only files inside the static folder are served: a path that leaves it is a 404.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path

from starlette._utils import get_route_path
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

MAX_AGE = 3600  # seconds a browser keeps a static file before asking again
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "text/javascript")
MIN_COMPRESS = 512  # bytes: smaller files are sent as they are
GZIP_LEVEL = 6


@dataclass
class _Entry:
    stamp: tuple[int, int]  # size, mtime in ns
    body: bytes
    gzipped: bytes | None
    etag: str
    media_type: str


class CompressedStatic:
    """An ASGI app serving the files of ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory).resolve()
        self._cache: dict[Path, _Entry] = {}
        self._lock = threading.Lock()

    def _path(self, relative: str) -> Path | None:
        path = (self.directory / relative.lstrip("/")).resolve()
        if not path.is_relative_to(self.directory) or not path.is_file():
            return None
        return path

    def _entry(self, path: Path) -> _Entry:
        stat = path.stat()
        stamp = (stat.st_size, stat.st_mtime_ns)
        with self._lock:
            entry = self._cache.get(path)
            if entry is not None and entry.stamp == stamp:
                return entry
        body = path.read_bytes()
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media_type.startswith("text/") or media_type == "application/javascript":
            media_type += "; charset=utf-8"
        gzipped = None
        if media_type.startswith(COMPRESSIBLE) and len(body) >= MIN_COMPRESS:
            gzipped = gzip.compress(body, GZIP_LEVEL, mtime=0)
        entry = _Entry(stamp, body, gzipped, '"' + hashlib.sha256(body).hexdigest()[:20] + '"', media_type)
        with self._lock:
            self._cache[path] = entry
        return entry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] not in ("GET", "HEAD"):
            await Response("不允许的请求方法 / method not allowed", 405, media_type="text/plain; charset=utf-8")(
                scope, receive, send)
            return
        path = self._path(get_route_path(scope))
        if path is None:
            await Response("文件不存在 / not found", 404, media_type="text/plain; charset=utf-8")(scope, receive, send)
            return
        entry = self._entry(path)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        common = {"ETag": entry.etag, "Cache-Control": f"public, max-age={MAX_AGE}", "Vary": "Accept-Encoding"}
        if entry.etag in [t.strip() for t in headers.get("if-none-match", "").split(",")]:
            await Response(status_code=304, headers=common)(scope, receive, send)
            return
        body = entry.body
        if entry.gzipped is not None and "gzip" in headers.get("accept-encoding", ""):
            body = entry.gzipped
            common["Content-Encoding"] = "gzip"
        response = Response(b"" if scope["method"] == "HEAD" else body, headers=common, media_type=entry.media_type)
        if scope["method"] == "HEAD":
            response.headers["content-length"] = str(len(body))
        await response(scope, receive, send)
