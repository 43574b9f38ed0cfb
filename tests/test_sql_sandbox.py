"""``ogi sql`` as an attacker would use it: every escape the sandbox must hold against, on
DuckDB and on PostgreSQL (as the read-only role ``--setup-role`` makes; a superuser or a
file-capable role refused)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store

runner = CliRunner()


def sql(url: str, query: str, *options: str):
    return runner.invoke(app, ["sql", query, "--db", url, "--format", "csv", *options])


def _admin(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


@pytest.fixture
def reader(db_url):
    """(admin URL, URL of ogi sql's role): the store migrated, with one failure row; on
    PostgreSQL the role made by ``ogi sql --setup-role`` (dropped afterwards)."""
    with open_store(db_url) as db:
        db.execute("INSERT INTO failures (location, stage, reason, parser_version) VALUES ('a.pdf', 'read', 'x', '0')")
    if not db_url.startswith("postgresql"):
        yield db_url, db_url
        return
    role = f"ogi_reader_{uuid.uuid4().hex[:10]}"
    made = runner.invoke(app, ["sql", "--setup-role", "--role", role, "--db", db_url])
    assert made.exit_code == 0, made.output
    assert f"read-only role {role} ready" in made.output
    url = re.search(r"export OGI_SQL_DB='([^']+)'", made.output).group(1)
    try:
        yield db_url, url
    finally:
        with _admin(db_url) as con:
            con.execute(f"DROP OWNED BY {role}")
            con.execute(f"DROP ROLE {role}")


def test_a_query_reads_with_a_row_cap(reader):
    _, url = reader
    result = sql(url, "SELECT location, reason FROM failures")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["location,reason", "a.pdf,x"]
    capped = sql(url, "SELECT * FROM (VALUES (1), (2), (3), (4), (5)) AS t(n) ORDER BY n", "--max-rows", "2")
    assert capped.exit_code == 0, capped.output
    assert capped.stdout.splitlines() == ["n", "1", "2"]
    assert "only the first 2 rows are shown (--max-rows)" in capped.stderr


def _refused(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    line = result.stderr.strip()
    assert line.startswith("ogi: "), line
    for fragment in fragments:
        assert fragment in line, line


TIMEOUT = "查询超时 / the query ran past 1 s and was stopped (--timeout)"


@pytest.mark.parametrize("query", [
    "SELECT count(*) FROM range(1000000000000::BIGINT)",
    "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t",
], ids=["range-1e12", "recursive-cte"])
def test_duckdb_endless_queries_are_stopped(tmp_path, query):
    url = str(tmp_path / "s.duckdb")
    open_store(url).close()
    _refused(sql(url, query, "--timeout", "1"), TIMEOUT)


@pytest.mark.parametrize("query", [
    "SELECT length(repeat('x', 3000000000))",
    "SELECT length(string_agg(repeat('x', 1000), '')) FROM range(10000000)",
    "SELECT list(range) FROM range(500000000)",
], ids=["repeat-3e9", "string_agg", "list"])
def test_duckdb_blow_ups_hit_the_memory_limit(tmp_path, query):
    url = str(tmp_path / "s.duckdb")
    open_store(url).close()
    _refused(sql(url, query, "--memory", "256", "--timeout", "20"),
             "查询超出内存上限 / the query ran out of its memory limit (256 MB, --memory)")


@pytest.mark.parametrize("query, message", [
    ("SELECT * FROM read_csv('/etc/passwd')", "file system operations are disabled"),
    ("COPY reports TO '/tmp/ogi-sandbox-escape.csv'", "file system operations are disabled"),
    ("ATTACH '/tmp/ogi-sandbox-other.duckdb' AS other", "file system operations are disabled"),
    ("INSTALL httpfs", "disabled"),
    ("SET memory_limit = '100GB'", "the configuration has been locked"),
    ("SET enable_external_access = true", "Cannot change"),
    ("DELETE FROM failures", "read-only"),
])
def test_duckdb_escapes_are_refused(tmp_path, query, message):
    url = str(tmp_path / "s.duckdb")
    open_store(url).close()
    _refused(sql(url, query), message)
    assert not Path("/tmp/ogi-sandbox-escape.csv").exists()


# ------------------------------------------------------------------ PostgreSQL

def _postgres(reader):
    admin, url = reader
    if not admin.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    return admin, url


def test_postgres_superuser_is_refused(reader):
    admin, _ = _postgres(reader)
    _refused(sql(admin, "SELECT 1"), "ogi sql refuses to run as postgres: superuser",
             "ogi sql --setup-role --db <admin URL>")


@pytest.mark.parametrize("grant, reason", [
    ("GRANT pg_read_server_files TO {role}", "member of pg_read_server_files"),
    ("GRANT pg_write_server_files TO {role}", "member of pg_write_server_files"),
    ("GRANT pg_execute_server_program TO {role}", "member of pg_execute_server_program"),
    ("ALTER ROLE {role} CREATEROLE", "CREATEROLE"),
    ("GRANT INSERT ON failures TO {role}", "can change failures"),
])
def test_postgres_file_capable_or_writing_roles_are_refused(reader, grant, reason):
    admin, url = _postgres(reader)
    role = re.search(r"//([^:]+):", url).group(1)
    with _admin(admin) as con:
        con.execute(grant.format(role=role))
    _refused(sql(url, "SELECT 1"), f"ogi sql refuses to run as {role}: {reason}")


@pytest.mark.parametrize("query, fragment", [
    ("COPY failures TO PROGRAM 'id > /tmp/ogi-sandbox-escape.txt'", "only a query can run here"),
    ("COPY failures TO '/tmp/ogi-sandbox-escape.txt'", "only a query can run here"),
    ("SELECT pg_read_file('/etc/passwd')", "permission denied for function pg_read_file"),
    ("SELECT pg_ls_dir('/')", "permission denied for function pg_ls_dir"),
    ("SELECT lo_import('/etc/passwd')", "permission denied for function lo_import"),
    ("SELECT lo_export(lo_from_bytea(0, 'x'), '/tmp/ogi-sandbox-escape.txt')", "permission denied for function lo_export"),
    ("SELECT 1; SET statement_timeout = 0", "syntax error"),
    ("SELECT 1) AS q; COPY failures TO PROGRAM 'id'; SELECT (1", "cannot insert multiple commands"),
    ("SELECT * FROM pg_authid", "permission denied for table pg_authid"),
    ("DELETE FROM failures", "only a query can run here"),
    ("WITH gone AS (DELETE FROM failures RETURNING *) SELECT * FROM gone", "WITH"),
])
def test_postgres_escapes_are_refused(reader, query, fragment):
    admin, url = _postgres(reader)
    _refused(sql(url, query), fragment)
    assert not Path("/tmp/ogi-sandbox-escape.txt").exists()
    with _admin(admin) as con:
        assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM pg_largeobject_metadata").fetchone()[0] == 0


def test_postgres_a_large_object_made_in_a_query_does_not_outlive_it(reader):
    admin, url = _postgres(reader)
    made = sql(url, "SELECT lo_from_bytea(0, 'x') > 0 AS made")
    assert made.exit_code == 0 and made.stdout.splitlines() == ["made", "True"], made.output
    with _admin(admin) as con:  # the transaction was rolled back
        assert con.execute("SELECT count(*) FROM pg_largeobject_metadata").fetchone()[0] == 0


@pytest.mark.parametrize("query", [
    "SELECT count(*) FROM generate_series(1, 1000000000000)",
    "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t",
    "SELECT set_config('statement_timeout', '0', true), pg_sleep(30)",
], ids=["series-1e12", "recursive-cte", "lift-the-timeout"])
def test_postgres_endless_queries_are_stopped(reader, query):
    _, url = _postgres(reader)
    _refused(sql(url, query, "--timeout", "1"), TIMEOUT)


def test_postgres_string_blow_up_is_refused(reader):
    _, url = _postgres(reader)
    result = sql(url, "SELECT length(string_agg(repeat('x', 1000000), '')) FROM generate_series(1, 5000)",
                 "--timeout", "20")
    _refused(result)
    assert "out of memory" in result.stderr or "the query ran past" in result.stderr, result.stderr


def test_postgres_setup_role_needs_a_role_that_may_create_roles(reader):
    admin, url = _postgres(reader)
    result = runner.invoke(app, ["sql", "--setup-role", "--role", "ogi_other", "--db", url])
    _refused(result, "无权创建角色 / cannot create the role")
