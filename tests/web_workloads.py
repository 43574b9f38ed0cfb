"""Work for the upload parser pool's tests (``test_web_hardening``): importable by the
pool's spawned worker processes, so kept apart from the test module."""

from __future__ import annotations

import os
import time


def echo(value):
    return value


def hog(megabytes: int):
    """Allocate ``megabytes`` at once (a decompression bomb's effect)."""
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def spin(seconds: float):
    """Busy Python code for ``seconds`` (a parser in a loop)."""
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
    return n


def sleep_then(arg):
    seconds, value = arg
    time.sleep(seconds)
    return value


def die(code: int):
    os._exit(code)


def pid(_):
    return os.getpid()


def wait_for(path: str):
    """Wait until ``path`` exists (another test step creates it); then say so."""
    while not os.path.exists(path):
        time.sleep(0.05)
    return "released"
