"""Shared fixtures. Each part has its own section; add yours under a heading of its own."""

from __future__ import annotations

import glob
import os
import random
import re
import shutil
import subprocess
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


# =============================================================================================
# store: the database backends (DuckDB, PostgreSQL) and generated reports
# =============================================================================================

def _postgres_tools() -> bool:
    def found(name: str) -> bool:
        return bool(shutil.which(name) or glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found("initdb") and found("pg_ctl")


@pytest.fixture(scope="session")
def postgres_dsn():
    """A PostgreSQL server for the tests: $OGI_TEST_PG, else a throwaway one started by
    scripts/postgres-test-server.sh when initdb and pg_ctl exist, else None."""
    if os.environ.get("OGI_TEST_PG"):
        yield os.environ["OGI_TEST_PG"]
        return
    if not _postgres_tools():
        yield None
        return
    script = ROOT / "scripts" / "postgres-test-server.sh"
    started = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True, timeout=120,
                             check=False)
    if started.returncode != 0:
        pytest.fail(f"could not start the test PostgreSQL server:\n{started.stderr}")
    values = dict(re.findall(r"^export (\w+)=(\S+)$", started.stdout, re.MULTILINE))
    yield values["OGI_TEST_PG"]
    subprocess.run(["bash", str(script), "stop", values["OGI_TEST_PG_DIR"]], capture_output=True, timeout=60,
                   check=True)


BACKENDS = ("duckdb", "postgres")


@pytest.fixture(scope="session")
def new_store_url(postgres_dsn):
    """``new_store_url(backend, folder)``: a context giving the URL of an empty store, a
    DuckDB file in ``folder`` or a fresh schema of the test PostgreSQL server (the test is
    skipped when there is none)."""

    @contextmanager
    def make(backend: str, folder: Path):
        if backend == "duckdb":
            yield str(folder / "ogi.duckdb")
            return
        if postgres_dsn is None:
            if os.environ.get("OGI_REQUIRE_PG"):  # CI: the PostgreSQL half of the suite must run
                pytest.fail("OGI_REQUIRE_PG is set but no PostgreSQL server could be started")
            pytest.skip("no PostgreSQL server: set OGI_TEST_PG or install postgresql (initdb, pg_ctl)")
        import psycopg

        schema = f"test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(postgres_dsn, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {schema}")
        try:
            yield f"{postgres_dsn}{'&' if '?' in postgres_dsn else '?'}options=-csearch_path%3D{schema}"
        finally:
            with psycopg.connect(postgres_dsn, autocommit=True) as con:
                con.execute(f"DROP SCHEMA {schema} CASCADE")

    return make


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path, new_store_url):
    """The URL of an empty store, once per backend."""
    with new_store_url(request.param, tmp_path) as url:
        yield url


# Generated reports: a seed's text with another agency, year and numbers. Seed 004 is a
# 2021-format report with one table row per line; seed 003 a 2019-format one with one cell
# per line. Their value cells are replaced, in the template's printed order, by consistent
# random tables (or by the tables a test gives), and their header by the agency's.
_TEMPLATE_SEEDS = {"2021": ("004_3f0a03dfd5eda10b.txt", 2023), "2019": ("003_ba6749b85648d9bd.txt", 2020)}
_NUMBER_CELL = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")
_SEED_HEADER = re.compile(r"^(索 引 号|公开方式|文件编号):")
APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")


def consistent_tables(fmt: str, rng: random.Random, scale: int = 10) -> dict:
    """Tables of a format that pass every hard rule: table 三 balances in every column,
    totals are sums, table 四's totals are sums."""
    from ogi.template import FORMATS

    spec = FORMATS[fmt]
    tables: dict = {"table2": {}, "table3": {}, "table4": {}}
    for printed in spec.table2.rows:
        for row, col, _ in printed.cells:
            tables["table2"].setdefault(row, {})[col] = rng.randint(0, scale)
    if fmt == "2021":
        for row in ("regulations", "normative_documents"):
            cells = tables["table2"][row]
            cells["in_force"] = cells["issued"] + rng.randint(0, scale)
    t3 = spec.table3
    outcome_rows = [r.key for r in t3.rows if r.key not in ("new_received", "carried_over", "total",
                                                             "carried_forward")]
    rows = {key: {} for key in t3.output_rows()}
    for col in APPLICANTS:
        outcomes = {r: rng.randint(0, scale) if rng.random() < 0.4 else 0 for r in outcome_rows}
        total = sum(outcomes.values())
        carried_forward = rng.randint(0, 3)
        carried_over = rng.randint(0, min(3, total + carried_forward))
        for r, v in outcomes.items():
            rows[r][col] = v
        rows["total"][col] = total
        rows["carried_forward"][col] = carried_forward
        rows["carried_over"][col] = carried_over
        rows["new_received"][col] = total + carried_forward - carried_over
    for key, derived in t3.derived.items():
        for col in APPLICANTS:
            rows[key][col] = sum(rows[part][col] for part in derived)
    for cells in rows.values():
        cells["total"] = sum(cells[c] for c in APPLICANTS)
    tables["table3"] = rows
    from ogi.template import T4_GROUPS

    for group in T4_GROUPS:
        parts = {m: rng.randint(0, scale // 2) for m in ("upheld", "corrected", "other", "pending")}
        tables["table4"][group] = {**parts, "total": sum(parts.values())}
    return tables


def _printed_values(fmt: str, tables: dict) -> list:
    from ogi.template import FORMATS

    return [tables[t.key][row][col] for t in FORMATS[fmt].tables for printed in t.rows
            for row, col, _ in printed.cells]


@dataclass
class Generated:
    path: Path
    agency: str
    year: int
    template: str
    tables: dict


class ReportWriter:
    """Writes generated reports into a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def write(self, agency: str, year: int, fmt: str = "2021", tables: dict | None = None, seed: int = 0,
              org_code: str | None = None, scale: int = 10, name: str | None = None) -> Generated:
        seed_file, seed_year = _TEMPLATE_SEEDS[fmt]
        tables = tables or consistent_tables(fmt, random.Random(f"{agency}{year}{seed}"), scale)
        values = iter(_printed_values(fmt, tables))
        lines = (SEEDS / seed_file).read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("二、主动公开政府信息情况"))
        replaced = 0
        total = len(_printed_values(fmt, tables))
        for i in range(start, len(lines)):
            if replaced == total:
                break
            cells = lines[i].split("|")
            for j, cell in enumerate(cells):
                if replaced < total and _NUMBER_CELL.match(cell):
                    cells[j] = cell.replace(cell.strip(), str(next(values)))
                    replaced += 1
            lines[i] = "|".join(cells)
        assert replaced == total, f"seed {seed_file}: {replaced} value cells, the template has {total}"
        body = "\n".join(line for line in lines if not _SEED_HEADER.match(line))
        body = re.sub(r"(?:19|20)\d{2}", lambda m: str(int(m.group()) - seed_year + year), body)
        body = body.replace("吴兴区发改经信局", agency).replace("区发改经信局", agency).replace("县信访局", agency)
        index = f"{org_code}/{year + 1}-00001" if org_code else "无"
        head = (f"索 引 号: | {index} | 发布机构: | {agency} |\n成文日期: | {year + 1}-01-20 |\n"
                f"{agency}{year}年政府信息公开工作年度报告\n")
        self.count += 1
        path = self.folder / (name or f"{self.count:05d}_{year}.txt")
        path.write_text(head + body, encoding="utf-8")
        return Generated(path, agency, year, fmt, tables)


@pytest.fixture
def report_writer(tmp_path) -> ReportWriter:
    """Writes reports generated from the seeds into a fresh folder (``.folder``)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    return ReportWriter(folder)
