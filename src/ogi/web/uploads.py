"""Files into the store from the web: uploads, pasted URLs, and parsing one report again.

Each file is checked (a known suffix, content that is not binary junk), kept in the
content-addressed :class:`~ogi.web.files.FileStore`, parsed in one of the site's limited
worker processes (:mod:`ogi.web.intake` refuses what is not a report) and stored by the
store's one way in (:mod:`ogi.store.intake`: the same steps and functions as ``ogi
ingest``, fetching included), so a report ingested here is stored exactly as ``ogi ingest``
stores it. Each file gets a
result of its own. URLs are fetched only from public addresses unless the site allows
private ones (:mod:`ogi.web.urlguard`).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, BinaryIO
from urllib.parse import urlsplit

import httpx

from ..errors import OgiError
from ..readers import SUFFIXES, sniff
from ..store import pages as data
from ..store.agencies import recheck
from ..store.ingest import Input, Outcome, Summary, is_url, sha256_of, write_outcomes
from ..store.intake import Stored, ingest
from .files import suffix_of
from .site import Site
from .urlguard import RefusedAddress, checked_address, import_client

MAX_URLS = 20  # per request
FETCH_TIMEOUT = 30.0
_BINARY_PROBE = 8192


@dataclass
class FileResult:
    """What became of one file or URL."""

    name: str
    status: str  # stored | exists | failed | refused | skipped (a page whose attachments hold the report)
    report_id: int | None = None
    agency: str | None = None
    year: int | None = None
    errors: int = 0
    warnings: int = 0
    reason: str | None = None


class UploadRefused(OgiError, ValueError):
    """A file that is not taken at all (wrong type, too large, empty)."""


def check_file(name: str, head: bytes, size: int, limit: int) -> str:
    """The suffix to keep the file under; :class:`UploadRefused` saying why it is not taken."""
    suffix = suffix_of(name)
    if not suffix:
        raise UploadRefused(f"不支持的文件类型,应为 {' '.join(SUFFIXES)} / unsupported file type")
    if size == 0:
        raise UploadRefused("文件为空 / the file is empty")
    if size > limit:
        raise UploadRefused(f"文件超过 {limit // (1024 * 1024)} MB / the file is too large")
    if sniff(head, name) == "txt" and b"\x00" in head[:_BINARY_PROBE] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRefused("文件内容不是文本,也不是可识别的文档 / binary content that is no known document")
    return suffix


def safe_name(name: str | None) -> str:
    """The file name without any folder part (it is only shown, never used as a path)."""
    return (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or "未命名"


def receive(site: Site, name: str | None, stream: BinaryIO) -> FileResult:
    """An uploaded file: copied (at most the site's limit) into a temporary file beside the
    kept files, checked, then ingested."""
    name = safe_name(name)
    incoming = site.files.root / ".incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=incoming, delete=False) as tmp:
        copied = _copy_limited(stream, tmp, site.max_upload + 1)
    path = Path(tmp.name)
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
        suffix = check_file(name, head, copied, site.max_upload)
        return ingest_file(site, path, name, suffix, move=True)
    except UploadRefused as exc:
        return FileResult(name, "refused", reason=str(exc))
    finally:
        path.unlink(missing_ok=True)


def _copy_limited(source: BinaryIO, target: IO[bytes], limit: int) -> int:
    copied = 0
    while copied < limit:
        chunk = source.read(min(1 << 20, limit - copied))
        if not chunk:
            break
        target.write(chunk)
        copied += len(chunk)
    return copied


def ingest_file(site: Site, path: Path, location: str, suffix: str, move: bool = False,
                page_published_date: str | None = None, optional: bool = False) -> FileResult:
    """Keep, parse and store one file by the store's one way in (:func:`ogi.store.intake.ingest`,
    the steps ``ogi ingest`` takes), parsed in one of the site's limited workers; already
    stored (same sha256) is not parsed again; a file that failed before is tried again."""
    def keep(inp: Input) -> Input:
        sha = sha256_of(inp.path)
        return replace(inp, path=str(site.files.keep(Path(inp.path), sha, suffix, move=move)), sha256=sha)

    return _ingest(site, [Input(location, str(path), page_published_date, optional)], keep)[0]


def _ingest(site: Site, sources: list, accept, **options) -> list[FileResult]:
    """Files and URLs through :func:`ogi.store.intake.ingest` with the site's parser (what it
    refuses as no report is ``refused``, not ``failed``), each file's result in order, the
    downloads that failed first; a kept file no stored report uses is let go."""
    refused: set[tuple[str, str]] = set()

    def parse(inp: Input) -> Outcome:
        intake = site.parse(inp)
        if intake.refused:
            refused.add((inp.location, inp.path))
        return intake.outcome

    done = ingest(site.store, sources, parse=parse, retry_failed=True, accept=accept, **options)
    results = [FileResult(url, "failed", reason=reason) for url, reason in done.fetch_failed]
    for inp, stored in zip(done.inputs, done.files):
        results.append(_file_result(site, inp, stored, (inp.location, inp.path) in refused))
    return results


def _file_result(site: Site, inp: Input, done: Stored, refused: bool) -> FileResult:
    if done.status == "refused":
        return FileResult(inp.location, "refused", reason=done.reason)
    if done.status in ("stored", "exists") and done.report_id is not None:
        return _result(site, inp.location, done.status, done.report_id)
    if inp.sha256 is not None:
        with site.store() as db:
            still_used = data.report_id_of(db, inp.sha256) is not None
        if not still_used:
            site.files.forget(inp.sha256)
    if done.status == "skipped":
        return FileResult(inp.location, "skipped", reason="网页本身不含报告,其附件另行导入 / the page links to the report")
    if refused:
        return FileResult(inp.location, "refused", reason=done.reason)
    return FileResult(inp.location, "failed", reason=done.reason)


def _result(site: Site, location: str, status: str, report_id: int) -> FileResult:
    with site.store() as db:
        row = data.report_row(db, report_id)
        findings = data.report_findings(db, report_id)
    assert row is not None  # both callers have just stored (or found) this report
    open_ = [f for f in findings if f["status"] != "dismissed"]
    return FileResult(location, status, report_id, row["agency"] or row["agency_name"], row["year"],
                      sum(f["severity"] == "error" for f in open_), sum(f["severity"] == "warning" for f in open_))


def ingest_urls(site: Site, urls: list[str]) -> list[FileResult]:
    """Download each URL (and the report files a page links to), then ingest what came."""
    results = [FileResult(u, "refused", reason="不是 http(s) 网址 / not an http(s) URL") for u in urls if not is_url(u)]
    wanted = [u for u in urls if is_url(u)]
    if len(wanted) > MAX_URLS:
        raise UploadRefused(f"一次最多 {MAX_URLS} 个网址 / at most {MAX_URLS} URLs at a time")
    if not wanted:
        return results
    if not site.allow_private_urls:
        refused = {u: why for u in wanted if (why := _private(u))}
        results += [FileResult(u, "refused", reason=why) for u, why in refused.items()]
        wanted = [u for u in wanted if u not in refused]
        if not wanted:
            return results
    client = import_client(FETCH_TIMEOUT, allow_private=site.allow_private_urls)
    return results + _ingest(site, wanted, lambda inp: _checked(site, inp),
                             fetch_options={"folder": site.files.root / "fetch", "client": client})


def _checked(site: Site, inp: Input) -> Input | str:
    """A downloaded file checked as an upload is (type, size) and kept; or why it is refused."""
    path = Path(inp.path)
    try:
        with open(path, "rb") as src:
            head = src.read(65536)
        suffix = check_file(path.name, head, path.stat().st_size, site.max_upload)
    except UploadRefused as exc:
        return str(exc)
    sha = sha256_of(path)
    return replace(inp, path=str(site.files.keep(path, sha, suffix)), sha256=sha)


def _private(url: str) -> str | None:
    """Why a URL's host may not be fetched (an internal address), or None."""
    parts = urlsplit(url)
    try:
        checked_address(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
    except RefusedAddress as exc:
        return str(exc)
    except (httpx.HTTPError, ValueError) as exc:
        return f"网址无效 / invalid URL: {exc}"
    return None


def reparse(site: Site, report_id: int) -> FileResult | None:
    """Parse a stored report again from its original; None when there is no such report.
    The report keeps its id, and its findings their reviews."""
    with site.store() as db:
        row = data.report_row(db, report_id)
    if row is None:
        return None
    path = site.files.original(row["sha256"], row["local_path"])
    if path is None:
        return FileResult(row["location"], "failed", report_id,
                          reason="原始文件不可用,无法重新解析 / the original file is gone: ingest it again")
    kept = site.files.keep(path, row["sha256"], suffix_of(path.name))
    outcome = site.parse(Input(row["location"], str(kept), row["page_published_date"])).outcome
    written = Summary()
    with site.store() as db:
        write_outcomes(db, [outcome], written)
        if written.stored:
            recheck(db)
    if written.failed and outcome.report is not None:  # the store refused it: recorded with the reason
        return FileResult(row["location"], "failed", report_id, reason=written.failed[0][1])
    if outcome.report is None:
        return FileResult(row["location"], "failed", report_id, reason=outcome.reason)
    return _result(site, row["location"], "stored", report_id)


def keep_originals(site: Site, paths: list[str]) -> int:
    """Keep the files of stored reports read from ``paths`` (as ``ogi serve PATH…``
    ingested them), so their pages show the original after the files move; how many."""
    kept = 0
    with site.store() as db:
        rows = data.stored_paths(db)
    wanted = {str(Path(p).resolve()) for p in paths}
    for sha, local_path in rows:
        resolved = str(Path(local_path).resolve())
        if not any(resolved == w or resolved.startswith(w.rstrip("/") + "/") for w in wanted):
            continue
        if site.files.path_of(sha) is None and site.files.original(sha, local_path) is not None:
            site.files.keep(Path(local_path), sha, suffix_of(local_path))
            kept += 1
    return kept

