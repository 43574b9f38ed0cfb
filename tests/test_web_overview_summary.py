"""The overview's charts read the per-report summary (store migration 10's single cells),
not the cells table: the same sums as the cells give, for every selection, on both
backends; a store made before step 10 gets the columns filled when it is opened."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.store import pages as data
from ogi.store.queries import SUMMARY_CELLS
from ogi.store.summary import TABLE, column

runner = CliRunner()
AGENCIES = ("江苏省泰州市海陵区教育局", "淮安市洪泽区人民政府", "重庆市北碚区民政局")
CELLS = [m.cells[0] for m in SUMMARY_CELLS]


@pytest.fixture
def store(db_url, report_writer):
    made = []
    for i, agency in enumerate(AGENCIES):
        for year in (2020, 2022):
            made.append(report_writer.write(agency, year, fmt="2019" if year == 2020 else "2021", seed=i))
    result = runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"])
    assert result.exit_code == 0, result.output
    return db_url, made


def _expected(made, keep) -> dict:
    out: dict = {}
    for g in made:
        if keep(g):
            for t, r, c in CELLS:
                value = g.tables.get(t, {}).get(r, {}).get(c)
                if isinstance(value, (int, float)):
                    out[t, r, c] = out.get((t, r, c), 0) + value
    return out


@pytest.mark.parametrize(("selection", "keep"), [
    (data.Selection(), lambda g: True),
    (data.Selection(year=2022), lambda g: g.year == 2022),
    (data.Selection(region="洪泽区"), lambda g: "洪泽" in g.agency),
    (data.Selection(level="county", year=2020), lambda g: g.year == 2020),
])
def test_the_overview_sums_are_the_reports_values(store, selection, keep):
    db_url, made = store
    with open_store(db_url, read_only=True) as db:
        got = data.summary_sums(db, selection)
        from_cells = {k: v for k, v in data.cell_sums(db, selection).items() if k in set(CELLS) and v is not None}
    want = _expected(made, keep)
    assert {k: v for k, v in got.items() if k in want} == want
    assert got == from_cells


def test_the_overview_by_year_and_for_one_code(store):
    db_url, made = store
    with open_store(db_url, read_only=True) as db:
        by_year = data.summary_sums(db, data.Selection(), by_year=True)
        code = db.scalar("SELECT code FROM findings ORDER BY code LIMIT 1")
        with_code = data.summary_sums(db, data.Selection(code=code))
        cells_with_code = data.cell_sums(db, data.Selection(code=code))
    assert sorted(by_year) == [2020, 2022]
    assert by_year[2022][("table3", "new_received", "total")] == sum(
        g.tables["table3"]["new_received"]["total"] for g in made if g.year == 2022)
    assert with_code == {k: v for k, v in cells_with_code.items() if k in set(CELLS) and v is not None}


def test_a_store_from_before_step_10_gets_the_cells_summed(store):
    db_url, made = store
    with open_store(db_url) as db:  # the table as step 3 made it before step 10
        db.execute("DROP INDEX report_summary_report")
        for m in SUMMARY_CELLS:
            db.execute(f"ALTER TABLE {TABLE} DROP COLUMN {column(m)}")
        db.execute(f"CREATE INDEX report_summary_report ON {TABLE} (report_id)")
        db.execute("DELETE FROM schema_version WHERE version = 10")
    with open_store(db_url) as db:  # opened for writing: migrated
        assert db.scalar("SELECT max(version) FROM schema_version") >= 10
        got = data.summary_sums(db, data.Selection())
    assert got[("table4", "review", "corrected")] == sum(g.tables["table4"]["review"]["corrected"] for g in made)
    assert got == _expected(made, lambda g: True)


def test_the_ranking_for_one_code_counts_that_codes_findings(store):
    db_url, _ = store
    with open_store(db_url) as db:
        # one warning of a made-up code on the first report of each agency, dismissed on one of them
        db.execute("INSERT INTO findings (report_id, origin, code, severity, message, where_key) "
                   "SELECT min(id), 'parse', 'TEST_CODE', 'warning', '测试', 'table3' FROM reports GROUP BY agency_id")
        first = db.execute("SELECT r.sha256 FROM reports r ORDER BY r.id LIMIT 1")[0][0]
        db.execute("INSERT INTO reviews (sha256, code, where_key, status) VALUES (?, 'TEST_CODE', 'table3', 'dismissed')",
                   [first])
        counted, by_code, ranked = data.overview_findings(db, data.Selection(code="TEST_CODE"))
        agencies = dict(db.execute("SELECT id, name FROM agencies"))
        first_agency = db.scalar("SELECT agency_id FROM reports ORDER BY id LIMIT 1")
    assert ("TEST_CODE", "warning", len(AGENCIES) - 1) in by_code
    assert sorted((r["agency"], r["errors"], r["warnings"], r["infos"]) for r in ranked) == sorted(
        (agencies[a], 0, 1, 0) for a in agencies if a != first_agency)
    assert counted["reports"] == len(AGENCIES)  # the reports with the code, its dismissed one too


@pytest.mark.parametrize("query", [{}, {"sort": "-errors"}, {"year": "2022", "sort": "agency"}, {"q": "洪泽 2022"},
                                   {"level": "county", "sort": "-warnings"}])
def test_the_reports_list_reads_the_same_rows_without_its_counts_where_it_can(store, query):
    import dataclasses

    from ogi.web import lists

    db_url, _ = store
    full = dataclasses.replace(lists.REPORTS, lean_rows_sql=None, heavy=frozenset())
    with open_store(db_url, read_only=True) as db:
        lean, whole = lists.run(db, lists.REPORTS, query, 1, 4), lists.run(db, full, query, 1, 4)
    assert (lean.total, lean.rows, lean.facets) == (whole.total, whole.rows, whole.facets)
    assert lean.total == {"{}": 6, "{'q': '洪泽 2022'}": 1, "{'year': '2022', 'sort': 'agency'}": 3}.get(
        str(query), lean.total) and len(lean.rows) == min(4, lean.total)
