"""What the upload worker does with one file: parse it, and decide whether it is a report
worth storing. Runs inside a worker of :class:`ogi.web.workers.ParsePool`.

A file is parsed as ``ogi ingest`` parses it, then held to what an annual report is:

- **storable**: every value fits the store's numbers (a 401-digit "number" parses as a
  Python int but is no double: the file is refused here, in the worker, with the cell
  named — never a 500 when it is written);
- **not a blank form**: a report whose three tables hold no value at all (``NO_DATA``) is
  the official template nobody filled in;
- **report text**: a report without table values must at least have the sections of an
  annual report (a legacy report, 2008–2018, has no tables but has its parts); an image or
  a scan whose text is neither is a screenshot or a photo, not a report; an image with no
  text at all is refused as such (not reported as a broken file).

A ``MemoryError`` and the worker's :class:`~ogi.web.workers.Deadline` are not caught
here: the pool turns them into a failure and replaces the worker.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

from ..api import NotAReport, UnreadableFile, parse
from ..model import Report
from ..readers import sniff
from ..store.ingest import Input, Outcome

TABLES = ("table2", "table3", "table4")
MIN_SECTIONS = 2  # parts of the report found, for a report without table values
MAX_STORED = 1e15  # the largest count a table cell may hold (a double is exact up to 2**53 ≈ 9e15)


@dataclass
class Intake:
    """The outcome of one file, and why it is refused when it is not a report."""

    outcome: Outcome
    refused: str | None = None


def _values(report: Report):
    for table in TABLES:
        for row, columns in getattr(report, table).items():
            for column, value in columns.items():
                if value is not None:
                    yield f"{table}.{row}.{column}", value


def oversized(report: Report) -> str | None:
    """The first cell whose value the store cannot hold as a number, if any."""
    for key, value in _values(report):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            return key
        if not math.isfinite(number) or abs(number) > MAX_STORED:
            return key
    return None


def refusal(report: Report) -> str | None:
    """Why a parsed file is not taken as a report, or None when it is."""
    from .labels import place_label

    big = oversized(report)
    if big:
        return (f"数值过大:{place_label(big, report.meta.template)} 的数值超过 {MAX_STORED:.0e},"
                f"不是一个可信的件数 / a value too large to be a count ({big})")
    if any(f.code == "NO_DATA" for f in report.findings):
        return "这是一份未填写的报告模板:三张统计表没有任何数值 / a blank form: no table holds a value"
    if not any(True for _ in _values(report)) and len(report.sections) < MIN_SECTIONS:
        what = "图片中" if report.source.format == "image" else "文件中"
        return (f"{what}没有年度报告的内容:既没有统计表数值,也没有报告的各部分正文 / "
                "no report text: neither table values nor the parts of a report")
    return None


def parse_upload(inp: Input) -> Intake:
    """Parse one uploaded file (never raises for bad input: the reason is in the outcome)."""
    try:
        data = Path(inp.path).read_bytes()
    except OSError as exc:
        return Intake(Outcome(inp, stage="read", reason=f"无法读取 / cannot read: {exc.strerror or exc}"))
    sha = hashlib.sha256(data).hexdigest()
    try:
        report = parse(data, name=inp.path)
    except UnreadableFile as exc:
        if sniff(data, inp.path) == "image":  # a picture with no text at all: not a report, not a broken file
            reason = f"图片中没有可识别的文字,不是年度报告 / an image without text: {exc}"
            return Intake(Outcome(inp, sha, stage="read", reason=reason), refused=reason)
        return Intake(Outcome(inp, sha, stage="read", reason=f"无法读取 / unreadable: {exc}"))
    except NotAReport as exc:
        reason = f"不是年度报告 / not a report: {exc}"
        return Intake(Outcome(inp, sha, stage="parse", reason=reason), refused=reason)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser bug is this file's failure, not the server's
        return Intake(Outcome(inp, sha, stage="parse", reason=f"解析出错 / parser error: {type(exc).__name__}: {exc}"))
    report.source.path = inp.location
    why = refusal(report)
    if why:
        return Intake(Outcome(inp, sha, stage="parse", reason=why), refused=why)
    return Intake(Outcome(inp, sha, report))
