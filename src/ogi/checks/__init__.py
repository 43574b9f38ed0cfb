"""The checks: rules over one report and over several, raising the finding codes of
``ogi.template.rules``.

    >>> from ogi.checks import check_report, check_across
    >>> report.findings += check_report(report)        # parse() does this already
    >>> for index, finding in check_across(reports): ...

One module per family of rules: ``tables`` (the hard rules), ``plausibility`` (table 二,
amount units), ``confidence`` (OCR values), ``dates``, ``sections`` (一, 五, 六), ``text`` (narrative against tables),
``copied``, ``cross`` and ``rollup`` (across reports). Every rule is a pure function over
reports; the store only selects the reports a cross-report rule is run on
(``store.agencies.recheck``, ``store.copied``, ``store.rollup``) and saves its findings.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from ..model import Finding, Report
from .confidence import check_confidence, settle_ocr_values
from .copied import check_copied, check_fields
from .cross import check_years, pairing, previous_reports
from .dates import check_other_year, check_published
from .grouping import group_cell_findings
from .legacy import check_legacy
from .plausibility import check_plausibility
from .sections import check_sections
from .tables import check_tables
from .text import check_text

TABLE_CHECKS = (check_tables, check_plausibility, check_published, check_confidence)
TEXT_CHECKS = (check_other_year, check_sections, check_text, check_fields)
TEXT_RULES = ("TEXT_TABLE_MISMATCH", "YEAR_MISMATCH_TEXT", "FEE_NOT_REPORTED", "FEE_CONTRADICTION", "PROBLEMS_TRIVIAL",
              "OVERVIEW_INCOMPLETE", "TEXT_COPIED")


def check_report(report: Report) -> list[Finding]:
    """Every single-report rule over one parsed report (not the parser's structural
    ones). A report without its text (one read back from JSON) cannot be held to the
    rules about the text: one finding says so.

    The parser's cell findings already on the report are grouped first, in place, one per
    table and pattern (``grouping``), so that ``report.findings += check_report(report)``
    keeps working."""
    group_cell_findings(report)
    settled = settle_ocr_values(report)  # OCR values nothing settles become null, before the rules see them
    if report.meta.template == "legacy":
        return check_legacy(report)
    found = settled + [f for check in TABLE_CHECKS for f in check(report)]
    if report.sections:
        return found + [f for check in TEXT_CHECKS for f in check(report)]
    return found + [Finding.of("RULE_NOT_ASSESSABLE", f"正文规则({'、'.join(TEXT_RULES)})无法判断:报告没有正文",
                               f"the rules on the text ({', '.join(TEXT_RULES)}) not assessable: the report holds no "
                               "text", "sections")]


def check_across(reports: Sequence[Report], agencies: Sequence[Hashable] | None = None) -> list[tuple[int, Finding]]:
    """The rules across reports: the same agency in consecutive years (CROSS_YEAR_*) and
    copied text (TEXT_COPIED). Each finding comes with the index of the report it is on.

    ``agencies``, when given, is each report's agency as the caller has settled it (the
    store's agency id, which merges and splits by a person decide): reports pair by it.
    Without it, they pair by their printed names and 索引号."""
    same = pairing(reports, agencies)
    previous = previous_reports(reports, agencies)
    return check_years(reports, previous) + check_copied(reports, previous, same)


__all__ = ["check_across", "check_report"]
