"""Check the data to render first (loaded by :func:`ogi.api.load`: canonical JSON or a filled-in form)."""

from __future__ import annotations

from pathlib import Path

from ..model import Finding, Report
from ..template.rules import Severity


def load(path: Path) -> Report:
    """:func:`ogi.api.load`, where data files enter (kept here under its old name)."""
    from ..api import load as load_data

    return load_data(path)


def check(report: Report) -> list[Finding]:
    """The findings of :func:`ogi.checks.check_report` on a copy of ``report``."""
    from ..checks import check_report

    return check_report(report.model_copy(deep=True))


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == Severity.ERROR]
