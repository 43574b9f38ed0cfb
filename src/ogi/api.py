"""The public API: ``parse(path_or_bytes)`` → Report.

Each call reads one file inside a :func:`ogi.limits.scope`: the limits in force (the
environment's, or the caller's) and the file's deadline apply to everything the readers,
the extractor and the checks do with it. A path is read only if it is a regular file, and
at most ``file_bytes`` of it (standard input likewise, see :func:`read_stream`); FIFOs,
devices and sockets are refused before they are opened for reading, and a symlink loop or
an I/O error is an :class:`UnreadableFile` like any other unreadable input.

Files enter here. A form from ``ogi form`` (an xlsx) is read by :mod:`ogi.form` as the
report it stands for, laid out as a document; every other file goes to the readers
(:func:`read_document`). Canonical JSON (``ogi parse --format json``) enters through
:func:`load`, which reads JSON or a form as the Report it is, unparsed.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
from typing import TYPE_CHECKING, BinaryIO

from . import limits as _limits
from .checks import check_report
from .errors import LimitExceeded, NotAReport, OgiError, UnreadableFile
from .extract import extract
from .limits import Limits
from .model import Finding, Report, Source
from .document import Document
from .readers import check_document, read, sniff

if TYPE_CHECKING:
    from pathlib import Path

READ_CHUNK = 1 << 20  # bytes read at a time from a file or a stream
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def parse(source: str | Path | bytes, name: str | None = None, limits: Limits | None = None) -> Report:
    """Parse one report file (a path, or its bytes) into the canonical model, checked.

    ``limits`` replaces the limits of the environment (``OGI_MAX_…``, see
    :mod:`ogi.limits`). Raises :class:`UnreadableFile` for a file that cannot be read
    (:class:`LimitExceeded` for one that would pass a limit), :class:`NotAReport` for one
    that holds no annual report, and the OSError of a path that does not exist, is a
    directory or may not be read."""
    with _limits.scope(limits) as lim:
        if isinstance(source, bytes):
            data, path = source, name
            if len(data) > lim.file_bytes:
                raise _too_big(len(data), lim)
        else:
            path = str(source)
            data = read_file(source, lim)
        path = printable(path) if path is not None else None
        try:
            doc = read_document(data, printable(name) if name else path or "")
            report = extract(doc, Source(path=path, sha256=hashlib.sha256(data).hexdigest(), format=sniff(data, path or "")))
            report.findings += check_report(report)
        except RecursionError as exc:  # a last guard: every reader walks nesting without recursing
            raise UnreadableFile("the file nests too deep to be read (RecursionError)") from exc
        return report


def read_document(data: bytes, name: str = "") -> Document:
    """The Document of a file's bytes: a form laid out as its report, anything else read
    by the reader of its kind (:data:`ogi.readers.READERS`), within the limits in force."""
    if sniff(data, name) == "xlsx":
        from .form import form_document

        doc = form_document(data)
        if doc is not None:
            check_document(doc)
            return doc
    return read(data, name)


def load(path: str | Path) -> Report:
    """The Report a data file holds as it is, not parsed: canonical JSON (as ``ogi parse
    --format json`` writes it) or a filled-in form from ``ogi form``; what ``ogi render``
    and ``ogi author`` take. Raises :class:`ogi.render.InvalidReport` naming each bad
    value."""
    from pathlib import Path

    from .render.validate import InvalidReport, Problem, report_from_json

    data = Path(path).read_bytes()
    if data.startswith(b"PK\x03\x04"):
        from .form import FormError, read_form

        try:
            return read_form(data)
        except FormError as exc:
            raise InvalidReport(exc.problems) from exc
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidReport([Problem("(file)", f"不是 JSON 或 xlsx 表单: {exc}", f"neither JSON nor an xlsx form: {exc}")])
    if isinstance(parsed, list) and len(parsed) == 1:
        parsed = parsed[0]
    return report_from_json(parsed)


def read_file(path: str | Path, lim: Limits | None = None) -> bytes:
    """The bytes of a regular file, at most ``lim.file_bytes`` of them.

    FIFOs, devices and sockets are refused by their ``stat`` without being opened for
    reading (a FIFO would block, a device never end); the file is opened non-blocking and
    checked again, in case it was swapped between the two."""
    lim = lim or _limits.active()
    try:
        _check_kind(os.stat(path))
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise
    except OSError as exc:
        raise _os_error(exc) from exc
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        _check_kind(st)
        if st.st_size > lim.file_bytes:
            raise _too_big(st.st_size, lim)
        return read_stream(f, lim, "the file")


def read_stream(stream: BinaryIO, lim: Limits | None = None, what: str = "standard input") -> bytes:
    """Read a stream to its end, but never more than ``lim.file_bytes``: an endless stream
    (``yes |``) stops with LimitExceeded once it has given that much."""
    lim = lim or Limits.from_env()
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = stream.read(min(READ_CHUNK, lim.file_bytes + 1 - total))
        except OSError as exc:
            raise _os_error(exc) from exc
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > lim.file_bytes:
            raise _limits.exceeded("file_bytes", f"{what} holds more than {_limits.size(lim.file_bytes)}")


def printable(name: str, one_line: bool = False) -> str:
    """A file name as text that can always be printed and written as UTF-8 JSON: bytes of
    another encoding (kept by Python as lone surrogates) become U+FFFD; with ``one_line``,
    control characters (a newline, a TAB) are written as escapes (``\\n``, ``\\t``)."""
    if not name:
        return name
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text) if one_line else text


def _check_kind(st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory")
    for test, kind in _KINDS:
        if test(st.st_mode):
            raise UnreadableFile(f"not a regular file ({kind}); only files are read")


def _too_big(n: int, lim: Limits) -> LimitExceeded:
    return _limits.exceeded("file_bytes", f"the file has {_limits.size(n)}, more than {_limits.size(lim.file_bytes)}")


def _os_error(exc: OSError) -> UnreadableFile:
    reason = exc.strerror or type(exc).__name__
    return UnreadableFile(f"cannot read the file: {reason[:1].lower() + reason[1:]}")


__all__ = ["parse", "load", "read_document", "read_file", "read_stream", "printable", "Report", "Finding", "Limits", "OgiError",
           "UnreadableFile", "LimitExceeded", "NotAReport"]
