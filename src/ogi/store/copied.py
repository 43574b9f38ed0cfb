"""TEXT_COPIED across agencies, over everything stored: sections 一 and 五 of another
agency's report repeated in this one.

Comparing every report with every other is quadratic, so each section is reduced to its
*prints*: the hashes of the character shingles that ``ogi.checks.copied`` measures with,
keeping those whose hash falls in one bucket of ``SAMPLE`` (content-defined sampling: two
copies of a text keep the same prints). Reports that share at least ``MIN_SHARED`` prints
are candidates; a print found in more than ``COMMON`` reports is boilerplate every report
says (条例 citations, stock phrases) and is not evidence. Each candidate pair is then
measured exactly with the checks' own share, so a finding here means what it means in
``ogi check``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..checks.copied import COPIED_SECTIONS, COPIED_SHARE, Match, closest_finding, copied_share, shingles_of
from ..model import Report
from .backend import Database
from .reports import insert_findings, load_reports

SAMPLE = 8  # keep one shingle hash in this many
MIN_SHARED = 4  # prints two sections must share to be compared
COMMON = 50  # a print in more reports than this is boilerplate
BATCH = 500  # reports indexed per statement


def _prints(shingles: set[str]) -> set[int]:
    out = set()
    for s in shingles:
        h = int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") >> 1
        if h % SAMPLE == 0:
            out.add(h)
    return out


def index(db: Database, ids: Sequence[int]) -> None:
    """(Re)write the prints of these reports' sections 一 and 五."""
    for start in range(0, len(ids), BATCH):
        lot = list(ids[start:start + BATCH])
        db.execute("DELETE FROM text_prints WHERE report_id IN (SELECT unnest(?::BIGINT[]))", [lot])
        rows = [(report_id, key, p) for report_id, report in zip(lot, load_reports(db, lot))
                for key in COPIED_SECTIONS for p in _prints(shingles_of(report, key))]
        db.insert_rows("text_prints", (("report_id", "BIGINT"), ("section", "TEXT"), ("print", "BIGINT")), rows)


def candidates(db: Database, ids: Sequence[int]) -> list[tuple[int, int, str]]:
    """(report, other report, section) pairs of different agencies worth measuring: the
    reports in ``ids`` against every stored report."""
    if not ids:
        return []
    return db.execute(
        # the prints that more than one report has and not too many (boilerplate) do
        "WITH rare AS (SELECT print FROM text_prints GROUP BY print "
        "              HAVING count(DISTINCT report_id) BETWEEN 2 AND ?), "
        "mine AS (SELECT t.report_id, t.section, t.print FROM text_prints t JOIN rare ON rare.print = t.print "
        "         WHERE t.report_id IN (SELECT unnest(?::BIGINT[]))), "
        "shared AS (SELECT m.report_id AS a, o.report_id AS b, m.section FROM mine m "
        "           JOIN text_prints o ON o.print = m.print AND o.section = m.section AND o.report_id <> m.report_id) "
        "SELECT s.a, s.b, s.section FROM shared s JOIN reports ra ON ra.id = s.a JOIN reports rb ON rb.id = s.b "
        "WHERE coalesce(ra.agency_id, -ra.id) <> coalesce(rb.agency_id, -rb.id) "
        "GROUP BY s.a, s.b, s.section HAVING count(*) >= ? ORDER BY s.a, s.b, s.section",
        [COMMON, list(ids), MIN_SHARED])


def check_copied_across(db: Database, ids: Sequence[int]) -> int:
    """Index these reports and raise TEXT_COPIED on them (and on the reports they match, when
    those are as recent) for sections largely the same as another agency's. The number of
    findings written."""
    ids = list(ids)
    if not ids:
        return 0
    with db.transaction():
        index(db, ids)
        pairs = candidates(db, ids)
        involved = sorted({i for a, b, _ in pairs for i in (a, b)})
        reports = dict(zip(involved, load_reports(db, involved)))
        db.execute("DELETE FROM findings WHERE origin = 'copied' AND report_id IN (SELECT unnest(?::BIGINT[]))", [ids])
        matches: dict[tuple[int, str], list[Match]] = {}
        for a, b, key in pairs:
            later, _ = _ordered(reports[a], reports[b])
            if later is not reports[a]:
                continue  # the finding goes to the later report (it is raised when that one is indexed)
            share = copied_share(shingles_of(reports[a], key), shingles_of(reports[b], key))
            if share is not None and share >= COPIED_SHARE:
                matches.setdefault((a, key), []).append(Match(reports[b], share, is_previous=False))
        # one finding per section: the closest source (checks.copied.closest_finding)
        found = [(a, closest_finding(reports[a], key, ms)) for (a, key), ms in sorted(matches.items())]
        insert_findings(db, found, "copied")
    return len(found)


def _ordered(a: Report, b: Report) -> tuple[Report, Report]:
    """(later, earlier) by report year; a report is 'later' of one of the same year too."""
    if a.meta.year is not None and b.meta.year is not None and b.meta.year > a.meta.year:
        return b, a
    return a, b
