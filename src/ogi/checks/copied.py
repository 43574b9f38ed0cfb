"""Copied text (TEXT_COPIED): sections 一 and 五 largely the same as another report's —
the agency's previous one, or another agency's — and, within one report, a department
writing of a field of work that is not its own (``梳理住建领域事项`` in a 发改 bureau's
report: a sentence taken from another agency's report)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import agency
from ..agency import FIELDS, AgencyKind
from ..model import Finding, Report
from .cross import pairing
from .prose import quote, section_name, section_text, sentences

COPIED_SECTIONS = ("s1", "s5")
SHINGLE = 8  # characters: long enough that shared boilerplate phrases stay a small share
COPIED_SHARE = 0.6  # share of a section's text found in the other report's same section
MIN_SHINGLES = 40  # sections shorter than this are too short to judge
# digits and years left out; compiled on first use (by ``re``'s cache): only the rules across
# reports need it, and a CJK range costs about a millisecond to compile
_WORDS_ONLY = r"[^\u3400-\u4dbf\u4e00-\u9fffA-Za-z]+"
_FIELD_WORK = "|".join(sorted({w for f in FIELDS for w in f.in_text}, key=len, reverse=True))
_FIELD_MENTION = re.compile(rf"({_FIELD_WORK})领域(?:事项|政务公开|信息公开|标准目录|基层政务公开)")


# ------------------------------------------------------------------ within one report

def check_fields(report: Report) -> list[Finding]:
    """A department's sections 一/五 about another department's field of work: one finding
    per section, at its first such sentence, naming every field mentioned."""
    if agency.kind(report.meta.agency) is not AgencyKind.DEPARTMENT:
        return []  # a government's or township's report covers every field
    own = agency.fields_of(report.meta.agency)
    mentions: dict[str, list[tuple[str, str, int]]] = {}  # section → (words, sentence, position)
    for sentence in sentences(report, COPIED_SECTIONS):
        for m in _FIELD_MENTION.finditer(sentence.text):
            field = next(f for f in FIELDS if m.group(1) in f.in_text)
            if field.key not in own:
                mentions.setdefault(sentence.section, []).append((m.group(0), sentence.text, m.start()))
    out: list[Finding] = []
    for key, found in mentions.items():
        zh, en = section_name(key)
        words = "”“".join(dict.fromkeys(w for w, _, _ in found))
        _, first, at = found[0]
        said = quote(first, at)
        out.append(Finding.of(
            "TEXT_COPIED", f"{zh}写到“{words}”,不是{report.meta.agency}的职责领域,疑为照搬其他机关的报告:“{said}”",
            f"{en} speaks of “{words}”, not a field of {report.meta.agency}: likely copied from another "
            f"agency's report: “{said}”", f"section.{key}", *report.sections[key].locate(first)))
    return out


# ------------------------------------------------------------------ across reports

def _shingles(text: str) -> set[str]:
    words = re.sub(_WORDS_ONLY, "", text)
    return {words[i:i + SHINGLE] for i in range(len(words) - SHINGLE + 1)}


def shingles_of(report: Report, key: str) -> set[str]:
    """The shingles of one of a report's sections, as the share is measured on them."""
    return _shingles(section_text(report, key))


def copied_share(mine: set[str], other: set[str]) -> float | None:
    """The share of a section's shingles that the other section also has; None when
    the section is too short to judge."""
    if len(mine) < MIN_SHINGLES:
        return None
    return len(mine & other) / len(mine)


def check_copied(reports: Sequence[Report], previous: dict[int, int],
                 same: Callable[[int, int], bool] | None = None) -> list[tuple[int, Finding]]:
    """Each report's sections 一/五 against its agency's previous report (``previous``:
    index → index) and against every other agency's report (``same``: are reports i and j
    by one agency; by default judged from the printed names and 索引号). A finding goes to
    the later report of a pair (to both when they are of the same year): one per section,
    naming the closest source (see :func:`closest_finding`)."""
    if same is None:
        same = pairing(reports)
    shingles = [{key: shingles_of(r, key) for key in COPIED_SECTIONS} for r in reports]
    out: list[tuple[int, Finding]] = []
    for i, report in enumerate(reports):
        for key in COPIED_SECTIONS:
            matches = []
            for j, other in enumerate(reports):
                if i == j or not _compared(report, other, previous.get(i) == j, same(i, j)):
                    continue
                share = copied_share(shingles[i][key], shingles[j][key])
                if share is not None and share >= COPIED_SHARE:
                    matches.append(Match(other, share, previous.get(i) == j))
            if matches:
                out.append((i, closest_finding(report, key, matches)))
    return out


def copied_across(report: Report, key: str, others: Sequence[Report]) -> Finding | None:
    """TEXT_COPIED for one section of ``report`` against other agencies' reports (the
    caller's candidates, e.g. the store's reports sharing rare prints): those of which this
    report is the later one (:func:`receives_finding`) whose same section it repeats at
    :data:`COPIED_SHARE` or more, as one finding naming the closest; None when none does."""
    mine = shingles_of(report, key)
    matches = []
    for other in others:
        if not receives_finding(report, other):
            continue
        share = copied_share(mine, shingles_of(other, key))
        if share is not None and share >= COPIED_SHARE:
            matches.append(Match(other, share, is_previous=False))
    return closest_finding(report, key, matches) if matches else None


@dataclass(frozen=True)
class Match:
    """Another report whose same section shares ``share`` of this one's text."""

    other: Report
    share: float
    is_previous: bool  # the agency's own previous report


def closest_finding(report: Report, key: str, matches: Sequence[Match]) -> Finding:
    """One TEXT_COPIED for a section however many reports it matches: the closest source
    (the highest share; the agency's own previous report among equals, then the latest
    year), its year and the similarity, and how many other reports match too."""
    best = max(matches, key=lambda m: (round(m.share, 4), m.is_previous, m.other.meta.year or 0))
    finding = copied_finding(report, best.other, key, best.share, best.is_previous)
    more = len(matches) - 1
    if more:
        finding.message += f";另有 {more} 份报告的该部分相似度不低于 {COPIED_SHARE:.0%}"
        finding.message_en += f"; {more} more report(s) match this section at {COPIED_SHARE:.0%} or more"
    return finding


def _compared(report: Report, other: Report, is_previous: bool, same_agency: bool) -> bool:
    if is_previous:
        return True
    if same_agency:
        return False  # the same agency: only its previous report counts
    return receives_finding(report, other)


def receives_finding(report: Report, other: Report) -> bool:
    """Does ``report`` carry the finding of a copy shared with ``other``? The later report
    of a pair does, and both of one year (or of an unknown year)."""
    year, other_year = report.meta.year, other.meta.year
    return year is None or other_year is None or other_year <= year


def copied_finding(report: Report, other: Report, key: str, share: float, is_previous: bool) -> Finding:
    """TEXT_COPIED for one section: the source, its year, and the share of the text (the
    similarity) it repeats."""
    zh, en = section_name(key)
    name = other.meta.agency or other.source.path or "?"
    year = f"{other.meta.year} 年" if other.meta.year else "年份不明"
    whose_zh = f"本机关 {year}的报告" if is_previous else f"{name} {year}的报告"
    whose_en = f"the agency's {other.meta.year} report" if is_previous else f"{name}'s {other.meta.year or ''} report"
    section = report.sections[key]
    return Finding.of("TEXT_COPIED", f"{zh} {share:.0%} 的文字与{whose_zh}({other.source.path})相同",
                      f"{share:.0%} of {en} is the same text as {whose_en} ({other.source.path})",
                      f"section.{key}", line=section.line, page=section.page)
