"""One way into the store, whoever brings the files: ``ogi ingest``, the web's upload and the
web's URL import.

Every file goes through the same steps, the functions of :mod:`ogi.store.ingest`:

1. **fetch** (URLs only, :func:`fetch_inputs`): download the pages and the report files they
   link to (:func:`ogi.fetch.fetch`, with the caller's HTTP client: the web's refuses
   private addresses), record each download that failed in ``failures``, and make an
   :class:`~ogi.store.ingest.Input` of each file that came;
2. **pending**: a file whose sha256 is stored is not parsed again (``exists``); one that
   failed with this parser version before is reported with its reason again — unless the
   caller asks to try it again (``retry_failed``: a person who uploads a file again);
3. **parse** — the caller's parser: the CLI's pool of worker processes
   (:func:`ogi.store.ingest.ingest`), or one of the web's limited workers — outside the
   store, so a server goes on answering while a file is parsed;
4. **write** (:func:`ogi.store.ingest.write_outcomes`): the report with its agency,
   summary and findings, or the failure with its reason (a report the database refuses is
   recorded as a failure, not lost);
5. **the cross-report rules** (:func:`ogi.store.agencies.recheck`).

``store`` is a callable giving the store for one step (``lambda: nullcontext(db)`` when the
caller holds it anyway; the web's ``site.store``, which holds its lock for that step only).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path

from .agencies import recheck
from .backend import Database
from .ingest import Input, Outcome, Summary, pending, write_outcomes
from .reports import record_failure

StoreAccess = Callable[[], AbstractContextManager[Database]]
Parser = Callable[[Input], Outcome]


@dataclass
class Stored:
    """What became of one file: ``stored``, ``exists`` (the same file is stored already),
    ``failed`` (with the reason, recorded in ``failures``) or ``skipped`` (a fetched page
    whose own text is no report: its attachments are ingested instead)."""

    status: str
    report_id: int | None = None
    reason: str | None = None
    outcome: Outcome | None = None  # the parse's outcome, when the file was parsed


def _report_id(db: Database, sha256: str | None) -> int | None:
    return db.scalar("SELECT id FROM reports WHERE sha256 = ?", [sha256]) if sha256 else None


def ingest_one(store: StoreAccess, inp: Input, parse: Parser, retry_failed: bool = False) -> Stored:
    """Ingest one file by the steps above, with ``parse`` as its parser."""
    summary = Summary(inputs=1)
    with store() as db:
        todo, known = pending(db, [inp], summary)
        if known:  # the file could not be read
            write_outcomes(db, known, summary)
            return Stored("failed", reason=known[0].reason, outcome=known[0])
        if summary.skipped:
            return Stored("exists", _report_id(db, inp.sha256 or _sha_of(inp)))
    if summary.failed and not retry_failed:
        return Stored("failed", reason=summary.failed[0][1])
    target = todo[0] if todo else replace(inp, sha256=inp.sha256 or _sha_of(inp))
    outcome = parse(target)
    written = Summary()
    with store() as db:
        write_outcomes(db, [outcome], written)
        if written.stored:
            recheck(db)
            return Stored("stored", _report_id(db, outcome.sha256 or target.sha256), outcome=outcome)
    if written.failed:
        return Stored("failed", reason=written.failed[0][1], outcome=outcome)
    return Stored("skipped", outcome=outcome)


def _sha_of(inp: Input) -> str:
    from .ingest import sha256_of

    return sha256_of(inp.path)


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
