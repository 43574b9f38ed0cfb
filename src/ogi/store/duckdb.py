"""The DuckDB backend: one database file, the default store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from .backend import Database, StoreError, arrow_table


class DuckDBDatabase(Database):
    dialect = "duckdb"
    _con: duckdb.DuckDBPyConnection

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.url = path
        self.read_only = read_only
        if read_only and not Path(path).exists():
            raise StoreError(f"没有数据库 {path} / no database at {path}")
        # read-only use (``ogi sql``) also gets no file access: no ATTACH, COPY or read_csv
        config: dict[str, str | bool | int | float | list[str]] = (
            {"enable_external_access": False} if read_only else {})
        try:
            self._con = duckdb.connect(path, read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(f"数据库 {path} 正被另一个进程使用 / {path} is in use by another process") from exc
            raise StoreError(f"无法打开数据库 {path} / cannot open {path}: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"无法打开数据库 {path} / cannot open {path}: {exc}") from exc
        self._in_transaction = False

    def _run(self, sql: str, params: Sequence[Any]) -> duckdb.DuckDBPyConnection:
        """Run a statement; Ctrl-C during it is a KeyboardInterrupt (DuckDB turns it into an
        error of its own), so that callers stop as they do anywhere else."""
        try:
            return self._con.execute(sql, list(params))
        except (duckdb.InterruptException, RuntimeError) as exc:
            if isinstance(exc, duckdb.InterruptException) or "interrupted" in str(exc):
                raise KeyboardInterrupt from exc
            raise

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self._run(sql, params)
        return cur.fetchall() if cur.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cur = self._run(sql, params)
        if not cur.description:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()

    def insert_rows(self, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]],
                    returning: str | None = None) -> list[tuple]:
        """Through Arrow: the rows become one typed Arrow table (converted in C, not value by
        value), which DuckDB reads in place with ``INSERT … SELECT``."""
        if not rows:
            return []
        return self._insert_arrow(table, [name for name, _ in columns], arrow_table(columns, rows), returning)

    def insert_table(self, table: str, columns: Sequence[tuple[str, str]], data: Any) -> None:
        """The Arrow table read in place, as :meth:`insert_rows` does with the one it makes."""
        if data.num_rows:
            self._insert_arrow(table, [name for name, _ in columns], data)

    def _insert_arrow(self, table: str, names: list[str], data: Any, returning: str | None = None) -> list[tuple]:
        view = f"ogi_insert_{table}"
        self._con.register(view, data)
        try:
            tail = f" RETURNING {returning}" if returning else ""
            return self.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM {view}{tail}")
        finally:
            self._con.unregister(view)

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[list[tuple]]:
        cur = self._con.cursor()  # its own cursor: other statements may run while this one is read
        try:
            cur.execute(sql, list(params))
            while rows := cur.fetchmany(size):
                yield rows
        finally:
            cur.close()

    def run_statement(self, sql: str) -> tuple[list[str], list[tuple]]:
        try:
            return self.query(sql)
        except duckdb.Error as exc:
            raise StoreError(str(exc)) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:  # joins the transaction already open
            yield
            return
        self._run("BEGIN TRANSACTION", ())
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        else:
            self._run("COMMIT", ())
        finally:
            self._in_transaction = False

    def close(self) -> None:
        self._con.close()
