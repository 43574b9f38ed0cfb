"""The finding counts kept in the per-report summary (store migration 12) equal the findings
counted one by one — after ingest, a review through the CLI or the web's function, taking a
verdict back, a re-parse — on both backends; a writer that does not recount makes readers
count live (never wrong), and ``settle`` brings the kept counts back."""

from __future__ import annotations

import copy
from collections import Counter

import pytest
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store, reviews, summary
from ogi.store import pages as data

runner = CliRunner()
AGENCY = "江苏省测试市甲区人民政府"
OTHER = "江苏省测试市乙区教育局"


def broken(tables: dict) -> dict:
    """The same tables with one more application granted, and no total changed: table 三 no
    longer balances (error findings on the report)."""
    out = copy.deepcopy(tables)
    out["table3"]["granted"]["natural_person"] += 1
    out["table3"]["granted"]["total"] += 1
    return out


def counted_one_by_one(db) -> dict[int, tuple[int, int, int]]:
    """Per report, its findings not dismissed by severity, counted here in Python."""
    dismissed = {tuple(row) for row in db.execute("SELECT sha256, code, where_key FROM reviews "
                                                  "WHERE status = 'dismissed'")}
    counts: dict[int, Counter] = {rid: Counter() for (rid,) in db.execute("SELECT id FROM reports")}
    for rid, sha, code, where, severity in db.execute(
            "SELECT f.report_id, r.sha256, f.code, f.where_key, f.severity FROM findings f "
            "JOIN reports r ON r.id = f.report_id"):
        if (sha, code, where) not in dismissed:
            counts[rid][severity] += 1
    return {rid: (c["error"], c["warning"], c["info"]) for rid, c in counts.items()}


def kept(db) -> dict[int, tuple[int, int, int]]:
    return {rid: (e, w, i) for rid, e, w, i in db.execute(
        f"SELECT report_id, {', '.join(summary.COUNTS)} FROM {summary.TABLE}")}


def read_through(db) -> dict[int, tuple[int, int, int]]:
    """What a list reads (:func:`summary.open_counts_from`), kept or live."""
    return {rid: (int(e), int(w), int(i)) for rid, e, w, i in db.execute(
        f"SELECT report_id, {', '.join(summary.COUNTS)} FROM {summary.open_counts_from(db)} c")}


@pytest.fixture
def store(db_url, report_writer):
    for year in (2021, 2022, 2023):
        made = report_writer.write(AGENCY, year, seed=year)
        if year == 2022:
            made.path.unlink()
            report_writer.write(AGENCY, year, tables=broken(made.tables), seed=year)
    report_writer.write(OTHER, 2022, seed=7)
    result = runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"])
    assert result.exit_code == 0, result.output
    return db_url


def test_after_ingest_the_kept_counts_are_the_findings(store):
    with open_store(store) as db:
        expected = counted_one_by_one(db)
        assert sum(e for e, _, _ in expected.values()) > 0  # the broken table gives errors
        assert summary.counts_fresh(db)
        assert kept(db) == expected == read_through(db)


def test_a_review_and_its_undoing_recount_the_report(store):
    with open_store(store) as db:
        before = counted_one_by_one(db)
        fid, rid = db.execute("SELECT id, report_id FROM findings WHERE severity = 'error' ORDER BY id LIMIT 1")[0]
    dismissed = runner.invoke(app, ["review", str(fid), "dismissed", "-m", "测试", "--db", store])
    assert dismissed.exit_code == 0, dismissed.output
    with open_store(store) as db:
        after = counted_one_by_one(db)
        assert after[rid][0] == before[rid][0] - 1
        assert summary.counts_fresh(db) and kept(db) == after
        key = reviews.key_of(db, fid)
        assert reviews.review(db, [key], "open", None, "审核员") == 1  # the web's function
        assert summary.counts_fresh(db) and kept(db) == counted_one_by_one(db) == before


def test_a_reparse_keeps_the_counts_with_the_verdicts(store):
    with open_store(store) as db:
        fid = db.scalar("SELECT id FROM findings WHERE severity = 'error' ORDER BY id LIMIT 1")
    assert runner.invoke(app, ["review", str(fid), "dismissed", "--db", store]).exit_code == 0
    result = runner.invoke(app, ["reparse", "--all", "--db", store])
    assert result.exit_code == 0, result.output
    with open_store(store) as db:
        assert db.scalar("SELECT count(*) FROM reviews WHERE status = 'dismissed'") == 1
        assert summary.counts_fresh(db)
        assert kept(db) == counted_one_by_one(db) == read_through(db)


def test_a_writer_that_does_not_recount_makes_readers_count_live(store):
    with open_store(store) as db:
        rid = db.scalar("SELECT min(id) FROM reports")
        db.execute("INSERT INTO findings (report_id, origin, code, severity, message, where_key) "
                   "VALUES (?, 'parse', 'TEST_CODE', 'warning', '测试', 'table3')", [rid])
        expected = counted_one_by_one(db)
        assert not summary.counts_fresh(db)
        assert kept(db) != expected and read_through(db) == expected
        counted, _, _ = data.overview_findings(db, data.Selection())
        assert counted["warning"] == sum(w for _, w, _ in expected.values())
        summary.settle(db)
        assert summary.counts_fresh(db) and kept(db) == expected


def test_the_ranking_from_kept_counts_is_the_ranking_from_the_findings(store):
    with open_store(store) as db:
        assert summary.counts_fresh(db)
        _, _, from_counts = data.overview_findings(db, data.Selection())
        db.execute(f"DELETE FROM {summary.STATE}")  # the counts no longer trusted: the findings are read
        assert not summary.counts_fresh(db)
        _, _, from_findings = data.overview_findings(db, data.Selection())
    assert from_counts == from_findings and from_counts[0]["agency"] == AGENCY and from_counts[0]["errors"] > 0


# ------------------------------------------------------------------ agency regions kept by settle

def test_after_ingest_the_regions_are_kept_and_give_the_same_groups(store):
    from ogi.store.queries import stats
    from ogi.store.regions import agency_regions

    with open_store(store) as db:
        assert summary.regions_fresh(db)
        kept_regions = {row[0]: row[1:] for row in db.execute(
            f"SELECT agency_id, {', '.join(summary.REGION_FIELDS)} FROM {summary.REGIONS}")}
        assert kept_regions == {i: tuple(getattr(r, f) for f in summary.REGION_FIELDS)
                                for i, r in agency_regions(db).items()}
        grouped = {by: stats(db, by) for by in ("province", "city", "county", "region")}
        assert [g["group"] for g in grouped["county"]] == ["乙区", "甲区"]  # sorted by str
        db.execute(f"DELETE FROM {summary.REGIONS_STATE}")  # not trusted: worked out from the agencies
        assert not summary.regions_fresh(db)
        assert {by: stats(db, by) for by in grouped} == grouped


def test_an_agency_changed_without_settle_is_grouped_as_it_is_now(store):
    from ogi.store.queries import stats

    with open_store(store) as db:
        db.execute("UPDATE agencies SET region = '江苏省测试市丙区' WHERE name = ?", [OTHER])
        assert not summary.regions_fresh(db)
        changed = [g["group"] for g in stats(db, "county")]
        summary.settle(db)
        assert summary.regions_fresh(db) and [g["group"] for g in stats(db, "county")] == changed
    assert "丙区" in changed


def test_a_summary_row_written_without_counts_is_not_trusted(store):
    with open_store(store) as db:
        expected = counted_one_by_one(db)
        db.execute(f"UPDATE {summary.TABLE} SET {summary.COUNTS[0]} = NULL "
                   f"WHERE report_id = (SELECT min(report_id) FROM {summary.TABLE})")
        assert not summary.counts_fresh(db) and read_through(db) == expected
        summary.settle(db)
        assert summary.counts_fresh(db) and kept(db) == expected


def test_a_step_missing_below_the_highest_is_applied_and_its_backfill_recounted(store):
    from ogi.store.schema import applied_versions

    with open_store(store) as db:
        expected = counted_one_by_one(db)
        db.execute("DELETE FROM schema_version WHERE version = 10")  # step 10 missing, 12 recorded
    with open_store(store) as db:  # opened for writing: step 10 again (its summary backfilled, uncounted)
        assert {10, 12} <= applied_versions(db)
        assert not summary.counts_fresh(db) and read_through(db) == expected
        summary.settle(db)
        assert summary.counts_fresh(db) and kept(db) == expected


def test_the_reports_list_reads_the_kept_counts_and_shows_what_the_findings_give(store):
    """The web's reports list reads its error/warning/info columns from the kept counts
    (``ListSpec.stored_rows_sql``) and shows, report by report, the findings counted one by
    one — after a dismissal too, sorted by errors as well as by year."""
    from ogi.web.lists import REPORTS, run

    with open_store(store) as db:
        fid, rid = db.execute("SELECT id, report_id FROM findings WHERE severity = 'error' ORDER BY id LIMIT 1")[0]
    assert runner.invoke(app, ["review", str(fid), "dismissed", "-m", "测试", "--db", store]).exit_code == 0
    with open_store(store) as db:
        assert summary.counts_fresh(db)
        expected = counted_one_by_one(db)
        for sort in ("-year", "-errors"):
            listed = run(db, REPORTS, {"sort": sort}, size=100).rows
            assert {r["id"]: (r["errors"], r["warnings"], r["infos"]) for r in listed} == expected
