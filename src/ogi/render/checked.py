"""Load the data to render (canonical JSON or a filled-in form) and check it first."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import Finding, Report
from ..template.rules import Severity
from .validate import InvalidReport, Problem, report_from_json


def load(path: Path) -> Report:
    """The Report in ``path``: JSON as ``ogi parse --format json`` writes it, or an xlsx
    form from ``ogi form``. Raises :class:`InvalidReport` naming each bad cell."""
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        from ..form import FormError, read_form
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


def check(report: Report) -> list[Finding]:
    """The findings of :func:`ogi.checks.check_report` on a copy of ``report``."""
    from ..checks import check_report

    return check_report(report.model_copy(deep=True))


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == Severity.ERROR]
