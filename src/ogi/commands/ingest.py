"""``ogi ingest``: report files, folders and URLs → the database."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.markup import escape
from rich.text import Text

from ..cli import app, err, out, print_error
from ..store.ingest import Outcome, Summary, collect
from ..store.pool import WorkerStartError, file_seconds
from ._db import db_option, fail, opened


def default_cache() -> Path:
    from ..store.intake import default_downloads

    return default_downloads()


class RateColumn(ProgressColumn):
    """Reports parsed per second."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} 份/秒" if task.speed else "", style="cyan")


@contextmanager
def progress_bar(label: str):
    """A progress bar on stderr (done/total, failed, rate, ETA), and the callbacks feeding it."""
    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("失败 {task.fields[failed]}", style="red"), RateColumn(), TimeRemainingColumn(),
                  console=err, transient=False) as bar:
        task = bar.add_task(label, total=None, failed=0)
        failed = 0

        def on_total(total: int) -> None:
            bar.update(task, total=total)

        def on_outcome(outcome: Outcome) -> None:
            nonlocal failed
            failed += outcome.failed
            bar.update(task, advance=1, failed=failed)

        yield on_total, on_outcome


class StopRequest:
    """Ctrl-C or SIGTERM asks the run to stop after the write in progress (what was parsed
    by then is stored); a second one interrupts at once (the open batch is rolled back)."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self) -> bool:
        return self.requested

    def handle(self, signum, frame) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        err.print("[yellow]ogi: 正在停止(写完当前批次)/ stopping after the current write…[/yellow]")


@contextmanager
def stop_on_signals():
    """A :class:`StopRequest` fed by SIGINT and SIGTERM while the block runs."""
    stop = StopRequest()
    previous = {sig: signal.signal(sig, stop.handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def report_summary(summary: Summary, verb: str = "导入") -> None:
    """The end of a run: counts that add up to the inputs, then every input that failed and
    why (names and reasons printed as they are, never read as markup)."""
    left = f", 未完成 {summary.left} 份" if summary.left else ""
    left_en = f", not done {summary.left}" if summary.left else ""
    out.print(f"{verb} {summary.stored} 份, 已有而跳过 {summary.skipped} 份, 失败 {len(summary.failed)} 份{left} "
              f"/ stored {summary.stored}, skipped {summary.skipped}, failed {len(summary.failed)}{left_en}",
              markup=False)
    for location, reason in summary.failed:
        print_error(f"{location}: {reason}")
    if summary.cross_error:
        err.print("[yellow]ogi: 跨报告规则出错,稍后重新运行时补做 / the cross-report rules failed "
                  f"({escape(summary.cross_error)}); a later run applies them[/yellow]", soft_wrap=True)
    elif not summary.cross_checked:
        err.print("[yellow]ogi: 跨年度规则尚不可用,稍后重新运行时补做 / the cross-year rules are not available yet; "
                  "a later run applies them[/yellow]")
    if summary.interrupted:
        err.print("[yellow]ogi: 已中断;再次运行同一命令即可继续 / interrupted: run the same command again to resume"
                  "[/yellow]")


def exit_code(summary: Summary) -> int:
    return 130 if summary.interrupted else (1 if summary.failed else 0)


def run_with_progress(label: str, work: Callable[..., Summary], summary: Summary) -> Summary:
    """Run ``work(summary=…, on_total=…, on_outcome=…, should_stop=…)`` under a progress
    bar; Ctrl-C or SIGTERM stops it after the write in progress, with the summary so far."""
    try:
        file_seconds()  # a bad OGI_FILE_SECONDS is said before anything starts
    except ValueError as exc:
        raise fail(str(exc)) from None
    with stop_on_signals() as stop, progress_bar(label) as (on_total, on_outcome):
        try:
            return work(summary=summary, on_total=on_total, on_outcome=on_outcome, should_stop=stop)
        except KeyboardInterrupt:
            summary.interrupted = True
            return summary
        except WorkerStartError as exc:
            raise fail(str(exc)) from None


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command("ingest")
def ingest_cmd(
    paths: list[str] = typer.Argument(..., help="Report files, folders (recursively), URLs, or .txt lists of URLs."),
    db: str = db_option(),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="Parallel parser processes."),
    cache: Path = typer.Option(None, "--cache", help="Where URLs are downloaded (default ~/.cache/ogi/fetch)."),
    delay: float = typer.Option(1.0, "--delay", min=0, help="Seconds between two requests to one host."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds to wait for a server."),
    retries: int = typer.Option(3, "--retries", min=1, help="Tries per URL (with backoff)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: worker processes on this machine; "
                                  "ray: Ray Data, on this machine or the cluster at --address (pip install "
                                  "'ogi-reports[ray]')."),
    address: str = typer.Option(None, "--address", help="--engine ray: the Ray cluster (e.g. ray://head:10001); "
                                "default: start Ray here with --jobs workers."),
) -> None:
    """解析报告并入库,连同数值、来源和检查发现。 / Parse reports and store them with their values, provenance and findings.

    Idempotent: a file already stored (same sha256) is skipped, so running it again after an interruption
    resumes. A file that fails is recorded with its reason and the batch goes on. Exit status: 0 when every
    input is stored, 1 when some failed, 130 when interrupted.

    示例 / Examples:

    * `ogi ingest samples/ --db ogi.duckdb -j 2`
    * `ogi ingest urls.txt --db postgresql://ogi@localhost/ogi`"""
    from contextlib import nullcontext

    from ..store.intake import ingest as ingest_sources  # the store's one way in, as the web's upload and URLs

    files, urls, missing = collect(paths)
    summary = Summary(failed=list(missing), inputs=len(missing))
    fetch_options = {"folder": cache or default_cache(), "delay": delay, "timeout": timeout, "retries": retries}
    with opened(db) as store:
        if not files and not urls and missing:
            report_summary(summary)
            raise fail("没有可导入的文件 / nothing to ingest", 1)

        def work(**kw):
            return ingest_sources(lambda: nullcontext(store), [*files, *urls], jobs=jobs, fetch_options=fetch_options,
                                  engine=engine.value, address=address, **kw).summary

        result = run_with_progress("导入", work, summary)
    report_summary(result)
    raise typer.Exit(exit_code(result))
