"""Ingest on Ray Data: the same per-file parse as the local process pool, spread over a
Ray cluster (or over this machine's cores), written by a single loader.

The inputs not stored yet (``ingest.pending``: by content hash) become a Ray dataset of
rows (location, path, page date). ``map_batches`` hands batches of ``BATCH_FILES`` rows to
a pool of warm workers (:class:`ParseBatch`, a Ray Data actor: the parser, and the OCR
models once the first scan needs them, are loaded once per worker), each calling
``ingest.parse_input`` — the function the local pool calls — under a per-file time limit.
A batch comes back as an Arrow table: one row per file with its sha256, the failure stage
and reason, or the whole report as JSON (the document its worker made).

The driver is the single loader: each batch it receives is first written to a Parquet
*part* in the parts folder (beside the DuckDB file, ``ogi.duckdb`` → ``ogi.parts/``; for
PostgreSQL under the user's cache), named by a hash of the content hashes it holds, then
upserted into the store in one transaction (``ingest.write_outcomes``: reports whose
sha256 is stored already are skipped), then deleted. A run killed at any point leaves
parts written but not loaded; the next run loads them first and parses only what is
neither stored nor in a part. Nothing is lost, nothing stored twice.

Failures: a worker that dies (killed, out of memory, a crash in native code) is restarted
and its batch retried, up to ``RETRIES`` times. Files of a batch that still fails are
parsed again one per task, so that one bad file does not take the others with it; a file
that fails alone too is recorded as a failure. A file whose parse takes longer than
``FILE_SECONDS`` is stopped and recorded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import OgiError, needs_extra
from .agencies import recheck
from .backend import Database
from .ingest import Input, OnOutcome, OnTotal, Outcome, Summary, parse_input, pending, write_outcomes
from .reports import Written

BATCH_FILES = 20  # files per task: large enough to keep a worker busy, small enough to lose little on a retry
FILE_SECONDS = 600.0  # a file still parsing after this long is stopped (scans: OCR of up to 30 pages)
RETRIES = 3  # a batch whose worker died is retried this many times
OBJECT_STORE_BYTES = 256 * 1024 * 1024  # Ray's shared memory on this machine (batches are small)
PART_PREFIX = "part-"
_COLUMNS = ("location", "path", "page_published_date", "optional", "sha256", "stage", "reason", "report")


def parts_dir(db: Database) -> Path:
    """Where the parts of a run wait to be loaded: beside a DuckDB file, else in the cache."""
    if db.dialect == "duckdb" and db.url != ":memory:":
        return Path(db.url).with_suffix(".parts")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "ogi" / "parts" / hashlib.sha256(db.url.encode()).hexdigest()[:16]


# ------------------------------------------------------------------ the workers

class ParseBatch:
    """A Ray Data worker: parses batches of files with ``parse_file`` (``parse_input``)."""

    def __init__(self, parse_file: Callable[[Input], Outcome] | None = None, file_seconds: float = FILE_SECONDS):
        os.environ.setdefault("OGI_OCR_PROCESSES", "1")  # the cores are shared with the other workers
        from .. import api  # noqa: F401 - warm: the parser is loaded before the first batch arrives

        self.parse_file = parse_file or parse_input
        self.file_seconds = file_seconds

    def __call__(self, batch):
        import pyarrow as pa

        out = {name: [] for name in _COLUMNS}
        for row in batch.to_pylist():
            inp = Input(row["location"], row["path"], row["page_published_date"], bool(row["optional"]))
            outcome = _within(self.file_seconds, self.parse_file, inp)
            for name, value in _row(outcome).items():
                out[name].append(value)
        return pa.table(out, schema=_schema())


class _TimeLimit(OgiError):
    pass


def _within(seconds: float, parse_file: Callable[[Input], Outcome], inp: Input) -> Outcome:
    """``parse_file(inp)``, stopped after ``seconds`` (a timer signal; in the main thread,
    where Ray runs a worker's tasks)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return parse_file(inp)

    def stop(signum, frame):
        raise _TimeLimit

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return parse_file(inp)
    except _TimeLimit:
        return Outcome(inp, stage="parse", reason=f"解析超时 / parsing took more than {seconds:.0f} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _schema():
    import pyarrow as pa

    return pa.schema([("location", pa.string()), ("path", pa.string()), ("page_published_date", pa.string()),
                      ("optional", pa.bool_()), ("sha256", pa.string()), ("stage", pa.string()),
                      ("reason", pa.string()), ("report", pa.string())])


def _row(outcome: Outcome) -> dict:
    inp = outcome.input
    return {"location": inp.location, "path": inp.path, "page_published_date": inp.page_published_date,
            "optional": inp.optional, "sha256": outcome.sha256, "stage": outcome.stage, "reason": outcome.reason,
            "report": _document(outcome)}


def _document(outcome: Outcome) -> str | None:
    """The outcome's report as JSON: the document its worker made (``parse_input`` sends
    the report only as ``Written``), else the report's own."""
    if outcome.report is None:
        return None
    if outcome.document is not None:
        return outcome.document
    if isinstance(outcome.report, Written):
        raise TypeError("a report sent without its document")
    return outcome.report.model_dump_json()


def _outcome(row: dict) -> Outcome:
    from ..model import Report

    inp = Input(row["location"], row["path"], row["page_published_date"], bool(row["optional"]))
    report = Report.model_validate_json(row["report"]) if row["report"] else None
    return Outcome(inp, row["sha256"], report, row["stage"] or "", row["reason"] or "")


# ------------------------------------------------------------------ the loader

def write_part(folder: Path, table) -> Path:
    """A batch's outcomes as a Parquet file named by the content hashes it holds (written
    whole or not at all)."""
    import pyarrow.parquet as pq

    keys = sorted((sha or "") + "\0" + loc for sha, loc in zip(table.column("sha256").to_pylist(),
                                                                table.column("location").to_pylist()))
    name = f"{PART_PREFIX}{hashlib.sha256(chr(10).join(keys).encode()).hexdigest()[:24]}.parquet"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return path


def load_part(db: Database, path: Path, summary: Summary, on_outcome: OnOutcome | None = None) -> set[str]:
    """Upsert one part into the store (reports already stored are skipped) and delete it;
    returns the locations it held."""
    import pyarrow.parquet as pq

    rows = pq.read_table(path).to_pylist()
    stored = _stored(db, [r["sha256"] for r in rows if r["report"]])
    fresh = []
    for row in rows:
        if row["report"] and row["sha256"] in stored:
            summary.skipped += 1
            if on_outcome:
                on_outcome(Outcome(Input(row["location"], row["path"])))
            continue
        stored.add(row["sha256"])
        fresh.append(_outcome(row))
    write_outcomes(db, fresh, summary, on_outcome)
    path.unlink()
    return {row["location"] for row in rows}


def load_parts(db: Database, folder: Path, summary: Summary, on_outcome: OnOutcome | None = None) -> set[str]:
    """Load the parts a killed run left behind."""
    done: set[str] = set()
    for path in sorted(folder.glob(f"{PART_PREFIX}*.parquet")) if folder.is_dir() else []:
        done |= load_part(db, path, summary, on_outcome)
    return done


def _stored(db: Database, shas: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(shas), 500):
        chunk = shas[start:start + 500]
        if chunk:
            marks = ", ".join("?" * len(chunk))
            found |= {sha for (sha,) in db.execute(f"SELECT sha256 FROM reports WHERE sha256 IN ({marks})", chunk)}
    return found


# ------------------------------------------------------------------ the run

def ingest_ray(db: Database, inputs: list[Input], address: str | None = None, jobs: int | None = None,
               on_total: OnTotal | None = None, on_outcome: OnOutcome | None = None, summary: Summary | None = None,
               parts: Path | None = None, parse_file: Callable[[Input], Outcome] | None = None,
               batch_files: int = BATCH_FILES, file_seconds: float = FILE_SECONDS,
               should_stop: Callable[[], bool] = lambda: False) -> Summary:
    """Parse and store the inputs not stored yet on Ray Data (the cluster at ``address``,
    else Ray started on this machine with ``jobs`` workers), then the cross-report rules.
    ``should_stop`` (Ctrl-C, SIGTERM) ends the run after the part being loaded."""
    with needs_extra("ray", "--engine ray ", "--engine ray"):
        import ray

    summary = summary or Summary()
    folder = Path(parts) if parts else parts_dir(db)
    load_parts(db, folder, summary, on_outcome)
    summary.inputs += len(inputs)
    todo, known = pending(db, inputs, summary)
    write_outcomes(db, known, summary)  # unreadable files and earlier failures, as the local engine does
    if on_total:
        on_total(len(todo))
    if not todo:
        summary.cross_checked = recheck(db)
        return summary
    started = not ray.is_initialized()
    if started:
        _start_ray(address, jobs)
    try:
        workers = max(1, int(jobs or ray.cluster_resources().get("CPU", 1)))
        for size in (batch_files, 1):  # a batch that keeps failing: its files again, one per task
            if not todo:
                break
            done = _run(db, todo, size, workers, folder, summary, on_outcome, parse_file, file_seconds, should_stop)
            todo = [inp for inp in todo if inp.location not in done]
            if should_stop():
                summary.interrupted = True
                return summary
        for inp in todo:
            _record_lost(db, inp, summary, on_outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
        return summary
    finally:
        if started:
            ray.shutdown()
    summary.cross_checked = recheck(db)
    return summary


def _start_ray(address: str | None, jobs: int | None) -> None:
    import ray

    if address:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
    else:
        ray.init(num_cpus=jobs or os.cpu_count() or 1, object_store_memory=OBJECT_STORE_BYTES,
                 include_dashboard=False, log_to_driver=False, configure_logging=False)
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # the run's own progress is ogi's
    context = ray.data.DataContext.get_current()
    context.max_errored_blocks = -1  # a batch that fails after its retries is left out, not the whole run
    context.enable_progress_bars = False


def _run(db: Database, todo: list[Input], size: int, workers: int, folder: Path, summary: Summary,
         on_outcome: OnOutcome | None, parse_file, file_seconds: float,
         should_stop: Callable[[], bool] = lambda: False) -> set[str]:
    """One pass over ``todo`` in batches of ``size``; the locations whose outcome was stored."""
    import ray

    rows = [{"location": i.location, "path": i.path, "page_published_date": i.page_published_date,
             "optional": i.optional} for i in todo]
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // size)))
    parsed = dataset.map_batches(ParseBatch, batch_size=size, batch_format="pyarrow", num_cpus=1,
                                 compute=ray.data.ActorPoolStrategy(min_size=1, max_size=min(workers, len(rows))),
                                 fn_constructor_kwargs={"parse_file": parse_file, "file_seconds": file_seconds},
                                 ray_remote_args_fn=_retries)
    done: set[str] = set()
    # batch_format="pyarrow": every batch is a pyarrow.Table (which ships no type information)
    tables: Iterable[Any] = parsed.iter_batches(batch_size=None, batch_format="pyarrow")
    for table in tables:
        if table.num_rows:
            done |= load_part(db, write_part(folder, table), summary, on_outcome)
        if should_stop():
            break
    return done


def _retries() -> dict:
    """Remote options of each worker: restarted when it dies, its batch retried ``RETRIES`` times."""
    return {"max_restarts": -1, "max_task_retries": RETRIES}


def _record_lost(db: Database, inp: Input, summary: Summary, on_outcome: OnOutcome | None) -> None:
    from .reports import record_failure

    reason = f"解析时进程多次崩溃 / the worker died {RETRIES + 1} times parsing this file"
    with db.transaction():
        record_failure(db, inp.location, None, "parse", reason)
    summary.failed.append((inp.location, reason))
    if on_outcome:
        on_outcome(Outcome(inp, stage="parse", reason=reason))


__all__ = ["BATCH_FILES", "FILE_SECONDS", "RETRIES", "ParseBatch", "ingest_ray", "load_parts", "parts_dir",
           "write_part"]
