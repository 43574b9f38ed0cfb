"""Export the store: reports, cells, findings or statistics, or every table of the database,
as CSV, Excel (xlsx), Parquet or JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from .backend import Database, StoreError
from .queries import FINDING_COLUMNS, findings, stats

FORMATS = ("csv", "xlsx", "parquet", "json")
WHAT = ("reports", "cells", "findings", "stats", "all")
# every table, for an export of the whole database
TABLES = ("schema_version", "reports", "cells", "findings", "reviews", "failures", "agencies", "agency_aliases")
# columns too long for a spreadsheet cell (32,767 characters): left out of xlsx
_TOO_LONG_FOR_XLSX = {("reports", "document")}

Data = tuple[list[str], list[tuple]]

_REPORTS_SQL = ("SELECT r.id, r.sha256, r.location, r.format, r.parser_version, r.ingested_at, r.title, "
                "r.agency_name, r.agency_id, a.name AS agency, a.region, a.level, r.year, r.template, "
                "r.published_date, r.page_published_date, r.index_number "
                "FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id ORDER BY r.id")
_CELLS_SQL = ("SELECT c.report_id, r.agency_name, r.year, r.template, c.table_key, c.row_key, c.column_key, "
              "c.value, c.text, c.line, c.page, c.derived, c.provenance "
              "FROM cells c JOIN reports r ON r.id = c.report_id "
              "ORDER BY c.report_id, c.table_key, c.row_key, c.column_key")


def collect(db: Database, what: str, by: str | None = None) -> dict[str, Data]:
    """The tables to export, by name."""
    if what == "reports":
        return {"reports": db.query(_REPORTS_SQL)}
    if what == "cells":
        return {"cells": db.query(_CELLS_SQL)}
    if what == "findings":
        return {"findings": (list(FINDING_COLUMNS), findings(db))}
    if what == "stats":
        items = stats(db, by=by)
        columns = list(items[0]) if items else ["group", "reports"]
        return {"stats": (columns, [tuple(item.values()) for item in items])}
    if what == "all":
        return {table: db.query(f"SELECT * FROM {table}") for table in TABLES}
    raise StoreError(f"unknown export {what!r}: one of {', '.join(WHAT)}")


def export(db: Database, fmt: str, out: Path, what: str = "reports", by: str | None = None) -> list[Path]:
    """Write the export; the files written. Several tables go into a folder ``out``
    (one file each), or into the sheets of one workbook for xlsx."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    tables = collect(db, what, by)
    if fmt == "xlsx":
        _write_xlsx(out, tables)
        return [out]
    if len(tables) == 1:
        (columns, rows), = tables.values()
        _WRITERS[fmt](out, columns, rows)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (columns, rows) in tables.items():
        path = out / f"{name}.{fmt}"
        _WRITERS[fmt](path, columns, rows)
        written.append(path)
    return written


def _write_csv(path: Path, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(columns)
        w.writerows(rows)


def _write_json(path: Path, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump([dict(zip(columns, row)) for row in rows], f, ensure_ascii=False, indent=1, default=str)


def _write_parquet(path: Path, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({c: [row[i] for row in rows] for i, c in enumerate(columns)}), path)


def _write_xlsx(path: Path, tables: dict[str, Data]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def cell(value):
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    wb = Workbook(write_only=True)
    for name, (columns, rows) in tables.items():
        keep = [i for i, c in enumerate(columns) if (name, c) not in _TOO_LONG_FOR_XLSX]
        ws = wb.create_sheet(name)
        ws.append([columns[i] for i in keep])
        for row in rows:
            ws.append([cell(row[i]) for i in keep])
    wb.save(path)


_WRITERS = {"csv": _write_csv, "json": _write_json, "parquet": _write_parquet}
