"""How much of a file ogi will read: the limits that keep one hostile or broken file from
taking unbounded time or memory.

:class:`Limits` holds them as settings with defaults far above any real annual report
(the margins are measured in ``docs/limits.md``); each is read from an environment variable
``OGI_MAX_…`` and can be overridden by a caller (``Limits.from_env(pages=20)``,
``ogi.parse(path, limits=…)``). A reader enforces each limit where it reads the data —
while inflating a stream, before rendering a page, while placing table cells — never after
it has already paid for the whole thing, and stops with :class:`~ogi.errors.LimitExceeded`,
whose one-line message names the limit and its setting::

    PDF page 1 content inflates past 2 MB (OGI_MAX_INFLATED_BYTES)

The limits in force and the file's deadline live in a context variable set by
:func:`scope` (``ogi.parse`` opens one per file), so a reader deep in the call stack asks
:func:`active` for them instead of having them passed down. The deadline is cooperative:
readers call :func:`check_time` in their loops (pages, rows, stream chunks, layout
objects), so a single pathological page cannot run on past it. Behind that, a watchdog
thread (one per process, shared by every open scope) stops code that has no such loop (a
library's own): :data:`GRACE` seconds after the deadline it raises an exception
asynchronously in the reading thread
(``PyThreadState_SetAsyncExc``, delivered at the next Python bytecode), which the scope
turns into the same LimitExceeded. Outside any scope the defaults apply and there is no
deadline.
"""

from __future__ import annotations

import ctypes
import math
import os
import re
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from typing import Any, cast

from .errors import BadSetting, LimitExceeded

KB = 1024
MB = 1024 * KB
GB = 1024 * MB
ENV_PREFIX = "OGI_MAX_"
GRACE = 2.0  # seconds past the deadline before the watchdog stops code that did not check it


@dataclass(frozen=True)
class Limits:
    """The limits for reading one file. Every field is the setting ``OGI_MAX_<NAME>``."""

    file_bytes: int = 100 * MB  # bytes of one input file (or of standard input)
    part_bytes: int = 64 * MB  # one member of a DOCX/XLSX/ODT zip, decompressed
    unzipped_bytes: int = 256 * MB  # all members of one zip, decompressed
    inflated_bytes: int = 2 * MB  # a PDF stream the reader interprets (page content, a form, a font map), inflated
    pages: int = 100  # pages of a PDF
    page_area: float = 5_000_000.0  # pt² of one PDF page (A1 is 4.0 million; A4 0.5 million)
    page_objects: int = 100_000  # glyphs, paths and images laid out on one PDF page
    table_cells: int = 100_000  # grid positions of one table (rows × columns its cells cover)
    span: int = 1000  # columns (or rows) one table cell spans
    depth: int = 5000  # nesting depth of HTML elements (or Word tables and content controls)
    digits: int = 100  # digits in one number
    text_chars: int = 2_000_000  # characters of text in one file
    seconds: float = 60.0  # seconds to read one file (scanned pages get ocr_seconds more each)
    ocr_seconds: float = 30.0  # seconds more for each scanned page read by OCR

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides) -> Limits:
        """The defaults, then ``OGI_MAX_<NAME>`` from the environment, then ``overrides``.
        Byte sizes may carry a K, M or G suffix (``OGI_MAX_FILE_BYTES=200M``)."""
        if environ is None and not overrides and cls is Limits:  # every parse asks: kept per settings read
            raws = tuple(map(os.environ.get, _SETTINGS))
            kept = _FROM_ENV.get(raws)
            if kept is None:
                if len(_FROM_ENV) >= FROM_ENV_KEPT:
                    _FROM_ENV.clear()
                kept = _FROM_ENV[raws] = cls._read_env(os.environ)
            return kept
        return replace(cls._read_env(os.environ if environ is None else environ), **overrides)

    @classmethod
    def _read_env(cls, env: Mapping[str, str]) -> Limits:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(setting(f.name))
            if raw is not None and raw.strip():
                values[f.name] = _number(setting(f.name), raw, f.type)
        return cls(**values)

    def replace(self, **changes) -> Limits:
        return replace(self, **changes)


def setting(name: str) -> str:
    """The environment variable of a limit: ``pages`` → ``OGI_MAX_PAGES``."""
    return ENV_PREFIX + name.upper()


# Limits.from_env() is asked by every parse (14 environment reads, two instances made: ~0.1 ms);
# the limits are frozen, so one instance is kept per tuple of the settings' raw values, read again
# each time (a changed variable is a new key; a bad one raises and is never kept)
_SETTINGS = tuple(setting(f.name) for f in fields(Limits))
_FROM_ENV: dict[tuple[str | None, ...], Limits] = {}
FROM_ENV_KEPT = 64  # distinct settings kept


_SUFFIX = {"": 1, "K": KB, "M": MB, "G": GB}
_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*$", re.IGNORECASE)


def _number(name: str, raw: str, kind) -> int | float:
    m = _NUMBER.match(raw)
    if not m:
        raise BadSetting(f"{name}={raw!r} is not a number (a count, or bytes with K, M or G)")
    value = float(m.group(1)) * _SUFFIX[m.group(2).upper()]
    if value <= 0 or not math.isfinite(value):
        raise BadSetting(f"{name}={raw!r} must be greater than 0")
    return value if kind in (float, "float") else int(value)


# ------------------------------------------------------------------ the limits in force

class _Scope:
    """The limits of one file in reading, and its deadline (moved by :func:`extend_deadline`)."""

    def __init__(self, limits: Limits, deadline: bool):
        self.limits = limits
        self.seconds = limits.seconds
        self.deadline = time.monotonic() + limits.seconds if deadline else None


class _DeadlinePassed(BaseException):
    """Raised asynchronously by the watchdog; a BaseException so that no library's
    ``except Exception`` takes it for a flaw of the file. The scope turns it into
    LimitExceeded."""


class _Watch:
    """One scope under watch: the thread that reads it, and whether it was interrupted."""

    __slots__ = ("scope", "thread", "fired")

    def __init__(self, scope_: _Scope):
        self.scope = scope_
        self.thread = threading.get_ident()
        self.fired = False

    def due(self) -> float:
        """When the watchdog interrupts: GRACE seconds after the (possibly extended) deadline."""
        return cast(float, self.scope.deadline) + GRACE  # a watched scope has one


class _Watchdog:
    """One daemon thread for the whole process that interrupts each reading thread GRACE
    seconds after its scope's deadline.

    A thread per file (a ``threading.Timer``) cost a thread start and join for every report,
    6-9% of parsing a text report; this one is started once, at the first watched scope. It
    sleeps until the earliest time any open scope is due, then interrupts the threads whose
    scopes are due and goes back to sleep. Opening a scope only adds it to the set under the
    lock, and wakes the thread only when the new scope is due before the thread means to look
    again (with one fixed setting a later file is never due earlier, so a batch wakes it once
    per file that closed long ago, not per file); closing a scope removes it, and cancels an
    interruption the watchdog sent but Python has not delivered yet (the work finished first,
    so it stands). A deadline moved by :func:`extend_deadline` is read again at each look.
    """

    def __init__(self) -> None:
        self.cond = threading.Condition(threading.Lock())
        self.watched: set[_Watch] = set()
        self.thread: threading.Thread | None = None
        self.wake_at = math.inf  # when the thread looks next (inf: it waits to be woken)

    def watch(self, scope_: _Scope) -> _Watch:
        watch = _Watch(scope_)
        with self.cond:
            self.watched.add(watch)
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="ogi-watchdog", daemon=True)
                self.thread.start()
            if watch.due() < self.wake_at:
                self.cond.notify()
        return watch

    def unwatch(self, watch: _Watch) -> None:
        with self.cond:
            self.watched.discard(watch)
            if watch.fired:  # not delivered yet: the work finished first, so it stands
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(watch.thread), None)

    def _run(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                self.wake_at = math.inf
                for watch in list(self.watched):
                    due = watch.due()
                    if due <= now:  # interrupted once, and no longer watched
                        watch.fired = True
                        self.watched.discard(watch)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(watch.thread),
                                                                   ctypes.py_object(_DeadlinePassed))
                    else:
                        self.wake_at = min(self.wake_at, due)
                self.cond.wait(None if self.wake_at == math.inf else self.wake_at - now)


_WATCHDOG = _Watchdog()


def _after_fork() -> None:
    """A forked child has no watchdog thread (and perhaps a lock held by it): start afresh."""
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


os.register_at_fork(after_in_child=_after_fork)


_ACTIVE: ContextVar[_Scope | None] = ContextVar("ogi_limits", default=None)
_DEFAULT = Limits()


@contextmanager
def scope(limits: Limits | None = None, deadline: bool = True) -> Iterator[Limits]:
    """Apply ``limits`` (the environment's when None) to what is read inside the block, and
    start the per-file deadline of ``limits.seconds``."""
    lim = limits if limits is not None else Limits.from_env()
    current = _Scope(lim, deadline)
    token = _ACTIVE.set(current)
    watch = _WATCHDOG.watch(current) if deadline else None
    try:
        yield lim
    except _DeadlinePassed:
        raise LimitExceeded(f"reading took more than {current.seconds:g} s; stopped ({setting('seconds')})",
                            setting("seconds"), current.seconds) from None
    finally:
        try:
            if watch is not None:
                _WATCHDOG.unwatch(watch)
        except _DeadlinePassed:  # delivered while stopping: the work is done
            pass
        _ACTIVE.reset(token)


def active() -> Limits:
    """The limits in force: those of the enclosing :func:`scope`, else the defaults."""
    current = _ACTIVE.get()
    return current.limits if current is not None else _DEFAULT


def extend_deadline(seconds: float) -> None:
    """Give the file in reading ``seconds`` more (a scanned page about to be read by OCR)."""
    current = _ACTIVE.get()
    if current is not None and current.deadline is not None:
        current.deadline += seconds
        current.seconds += seconds


def remaining() -> float | None:
    """Seconds left before the deadline of the file in reading (None: no deadline), for
    waiting on a subprocess."""
    current = _ACTIVE.get()
    if current is None or current.deadline is None:
        return None
    return current.deadline - time.monotonic()


def time_is_up() -> bool:
    """Has the file's deadline passed? :func:`check_time`'s test without its message, for a
    loop whose message costs more to make than the test (then call :func:`check_time`)."""
    current = _ACTIVE.get()
    return current is not None and current.deadline is not None and time.monotonic() > current.deadline


def check_time(where: str) -> None:
    """Stop with LimitExceeded once the file's deadline has passed; ``where`` says how far
    reading got (``PDF page 3``)."""
    current = _ACTIVE.get()
    if current is not None and current.deadline is not None and time.monotonic() > current.deadline:
        raise LimitExceeded(f"reading took more than {current.seconds:g} s; stopped at {where} ({setting('seconds')})",
                            setting("seconds"), current.seconds)


def exceeded(name: str, message: str) -> LimitExceeded:
    """The error for passing limit ``name``: ``message`` with the setting appended."""
    return LimitExceeded(f"{message} ({setting(name)})", setting(name), getattr(active(), name))


def size(n: float) -> str:
    """A byte count for a message: ``64 MB``, ``1.5 KB``, ``300 bytes``."""
    for unit, scale in (("GB", GB), ("MB", MB), ("KB", KB)):
        if n >= scale:
            return f"{n / scale:.4g} {unit}"
    return f"{n:g} bytes"


__all__ = ["Limits", "setting", "scope", "active", "remaining", "check_time", "time_is_up", "extend_deadline", "exceeded", "size", "KB", "MB", "GB"]
