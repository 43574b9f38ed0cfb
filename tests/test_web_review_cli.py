"""``ogi review`` writes a verdict the way the web does: the same function
(:func:`ogi.store.reviews.review`), so the reviewer is kept and the action is in the history
the web's finding page and API show. ``--reviewer`` names who; the operating-system user by
default."""

from __future__ import annotations

import getpass

from conftest import SEEDS
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.store.ingest import collect, ingest
from ogi.store.reviews import KEY_SQL
from ogi.web import create_app

SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"
runner = CliRunner()


def _store(tmp_path):
    db = tmp_path / "ogi.duckdb"
    inputs, _, _ = collect([str(SEED_004)])
    with open_store(str(db)) as store:
        ingest(store, inputs, jobs=1)
        finding_id, key = store.execute(f"SELECT f.id, {KEY_SQL} FROM findings f JOIN reports r ON r.id = f.report_id "
                                        "ORDER BY f.id LIMIT 1")[0]
    return db, finding_id, key


def test_the_cli_review_names_its_reviewer_and_the_web_shows_the_history(tmp_path, monkeypatch):
    db, finding_id, key = _store(tmp_path)
    named = runner.invoke(app, ["review", str(finding_id), "dismissed", "-m", "表格无误", "--reviewer", "王五",
                                "--db", str(db)])
    assert named.exit_code == 0, named.output
    monkeypatch.setattr(getpass, "getuser", lambda: "analyst")
    default = runner.invoke(app, ["review", str(finding_id), "confirmed", "--db", str(db)])
    assert default.exit_code == 0, default.output
    with TestClient(create_app(str(db), files_dir=tmp_path / "files", parse_workers=1)) as client:
        history = client.get(f"/api/findings/{key}/history").json()
        current = client.get(f"/api/findings/{key}").json()
        page = client.get(f"/findings/{key}").text
    assert [(h["reviewer"], h["status"], h["comment"], h["finding_key"]) for h in history] == [
        ("王五", "dismissed", "表格无误", key), ("analyst", "confirmed", None, key)]
    assert (current["status"], current["reviewer"], current["comment"]) == ("confirmed", "analyst", None)
    assert "王五" in page and "analyst" in page


def test_the_cli_review_of_a_finding_that_does_not_exist_says_so(tmp_path):
    db, _, _ = _store(tmp_path)
    result = runner.invoke(app, ["review", "999999", "dismissed", "--db", str(db)])
    assert result.exit_code != 0
    assert "没有编号为 999999 的问题 / no finding 999999" in result.output
