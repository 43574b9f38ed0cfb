"""Two stores hold the same content, row by row: for checking that a change to ingest stores
what the code before it stored.

    .venv/bin/python benchmarks/ingest_compare.py BEFORE.duckdb AFTER.duckdb

Ids differ between two ingests of the same files (they follow the order workers finish in),
so every row is compared with its ids resolved: a report by its sha256, an agency by its
name. Per table the rows are compared as multisets; timestamps are left out. Prints each
table's row count and whether it matches; exits 1 on any difference.
"""

from __future__ import annotations

import sys
from collections import Counter

import duckdb

# per table: the SELECT giving its rows with ids resolved (``r``: the report, ``a``: the agency)
TABLES = {
    "reports": "SELECT r.sha256, r.location, r.local_path, r.format, r.parser_version, r.title, r.agency_name, "
               "r.year, r.template, r.published_date, r.index_number, r.page_published_date, a.name, "
               "r.cross_checked, r.filled, r.document FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id",
    "cells": "SELECT r.sha256, c.table_key, c.row_key, c.column_key, c.value, c.text, c.line, c.page, c.derived, "
             "c.provenance FROM cells c JOIN reports r ON r.id = c.report_id",
    "findings": "SELECT r.sha256, f.origin, f.code, f.severity, f.message, f.message_en, f.where_key, f.line, f.page "
                "FROM findings f JOIN reports r ON r.id = f.report_id",
    "agencies": "SELECT name, region, level, kind, parent_name, decided FROM agencies",
    "agency_aliases": "SELECT l.alias, a.name, l.kind, l.name FROM agency_aliases l JOIN agencies a ON a.id = l.agency_id",
    "report_summary": "SELECT r.sha256, a.name, s.* EXCLUDE (report_id, agency_id) FROM report_summary s "
                      "JOIN reports r ON r.id = s.report_id LEFT JOIN agencies a ON a.id = s.agency_id",
    "text_prints": "SELECT r.sha256, p.section, p.print FROM text_prints p JOIN reports r ON r.id = p.report_id",
    "failures": "SELECT location, sha256, stage, reason, parser_version FROM failures",
    "agency_region": "SELECT a.name, g.* EXCLUDE (agency_id) FROM agency_region g JOIN agencies a ON a.id = g.agency_id",
    # a sum of amounts (万元) depends in its last bits on the order DuckDB adds the cells in
    "year_cells": "SELECT year, table_key, row_key, column_key, round(value, 6) FROM year_cells",
}


def rows(path: str, sql: str) -> Counter:
    con = duckdb.connect(path, read_only=True)
    try:
        return Counter(tuple(row) for row in con.execute(sql).fetchall())
    finally:
        con.close()


def main() -> None:
    before, after = sys.argv[1], sys.argv[2]
    same = True
    for table, sql in TABLES.items():
        a, b = rows(before, sql), rows(after, sql)
        ok = a == b
        same &= ok
        print(f"{table:<16} {sum(a.values()):>9} rows  {sum(b.values()):>9} rows  {'same' if ok else 'DIFFERENT'}")
        if not ok:
            for row in list((a - b).elements())[:3]:
                print("  only in the first: ", str(row)[:300])
            for row in list((b - a).elements())[:3]:
                print("  only in the second:", str(row)[:300])
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
