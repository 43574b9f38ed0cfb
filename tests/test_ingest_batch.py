"""A batch that one file can neither stop nor stall: odd names and contents, a per-file
deadline, crashed workers, stops, and kills at random moments."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.store import ingest as ingest_module
from ogi.store import pool
from ogi.store.ingest import Input, Outcome, Summary, collect, ingest, write_outcomes
from ogi.template import FORMATS

runner = CliRunner()
T3_CELLS = sum(len(cols) for cols in FORMATS["2021"].table3.output_rows().values())


def _counts(db_url: str) -> dict[str, int]:
    with open_store(db_url) as db:
        return {t: db.scalar(f"SELECT count(*) FROM {t}") for t in ("reports", "failures")}


# ------------------------------------------------------------------ any name, any content

def _huge_number_report(report_writer) -> Path:
    """A report whose first value of table 三 has 401 digits."""
    made = report_writer.write("江苏省测试市大数区人民政府", 2022, name="huge.txt")
    text = made.path.read_text(encoding="utf-8")
    start = text.index("三、收到和处理政府信息公开申请情况")
    cell = re.compile(r"\|\s*(\d+)\s*\|").search(text, start + 200)
    made.path.write_text(text[:cell.start(1)] + "9" * 401 + text[cell.end(1):], encoding="utf-8")
    return made.path


def test_odd_names_and_a_huge_number_end_stored_or_recorded(db_url, report_writer, monkeypatch):
    # the parser refuses numbers past OGI_MAX_DIGITS (100); raised here so that a 401-digit
    # value reaches the store, which must keep it without a float overflow
    monkeypatch.setenv("OGI_MAX_DIGITS", "500")
    folder = report_writer.folder
    report_writer.write("江苏省测试市甲区人民政府", 2021, name="tab\tname.txt")
    latin = report_writer.write("江苏省测试市乙区人民政府", 2021, name="latin.txt")
    os.rename(latin.path, os.fsencode(folder) + b"/lat\xe9.txt")
    (folder / "a[").mkdir()
    report_writer.write("江苏省测试市丙区人民政府", 2021, name="a[/i]b.txt")
    huge = _huge_number_report(report_writer)
    os.mkfifo(folder / "pipe.txt")
    os.symlink(folder / "loop2.txt", folder / "loop1.txt")
    os.symlink(folder / "loop1.txt", folder / "loop2.txt")

    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "-j", "2"])

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "stored 4, skipped 0, failed 3" in result.output
    assert f"ogi: {folder}/pipe.txt: 已拒绝 / refused: 不是普通文件 / not a regular file (FIFO)" in result.output
    assert f"ogi: {folder}/a[/i]b.txt" not in result.output  # stored, not failed
    with open_store(db_url) as db:
        locations = {loc for (loc,) in db.execute("SELECT location FROM reports")}
        assert locations == {f"{folder}/tab\\tname.txt", f"{folder}/lat\\xe9.txt", f"{folder}/a[/i]b.txt", str(huge)}
        # the number no double holds: NULL in the value column, its digits kept as printed
        value, text = db.execute("SELECT c.value, c.text FROM cells c JOIN reports r ON r.id = c.report_id "
                                 "WHERE r.location = ? AND length(c.text) = 401", [str(huge)])[0]
        assert (value, text) == (None, "9" * 401)
        failures = dict(db.execute("SELECT location, reason FROM failures"))
    assert failures == {
        f"{folder}/pipe.txt": "已拒绝 / refused: 不是普通文件 / not a regular file (FIFO)",
        f"{folder}/loop1.txt": "无法读取 / cannot read: Too many levels of symbolic links",
        f"{folder}/loop2.txt": "无法读取 / cannot read: Too many levels of symbolic links",
    }
    again = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "-j", "1"])
    assert "stored 0, skipped 4, failed 3" in again.output, again.output


def test_a_fifo_named_on_the_command_line_is_refused_not_waited_for(db_url, tmp_path):
    os.mkfifo(tmp_path / "pipe.pdf")
    result = runner.invoke(app, ["ingest", str(tmp_path / "pipe.pdf"), "--db", db_url])
    assert result.exit_code == 1
    assert "stored 0, skipped 0, failed 1" in result.output
    assert "pipe.pdf: 已拒绝 / refused: 不是普通文件 / not a regular file (FIFO)" in result.output


def test_a_walk_takes_special_files_as_inputs_to_refuse(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    (tmp_path / "r.txt").write_text("x")
    files, _, _ = collect([str(tmp_path)])
    assert [Path(f.path).name for f in files] == ["p.txt", "r.txt"]


# ------------------------------------------------------------------ the pool: deadline, crash, tick

def sleepy(task: str) -> str:
    """Test work: 'sleep' sleeps in Python (the worker's timer stops it), 'stuck' sleeps
    with SIGALRM blocked (only the parent can end it), 'crash' kills its own process."""
    if task == "sleep":
        time.sleep(60)
    elif task == "stuck":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    elif task == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    return f"done {task}"


def lost(task: str, reason: str) -> str:
    return f"lost {task}: {reason}"


def test_a_slow_a_stuck_and_a_crashing_file_fail_alone(monkeypatch):
    monkeypatch.setattr(pool, "KILL_GRACE_SECONDS", 1.0)
    tasks = ["a", "sleep", "b", "stuck", "c", "crash", "d"]
    results = [r for r in pool.run(tasks, sleepy, 2, lost, seconds=1.0) if r is not None]
    assert sorted(results) == sorted([
        "done a", "done b", "done c", "done d",
        "lost sleep: 超时 / timed out after 1 s (OGI_FILE_SECONDS)",
        "lost stuck: 超时 / timed out after 1 s (OGI_FILE_SECONDS)",
        "lost crash: 解析进程意外退出 / the parser process died (SIGKILL)",
    ])


def test_the_deadline_is_a_setting_with_a_clear_message(monkeypatch):
    monkeypatch.setenv("OGI_FILE_SECONDS", "2.5")
    assert pool.file_seconds() == 2.5
    monkeypatch.setenv("OGI_FILE_SECONDS", "soon")
    with pytest.raises(ValueError, match=r"^OGI_FILE_SECONDS 应为正数秒数 / OGI_FILE_SECONDS must be a positive "
                                         r"number of seconds, not 'soon'$"):
        pool.file_seconds()
    monkeypatch.delenv("OGI_FILE_SECONDS")
    assert pool.file_seconds() == pool.DEFAULT_FILE_SECONDS


def stuck_on_one(inp: Input) -> Outcome:
    """parse_input, but the file named ``stuck.txt`` never finishes. (It runs in a worker,
    where ``ingest_module.parse_input`` is the real one.)"""
    if inp.path.endswith("stuck.txt"):
        time.sleep(600)
    return ingest_module.parse_input(inp)


def test_a_file_past_its_deadline_is_recorded_and_the_rest_stored(db_url, report_writer, monkeypatch):
    for i in range(3):
        report_writer.write(f"江苏省测试市第{i}区人民政府", 2022)
    report_writer.write("江苏省测试市慢区人民政府", 2022, name="stuck.txt")
    monkeypatch.setattr(ingest_module, "parse_input", stuck_on_one)
    # a limit that a loaded machine's worker start-up and ordinary parses stay far within (1 s
    # timed out a good file once at load 15): only the stuck file can reach it
    monkeypatch.setenv("OGI_FILE_SECONDS", "6")
    result = runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "2"])
    assert result.exit_code == 1, result.output
    assert "stored 3, skipped 0, failed 1" in result.output
    with open_store(db_url) as db:
        assert db.execute("SELECT location, stage, reason FROM failures") == [
            (str(report_writer.folder / "stuck.txt"), "timeout", "超时 / timed out after 6 s (OGI_FILE_SECONDS)")]


def test_results_are_stored_when_they_arrive_not_when_the_next_does(db_url, report_writer):
    made = [report_writer.write(f"江苏省测试市第{i}区人民政府", 2022) for i in range(2)]
    outcomes = [ingest_module.parse_input(Input(str(g.path), str(g.path))) for g in made]
    with open_store(db_url) as db:
        def arriving():
            yield outcomes[0]
            yield None  # the source pauses: a slow file is being parsed
            assert db.scalar("SELECT count(*) FROM reports") == 1
            yield outcomes[1]

        summary = Summary()
        write_outcomes(db, arriving(), summary)
        assert summary.stored == 2 and db.scalar("SELECT count(*) FROM reports") == 2


def test_a_stop_request_stores_what_was_parsed_and_counts_the_rest(db_url, report_writer):
    for i in range(12):
        report_writer.write(f"江苏省测试市第{i}区人民政府", 2021)
    files, _, _ = collect([str(report_writer.folder)])
    arrived = []
    with open_store(db_url) as db:
        summary = ingest(db, files, 2, on_outcome=arrived.append, should_stop=lambda: len(arrived) >= 3)
        stored = db.scalar("SELECT count(*) FROM reports")
    assert summary.interrupted
    assert stored == summary.stored == len(arrived) >= 3
    assert summary.stored + summary.skipped + len(summary.failed) + summary.left == summary.inputs == 12
    assert summary.left == 12 - len(arrived)


# ------------------------------------------------------------------ killed at random, resumed

def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


KILL_SEED = 20261202  # the kill moments are drawn from this seed: the same in every run
KILLS = 3


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killed_at_random_moments_nothing_is_lost_or_stored_twice(db_url, report_writer):
    total = 240
    for i in range(total):
        report_writer.write(f"江苏省测试市第{i}区人民政府", 2021 + i % 3)
    ogi = str(Path(sys.executable).with_name("ogi"))
    command = [ogi, "ingest", str(report_writer.folder), "--db", db_url, "-j", "2"]
    rng = random.Random(KILL_SEED)
    orphans = []
    for _ in range(KILLS):
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        moment = time.monotonic() + rng.uniform(1.0, 8.0)
        workers: set[int] = set()
        while time.monotonic() < moment and proc.poll() is None:
            workers |= _children(proc.pid)
            time.sleep(0.05)
        proc.kill()
        proc.wait(timeout=30)
        settle = time.monotonic() + 10  # the kernel delivers the workers' death signal
        while time.monotonic() < settle and any(_alive(w) for w in workers):
            time.sleep(0.05)
        orphans += [w for w in workers if _alive(w)]
    assert orphans == []
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db_url) as db:
        assert db.scalar("SELECT count(*) FROM reports") == total
        assert db.scalar("SELECT count(DISTINCT sha256) FROM reports") == total
        assert db.scalar("SELECT count(*) FROM failures") == 0
        assert db.execute("SELECT count(*) FROM (SELECT report_id FROM cells WHERE table_key = 'table3' "
                          "GROUP BY report_id HAVING count(*) <> ?) partial", [T3_CELLS])[0][0] == 0
        assert db.scalar("SELECT count(*) FROM reports WHERE NOT cross_checked") == 0


# ------------------------------------------------------------------ what a worker sends

def test_a_worker_sends_what_the_parent_writes_not_the_report(report_writer):
    import pickle

    from ogi.api import parse
    from ogi.store.agencies import report_text
    from ogi.store.reports import Written

    made = report_writer.write("江苏省测试市第1区人民政府", 2022)
    sent = pickle.loads(pickle.dumps(ingest_module.parse_input(Input("a.txt", str(made.path))), 5))
    report = parse(made.path.read_bytes(), name="a.txt")
    report.source.path = "a.txt"
    assert isinstance(sent.report, Written)
    assert sent.report.meta == report.meta and sent.report.source == report.source
    assert sent.report.findings == report.findings
    assert sent.report.context == report_text(report) and sent.report.context.startswith("江苏省测试市第1区人民政府")
    assert sent.document == report.model_dump_json()


def _rows(db_url: str) -> dict[str, list]:
    with open_store(db_url) as db:
        return {
            "reports": db.execute("SELECT sha256, location, format, title, agency_name, year, filled, document, "
                                  "a.name, a.region, a.level FROM reports r JOIN agencies a ON a.id = r.agency_id"),
            "cells": db.execute("SELECT table_key, row_key, column_key, value, text, line, derived, provenance "
                                "FROM cells ORDER BY ALL"),
            "findings": db.execute("SELECT origin, code, message, where_key FROM findings ORDER BY ALL"),
            "aliases": db.execute("SELECT alias, kind, name FROM agency_aliases ORDER BY ALL"),
            "summary": db.execute("SELECT * EXCLUDE (report_id, agency_id) FROM report_summary ORDER BY ALL"),
        }


def test_what_a_worker_sends_stores_the_rows_the_whole_report_stores(report_writer, tmp_path):
    """The web's in-process intake writes an outcome with the whole Report; the workers send
    ``Written`` with rows, document and sums: both store the same rows."""
    from ogi.api import parse

    made = [report_writer.write(f"江苏省测试市第{i}区教育局", 2021 + i) for i in range(3)]
    sent = [ingest_module.parse_input(Input(str(g.path), str(g.path))) for g in made]
    whole = []
    for g in made:
        report = parse(g.path.read_bytes(), name=str(g.path))
        report.source.path = str(g.path)
        whole.append(Outcome(Input(str(g.path), str(g.path)), report.source.sha256, report))
    stores = []
    for name, outcomes in (("sent", sent), ("whole", whole)):
        url = str(tmp_path / f"{name}.duckdb")
        with open_store(url) as db:
            write_outcomes(db, outcomes, Summary())
        stores.append(_rows(url))
    assert len(stores[0]["reports"]) == 3 and len(stores[0]["cells"]) > 3 * T3_CELLS
    assert stores[0] == stores[1]


def test_a_file_queued_behind_one_that_kills_its_worker_is_parsed_by_the_next_worker():
    # one worker holds two files (pool.QUEUED): the crash loses only the file being parsed
    results = [r for r in pool.run(["crash", "a", "b", "sleep", "c"], sleepy, 1, lost, seconds=1.0) if r is not None]
    assert results == ["lost crash: 解析进程意外退出 / the parser process died (SIGKILL)", "done a", "done b",
                       "lost sleep: 超时 / timed out after 1 s (OGI_FILE_SECONDS)", "done c"]


def collector_state(task: int) -> tuple[int, int, bool]:
    """Test work: the worker's young-generation threshold, the objects it froze, and whether
    a cycle made now is still freed by a collection."""
    import gc
    import weakref

    class Node:
        pass

    node = Node()
    node.self = node
    alive = weakref.ref(node)
    del node
    gc.collect()
    return gc.get_threshold()[0], gc.get_freeze_count(), alive() is None


def test_a_worker_collects_young_objects_less_often_and_freezes_what_its_first_file_loaded():
    """docs/ingest.md (eighth pass): a worker's collector runs every WORKER_GC_ALLOCATIONS
    allocations from its first file on; after that file its modules are frozen (never walked
    again), and garbage made later is still collected."""
    first, *later = [r for r in pool.run(range(3), collector_state, 1, lambda t, r: r) if r is not None]
    assert first[0] == pool.WORKER_GC_ALLOCATIONS and first[1] == 0 and first[2]
    assert len(later) == 2 and all(t == pool.WORKER_GC_ALLOCATIONS and frozen > 1000 and freed
                                   for t, frozen, freed in later)


def test_the_parent_collects_young_objects_less_often_only_while_it_writes():
    import gc

    before = gc.get_threshold()
    with ingest_module._collector_relaxed():
        assert gc.get_threshold() == (max(before[0], pool.WORKER_GC_ALLOCATIONS), *before[1:])
    assert gc.get_threshold() == before


# ------------------------------------------------------------------ workers started early

def whose(task: int) -> int:
    """Test work: the worker's process id."""
    return os.getpid()


def test_a_run_takes_the_workers_started_early_and_those_left_are_killed():
    early = pool.Early(whose, 3)
    assert early.workers == []  # nothing before start
    early.start()
    started = [w.process.pid for w in early.workers]
    assert len(started) == 3
    with early:
        pids = {r for r in pool.run(range(20), whose, 2, lost, early=early) if r is not None}
        assert pids <= set(started[:2]) and pids  # two of them, no new worker
        assert [w.process.pid for w in early.workers] == started[2:]
        assert list(pool.run([], whose, 2, lost, early=early)) == []  # no task: no worker taken
        assert [w.process.pid for w in early.workers] == started[2:]
    assert early.workers == [] and not any(_alive(pid) for pid in started)


def test_workers_started_for_other_work_are_not_taken():
    with pool.Early(whose, 1) as early:
        early.start()
        mine = early.workers[0].process.pid
        results = [r for r in pool.run(["a"], sleepy, 1, lost, early=early) if r is not None]
        assert results == ["done a"] and early.workers[0].process.pid == mine
    assert not _alive(mine)


def test_pending_decides_lot_by_lot_as_in_one_lot_and_calls_on_todo_once_at_the_first_file_to_parse(
        db_url, report_writer, monkeypatch):
    from ogi.store.ingest import pending

    first = report_writer.write("淮安市洪泽区人民政府", 2022).path
    second = report_writer.write("淮安市洪泽区人民政府", 2023).path
    twin = first.with_name("twin" + first.suffix)
    twin.write_bytes(first.read_bytes())  # the same file under another name: skipped as seen in this run
    with open_store(db_url) as db:
        ingest(db, collect([str(second)])[0], jobs=1)  # stored before
        files = collect([str(report_writer.folder)])[0]
        assert len(files) == 3

        def decide(first_lot: int, chunk: int) -> tuple:
            monkeypatch.setattr(ingest_module, "FIRST_LOOKUP", first_lot)
            monkeypatch.setattr(ingest_module, "LOOKUP_CHUNK", chunk)
            calls: list[int] = []
            decided: dict = {}
            summary = Summary()
            todo, known = pending(db, files, summary, decided=decided, on_todo=lambda: calls.append(len(decided)))
            return [t.path for t in todo], known, summary.skipped, sorted(decided.items()), calls

        one_lot = decide(100, 5000)
        assert one_lot[2] == 2 and len(one_lot[0]) == 1 and len(one_lot[4]) == 1
        for first_lot, chunk in ((1, 1), (1, 2), (2, 1)):
            assert decide(first_lot, chunk)[:4] == one_lot[:4]
            assert len(decide(first_lot, chunk)[4]) == 1
        # everything stored: no file to parse, no worker started
        ingest(db, files, jobs=1)
        assert decide(1, 1)[4] == [] and decide(100, 5000)[4] == []
