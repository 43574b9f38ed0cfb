"""Dates: when the report was published against its deadline (条例 Art. 49), and years
in the narrative that speak of another year as this one's."""

from __future__ import annotations

import re
from datetime import date

from .. import agency
from ..agency import AgencyKind
from ..model import Finding, Report
from .cells import not_assessable
from .prose import quote, section_name, sentences

# 31 January for a department's report, 31 March for a government's own; townships and
# bodies the name does not place follow local schedules: the later of the two.
_DEADLINE = {AgencyKind.DEPARTMENT: (1, 31), AgencyKind.GOVERNMENT: (3, 31), AgencyKind.TOWNSHIP: (3, 31), None: (3, 31)}
_DEADLINE_NAME = {AgencyKind.DEPARTMENT: ("县级以上人民政府部门", "a government department"),
                  AgencyKind.GOVERNMENT: ("人民政府本级", "a government's own report"),
                  AgencyKind.TOWNSHIP: ("乡镇、街道(按地方安排,取3月31日)", "a township or street (local schedule: 31 March)"),
                  None: ("机关类别不明(取3月31日)", "an agency of unknown kind (31 March)")}
# "2022年,我局…" at the start of a sentence: that year is the one the sentence reports on
_YEAR_AS_SUBJECT = re.compile(r"^[\u4e00-\u9fff]{0,12}?((?:19|20)\d{2})\s*年度?(?=,|我|全|本|在|政府信息|政务)")
_TITLE_MARKS = re.compile(r"《[^》]*》")


def check_published(report: Report) -> list[Finding]:
    """PUBLISHED_EARLY / PUBLISHED_LATE from the metadata."""
    meta = report.meta
    if meta.year is None or meta.published_date is None:
        missing = [k for k, v in (("meta.year", meta.year), ("meta.published_date", meta.published_date)) if v is None]
        return [not_assessable(code, "报告元数据", "the metadata", missing, "meta.published_date")
                for code in ("PUBLISHED_EARLY", "PUBLISHED_LATE")]
    kind = agency.kind(meta.agency)
    try:
        published = date.fromisoformat(meta.published_date)
        deadline = date(meta.year + 1, *_DEADLINE[kind])
    except ValueError:
        return [not_assessable(code, "报告元数据", "the metadata", [f"meta.published_date={meta.published_date}",
                                                                 f"meta.year={meta.year}"], "meta.published_date")
                for code in ("PUBLISHED_EARLY", "PUBLISHED_LATE")]
    who_zh, who_en = _DEADLINE_NAME[kind]
    if published <= date(meta.year, 12, 31):
        return [Finding.of("PUBLISHED_EARLY", f"{meta.year}年度报告发布于 {published},早于该年度结束",
                           f"the {meta.year} report was published on {published}, before the year ended",
                           "meta.published_date")]
    if published > deadline:
        return [Finding.of("PUBLISHED_LATE", f"{meta.year}年度报告发布于 {published},晚于期限 {deadline}({who_zh})",
                           f"the {meta.year} report was published on {published}, after the deadline {deadline} "
                           f"({who_en})", "meta.published_date")]
    return []


def check_other_year(report: Report) -> list[Finding]:
    """YEAR_MISMATCH_TEXT: sections 五 and 六 opening a sentence with a year other than the report's (or the
    next one's, which plans and dates may name)."""
    year = report.meta.year
    if year is None:
        return []
    out: list[Finding] = []
    for sentence in sentences(report, ("s5", "s6")):
        m = _YEAR_AS_SUBJECT.match(_TITLE_MARKS.sub("", sentence.text))
        if not m or int(m.group(1)) in (year, year + 1):
            continue
        zh, en = section_name(sentence.section)
        section = report.sections[sentence.section]
        said = quote(sentence.text, m.start(1))
        out.append(Finding.of(
            "YEAR_MISMATCH_TEXT", f"{zh}把 {m.group(1)} 年当作本年度来写:“{said}”(报告年度为 {year})",
            f"{en} writes of {m.group(1)} as the report's year: “{said}” (the report is for {year})",
            f"section.{sentence.section}", *section.locate(sentence.text)))
    return out
