"""The public API: ``parse(path_or_bytes)`` → Report."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .checks import check_report
from .extract import NotAReport, extract
from .model import Finding, Report, Source
from .readers import UnreadableFile, read, sniff


def parse(source: str | Path | bytes, name: str | None = None) -> Report:
    """Parse one report file (a path, or its bytes) into the canonical model, checked.

    Raises :class:`UnreadableFile` for a file that cannot be read and
    :class:`NotAReport` for one that holds no annual report."""
    if isinstance(source, bytes):
        data, path = source, name
    else:
        path = str(source)
        data = Path(source).read_bytes()
    doc = read(data, name or path or "")
    report = extract(doc, Source(path=path, sha256=hashlib.sha256(data).hexdigest(), format=sniff(data, path or "")))
    report.findings += check_report(report)
    return report


__all__ = ["parse", "Report", "Finding", "UnreadableFile", "NotAReport"]
