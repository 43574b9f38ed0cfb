"""A Report into the store's rows (report, cells in long form, findings) and back."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import __version__
from ..model import Finding, Meta, Report, Source
from .backend import Database, arrow_table, pyarrow_module
from .schema import CELL_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS

TABLES = ("table2", "table3", "table4")
# provenance keys that have columns of their own in ``cells``
_CELL_FIELDS = ("text", "line", "page", "derived")


def as_double(value: int | float | None) -> float | None:
    """A value for the DOUBLE PRECISION column; None for a number no double holds (a
    401-digit count): the report's JSON keeps it exactly, the printed text beside it."""
    if value is None:
        return None
    try:
        return float(value)
    except OverflowError:
        return None


def cell_rows(report: Report) -> list[tuple]:
    """Every value of the report's three tables, with its printed text and provenance: the
    columns of ``CELL_COLUMNS`` but ``report_id``."""
    return list(zip(*cell_columns(report)))


_CELL_FIELD_SET = frozenset(_CELL_FIELDS)


def cell_columns(report: Report) -> list[list]:
    """:func:`cell_rows` by column (nine lists of one length): what an ingest worker makes the
    Arrow record batch of (:func:`packed_cells`) without building a tuple a cell and
    transposing them. A cell's provenance with only the fields that have columns of their own
    (``text`` and ``line``: nearly every cell of a text report) has no JSON; the test of its
    keys is one set comparison, not a dictionary built a cell."""
    columns: list[list] = [[] for _ in range(9)]
    tables, rows, cols, values, texts, lines, pages, derived, rests = columns
    provenance, fields, dumps = report.provenance, _CELL_FIELD_SET, json.dumps
    for table in TABLES:
        for row, by_col in getattr(report, table).items():
            for col, value in by_col.items():
                prov = provenance.get(f"{table}.{row}.{col}")
                tables.append(table)
                rows.append(row)
                cols.append(col)
                values.append(as_double(value))
                if not prov:
                    texts.append(None)
                    lines.append(None)
                    pages.append(None)
                    derived.append(False)
                    rests.append(None)
                    continue
                get = prov.get
                texts.append(get("text"))
                lines.append(get("line"))
                pages.append(get("page"))
                derived.append(bool(get("derived")))
                if prov.keys() <= fields:
                    rests.append(None)
                else:
                    rests.append(dumps({k: v for k, v in prov.items() if k not in fields}, ensure_ascii=False))
    return columns


def finding_rows(pairs: Iterable[tuple[int, Finding]], origin: str) -> list[tuple]:
    """Rows of ``findings`` for (report id, finding) pairs."""
    return [(report_id, origin, f.code, f.severity.value, f.message, f.message_en, f.where or "", f.line, f.page)
            for report_id, f in pairs]


def insert_findings(db: Database, pairs: Iterable[tuple[int, Finding]], origin: str) -> None:
    db.insert_rows("findings", FINDING_COLUMNS, finding_rows(pairs, origin))


@dataclass(frozen=True)
class Written:
    """What the store writes of a parsed report and links it by, without the report itself:
    its meta (the report's row, the agency's name and organisation code), its source (format,
    sha256), its own findings, and ``context`` (:func:`ogi.store.agencies.report_text`: the
    text that places its agency). Ingest's workers send this in place of the :class:`Report`,
    beside the rows, the Arrow table and the JSON document they made of it: the parent never
    needs the report's objects, and unpickling them was half of what it spent receiving a
    result (``docs/ingest.md``)."""

    meta: Meta
    source: Source
    findings: list[Finding]
    context: str | None = None


@dataclass
class Parsed:
    """A parsed report to store, with where it came from and its agency. ``report`` is the
    report, or what a worker sent of it (:class:`Written`: then ``document`` and ``rows`` or
    ``cells`` are given too)."""

    report: Report | Written
    location: str
    local_path: str | None = None
    page_published_date: str | None = None
    agency_id: int | None = None
    rows: list[tuple] | None = None  # cell_rows(report), when the worker that parsed it made them
    document: str | None = None  # report.model_dump_json(), likewise
    cells: Any = None  # cells_table(cell_rows(report)), likewise (an Arrow table, or the bytes of packed_cells:
    # then ``rows`` is not needed)

    def table(self) -> Any:
        """The report's cells as an Arrow table (:func:`cells_table`)."""
        if self.cells is None:
            self.cells = cells_table(self.rows if self.rows is not None else cell_rows(self._whole()))
        elif isinstance(self.cells, bytes):  # as a worker sends it (:func:`packed_cells`)
            self.cells = unpacked_cells(self.cells)
        return self.cells

    def _whole(self) -> Report:
        """The report itself, for what its worker did not make of it."""
        if not isinstance(self.report, Report):
            raise TypeError("a report sent without its rows or document")
        return self.report

    def fields(self) -> list:
        """The values of ``REPORT_COLUMNS`` but ``sha256``."""
        m = self.report.meta
        cells = self.table()
        return [self.location, self.local_path, self.report.source.format, __version__, m.title, m.agency, m.year,
                m.template, m.published_date, m.index_number, self.page_published_date, self.agency_id,
                cells.num_rows - cells.column("value").null_count,
                self.document if self.document is not None else self._whole().model_dump_json()]


def cells_table(rows: Sequence[tuple]) -> Any:
    """A report's :func:`cell_rows` as an Arrow table of the columns of ``CELL_COLUMNS`` but
    ``report_id``: what ingest's workers send, and the parent inserts as it is. Raises for a
    value no column holds (a line number past 2³¹)."""
    return arrow_table(CELL_COLUMNS[1:], rows)


@cache
def _cells_schema() -> Any:
    return cells_table([]).schema


def packed_cells(table: Any) -> bytes:
    """A :func:`cells_table` as the bytes ingest's workers send (an Arrow IPC record batch
    without its schema, which :func:`unpacked_cells` knows): pickling the table itself cost a
    worker 0.11 ms a report and the parent 0.06 ms to unpickle, these bytes 0.014 and 0.004
    (docs/ingest.md)."""
    pa = pyarrow_module()

    batch = pa.RecordBatch.from_arrays([column.combine_chunks() for column in table.columns], schema=table.schema)
    return batch.serialize().to_pybytes()


def packed_columns(columns: Sequence[Sequence[Any]]) -> bytes:
    """:func:`packed_cells` of a report's :func:`cell_columns`, each column converted once
    into the record batch (no table of chunked columns in between). Raises, as
    :func:`cells_table` does, for a value no column holds."""
    pa = pyarrow_module()

    schema = _cells_schema()
    arrays = [pa.array(values, type=f.type) for values, f in zip(columns, schema)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema).serialize().to_pybytes()


def unpacked_cells(data: bytes) -> Any:
    """The Arrow table of :func:`packed_cells`' bytes (reading them in place)."""
    pa = pyarrow_module()

    return pa.Table.from_batches([pa.ipc.read_record_batch(pa.py_buffer(data), _cells_schema())])


def _with_ids(tables: Sequence[Any], ids: Sequence[int]) -> Any:
    """The reports' cells tables as one, each row with its report's id first."""
    pa = pyarrow_module()

    combined = pa.concat_tables(tables)
    owners = pa.array([rid for rid, t in zip(ids, tables) for _ in range(t.num_rows)], type=pa.int64())
    return combined.add_column(0, CELL_COLUMNS[0][0], owners)


def store_reports(db: Database, batch: Sequence[Parsed]) -> list[int]:
    """Store parsed reports (replacing those with the same sha256); their ids.

    A handful of statements per batch, not per report: new reports go in as one insert,
    their cells and findings as one each. A replaced report keeps its id; its cells and its
    own findings are rewritten, and its agency's cross-report findings are recomputed later
    (``cross_checked`` is reset)."""
    if not batch:
        return []
    shas = [p.report.source.sha256 for p in batch]
    # the batch's hashes and locations as array parameters, not IN lists of placeholders: DuckDB
    # planned a list of 1,000 in about 35 ms a statement (docs/ingest.md, ninth pass)
    known = dict(db.execute("SELECT sha256, id FROM reports WHERE sha256 IN (SELECT unnest(?::TEXT[]))", [shas]))
    replaced = [(known[sha], p.fields()) for sha, p in zip(shas, batch) if sha in known]
    fresh = [(sha, *p.fields()) for sha, p in zip(shas, batch) if sha not in known]
    known.update(db.insert_rows("reports", REPORT_COLUMNS, fresh, returning="sha256, id"))
    if replaced:
        assignments = ", ".join(f"{name} = ?" for name, _ in REPORT_COLUMNS[1:])
        for report_id, fields in replaced:
            db.execute(f"UPDATE reports SET {assignments}, cross_checked = FALSE, ingested_at = current_timestamp "
                       "WHERE id = ?", [*fields, report_id])
        old = [report_id for report_id, _ in replaced]
        old_marks = ", ".join("?" * len(old))
        db.execute(f"DELETE FROM cells WHERE report_id IN ({old_marks})", old)
        db.execute(f"DELETE FROM findings WHERE origin = 'parse' AND report_id IN ({old_marks})", old)
    ids = [known[sha] for sha in shas]
    db.insert_table("cells", CELL_COLUMNS, _with_ids([p.table() for p in batch], ids))
    insert_findings(db, ((rid, f) for rid, p in zip(ids, batch) for f in p.report.findings), "parse")
    locations = [p.location for p in batch]
    db.execute("DELETE FROM failures WHERE sha256 IN (SELECT unnest(?::TEXT[])) "
               "OR location IN (SELECT unnest(?::TEXT[]))", [shas, locations])
    return ids


# the JSON documents an ingest keeps in memory for its cross-report rules, in characters
# (about 200 MB at the most; a 10,000-report ingest keeps all of its own)
KEPT_DOCUMENT_CHARS = 100_000_000


class KeptDocuments(dict[int, str]):
    """The JSON documents of the reports an ingest wrote, by report id, while they fit in
    ``KEPT_DOCUMENT_CHARS``: its cross-report rules read them here instead of from the store.

    DuckDB stores the ``document`` column ZSTD-compressed in frames of some 2,000 documents:
    reading one document back decompresses its frame (about 30 ms, whatever the store's
    size), and the rules of one ingest read thousands, lot by lot. The worker that parsed a
    report made its document, and the parent wrote it: kept, it is read again for free."""

    def __init__(self, budget: int = KEPT_DOCUMENT_CHARS) -> None:
        super().__init__()
        self.budget = budget
        self.chars = 0

    def keep(self, report_id: int, document: str) -> None:
        """Keep a report's document (written just now), if it still fits."""
        self.chars -= len(self.pop(report_id, ""))
        if self.chars + len(document) <= self.budget:
            self[report_id] = document
            self.chars += len(document)


def load_documents(db: Database, ids: Sequence[int], kept: Mapping[int, str] | None = None) -> list[str]:
    """The stored JSON documents of the reports with these ids, in the same order; those in
    ``kept`` (an ingest's :class:`KeptDocuments`) from there, the others from the store in one
    statement."""
    if not ids:
        return []
    kept = kept or {}
    missing = [i for i in ids if i not in kept]
    # one array parameter, not an IN list of placeholders: DuckDB plans the latter slowly
    docs = dict(db.execute("SELECT id, document FROM reports WHERE id IN (SELECT unnest(?::BIGINT[]))",
                           [missing])) if missing else {}
    return [kept[i] if i in kept else docs[i] for i in ids]


def load_reports(db: Database, ids: Sequence[int], kept: Mapping[int, str] | None = None) -> list[Report]:
    """The stored Reports with these ids, in the same order (:func:`load_documents`, validated)."""
    return [Report.model_validate_json(document) for document in load_documents(db, ids, kept)]


def record_failure(db: Database, location: str, sha256: str | None, stage: str, reason: str) -> None:
    """Remember why an input failed (the latest reason per location)."""
    db.execute("DELETE FROM failures WHERE location = ?", [location])
    db.execute("INSERT INTO failures (location, sha256, stage, reason, parser_version) VALUES (?, ?, ?, ?, ?)",
               [location, sha256, stage, reason, __version__])
