"""The store's one way in (``ogi.store.intake``), as the web's upload and URL import and
``ogi ingest`` use it: a stored file is not parsed again, a failure is recorded with its
reason and — only when asked — tried again, a report is stored with its summary and the
cross-report rules run."""

from __future__ import annotations

from contextlib import nullcontext

from conftest import SEEDS

from ogi.api import parse as parse_report
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


# ---------------------------------------------------------------- the upload worker's decisions

from ogi.web.intake import MAX_STORED, oversized, parse_upload, refusal  # noqa: E402

BLANK_FORM = SEEDS.parent / "peer" / "templates" / "gov_disclosure_annual_report_template_2021.docx"


def _upload(path) -> tuple[str, str, str | None, bool]:
    got = parse_upload(Input(f"upload:{path.name}", str(path)))
    return got.outcome.stage, got.outcome.reason, got.refused, got.outcome.report is not None


def test_an_uploaded_report_is_taken_with_its_hash():
    got = parse_upload(Input("upload:seed-004.txt", str(SEED_004)))
    assert got.refused is None and got.outcome.stage == ""
    assert got.outcome.report.source.path == "upload:seed-004.txt"
    assert got.outcome.sha256 == __import__("hashlib").sha256(SEED_004.read_bytes()).hexdigest()


def test_the_blank_official_form_is_refused_as_such():
    assert _upload(BLANK_FORM) == (
        "parse", "这是一份未填写的报告模板:三张统计表没有任何数值 / a blank form: no table holds a value",
        "这是一份未填写的报告模板:三张统计表没有任何数值 / a blank form: no table holds a value", False)


def test_text_that_is_no_report_is_refused(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("会议通知\n请各单位于周五前报送材料。\n", encoding="utf-8")
    stage, reason, refused, stored = _upload(note)
    assert (stage, stored) == ("parse", False) and refused == reason and reason.startswith("不是年度报告 / not a report: ")


def test_a_broken_file_and_a_missing_one_fail_without_refusal(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    stage, reason, refused, stored = _upload(broken)
    assert (stage, refused, stored) == ("read", None, False) and reason.startswith("无法读取 / unreadable: ")
    stage, reason, refused, stored = _upload(tmp_path / "gone.txt")
    assert (stage, refused, stored) == ("read", None, False)
    assert reason == "无法读取 / cannot read: No such file or directory"


def test_a_count_too_large_for_the_store_is_refused_with_its_cell():
    report = parse_report(SEED_004.read_bytes(), name="seed-004.txt")  # the whole Report (ingest's workers send less)
    assert oversized(report) is None
    report.table3["new_received"]["natural_person"] = int(MAX_STORED) * 10
    assert oversized(report) == "table3.new_received.natural_person"
    why = refusal(report)
    assert why.startswith("数值过大:") and why.endswith("不是一个可信的件数 / a value too large to be a count "
                                                       "(table3.new_received.natural_person)")
    report.table3["new_received"]["natural_person"] = float("inf")
    assert oversized(report) == "table3.new_received.natural_person"
