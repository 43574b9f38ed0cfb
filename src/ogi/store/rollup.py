"""ROLLUP_MISMATCH in the store: which government reports can be held to the sum of their
constituent agencies' reports, and the findings replaced after every ingest.

The rule itself is ``ogi.checks.rollup.check_rollup``; this module only selects the
candidates (governments with a recorded roster, years in which every member has a
report) and saves the findings. A
government's constituents are a person's stored decision (``ogi agencies members GOV
MEMBER…``), kept as alias keys (names and organisation codes) in ``agency_members``, so the
list survives re-parsing and renumbered agencies. A department merely being in the store
says nothing about the others that are not: a government with no recorded list, a year in
which one member has no report, or a report that does not state an aggregate scope
(``全区政府信息公开工作…``) is not judged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..checks.rollup import ROLLUP_TABLES, Constituent, check_rollup
from ..model import Finding
from .agencies import AgencyIndex
from .backend import Database, StoreError
from .reports import insert_findings, load_reports


def _alias_of(db: Database, agency_id: int) -> str:
    """The alias an agency is recorded by in a decision: a name alias first, else a code."""
    rows = db.execute("SELECT alias FROM agency_aliases WHERE agency_id = ? ORDER BY kind, alias", [agency_id])
    if not rows:
        raise StoreError(f"机关 {agency_id} 没有可记录的名称或机构代码 / agency {agency_id} has no name or code to "
                         "record it by")
    return rows[0][0]


def set_members(db: Database, government: int, members: Sequence[int]) -> None:
    """Record the complete list of a government's constituent agencies (replacing any)."""
    if government in members:
        raise StoreError("政府不能是自身的组成机关 / a government cannot be its own constituent")
    gov_alias = _alias_of(db, government)
    member_aliases = sorted({_alias_of(db, m) for m in members})
    with db.transaction():
        db.execute("DELETE FROM agency_members WHERE government = ?", [gov_alias])
        for alias in member_aliases:
            db.execute("INSERT INTO agency_members (government, member) VALUES (?, ?)", [gov_alias, alias])
    check_rollups(db)


def _rosters(db: Database) -> dict[int, list[int]]:
    """government agency id → its constituents' ids, where every recorded alias still resolves."""
    index = AgencyIndex(db)
    listed: dict[str, list[str]] = defaultdict(list)
    for gov, member in db.execute("SELECT government, member FROM agency_members ORDER BY government, member"):
        listed[gov].append(member)
    out = {}
    for gov, members in listed.items():
        gov_id = index.aliases.get(gov)
        found = [index.aliases.get(m) for m in members]
        ids = [i for i in found if i is not None]
        if gov_id is not None and len(ids) == len(found):
            out[gov_id] = sorted(set(ids))
    return out


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
    """(government report id, finding) for every cell that differs from its constituents' sum,
    where a roll-up can be judged (see the module text)."""
    rosters = _rosters(db)
    if not rosters:
        return []
    agencies = sorted(set(rosters) | {m for ms in rosters.values() for m in ms})
    marks = ", ".join("?" * len(agencies))
    reports = db.execute("SELECT r.id, r.agency_id, r.year, r.template, a.name FROM reports r "
                         "JOIN primary_reports p ON p.id = r.id JOIN agencies a ON a.id = r.agency_id "
                         f"WHERE r.agency_id IN ({marks}) AND r.year IS NOT NULL", agencies)
    by_agency_year = {(agency, year): (rid, template, name) for rid, agency, year, template, name in reports}
    found = []
    for gov, members in sorted(rosters.items()):
        for (agency, year), (gov_report, _, _) in sorted(by_agency_year.items()):
            if agency != gov:
                continue
            reported = [by_agency_year.get((m, year)) for m in members]
            parts = [p for p in reported if p is not None]
            if len(parts) < len(reported):
                continue  # a constituent without a report of that year
            (report,) = load_reports(db, [gov_report])
            cells = _cells(db, [gov_report, *(p[0] for p in parts)])
            found += [(gov_report, f) for f in check_rollup(
                report, cells[gov_report], [Constituent(name, template, cells[rid]) for rid, template, name in parts])]
    return found


def check_rollups(db: Database) -> int:
    """Replace every stored ROLLUP_MISMATCH finding; how many there are now."""
    found = rollup_findings(db)
    with db.transaction():
        db.execute("DELETE FROM findings WHERE origin = 'rollup'")
        insert_findings(db, found, "rollup")
    return len(found)
