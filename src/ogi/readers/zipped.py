"""Zip containers (DOCX, XLSX, ODT) checked before a library unpacks them.

python-docx and openpyxl inflate every part of a package into memory, and openpyxl
expands a merged range into one object per covered cell; a 2 KB file can ask for
gigabytes either way. :func:`check_package` reads each member once, in chunks, counting
the inflated bytes as they come out of the decompressor (``ZipExtFile.read(n)`` never
inflates more than ``n`` at a time), and stops at ``part_bytes`` for one member or
``unzipped_bytes`` for all of them, checking the deadline between chunks. Reading every
member to its end also verifies its CRC, so a corrupt member is reported here, by name,
instead of as whatever exception the library would raise half-way through.

For a workbook, the worksheet parts are scanned in the same pass for what openpyxl would
allocate per cell: the ``<c>`` elements and the ``<mergeCell ref="A1:XFD1048576"/>``
ranges, each bounded by ``table_cells`` (and a merge's width and height by ``span``).
The scan matches the XML text with a regular expression on each chunk (keeping a short
tail for matches cut by a chunk boundary), so it costs no tree.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from .. import limits
from ..errors import UnreadableFile

CHUNK = 1 << 20  # inflated bytes read at a time
TAIL = 512  # bytes kept from the end of a chunk so that a match cut in two is still seen
_SHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_MERGE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?(\d{1,9})"
                    rb"(?::\$?([A-Za-z]{1,3})\$?(\d{1,9}))?[\"']")
_DAMAGED = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError, ValueError,
            KeyError, zipfile.LargeZipFile)


def check_package(data: bytes, kind: str) -> None:
    """Raise UnreadableFile for a damaged package and LimitExceeded for one that inflates
    past the limits (``kind`` names it in messages: DOCX, XLSX, ODT)."""
    lim = limits.active()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except _DAMAGED as exc:
        raise UnreadableFile(f"the {kind} file is a damaged zip archive ({_kind(exc)})") from exc
    total = 0
    for info in members:
        if info.is_dir():
            continue
        sheet = _SheetScan(info.filename, kind) if kind == "XLSX" and _SHEET.match(info.filename) else None
        inflated = 0
        try:
            with archive.open(info) as member:
                while chunk := member.read(CHUNK):
                    inflated += len(chunk)
                    total += len(chunk)
                    if inflated > lim.part_bytes:
                        raise limits.exceeded("part_bytes", f"{kind} part {_name(info)} inflates past "
                                                            f"{limits.size(lim.part_bytes)}")
                    if total > lim.unzipped_bytes:
                        raise limits.exceeded("unzipped_bytes", f"the {kind} file inflates past "
                                                                f"{limits.size(lim.unzipped_bytes)} in all")
                    if sheet is not None:
                        sheet.feed(chunk)
                    limits.check_time(f"{kind} part {_name(info)}")
            if sheet is not None:
                sheet.feed(b"", final=True)
        except UnreadableFile:
            raise
        except _DAMAGED as exc:
            raise UnreadableFile(f"the {kind} file is damaged: part {_name(info)} cannot be read "
                                 f"({_kind(exc)})") from exc


class _SheetScan:
    """Counts cells and measures merged ranges in a worksheet's XML as it streams by."""

    def __init__(self, name: str, kind: str):
        self.name, self.kind = name, kind
        self.cells = 0
        self.merged = 0  # cells covered by merged ranges, all of them
        self.tail = b""

    def feed(self, chunk: bytes, final: bool = False) -> None:
        """Scan what arrived; a match starting in the last TAIL bytes waits for the next
        chunk (it may be cut), unless this is the end of the part."""
        lim = limits.active()
        text = self.tail + chunk
        cut = len(text) if final else max(0, len(text) - TAIL)
        for m in _CELL.finditer(text):
            if m.start() >= cut:
                break
            self.cells += 1
        if self.cells > lim.table_cells:
            raise limits.exceeded("table_cells", f"XLSX sheet {self.name} has more than {lim.table_cells} cells")
        for m in _MERGE.finditer(text):
            if m.start() >= cut:
                break
            self._merge(m)
        self.tail = text[cut:]

    def _merge(self, m: re.Match) -> None:
        lim = limits.active()
        c0, r0 = _column(m.group(1)), int(m.group(2))
        c1, r1 = (_column(m.group(3)), int(m.group(4))) if m.group(3) else (c0, r0)
        width, height = abs(c1 - c0) + 1, abs(r1 - r0) + 1
        ref = m.group(0).split(b"ref", 1)[1].strip(b"= \"'").decode("ascii", "replace")
        if max(width, height) > lim.span:
            raise limits.exceeded("span", f"XLSX sheet {self.name} merges {ref}, "
                                          f"{max(width, height)} cells across (at most {lim.span})")
        self.merged += width * height
        if self.merged > lim.table_cells:
            raise limits.exceeded("table_cells", f"XLSX sheet {self.name} merges more than {lim.table_cells} cells "
                                                 f"(at {ref})")


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _kind(exc: BaseException) -> str:
    """The exception's name, with its module where the name alone says nothing (zlib.error)."""
    name = type(exc).__name__
    return f"{type(exc).__module__}.{name}" if name == "error" else name


def _name(info: zipfile.ZipInfo) -> str:
    return info.filename.encode("utf-8", "surrogateescape").decode("utf-8", "replace")[:120]
