"""Writing a report in ogi: draft → checked → published, every version kept.

An agency's report for a year lives in the store's ``authored`` table as numbered
versions. Saving writes the draft: the latest version when it is not yet published
(a checked draft that is saved again is a draft again), else a new version — a
published version is locked and never rewritten; a correction is the next version.
Checking runs every rule (:func:`ogi.render.checked.check`) and asks for the text of
sections 一, 五 and 六; with no error the draft becomes ``checked``. Publishing takes a checked draft, dates it (``meta.published_date``)
and records what changed against the version published before it (cells and sections,
old and new value), so a correction says what it corrects. The publication deadline of
条例 Art. 49/50 (departments by 31 January, governments by 31 March of the next year) is
checked at publishing, by the same rule as for any report (``PUBLISHED_LATE``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import cast

from ..errors import OgiError
from ..model import Finding, Report, SECTION_KEYS
from ..store import Database

DRAFT, CHECKED, PUBLISHED = "draft", "checked", "published"
STATE_LABELS = {DRAFT: "草稿", CHECKED: "已校验", PUBLISHED: "已发布"}


class WorkflowError(OgiError, ValueError):
    """An action the workflow does not allow (with a Chinese message for the clerk)."""


@dataclass(frozen=True)
class Version:
    agency: str
    year: int
    version: int
    state: str
    report: Report
    changes: list[dict]
    saved_at: object = None
    published_at: object = None


def _row(r) -> Version:
    agency, year, version, state, document, changes, saved, published = r
    return Version(agency, year, version, state, Report.model_validate_json(document),
                   json.loads(changes) if changes else [], saved, published)


_COLUMNS = "agency, year, version, state, document, changes, saved_at, published_at"


def versions(db: Database, agency: str, year: int) -> list[Version]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM authored WHERE agency = ? AND year = ? ORDER BY version",
                      [agency, year])
    return [_row(r) for r in rows]


def latest(db: Database, agency: str, year: int) -> Version | None:
    found = versions(db, agency, year)
    return found[-1] if found else None


def every_latest(db: Database) -> list[Version]:
    """The latest version of every authored report, the newest year first, then by agency."""
    rows = db.execute("SELECT agency, year FROM authored GROUP BY agency, year ORDER BY year DESC, agency")
    return [versions(db, agency, year)[-1] for agency, year in rows]


def _key(report: Report) -> tuple[str, int]:
    if not report.meta.agency or report.meta.year is None:
        raise WorkflowError("报告须有机关名称和年度(meta.agency、meta.year)才能保存")
    return report.meta.agency, report.meta.year


def save(db: Database, report: Report) -> Version:
    """Save ``report`` as the draft of its agency and year (a new version after a published one)."""
    agency, year = _key(report)
    report = report.model_copy(deep=True)
    report.findings = []
    document = report.model_dump_json()
    with db.transaction():
        last = latest(db, agency, year)
        if last is None or last.state == PUBLISHED:
            number = 1 if last is None else last.version + 1
            db.execute("INSERT INTO authored (agency, year, version, state, document) VALUES (?, ?, ?, ?, ?)",
                       [agency, year, number, DRAFT, document])
        else:
            number = last.version
            db.execute("UPDATE authored SET document = ?, state = ?, saved_at = current_timestamp "
                       "WHERE agency = ? AND year = ? AND version = ?", [document, DRAFT, agency, year, number])
    return cast(Version, latest(db, agency, year))  # just written


def check(db: Database, agency: str, year: int) -> tuple[Version, list[Finding]]:
    """Run every rule on the draft; without an error it becomes ``checked``."""
    from ..render.checked import check as check_report, errors

    last = _draft(db, agency, year)
    found = missing_text(last.report) + check_report(last.report)
    if not errors(found):
        db.execute("UPDATE authored SET state = ? WHERE agency = ? AND year = ? AND version = ?",
                   [CHECKED, agency, year, last.version])
    return cast(Version, latest(db, agency, year)), found


def publish(db: Database, agency: str, year: int, on: date | None = None) -> tuple[Version, list[Finding]]:
    """Publish the checked draft (dated ``on``, default today); the findings of the
    publication deadline. A draft not checked, or already published, is refused."""
    from ..checks.dates import check_published

    last = latest(db, agency, year)
    if last is None:
        raise WorkflowError(f"{agency} {year} 年度没有报告")
    if last.state == PUBLISHED:
        raise WorkflowError(f"{agency} {year} 年度第 {last.version} 版已发布,已锁定;更正请先保存新版本")
    if last.state != CHECKED:
        raise WorkflowError(f"{agency} {year} 年度第 {last.version} 版尚未通过校验(ogi author check),不能发布")
    report = last.report.model_copy(deep=True)
    report.meta.published_date = (on or date.today()).isoformat()
    earlier = [v for v in versions(db, agency, year) if v.state == PUBLISHED]
    changes = diff(earlier[-1].report, report) if earlier else []
    late = [f for f in check_published(report) if f.code in ("PUBLISHED_LATE", "PUBLISHED_EARLY")]
    db.execute("UPDATE authored SET state = ?, document = ?, changes = ?, published_at = current_timestamp "
               "WHERE agency = ? AND year = ? AND version = ? AND state = ?",
               [PUBLISHED, report.model_dump_json(), json.dumps(changes, ensure_ascii=False), agency, year,
                last.version, CHECKED])
    return cast(Version, latest(db, agency, year)), late


TEXT_REQUIRED = ("s1", "s5", "s6")  # the sections that are text only: a report must write them


def missing_text(report: Report) -> list[Finding]:
    """SECTION_MISSING for each of 一, 五 and 六 the draft has not written."""
    from ..template import SECTIONS

    return [Finding.of("SECTION_MISSING", f"“{s.heading}”尚未填写", f"section '{s.heading}' is not written yet",
                       f"section.{s.key}")
            for s in SECTIONS if s.key in TEXT_REQUIRED
            and not (report.sections.get(s.key) and report.sections[s.key].text.strip())]


def _draft(db: Database, agency: str, year: int) -> Version:
    last = latest(db, agency, year)
    if last is None:
        raise WorkflowError(f"{agency} {year} 年度没有报告")
    if last.state == PUBLISHED:
        raise WorkflowError(f"{agency} {year} 年度第 {last.version} 版已发布,已锁定;更正请先保存新版本")
    return last


def diff(old: Report, new: Report) -> list[dict]:
    """What changed from ``old`` to ``new``: every cell and section text, old and new."""
    out = []
    for table in ("table2", "table3", "table4"):
        a, b = getattr(old, table), getattr(new, table)
        for row in dict.fromkeys([*a, *b]):
            for col in dict.fromkeys([*a.get(row, {}), *b.get(row, {})]):
                x, y = a.get(row, {}).get(col), b.get(row, {}).get(col)
                if x != y:
                    out.append({"where": f"{table}.{row}.{col}", "old": x, "new": y})
    for key in SECTION_KEYS:
        x, y = old.sections.get(key), new.sections.get(key)
        if (x.text if x else "") != (y.text if y else ""):
            out.append({"where": f"section.{key}", "old": x.text if x else None, "new": y.text if y else None})
    for key in ("title", "agency", "index_number"):
        if getattr(old.meta, key) != getattr(new.meta, key):
            out.append({"where": f"meta.{key}", "old": getattr(old.meta, key), "new": getattr(new.meta, key)})
    return out
