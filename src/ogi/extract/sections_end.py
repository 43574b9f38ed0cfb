"""Where the report's last section ends on a page that lists other reports after it.

A government site's column page (栏目页) prints the report as one article beside others:
after section 六 come the titles of the agency's reports of other years, each with its
发布日期, a summary line with its numbers (``2022年，XX局共收到政府信息公开申请147件……``) and
阅读全文. The sections run from one heading to the next and the last one to the end of the
page, so those summaries were read as section 六: the checks then quoted them as the report
speaking of another year as this one (YEAR_MISMATCH_TEXT) and as numbers contradicting the
tables (TEXT_TABLE_MISMATCH) — alarms about text that is not the report's.

The format says where a report ends: one report covers one year, and its text never prints
the title of a report of another year as a heading. A **listing title** is the title of an
annual report (…YYYY年(度)…政府信息公开工作年度报告) of a year other than the report's, printed
as a listing prints it: a line of its own, or followed within :data:`DATE_REACH` characters
by a publication date (发布日期/发布时间/日期, or a date ``YYYY-MM-DD``). The last section ends
before the first one, at the line or the sentence boundary before it (in a crawler's one-line
text, where no line break is left). A mention of another year's report inside a sentence
(``2022年政府信息公开工作年度报告中提出的问题已整改``) is neither a line of its own nor dated, and
is kept."""

from __future__ import annotations

import re

from ..model import SectionText
from ..template import nfkc

# a report's title: its year, at most TITLE_WORDS characters of words, the title's words
TITLE_WORDS = 20
_TITLE = re.compile(r"((?:19|20)\d{2})\s*年度?[^。；;，,!！?？\n]{0,"
                    + str(TITLE_WORDS) + r"}?政府信息公开(?:工作)?年度报告")
# a listing's date after the title: how far (characters) it may follow the title
DATE_REACH = 30
_DATED = re.compile(r"发布(?:日期|时间)|日期\s*[:：]|(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}")
# how far back (characters) the title's start (the agency's name) may lie before its year
AGENCY_REACH = 40
# a link's target printed after its text by a Markdown converter: ``](/xxgk/ndbg/2022/index.html)``
_LINK_TARGET = re.compile(r"\]?(?:\([^()\s]*\))?")
_PREVIOUS_END = re.compile(r"(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年度报告|阅读全文")
_BOUNDARY = "。；;!！?？\n"


def listing_cut(text: str, year: int | None) -> int | None:
    """The offset where ``text`` (a section's, normalised or not) stops being the report's:
    the start of the first listing title of another year, or None."""
    if year is None:
        return None
    norm = _same_length(text)
    for m in _TITLE.finditer(norm):
        if int(m.group(1)) == year:
            continue
        start = _title_start(norm, m.start())
        target = _LINK_TARGET.match(norm, m.end())  # it may match empty: then the title ends there
        end = m.end() + (len(target.group(0)) if target else 0)
        if _own_line(norm, start, end) or _DATED.search(norm, end, end + DATE_REACH):
            return start
    return None


def _same_length(text: str) -> str:
    """``text`` normalised (full-width digits and colons as ASCII) character by character,
    a character whose normal form is longer (… → ...) kept as printed: offsets stay the text's.
    (One ``str.translate`` in C over a table that learns each character once.)"""
    return text.translate(_SAME_LENGTH)


class _SameLengthTable(dict):
    """A ``str.translate`` table: each code point to its NFKC form where that is one character,
    else to itself; filled as characters are met."""

    def __missing__(self, point: int) -> str:
        ch = chr(point)
        n = nfkc(ch) if point > 0x7F else ch
        self[point] = kept = n if len(n) == 1 else ch
        return kept


_SAME_LENGTH = _SameLengthTable()


def _title_start(text: str, at: int) -> int:
    """The start of the title whose year is at ``at``: after the line or sentence boundary
    before it (within :data:`AGENCY_REACH`), else the year itself."""
    lo = max(0, at - AGENCY_REACH)
    for i in range(at - 1, lo - 1, -1):
        if text[i] in _BOUNDARY:
            return i + 1
    # a listing glued on one line: the title before ends at its date or at 年度报告
    ends = [m.end() for m in _PREVIOUS_END.finditer(text, lo, at)]
    if ends:
        return ends[-1]
    return 0 if lo == 0 else at


def _own_line(text: str, start: int, end: int) -> bool:
    """Is the title a line of its own (nothing after it on its line but closing marks)?"""
    line_start = start == 0 or text[start - 1] == "\n"
    rest = text[end:text.find("\n", end) if "\n" in text[end:] else len(text)]
    return line_start and not rest.strip(" 　)）】]》”\"")


def section_ended(section: SectionText, year: int | None) -> SectionText:
    """The last section without what follows a listing title of another year."""
    cut = listing_cut(section.text, year)
    if cut is None:
        return section
    text = section.text[:cut].rstrip()
    lines = text.count("\n") + 1 if text else 0
    return SectionText(heading=section.heading, text=text, line=section.line, page=section.page,
                       places=section.places[:lines])


__all__ = ["AGENCY_REACH", "DATE_REACH", "TITLE_WORDS", "listing_cut", "section_ended"]
