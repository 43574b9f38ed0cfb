"""The store's one ingest entry point (``ogi.store.intake.ingest``) takes every kind of source
— paths, folders, files at hand, uploaded bytes — and says what became of each, in order, with
the counts adding up; a file the caller refuses is not taken at all."""

from __future__ import annotations

import hashlib
from contextlib import nullcontext

from conftest import SEEDS

from ogi.store import open_store
from ogi.store.ingest import Input, parse_input
from ogi.store.intake import Upload, ingest

SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"
SEED_003 = SEEDS / "003_ba6749b85648d9bd.txt"


def test_uploaded_bytes_are_kept_under_their_hash_and_stored(tmp_path):
    data = SEED_004.read_bytes()
    with open_store(str(tmp_path / "ogi.duckdb")) as db:
        done = ingest(lambda: nullcontext(db), [Upload("年度报告.TXT", data)], parse=parse_input,
                      folder=tmp_path / "kept")
        stored = db.execute("SELECT id, location, local_path FROM reports")
    kept = tmp_path / "kept" / (hashlib.sha256(data).hexdigest() + ".txt")
    assert kept.read_bytes() == data
    assert [f.status for f in done.files] == ["stored"]
    assert stored == [(done.files[0].report_id, "年度报告.TXT", str(kept))]
    assert (done.summary.inputs, done.summary.stored, done.summary.failed) == (1, 1, [])


def test_paths_folders_and_files_at_hand_in_one_call_each_with_its_result(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED_004.read_bytes())
    (folder / "notes.txt").write_text("会议纪要:今天天气很好。\n", encoding="utf-8")
    missing = str(tmp_path / "nowhere.txt")
    with open_store(str(tmp_path / "ogi.duckdb")) as db:
        done = ingest(lambda: nullcontext(db), [str(folder), missing, Input("again.txt", str(SEED_004)),
                                                Input("seed-003.txt", str(SEED_003))], jobs=1)
        ids = dict(db.execute("SELECT location, id FROM reports"))
        failures = db.execute("SELECT location, stage FROM failures")
    assert [(i.location.rsplit("/", 1)[-1], f.status) for i, f in zip(done.inputs, done.files)] == [
        ("a.txt", "stored"), ("notes.txt", "failed"), ("again.txt", "exists"), ("seed-003.txt", "stored")]
    assert done.files[2].report_id == done.files[0].report_id == ids[str(folder / "a.txt")]
    assert done.files[3].report_id == ids["seed-003.txt"]
    assert done.files[1].reason.startswith("不是年度报告 / not a report")
    assert failures == [(str(folder / "notes.txt"), "parse")]
    summary = done.summary
    assert (summary.inputs, summary.stored, summary.skipped, len(summary.failed)) == (5, 2, 1, 2)
    assert summary.failed[0] == (missing, "没有这个文件 / no such file") and summary.left == 0


def test_a_file_the_caller_refuses_is_not_taken(tmp_path):
    calls = []

    def parse(inp: Input):
        calls.append(inp.location)
        return parse_input(inp)

    def accept(inp: Input) -> Input | str:
        return "太大了 / too large" if inp.location == "big.txt" else inp

    with open_store(str(tmp_path / "ogi.duckdb")) as db:
        done = ingest(lambda: nullcontext(db), [Input("big.txt", str(SEED_003)), Input("ok.txt", str(SEED_004))],
                      parse=parse, accept=accept)
        failures = db.scalar("SELECT count(*) FROM failures")
        locations = [loc for (loc,) in db.execute("SELECT location FROM reports")]
    assert [(f.status, f.reason) for f in done.files] == [("refused", "太大了 / too large"), ("stored", None)]
    assert calls == ["ok.txt"] and locations == ["ok.txt"] and failures == 0
    assert (done.summary.inputs, done.summary.stored) == (1, 1)
