"""The narrative against the tables (TEXT_TABLE_MISMATCH).

The figures a report states in its text about applications (received, answered, carried
over from last year and into next), reviews, suits and normative documents are read
clause by clause and compared with the cells that hold them. A figure counts only when it
is the report's own: a clause whose subject is the agency itself (``我局``, its name), the
whole jurisdiction (``全区``, ``全市``) or no one is compared, and its scope is named in
the finding; a part (``其中…``) or another unit (``区政府办代表区政府…``, ``各部门``) is
not, since its number need not be the table's. Documents are counted per issuing body, so
a count of one body's documents (``区政府规范性文件``) is not compared either. Numbers
about other things (热线, 网络问政, 条信息, 培训) never match a figure's words, and
approximate ones (``300余件``) and changes from last year (``同比增加3件``) are skipped.

Reviews and suits are read figure by figure, each from the words since the figure before
it: ``行政复议5件、行政诉讼12件`` is 5 reviews and 12 suits (not 12 of both), ``…各N件`` N
of each, ``…共N件`` their sum, ``共N件,其中行政复议a件、行政诉讼b件`` the sum and then each,
and ``未发生…行政复议、行政诉讼`` 0 of each (docs/findings.md lists the phrasings).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .. import agency
from ..model import Finding, Report, Value
from ..template import FORMATS, TABLE_NAMES
from ..template.arithmetic import all_known
from .cells import not_assessable, number
from .prose import Sentence, clauses, quote, section_name, sentences

_T2 = TABLE_NAMES["table2"].zh  # 表二
_T3 = TABLE_NAMES["table3"].zh  # 表三
_T4 = TABLE_NAMES["table4"].zh  # 表四

_FIGURE = re.compile(r"(?<![\d.])(\d+)\s*(?:件|起)")
_APPROXIMATE = re.compile(r"(?:约|近|超过|逾|将近|不到|不足)\s*$")
_PART = re.compile(r"其中")
_CHANGE = re.compile(r"同比|比上年|较上年|比去年|较去年|增加|减少|增长|下降|上升|持平")
_DATE_LEAD = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?|今年以来|全年|本年度|一年来|年内)*")
_JURISDICTION = re.compile(r"^(?:全(?:省|市|区|县|镇|乡|旗|州|街道)|我(?:省|市|区|县|镇|乡|旗))")
_SELF = re.compile(r"^(?:我局|我委|我办|我厅|我中心|我单位|我部门|我镇|我乡|我街道|我处|本机关|本单位|本局|本部门|本级|全局)")
_ORGAN = re.compile(r"^[\u4e00-\u9fff]{0,12}?(?:人民政府办公室|政府办公室|政府办|人民政府|政府|办公室|委员会|局|委|厅|"
                    r"中心|办事处|管委会|部门|单位)(?!信息|公开|网站|门户|部门|工作)")
_OTHER_MATTERS = re.compile(r"咨询|热线|问政|留言|来电|来信|信访|投诉|建议|提案|诉求|12345")

_REVIEW = re.compile(r"行政复议")
_SUIT = re.compile(r"行政诉讼|起诉")
_EACH = re.compile(r"各\s*$|分别\s*$|均为\s*$")
_GENERAL_CASES = re.compile(r"(?:办理|审理|受理|收到|承办|办结)[^,]{0,6}行政复议|案件")
_DISCLOSURE = re.compile(r"信息公开|依申请公开|公开申请")
_NONE_OF = re.compile(r"(?:未发生|没有发生|未产生|未出现|没有出现|无)[^,]{0,24}?"
                      r"(?P<named>行政(?:复议|诉讼)(?:[和、及与或]行政(?:复议|诉讼)|[和、及与或](?:复议|诉讼))?)"
                      r"(?:案件|案)?(?:的)?(?:情况|情形|现象|事项)?[。!;]*$")
_CARRIED_OVER = re.compile(r"(?:上年|上一年|去年)度?[^,]{0,4}(?:结转|遗留|未办结)")
_CARRIED_FORWARD = re.compile(r"(?:结转|顺延|转入|转至|延至)[^,]{0,3}(?:下|次|明)一?年")
_RECEIVED = re.compile(r"收到|新收|受理|接收|接到|办理")
_ANSWERED = re.compile(r"答复|办结")
_VERBS = "制定|制发|出台|印发|发布|新增|公开|废止"
_DOCS = re.compile(rf"(?P<verb>{_VERBS})了?(?P<body>(?:(?!{_VERBS})[^,]){{0,8}}?)"
                   r"(?:行政)?(?P<doc>规范性文件|规章)(?:共计?|合计)?\s*$")
_DOCS_IN_FORCE = re.compile(r"现行有效[^,]{0,6}(?P<doc>规范性文件|规章)\s*$")


@dataclass(frozen=True)
class Reading:
    """What the table says about a figure: a cell or a sum of cells."""

    zh: str
    en: str
    value: Value
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    """What a figure counts, and the readings of the table that would agree with it."""

    zh: str
    en: str
    readings: tuple[Reading, ...]
    per_body: bool = False  # documents: counted per issuing body


@dataclass(frozen=True)
class Claim:
    """A figure the text states: what it counts, the number, and where it was read."""

    figure: Figure
    stated: int
    sentence: Sentence
    at: int  # position of the number in the sentence
    scope: str | None  # the scope words, if any


def check_text(report: Report) -> list[Finding]:
    out: list[Finding] = []
    nulls: list[str] = []
    for claim in _claims(report):
        readings = claim.figure.readings
        if any(r.value == claim.stated for r in readings):
            continue
        if any(r.value is None for r in readings):
            nulls += [k for r in readings for k in r.cells if report.value(k) is None]
            continue
        out.append(_mismatch(report, claim))
    if nulls:
        out.append(not_assessable("TEXT_TABLE_MISMATCH", "正文所述数字对应的表格单元格",
                                  "the cells the text's figures refer to", sorted(set(nulls)), None))
    return out


def _mismatch(report: Report, claim: Claim) -> Finding:
    section_zh, section_en = section_name(claim.sentence.section)
    scope_zh = f"(范围:{claim.scope})" if claim.scope else ""
    scope_en = f" (scope: {claim.scope})" if claim.scope else ""
    table_zh = ",".join(f"{r.zh} = {number(r.value)}" for r in claim.figure.readings)
    table_en = ", ".join(f"{r.en} = {number(r.value)}" for r in claim.figure.readings)
    said = quote(claim.sentence.text, claim.at)
    section = report.sections[claim.sentence.section]
    return Finding.of(
        "TEXT_TABLE_MISMATCH",
        f"{section_zh}“{said}”{scope_zh}:{claim.figure.zh} {claim.stated} 件,而{table_zh}",
        f"{section_en} “{said}”{scope_en}: {claim.figure.en} {claim.stated}, but {table_en}",
        f"section.{claim.sentence.section}", *section.locate(claim.sentence.text))


# ------------------------------------------------------------------ reading the figures

def _claims(report: Report) -> list[Claim]:
    found = []
    for sentence in sentences(report):
        subjects: list[str] = []
        for start, clause in clauses(sentence.text):
            subject = _subject(clause)
            if subject:
                subjects.append(subject)
            scope = subjects[-1] if subjects else None
            if scope and not _counts_as_own(scope, report.meta.agency):
                continue
            found += _zero_appeals(report, sentence, start, clause, scope)
            previous = 0  # where the words of the next figure start: after the figure before it
            for m in _FIGURE.finditer(clause):
                head, tail, words = clause[:m.start()], clause[m.end():], clause[previous:m.start()]
                previous = m.end()
                if _APPROXIMATE.search(head) or _CHANGE.search(words):
                    continue  # about 300, or a change from last year (同比增加3件), is no count of this year
                prefix = sentence.text[:start + m.start()]
                figures = _appeals(report, words.rstrip(), prefix) if _appeal_words(words) else []
                if not figures and not _PART.search(head):
                    figure = _figure(report, head.rstrip(), tail)
                    figures = [figure] if figure else []
                for figure in figures:
                    if figure.per_body and scope and not _SELF.match(scope) and not _JURISDICTION.match(scope):
                        continue
                    found.append(Claim(figure, int(m.group(1)), sentence, start + m.start(1), scope))
    return found


def _appeal_words(words: str) -> bool:
    return bool(_REVIEW.search(words) or _SUIT.search(words))


def _zero_appeals(report: Report, sentence: Sentence, start: int, clause: str, scope: str | None) -> list[Claim]:
    """``未发生因政府信息公开引发的行政复议、行政诉讼(案件)``: none of either, a figure of 0
    for each named (a clause that goes on, ``…行政复议被纠错的情况``, says something else)."""
    m = _NONE_OF.search(clause)
    if not m or _FIGURE.search(clause):
        return []
    named = m.group("named")
    figures = []
    if _REVIEW.search(named):
        figures.append(_review(report))
    if "诉讼" in named:
        figures.append(_suits(report))
    return [Claim(f, 0, sentence, start + m.start("named"), scope) for f in figures]


CLAUSES_KEPT = 4096  # short clauses whose scope words are kept (templated sentences repeat across reports)
KEPT_CLAUSE_CHARS = 200  # longer clauses are read without keeping their answer


def _subject(clause: str) -> str | None:
    """The scope words a clause starts with (after a date): 全区, 我局, an organ's name."""
    return _kept_subject(clause) if len(clause) <= KEPT_CLAUSE_CHARS else _read_subject(clause)


@lru_cache(maxsize=CLAUSES_KEPT)
def _kept_subject(clause: str) -> str | None:
    """:func:`_read_subject`, kept per short clause: it depends on the clause's text only."""
    return _read_subject(clause)


def _read_subject(clause: str) -> str | None:
    rest = _DATE_LEAD.sub("", clause)
    for pattern in (_JURISDICTION, _SELF, _ORGAN):
        m = pattern.match(rest)
        if m:
            return m.group(0)
    return None


@lru_cache(maxsize=CLAUSES_KEPT)
def _counts_as_own(scope: str, name: str | None) -> bool:
    """Kept per scope words and agency name (both short; it depends on nothing else): a
    report's clauses name the same few scopes, each read by the agency name parser twice."""
    if _JURISDICTION.match(scope) or _SELF.match(scope):
        return True
    return agency.names_self(scope, name)


def _figure(report: Report, head: str, tail: str) -> Figure | None:
    """What a figure counts, from the words before (and just after) it."""
    for read in _FIGURES:
        figure = read(report, head, tail)
        if figure:
            return figure
    return None


def _sum(report: Report, zh: str, keys: tuple[str, ...]) -> Reading:
    known = all_known([report.value(k) for k in keys])
    return Reading(zh, " + ".join(keys), None if known is None else sum(known), keys)


def _t3(report: Report, zh: str, *rows: str) -> Reading:
    return _sum(report, zh, tuple(f"table3.{r}.total" for r in rows))


def _t4(report: Report, zh: str, *groups: str) -> Reading:
    return _sum(report, zh, tuple(f"table4.{g}.total" for g in groups))


def _review(report: Report) -> Figure:
    return Figure("行政复议", "administrative reviews", (_t4(report, f"{_T4}行政复议总计", "review"),))


def _suits(report: Report) -> Figure:
    return Figure("行政诉讼", "suits", (_t4(report, f"{_T4}两类行政诉讼总计之和", "litigation_direct",
                                            "litigation_after_review"),))


def _appeals(report: Report, words: str, prefix: str) -> list[Figure]:
    """The figures of reviews and suits a number stands for, from the words between the
    figure before it and it (``行政复议5件、行政诉讼12件``: 5 reviews, then 12 suits).
    ``行政复议、行政诉讼共N件`` is their sum, ``…各N件`` N of each. A count of cases in
    general (``全年办理行政复议案件100件`` in a 司法局's report) is not the table's,
    unless the sentence says it is about disclosure (``政府信息公开``)."""
    if _GENERAL_CASES.search(words) and not _DISCLOSURE.search(prefix):
        return []
    review = _REVIEW.search(words)
    review = review if review and not re.search(r"复议后|经复议", words[review.end():]) else None
    suit = _SUIT.search(words)
    if review and suit and _EACH.search(words):
        return [_review(report), _suits(report)]
    if review and suit:
        return [Figure("行政复议和行政诉讼", "reviews and suits", (
            _t4(report, f"{_T4}三项总计之和", "review", "litigation_direct", "litigation_after_review"),))]
    if review:
        return [_review(report)]
    if not suit:
        return []
    if re.search(r"直接起诉|未经复议", words):
        return [Figure("直接起诉的行政诉讼", "suits without review",
                       (_t4(report, f"{_T4}未经复议直接起诉总计", "litigation_direct"),))]
    if re.search(r"复议后", words):
        return [Figure("复议后起诉的行政诉讼", "suits after review",
                       (_t4(report, f"{_T4}复议后起诉总计", "litigation_after_review"),))]
    return [_suits(report)]


def _carried(report: Report, head: str, tail: str) -> Figure | None:
    if _CARRIED_OVER.search(head):
        return Figure("上年结转申请", "applications carried over",
                      (_t3(report, f"{_T3}“二、上年结转”总计", "carried_over"),))
    if _CARRIED_FORWARD.search(head) or _CARRIED_FORWARD.match(re.sub(r"^申请", "", tail)):
        return Figure("结转下年度申请", "applications carried forward",
                      (_t3(report, f"{_T3}“四、结转下年度继续办理”总计", "carried_forward"),))
    return None


def _applications(report: Report, head: str, tail: str) -> Figure | None:
    if _OTHER_MATTERS.search(head):
        return None
    if _ANSWERED.search(head) and not _RECEIVED.search(head):
        return Figure("答复申请", "applications answered", (_t3(report, f"{_T3}“(七)总计”", "total"),))
    if not (_RECEIVED.search(head) and "申请" in head):
        return None
    readings: tuple[Reading, ...] = (_t3(report, f"{_T3}“一、本年新收”总计", "new_received"),
                _t3(report, "加上年结转", "new_received", "carried_over"))
    if "办理" in head:
        readings += (_t3(report, f"{_T3}“(七)总计”", "total"),)
    return Figure("收到申请", "applications received", readings)


def _documents(report: Report, head: str, tail: str) -> Figure | None:
    m = _DOCS_IN_FORCE.search(head)
    if m:
        return _document_figure(report, m.group("doc"), ("in_force",), "现行有效")
    m = _DOCS.search(head)
    if not m:
        return None
    body = m.group("body")
    if body and not _SELF.match(body) and (_ORGAN.match(body) or "部门" in body):
        return None  # a named body's documents
    if m.group("verb") == "废止":
        return _document_figure(report, m.group("doc"), ("repealed",), "废止")
    return _document_figure(report, m.group("doc"), ("issued", "made", "published"), "制发")


def _document_figure(report: Report, doc: str, columns: tuple[str, ...], verb: str) -> Figure | None:
    fmt = FORMATS.get(report.meta.template or "")
    if fmt is None:
        return None
    printed = fmt.table2.row("regulations" if doc == "规章" else "normative_documents")
    labels = {col: label for (_, col, _), label in zip(printed.cells, printed.column_labels)}
    row = printed.key
    readings = tuple(Reading(f"{_T2}“{printed.label}”的“{labels[col]}”", f"table2.{row}.{col}",
                             report.value(f"table2.{row}.{col}"), (f"table2.{row}.{col}",))
                     for col in columns if col in labels)
    if not readings:
        return None
    return Figure(f"{verb}{doc}", f"{row.replace('_', ' ')} ({verb})", readings, per_body=True)


_FIGURES: tuple[Callable[[Report, str, str], Figure | None], ...] = (_carried, _documents, _applications)
