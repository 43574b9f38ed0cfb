"""The store's tables, as ordered, versioned migration steps.

``schema_version`` records every step applied; :func:`migrate` applies the missing ones in
order, each in its own transaction. The DDL is the subset DuckDB and PostgreSQL share
(sequences for ids, ``DOUBLE PRECISION``, ``TIMESTAMP``), so both hold the same schema.
A step, once released, is never edited: a change is a new step at the end.

Tables:

- ``reports``: one row per distinct source file (``sha256``), its location (path or URL),
  the parser version that read it, its metadata, its agency and the whole Report as JSON;
  the view ``primary_reports`` picks the one report per agency and year that statistics count:
  since step 3 the latest version (a corrected re-publication replaces the first), and of
  copies of one version (a page and its PDF) the most complete; ``report_versions`` lists
  every stored report of an agency and year in version order, linked to the one before.
- ``report_summary``: one row per report with the measures statistics add up and the hard
  identities its tables break (``store.summary``), filled when the report is stored.
- ``year_cells`` (step 13): every cell summed per year over the counted reports, with the
  fingerprint each year was summed from (``year_cells_state``); ``ogi compare YEAR YEAR``
  reads it when the fingerprint matches (``store.year_cells``), kept by ``summary.settle``.
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
- ``users`` and ``sessions`` (web): named accounts (role ``reviewer`` or ``admin``, a
  scrypt password hash) and their signed-in sessions (the sha256 of the cookie, never the
  cookie itself); ``review_history``: every review action (who, when, what, comment), the
  finding named by its stable key; ``reviews.reviewer``: who gave the current verdict.
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

from . import summary, year_cells
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
    Migration(3, "versions: the latest version of an agency's report of a year is counted; per-report summaries", (
        # the counted report of an agency and year: the latest version (by its own date, else
        # the date of the page it came from), and of copies of one version the most complete
        """CREATE OR REPLACE VIEW primary_reports AS
        SELECT id FROM (
            SELECT id, row_number() OVER (
                PARTITION BY coalesce(agency_id, -id), coalesce(year, -id)
                ORDER BY coalesce(published_date, page_published_date) DESC NULLS LAST, filled DESC, id DESC) AS rank
            FROM reports) ranked
        WHERE rank = 1""",
        # every stored report of an agency and year in version order, oldest first, linked to
        # the one before it; ``latest`` marks the one counted
        """CREATE VIEW report_versions AS
        SELECT id, agency_id, year, coalesce(published_date, page_published_date) AS version_date,
               row_number() OVER w AS sequence, count(*) OVER (PARTITION BY grp_agency, grp_year) AS copies,
               lag(id) OVER w AS previous_id, id IN (SELECT id FROM primary_reports) AS latest
        FROM (SELECT *, coalesce(agency_id, -id) AS grp_agency, coalesce(year, -id) AS grp_year FROM reports) r
        WINDOW w AS (PARTITION BY grp_agency, grp_year
                     ORDER BY coalesce(published_date, page_published_date) ASC NULLS FIRST, filled, id)""",
        summary.CREATE,
        f"CREATE INDEX report_summary_report ON {summary.TABLE} (report_id)",
        summary.BACKFILL,
    )),
    Migration(5, "agency decisions: a government's constituent agencies, merges and splits that survive re-parsing", (
        "CREATE TABLE agency_members (government TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY (government, member))",
        # an agency a person merged or split: its reports keep it when parsed again
        "ALTER TABLE agencies ADD COLUMN decided BOOLEAN DEFAULT FALSE",
    )),
    # reports an agency writes in ogi (ogi.ledger.workflow): every version kept; a published
    # one is never changed, a correction is the next version with the changes listed
    Migration(6, "authored reports: draft → checked → published, every version kept", (
        "CREATE SEQUENCE authored_id_seq",
        """CREATE TABLE authored (
            id BIGINT PRIMARY KEY DEFAULT nextval('authored_id_seq'),
            agency TEXT NOT NULL,
            year INTEGER NOT NULL,
            version INTEGER NOT NULL,
            state TEXT NOT NULL,
            document TEXT NOT NULL,
            changes TEXT,
            saved_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            published_at TIMESTAMP,
            UNIQUE (agency, year, version)
        )""",
    )),
    Migration(7, "web: reviewer accounts, sessions, the history of every review, who reviewed", (
        """CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        )""",
        """CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            expires_at TIMESTAMP NOT NULL
        )""",
        "CREATE SEQUENCE review_history_id_seq",
        """CREATE TABLE review_history (
            id BIGINT PRIMARY KEY DEFAULT nextval('review_history_id_seq'),
            sha256 TEXT NOT NULL,
            code TEXT NOT NULL,
            where_key TEXT NOT NULL,
            finding_key TEXT,
            status TEXT NOT NULL,
            comment TEXT,
            reviewer TEXT,
            reviewed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        )""",
        "CREATE INDEX review_history_finding ON review_history (sha256, code, where_key)",
        "ALTER TABLE reviews ADD COLUMN reviewer TEXT",
    )),
    # the overview's charts read single cells per report from the summary, not the cells
    # table (a store made since step 3 already has the columns; an older one gets them, and
    # every summary row is worked out again)
    Migration(10, "per-report summary: the single cells the web overview charts", (
        *(f"ALTER TABLE {summary.TABLE} ADD COLUMN IF NOT EXISTS {summary.column(m)} DOUBLE PRECISION"
          for m in summary.SUMMARY_CELLS),
        f"DELETE FROM {summary.TABLE}",
        summary.BACKFILL,
    )),
    # each report's findings not dismissed, by severity, kept in its summary row (the report
    # list and the overview's ranking read them instead of every finding with its review),
    # with the fingerprint of the findings and verdicts they were counted from
    Migration(12, "per-report summary: open finding counts by severity; agency regions kept", (
        *(f"ALTER TABLE {summary.TABLE} ADD COLUMN IF NOT EXISTS {c} INTEGER" for c in summary.COUNTS),
        summary.CREATE_STATE,
        summary.recount_sql(),
        *summary.mark_sql(),
        # every agency's region as store.regions works it out, kept by summary.settle (empty
        # here: its fingerprint matches nothing until the first settle, and readers work the
        # regions out as before)
        summary.CREATE_REGIONS,
        summary.CREATE_REGIONS_STATE,
    )),
    # every cell summed per year over the counted reports, with the fingerprint of what each
    # year was summed from (store.year_cells; empty here: readers sum live until the first settle)
    Migration(13, "every cell summed per year over the counted reports, kept for comparing years", (
        year_cells.CREATE,
        year_cells.CREATE_INDEX,
        year_cells.CREATE_STATE,
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


def applied_versions(db: Database) -> set[int]:
    """The migration steps recorded in the database (none for an empty one)."""
    if not current_version(db):
        return set()
    return {v for (v,) in db.execute("SELECT version FROM schema_version")}


def migrate(db: Database) -> int:
    """Apply every missing migration step in order; the version reached.

    A step is missing when the database does not record it, not only when it is above the
    highest recorded one: steps are numbered per owner and may arrive in a later release
    than a higher-numbered one (a store at step 12 still gets step 11 when it comes).

    A read-only database is only checked: it must have every step."""
    version = current_version(db)
    if version > LATEST:
        raise StoreError(f"数据库由更新版本的 ogi 创建 / the database has schema version {version}, "
                         f"newer than this ogi ({LATEST}): upgrade ogi")
    missing = [step for step in MIGRATIONS if step.version not in applied_versions(db)]
    if db.read_only:
        if missing:
            raise StoreError(f"数据库需要升级 / the database has schema version {version}: "
                             "open it once for writing (e.g. ogi ingest) to migrate it")
        return version
    with db.transaction():
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                   "description TEXT NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    for step in missing:
        with db.transaction():
            for statement in step.statements:
                db.execute(statement)
            db.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                       [step.version, step.description])
    return current_version(db)
