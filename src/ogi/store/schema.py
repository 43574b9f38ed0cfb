"""The store's tables, as ordered, versioned migration steps.

``schema_version`` records every step applied; :func:`migrate` applies the missing ones in
order, each in its own transaction. The DDL is the subset DuckDB and PostgreSQL share
(sequences for ids, ``DOUBLE PRECISION``, ``TIMESTAMP``), so both hold the same schema.
A step, once released, is never edited: a change is a new step at the end.

Tables:

- ``reports``: one row per distinct source file (``sha256``), its location (path or URL),
  the parser version that read it, its metadata, its agency and the whole Report as JSON;
  the view ``primary_reports`` picks the one report per agency and year that statistics count.
- ``cells``: every value in long form (report, table, row, column, value, printed text,
  line/page, derived, the rest of its provenance as JSON).
- ``findings``: what the checks found, by origin (``parse``: the report's own checks,
  ``across``: cross-year rules, ``copied``: text copied from another agency's report,
  ``rollup``: government vs departments).
- ``text_prints``: sampled shingle hashes of each report's sections 一 and 五, the index
  that finds copied text across agencies without comparing every pair (``store.copied``).
- ``reviews``: a person's verdict on a finding (open / confirmed / dismissed, comment),
  keyed by source sha256 + code + where, so it survives re-parsing.
- ``failures``: inputs that could not be fetched, read or parsed, and why.
- ``agencies`` and ``agency_aliases``: agency identity across years and sources: each
  agency's name, region, level (province … township), kind (government, department,
  township) and parent government; its aliases are normalised names (``name:``) and
  organisation codes (``org:``), kept through renames, merges and splits.
- ``agency_members``: a government's complete list of constituent agencies (alias keys), a
  person's decision; roll-ups are judged only against such a list (``store.rollup``).
  ``agencies.decided`` marks an agency a person merged or split: its reports keep it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .backend import Database, StoreError


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "reports, cells, findings, reviews, failures, agencies", (
        "CREATE SEQUENCE report_id_seq",
        """CREATE TABLE reports (
            id BIGINT PRIMARY KEY DEFAULT nextval('report_id_seq'),
            sha256 TEXT NOT NULL UNIQUE,
            location TEXT NOT NULL,
            local_path TEXT,
            format TEXT,
            parser_version TEXT NOT NULL,
            ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            title TEXT,
            agency_name TEXT,
            year INTEGER,
            template TEXT,
            published_date TEXT,
            index_number TEXT,
            page_published_date TEXT,
            agency_id BIGINT,
            cross_checked BOOLEAN NOT NULL DEFAULT FALSE,
            filled INTEGER NOT NULL DEFAULT 0,
            document TEXT NOT NULL
        )""",
        # one report per agency and year is counted: the most complete of its copies
        # (a page and the PDF it links to are two sources of the same report)
        """CREATE VIEW primary_reports AS
        SELECT id FROM (
            SELECT id, row_number() OVER (
                PARTITION BY coalesce(agency_id, -id), coalesce(year, -id) ORDER BY filled DESC, id) AS rank
            FROM reports) ranked
        WHERE rank = 1""",
        """CREATE TABLE cells (
            report_id BIGINT NOT NULL,
            table_key TEXT NOT NULL,
            row_key TEXT NOT NULL,
            column_key TEXT NOT NULL,
            value DOUBLE PRECISION,
            text TEXT,
            line INTEGER,
            page INTEGER,
            derived BOOLEAN NOT NULL DEFAULT FALSE,
            provenance TEXT
        )""",
        "CREATE INDEX cells_report ON cells (report_id)",
        "CREATE SEQUENCE finding_id_seq",
        """CREATE TABLE findings (
            id BIGINT PRIMARY KEY DEFAULT nextval('finding_id_seq'),
            report_id BIGINT NOT NULL,
            origin TEXT NOT NULL,
            code TEXT NOT NULL,
            severity TEXT NOT NULL,
            message TEXT NOT NULL,
            message_en TEXT,
            where_key TEXT NOT NULL,
            line INTEGER,
            page INTEGER
        )""",
        "CREATE INDEX findings_report ON findings (report_id)",
        """CREATE TABLE reviews (
            sha256 TEXT NOT NULL,
            code TEXT NOT NULL,
            where_key TEXT NOT NULL,
            status TEXT NOT NULL,
            comment TEXT,
            reviewed_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            PRIMARY KEY (sha256, code, where_key)
        )""",
        """CREATE TABLE failures (
            location TEXT PRIMARY KEY,
            sha256 TEXT,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            parser_version TEXT NOT NULL,
            failed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        )""",
        "CREATE SEQUENCE agency_id_seq",
        """CREATE TABLE agencies (
            id BIGINT PRIMARY KEY DEFAULT nextval('agency_id_seq'),
            name TEXT NOT NULL,
            region TEXT,
            level TEXT,
            kind TEXT,
            parent_name TEXT
        )""",
        """CREATE TABLE agency_aliases (
            alias TEXT PRIMARY KEY,
            agency_id BIGINT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT
        )""",
    )),
    Migration(2, "text prints: sections 一 and 五 sampled, to find text copied across agencies", (
        "CREATE TABLE text_prints (report_id BIGINT NOT NULL, section TEXT NOT NULL, print BIGINT NOT NULL)",
        "CREATE INDEX text_prints_print ON text_prints (print)",
        "CREATE INDEX text_prints_report ON text_prints (report_id)",
    )),
    Migration(5, "agency decisions: a government's constituent agencies, merges and splits that survive re-parsing", (
        "CREATE TABLE agency_members (government TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY (government, member))",
        # an agency a person merged or split: its reports keep it when parsed again
        "ALTER TABLE agencies ADD COLUMN decided BOOLEAN DEFAULT FALSE",
    )),
)

LATEST = MIGRATIONS[-1].version

# Column names and SQL types of the tables filled in bulk (Database.insert_rows).
REPORT_COLUMNS = (("sha256", "TEXT"), ("location", "TEXT"), ("local_path", "TEXT"), ("format", "TEXT"),
                  ("parser_version", "TEXT"), ("title", "TEXT"), ("agency_name", "TEXT"), ("year", "INTEGER"),
                  ("template", "TEXT"), ("published_date", "TEXT"), ("index_number", "TEXT"),
                  ("page_published_date", "TEXT"), ("agency_id", "BIGINT"), ("filled", "INTEGER"),
                  ("document", "TEXT"))
CELL_COLUMNS = (("report_id", "BIGINT"), ("table_key", "TEXT"), ("row_key", "TEXT"), ("column_key", "TEXT"),
                ("value", "DOUBLE PRECISION"), ("text", "TEXT"), ("line", "INTEGER"), ("page", "INTEGER"),
                ("derived", "BOOLEAN"), ("provenance", "TEXT"))
FINDING_COLUMNS = (("report_id", "BIGINT"), ("origin", "TEXT"), ("code", "TEXT"), ("severity", "TEXT"),
                   ("message", "TEXT"), ("message_en", "TEXT"), ("where_key", "TEXT"), ("line", "INTEGER"),
                   ("page", "INTEGER"))


def current_version(db: Database) -> int:
    """The schema version of the database (0 for an empty one)."""
    exists = db.scalar("SELECT count(*) FROM information_schema.tables "
                       "WHERE table_name = 'schema_version' AND table_schema = current_schema()")
    if not exists:
        return 0
    return db.scalar("SELECT coalesce(max(version), 0) FROM schema_version")


def migrate(db: Database) -> int:
    """Apply every missing migration step in order; the version reached.

    A read-only database is only checked: it must be at the latest version."""
    version = current_version(db)
    if version > LATEST:
        raise StoreError(f"数据库由更新版本的 ogi 创建 / the database has schema version {version}, "
                         f"newer than this ogi ({LATEST}): upgrade ogi")
    if db.read_only:
        if version < LATEST:
            raise StoreError(f"数据库需要升级 / the database has schema version {version}: "
                             "open it once for writing (e.g. ogi ingest) to migrate it")
        return version
    with db.transaction():
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                   "description TEXT NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    for step in MIGRATIONS:
        if step.version <= version:
            continue
        with db.transaction():
            for statement in step.statements:
                db.execute(statement)
            db.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                       [step.version, step.description])
        version = step.version
    return version
