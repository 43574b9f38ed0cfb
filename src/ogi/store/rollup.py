"""ROLLUP_MISMATCH: a government's report against the sum of its departments' reports in
the store for the same year.

A department belongs to the government its name's divisions have (``淮安市洪泽区发展和改革局``
→ ``淮安市洪泽区人民政府``). For each government report with at least one department report
of the same year and format, every count of tables 三 and 四 is compared with the
departments' sum; a cell where a department's value is missing is not assessed. Tables
二's figures are not sums of departments' (a government issues its own 规章), so they are
left out.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Finding
from .agencies import AgencyIndex
from .backend import Database
from .reports import insert_findings

ROLLUP_TABLES = ("table3", "table4")
_SHOWN_NAMES = 5


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _departments(db: Database) -> dict[int, int]:
    """department agency id → its government's agency id, for governments in the store."""
    parents = {}
    index = AgencyIndex(db)
    for dept, parent in db.execute("SELECT id, parent_name FROM agencies "
                                   "WHERE kind = 'department' AND parent_name IS NOT NULL"):
        gov = index.find(parent)
        if gov is not None and gov != dept:
            parents[dept] = gov
    return parents


def _cells(db: Database, report_ids: list[int]) -> dict[int, dict[tuple[str, str, str], float | None]]:
    marks = ", ".join("?" * len(report_ids))
    out: dict[int, dict] = defaultdict(dict)
    for rid, table, row, col, value in db.execute(
            "SELECT report_id, table_key, row_key, column_key, value FROM cells "
            f"WHERE report_id IN ({marks}) AND table_key IN ({', '.join('?' * len(ROLLUP_TABLES))})",
            [*report_ids, *ROLLUP_TABLES]):
        out[rid][table, row, col] = value
    return out


def rollup_findings(db: Database) -> list[tuple[int, Finding]]:
    """(government report id, finding) for every cell that differs from its departments' sum."""
    parents = _departments(db)
    if not parents:
        return []
    agencies = sorted(set(parents) | set(parents.values()))
    marks = ", ".join("?" * len(agencies))
    reports = db.execute("SELECT r.id, r.agency_id, r.year, r.template, a.name FROM reports r "
                         "JOIN primary_reports p ON p.id = r.id JOIN agencies a ON a.id = r.agency_id "
                         f"WHERE r.agency_id IN ({marks}) AND r.year IS NOT NULL", agencies)
    governments = {(agency, year, template): rid for rid, agency, year, template, _ in reports
                   if agency in parents.values()}
    parts: dict[int, list[tuple[int, str]]] = defaultdict(list)  # government report → (report, department)
    for rid, agency, year, template, name in reports:
        gov_report = governments.get((parents.get(agency), year, template))
        if gov_report is not None:
            parts[gov_report].append((rid, name))
    found = []
    for gov_report, depts in sorted(parts.items()):
        cells = _cells(db, [gov_report, *(rid for rid, _ in depts)])
        names = "、".join(name for _, name in depts[:_SHOWN_NAMES]) + ("等" if len(depts) > _SHOWN_NAMES else "")
        for key, value in sorted(cells[gov_report].items()):
            values = [cells[rid].get(key) for rid, _ in depts]
            if value is None or any(v is None for v in values):
                continue
            total = sum(values)
            if total != value:
                where = ".".join(key)
                g, s = _number(value), _number(total)
                found.append((gov_report, Finding.of(
                    "ROLLUP_MISMATCH",
                    f"{where}: 政府报告为 {g},所属 {len(depts)} 个部门的报告之和为 {s}({names})",
                    f"{where}: the government reports {g}, the sum of its {len(depts)} departments' reports is {s}",
                    where)))
    return found


def check_rollups(db: Database) -> int:
    """Replace every stored ROLLUP_MISMATCH finding; how many there are now."""
    found = rollup_findings(db)
    with db.transaction():
        db.execute("DELETE FROM findings WHERE origin = 'rollup'")
        insert_findings(db, found, "rollup")
    return len(found)
