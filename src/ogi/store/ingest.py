"""Ingest report files into the store: parse in worker processes, write in the parent.

Each input is hashed first: a sha256 already stored is skipped, so running the same
ingest again resumes where a killed one stopped. Reports are parsed in parallel
(:class:`~concurrent.futures.ProcessPoolExecutor`) and written in small batches, one
transaction each, so an interrupted run leaves every batch either stored whole or not at
all. A file that fails is recorded with its reason and the batch goes on. When the files
are in, the cross-report rules run for the agencies that got new reports.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..api import NotAReport, UnreadableFile, parse
from ..fetch import SIDECAR_SUFFIX
from ..readers import SUFFIXES
from ..model import Report
from .agencies import AgencyIndex, recheck
from .backend import Database
from .reports import Parsed, record_failure, store_reports
from .summary import refresh_stored as refresh_summaries

BATCH_SIZE = 50
BATCH_SECONDS = 2.0


@dataclass(frozen=True)
class Input:
    """One file to ingest: where it came from (a path or a URL) and the local file to read."""

    location: str
    path: str
    page_published_date: str | None = None
    optional: bool = False  # a fetched page whose attachments hold the report: not a failure if no report


@dataclass
class Outcome:
    """What became of one input: a parsed report, or the stage and reason it failed."""

    input: Input
    sha256: str | None = None
    report: Report | None = None
    stage: str = ""  # "fetch" | "read" | "parse" for a failure
    reason: str = ""

    @property
    def failed(self) -> bool:
        """No report, for a reason worth recording: a fetched page without a report of its
        own is fine when it links to the files that hold it."""
        return self.report is None and not (self.input.optional and self.stage == "parse")


@dataclass
class Summary:
    """The end of a run: how many reports were stored, skipped, and which inputs failed and why."""

    stored: int = 0
    skipped: int = 0  # already in the store (same sha256), or the same file failed before
    failed: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    interrupted: bool = False
    cross_checked: bool = True  # False when the cross-year rules were not available


# ------------------------------------------------------------------ inputs

def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def url_list(path: Path) -> list[str] | None:
    """The URLs of a ``.txt`` file that lists only URLs (one a line, ``#`` comments), else None."""
    if path.suffix.lower() != ".txt" or path.stat().st_size > 10_000_000:
        return None
    try:
        lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines()]
    except UnicodeDecodeError:
        return None
    lines = [x for x in lines if x and not x.startswith("#")]
    return lines if lines and all(is_url(x) for x in lines) else None


def read_sidecar(path: Path) -> dict:
    """What ``ogi fetch`` recorded beside a downloaded file (URL, page date), if anything."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    try:
        return json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def file_input(path: Path) -> Input:
    """A local file; a file downloaded by ``ogi fetch`` keeps its URL and page date."""
    meta = read_sidecar(path)
    return Input(location=meta.get("url") or str(path), path=str(path),
                 page_published_date=meta.get("published_date"),
                 optional=bool(meta.get("attachments")))


# what a folder walk takes: files of the kinds reports come in, or with no suffix (a file
# named on the command line is always taken); data beside reports (expected/*.json,
# manifest.csv, fetch's sidecars) is not a report
REPORT_SUFFIXES = frozenset(("",) + SUFFIXES)


def collect(args: Iterable[str]) -> tuple[list[Input], list[str], list[tuple[str, str]]]:
    """Files (folders recursively), URLs, and ``.txt`` lists of URLs → (files, URLs, missing)."""
    files: list[Input] = []
    urls: list[str] = []
    missing: list[tuple[str, str]] = []
    for arg in args:
        if is_url(arg):
            urls.append(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in REPORT_SUFFIXES:
                    files.append(file_input(p))
        elif path.is_file():
            listed = url_list(path)
            if listed is not None:
                urls.extend(listed)
            else:
                files.append(file_input(path))
        else:
            missing.append((arg, "没有这个文件 / no such file"))
    return files, urls, missing


# ------------------------------------------------------------------ parsing (in the workers)

def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_input(inp: Input) -> Outcome:
    """Parse one file; never raises for bad input (the reason is in the outcome)."""
    try:
        data = Path(inp.path).read_bytes()
    except OSError as exc:
        return Outcome(inp, stage="read", reason=f"无法读取 / cannot read: {exc.strerror or exc}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        report = parse(data, name=inp.path)
    except UnreadableFile as exc:
        return Outcome(inp, sha, stage="read", reason=f"无法读取 / unreadable: {exc}")
    except NotAReport as exc:
        return Outcome(inp, sha, stage="parse", reason=f"不是年度报告 / not a report: {exc}")
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch: recorded like bad input
        return Outcome(inp, sha, stage="parse", reason=f"解析出错 / parser error: {type(exc).__name__}: {exc}")
    report.source.path = inp.location
    return Outcome(inp, sha, report)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops them in order, and end themselves
    when the parent is gone (killed with SIGKILL, it cannot stop them)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def parse_all(inputs: list[Input], jobs: int) -> Iterator[Outcome]:
    """Parse the inputs, ``jobs`` at a time in worker processes (in this process for 1);
    outcomes in the order they finish."""
    if jobs <= 1 or len(inputs) <= 1:
        yield from map(parse_input, inputs)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)
    try:
        todo = iter(inputs)
        running: set[Future] = set()
        window = jobs * 4
        while True:
            for inp in todo:
                running.add(pool.submit(parse_input, inp))
                if len(running) >= window:
                    break
            if not running:
                break
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------ writing (in the parent)

OnTotal = Callable[[int], None]
OnOutcome = Callable[[Outcome], None]


def _write_batch(db: Database, batch: list[Outcome], summary: Summary) -> None:
    parsed = [out for out in batch if out.report is not None]
    failed = [out for out in batch if out.failed]
    with db.transaction():
        agencies = AgencyIndex(db)
        store_reports(db, [Parsed(out.report, out.input.location, out.input.path, out.input.page_published_date,
                                  agencies.link(out.report.meta, out.report.source.sha256, out.report))
                       for out in parsed])
        refresh_summaries(db, [out.report.source.sha256 for out in parsed])  # store.summary: stats read it
        for out in failed:
            record_failure(db, out.input.location, out.sha256, out.stage, out.reason)
    summary.stored += len(parsed)
    summary.failed += [(out.input.location, out.reason) for out in failed]


def write_outcomes(db: Database, outcomes: Iterable[Outcome], summary: Summary,
                   on_outcome: OnOutcome | None = None) -> None:
    """Write outcomes as they come, in transactions of a small batch (or a few seconds)."""
    batch: list[Outcome] = []
    started = time.monotonic()
    for out in outcomes:
        batch.append(out)
        if on_outcome:
            on_outcome(out)
        if len(batch) >= BATCH_SIZE or time.monotonic() - started >= BATCH_SECONDS:
            _write_batch(db, batch, summary)
            batch, started = [], time.monotonic()
    if batch:
        _write_batch(db, batch, summary)


def pending(db: Database, inputs: list[Input], summary: Summary) -> list[Input]:
    """The inputs not stored yet: a stored sha256, a file seen twice in this run, or the same
    file that failed with this parser version before, is skipped (the latter stays reported)."""
    stored = {sha for (sha,) in db.execute("SELECT sha256 FROM reports")}
    failed_before = {(loc, sha): reason for loc, sha, reason in db.execute(
        "SELECT location, sha256, reason FROM failures WHERE parser_version = ? AND stage IN ('read', 'parse')",
        [__version__])}
    todo = []
    for inp in inputs:
        try:
            sha = sha256_of(inp.path)
        except OSError:
            todo.append(inp)  # parse_input records why it cannot be read
            continue
        if sha in stored:
            summary.skipped += 1
        elif (inp.location, sha) in failed_before:
            summary.skipped += 1
            summary.failed.append((inp.location, failed_before[inp.location, sha]))
        else:
            stored.add(sha)
            todo.append(inp)
    return todo


def ingest(db: Database, inputs: list[Input], jobs: int | None = None, on_total: OnTotal | None = None,
           on_outcome: OnOutcome | None = None, summary: Summary | None = None) -> Summary:
    """Parse and store the inputs that are not stored yet, then run the cross-report rules."""
    summary = summary or Summary()
    return _store_all(db, pending(db, inputs, summary), jobs, on_total, on_outcome, summary)


def reparse(db: Database, everything: bool = False, jobs: int | None = None, on_total: OnTotal | None = None,
            on_outcome: OnOutcome | None = None, summary: Summary | None = None) -> Summary:
    """Parse again what an older parser version stored (every report with ``everything``),
    from the file it was read from. Reports keep their id, and findings their reviews."""
    sql = "SELECT location, local_path, sha256, page_published_date FROM reports"
    rows = db.execute(sql if everything else sql + " WHERE parser_version <> ?", [] if everything else [__version__])
    summary = summary or Summary()
    todo = []
    for location, local_path, sha, page_date in rows:
        path = local_path or location
        try:
            same = sha256_of(path) == sha
        except OSError:
            summary.failed.append((location, f"源文件不在了 / source file gone: {path}"))
            continue
        if not same:
            changed = "源文件已改变,请重新导入 / the file changed since it was ingested: ingest it again"
            summary.failed.append((location, changed))
            continue
        todo.append(Input(location, path, page_date))
    return _store_all(db, todo, jobs, on_total, on_outcome, summary)


def _store_all(db: Database, todo: list[Input], jobs: int | None, on_total: OnTotal | None,
               on_outcome: OnOutcome | None, summary: Summary) -> Summary:
    """Parse ``todo`` in worker processes and store each outcome; then the cross-report
    rules. An interrupt leaves what is stored consistent and skips the rules."""
    if on_total:
        on_total(len(todo))
    try:
        write_outcomes(db, parse_all(todo, jobs or os.cpu_count() or 1), summary, on_outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
        return summary
    summary.cross_checked = recheck(db)
    return summary
