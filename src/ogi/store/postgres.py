"""The PostgreSQL backend (psycopg 3): the same schema and SQL as DuckDB, on a server."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from .backend import Database, StoreError


def _placeholders(sql: str) -> str:
    """``?`` placeholders (the SQL of the store) as psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDatabase(Database):
    dialect = "postgres"
    _con: psycopg.Connection

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"无法连接数据库 / cannot connect to {_redact(url)}: {exc}") from exc
        if read_only:
            self._con.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        self._tx: psycopg.Transaction | None = None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self._con.execute(_placeholders(sql), list(params))
        return cur.fetchall() if cur.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cur = self._con.execute(_placeholders(sql), list(params))
        if not cur.description:
            return [], []
        return [d.name for d in cur.description], cur.fetchall()

    def insert_rows(self, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]],
                    returning: str | None = None) -> list[tuple]:
        """With ``COPY … FROM STDIN`` (rows streamed, no statement per row); an insert that
        must return columns goes through the shared ``unnest`` statement."""
        if returning or not rows:
            return super().insert_rows(table, columns, rows, returning)
        names = ", ".join(name for name, _ in columns)
        with self._con.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return []

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[list[tuple]]:
        """Through a server-side cursor, in a transaction of its own."""
        with self._con.transaction(), self._con.cursor(name="ogi_stream") as cur:
            cur.execute(_placeholders(sql), list(params))
            while rows := cur.fetchmany(size):
                yield rows

    def run_statement(self, sql: str) -> tuple[list[str], list[tuple]]:
        """One statement, in a read-only transaction when the store was opened read-only,
        rolled back afterwards. As a prepared statement it cannot be several, so a second
        one cannot switch the read-only mode off or commit."""
        try:
            with self._con.transaction(force_rollback=self.read_only):
                if self.read_only:
                    self._con.execute("SET TRANSACTION READ ONLY")
                cur = self._con.execute(sql, prepare=True)
                if not cur.description:
                    return [], []
                return [d.name for d in cur.description], cur.fetchall()
        except psycopg.Error as exc:
            raise StoreError(str(exc).strip()) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._tx is not None:  # joins the transaction already open
            yield
            return
        with self._con.transaction() as tx:
            self._tx = tx
            try:
                yield
            finally:
                self._tx = None

    def close(self) -> None:
        self._con.close()


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
