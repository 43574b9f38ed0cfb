"""``ogi sql``'s sandbox: one untrusted query, bounded in what it can reach, how long it
runs, how much memory it takes and how many rows it returns, on both engines.

**DuckDB.** The file is opened read-only with ``enable_external_access = false`` (no
``read_csv``, ``COPY``, ``ATTACH``, ``INSTALL``/``LOAD``), ``memory_limit`` set, and the
configuration locked (``lock_configuration``) so the query cannot lift any of it. A timer
thread interrupts the query at the deadline (``range(1e12)``, an endless recursive CTE).
DuckDB's memory limit covers its buffer manager, not every allocation (``repeat('x',
3e9)`` takes 6 GB outside it), so the process's data segment is capped too
(``RLIMIT_DATA``) while the query runs: such an allocation fails and DuckDB reports it.

**PostgreSQL.** A read-only transaction is no sandbox for a privileged role (``COPY … TO
PROGRAM``, ``pg_read_file``, ``lo_import`` are the role's rights, not the transaction's).
So the query runs only as a least-privilege role: :func:`check_role` refuses a superuser,
a role that can create roles, databases or replicate, a member of the file and data roles
(``pg_read_server_files``, ``pg_write_server_files``, ``pg_execute_server_program``,
``pg_read_all_data``, ``pg_write_all_data``), and a role that owns or can change one of
ogi's tables. :func:`setup_role` creates such a role (``ogi sql --setup-role``): LOGIN,
nothing else, ``SELECT`` on the tables of ogi's schema. The query itself is sent as one
prepared statement (a second statement cannot be smuggled in to lift the limits), wrapped
as ``SELECT * FROM (query) LIMIT rows + 1`` in a read-only transaction that is rolled back,
with ``statement_timeout`` set: COPY, large-object writes and anything but a query fail.
"""

from __future__ import annotations

import re
import resource
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from .backend import Database, StoreError

SQL_SECONDS = 30.0  # default time limit of one query
SQL_ROWS = 10_000  # default most rows returned
SQL_MEMORY_MB = 1024  # default memory limit (DuckDB's memory_limit)
DATA_HEADROOM_MB = 512  # the process's own data beside the engine's limit (Python, the driver, results)
DEFAULT_ROLE = "ogi_reader"
PASSWORD_BYTES = 24

# roles whose members read or write the server's files, run programs, or read or write every table
DANGEROUS_ROLES = ("pg_read_server_files", "pg_write_server_files", "pg_execute_server_program",
                   "pg_read_all_data", "pg_write_all_data")
_QUERY_START = re.compile(r"^\s*(?:--[^\n]*\n\s*|/\*.*?\*/\s*)*\(*\s*(select|with|values|table)\b",
                          re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Limits:
    seconds: float = SQL_SECONDS
    rows: int = SQL_ROWS
    memory_mb: int = SQL_MEMORY_MB


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple]
    truncated: bool  # more rows than the cap: only the first ``rows`` are here


def run_query(db: Database, sql: str, limits: Limits) -> Result:
    """Run one untrusted statement on a store opened read-only, within ``limits``."""
    if not db.read_only:
        raise StoreError("the sandbox needs a store opened read-only")
    with capped_data(limits.memory_mb + DATA_HEADROOM_MB):
        if db.dialect == "duckdb":
            columns, rows = _run_duckdb(db, sql, limits)
        else:
            columns, rows = _run_postgres(db, sql, limits)
    return Result(columns, rows[:limits.rows], len(rows) > limits.rows)


def run_postgres_query(db: Database, sql: str, limits: Limits) -> Result:
    """One untrusted query on PostgreSQL as :func:`run_query` runs it (the role checked, one
    prepared statement in a read-only transaction rolled back, ``statement_timeout``, the
    row cap), without capping this process's data segment: a server's other threads share
    it, and the rows fetched are capped already (the query's own memory is the database
    server's)."""
    if db.dialect != "postgres":
        raise StoreError("run_postgres_query needs a PostgreSQL store")
    columns, rows = _run_postgres(db, sql, limits)
    return Result(columns, rows[:limits.rows], len(rows) > limits.rows)


def data_in_use() -> int:
    """Bytes of the process's data segment now (Linux ``VmData``; 0 where unknown)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) << 10
    except OSError:
        pass
    return 0


@contextmanager
def capped_data(megabytes: int) -> Iterator[None]:
    """The process's data segment allowed to grow by ``megabytes`` while the query runs
    (soft limit only, restored afterwards): what the process holds already (thread
    stacks, a long-lived caller's heap) is not counted against the query."""
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    cap = data_in_use() + (megabytes << 20)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def _timeout_message(limits: Limits) -> str:
    return f"查询超时 / the query ran past {limits.seconds:g} s and was stopped (--timeout)"


# ------------------------------------------------------------------ DuckDB

def _run_duckdb(db: Database, sql: str, limits: Limits) -> tuple[list[str], list[tuple]]:
    import duckdb

    con = db._con  # noqa: SLF001 - the sandbox configures the connection it was given
    try:
        con.execute(f"SET memory_limit = '{int(limits.memory_mb)}MB'")
        con.execute("SET lock_configuration = true")
    except duckdb.InvalidInputException:
        pass  # already locked by an earlier query on this connection: the limits stand
    timer = threading.Timer(limits.seconds, con.interrupt)
    timer.start()
    try:
        cur = con.execute(sql)
        if not cur.description:
            return [], []
        columns = [d[0] for d in cur.description]
        return columns, cur.fetchmany(limits.rows + 1)
    except duckdb.InterruptException:
        raise StoreError(_timeout_message(limits)) from None
    except duckdb.OutOfMemoryException as exc:
        raise StoreError(f"查询超出内存上限 / the query ran out of its memory limit ({limits.memory_mb} MB, "
                         f"--memory): {str(exc).splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise StoreError(str(exc).strip()) from None
    except MemoryError:
        raise StoreError(f"查询超出内存上限 / the query ran out of its memory limit ({limits.memory_mb} MB, "
                         "--memory)") from None
    finally:
        timer.cancel()


class QueryTimeout(StoreError):
    """A query interrupted at its deadline."""


def run_on_cursor(cursor, sql: str, limits: Limits) -> Result:
    """One query on a cursor of a server's own DuckDB connection (the web's SQL page, whose
    query :mod:`ogi.web.pages.sql` has checked): in a transaction of its own that is rolled
    back, interrupted after ``limits.seconds`` (:class:`QueryTimeout`), at most
    ``limits.rows`` rows; the engine's message as a :class:`StoreError` for a query that fails.
    The cursor is closed."""
    import duckdb

    timer = threading.Timer(limits.seconds, cursor.interrupt)
    try:
        cursor.execute("BEGIN TRANSACTION")
        timer.start()
        try:
            cursor.execute(sql)
            columns = [d[0] for d in cursor.description or []]
            rows = cursor.fetchmany(limits.rows + 1) if columns else []
        except duckdb.InterruptException:
            raise QueryTimeout(_timeout_message(limits)) from None
        except duckdb.Error as exc:
            if "interrupt" in str(exc).lower():
                raise QueryTimeout(_timeout_message(limits)) from None
            raise StoreError(str(exc)) from None
        finally:
            timer.cancel()
            try:
                cursor.execute("ROLLBACK")
            except duckdb.Error:
                pass
    finally:
        cursor.close()
    return Result(columns, rows[:limits.rows], len(rows) > limits.rows)


def table_columns(db: Database, tables: tuple[str, ...]) -> dict[str, list[str]]:
    """The columns of these tables of the store's schema, in their order."""
    marks = ", ".join("?" * len(tables))
    rows = db.execute("SELECT table_name, column_name FROM information_schema.columns "
                      f"WHERE table_schema = current_schema() AND table_name IN ({marks}) "
                      "ORDER BY table_name, ordinal_position", list(tables))
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


# ------------------------------------------------------------------ PostgreSQL

def check_role(db: Database) -> None:
    """Refuse to run queries as a role that can do more than read ogi's tables."""
    con = db._con  # noqa: SLF001
    user, flags = con.execute(
        "SELECT session_user, ARRAY(SELECT x FROM unnest(ARRAY["
        "  CASE WHEN bool_or(r.rolsuper) THEN 'superuser' END,"
        "  CASE WHEN bool_or(r.rolcreaterole) THEN 'CREATEROLE' END,"
        "  CASE WHEN bool_or(r.rolcreatedb) THEN 'CREATEDB' END,"
        "  CASE WHEN bool_or(r.rolreplication) THEN 'REPLICATION' END,"
        "  CASE WHEN bool_or(r.rolbypassrls) THEN 'BYPASSRLS' END]) x WHERE x IS NOT NULL) "
        "FROM pg_roles r WHERE pg_has_role(session_user, r.oid, 'MEMBER')").fetchone()
    members = [name for (name,) in con.execute(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s) AND pg_has_role(session_user, oid, 'MEMBER') "
        "ORDER BY rolname", [list(DANGEROUS_ROLES)])]
    writable = [name for (name,) in con.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'S') AND "
        "(pg_has_role(session_user, c.relowner, 'MEMBER') OR "
        " has_table_privilege(session_user, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')) ORDER BY c.relname")]
    reasons = list(flags) + [f"member of {m}" for m in members]
    if writable:
        reasons.append(f"can change {', '.join(writable[:5])}{'…' if len(writable) > 5 else ''}")
    if reasons:
        raise StoreError(
            f"ogi sql 不以权限过大的角色运行 / ogi sql refuses to run as {user}: {'; '.join(reasons)}. "
            "用 ogi sql --setup-role 建一个只读角色 / create a read-only role with "
            "`ogi sql --setup-role --db <admin URL>` and run queries with the URL it prints")


def _run_postgres(db: Database, sql: str, limits: Limits) -> tuple[list[str], list[tuple]]:
    import psycopg

    if not _QUERY_START.match(sql):
        raise StoreError("只能运行查询 / only a query can run here (SELECT, WITH, VALUES or TABLE)")
    check_role(db)
    con = db._con  # noqa: SLF001
    wrapped = f"SELECT * FROM (\n{sql.rstrip().rstrip(';')}\n) AS query LIMIT {int(limits.rows) + 1}"
    try:
        with con.transaction(force_rollback=True):
            con.execute("SET TRANSACTION READ ONLY")
            con.execute(f"SET LOCAL statement_timeout = {int(limits.seconds * 1000)}")
            cur = con.execute(wrapped, prepare=True)
            if not cur.description:
                return [], []
            return [d.name for d in cur.description], cur.fetchall()
    except psycopg.errors.QueryCanceled:
        raise StoreError(_timeout_message(limits)) from None
    except (psycopg.errors.OutOfMemory, psycopg.errors.ProgramLimitExceeded, MemoryError) as exc:
        raise StoreError(f"查询超出内存上限 / the query ran out of memory: {str(exc).strip()}") from None
    except psycopg.Error as exc:
        raise StoreError(str(exc).strip()) from None


def setup_role(db: Database, role: str = DEFAULT_ROLE, limits: Limits = Limits()) -> str:
    """Create (or reset) a least-privilege login role for ``ogi sql`` and give it ``SELECT``
    on the tables of the store's schema; the URL to query with (a new password in it).
    Run with a role that may create roles (the database's owner or an administrator)."""
    import psycopg
    from psycopg import sql as q

    if db.dialect != "postgres":
        raise StoreError("--setup-role 只用于 PostgreSQL / --setup-role is for PostgreSQL; DuckDB needs no role")
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise StoreError(f"角色名无效 / invalid role name {role!r}: lower-case letters, digits and _")
    con = db._con  # noqa: SLF001
    password = secrets.token_urlsafe(PASSWORD_BYTES)
    name = q.Identifier(role)
    try:
        with con.transaction():
            schema, database = con.execute("SELECT current_schema(), current_database()").fetchone()
            exists = con.execute("SELECT count(*) FROM pg_roles WHERE rolname = %s", [role]).fetchone()[0]
            attributes = q.SQL("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT "
                               "PASSWORD {}").format(q.Literal(password))
            con.execute(q.SQL("ALTER ROLE {} " if exists else "CREATE ROLE {} ").format(name) + attributes)
            for dangerous in DANGEROUS_ROLES:
                if con.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", [role, dangerous]).fetchone()[0]:
                    con.execute(q.SQL("REVOKE {} FROM {}").format(q.Identifier(dangerous), name))
            con.execute(q.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(q.Identifier(database), name))
            con.execute(q.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(q.Identifier(schema), name))
            con.execute(q.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}").format(q.Identifier(schema), name))
            con.execute(q.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(q.Identifier(schema), name))
            con.execute(q.SQL("ALTER ROLE {} SET search_path = {}").format(name, q.Literal(schema)))
            con.execute(q.SQL("ALTER ROLE {} SET statement_timeout = {}").format(
                name, q.Literal(f"{int(limits.seconds * 1000)}ms")))
            con.execute(q.SQL("ALTER ROLE {} SET default_transaction_read_only = on").format(name))
    except psycopg.errors.InsufficientPrivilege as exc:
        raise StoreError(f"无权创建角色 / cannot create the role: {str(exc).strip()}; run --setup-role with the "
                         "URL of the database's owner or an administrator") from None
    except psycopg.Error as exc:
        raise StoreError(str(exc).strip()) from None
    return role_url(db.url, role, password)


def role_url(url: str, role: str, password: str) -> str:
    """``url`` with another user and password."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{quote(role, safe='')}:{quote(password, safe='')}@{host}"))
