"""Worker processes that one file can neither stop nor stall.

A batch hands its files to a few worker processes, one file at a time each, and gets the
results back in the order they finish. What a single file can do to a worker is bounded:

- **a deadline per file**, enforced in two places. Inside the worker, an interval timer
  (``SIGALRM``) interrupts a parse that runs past :func:`file_seconds` and the worker answers
  "timed out" itself; a parse stuck where Python cannot interrupt it (inside a C library)
  is killed by the parent ``KILL_GRACE_SECONDS`` later and the worker replaced. Either way
  the file ends as a failure with the reason, and the batch goes on.
- **a crash** (a segfault, the kernel's OOM killer) ends only that worker: the parent sees
  its pipe close, records the file as failed and starts a new worker.
- **workers die with their parent**: on Linux the kernel sends them ``SIGKILL`` when the
  parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread in each worker notices the
  parent is gone and exits. A killed ``ogi ingest`` leaves no parser running.
- workers ignore Ctrl-C: the parent decides when to stop, and kills them then.

While nothing arrives the generator yields ``None`` every ``TICK_SECONDS``, so that the
consumer can store what it has (results are written as they arrive, not when the next one
comes) and notice a stop request.

A consumer that does real work between results (ingest writes a batch to the database)
would leave the workers idle meanwhile: each waits for its next file until the parent reads
its answer. :func:`run_ahead` runs the pool in a thread of the parent instead, which keeps
handing out files and reading answers into a queue of ``AHEAD`` results while the consumer
works; the consumer still gets ``None`` when a moment passes without a result.

Each worker holds ``QUEUED`` files: the one it parses and the next, already in its pipe. A
worker that finishes a file starts the next at once, instead of waiting for the parent to read
its answer and send another — a wait of up to Python's thread switch interval (5 ms) each file
when the parent's reader thread must take the GIL from its busy main thread, against a parse of
about 10 ms. A worker says "start" only for its first file (its start-up time is not the
file's); each file after that runs from the moment the one before it was answered, so one
message a file goes through the pipe, not two. A worker that crashes or passes its deadline
loses only the file it was parsing: the file queued behind it goes to another worker. Only
small tasks may be queued so (a file's name is; ``run``'s ``queued``): a task sent while its
worker is busy waits in the pipe, and one larger than the pipe's buffer would block the parent
until the worker reads it — while the worker, answering, waits for the parent to read.

Workers are started with ``spawn`` (no state inherited from a parent that holds a
database connection) and are not daemonic, so a parser may start processes of its own.

**A worker's garbage collector.** A worker lives for thousands of files, and Python's cyclic
collector, at its default thresholds, cost it more the longer it lived: a young-generation
collection every 700 net allocations (twice a report), and full collections that walk every
object the worker holds — the modules, the template, and the parser's caches, which grow with
the files read — each slower than the last (46 ms after one report, 200 ms after 3,000). On
3,000 panel reports in one process that was 1.8 ms of collector a report beside a parse of
about 10 ms (``docs/ingest.md``, eighth pass). A worker therefore collects its young objects
every ``WORKER_GC_ALLOCATIONS`` net allocations (nearly all of a parse's objects are freed by
their reference counts long before; a cycle waits a little longer to be freed), and once its
first file is done — its imports made, the template and the caches loaded — it collects
everything and freezes what is left (``gc.freeze``; before it answers that file, within the
deadline the first file has for the worker's start-up): those objects are never walked again.
Nothing that is garbage then is frozen, and frozen objects are still freed by their reference
counts; only a cycle among them would outlive its use, and they are the modules and caches.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import queue
import select
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from ..errors import OgiError

FILE_SECONDS_ENV = "OGI_FILE_SECONDS"
DEFAULT_FILE_SECONDS = 120.0  # seconds one file may take to be read and parsed
KILL_GRACE_SECONDS = 5.0  # past the deadline, how long the worker's own timer gets before the parent kills it
START_SECONDS = 120.0  # how long a new worker may take to start (spawn, imports) before its first task counts
TICK_SECONDS = 0.5  # the longest the parent waits without yielding control
QUEUED = 2  # files a worker holds: the one it parses, and the next (see the module's text)
AHEAD = 500  # results :func:`run_ahead` holds for a consumer that is busy (half an ingest batch: the workers
# go on while the parent writes one, about a second; some 40 KB a result)
PARENT_POLL_SECONDS = 0.5  # how often a worker without PR_SET_PDEATHSIG checks that its parent lives
# a worker's young-generation collection: every this many net allocations of tracked objects
# (Python's default is 700). 3,000 panel reports in one process: the collector 1.8 → 0.16 ms a
# report with the freeze below (docs/ingest.md, eighth pass); the older generations keep their
# defaults (a collection of them every 10 of the one below)
WORKER_GC_ALLOCATIONS = 10_000
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

T = TypeVar("T")
R = TypeVar("R")


class WorkerStartError(OgiError, RuntimeError):
    """A worker died before taking its first task: not the file's fault, so no file is
    blamed and the run stops with the reason."""


class FileTimeout(BaseException):
    """Raised in a worker when its file's deadline passes. A BaseException, so that a
    parser's ``except Exception`` cannot swallow it."""


def file_seconds() -> float:
    """The per-file deadline: ``$OGI_FILE_SECONDS``, else ``DEFAULT_FILE_SECONDS``."""
    raw = os.environ.get(FILE_SECONDS_ENV)
    if raw is None or not raw.strip():
        return DEFAULT_FILE_SECONDS
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise ValueError(f"{FILE_SECONDS_ENV} 应为正数秒数 / {FILE_SECONDS_ENV} must be a positive number of "
                         f"seconds, not {raw!r}")
    return value


def timed_out_reason(seconds: float) -> str:
    return f"超时 / timed out after {seconds:g} s ({FILE_SECONDS_ENV})"


def died_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            how = signal.Signals(-exitcode).name
        except ValueError:
            how = f"signal {-exitcode}"
    else:
        how = f"exit status {exitcode}"
    return f"解析进程意外退出 / the parser process died ({how})"


# ------------------------------------------------------------------ in the worker

def _die_with_parent(parent: int) -> None:
    """Be killed when ``parent`` dies: PR_SET_PDEATHSIG where the kernel offers it, else a
    thread that watches the parent id."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the call: nobody will signal us
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _on_alarm(signum, frame) -> None:
    raise FileTimeout


def _worker_main(conn: Connection, work: Callable[[Any], Any], seconds: float, parent: int) -> None:
    """Take tasks from ``conn`` until it closes: say ("start", None) when the first begins
    (the parent's deadlines run from then, not from the worker's start-up), then answer each
    with ("done", result) or ("lost", reason); the next task begins as the answer goes."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, _on_alarm)
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(WORKER_GC_ALLOCATIONS, older, oldest)
    first = True
    frozen = False
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if first:
            conn.send(("start", None))
            first = False
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            try:
                answer = ("done", work(task))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except FileTimeout:
            answer = ("lost", timed_out_reason(seconds))
        if not frozen:  # the worker's imports and caches, loaded by its first file (see the module's text):
            # before the answer, within the first file's deadline (which allows the start-up), so
            # that the file queued behind it loses none of its own
            gc.collect()
            gc.freeze()
            frozen = True
        conn.send(answer)


# ------------------------------------------------------------------ in the parent

class _Worker(Generic[T]):
    def __init__(self, ctx, work: Callable[[T], Any], seconds: float) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, work, seconds, os.getpid()),
                                   name="ogi-parse", daemon=False)
        self.process.start()
        child.close()
        self.tasks: deque[T] = deque()  # handed over, not answered yet: the first is being parsed
        self.deadline = 0.0  # of the first task
        self.started = False  # has begun a task (so a death is that task's doing)

    @property
    def task(self) -> T | None:
        """The task being parsed (the first handed over and not answered)."""
        return self.tasks[0] if self.tasks else None

    def give(self, task: T, seconds: float) -> None:
        """Hand over a task. The first of a worker that has not said it began also allows
        its start-up time; one queued behind another gets its deadline when that one ends."""
        if not self.tasks:
            self.deadline = time.monotonic() + (0.0 if self.started else START_SECONDS) + seconds + KILL_GRACE_SECONDS
        self.tasks.append(task)
        try:
            self.conn.send(task)
        except OSError:  # the worker died after its last answer (a crash in the file it took next):
            pass  # its pipe's end is read as that death, and the tasks behind the lost one go back

    def answered(self, seconds: float) -> None:
        """The first task was answered: the next one, if queued, begins now."""
        self.tasks.popleft()
        self.deadline = time.monotonic() + seconds + KILL_GRACE_SECONDS

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class Early:
    """Workers started before their tasks are known: ingest starts them as soon as it knows one
    file will be parsed, and hashes the rest of its inputs while they import (a worker's
    start-up, about a second of CPU, and the parent's hashing of 10,000 files, about half a
    second, ran one after the other with a core idle: docs/ingest.md, ninth pass). :func:`run`
    given this object takes its workers (those of the same ``work``); :meth:`close` kills those
    no run took. Nothing is started before :meth:`start`."""

    def __init__(self, work: Callable[[Any], Any], jobs: int, seconds: float | None = None) -> None:
        self.work = work
        self.jobs = max(1, jobs)
        self.seconds = seconds
        self.workers: list[_Worker] = []
        self.started = False

    def start(self) -> None:
        """Start the workers (once). A deadline ``$OGI_FILE_SECONDS`` cannot give starts none:
        :func:`run` says why, as it does without this."""
        if self.started:
            return
        self.started = True
        try:
            self.seconds = file_seconds() if self.seconds is None else self.seconds
        except ValueError:
            return
        ctx = multiprocessing.get_context("spawn")
        self.workers = [_Worker(ctx, self.work, self.seconds) for _ in range(self.jobs)]

    def take(self, work: Callable[[Any], Any], seconds: float, count: int) -> list[_Worker]:
        """Up to ``count`` of the workers started for ``work`` with this deadline (none for
        another), each handed over once; those left are :meth:`close`'s."""
        if work is not self.work or seconds != self.seconds:
            return []
        taken, self.workers = self.workers[:count], self.workers[count:]
        return taken

    def close(self) -> None:
        """Kill the workers no run took."""
        for w in self.workers:
            w.kill()
        self.workers = []

    def __enter__(self) -> "Early":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run(tasks: Iterable[T], work: Callable[[T], R], jobs: int, lost: Callable[[T, str], R],
        should_stop: Callable[[], bool] = lambda: False, seconds: float | None = None,
        queued: int = QUEUED, early: Early | None = None) -> Generator[R | None, None, None]:
    """``work(task)`` for every task in ``jobs`` worker processes; results in the order they
    finish. A task that times out or kills its worker gives ``lost(task, reason)``. ``None``
    comes whenever ``TICK_SECONDS`` pass without a result. When ``should_stop()`` turns
    true the run ends, killing the workers (their tasks are not done: a rerun does them).
    ``queued``: tasks a worker holds at once (1 for tasks that are not small: see above).
    ``early``: workers started before (:class:`Early`), taken instead of starting as many.

    ``work`` must be a module-level function (the workers import it by name)."""
    seconds = file_seconds() if seconds is None else seconds
    todo = iter(tasks)
    first = next(todo, None)
    if first is None:
        return
    ctx = multiprocessing.get_context("spawn")
    workers: list[_Worker[T]] = []
    waiting: list[T] = [first]
    readable = _Readable()
    try:
        workers = early.take(work, seconds, max(1, jobs)) if early is not None else []
        workers += [_Worker(ctx, work, seconds) for _ in range(max(1, jobs) - len(workers))]
        exhausted = False
        while True:
            if should_stop():
                return
            for depth in range(1, max(1, queued) + 1):  # every worker one task before any gets a second
                for w in workers:
                    if len(w.tasks) < depth and not (exhausted and not waiting):
                        task = waiting.pop() if waiting else next(todo, None)
                        if task is None:
                            exhausted = True
                        else:
                            w.give(task, seconds)
            busy = [w for w in workers if w.tasks]
            if not busy:
                return
            ready = readable([w.conn for w in busy], TICK_SECONDS)
            now = time.monotonic()
            for i, w in enumerate(workers):
                if w.task is None:
                    continue
                if w.conn in ready:
                    try:
                        kind, value = w.conn.recv()
                    except (EOFError, OSError):
                        w.process.join(KILL_GRACE_SECONDS)
                        if not w.started:
                            raise WorkerStartError(f"无法启动解析进程 / a parser process could not start "
                                                   f"({died_reason(w.process.exitcode).split('(')[-1]}") from None
                        result = lost(w.tasks[0], died_reason(w.process.exitcode))
                        workers[i] = _replace(w, ctx, work, seconds, waiting)
                    else:
                        if kind == "start":
                            w.started = True
                            w.deadline = time.monotonic() + seconds + KILL_GRACE_SECONDS
                            continue
                        result = value if kind == "done" else lost(w.tasks[0], value)
                        w.answered(seconds)
                elif now > w.deadline:
                    result = lost(w.tasks[0], timed_out_reason(seconds))
                    workers[i] = _replace(w, ctx, work, seconds, waiting)
                else:
                    continue
                yield result
            if not ready:
                yield None
    finally:
        for w in workers:
            w.kill()


class _Readable:
    """``multiprocessing.connection.wait`` with one ``poll`` object kept for the run: ``wait``
    builds a selector and registers every connection again on each call, once a result — about a
    tenth of what the parent's reader thread spent a result (docs/ingest.md). Where there is no
    ``poll`` (Windows), ``wait`` itself."""

    def __init__(self) -> None:
        self.poller = select.poll() if hasattr(select, "poll") else None
        self.registered: set[int] = set()

    def __call__(self, conns: list[Connection], timeout: float) -> set[Connection]:
        if self.poller is None:
            ready = wait(conns, timeout=timeout)
            return {conn for conn in conns if conn in ready}
        by_fd = {conn.fileno(): conn for conn in conns}
        for fd in self.registered - by_fd.keys():
            self.poller.unregister(fd)
        for fd in by_fd.keys() - self.registered:
            self.poller.register(fd, select.POLLIN)
        self.registered = set(by_fd)
        return {by_fd[fd] for fd, _ in self.poller.poll(timeout * 1000)}


def _replace(worker: _Worker[T], ctx, work: Callable[[T], Any], seconds: float, waiting: list[T]) -> _Worker[T]:
    """A new worker in place of one that died or ran out of time; the tasks queued behind
    the lost one go back to ``waiting``, to be handed out again (in their order)."""
    worker.kill()
    waiting.extend(reversed(list(worker.tasks)[1:]))  # waiting.pop() takes from the end
    return _Worker(ctx, work, seconds)


_DONE = object()  # the end of run_ahead's queue


def run_ahead(tasks: Iterable[T], work: Callable[[T], R], jobs: int, lost: Callable[[T, str], R],
              should_stop: Callable[[], bool] = lambda: False, seconds: float | None = None,
              ahead: int = AHEAD, early: Early | None = None) -> Iterator[R | None]:
    """:func:`run`, driven by a thread of its own, so that the workers go on parsing while
    the consumer is busy with a result (up to ``ahead`` results wait for it). The same
    results and ``None`` ticks; an error of the pool is raised here. When the consumer stops
    early (it returns, or Ctrl-C reaches it), the pool stops within ``TICK_SECONDS`` and its
    workers are killed before this generator ends."""
    results: queue.Queue = queue.Queue(maxsize=max(1, ahead))
    stop = threading.Event()
    failed: list[BaseException] = []

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                results.put(item, timeout=TICK_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def drive() -> None:
        pool = run(tasks, work, jobs, lost, lambda: stop.is_set() or should_stop(), seconds, early=early)
        try:
            for result in pool:
                if result is not None and not put(result):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, raised there
            failed.append(exc)
        finally:
            pool.close()  # kills the workers if the run did not end by itself
            put(_DONE)

    thread = threading.Thread(target=drive, name="ogi-pool", daemon=True)
    thread.start()
    try:
        while True:
            try:
                item = results.get(timeout=TICK_SECONDS)
            except queue.Empty:
                yield None
                continue
            if item is _DONE:
                break
            yield item
        if failed:
            raise failed[0]
    finally:
        stop.set()
        thread.join()
