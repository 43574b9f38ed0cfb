"""What every request shares: the store (one connection, used by one request at a time),
the kept original files, the process that parses uploaded files, the upload limit and
the write token.

Uploaded files are parsed in a worker process, not in the server's threads: a parser
that hangs or crashes on a hostile file then costs that process (it is ended after
``parse_timeout`` seconds and started again), and PDFium, which is not thread-safe, is
never used by the parser and the page renderer at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool
from pathlib import Path

from ..store import DEFAULT_DB, Database, open_store
from ..store.backend import is_postgres_url
from ..store.ingest import Input, Outcome, parse_input
from .files import FileStore

DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024  # bytes per request
PARSE_TIMEOUT = 300.0  # seconds for one file


def default_files_dir(db_url: str | None) -> Path:
    """Where the originals are kept: beside a DuckDB file (``ogi.duckdb`` → ``ogi.files/``),
    or in the user's data folder for a PostgreSQL store."""
    if is_postgres_url(db_url):
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        return base / "ogi" / "files"
    db = Path(db_url or DEFAULT_DB)
    return db.with_name(db.stem + ".files")


def _ignore_interrupt() -> None:
    """Ctrl-C stops the server, which ends the worker; the worker itself ignores it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Site:
    def __init__(self, db_url: str, files_dir: Path | None = None, token: str | None = None,
                 max_upload: int = DEFAULT_MAX_UPLOAD, parse_timeout: float = PARSE_TIMEOUT) -> None:
        self.db_url = db_url
        self.files = FileStore(files_dir or default_files_dir(db_url))
        self.token = token
        self.max_upload = max_upload
        self.parse_timeout = parse_timeout
        self._db: Database | None = None
        self._db_lock = threading.RLock()
        self._pool: Pool | None = None
        self._pool_lock = threading.Lock()

    def open(self) -> None:
        """Open (and migrate) the store; :class:`ogi.store.StoreError` when it cannot be."""
        self._db = open_store(self.db_url)

    def close(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.terminate()
                self._pool.join()
                self._pool = None
        with self._db_lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    @contextmanager
    def store(self) -> Iterator[Database]:
        """The store, for one request at a time."""
        with self._db_lock:
            if self._db is None:
                raise RuntimeError("the site is not open")
            yield self._db

    def _worker(self) -> Pool:
        with self._pool_lock:
            if self._pool is None:
                self._pool = multiprocessing.get_context("spawn").Pool(1, initializer=_ignore_interrupt)
            return self._pool

    def _restart_worker(self) -> None:
        with self._pool_lock:
            if self._pool is not None:
                self._pool.terminate()
                self._pool.join()
                self._pool = None

    def parse(self, inp: Input) -> Outcome:
        """Parse one file in the worker process; a timeout is a failure like any other."""
        pending = self._worker().apply_async(parse_input, (inp,))
        try:
            return pending.get(timeout=self.parse_timeout)
        except multiprocessing.TimeoutError:
            self._restart_worker()
            return Outcome(inp, stage="parse", reason=f"解析超时({self.parse_timeout:g} 秒)/ parsing timed out")
