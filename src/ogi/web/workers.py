"""A bounded pool of parser processes for uploads: one hostile file costs one worker,
never the server or the other uploads.

Each worker is a process of its own (``spawn``: no state inherited from the server's
threads) that sets its own limits before it reads any file:

- **memory**: ``RLIMIT_AS`` (address space, bytes), so a decompression bomb ends in a
  ``MemoryError`` inside the worker — a failure with a reason — instead of growing until
  the kernel kills something else;
- **time**: a per-file deadline, twice. Inside the worker an interval timer raises
  :class:`Deadline` in the parser when the file's seconds are up (a clean message); the
  server waits a few seconds more and then kills the worker (a parser stuck in C code
  cannot see the timer). A killed or crashed worker is replaced by a fresh one when the
  next file comes.

The pool holds at most ``size`` workers; a file waits for a free one (a semaphore), so
uploads in flight are bounded and a slow file delays only the files queued behind it on
the same worker, never all of them. Workers watch their parent and end when it is gone.
Work is a picklable function and its argument: the web app sends
:func:`ogi.store.ingest.parse_input` and an :class:`~ogi.store.ingest.Input`.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

DEFAULT_WORKERS = 2
DEFAULT_MEMORY = 2 * 1024**3  # bytes of address space per worker
DEFAULT_SECONDS = 120.0  # per file
KILL_GRACE = 5.0  # seconds past the deadline before a worker that ignores it is killed
_PARENT_POLL = 0.5  # seconds between a worker's checks that the server still runs


class Deadline(BaseException):
    """The file's seconds are up (raised inside the worker; a BaseException, so that no
    ``except Exception`` in the parser mistakes it for a bad file and goes on)."""


@dataclass(frozen=True)
class Limits:
    memory: int = DEFAULT_MEMORY  # bytes of address space; 0: none
    seconds: float = DEFAULT_SECONDS


@dataclass(frozen=True)
class Failed:
    """Why a piece of work gave no result: ``kind`` is ``deadline``, ``memory`` or ``crash``."""

    kind: str
    reason: str


def _on_alarm(signum, frame):
    raise Deadline()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL)
    os._exit(1)


def _serve(conn: Connection, limits: Limits, parent: int) -> None:
    """The worker's loop: limits first, then one (function, argument) at a time."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which ends the workers
    signal.signal(signal.SIGALRM, _on_alarm)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if limits.memory:
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory, limits.memory))
    while True:
        try:
            func, arg = conn.recv()
        except (EOFError, OSError):
            return
        signal.setitimer(signal.ITIMER_REAL, limits.seconds)
        try:
            answer = ("ok", func(arg))
        except Deadline:
            answer = ("deadline", None)
        except MemoryError:
            answer = ("memory", None)
        except Exception as exc:  # noqa: BLE001 - reported to the server as this file's failure
            answer = ("error", f"{type(exc).__name__}: {exc}")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            conn.send(answer)
        except MemoryError:
            conn.send(("memory", None))


class _Worker:
    def __init__(self, context, limits: Limits) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, limits, os.getpid()), daemon=True,
                                       name="ogi-upload-parser")
        self.process.start()
        child.close()

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class ParsePool:
    """``run(func, arg)`` in one of at most ``size`` worker processes, within ``limits``."""

    def __init__(self, size: int = DEFAULT_WORKERS, limits: Limits = Limits()) -> None:
        self.size = max(1, size)
        self.limits = limits
        self._context = multiprocessing.get_context("spawn")
        self._free: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(self.size)
        self._closed = False

    def start(self) -> None:
        """Start every worker now (they load the parser in the background), so that the
        first uploads do not wait for it."""
        with self._lock:
            while len(self._all) < self.size and not self._closed:
                worker = _Worker(self._context, self.limits)
                self._all.add(worker)
                self._free.append(worker)

    def _take(self) -> _Worker:
        with self._lock:
            while self._free:
                worker = self._free.pop()
                if worker.alive():
                    return worker
                self._all.discard(worker)
                worker.kill()
            worker = _Worker(self._context, self.limits)
            self._all.add(worker)
            return worker

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        with self._lock:
            if healthy and not self._closed:
                self._free.append(worker)
                return
            self._all.discard(worker)
        worker.kill()

    def run(self, func: Callable, arg):
        """``func(arg)`` in a worker: its result, or a :class:`Failed` saying why there is none.
        Waits for a free worker when all are busy."""
        with self._slots:
            if self._closed:
                return Failed("crash", "服务器正在关闭 / the server is shutting down")
            worker = self._take()
            try:
                worker.conn.send((func, arg))
                if not worker.conn.poll(self.limits.seconds + KILL_GRACE):
                    self._give_back(worker, healthy=False)
                    return self._deadline()
                kind, value = worker.conn.recv()
            except (EOFError, OSError):
                worker.process.join(timeout=5)
                code = worker.process.exitcode
                self._give_back(worker, healthy=False)
                if code == -signal.SIGKILL:
                    return self._memory()  # the kernel's answer to a worker out of memory
                return Failed("crash", f"解析进程意外退出(代码 {code})/ the parser process died")
            if kind == "ok":
                self._give_back(worker, healthy=True)
                return value
            # after a MemoryError or a deadline the worker's heap may be in any state: replace it
            self._give_back(worker, healthy=kind == "error")
            if kind == "deadline":
                return self._deadline()
            if kind == "memory":
                return self._memory()
            return Failed("crash", f"解析出错 / parser error: {value}")

    def _deadline(self) -> Failed:
        return Failed("deadline", f"解析超时:单个文件限 {self.limits.seconds:g} 秒 / "
                                  f"parsing took longer than {self.limits.seconds:g} s")

    def _memory(self) -> Failed:
        mb = self.limits.memory // (1024 * 1024)
        return Failed("memory", f"解析所需内存超过限额 {mb} MB / parsing needed more than {mb} MB")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all, self._free = list(self._all), set(), []
        for worker in workers:
            worker.kill()
