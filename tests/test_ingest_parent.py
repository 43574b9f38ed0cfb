"""The ingest parent's shortcuts give what the long way gives: documents kept from the
run, the pool driven ahead in a thread, cells as Arrow tables, lots of agencies."""

from __future__ import annotations

import os
import time

import pytest

from ogi.store import open_store, pool
from ogi.store.agencies import _lots
from ogi.store.reports import CELL_COLUMNS, KeptDocuments, cell_rows, cells_table, load_reports
from ogi.store.summary import report_sums, summary_row
from tests.test_ingest_batch import lost, sleepy


def test_kept_documents_stay_within_their_budget_and_a_rewrite_replaces_its_own():
    kept = KeptDocuments(budget=10)
    kept.keep(1, "abcd")
    kept.keep(2, "efgh")
    kept.keep(3, "ijk")  # 11 characters: over the budget, not kept
    assert dict(kept) == {1: "abcd", 2: "efgh"} and kept.chars == 8
    kept.keep(1, "ab")  # the same report written again: its old document no longer counts
    assert dict(kept) == {1: "ab", 2: "efgh"} and kept.chars == 6
    kept.keep(3, "ijkl")
    assert kept[3] == "ijkl" and kept.chars == 10


def test_load_reports_reads_kept_documents_and_the_store_for_the_rest(db_url, report_writer):
    from ogi.store.ingest import collect, ingest

    report_writer.write("淮安市洪泽区人民政府", 2022)
    report_writer.write("淮安市洪泽区人民政府", 2023)
    files, _, _ = collect([str(report_writer.folder)])
    with open_store(db_url) as db:
        ingest(db, files, jobs=1)
        ids = [i for (i,) in db.execute("SELECT id FROM reports ORDER BY id")]
        stored = load_reports(db, ids)
        other = stored[1].model_copy(update={"findings": []})
        # a kept document is taken as it is (the store is not read for it)
        mixed = load_reports(db, ids, {ids[0]: other.model_dump_json()})
    assert [r.findings for r in mixed] == [[], stored[1].findings]
    assert mixed[1].model_dump_json() == stored[1].model_dump_json()


def test_lots_hold_at_most_so_many_agencies_and_counted_reports(monkeypatch):
    from ogi.store import agencies

    monkeypatch.setattr(agencies, "RECHECK_LOT", 3)
    monkeypatch.setattr(agencies, "RECHECK_REPORTS", 5)
    counted = {7: [1, 2], 3: [3], 9: [4, 5, 6], 1: [7], 4: [8], 5: [9, 10, 11, 12, 13, 14], 6: [15]}
    assert _lots(counted) == [[1, 3, 4], [5], [6, 7], [9]]


def test_run_ahead_gives_what_run_gives_while_the_consumer_is_busy(monkeypatch):
    monkeypatch.setattr(pool, "KILL_GRACE_SECONDS", 1.0)
    tasks = ["a", "sleep", "b", "c", "crash", "d"]
    results = []
    for r in pool.run_ahead(tasks, sleepy, 2, lost, seconds=1.0):
        if r is not None:
            time.sleep(0.2)  # a consumer writing what came
            results.append(r)
    assert sorted(results) == sorted([
        "done a", "done b", "done c", "done d",
        "lost sleep: 超时 / timed out after 1 s (OGI_FILE_SECONDS)",
        "lost crash: 解析进程意外退出 / the parser process died (SIGKILL)",
    ])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def worker_pid(task: str) -> int:
    """Test work: the worker's process id (it sleeps for ``slow``)."""
    if task == "slow":
        time.sleep(60)
    return os.getpid()


def test_a_consumer_that_stops_early_leaves_no_worker_running():
    results = pool.run_ahead(["a", "slow", "slow", "b"], worker_pid, 2, lambda task, reason: -1)
    first = next(r for r in results if r is not None)
    results.close()  # the consumer stops (returns, or Ctrl-C reached it)
    deadline = time.monotonic() + 10
    while _alive(first) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(first)


def boom(task: str) -> str:
    return task


def test_an_error_of_the_pool_is_raised_to_the_consumer(monkeypatch):
    def broken(*args, **kwargs):
        raise pool.WorkerStartError("无法启动解析进程 / a parser process could not start (exit status 1)")
        yield  # a generator, as run is

    monkeypatch.setattr(pool, "run", broken)
    with pytest.raises(pool.WorkerStartError, match="could not start"):
        list(pool.run_ahead(["a"], boom, 1, lambda task, reason: reason))


def test_cells_as_an_arrow_table_hold_the_rows_and_the_sums_the_summary_row(report_writer):
    from ogi.api import parse

    report = parse(report_writer.write("淮安市洪泽区人民政府", 2023).path)
    rows = cell_rows(report)
    table = cells_table(rows)
    assert table.column_names == [name for name, _ in CELL_COLUMNS[1:]]
    assert list(zip(*(table.column(name).to_pylist() for name in table.column_names))) == rows
    codes = [f.code for f in report.findings]
    assert (7, 8, 2023, False, *report_sums(rows, codes)) == summary_row(7, 8, 2023, rows, codes)


def test_packed_cells_are_the_same_arrow_table_and_smaller_to_send(report_writer):
    import pickle

    from ogi.api import parse
    from ogi.store.reports import packed_cells, unpacked_cells

    report = parse(report_writer.write("淮安市洪泽区人民政府", 2023).path)
    table = cells_table(cell_rows(report))
    data = packed_cells(table)
    empty = cells_table([])
    assert isinstance(data, bytes) and unpacked_cells(data).equals(table)
    assert unpacked_cells(packed_cells(empty)).equals(empty) and unpacked_cells(packed_cells(empty)).num_rows == 0
    assert len(pickle.dumps(data, 5)) < len(pickle.dumps(table, 5))


def test_an_arrow_table_is_inserted_as_its_rows_on_either_backend(db_url, report_writer):
    from ogi.api import parse

    import pyarrow as pa

    report = parse(report_writer.write("淮安市洪泽区人民政府", 2023).path)
    rows = cell_rows(report)
    with open_store(db_url) as db:
        table = cells_table(rows)
        db.insert_table("cells", CELL_COLUMNS, table.add_column(0, "report_id", pa.array([42] * len(rows), pa.int64())))
        stored = db.execute("SELECT table_key, row_key, column_key, value, text, line, page, derived, provenance "
                            "FROM cells WHERE report_id = 42")
    assert sorted(stored, key=repr) == sorted((tuple(r) for r in rows), key=repr)


def test_duckdb_runs_on_one_thread_only_while_the_workers_take_every_core(tmp_path, monkeypatch):
    from ogi.store import ingest

    monkeypatch.setattr(ingest.os, "cpu_count", lambda: 4)
    with open_store(str(tmp_path / "s.duckdb")) as db:
        db.execute("SET threads = 3")
        threads = lambda: int(db.scalar("SELECT current_setting('threads')"))  # noqa: E731
        with ingest._cores_to_workers(db, 4):
            during = threads()
        after = threads()
        with ingest._cores_to_workers(db, 2):  # cores to spare: DuckDB keeps them
            spared = threads()
    assert (during, after, spared) == (1, 3, 3)


def test_duckdb_checkpoints_once_when_an_ingest_ends_not_every_few_batches(tmp_path, report_writer):
    from ogi.store.ingest import INGEST_CHECKPOINT_BYTES, collect, ingest

    report_writer.write("淮安市洪泽区人民政府", 2022)
    report_writer.write("淮安市洪泽区人民政府", 2023)
    files, _, _ = collect([str(report_writer.folder)])
    path = tmp_path / "s.duckdb"
    setting = "SELECT current_setting('checkpoint_threshold')"
    with open_store(str(path)) as db:
        db.execute("SET checkpoint_threshold = '3MiB'")
        during = []
        summary = ingest(db, files, jobs=1, on_outcome=lambda out: during.append(db.scalar(setting)))
        after = db.scalar(setting)
        wal = path.with_name(path.name + ".wal")
        logged = wal.stat().st_size if wal.exists() else 0
    assert INGEST_CHECKPOINT_BYTES == "1GiB"
    assert (summary.stored, during, after, logged) == (2, ["1.0 GiB", "1.0 GiB"], "3.0 MiB", 0)


def test_a_stopped_ingest_keeps_what_it_committed_in_the_log(tmp_path, report_writer):
    from ogi.store.ingest import collect, ingest

    for year in (2021, 2022, 2023):
        report_writer.write("淮安市洪泽区人民政府", year)
    files, _, _ = collect([str(report_writer.folder)])
    path = tmp_path / "s.duckdb"
    seen = []
    with open_store(str(path)) as db:
        summary = ingest(db, files, jobs=1, on_outcome=seen.append, should_stop=lambda: len(seen) >= 2)
        threshold = db.scalar("SELECT current_setting('checkpoint_threshold')")
    with open_store(str(path)) as db:
        stored = db.scalar("SELECT count(*) FROM reports")
        again = ingest(db, files, jobs=1)
    assert summary.interrupted and threshold == "16.0 MiB"
    assert (stored, again.skipped, again.stored, stored + again.stored) == (summary.stored, stored, 3 - stored, 3)


def _cross_findings(db) -> list[tuple]:
    return sorted(db.execute(
        "SELECT r.sha256, f.code, f.severity, f.message, f.where_key FROM findings f JOIN reports r ON r.id = f.report_id "
        "WHERE f.origin = 'across'"))


def test_the_cross_year_rules_in_worker_processes_find_what_the_parent_finds(tmp_path, report_writer, monkeypatch):
    from ogi.store import agencies
    from ogi.store.ingest import collect, ingest

    for agency in ("淮安市洪泽区人民政府", "淮安市淮阴区人民政府", "淮安市清江浦区人民政府"):
        for year in (2021, 2022, 2023):
            report_writer.write(agency, year)
    files, _, _ = collect([str(report_writer.folder)])
    with open_store(str(tmp_path / "one.duckdb")) as db:
        ingest(db, files, jobs=1)  # one process: the parent runs the rules
        alone = _cross_findings(db)
    monkeypatch.setattr(agencies, "RECHECK_LOT", 1)  # three lots, so the workers take them
    ran = []
    real = agencies._cross_in_workers
    monkeypatch.setattr(agencies, "_cross_in_workers", lambda *args: ran.append(len(args[1])) or real(*args))
    with open_store(str(tmp_path / "two.duckdb")) as db:
        ingest(db, files, jobs=2)
        pooled = _cross_findings(db)
        assert db.scalar("SELECT count(*) FROM reports WHERE NOT cross_checked") == 0
    assert ran == [3]
    assert len(alone) >= 3 and pooled == alone


def test_the_pools_poll_object_follows_the_connections_it_is_given():
    """``pool._Readable`` keeps one poll object for a run: the connections asked about are
    (un)registered as the busy workers change, a closed one's number reused by a new one."""
    import multiprocessing

    readable = pool._Readable()
    a_parent, a_child = multiprocessing.Pipe()
    b_parent, b_child = multiprocessing.Pipe()
    assert readable([a_parent, b_parent], 0.01) == set()
    b_child.send("answer")
    assert readable([a_parent, b_parent], 1.0) == {b_parent}
    assert readable([a_parent], 0.01) == set()  # b is not asked about: not given, though readable
    assert b_parent.recv() == "answer"
    a_parent.close()
    a_child.close()
    c_parent, c_child = multiprocessing.Pipe()  # may take a's closed descriptor number
    c_child.send("next")
    assert readable([c_parent, b_parent], 1.0) == {c_parent}
    b_child.close()  # a worker gone: its end reads as ready (the pool then sees it closed)
    assert readable([c_parent, b_parent], 1.0) == {c_parent, b_parent}
    for conn in (b_parent, c_parent, c_child):
        conn.close()


def test_the_stores_first_arrow_array_imports_no_pandas_and_pandas_still_comes_when_asked():
    """pyarrow's first array asks for pandas and imported it (0.5 s of CPU in every ingest process):
    made by backend.pyarrow_module, it does not, the refusing hook is gone after, and what needs
    pandas (to_pandas) still imports it. In a fresh interpreter: this one may hold pandas."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from ogi.store.backend import _NoPandas, pyarrow_module\n"
        "from ogi.store.reports import cells_table, packed_columns, unpacked_cells\n"
        "table = cells_table([('table2', 'r', 'c', 1.0, '1', 3, None, False, None)])\n"
        "again = unpacked_cells(packed_columns([[v] for v in table.to_pylist()[0].values()]))\n"
        "print(table.equals(again), 'pandas' in sys.modules, _NoPandas in sys.meta_path)\n"
        "print(len(table.to_pandas()), 'pandas' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.split("\n")[:2] == ["True False False", "1 True"]


def test_the_cross_year_workers_start_as_the_parsing_ends_and_the_rules_take_them(tmp_path, report_writer,
                                                                                   monkeypatch):
    """With more reports than a lot holds, the cross-year rules' workers are started when the last
    result is in (they import while the last batch is written) and the rules run on those two,
    starting none of their own; the findings are the parent's own."""
    from ogi.store import agencies, ingest as ingest_module
    from ogi.store.agencies import cross_findings
    from ogi.store.ingest import collect, ingest

    for agency in ("淮安市洪泽区人民政府", "淮安市淮阴区人民政府"):
        for year in (2021, 2022, 2023):
            report_writer.write(agency, year)
    files, _, _ = collect([str(report_writer.folder)])
    with open_store(str(tmp_path / "one.duckdb")) as db:
        ingest(db, files, jobs=1)
        alone = _cross_findings(db)
    monkeypatch.setattr(agencies, "RECHECK_LOT", 1)
    monkeypatch.setattr(ingest_module, "RECHECK_REPORTS", 2)  # six reports: "more than a lot"
    started = []
    real_start, real_take = pool.Early.start, pool.Early.take

    def start(self):
        if self.work is cross_findings:
            started.append(len(self.workers))
        real_start(self)

    def take(self, work, seconds, count):
        taken = real_take(self, work, seconds, count)
        if work is cross_findings:
            started.append(len(taken))
        return taken

    monkeypatch.setattr(pool.Early, "start", start)
    monkeypatch.setattr(pool.Early, "take", take)
    with open_store(str(tmp_path / "two.duckdb")) as db:
        ingest(db, files, jobs=2)
        assert _cross_findings(db) == alone and len(alone) >= 2
    assert started == [0, 2]  # started once, and both taken by the rules
