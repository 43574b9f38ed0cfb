"""The SQL page on PostgreSQL runs as ``ogi sql`` does: under the least-privilege role that
``ogi sql --setup-role`` makes (``OGI_SQL_DB``), never as the server's own role, which can
write. Without the role the page says what an administrator must do; a role that can write
is refused."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.web import create_app
from ogi.web.pages.sql import NO_ROLE

runner = CliRunner()


@pytest.fixture
def postgres_store(tmp_path, new_store_url):
    with new_store_url("postgres", tmp_path) as url:
        with open_store(url) as db:
            db.execute("INSERT INTO failures (location, stage, reason, parser_version) "
                       "VALUES ('a.pdf', 'read', '无法读取', '0')")
        yield url


@pytest.fixture
def role_url(postgres_store):
    import psycopg

    role = f"ogi_web_reader_{uuid.uuid4().hex[:8]}"
    made = runner.invoke(app, ["sql", "--setup-role", "--role", role, "--db", postgres_store])
    assert made.exit_code == 0, made.output
    yield re.search(r"export OGI_SQL_DB='([^']+)'", made.output).group(1)
    with psycopg.connect(postgres_store, autocommit=True) as con:
        con.execute(f"DROP OWNED BY {role}")
        con.execute(f"DROP ROLE {role}")


def _client(url: str, tmp_path, **kw) -> TestClient:
    return TestClient(create_app(url, files_dir=tmp_path / "files", parse_workers=1, **kw))


def test_the_page_queries_as_the_read_only_role(postgres_store, role_url, tmp_path):
    with _client(postgres_store, tmp_path, sql_db=role_url) as client:
        body = client.get("/sql.json", params={"sql": "SELECT location, reason, session_user AS who FROM failures"})
    assert body.status_code == 200, body.text
    who = re.search(r"//([^:]+):", role_url).group(1)
    assert body.json()["rows"] == [["a.pdf", "无法读取", who]]


def test_the_role_url_is_read_from_the_same_variable_as_ogi_sql(postgres_store, role_url, tmp_path, monkeypatch):
    monkeypatch.setenv("OGI_SQL_DB", role_url)
    with _client(postgres_store, tmp_path) as client:
        body = client.get("/sql.json", params={"sql": "SELECT count(*) AS n FROM failures"}).json()
    assert body["rows"] == [[1]]


def test_without_a_role_the_page_says_what_to_set_up(postgres_store, tmp_path, monkeypatch):
    monkeypatch.delenv("OGI_SQL_DB", raising=False)
    with _client(postgres_store, tmp_path) as client:
        body = client.get("/sql.json", params={"sql": "SELECT count(*) FROM failures"})
        page = client.get("/sql", params={"sql": "SELECT count(*) FROM failures"})
    assert (body.status_code, body.json()) == (400, {"detail": NO_ROLE})
    assert page.status_code == 400 and "ogi sql --setup-role" in page.text


def test_a_role_that_can_write_is_refused(postgres_store, tmp_path):
    with _client(postgres_store, tmp_path, sql_db=postgres_store) as client:  # the owner of the tables
        body = client.get("/sql.json", params={"sql": "SELECT count(*) FROM failures"})
    assert body.status_code == 400
    assert body.json()["detail"] == ("服务器配置的查询角色权限过大(可写入或读取文件),已拒绝运行;"
                                     "请管理员用 ogi sql --setup-role 建立只读角色")


def test_a_long_query_stops_under_the_role(postgres_store, role_url, tmp_path, monkeypatch):
    from ogi.web.pages import sql

    monkeypatch.setattr(sql, "SECONDS", 0.5)
    with _client(postgres_store, tmp_path, sql_db=role_url) as client:
        body = client.get("/sql.json", params={"sql": "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t "
                                                        "WHERE n < 1000000000) SELECT count(*) FROM t"})
    assert (body.status_code, body.json()) == (400, {"detail": "查询超过 0.5 秒,已停止"})
