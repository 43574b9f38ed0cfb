"""The store's schema: versioned migrations, the same tables on DuckDB and PostgreSQL,
read-only opening."""

from __future__ import annotations

import pytest

from ogi.store import StoreError, open_store
from ogi.store.schema import LATEST, MIGRATIONS, current_version


def test_migrations_are_ordered_and_numbered_from_one():
    versions = [m.version for m in MIGRATIONS]  # each owner's number; ascending, each once
    assert versions == sorted(set(versions)) and versions[0] == 1


def test_a_new_store_gets_every_migration_once(db_url):
    with open_store(db_url) as db:
        assert current_version(db) == LATEST
        rows = db.execute("SELECT version, description FROM schema_version ORDER BY version")
        assert [v for v, _ in rows] == [m.version for m in MIGRATIONS]
    with open_store(db_url) as db:  # opening again applies nothing twice
        assert db.scalar("SELECT count(*) FROM schema_version") == len(MIGRATIONS)


def test_both_backends_hold_the_same_tables(db_url):
    with open_store(db_url) as db:
        tables = {t for (t,) in db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    assert {"schema_version", "reports", "cells", "findings", "reviews", "failures", "agencies",
            "agency_aliases", "primary_reports"} <= tables


def test_a_store_from_a_newer_ogi_is_refused(db_url):
    with open_store(db_url) as db:
        db.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [LATEST + 1, "future"])
    with pytest.raises(StoreError, match="newer"):
        open_store(db_url)


def test_read_only_opening_needs_an_existing_migrated_store(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        open_store(str(tmp_path / "missing.duckdb"), read_only=True)


def test_read_only_store_refuses_writes(db_url):
    open_store(db_url).close()
    with open_store(db_url, read_only=True) as db:
        with pytest.raises(StoreError):
            db.run_statement("CREATE TABLE sneaky (a INTEGER)")
        with pytest.raises(StoreError):
            db.run_statement("DELETE FROM reports")
        with pytest.raises(StoreError):  # a second statement cannot switch read-only off or commit
            db.run_statement("SET TRANSACTION READ WRITE; CREATE TABLE sneaky (a INTEGER); COMMIT")
    with open_store(db_url) as db:
        assert db.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'sneaky'") == 0
    with open_store(db_url, read_only=True) as db:
        assert db.run_statement("SELECT count(*) AS n FROM reports") == (["n"], [(0,)])


def test_duckdb_file_in_use_gives_a_clear_error(tmp_path):
    path = str(tmp_path / "busy.duckdb")
    import subprocess
    import sys

    hold = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(30)"
    holder = subprocess.Popen([sys.executable, "-c", hold, path], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            open_store(path)
    finally:
        holder.kill()
        holder.wait()
