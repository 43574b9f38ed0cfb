"""The cells summed per year and kept (store migration 13) equal the cells summed live over
the counted reports — after ingest, a corrected re-publication, a merge of agencies, a
re-parse — on DuckDB and PostgreSQL; a writer that does not settle makes ``compare`` sum
live (never wrong), and ``settle`` brings the kept sums back."""

from __future__ import annotations

import copy
import json

from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store, summary, year_cells
from ogi.store.queries import cell_totals, compare_years, year_cell_totals

runner = CliRunner()
AGENCY = "江苏省测试市甲区民政局"
OTHER = "江苏省测试市乙区民政局"
YEARS = (2022, 2023)


def corrected(tables: dict) -> dict:
    """The same tables with one more application granted to a natural person (still balanced)."""
    out = copy.deepcopy(tables)
    for row in ("granted", "total", "new_received"):
        out["table3"][row]["natural_person"] += 1
        out["table3"][row]["total"] += 1
    return out


def ingest(db_url, folder) -> None:
    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "-j", "1"])
    assert result.exit_code == 0, result.output


def live(db, year: int) -> dict:
    return cell_totals(db, "r.year = ?", [year])


def assert_kept_is_live(db) -> None:
    assert year_cells.stale_years(db) == []
    for year in YEARS:
        kept = year_cell_totals(db, year)
        assert kept is not None and kept == live(db, year) and len(kept) > 200


def received(db, year: int) -> float:
    kept = year_cell_totals(db, year)
    assert kept is not None
    return kept[("table3", "new_received", "total")]


def test_after_ingest_and_a_corrected_version_the_kept_sums_are_the_live_sums(db_url, report_writer):
    first = report_writer.write(AGENCY, 2022)
    other = report_writer.write(OTHER, 2022, seed=7)
    later = report_writer.write(AGENCY, 2023, seed=2023)
    ingest(db_url, report_writer.folder)
    with open_store(db_url) as db:
        assert_kept_is_live(db)
        assert received(db, 2022) == (first.tables["table3"]["new_received"]["total"]
                                      + other.tables["table3"]["new_received"]["total"])
        assert received(db, 2023) == later.tables["table3"]["new_received"]["total"]
    second = report_writer.write(AGENCY, 2022, tables=corrected(first.tables))  # a corrected re-publication
    text = second.path.read_text(encoding="utf-8")
    second.path.write_text(text.replace("成文日期: | 2023-01-20", "成文日期: | 2023-03-15"), encoding="utf-8")
    ingest(db_url, report_writer.folder)
    with open_store(db_url) as db:
        assert_kept_is_live(db)
        assert received(db, 2022) == (first.tables["table3"]["new_received"]["total"] + 1
                                      + other.tables["table3"]["new_received"]["total"])
    shown = runner.invoke(app, ["compare", "2022", "2023", "--all", "--db", db_url, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    rows = {row["cell"]: row for row in json.loads(shown.stdout)}
    assert rows["table3.new_received.total"]["2022"] == (first.tables["table3"]["new_received"]["total"] + 1
                                                         + other.tables["table3"]["new_received"]["total"])


def test_a_merge_and_a_reparse_keep_the_sums_exact(db_url, report_writer):
    first = report_writer.write(AGENCY, 2022)
    second = report_writer.write(OTHER, 2022, tables=corrected(first.tables))
    text = second.path.read_text(encoding="utf-8")
    second.path.write_text(text.replace("成文日期: | 2023-01-20", "成文日期: | 2023-03-15"), encoding="utf-8")
    report_writer.write(AGENCY, 2023, seed=2023)
    ingest(db_url, report_writer.folder)
    with open_store(db_url) as db:
        assert received(db, 2022) == 2 * first.tables["table3"]["new_received"]["total"] + 1
        ids = dict(db.execute("SELECT name, id FROM agencies"))
    merged = runner.invoke(app, ["agencies", "merge", str(ids[OTHER]), str(ids[AGENCY]), "--db", db_url])
    assert merged.exit_code == 0, merged.output
    with open_store(db_url) as db:  # one agency now: its later report is the one counted
        assert_kept_is_live(db)
        assert received(db, 2022) == first.tables["table3"]["new_received"]["total"] + 1
    reparsed = runner.invoke(app, ["reparse", "--all", "--db", db_url])
    assert reparsed.exit_code == 0, reparsed.output
    with open_store(db_url) as db:
        assert_kept_is_live(db)


def test_a_writer_that_does_not_settle_makes_compare_sum_live(db_url, report_writer):
    report_writer.write(AGENCY, 2022)
    report_writer.write(AGENCY, 2023, seed=2023)
    ingest(db_url, report_writer.folder)
    with open_store(db_url) as db:
        before = compare_years(db, 2022, 2023, everything=True).rows
        rid = db.scalar("SELECT report_id FROM report_summary WHERE counted AND year = 2022")
        # what a re-parse writes (new cells, a new ingested_at), without settling afterwards
        db.execute("UPDATE cells SET value = value + 1 WHERE report_id = ? AND table_key = 'table3' "
                   "AND row_key = 'new_received' AND column_key = 'total'", [rid])
        db.execute("UPDATE reports SET ingested_at = ingested_at + INTERVAL '1 second' WHERE id = ?", [rid])
        assert year_cells.stale_years(db) == [2022] and year_cell_totals(db, 2022) is None
        after = {key: left for key, left, _, _ in compare_years(db, 2022, 2023, everything=True).rows}
        was = {key: left for key, left, _, _ in before}
        assert after["table3.new_received.total"] == was["table3.new_received.total"] + 1
        summary.settle(db)
        assert year_cells.stale_years(db) == [] and year_cell_totals(db, 2022) == live(db, 2022)
        assert year_cell_totals(db, 2022)[("table3", "new_received", "total")] == after["table3.new_received.total"]
