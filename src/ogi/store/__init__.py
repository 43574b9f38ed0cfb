"""The database of reports (DuckDB file by default, PostgreSQL with a ``postgresql://`` URL).

    >>> from ogi.store import open_store
    >>> with open_store("ogi.duckdb") as db:
    ...     db.execute("SELECT count(*) FROM reports")

Modules: ``schema`` (versioned migrations), ``duckdb``/``postgres`` (the backends behind
``backend.Database``), ``reports`` (Report ↔ rows), ``ingest``, ``agencies`` (identity
across years, cross-report rules), ``rollup`` (government vs departments), ``queries``
(stats, compare, findings) and ``export``.
"""

from __future__ import annotations

from .backend import DEFAULT_DB, Database, StoreError, connect
from .schema import migrate


def open_store(url: str | None = None, read_only: bool = False) -> Database:
    """Open (and create or migrate, unless read-only) the store at ``url``."""
    db = connect(url, read_only=read_only)
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db


__all__ = ["DEFAULT_DB", "Database", "StoreError", "open_store"]
