"""``ogi users`` and ``ogi findings`` from the command line, in process: accounts added,
listed, re-passworded and removed with their exact messages, and the stored findings printed
as JSON, CSV and the terminal table with the same rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.store.accounts import authenticate

SEED_000 = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds" / "000_231d42344d228242.txt"
runner = CliRunner()


def users(db: str, *args: str, stdin: str | None = None):
    return runner.invoke(app, ["users", *args, "--db", db], input=stdin)


def test_an_account_added_listed_repassworded_and_removed(tmp_path):
    db = str(tmp_path / "ogi.duckdb")
    added = users(db, "add", "张三", "--role", "admin", "--password-stdin", stdin="correct horse\n")
    assert (added.exit_code, added.output.strip()) == (0, "已添加管理员 张三 / added admin 张三")

    listed = users(db, "list", "--format", "csv")
    rows = list(csv.reader(io.StringIO(listed.output)))
    assert rows[0] == ["name", "role", "created_at"] and [r[:2] for r in rows[1:]] == [["张三", "admin"]]

    changed = users(db, "password", "张三", "--password-stdin", stdin="battery staple\n")
    assert (changed.exit_code, changed.output.strip()) == (0, "已更新 张三 的密码 / password changed")
    with open_store(db) as store:
        assert authenticate(store, "张三", "correct horse") is None
        assert authenticate(store, "张三", "battery staple").role == "admin"

    removed = users(db, "remove", "张三")
    assert (removed.exit_code, removed.output.strip()) == (0, "已删除 张三 / removed 张三")
    assert json.loads(users(db, "list", "--format", "json").output) == []


def test_account_mistakes_are_one_line_each(tmp_path):
    db = str(tmp_path / "ogi.duckdb")
    short = users(db, "add", "李四", "--password-stdin", stdin="short\n")
    assert short.exit_code != 0
    assert "密码应为 8–1024 个字符 / a password of 8 to 1024 characters" in short.output
    gone = users(db, "remove", "王五")
    assert gone.exit_code != 0 and "没有用户“王五” / no user 王五" in gone.output
    differ = users(db, "add", "李四", stdin="first password\nsecond password\n")
    assert differ.exit_code != 0 and "两次输入的密码不一致 / the passwords differ" in differ.output


def test_stored_findings_in_every_output_format(tmp_path):
    db = str(tmp_path / "ogi.duckdb")
    assert runner.invoke(app, ["ingest", str(SEED_000), "--db", db, "-j", "1"]).exit_code == 0
    with open_store(db) as store:
        want = sorted(store.execute("SELECT code, severity FROM findings"))
    assert want, "the seed report raises findings"

    as_json = json.loads(runner.invoke(app, ["findings", "--db", db, "--format", "json"]).output)
    assert sorted((f["code"], f["severity"]) for f in as_json) == want

    as_csv = list(csv.DictReader(io.StringIO(runner.invoke(app, ["findings", "--db", db, "--format", "csv"]).output)))
    assert sorted((f["code"], f["severity"]) for f in as_csv) == want

    shown = runner.invoke(app, ["findings", "--db", db, "--format", "text"], env={"COLUMNS": "200"}).output
    assert shown.splitlines()[0] == "问题 / findings"
    assert shown.rstrip().splitlines()[-1] == f"共 {len(want)} 条 / {len(want)} findings"

    none = runner.invoke(app, ["findings", "--db", db, "--code", "NO_SUCH_CODE", "--format", "json"])
    assert none.output == "[]\n"
    empty_table = runner.invoke(app, ["findings", "--db", db, "--code", "NO_SUCH_CODE"]).output
    assert empty_table.rstrip().splitlines()[-1] == "共 0 条 / 0 findings"
