"""One way into the store, whoever brings the files: ``ogi ingest``, the web's upload and the
web's URL import all call :func:`ingest` (``ogi.store.ingest.ingest``, :func:`ingest_one` and
the web's functions are thin callers of it).

What comes in (``sources``): paths of files or folders (walked recursively), URLs, ``.txt``
lists of URLs (:func:`ogi.store.ingest.collect`), files already at hand
(:class:`~ogi.store.ingest.Input`: the web's kept uploads) and uploaded bytes (:class:`Upload`,
written into the caller's folder under their sha256). Every file then goes through the same
steps, the functions of :mod:`ogi.store.ingest`:

1. **fetch** (URLs only, :func:`fetch_inputs`): download the pages and the report files they
   link to (:func:`ogi.fetch.fetch`, with the caller's HTTP client: the web's refuses
   private addresses), record each download that failed in ``failures``, and make an
   :class:`~ogi.store.ingest.Input` of each file that came;
2. **pending**: a file whose sha256 is stored is not parsed again (``exists``); one that
   failed with this parser version before is reported with its reason again — unless the
   caller asks to try it again (``retry_failed``: a person who uploads a file again);
3. **parse**, outside the store: by default in a pool of worker processes (``jobs``, written
   in batches as they come, the store held throughout: the CLI holds it anyway), or by the
   caller's parser one file at a time (``parse``: one of the web's limited workers), the store
   held only to write, so a server goes on answering while a file is parsed;
4. **write** (:func:`ogi.store.ingest.write_outcomes`): the report with its agency,
   summary, text prints and findings, or the failure with its reason (a report the database
   refuses is recorded as a failure, not lost);
5. **the cross-report rules** (:func:`ogi.store.agencies.recheck`).

``store`` is a callable giving the store for one step (``lambda: nullcontext(db)`` when the
caller holds it anyway; the web's ``site.store``, which holds its lock for that step only).
The result says what became of each file (:class:`Stored`, in the order given) and counts them
all (:class:`~ogi.store.ingest.Summary`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from .agencies import recheck
from .backend import Database
from .ingest import (Decisions, Input, OnOutcome, OnTotal, Outcome, Summary, collect, early_workers, pending,
                     write_outcomes)
from .reports import record_failure

StoreAccess = Callable[[], AbstractContextManager[Database]]
Parser = Callable[[Input], Outcome]


@dataclass(frozen=True)
class Upload:
    """A file a person uploaded: the name it had, and its bytes."""

    name: str
    data: bytes


Source = str | Input | Upload


@dataclass
class Stored:
    """What became of one file: ``stored``, ``exists`` (the same file is stored already),
    ``failed`` (with the reason, recorded in ``failures``) or ``skipped`` (a fetched page
    whose own text is no report: its attachments are ingested instead)."""

    status: str
    report_id: int | None = None
    reason: str | None = None
    outcome: Outcome | None = None  # the parse's outcome, when the file was parsed


@dataclass
class Ingested:
    """The end of :func:`ingest`: the counts, each file taken (downloads included) with what
    became of it (in order), and the downloads that failed, with their reason."""

    summary: Summary
    inputs: list[Input] = field(default_factory=list)
    files: list[Stored] = field(default_factory=list)
    fetch_failed: list[tuple[str, str]] = field(default_factory=list)


Accept = Callable[[Input], "Input | str"]  # the caller's check of a file: the input to ingest, or why it is refused


def default_downloads() -> Path:
    """Where downloads are kept unless the caller says: ``$XDG_CACHE_HOME/ogi/fetch`` (``~/.cache``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ogi" / "fetch"


def inputs_of(sources: Sequence[Source], folder: Path | None = None) -> tuple[list[Input], list[str],
                                                                           list[tuple[str, str]]]:
    """Sources → (files, URLs, missing paths with their reason); uploaded bytes are written
    into ``folder`` under their sha256 (with the uploaded name's suffix)."""
    files: list[Input] = []
    urls: list[str] = []
    missing: list[tuple[str, str]] = []
    for source in sources:
        if isinstance(source, Input):
            files.append(source)
        elif isinstance(source, Upload):
            if folder is None:
                raise ValueError("uploaded bytes need a folder to be kept in")
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / (hashlib.sha256(source.data).hexdigest() + Path(source.name).suffix.lower())
            path.write_bytes(source.data)
            files.append(Input(source.name, str(path)))
        else:
            found, listed, gone = collect([source])
            files += found
            urls += listed
            missing += gone
    return files, urls, missing


def ingest(store: StoreAccess, sources: Sequence[Source], *, parse: Parser | None = None, jobs: int | None = None,
           retry_failed: bool = False, folder: Path | None = None, fetch_options: dict | None = None,
           on_total: OnTotal | None = None, on_outcome: OnOutcome | None = None, summary: Summary | None = None,
           should_stop: Callable[[], bool] = lambda: False, engine: str = "local",
           address: str | None = None, accept: Accept | None = None) -> Ingested:
    """Ingest ``sources`` by the steps above. ``folder``: where uploaded bytes and downloads
    are kept (downloads in ``fetch_options["folder"]`` if given, else :func:`default_downloads`);
    ``fetch_options`` go to :func:`ogi.fetch.fetch` (delay, timeout, retries, client).
    ``parse``: the caller's parser (default: ``jobs`` worker processes; ``engine="ray"``: on
    Ray Data, at ``address`` if given, counted in the summary only). A stop request
    (``should_stop``, Ctrl-C) ends the parsing after the write in progress (``summary.interrupted``).
    ``accept``: the caller's check of each file before anything else (the web's: a known type
    and size, the file kept in its own store) — the input to go on with, or the reason it is
    refused: a file refused is not taken at all (``refused``, nothing recorded, not counted)."""
    from .ingest import _store_all

    summary = summary or Summary()
    inputs, urls, missing = inputs_of(sources, folder)
    summary.failed += missing
    summary.inputs += len(missing)
    fetch_failed: list[tuple[str, str]] = []
    if urls:
        options = dict(fetch_options or {})
        target = Path(options.pop("folder", None) or folder or default_downloads())
        fetched, fetch_failed = fetch_inputs(store, urls, target, **options)
        summary.failed += fetch_failed
        summary.inputs += len(fetch_failed)
        inputs += fetched
    checked: list[Input | str] = [accept(inp) for inp in inputs] if accept is not None else list(inputs)
    taken = [inp for inp in checked if isinstance(inp, Input)]
    if engine == "ray":  # Ray Data's workers, its own loader (store.ray_ingest), the same per-file function
        from .ray_ingest import ingest_ray

        with store() as db:
            ingest_ray(db, taken, address=address, jobs=jobs, on_total=on_total, on_outcome=on_outcome,
                       summary=summary, should_stop=should_stop)
        return Ingested(summary, taken, fetch_failed=fetch_failed)
    summary.inputs += len(taken)
    decided: Decisions = {}
    parsed: dict[tuple[str, str], Outcome] = {}

    def seen(out: Outcome) -> None:
        parsed[out.input.location, out.input.path] = out
        if on_outcome:
            on_outcome(out)

    # the worker processes (when they parse) start once one input is known to need them, and
    # import while the others are hashed
    with early_workers(jobs) if parse is None else nullcontext() as early:
        with store() as db:
            todo, known = pending(db, taken, summary, retry_failed, decided, early.start if early else None)
            write_outcomes(db, known, summary)
        parsed.update(((out.input.location, out.input.path), out) for out in known)
        if parse is None:  # worker processes, written in batches as they come, then the cross-report rules
            with store() as db:
                _store_all(db, todo, jobs, on_total, seen, summary, should_stop, early)
        else:  # the caller's parser, one file at a time: the store held only to write
            if on_total:
                on_total(len(todo))
            for inp in todo:
                if should_stop():
                    summary.interrupted = True
                    break
                outcome = parse(inp)
                with store() as db:
                    write_outcomes(db, [outcome], summary, seen)
            if summary.stored and not summary.interrupted:
                with store() as db:
                    summary.cross_checked = recheck(db)
    done = iter(_results(store, taken, decided, parsed, summary))
    files = [Stored("refused", reason=inp) if isinstance(inp, str) else next(done) for inp in checked]
    return Ingested(summary, [inp if isinstance(inp, Input) else original for inp, original in zip(checked, inputs)],
                    files, fetch_failed)


def _results(store: StoreAccess, inputs: list[Input], decided: Decisions, parsed: dict[tuple[str, str], Outcome],
             summary: Summary) -> list[Stored]:
    """What became of each input, in order (the stored ones' ids read in one statement)."""
    shas = sorted({sha for _, sha, _ in decided.values() if sha})
    with store() as db:
        ids = dict(db.execute("SELECT sha256, id FROM reports WHERE sha256 IN (SELECT unnest(?::TEXT[]))", [shas]))
    reasons = dict(summary.failed)  # location → the last reason recorded (the store's, for a refused report)
    out = []
    for inp in inputs:
        key = (inp.location, inp.path)
        what, sha, reason = decided.get(key, ("todo", None, None))
        outcome = parsed.get(key)
        if outcome is not None and outcome.report is None:  # could not be read or parsed
            out.append(Stored("failed", reason=outcome.reason, outcome=outcome) if outcome.failed
                       else Stored("skipped", outcome=outcome))
        elif outcome is not None:
            rid = ids.get(outcome.sha256 or sha or "")
            out.append(Stored("stored", rid, outcome=outcome) if rid is not None
                       else Stored("failed", reason=reasons.get(inp.location), outcome=outcome))
        elif what == "exists":
            out.append(Stored("exists", ids.get(sha or "")))
        elif what == "failed":
            out.append(Stored("failed", reason=reason))
        else:  # not parsed: the run was stopped first
            out.append(Stored("failed", reason="未处理:导入已中断 / not done: the ingest was interrupted"))
    return out


def ingest_one(store: StoreAccess, inp: Input, parse: Parser, retry_failed: bool = False) -> Stored:
    """Ingest one file with ``parse`` as its parser (:func:`ingest` of one input)."""
    return ingest(store, [inp], parse=parse, retry_failed=retry_failed).files[0]


def fetch_inputs(store: StoreAccess, urls: Sequence[str], folder: Path, **options) -> tuple[list[Input],
                                                                                          list[tuple[str, str]]]:
    """Download ``urls`` into ``folder`` (``options`` go to :func:`ogi.fetch.fetch`: delay,
    timeout, retries, client); each failed download recorded in ``failures``. The inputs
    to ingest (a page that links to its report files is optional: no report of its own is
    no failure), and the (url, reason) of each failed download."""
    from ..fetch import fetch

    fetched = fetch(list(urls), folder, **options)
    if fetched.failures:
        with store() as db, db.transaction():
            for url, reason in fetched.failures:
                record_failure(db, url, None, "fetch", reason)
    inputs = [Input(f.url, str(f.path), f.published_date, optional=bool(f.attachments)) for f in fetched.files]
    return inputs, list(fetched.failures)
