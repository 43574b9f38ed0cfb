"""Ingest report files into the store: parse in worker processes, write in the parent.

Each input is looked at first: what is not a regular file (a FIFO, a device, a symlink
loop) is refused with its reason, and a sha256 already stored is skipped, so running the
same ingest again resumes where a killed one stopped. Reports are parsed in worker
processes (``store.pool``: a per-file deadline, a crashed or stuck worker replaced, workers
that die with the parent) and written as they arrive, in small batches, one transaction
each, so an interrupted run leaves every batch either stored whole or not at all. A worker
sends only what the parent writes and links by (``store.reports.Written``: meta, source,
findings, the text that places the agency; the cells as an Arrow table, the summary sums,
the text prints, the JSON document), not the parsed Report: unpickling the Report's objects
was half of what the parent spent receiving a result (``docs/ingest.md``).

Every input ends as a stored report, a skipped one, or a failure recorded with its
reason; the summary's counts add up to the inputs (those an interrupt left undone are
counted as such). A report the store cannot take (a value no column holds) fails alone:
its batch is written again report by report. A stop request (Ctrl-C, SIGTERM) is honoured
after the write in progress; what was parsed by then is stored. When the files are in,
the cross-report rules run for what the batch touched.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import stat
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import OgiError
from .. import __version__
from ..api import NotAReport, UnreadableFile, parse
from ..fetch import SIDECAR_SUFFIX
from ..readers import SUFFIXES
from ..model import Report
from ..model import prepare as prepare_model
from . import pool
from .agencies import RECHECK_REPORTS, cross_findings, recheck, report_text
from .backend import Database
from .batch_agencies import BatchAgencyIndex
from .copied import report_prints, write_prints
from .reports import (KeptDocuments, Parsed, Written, cell_columns, cell_rows, packed_columns, record_failure,
                      store_reports)
from .summary import refresh as refresh_summaries
from .summary import report_sums

# parse_input writes each report's JSON document in the worker: the serialiser is built when
# a worker imports this module, before its first file's deadline runs
prepare_model()

# reports written per transaction: each batch also costs a fixed dozen statements (the known
# hashes, ranking the batch's agency-year groups, the summaries' freshness, the agencies the batch
# can match), some of whose scans grow with the store, and a COMMIT. Replayed on 10,000 panel
# reports in one process, the parent's batches took 12.3 s of CPU in batches of 200 and 8.5 s in
# batches of 1,000 (docs/ingest.md, seventh pass). A batch is still written at least every
# BATCH_SECONDS, so a killed ingest parses again at most that long's files (nothing committed is
# lost: it resumes)
BATCH_SIZE = 1000
BATCH_SECONDS = 6.0
READ_CHUNK_BYTES = 1 << 20
LOOKUP_CHUNK = 5000  # hashes looked up in the store per statement
FIRST_LOOKUP = 100  # the first lot hashed and looked up: its first file to parse starts the workers
# DuckDB checkpoints (writes the log into the database file, compressed) whenever its write-ahead
# log passes ``checkpoint_threshold``, 16 MiB by default: every second batch of an ingest (a
# batch logs some 8 MB: 200 JSON documents and 40,000 cells), and each checkpoint compresses the
# tables' open row groups again. While an ingest runs the threshold is this instead, and the
# ingest checkpoints once when it ends: on 10,000 reports the parent's COMMITs took 5.8 s of CPU,
# 2.0 s with checkpoints deferred, plus 1.0 s for the one at the end (docs/ingest.md). The log
# of a 10,000-report ingest is about 400 MB, and what it holds stays in DuckDB's buffers until the
# checkpoint (spilled to its temporary folder when memory runs short); every COMMIT is still on
# disk, so a killed ingest loses nothing it committed (DuckDB replays the log when the store opens).
INGEST_CHECKPOINT_BYTES = "1GiB"


@dataclass(frozen=True)
class Input:
    """One file to ingest: where it came from (a path or a URL, as text any database
    takes) and the local file to read (``path``, the name as the file system has it)."""

    location: str
    path: str
    page_published_date: str | None = None
    optional: bool = False  # a fetched page whose attachments hold the report: not a failure if no report
    sha256: str | None = None  # known once the parent has hashed it


@dataclass
class Outcome:
    """What became of one input: a parsed report, or the stage and reason it failed."""

    input: Input
    sha256: str | None = None
    # the report; from ``parse_input`` (the workers), only what the parent writes and links it
    # by (store.reports.Written), with its rows or Arrow table and its JSON document below
    report: Report | Written | None = None
    stage: str = ""  # "fetch" | "read" | "parse" | "timeout" | "crash" | "store" for a failure (the last three
    # are tried again by the next run)
    reason: str = ""
    # the report's rows of ``cells`` and its JSON document, made by the worker that parsed it
    # (the parent, which writes every report alone, then only inserts them); a worker of the
    # local pool sends the rows as an Arrow table (``cells``, store.reports.cells_table, as the
    # bytes of store.reports.packed_cells) and
    # the report's own part of its summary row (``sums``, store.summary.report_sums)
    rows: list[tuple] | None = None
    document: str | None = None
    cells: Any = None
    sums: tuple | None = None
    # its sections' text prints (store.copied.report_prints), likewise: the parent indexes the
    # report for the copied-text search without loading its document again
    prints: list[tuple[str, int]] | None = None

    @property
    def failed(self) -> bool:
        """No report, for a reason worth recording: a fetched page without a report of its
        own is fine when it links to the files that hold it."""
        return self.report is None and not (self.input.optional and self.stage == "parse")


@dataclass
class Summary:
    """The end of a run: how many reports were stored, skipped, and which inputs failed and
    why. ``inputs`` counts everything given; ``left`` is what an interrupt left undone, so
    stored + skipped + failed + left = inputs."""

    stored: int = 0
    skipped: int = 0  # already in the store (same sha256), given twice, or a page without a report of its own
    failed: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    interrupted: bool = False
    cross_checked: bool = True  # False when the cross-year rules were not available or failed
    cross_error: str | None = None  # why the cross-report rules failed, if they did
    inputs: int = 0

    @property
    def left(self) -> int:
        return max(0, self.inputs - self.stored - self.skipped - len(self.failed))


def shown_path(path: str) -> str:
    """A file name as text every database and terminal takes: bytes that are not UTF-8
    (a latin-1 name) as ``\\xe9``, control characters (a TAB) as ``\\t``/``\\x07``."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    # a printable name has no control character (the test below, a character at a time, cost
    # the parent 0.13 ms a file)
    if text.isprintable() or not any(unicodedata.category(ch) == "Cc" for ch in text):
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) == "Cc" else ch
                   for ch in text)


def storable_path(path: str) -> str | None:
    """The local path to remember for ``ogi reparse``; None when the name is not text (it
    could not be written back exactly)."""
    return path if shown_path(path) == path else None


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
    return Input(location=meta.get("url") or shown_path(str(path)), path=str(path),
                 page_published_date=meta.get("published_date"),
                 optional=bool(meta.get("attachments")))


# what a folder walk takes: files of the kinds reports come in, or with no suffix (a file
# named on the command line is always taken); data beside reports (expected/*.json,
# manifest.csv, fetch's sidecars) is not a report
REPORT_SUFFIXES = frozenset(("",) + SUFFIXES)


def _exists(path: Path) -> bool:
    """Something is there (a file, a FIFO, a dangling or looping symlink)."""
    try:
        path.lstat()
    except OSError:
        return False
    return True


def _walk(folder: Path) -> Iterator[Path]:
    """Every entry under ``folder`` that is not a folder, in name order; symlinked folders
    are not followed (no loop can trap the walk)."""
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            yield Path(root) / name
        dirs[:] = [d for d in dirs if not d.startswith(".") and not (Path(root) / d).is_symlink()]


def collect(args: Iterable[str]) -> tuple[list[Input], list[str], list[tuple[str, str]]]:
    """Files (folders recursively), URLs, and ``.txt`` lists of URLs → (files, URLs, missing).

    A FIFO, device or broken link is taken as an input too, and refused with its reason when
    read: a name given is never silently dropped."""
    files: list[Input] = []
    urls: list[str] = []
    missing: list[tuple[str, str]] = []
    for arg in args:
        if is_url(arg):
            urls.append(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            for p in _walk(path):
                if not p.name.startswith(".") and p.suffix.lower() in REPORT_SUFFIXES:
                    files.append(file_input(p))
        elif path.is_file():
            listed = url_list(path)
            if listed is not None:
                urls.extend(listed)
            else:
                files.append(file_input(path))
        elif _exists(path):
            files.append(file_input(path))
        else:
            missing.append((shown_path(arg), "没有这个文件 / no such file"))
    return files, urls, missing


# ------------------------------------------------------------------ reading

class NotARegularFile(OgiError, OSError):
    """A FIFO, a device, a socket: reading it could block forever or never end."""


def _open_regular(path: str) -> int:
    """A descriptor on ``path``, refused unless it is a regular file. Opened without
    blocking, so a FIFO with no writer cannot hang the open."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = ("FIFO" if stat.S_ISFIFO(mode) else "设备 / device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "套接字 / socket" if stat.S_ISSOCK(mode) else "目录 / directory" if stat.S_ISDIR(mode)
                else "特殊文件 / special file")
        raise NotARegularFile(f"不是普通文件 / not a regular file ({what})")
    return fd


def read_failure(exc: OSError) -> str:
    if isinstance(exc, NotARegularFile):
        return f"已拒绝 / refused: {exc}"
    return f"无法读取 / cannot read: {exc.strerror or exc}"


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with os.fdopen(_open_regular(str(path)), "rb") as f:
        for chunk in iter(lambda: f.read(READ_CHUNK_BYTES), b""):
            h.update(chunk)
    return h.hexdigest()


# ------------------------------------------------------------------ parsing (in the workers)

def parse_input(inp: Input) -> Outcome:
    """Parse one file; never raises for bad input (the reason is in the outcome)."""
    try:
        with os.fdopen(_open_regular(inp.path), "rb") as f:
            data = f.read()
    except OSError as exc:
        return Outcome(inp, inp.sha256, stage="read", reason=read_failure(exc))
    try:
        report = parse(data, name=inp.location)
    except UnreadableFile as exc:
        return Outcome(inp, _sha256(data), stage="read", reason=f"无法读取 / unreadable: {exc}")
    except NotAReport as exc:
        return Outcome(inp, _sha256(data), stage="parse", reason=f"不是年度报告 / not a report: {exc}")
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch: recorded like bad input
        return Outcome(inp, _sha256(data), stage="parse",
                       reason=f"解析出错 / parser error: {type(exc).__name__}: {exc}")
    sha = report.source.sha256  # the parse hashed these bytes: not hashed twice
    report.source.path = inp.location
    columns = cell_columns(report)
    written = Written(report.meta, report.source, report.findings, report_text(report))
    document, prints = report.model_dump_json(), report_prints(report)
    try:
        cells = packed_columns(columns)
    except (ArithmeticError, ValueError, TypeError):  # a value no column holds: the parent's write refuses it
        return Outcome(inp, sha, written, rows=list(zip(*columns)), document=document, prints=prints)
    return Outcome(inp, sha, written, document=document, prints=prints, cells=cells,
                   sums=report_sums(zip(*columns[:4]), [f.code for f in report.findings]))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def lost_input(inp: Input, reason: str) -> Outcome:
    """The outcome of a file whose worker timed out or died."""
    return Outcome(inp, inp.sha256, stage="timeout" if reason.startswith("超时") else "crash", reason=reason)


def parse_all(inputs: list[Input], jobs: int, should_stop: Callable[[], bool] = lambda: False,
              early: pool.Early | None = None) -> Iterator[Outcome | None]:
    """Parse the inputs, ``jobs`` at a time in worker processes; outcomes in the order they
    finish, and ``None`` when a moment passes without one (see ``store.pool``). The workers
    go on while the caller writes what came (``pool.run_ahead``). ``early``: workers started
    already (:func:`early_workers`)."""
    return pool.run_ahead(inputs, parse_input, jobs, lost_input, should_stop, early=early)


def early_workers(jobs: int | None) -> pool.Early:
    """The parse workers of an ingest of ``jobs``, to start before the inputs are all hashed
    (``pending``'s ``on_todo``): a context that kills those no parsing took."""
    return pool.Early(parse_input, jobs or os.cpu_count() or 1)


# ------------------------------------------------------------------ writing (in the parent)

OnTotal = Callable[[int], None]
OnOutcome = Callable[[Outcome], None]


def _store_batch(db: Database, batch: list[Outcome], indexed: set[int] | None = None,
                 documents: KeptDocuments | None = None) -> None:
    """One transaction: the batch's reports (their agencies resolved together) and failures;
    the text prints a worker made are written too, and their reports' ids added to ``indexed``;
    their documents are kept in ``documents`` for the cross-report rules."""
    parsed = [(out, out.report) for out in batch if out.report is not None]
    failed = [out for out in batch if out.failed]
    with db.transaction():
        agencies = BatchAgencyIndex(db, [(report.meta, report) for _, report in parsed])
        linked = [agencies.link(report.meta, report.source.sha256, report) for _, report in parsed]
        agencies.flush()
        ids = store_reports(db, [Parsed(report, out.input.location, storable_path(out.input.path),
                                        out.input.page_published_date, agencies.real(agency_id), out.rows,
                                        out.document, out.cells)
                                 for (out, report), agency_id in zip(parsed, linked)])
        printed = [(rid, out.prints) for rid, (out, _) in zip(ids, parsed) if out.prints is not None]
        if indexed is not None and printed:
            write_prints(db, printed)
        # store.summary: stats read it, summed by the worker (or here) from the report's cells rows
        sums = [out.sums if out.sums is not None else
                report_sums(out.rows if out.rows is not None else _rows_of(report), [f.code for f in report.findings])
                for out, report in parsed]
        refresh_summaries(db, ids, [(rid, agencies.real(agency_id), report.meta.year, False, *own)
                                    for rid, (_, report), agency_id, own in zip(ids, parsed, linked, sums)])
        for out in failed:
            record_failure(db, out.input.location, out.sha256, out.stage, out.reason)
    if indexed is not None:  # only once the batch is stored
        indexed.update(rid for rid, _ in printed)
    if documents is not None:
        for rid, (out, _) in zip(ids, parsed):
            if out.document is not None:
                documents.keep(rid, out.document)


def _rows_of(report: Report | Written) -> list[tuple]:
    """The cells rows of a report its worker sent without them (a report is sent as
    ``Written`` only with its rows or their Arrow table)."""
    if not isinstance(report, Report):
        raise TypeError("a report sent without its rows")
    return cell_rows(report)


def _count(batch: list[Outcome], summary: Summary) -> None:
    for out in batch:
        if out.report is not None:
            summary.stored += 1
        elif out.failed:
            summary.failed.append((out.input.location, out.reason))
        else:
            summary.skipped += 1


def _write_batch(db: Database, batch: list[Outcome], summary: Summary, indexed: set[int] | None = None,
                 documents: KeptDocuments | None = None) -> None:
    """Store a batch; if the store refuses it, each report alone, so that the one it cannot
    take is recorded as a failure with the database's reason and the others are stored."""
    try:
        _store_batch(db, batch, indexed, documents)
    except Exception:  # noqa: BLE001 - which report is at fault is found below
        if len(batch) == 1 and batch[0].report is None:
            raise
        alone = []
        for out in batch:
            try:
                _store_batch(db, [out], indexed, documents)
            except Exception as exc:  # noqa: BLE001 - the report the store cannot take fails alone
                out = Outcome(out.input, out.sha256, stage="store",
                              reason=f"无法存储 / cannot store: {type(exc).__name__}: {str(exc)[:300]}")
                _store_batch(db, [out], indexed, documents)
            alone.append(out)
        batch = alone
    _count(batch, summary)


def write_outcomes(db: Database, outcomes: Iterable[Outcome | None], summary: Summary,
                   on_outcome: OnOutcome | None = None, indexed: set[int] | None = None,
                   documents: KeptDocuments | None = None) -> None:
    """Write outcomes as they come, in transactions of a small batch; a batch is written
    when full, when ``BATCH_SECONDS`` have passed, or when the source pauses (a ``None``).
    When the outcomes end (finished or stopped), what is held is written. With ``indexed``,
    the text prints workers made are written with their reports, and those reports' ids
    added to it (for :func:`ogi.store.agencies.recheck`, which then does not index them again);
    with ``documents``, the reports' JSON documents are kept there for the same rules."""
    batch: list[Outcome] = []
    started = time.monotonic()
    for out in outcomes:
        if out is not None:
            if not batch:
                started = time.monotonic()
            batch.append(out)
            if on_outcome:
                on_outcome(out)
        if batch and (out is None or len(batch) >= BATCH_SIZE or time.monotonic() - started >= BATCH_SECONDS):
            _write_batch(db, batch, summary, indexed, documents)
            batch = []
    if batch:
        _write_batch(db, batch, summary, indexed, documents)


Decisions = dict[tuple[str, str], tuple[str, str | None, str | None]]  # (location, path) → (what, sha256, reason)


def pending(db: Database, inputs: list[Input], summary: Summary, retry_failed: bool = False,
            decided: Decisions | None = None, on_todo: Callable[[], None] | None = None
            ) -> tuple[list[Input], list[Outcome]]:
    """(the inputs to parse, the outcomes already known). A stored sha256 or a file seen
    twice in this run is skipped; the same file that failed with this parser version before
    is reported with its reason again, not parsed (parsed again with ``retry_failed``: a
    person who uploads a file again); a file that cannot be read (or is no regular file)
    fails here. Only these inputs' hashes are looked up in the store. ``decided`` gets, per
    input, ``exists``, ``failed`` (before) or ``todo``, with its sha256 and a known reason.

    The inputs are hashed and looked up a lot at a time, the first lot small
    (``FIRST_LOOKUP``): ``on_todo`` is called once, as soon as one input is to be parsed (ingest
    starts its workers then, and they import while the rest is hashed)."""
    decided = {} if decided is None else decided
    known: list[Outcome] = []
    todo: list[Input] = []
    stored: set[str] = set()  # stored before, or to be parsed in this run
    start = 0
    while start < len(inputs):
        size = FIRST_LOOKUP if start == 0 else LOOKUP_CHUNK
        hashed = []
        for inp in inputs[start:start + size]:
            try:
                hashed.append((inp, sha256_of(inp.path)))
            except OSError as exc:
                known.append(Outcome(inp, stage="read", reason=read_failure(exc)))
        start += size
        lot = sorted({sha for _, sha in hashed} - stored)
        stored.update(sha for (sha,) in db.execute(
            "SELECT sha256 FROM reports WHERE sha256 IN (SELECT unnest(?::TEXT[]))", [lot]) if lot)
        failed_before: dict[tuple[str, str], str] = dict(  # (location, sha256) -> the reason it failed
            ((loc, sha), reason) for loc, sha, reason in (db.execute(
                "SELECT location, sha256, reason FROM failures WHERE parser_version = ? "
                "AND stage IN ('read', 'parse') AND sha256 IN (SELECT unnest(?::TEXT[]))", [__version__, lot])
                if lot else ()))
        for inp, sha in hashed:
            key = (inp.location, inp.path)
            if sha in stored:
                summary.skipped += 1
                decided[key] = ("exists", sha, None)
            elif (inp.location, sha) in failed_before and not retry_failed:
                summary.failed.append((inp.location, failed_before[inp.location, sha]))
                decided[key] = ("failed", sha, failed_before[inp.location, sha])
            else:
                stored.add(sha)
                todo.append(replace(inp, sha256=sha))
                decided[key] = ("todo", sha, None)
                if on_todo is not None:
                    on_todo()
                    on_todo = None
    return todo, known


def ingest(db: Database, inputs: list[Input], jobs: int | None = None, on_total: OnTotal | None = None,
           on_outcome: OnOutcome | None = None, summary: Summary | None = None,
           should_stop: Callable[[], bool] = lambda: False) -> Summary:
    """Parse and store the inputs that are not stored yet, then run the cross-report rules:
    the store's one way in (:func:`ogi.store.intake.ingest`) with ``jobs`` worker processes,
    the store held throughout."""
    from contextlib import nullcontext

    from .intake import ingest as ingest_sources

    return ingest_sources(lambda: nullcontext(db), inputs, jobs=jobs, on_total=on_total, on_outcome=on_outcome,
                          summary=summary, should_stop=should_stop).summary


def reparse(db: Database, everything: bool = False, jobs: int | None = None, on_total: OnTotal | None = None,
            on_outcome: OnOutcome | None = None, summary: Summary | None = None,
            should_stop: Callable[[], bool] = lambda: False) -> Summary:
    """Parse again what an older parser version stored (every report with ``everything``),
    from the file it was read from. Reports keep their id, and findings their reviews."""
    sql = "SELECT location, local_path, sha256, page_published_date FROM reports"
    rows = db.execute(sql if everything else sql + " WHERE parser_version <> ?", [] if everything else [__version__])
    summary = summary or Summary()
    summary.inputs += len(rows)
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
        todo.append(Input(location, path, page_date, sha256=sha))
    return _store_all(db, todo, jobs, on_total, on_outcome, summary, should_stop)


@contextmanager
def _checkpoints_deferred(db: Database) -> Iterator[None]:
    """DuckDB checkpoints only past ``INGEST_CHECKPOINT_BYTES`` of log while an ingest writes,
    and once when it is done (not when it is stopped: closing the store checkpoints then)."""
    if db.dialect != "duckdb":
        yield
        return
    threshold = db.scalar("SELECT current_setting('checkpoint_threshold')")
    db.execute(f"SET checkpoint_threshold = '{INGEST_CHECKPOINT_BYTES}'")
    try:
        yield
    finally:
        db.execute(f"SET checkpoint_threshold = '{threshold}'")
    db.execute("CHECKPOINT")


@contextmanager
def _collector_relaxed() -> Iterator[None]:
    """Python's young-generation collection every ``pool.WORKER_GC_ALLOCATIONS`` net allocations
    while the parent writes (its default, 700, is put back after): the outcomes it receives and
    the rows it builds are freed by their reference counts, and a collection every 700
    allocations walked them, and the batch held, for nothing (docs/ingest.md, eighth pass)."""
    young, older, oldest = gc.get_threshold()
    gc.set_threshold(max(young, pool.WORKER_GC_ALLOCATIONS), older, oldest)
    try:
        yield
    finally:
        gc.set_threshold(young, older, oldest)


@contextmanager
def _cores_to_workers(db: Database, jobs: int) -> Iterator[None]:
    """While ``jobs`` workers take every core, DuckDB runs the parent's statements on the
    parent's own thread (``SET threads = 1``; its default is one thread a core): its other
    threads would only take turns with the workers. Measured on 2,000 reports with ``-j 2``
    on 2 cores: the parent's CPU 10.0 s with one thread, 11.4 s with two, its main thread the
    same (7.2 s and 7.0 s). Set back when the parsing ends (the cross-report rules run alone)."""
    if db.dialect != "duckdb" or jobs < (os.cpu_count() or 1):
        yield
        return
    threads = int(db.scalar("SELECT current_setting('threads')"))
    db.execute("SET threads = 1")
    try:
        yield
    finally:
        db.execute(f"SET threads = {threads}")


def _store_all(db: Database, todo: list[Input], jobs: int | None, on_total: OnTotal | None,
               on_outcome: OnOutcome | None, summary: Summary, should_stop: Callable[[], bool],
               early: pool.Early | None = None) -> Summary:
    """Parse ``todo`` in worker processes and store each outcome; then the cross-report
    rules. A stop request ends the parsing after the write in progress and skips the rules
    (the reports stay marked for the next run)."""
    if on_total:
        on_total(len(todo))
    try:
        with _checkpoints_deferred(db):
            _parse_and_check(db, todo, jobs or os.cpu_count() or 1, on_outcome, summary, should_stop, early)
    except KeyboardInterrupt:
        summary.interrupted = True
    return summary


def _parse_and_check(db: Database, todo: list[Input], jobs: int, on_outcome: OnOutcome | None, summary: Summary,
                     should_stop: Callable[[], bool], early: pool.Early | None = None) -> None:
    """:func:`_store_all`'s work: the parsing and writing, then the cross-report rules (not
    when stopped: the reports stay marked for the next run). Raises KeyboardInterrupt when
    stopped so (the caller's checkpoint is then left to the store's close)."""
    indexed: set[int] = set()  # reports stored with the text prints their worker made
    documents = KeptDocuments()  # and their documents, which the cross-report rules read
    cross = pool.Early(cross_findings, jobs)

    def outcomes() -> Iterator[Outcome | None]:
        yield from parse_all(todo, jobs, should_stop, early)
        # the last result is in and the parse workers are gone: the cross-year rules' workers
        # start while the parent writes what it holds (when the rules will have lots for them)
        if jobs >= 2 and len(todo) > RECHECK_REPORTS and not should_stop():
            cross.start()

    with cross:
        with _cores_to_workers(db, jobs), _collector_relaxed():
            write_outcomes(db, outcomes(), summary, on_outcome, indexed, documents)
        if should_stop():
            raise KeyboardInterrupt
        try:
            summary.cross_checked = recheck(db, indexed, documents, jobs, cross)
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # noqa: BLE001 - the reports are stored; the rules are run again next time
            summary.cross_checked = False
            summary.cross_error = f"{type(exc).__name__}: {str(exc)[:300]}"
