"""The store's one way in (``ogi.store.intake``), as the web's upload and URL import and
``ogi ingest`` use it: a stored file is not parsed again, a failure is recorded with its
reason and — only when asked — tried again, a report is stored with its summary and the
cross-report rules run."""

from __future__ import annotations

from contextlib import nullcontext

from conftest import SEEDS

from ogi.store import open_store
from ogi.store.ingest import Input, Outcome, parse_input
from ogi.store.intake import ingest_one

SEED_004 = SEEDS / "004_3f0a03dfd5eda10b.txt"


def test_a_file_is_stored_once_and_then_exists(tmp_path):
    calls = []

    def parse(inp: Input) -> Outcome:
        calls.append(inp.location)
        return parse_input(inp)

    with open_store(str(tmp_path / "ogi.duckdb")) as db:
        first = ingest_one(lambda: nullcontext(db), Input("seed-004.txt", str(SEED_004)), parse)
        again = ingest_one(lambda: nullcontext(db), Input("again.txt", str(SEED_004)), parse)
        stored = db.execute("SELECT id, location FROM reports")
        summarised = db.scalar("SELECT count(*) FROM report_summary WHERE report_id = ?", [first.report_id])
    assert (first.status, again.status, again.report_id) == ("stored", "exists", first.report_id)
    assert stored == [(first.report_id, "seed-004.txt")] and summarised == 1
    assert calls == ["seed-004.txt"]  # the same file is not parsed twice


def test_a_failure_is_recorded_and_tried_again_only_when_asked(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("会议纪要:今天天气很好。\n", encoding="utf-8")
    calls = []

    def parse(inp: Input) -> Outcome:
        calls.append(inp.location)
        return parse_input(inp)

    with open_store(str(tmp_path / "ogi.duckdb")) as db:
        store = lambda: nullcontext(db)  # noqa: E731
        first = ingest_one(store, Input("notes.txt", str(notes)), parse)
        remembered = ingest_one(store, Input("notes.txt", str(notes)), parse)
        retried = ingest_one(store, Input("notes.txt", str(notes)), parse, retry_failed=True)
        failures = db.execute("SELECT location, stage FROM failures")
    assert (first.status, remembered.status, retried.status) == ("failed", "failed", "failed")
    assert first.reason == remembered.reason == retried.reason and first.reason
    assert calls == ["notes.txt", "notes.txt"]  # the remembered failure was not parsed again
    assert failures[0] == ("notes.txt", "parse")


def test_a_page_without_a_report_of_its_own_is_skipped_not_failed(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><a href='report.pdf'>年度报告</a></body></html>", encoding="utf-8")
    with open_store(str(tmp_path / "ogi.duckdb")) as db:
        done = ingest_one(lambda: nullcontext(db), Input("https://example.org/page", str(page), optional=True),
                          parse_input)
        failures = db.scalar("SELECT count(*) FROM failures")
    assert (done.status, failures) == ("skipped", 0)
