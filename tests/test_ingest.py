"""``ogi ingest`` and ``ogi reparse``: every report stored once, with its cells, provenance
and findings; bad input recorded and the batch going on; resuming after a kill."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.template import FORMATS

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
SEED_000 = SEEDS / "000_231d42344d228242.txt"
runner = CliRunner()


def ingest(db_url: str, *args: str, jobs: int = 1):
    return runner.invoke(app, ["ingest", *args, "--db", db_url, "-j", str(jobs)])


def counts(db_url: str) -> dict[str, int]:
    with open_store(db_url) as db:
        return {t: db.scalar(f"SELECT count(*) FROM {t}") for t in ("reports", "cells", "findings", "failures")}


def test_a_folder_is_stored_once_with_cells_and_findings(db_url, report_writer):
    made = [report_writer.write(f"江苏省测试市第{i}区教育局", 2022) for i in range(4)]
    shutil.copy(SEED_000, report_writer.folder / "seed000.txt")
    result = ingest(db_url, str(report_writer.folder))
    assert result.exit_code == 0, result.output
    with open_store(db_url) as db:
        assert db.scalar("SELECT count(*) FROM reports") == 5
        # cells in long form: every value of every table, with its printed text and line
        expected_cells = sum(len(cols) for g in made for t in g.tables.values() for cols in t.values())
        got = db.scalar("SELECT count(*) FROM cells c JOIN reports r ON r.id = c.report_id "
                        "WHERE r.location NOT LIKE '%seed000.txt'")
        assert got == expected_cells
        value, text, line = db.execute(
            "SELECT c.value, c.text, c.line FROM cells c JOIN reports r ON r.id = c.report_id "
            "WHERE r.location LIKE '%seed000.txt' AND c.table_key = 'table2' AND c.row_key = 'procurement' "
            "AND c.column_key = 'amount'")[0]
        assert (value, text) == (1428.9, "1428.9万元") and line > 0
        codes = {c for (c,) in db.execute("SELECT f.code FROM findings f JOIN reports r ON r.id = f.report_id "
                                          "WHERE r.location LIKE '%seed000.txt'")}
        assert {"ROW_LABEL_MISSING", "SECTION_MISSING"} <= codes
    before = counts(db_url)
    again = ingest(db_url, str(report_writer.folder))
    assert again.exit_code == 0 and "skipped 5" in again.output
    assert counts(db_url) == before


def test_the_same_file_under_two_names_is_stored_once(db_url, report_writer):
    g = report_writer.write("江苏省测试市甲区民政局", 2021)
    shutil.copy(g.path, report_writer.folder / "copy.txt")
    assert ingest(db_url, str(report_writer.folder)).exit_code == 0
    assert counts(db_url)["reports"] == 1


def test_parallel_workers_store_every_report(db_url, report_writer):
    for i in range(8):
        report_writer.write(f"江苏省测试市第{i}区财政局", 2020 + i % 3, "2019" if i % 3 == 0 else "2021")
    result = ingest(db_url, str(report_writer.folder), jobs=2)
    assert result.exit_code == 0, result.output
    with open_store(db_url) as db:
        assert db.scalar("SELECT count(*) FROM reports") == 8
        assert db.scalar("SELECT count(DISTINCT sha256) FROM reports") == 8


def test_bad_input_is_recorded_and_nothing_stored_is_lost(db_url, report_writer, tmp_path):
    report_writer.write("江苏省测试市乙区司法局", 2022)
    assert ingest(db_url, str(report_writer.folder)).exit_code == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "corrupt.pdf").write_bytes(b"%PDF-1.7\n garbage that is no PDF at all")
    (bad / "notes.txt").write_text("会议纪要\n今天讨论了食堂的菜单。\n", encoding="utf-8")
    (bad / "empty.txt").write_bytes(b"")
    report_writer.write("江苏省测试市乙区审计局", 2022)
    result = ingest(db_url, str(bad), str(report_writer.folder), str(tmp_path / "missing.pdf"))
    assert result.exit_code == 1
    for name in ("corrupt.pdf", "notes.txt", "empty.txt", "missing.pdf"):
        assert name in result.output
    with open_store(db_url) as db:
        assert db.scalar("SELECT count(*) FROM reports") == 2
        failures = dict(db.execute("SELECT location, reason FROM failures"))
    assert {Path(p).name for p in failures} == {"corrupt.pdf", "notes.txt", "empty.txt"}
    assert all(reason for reason in failures.values())
    # the same bad files again: skipped, still reported
    again = ingest(db_url, str(bad))
    assert again.exit_code == 1 and "notes.txt" in again.output and "stored 0" in again.output


def test_reparse_reads_again_what_an_older_parser_stored(db_url, tmp_path):
    path = tmp_path / "seed000.txt"
    shutil.copy(SEED_000, path)
    assert ingest(db_url, str(path)).exit_code == 0
    with open_store(db_url) as db:
        report_id, = db.execute("SELECT id FROM reports")[0]
        finding_id = db.scalar("SELECT id FROM findings WHERE code = 'SECTION_MISSING'")
    assert runner.invoke(app, ["review", str(finding_id), "dismissed", "-m", "五 follows table 四",
                               "--db", db_url]).exit_code == 0
    with open_store(db_url) as db:
        db.execute("UPDATE reports SET parser_version = '0.0.1'")
    result = runner.invoke(app, ["reparse", "--db", db_url, "-j", "1"])
    assert result.exit_code == 0, result.output
    with open_store(db_url) as db:
        assert db.execute("SELECT id, parser_version FROM reports") == [(report_id, __import__("ogi").__version__)]
        assert db.scalar("SELECT count(*) FROM cells") > 0
        status, comment = db.execute(
            "SELECT v.status, v.comment FROM findings f JOIN reports r ON r.id = f.report_id JOIN reviews v "
            "ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key "
            "WHERE f.code = 'SECTION_MISSING'")[0]
    assert (status, comment) == ("dismissed", "五 follows table 四")


def test_reparse_reports_a_source_that_is_gone_and_keeps_the_report(db_url, tmp_path):
    path = tmp_path / "seed000.txt"
    shutil.copy(SEED_000, path)
    assert ingest(db_url, str(path)).exit_code == 0
    path.unlink()
    result = runner.invoke(app, ["reparse", "--all", "--db", db_url, "-j", "1"])
    assert result.exit_code == 1 and "gone" in result.output
    assert counts(db_url)["reports"] == 1


def test_nothing_to_ingest_is_a_clear_error(db_url, tmp_path):
    result = ingest(db_url, str(tmp_path / "nothing.pdf"))
    assert result.exit_code == 1 and "no such file" in result.output and "Traceback" not in result.output


def _wait_for_a_commit(db_url: str, db_file: Path | None, proc: subprocess.Popen, limit: float = 60) -> None:
    """Until the running ingest has committed a batch (DuckDB: its WAL has grown and stays
    the same size for a moment, so a commit being written is not taken for one done;
    PostgreSQL: reports are visible)."""
    import psycopg

    deadline = time.monotonic() + limit
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db_file is not None:
            wal = db_file.with_name(db_file.name + ".wal")
            size = wal.stat().st_size if wal.exists() else 0
            if size > 200_000 and size == seen:
                return
            seen = size
            time.sleep(0.15)
        else:
            with psycopg.connect(db_url) as con:
                if con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'reports' "
                               "AND table_schema = current_schema()").fetchone()[0] and \
                        con.execute("SELECT count(*) FROM reports").fetchone()[0] > 0:
                    return
        time.sleep(0.05)
    raise AssertionError("the ingest committed nothing in time")


KILLED_INGEST = ("import sys; import ogi.store.ingest as ingest; ingest.BATCH_SECONDS = 0.5; "
                 "from ogi.entry import main; sys.argv[0] = 'ogi'; main()")


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["kill", "term", "ctrl-c"])
def test_a_killed_ingest_resumes_and_stores_every_report_once(db_url, report_writer, how):
    total = 400
    for i in range(total):
        report_writer.write(f"江苏省测试市第{i}区人民政府", 2021 + i % 3)
    ogi = str(Path(sys.executable).with_name("ogi"))
    arguments = ["ingest", str(report_writer.folder), "--db", db_url, "-j", "2"]
    command = [ogi, *arguments]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # the run to kill writes a batch every half second (BATCH_SECONDS is 6): with the default
    # a fast machine parses all 400 before the first write, and the kill lands after the work
    proc = subprocess.Popen([sys.executable, "-c", KILLED_INGEST, *arguments], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    db_file = None if db_url.startswith("postgresql") else Path(db_url)
    _wait_for_a_commit(db_url, db_file, proc)
    proc.send_signal(how)
    _, stderr = proc.communicate(timeout=60)
    if how != signal.SIGKILL:
        assert proc.returncode == 130 and "resume" in stderr, stderr
    first = counts(db_url)["reports"]
    assert 0 < first < total, "the kill came too late to test anything"
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db_url) as db:
        assert db.scalar("SELECT count(*) FROM reports") == total
        assert db.scalar("SELECT count(DISTINCT sha256) FROM reports") == total
        # every report whole: all of table 三's cells, no half-written one
        t3_cells = sum(len(cols) for cols in FORMATS["2021"].table3.output_rows().values())
        assert db.execute("SELECT count(*) FROM (SELECT report_id FROM cells WHERE table_key = 'table3' "
                          "GROUP BY report_id HAVING count(*) <> ?) partial", [t3_cells])[0][0] == 0


def test_a_folder_walk_takes_report_files_not_the_data_beside_them(tmp_path):
    from ogi.store.ingest import collect

    (tmp_path / "expected").mkdir()
    for name in ("a.txt", "b.PDF", "c.html", "expected/a.json", "manifest.csv", ".hidden.txt"):
        (tmp_path / name).write_bytes(b"x")
    files, urls, missing = collect([str(tmp_path)])
    assert sorted(Path(f.path).name for f in files) == ["a.txt", "b.PDF", "c.html"]
    assert (urls, missing) == ([], [])
