"""``ogi synth --panel``: agencies reporting across years, consistent from one year to the next."""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict

from typer.testing import CliRunner

from ogi.cli import app
from ogi.synth import errors, generate
from ogi.synth.panel import panel
from ogi.template import APPLICANT_COLUMNS

runner = CliRunner()
COLUMNS = [m.key for m in APPLICANT_COLUMNS]


def test_panel_reports_agree_from_year_to_year():
    by_agency = defaultdict(list)
    for item in panel(random.Random(3), 50):
        by_agency[item.agency.code].append(item.synthetic)
    assert len(by_agency) == 10  # 2 places × 5 agencies × 5 years
    for reports in by_agency.values():
        assert [s.profile.year for s in reports] == [2019, 2020, 2021, 2022, 2023]
        assert len({s.profile.index_number.split("/")[0] for s in reports}) == 1
        for before, after in zip(reports, reports[1:]):
            t0, t1 = before.printed, after.printed
            assert [t1["table3"]["carried_over"][c] for c in COLUMNS] == \
                [t0["table3"]["carried_forward"][c] for c in COLUMNS]
            assert not errors.broken_rules(after.template, after.expected_values())
            if before.template == after.template == "2021":
                for row in ("regulations", "normative_documents"):
                    a, b = t0["table2"][row], t1["table2"][row]
                    assert b["in_force"] == a["in_force"] + b["issued"] - b["repealed"]
            if before.template == after.template == "2019":
                for row in ("licensing", "punishment", "fees"):
                    a, b = t0["table2"][row], t1["table2"][row]
                    assert b["items_prev_year"] == a["items_prev_year"] + a["items_change"]


def test_panel_listing_names_governments_and_former_names(tmp_path):
    generate(50, tmp_path, seed=3, formats=("txt",), panel=True)
    with open(tmp_path / "panel.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 50
    renamed = [r for r in rows if r["former_name"]]
    assert renamed and all(r["year"] == "2019" for r in renamed)
    assert {r["government"] for r in rows if r["government"]} <= {r["agency"] for r in rows if not r["government"]}


def test_a_panel_ingests_as_agencies_across_years_without_cross_year_findings(tmp_path):
    folder = tmp_path / "panel"
    generate(10, folder, seed=3, formats=("txt",), panel=True)  # a government and a renamed department
    db = str(tmp_path / "ogi.duckdb")
    assert runner.invoke(app, ["ingest", str(folder), "--db", db, "-j", "1"]).exit_code == 0
    listed = runner.invoke(app, ["agencies", "list", "--db", db, "--format", "json"])
    agencies = json.loads(listed.stdout)
    assert sorted(a["reports"] for a in agencies) == [5, 5]
    found = json.loads(runner.invoke(app, ["findings", "--db", db, "--format", "json"]).stdout)
    assert not [f for f in found if f["code"].startswith("CROSS_YEAR")]
