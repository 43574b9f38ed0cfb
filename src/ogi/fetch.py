"""Download report pages and the files they link to (PDF, DOC, DOCX, WPS), politely.

Every download lands in one folder with a sidecar ``<file>.meta.json`` (its URL, the page
it was linked from, the page's own published date, content type, sha256, attachments): the
sidecar is the cache, so a URL is never fetched twice, and ``ogi ingest`` reads it to keep
the URL and the page's date. Requests to one host are spaced by ``delay`` seconds; a
timeout, a dropped connection, 429 or 5xx is retried with exponential backoff; robots.txt
is obeyed.

httpx and tenacity are imported by the functions that download, so that importing this
module (``ogi ingest`` reads ``SIDECAR_SUFFIX``) costs nothing when nothing is fetched.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from pathlib import Path
from typing import TYPE_CHECKING, Self
from urllib.parse import unquote, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .errors import OgiError
from . import __version__

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"ogi-reports/{__version__}"
SIDECAR_SUFFIX = ".meta.json"
ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".wps")
_TRANSIENT_STATUS = {429, 500, 502, 503, 504}
_TYPE_SUFFIX = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
                "application/msword": ".doc", "text/plain": ".txt",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
                "application/kswps": ".wps", "application/wps-office.wps": ".wps"}
_UNSAFE = re.compile(r"[^\w.\-]+")


class FetchError(OgiError):
    """A URL that could not be downloaded, and why."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class _Transient(OgiError):
    """A response worth trying again (429, 5xx)."""


@dataclass
class Fetched:
    """A downloaded file and what is known of it."""

    url: str
    path: Path
    published_date: str | None = None
    linked_from: str | None = None
    attachments: list[str] = field(default_factory=list)  # for a page: the files it links to


@dataclass
class FetchResult:
    files: list[Fetched] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)


def _is_transient(exc: BaseException) -> bool:
    import httpx

    return isinstance(exc, (_Transient, httpx.TimeoutException, httpx.TransportError))


def _disposition_name(header: str) -> str | None:
    """The file name a Content-Disposition header gives (RFC 6266, ``filename*`` too)."""
    if not header:
        return None
    msg = Message()
    msg["content-disposition"] = header
    return msg.get_filename()


def attachment_links(page_url: str, root) -> list[str]:
    """Absolute URLs of the PDF/DOC/DOCX/WPS files a page links to, in page order."""
    links: list[str] = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        path = unquote(urlsplit(href).path).lower()
        text = (a.text_content() or "").strip().lower()
        if path.endswith(ATTACHMENT_SUFFIXES) or text.endswith(ATTACHMENT_SUFFIXES):
            url = urljoin(page_url, href)
            if url not in links:
                links.append(url)
    return links


def page_date(root) -> str | None:
    """The page's own published date: its meta tags, else a labelled date in its text."""
    from .extract.meta import read_meta
    from .readers.html_meta import page_meta

    meta = page_meta(root)
    if meta.get("published_date"):
        return meta["published_date"]
    return read_meta(root.text_content().splitlines(), meta).published_date


MAX_BYTES = 200 * 1024 * 1024  # a report or attachment larger than this is refused


class Fetcher:
    """Downloads into ``out``; one instance keeps its robots.txt and per-host timing."""

    def __init__(self, out: Path, delay: float = 1.0, retries: int = 3, backoff: float = 1.0,
                 timeout: float = 30.0, client: httpx.Client | None = None,
                 sleep: Callable[[float], None] = time.sleep, max_bytes: int = MAX_BYTES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.out = Path(out)
        import httpx

        self.max_bytes = max_bytes
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self.client = client or httpx.Client(timeout=timeout, follow_redirects=True,
                                             headers={"User-Agent": USER_AGENT})
        self._sleep = sleep
        self._clock = clock  # the spacing's clock: a test gives one that moves only when slept
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[RobotFileParser, str]] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -------------------------------------------------------------- public

    def fetch_all(self, urls: Iterable[str]) -> FetchResult:
        """Each URL and the files it links to; a failure is recorded and the rest go on."""
        result = FetchResult()
        for url in urls:
            try:
                page = self.download(url)
            except FetchError as exc:
                result.failures.append((exc.url, exc.reason))
                continue
            result.files.append(page)
            for link in page.attachments:
                try:
                    result.files.append(self.download(link, linked_from=page))
                except FetchError as exc:
                    result.failures.append((exc.url, exc.reason))
        return result

    def download(self, url: str, linked_from: Fetched | None = None) -> Fetched:
        """One URL, from the cache when it was downloaded before."""
        cached = self._cached(url)
        if cached:
            return cached
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "不是网址 / not an http(s) URL")
        refusal = self._refusal(url)
        if refusal:
            raise FetchError(url, refusal)
        response = self._get(url)
        data = response.content
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        attachments, published = [], None
        if linked_from is None and self._is_page(data, content_type):
            root = self._html(data)
            if root is not None:
                attachments = attachment_links(str(response.url), root)
                published = page_date(root)
        if linked_from is not None:
            published = linked_from.published_date
        path = self.out / self._file_name(url, response, content_type)
        self.out.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        sidecar = {"url": url, "final_url": str(response.url), "content_type": content_type,
                   "sha256": hashlib.sha256(data).hexdigest(), "published_date": published,
                   "linked_from": linked_from.url if linked_from else None, "attachments": attachments,
                   "fetched_at": datetime.now(UTC).isoformat(timespec="seconds")}
        self._sidecar_path(path).write_text(json.dumps(sidecar, ensure_ascii=False, indent=1), encoding="utf-8")
        return Fetched(url, path, published, sidecar["linked_from"], attachments)

    # -------------------------------------------------------------- cache

    @staticmethod
    def _key(url: str) -> str:
        return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]

    @staticmethod
    def _sidecar_path(path: Path) -> Path:
        return path.with_name(path.name + SIDECAR_SUFFIX)

    def _cached(self, url: str) -> Fetched | None:
        for sidecar in sorted(self.out.glob(f"{self._key(url)}*{SIDECAR_SUFFIX}")):
            try:
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            path = sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)])
            if meta.get("url") == url and path.is_file():
                return Fetched(url, path, meta.get("published_date"), meta.get("linked_from"),
                               meta.get("attachments") or [])
        return None

    def _file_name(self, url: str, response: httpx.Response, content_type: str) -> str:
        """``<key>-<name><suffix>``: the name the server gives (Content-Disposition) or the
        URL's, with the suffix of either, else of the content type, else of the content."""
        from .readers import sniff

        given = Path(_disposition_name(response.headers.get("content-disposition", "")) or "")
        from_url = Path(unquote(urlsplit(url).path))
        known = ATTACHMENT_SUFFIXES + (".html", ".htm", ".txt")
        suffix = next((p.suffix.lower() for p in (given, from_url) if p.suffix.lower() in known), None)
        suffix = suffix or _TYPE_SUFFIX.get(content_type) or f".{sniff(response.content)}"
        stem = (given.stem if given.suffix else "") or from_url.stem or "index"
        return f"{self._key(url)}-{_UNSAFE.sub('_', stem)[:60]}{suffix}"

    # -------------------------------------------------------------- network

    def _wait_turn(self, host: str) -> None:
        """Space requests to one host by ``delay`` seconds."""
        last = self._last.get(host)
        if last is not None:
            left = self.delay - (self._clock() - last)
            if left > 0:
                self._sleep(left)
        self._last[host] = self._clock()

    def _get(self, url: str) -> httpx.Response:
        import httpx
        from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

        host = urlsplit(url).netloc

        def attempt() -> httpx.Response:
            self._wait_turn(host)
            with self.client.stream("GET", url) as response:
                if response.status_code in _TRANSIENT_STATUS:
                    raise _Transient(f"HTTP {response.status_code}")
                return httpx.Response(response.status_code, headers=response.headers,
                                      content=self._body(url, response), request=response.request)

        try:
            response = Retrying(stop=stop_after_attempt(self.retries), reraise=True, sleep=self._sleep,
                                wait=wait_exponential(multiplier=self.backoff, max=60),
                                retry=retry_if_exception(_is_transient))(attempt)
        except httpx.TimeoutException:
            raise FetchError(url, f"超时 / timed out ({self.retries} tries)") from None
        except httpx.TransportError as exc:
            raise FetchError(url, f"连接失败 / connection failed: {exc}") from None
        except _Transient as exc:
            raise FetchError(url, f"服务器错误 / server error: {exc} ({self.retries} tries)") from None
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code}")
        return response

    def _body(self, url: str, response: httpx.Response) -> bytes:
        """The response body, refused as soon as it is known to exceed ``max_bytes``."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"文件过大 / too large: {int(declared):,} bytes > {self.max_bytes:,}")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"文件过大 / too large: over {self.max_bytes:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _refusal(self, url: str) -> str | None:
        """Why robots.txt forbids the URL, or None when it may be fetched."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            robots, reason = RobotFileParser(origin + "/robots.txt"), "robots.txt 不允许 / disallowed by robots.txt"
            try:
                robots.parse(self._get(origin + "/robots.txt").text.splitlines())
            except FetchError as exc:
                if exc.reason in ("HTTP 401", "HTTP 403"):
                    robots.disallow_all = True  # type: ignore[attr-defined]  # set by RobotFileParser.read, missing in typeshed
                elif exc.reason.startswith("HTTP 4"):  # no robots.txt: everything allowed
                    robots.allow_all = True  # type: ignore[attr-defined]
                else:  # the site cannot say what it allows: do not crawl it now
                    robots.disallow_all = True  # type: ignore[attr-defined]  # set by RobotFileParser.read, missing in typeshed
                    reason = f"无法读取 robots.txt / robots.txt unavailable: {exc.reason}"
            self._robots[origin] = (robots, reason)
        robots, reason = self._robots[origin]
        return None if robots.can_fetch(USER_AGENT.split("/")[0], url) else reason

    # -------------------------------------------------------------- pages

    @staticmethod
    def _is_page(data: bytes, content_type: str) -> bool:
        from .readers import sniff

        return content_type in ("text/html", "application/xhtml+xml") or sniff(data) == "html"

    @staticmethod
    def _html(data: bytes):
        from .readers import UnreadableFile
        from .readers.decode import declared_charset, decode
        from .readers.html import parse

        try:
            return parse(decode(data, declared_charset(data))[0])
        except (UnreadableFile, ValueError):
            return None


def fetch(urls: Iterable[str], out: Path, **options) -> FetchResult:
    """Download each URL and its attachments into ``out`` (see :class:`Fetcher` for options)."""
    with Fetcher(out, **options) as fetcher:
        return fetcher.fetch_all(urls)


__all__ = [
    "USER_AGENT", "SIDECAR_SUFFIX", "ATTACHMENT_SUFFIXES", "FetchError", "Fetched", "FetchResult",
    "attachment_links", "page_date", "MAX_BYTES", "Fetcher", "fetch"
]
