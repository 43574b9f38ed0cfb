"""``ogi ingest --engine ray``: Ray Data parses, a single loader stores; resumable and
idempotent. The loader is tested without Ray; the run itself on a real local Ray
instance, with a worker killed in the middle of a batch."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from ogi.store import open_store
from ogi.store.ingest import Input, collect, parse_input
from ogi.store.ray_ingest import ParseBatch, load_parts, parts_dir, write_part
from ogi.store.ingest import Summary

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
KILL_MARK = "killed-once"


def _corpus(tmp_path: Path) -> list[Input]:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("expected", "*.pdf", "*.docx"))
    files, _, missing = collect([str(folder)])
    assert missing == []
    return files


def _counts(db) -> tuple[int, int, int]:
    (reports, distinct), = db.execute("SELECT count(*), count(DISTINCT sha256) FROM reports")
    (failures,), = db.execute("SELECT count(*) FROM failures")
    return reports, distinct, failures


def _batch_table(inputs: list[Input]):
    import pyarrow as pa

    table = pa.table({"location": [i.location for i in inputs], "path": [i.path for i in inputs],
                      "page_published_date": [None] * len(inputs), "optional": [False] * len(inputs)})
    return ParseBatch()(table)


def test_parts_left_by_a_killed_run_are_loaded_once(tmp_path):
    """A part written but not loaded (the driver killed in between) is loaded by the next
    run; loading it again, or a part with reports already stored, stores nothing twice."""
    inputs = _corpus(tmp_path)
    db = open_store(str(tmp_path / "ogi.duckdb"))
    folder = parts_dir(db)
    assert folder == tmp_path / "ogi.parts"
    first = write_part(folder, _batch_table(inputs[:3]))
    assert first.name.startswith("part-") and first.suffix == ".parquet"
    again = write_part(folder, _batch_table(inputs[:3]))  # the same content: the same part
    assert again == first and len(list(folder.iterdir())) == 1
    write_part(folder, _batch_table(inputs[2:5]))  # overlaps the first by one report
    summary = Summary()
    loaded = load_parts(db, folder, summary)
    assert loaded == {i.location for i in inputs[:5]}
    assert (summary.stored, summary.skipped, summary.failed) == (5, 1, [])
    assert _counts(db) == (5, 5, 0)
    assert list(folder.iterdir()) == []  # loaded parts are gone
    write_part(folder, _batch_table(inputs[:2]))
    summary = Summary()
    load_parts(db, folder, summary)
    assert (summary.stored, summary.skipped) == (0, 2) and _counts(db) == (5, 5, 0)
    db.close()


def test_a_batch_row_round_trips_the_whole_report(tmp_path):
    from ogi.store.ray_ingest import _outcome

    (inp,) = _corpus(tmp_path)[:1]
    table = _batch_table([inp])
    row = table.to_pylist()[0]
    direct = parse_input(inp)
    assert row["sha256"] == direct.sha256 and row["stage"] == "" and row["reason"] == ""
    assert row["report"] == direct.document  # the worker's own document, not the report re-serialised
    assert _outcome(row).report.model_dump_json() == direct.document


def test_a_file_that_fails_is_a_row_with_its_reason(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    row = _batch_table([Input(str(bad), str(bad))]).to_pylist()[0]
    assert (row["stage"], row["report"]) == ("read", None)
    assert row["reason"] == "无法读取 / unreadable: the file is empty"


def kill_once(inp: Input):
    """The per-file function, except that the worker dies (SIGKILL) the first time it
    meets the marked file: the batch must be retried on a new worker."""
    mark = Path(os.environ["OGI_TEST_KILL_DIR"]) / KILL_MARK
    if inp.path.endswith("txt_rows.txt") and not mark.exists():
        mark.write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return parse_input(inp)


@pytest.mark.slow
def test_ray_run_with_a_worker_killed_mid_batch_stores_everything_once(tmp_path, monkeypatch):
    ray = pytest.importorskip("ray", reason="Ray not installed (pip install 'ogi-reports[ray]')")
    from ray import cloudpickle

    from ogi.store.ray_ingest import ingest_ray

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers do not import the tests
    monkeypatch.setenv("OGI_TEST_KILL_DIR", str(tmp_path))
    inputs = _corpus(tmp_path)
    db = open_store(str(tmp_path / "ogi.duckdb"))
    seen = []
    try:
        summary = ingest_ray(db, inputs, jobs=2, parse_file=kill_once, batch_files=3,
                             on_total=seen.append, on_outcome=lambda out: seen.append(out.input.location))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert (tmp_path / KILL_MARK).exists()  # a worker did die in the middle of its batch
    assert not ray.is_initialized()  # the run stopped the Ray it started
    assert (summary.stored, summary.skipped, summary.failed, summary.interrupted) == (len(inputs), 0, [], False)
    assert seen[0] == len(inputs) and sorted(seen[1:]) == sorted(i.location for i in inputs)
    assert _counts(db) == (len(inputs), len(inputs), 0)
    assert list(parts_dir(db).iterdir()) == []
    again = ingest_ray(db, inputs, jobs=2)  # everything stored: Ray is not even started
    assert (again.stored, again.skipped) == (0, len(inputs)) and _counts(db) == (len(inputs), len(inputs), 0)
    db.close()


def test_cli_engine_ray_resumes_what_the_local_engine_stored(tmp_path):
    """The same store, either engine: what one stored, the other skips (without starting Ray)."""
    pytest.importorskip("ray", reason="Ray not installed (pip install 'ogi-reports[ray]')")
    from typer.testing import CliRunner

    from ogi.cli import app

    inputs = _corpus(tmp_path)
    folder, db = str(tmp_path / "in"), str(tmp_path / "ogi.duckdb")
    first = CliRunner().invoke(app, ["ingest", folder, "--db", db, "-j", "1"])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(app, ["ingest", folder, "--db", db, "--engine", "ray", "-j", "2"])
    assert again.exit_code == 0, again.output
    assert f"stored 0, skipped {len(inputs)}, failed 0" in again.output
