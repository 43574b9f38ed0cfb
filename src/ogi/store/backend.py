"""The one small interface both database backends implement.

SQL is written once, with ``?`` placeholders, in the subset DuckDB and PostgreSQL share;
each backend runs it on its own driver. Bulk inserts go through :meth:`Database.insert_rows`,
which sends each column as one typed array (``unnest``): one statement per batch, fast on
both.
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, Self, TypeGuard

from ..errors import OgiError

DEFAULT_DB = "ogi.duckdb"


class StoreError(OgiError, RuntimeError):
    """The database cannot be opened or used (in use by another process, wrong URL, …)."""


class Database(ABC):
    """A connection to the store: run SQL, insert rows in bulk, group writes in transactions."""

    dialect: str  # "duckdb" | "postgres"
    url: str
    read_only: bool
    # the driver's connection (each backend says its type); the SQL sandbox and the exports
    # configure it and stream through it
    _con: Any

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run one statement with ``?`` placeholders; the rows it returns (empty if none)."""

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Run one statement; its column names and rows."""

    @abstractmethod
    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[list[tuple]]:
        """Run one query and give its rows ``size`` at a time, without holding them all in
        this process (a long listing printed as it is read)."""

    @abstractmethod
    def run_statement(self, sql: str) -> tuple[list[str], list[tuple]]:
        """Run one statement as the user wrote it (no placeholders); the columns and rows of
        its result. Errors come as StoreError with the database's message."""

    @abstractmethod
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together, or not at all."""

    @abstractmethod
    def close(self) -> None: ...

    def insert_rows(self, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]],
                    returning: str | None = None) -> list[tuple]:
        """Insert many rows in one statement; ``columns`` are (name, SQL type) pairs. The
        ``returning`` columns of the inserted rows, if asked for."""
        if not rows:
            return []
        names = ", ".join(name for name, _ in columns)
        arrays = ", ".join(f"unnest(?::{sql_type}[])" for _, sql_type in columns)
        tail = f" RETURNING {returning}" if returning else ""
        return self.execute(f"INSERT INTO {table} ({names}) SELECT {arrays}{tail}", [list(col) for col in zip(*rows)])

    def insert_table(self, table: str, columns: Sequence[tuple[str, str]], data: Any) -> None:
        """Insert the rows of an Arrow table (``data``, made by :func:`arrow_table` with these
        ``columns``) in one statement. Here its columns are turned back into rows for
        :meth:`insert_rows`; DuckDB reads the Arrow table in place."""
        names = [name for name, _ in columns]
        self.insert_rows(table, columns, list(zip(*(data.column(name).to_pylist() for name in names))))

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.execute(sql, params)
        return rows[0][0] if rows else None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _NoPandas:
    """An import hook that refuses ``pandas``, put first on ``sys.meta_path`` for the moment
    :func:`pyarrow_module` makes its first array."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not needed for the store's Arrow arrays")
        return None


@cache
def pyarrow_module() -> Any:
    """pyarrow, its first array made without importing pandas.

    ``pyarrow.array`` asks, the first time it runs in a process, whether pandas is there (to
    read pandas objects as arrays), and imports it: about 0.5 s of CPU in every ingest worker
    and in the parent, for arrays the store makes only of Python lists (docs/ingest.md, ninth
    pass). Made here with pandas refused, pyarrow records it as absent for its array checks;
    what needs pandas later (``Table.to_pandas``) still imports it then. The hook is on
    ``sys.meta_path`` only while that first (empty) array is made."""
    import pyarrow as pa

    if "pandas" not in sys.modules:
        sys.meta_path.insert(0, _NoPandas)
        try:
            pa.array([], type=pa.int64())
        finally:
            sys.meta_path.remove(_NoPandas)
    return pa


def arrow_types() -> dict[str, Any]:
    """The Arrow type of each SQL type the store's bulk inserts use."""
    pa = pyarrow_module()

    return {"BIGINT": pa.int64(), "INTEGER": pa.int32(), "TEXT": pa.string(), "DOUBLE PRECISION": pa.float64(),
            "BOOLEAN": pa.bool_()}


def arrow_table(columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]]) -> Any:
    """Rows as one typed Arrow table with ``columns`` ((name, SQL type) pairs): each column
    converted in C, not value by value. Raises (``pyarrow.ArrowException``, ``OverflowError``)
    for a value its column's type cannot hold."""
    pa = pyarrow_module()

    types = arrow_types()
    values = list(zip(*rows)) if rows else [()] * len(columns)
    return pa.Table.from_arrays([pa.array(list(v), type=types[sql_type]) for v, (_, sql_type) in zip(values, columns)],
                                names=[name for name, _ in columns])


def is_postgres_url(url: str | None) -> TypeGuard[str]:
    return url is not None and url.startswith(("postgresql://", "postgres://"))


def connect(url: str | None = None, read_only: bool = False) -> Database:
    """Open the database at ``url``: a PostgreSQL URL, or a DuckDB file (default ``ogi.duckdb``)."""
    if is_postgres_url(url):
        from ..errors import needs_extra

        with needs_extra("postgres", "PostgreSQL 数据库", "a PostgreSQL database"):
            from .postgres import PostgresDatabase
        return PostgresDatabase(url, read_only=read_only)
    from .duckdb import DuckDBDatabase
    return DuckDBDatabase(url or DEFAULT_DB, read_only=read_only)
