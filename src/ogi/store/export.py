"""Export the store as tidy tables a researcher can load as they are: CSV, Excel (xlsx),
Parquet or JSON, streamed in chunks.

What is exported (``--what``):

- ``cells``: the long table, one row per cell of every counted report — report, agency
  (id, name, province, city, county, 行政区划 code, level as code and Chinese label), year,
  format, the cell key and its Chinese label (from the codebook), the value, whether the
  cell held a value, was derived, blank, text or not applicable (``/``, ``—``, ``无``), and
  its provenance (printed text, line, page, the rest as JSON);
- ``wide``: one row per counted report, one column per cell key (``table3.granted.total``);
- ``reports``, ``findings`` (with report_id, agency and year), ``stats``, or ``all`` (every
  table of the database as stored).

“Counted” is the latest version of each agency's report of a year (``primary_reports``);
``all_versions`` exports every stored report, with ``counted`` saying which one statistics use.

Streaming: the query result is read as Arrow record batches of :data:`CHUNK_ROWS` rows
(DuckDB's Arrow reader; a PostgreSQL server-side cursor), each batch gets its
labels and region columns by vectorised lookups (``pyarrow.compute``), and is written at
once — no table is ever whole in Python memory. Parquet goes out as a dataset partitioned
by year and province (hive layout: ``year=2022/province=江苏省/part-0.parquet``) that DuckDB
(``read_parquet('dir/**/*.parquet', hive_partitioning=true)``), Polars and Spark read as is.

Spreadsheet safety: in CSV and xlsx every text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is written with a leading ``'``, so that a spreadsheet
shows it as text instead of running it as a formula (``=HYPERLINK(…)`` in a report's text).

The codebook (:mod:`ogi.codebook`) is written beside every export
(``<name>.codebook.csv``, ``.json`` for JSON, a ``codebook`` sheet in a workbook).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pyarrow as pa
import pyarrow.compute as pc

from .backend import Database, StoreError
from .queries import stats

if TYPE_CHECKING:
    from .duckdb import DuckDBDatabase

FORMATS = ("csv", "xlsx", "parquet", "json")
WHAT = ("reports", "cells", "wide", "findings", "stats", "all")
# every table, for an export of the whole database
TABLES = ("schema_version", "reports", "cells", "findings", "reviews", "failures", "agencies", "agency_aliases",
          "report_summary")
CHUNK_ROWS = 50_000  # rows per record batch read from the database and written out
XLSX_MAX_ROWS = 1_048_575  # data rows of one sheet (Excel's limit, less the header); more go to the next sheet
XLSX_MAX_TEXT = 32_767  # characters of one spreadsheet cell: longer columns are left out of xlsx
FORMULA_START = r"^[=+\-@\t\r]"  # what a spreadsheet may run as a formula
PARTITIONS = ("year", "province")
_TOO_LONG_FOR_XLSX = {("reports", "document")}

# ------------------------------------------------------------------ reading in batches

@contextmanager
def reader(db: Database) -> Iterator[Database]:
    """A read-only store on a connection of its own, for a long export while ``db`` goes on
    serving (a DuckDB cursor: the same database, its own connection; a new PostgreSQL
    connection, read-only)."""
    if db.dialect == "duckdb":
        own = cast("DuckDBDatabase", object.__new__(type(db)))  # what the duckdb dialect is
        own.url, own.read_only, own._in_transaction = db.url, True, False  # noqa: SLF001
        own._con = db._con.cursor()  # noqa: SLF001
        try:
            yield own
        finally:
            own._con.close()  # noqa: SLF001
        return
    from . import open_store

    with open_store(db.url, read_only=True) as store:
        yield store


_PG_TYPES = {16: pa.bool_(), 20: pa.int64(), 21: pa.int32(), 23: pa.int32(), 700: pa.float64(), 701: pa.float64(),
             1114: pa.timestamp("us"), 1184: pa.timestamp("us", tz="UTC"), 1082: pa.date32()}


def batches(db: Database, sql: str, params: list | tuple = ()) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
    """The result of ``sql`` as a schema and an iterator of record batches."""
    if db.dialect == "duckdb":
        # a relation streams its result; a DB-API cursor would materialise it first
        relation = db._con.sql(sql, params=list(params) or None)  # noqa: SLF001 - the backend's own connection
        reader = relation.to_arrow_reader(CHUNK_ROWS)
        return reader.schema, iter(reader)
    return _postgres_batches(db, sql, params)


def _postgres_batches(db: Database, sql: str, params) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
    from .postgres import _placeholders

    con = db._con  # noqa: SLF001 - a server-side cursor needs the driver's connection
    tx = con.transaction()
    tx.__enter__()
    cur = con.cursor(name="ogi_export")
    cur.execute(_placeholders(sql), list(params))
    schema = pa.schema([(d.name, _PG_TYPES.get(d.type_code, pa.string())) for d in cur.description])

    def rows() -> Iterator[pa.RecordBatch]:
        try:
            while chunk := cur.fetchmany(CHUNK_ROWS):
                columns = list(zip(*chunk))
                yield pa.record_batch([pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)
        finally:
            cur.close()
            tx.__exit__(None, None, None)

    return schema, rows()


# ------------------------------------------------------------------ labels and regions

def _agency_table(db: Database) -> pa.Table:
    from .regions import LEVEL_LABELS, agency_regions

    regions = agency_regions(db)
    rows = db.execute("SELECT id, name FROM agencies")
    got = [regions.get(i) for i, _ in rows]
    return pa.table({
        "agency_id": pa.array([i for i, _ in rows], pa.int64()),
        "agency": pa.array([n for _, n in rows], pa.string()),
        "province": pa.array([g.province if g else None for g in got], pa.string()),
        "city": pa.array([g.city if g else None for g in got], pa.string()),
        "county": pa.array([g.county if g else None for g in got], pa.string()),
        "region_code": pa.array([g.region_code if g else None for g in got], pa.string()),
        "level": pa.array([g.level if g else None for g in got], pa.string()),
        "level_label": pa.array([LEVEL_LABELS.get(g.level) if g and g.level is not None else None for g in got],
                                pa.string()),
    })


AGENCY_FIELDS = ("agency", "province", "city", "county", "region_code", "level", "level_label")


class Enricher:
    """Adds the agency's name, region and level after ``agency_id``, and the cell's Chinese
    label after its key, to each batch by vectorised lookups."""

    def __init__(self, db: Database) -> None:
        from ..codebook import labels_zh

        self.agencies = _agency_table(db)
        labels = labels_zh()
        self.keys = pa.array(list(labels), pa.string())
        self.labels = pa.array(list(labels.values()), pa.string())

    def __call__(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        names, arrays = [], []
        for name, array in zip(batch.schema.names, batch.columns):
            names.append(name)
            arrays.append(array)
            if name == "agency_id":
                at = pc.index_in(array.cast(pa.int64()), value_set=self.agencies["agency_id"])
                for field in AGENCY_FIELDS:
                    names.append(field)
                    arrays.append(self.agencies[field].take(at).combine_chunks())
            elif name == "cell":
                names.append("label_zh")
                arrays.append(self.labels.take(pc.index_in(array, value_set=self.keys)))
        return pa.record_batch(arrays, names=names)

    def schema(self, schema: pa.Schema) -> pa.Schema:
        return self(pa.RecordBatch.from_pylist([], schema=schema)).schema


# ------------------------------------------------------------------ what to export

def _counted(all_versions: bool) -> str:
    return "" if all_versions else "JOIN primary_reports p ON p.id = r.id"


_STATUS = ("CASE WHEN c.value IS NOT NULL THEN (CASE WHEN c.derived THEN 'derived' ELSE 'value' END) "
           "WHEN c.text IS NULL OR trim(c.text) = '' THEN 'blank' "
           "WHEN trim(c.text) IN ('/', '／', '—', '-', '－', '无') THEN 'not_applicable' ELSE 'text' END")
_COUNTED_FLAG = "r.id IN (SELECT id FROM primary_reports) AS counted"


def cells_sql(all_versions: bool = False, where: str = "TRUE") -> str:
    return (f"SELECT c.report_id, r.agency_id, r.year, r.template AS format, {_COUNTED_FLAG}, "
            "c.table_key || '.' || c.row_key || '.' || c.column_key AS cell, c.table_key, c.row_key, c.column_key, "
            f"c.value, {_STATUS} AS status, c.text, c.line, c.page, c.derived, c.provenance "
            f"FROM cells c JOIN reports r ON r.id = c.report_id {_counted(all_versions)} WHERE {where} "
            "ORDER BY c.report_id, c.table_key, c.row_key, c.column_key")


def wide_sql(all_versions: bool = False, where: str = "TRUE") -> str:
    from ..codebook import entries

    pivots = ", ".join(f"max(CASE WHEN c.table_key = '{e.table}' AND c.row_key = '{e.row}' AND c.column_key = "
                       f"'{e.column}' THEN c.value END) AS \"{e.key}\"" for e in entries())
    return (f"SELECT r.id AS report_id, r.agency_id, r.year, r.template AS format, {_COUNTED_FLAG}, "
            f"r.published_date, r.location, {pivots} "
            f"FROM reports r {_counted(all_versions)} LEFT JOIN cells c ON c.report_id = r.id WHERE {where} "
            "GROUP BY r.id, r.agency_id, r.year, r.template, r.published_date, r.location ORDER BY r.id")


def reports_sql(all_versions: bool = False, where: str = "TRUE") -> str:
    return ("SELECT r.id AS report_id, r.agency_id, r.agency_name AS agency_as_printed, r.year, r.template AS format, "
            f"{_COUNTED_FLAG}, v.sequence AS version_sequence, v.previous_id, s.broken AS breaks, "
            "r.sha256, r.location, r.format AS source_format, r.parser_version, r.ingested_at, r.title, "
            "r.published_date, r.page_published_date, r.index_number, r.filled "
            f"FROM reports r {_counted(all_versions)} LEFT JOIN report_versions v ON v.id = r.id "
            f"LEFT JOIN report_summary s ON s.report_id = r.id WHERE {where} ORDER BY r.id")


def findings_sql(all_versions: bool = False, where: str = "TRUE") -> str:
    return ("SELECT f.id, f.report_id, r.agency_id, r.year, r.template AS format, "
            f"{_COUNTED_FLAG}, f.origin, f.code, f.severity, f.where_key AS cell, f.message, f.message_en, "
            "f.line, f.page, coalesce(v.status, 'open') AS status, v.comment, r.location "
            f"FROM findings f JOIN reports r ON r.id = f.report_id {_counted(all_versions)} "
            "LEFT JOIN reviews v ON v.sha256 = r.sha256 AND v.code = f.code AND v.where_key = f.where_key "
            f"WHERE {where} ORDER BY f.id")


Only = tuple[str, list]  # a condition on the reports (alias ``r``) and its parameters
_TIDY = {"cells": cells_sql, "wide": wide_sql, "reports": reports_sql, "findings": findings_sql}


class Source:
    """One table to export: its name, and how to start reading it (a schema and its batches).
    Started only when written: one database connection reads one result at a time."""

    def __init__(self, name: str, start: Callable[[], tuple[pa.Schema, Iterator[pa.RecordBatch]]]) -> None:
        self.name, self.start = name, start


def _tidy(db: Database, what: str, all_versions: bool, only: Only | None = None) -> Callable:
    where, params = only or ("TRUE", [])

    def start():
        enrich = Enricher(db)  # its lookups are read before the streamed query starts
        schema, rows = batches(db, _TIDY[what](all_versions, where), params)
        return enrich.schema(schema), map(enrich, rows)

    return start


def sources(db: Database, what: str, by: str | None = None, all_versions: bool = False,
            include_inconsistent: bool = False, only: Only | None = None) -> list[Source]:
    """The tables to export, each read as a stream of batches when written; ``only``: a
    condition on the reports (``r``) and its parameters, for a tidy table of some reports
    (the web exports a list's filtered reports)."""
    if what in _TIDY:
        return [Source(what, _tidy(db, what, all_versions, only))]
    if only is not None:
        raise StoreError(f"only the tidy tables ({', '.join(_TIDY)}) export a selection of reports")
    if what == "stats":
        def start():
            items = stats(db, by=by, include_inconsistent=include_inconsistent)
            table = pa.Table.from_pylist(items) if items else pa.table({"group": pa.array([], pa.string())})
            return table.schema, iter(table.to_batches())

        return [Source("stats", start)]
    if what == "all":
        def whole(table: str) -> Source:
            return Source(table, lambda: batches(db, f"SELECT * FROM {table}"))

        return [whole(table) for table in TABLES]
    raise StoreError(f"unknown export {what!r}: one of {', '.join(WHAT)}")


# ------------------------------------------------------------------ writing

def neutralise(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Text cells a spreadsheet would run as a formula, prefixed with ``'``."""
    arrays = []
    for array in batch.columns:
        if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
            risky = pc.fill_null(pc.match_substring_regex(array, FORMULA_START), False)
            if pc.any(risky).as_py():
                array = pc.if_else(risky, pc.binary_join_element_wise("'", array, ""), array)
        arrays.append(array)
    return pa.record_batch(arrays, schema=batch.schema)


def export(db: Database, fmt: str, out: Path, what: str = "reports", by: str | None = None,
           all_versions: bool = False, include_inconsistent: bool = False, only: Only | None = None) -> list[Path]:
    """Write the export and the codebook beside it; the paths written. Several tables (``all``)
    go into a folder ``out`` (one file each), or into the sheets of one workbook for xlsx; a
    tidy table in Parquet is a dataset folder partitioned by year and province."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    tables = sources(db, what, by, all_versions, include_inconsistent, only)
    if fmt == "xlsx":
        _write_xlsx(out, tables)
        return [out, *_write_codebook(out, fmt)]
    if len(tables) == 1:
        targets = [(tables[0], out)]
    else:
        out.mkdir(parents=True, exist_ok=True)
        targets = [(t, out / f"{t.name}.{fmt}") for t in tables]
    written = []
    for source, path in targets:
        _WRITERS[fmt](path, source, what != "all")
        written.append(path)
    return written + _write_codebook(out, fmt)


def _write_codebook(out: Path, fmt: str) -> list[Path]:
    from ..codebook import render

    if fmt == "xlsx":
        return []  # a sheet of the workbook
    kind = "json" if fmt == "json" else "csv"
    path = out.with_name(f"{out.stem}.codebook.{kind}")
    path.write_text(render(kind), encoding="utf-8")
    return [path]


def _write_csv(path: Path, source: Source, _partition: bool) -> None:
    import pyarrow.csv as pcsv

    schema, rows = source.start()
    with pcsv.CSVWriter(str(path), schema) as writer:
        for batch in rows:
            writer.write_batch(neutralise(batch))


def _write_json(path: Path, source: Source, _partition: bool) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("[")
        first = True
        _, rows = source.start()
        for batch in rows:
            for row in batch.to_pylist():
                f.write(("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False, default=str))
                first = False
        f.write("\n]\n")


def _write_parquet(path: Path, source: Source, partition: bool) -> None:
    import pyarrow.parquet as pq

    schema, rows = source.start()
    if partition and all(p in schema.names for p in PARTITIONS):
        import shutil

        import pyarrow.dataset as ds

        if path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        reader = pa.RecordBatchReader.from_batches(schema, rows)
        # folder names are percent-encoded as Hive escapes them (province=%E6%B1%9F…); DuckDB,
        # Polars, Spark and pyarrow decode them, and a null province is __HIVE_DEFAULT_PARTITION__
        partitioning = ds.HivePartitioning(pa.schema([schema.field(p) for p in PARTITIONS]))
        ds.write_dataset(reader, str(path), format="parquet", partitioning=partitioning,
                         existing_data_behavior="overwrite_or_ignore",
                         max_rows_per_group=CHUNK_ROWS * 4)
        return
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in rows:
            writer.write_batch(batch)


def _write_xlsx(path: Path, tables: list[Source]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from ..codebook import FIELDS, entries

    def clean(value):
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    wb = Workbook(write_only=True)
    for source in tables:
        schema, batches_ = source.start()
        keep = [i for i, c in enumerate(schema.names) if (source.name, c) not in _TOO_LONG_FOR_XLSX]
        header = [schema.names[i] for i in keep]
        sheet, rows, part = None, XLSX_MAX_ROWS, 0
        for batch in map(neutralise, batches_):
            for row in zip(*(batch.column(i).to_pylist() for i in keep)):
                if rows >= XLSX_MAX_ROWS:
                    part += 1
                    sheet = wb.create_sheet(source.name if part == 1 else f"{source.name} ({part})")
                    sheet.append(header)
                    rows = 0
                assert sheet is not None  # made at the first row: ``rows`` starts full
                sheet.append([clean(v) for v in row])
                rows += 1
        if sheet is None:
            wb.create_sheet(source.name).append(header)
    book = wb.create_sheet("codebook")
    book.append(list(FIELDS))
    for e in entries():
        book.append([getattr(e, f) for f in FIELDS])
    wb.save(path)


_WRITERS: dict[str, Callable[[Path, Source, bool], None]] = {"csv": _write_csv, "json": _write_json,
                                                              "parquet": _write_parquet}
