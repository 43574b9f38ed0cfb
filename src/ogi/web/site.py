"""What every request shares: the store (one connection, used by one request at a time),
the kept original files, the pool of processes that parse uploaded files, the upload
limit, the write token, and whether URL imports may reach private addresses.

Uploaded files are parsed in worker processes (:class:`ogi.web.workers.ParsePool`), not in
the server's threads: a parser that hangs, crashes or grows on a hostile file costs its
worker (limited in memory, ended after ``parse_timeout`` seconds and replaced), the other
uploads go on in the other workers, and PDFium, which is not thread-safe, is never used by
the parser and the page renderer at once.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..store import DEFAULT_DB, Database, open_store
from ..store.backend import is_postgres_url
from ..store.ingest import Input, Outcome
from ..store.accounts import has_users
from .files import FileStore
from .intake import Intake, parse_upload
from .workers import DEFAULT_MEMORY, DEFAULT_WORKERS, Failed, Limits, ParsePool

DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024  # bytes per request
PARSE_TIMEOUT = 120.0  # seconds for one file
ACCOUNTS_TTL = 10.0  # seconds a "there are accounts" answer is kept


def default_files_dir(db_url: str | None) -> Path:
    """Where the originals are kept: beside a DuckDB file (``ogi.duckdb`` → ``ogi.files/``),
    or in the user's data folder for a PostgreSQL store."""
    if is_postgres_url(db_url):
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        return base / "ogi" / "files"
    db = Path(db_url or DEFAULT_DB)
    return db.with_name(db.stem + ".files")


class Site:
    def __init__(self, db_url: str, files_dir: Path | None = None, token: str | None = None,
                 max_upload: int = DEFAULT_MAX_UPLOAD, parse_timeout: float = PARSE_TIMEOUT,
                 parse_workers: int = DEFAULT_WORKERS, parse_memory: int = DEFAULT_MEMORY,
                 allow_private_urls: bool = False, sql_db: str | None = None) -> None:
        self.db_url = db_url
        self.sql_db = sql_db  # PostgreSQL: the read-only role the SQL page queries as (ogi.web.pages.sql)
        self.files = FileStore(files_dir or default_files_dir(db_url))
        self.token = token
        self.max_upload = max_upload
        self.parse_timeout = parse_timeout
        self.allow_private_urls = allow_private_urls
        self._db: Database | None = None
        self._db_lock = threading.RLock()
        self.pool = ParsePool(parse_workers, Limits(parse_memory, parse_timeout))
        self._accounts: tuple[float, bool] | None = None

    def open(self) -> None:
        """Open (and migrate) the store; :class:`ogi.store.StoreError` when it cannot be."""
        self._db = open_store(self.db_url)
        self.pool.start()

    def close(self) -> None:
        self.pool.close()
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

    def has_accounts(self) -> bool:
        """Whether any account exists; asked on every request, so remembered for
        :data:`ACCOUNTS_TTL` seconds (an account added from the web is seen at once)."""
        now = time.monotonic()
        if self._accounts is None or now - self._accounts[0] > ACCOUNTS_TTL:
            with self.store() as db:
                self._accounts = (now, has_users(db))
        return self._accounts[1]

    def forget_accounts(self) -> None:
        self._accounts = None

    def parse(self, inp: Input) -> Intake:
        """Parse one uploaded file in a worker; a deadline, memory or crash is a failure like any other."""
        result = self.pool.run(parse_upload, inp)
        if isinstance(result, Failed):
            return Intake(Outcome(inp, stage="parse", reason=result.reason))
        return result
