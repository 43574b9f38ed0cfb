"""``ogi serve``: what it ingests first, when it needs a token, and its bad input. The
server itself is not started here (``uvicorn.run`` is replaced); the browser tests run it."""

from __future__ import annotations

import pytest
import uvicorn
from conftest import SEEDS
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ogi.cli import app

SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"
runner = CliRunner()


@pytest.fixture
def served(monkeypatch):
    """What ``ogi serve`` would have run: the app, host and port."""
    calls: list[dict] = []

    def run(web, host, port, **kw):
        calls.append({"app": web, "host": host, "port": port})
        web.state.site.close()

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.delenv("OGI_TOKEN", raising=False)
    return calls


def test_serve_ingests_its_paths_and_keeps_their_files(tmp_path, served, report_writer):
    made = report_writer.write("江苏省泰州市海陵区教育局", 2022)
    db = tmp_path / "ogi.duckdb"
    result = runner.invoke(app, ["serve", str(report_writer.folder), "--db", str(db), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "stored 1" in result.output and "http://127.0.0.1:8000/" in result.output
    assert "令牌" not in result.output  # loopback: no token
    web = served[0]["app"]
    assert web.state.site.token is None
    kept = list((tmp_path / "ogi.files").rglob("*.txt"))
    assert [p.read_bytes() for p in kept] == [made.path.read_bytes()]
    again = runner.invoke(app, ["serve", str(report_writer.folder), "--db", str(db), "-j", "1"])
    assert "skipped 1" in again.output


def test_serve_beyond_loopback_generates_and_prints_a_token(tmp_path, served):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "ogi.duckdb"), "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    token = served[0]["app"].state.site.token
    assert token and len(token) >= 24 and token in result.output
    assert f"http://0.0.0.0:8123/login?token={token}" in result.output
    assert (served[0]["host"], served[0]["port"]) == ("0.0.0.0", 8123)


def test_a_given_token_is_used_even_on_loopback(tmp_path, served, monkeypatch):
    monkeypatch.setenv("OGI_TOKEN", "from-the-environment")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "ogi.duckdb")])
    assert result.exit_code == 0, result.output
    assert served[0]["app"].state.site.token == "from-the-environment"


def test_on_loopback_other_host_names_are_refused(tmp_path, served):
    runner.invoke(app, ["serve", "--db", str(tmp_path / "ogi.duckdb")])
    web = served[0]["app"]
    web.state.site.open()
    with TestClient(web, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/filters").status_code == 200
        assert client.get("/api/filters", headers={"host": "attacker.example"}).status_code == 400


@pytest.mark.parametrize("args, message", [
    (["http://example.org/report.html"], "只导入本地文件"),
    (["--port", "0"], "greater than or equal to 1"),
])
def test_serve_refuses_bad_input_with_a_message(tmp_path, served, args, message):
    result = runner.invoke(app, ["serve", *args, "--db", str(tmp_path / "ogi.duckdb")])
    assert result.exit_code == 2 and message in result.output
    assert not served


def test_serve_says_why_a_store_cannot_be_opened(tmp_path, served):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = runner.invoke(app, ["serve", "--db", str(folder)])
    assert result.exit_code == 2 and "无法打开数据库" in result.output and "Traceback" not in result.output
    assert not served
