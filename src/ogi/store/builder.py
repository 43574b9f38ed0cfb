"""The report builder's reads (the page is :mod:`ogi.web.pages.builder`): one statement that
sums, per agency and year, exactly the cells the chosen measures need, over the counted
report of each agency and year (``primary_reports``)."""

from __future__ import annotations

from collections.abc import Sequence

from .backend import Database


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def measure_cells(db: Database, keys: Sequence[str], year_from: int | None = None, year_to: int | None = None,
                  region: str | None = None, level: str | None = None,
                  agencies: Sequence[int] = ()) -> list[tuple]:
    """(agency id, year, report id, table, row, column, value) of the cells named by ``keys``
    (``table.row.column``) in the counted reports the choice keeps: years from–to, a region
    and every region inside it, a level, or named agencies."""
    conds: list[str] = []
    params: list[int | str] = []
    if year_from:
        conds.append("r.year >= ?")
        params.append(year_from)
    if year_to:
        conds.append("r.year <= ?")
        params.append(year_to)
    if region:
        conds.append("a.region LIKE ? ESCAPE '\\'")
        params.append(_like(region))
    if level:
        conds.append("a.level = ?")
        params.append(level)
    if agencies:
        conds.append(f"r.agency_id IN ({', '.join('?' * len(agencies))})")
        params += list(agencies)
    where = " AND ".join(["r.year IS NOT NULL", "r.agency_id IS NOT NULL", *conds])
    return db.execute(
        "WITH sel AS (SELECT r.id, r.agency_id, r.year FROM reports r JOIN primary_reports p ON p.id = r.id "
        f"LEFT JOIN agencies a ON a.id = r.agency_id WHERE {where}) "
        "SELECT sel.agency_id, sel.year, sel.id, c.table_key, c.row_key, c.column_key, c.value FROM sel "
        "JOIN cells c ON c.report_id = sel.id "
        f"WHERE c.table_key || '.' || c.row_key || '.' || c.column_key IN ({', '.join('?' * len(keys))})",
        [*params, *keys])


def agency_names(db: Database, ids: Sequence[int]) -> dict[int, str]:
    """The names of these agencies, by id."""
    if not ids:
        return {}
    return dict(db.execute(f"SELECT id, name FROM agencies WHERE id IN ({', '.join('?' * len(ids))})", list(ids)))
