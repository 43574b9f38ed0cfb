"""Legacy (2008–2018) reports: told from the year and the structure, and their headline
figures read as data with provenance.

Before the 2019 format, reports followed the old 条例's outline (概述; 主动公开政府信息情况;
依申请公开政府信息情况; 政府信息公开的收费及减免情况; 因政府信息公开申请行政复议、提起行政诉讼的情况;
存在的主要问题及改进措施) and, from about 2010, many appended the provincial
“政府信息公开情况统计表”: rows of ``统计指标 | 单位 | 统计数``. Their table words overlap the
current formats' (行政复议, 行政诉讼), so the current format detector would read such a
table as a broken 2019 table. :func:`is_legacy` decides first: a report of a year up to
2018 whose text prints none of the phrases only the 2019/2021 tables print, or any report
that prints the old statistics table's header.

:func:`read_figures` then reads the headline figures. Each figure is known by the labels of
its statistics-table row (``收到申请数``) and by the sentences that state it
(``共收到政府信息公开申请46件``). A row of the table is read as label, unit and number; a
sentence only where its clause names the figure and the number follows it. The table wins
over the text (it is the report's own count); where they differ, the text's number is kept
in provenance as ``text_says`` so a check can report the contradiction. Nothing is
guessed: a figure found nowhere is absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Value
from ..template.normalize import clean
from .tokens import Unit

LAST_LEGACY_YEAR = 2018  # the 2019 format starts with the 2019 reports
# phrases only the current formats' tables print (row labels of table 三)
_CURRENT = ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "结转下年度继续办理", "本年度办理结果")
_OLD_TABLE_HEADER = re.compile(r"统计指标.{0,6}单位.{0,6}统计数")
_OLD_HEADINGS = ("依申请公开政府信息情况", "政府信息公开的收费及减免情况", "因政府信息公开申请行政复议",
                 "政府信息公开情况统计表", "存在的主要问题及改进措施")
_UNITS = ("条", "件", "万元", "元", "个", "人", "次", "人次")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、]|其中:?)")


@dataclass(frozen=True)
class LegacyFigure:
    """A headline figure of the old reports, with the rows and the clause that state it."""

    key: str
    zh: str  # what the figure is, as a finding names it
    unit: str  # the unit the value is in (件, 条, 万元)
    rows: tuple[str, ...]  # statistics-table row labels (numbering removed), exact
    sentence: str | None  # a regular expression of a clause stating it: group 1 is the number


def _said(pattern: str) -> str:
    """A figure's clause, as a pattern compiled when a legacy report is first read (most
    reports are not: its compilation is not paid at start-up)."""
    return pattern


FIGURES: tuple[LegacyFigure, ...] = (
    LegacyFigure("proactive", "主动公开政府信息", "条", ("主动公开政府信息数",),
                 _said(r"主动公开(?:各类)?(?:政府)?信息(?:共计?|总计)?(\d+)条")),
    LegacyFigure("normative_documents", "主动公开规范性文件", "条", ("主动公开规范性文件数",), None),
    LegacyFigure("applications_received", "收到申请", "件", ("收到申请数",),
                 _said(r"(?:收到|受理)(?:各类)?(?:政府信息公开)?(?:申请|依申请公开)(?:共计?)?(\d+)件")),
    LegacyFigure("applications_completed", "申请办结", "件", ("申请办结数",), None),
    LegacyFigure("answers_total", "申请答复", "件", ("申请答复数",), None),
    LegacyFigure("answers_already_public", "属于已主动公开范围", "件", ("属于已主动公开范围数",), None),
    LegacyFigure("answers_granted", "同意公开", "件", ("同意公开答复数",), _said(r"(?<!不)(?<!部分)同意公开(\d+)件")),
    LegacyFigure("answers_partially_granted", "同意部分公开", "件", ("同意部分公开答复数",),
                 _said(r"(?<!不)同意部分公开(\d+)件")),
    LegacyFigure("answers_denied", "不同意公开", "件", ("不同意公开答复数",), _said(r"不同意公开(\d+)件")),
    LegacyFigure("answers_not_own", "不属于本行政机关公开", "件", ("不属于本行政机关公开数",),
                 _said(r"不属于本(?:行政)?机关公开(?:范围)?(\d+)件")),
    LegacyFigure("answers_not_exist", "申请信息不存在", "件", ("申请信息不存在数",), _said(r"申请信息不存在(\d+)件")),
    LegacyFigure("answers_correction", "告知作出更改补充", "件", ("告知作出更改补充数",), None),
    LegacyFigure("answers_other_channel", "告知通过其他途径办理", "件", ("告知通过其他途径办理数",), None),
    LegacyFigure("reviews", "行政复议", "件", ("行政复议数量",), _said(r"行政复议(\d+)件")),
    LegacyFigure("suits", "行政诉讼", "件", ("行政诉讼数量",), _said(r"行政诉讼(\d+)件")),
    LegacyFigure("complaints", "举报投诉", "件", ("举报投诉数量",), None),
    LegacyFigure("fees", "依申请公开收取的费用", "万元", ("依申请公开信息收取的费用",),
                 _said(r"收取(?:各类)?(?:费用|信息处理费)(?:共计?)?(\d+(?:\.\d+)?)万元")),
)
_NO_FEES = re.compile(r"(?:未|没有|不曾)收取(?:任何)?(?:费用|信息处理费|检索费|复制费)|收费(?:为|是)?(?:0|零)")
_BY_ROW = {row: f for f in FIGURES for row in f.rows}


def is_legacy(units: list[Unit], year: int | None) -> bool:
    """A report of the old 条例 (2008–2018): the old statistics table's header, or a year up
    to 2018 with the old outline and none of the current tables' own phrases."""
    raw = "\n".join(u.text for u in units)
    if any(p in raw for p in _CURRENT):  # printed as is: normalising keeps it (the usual case, decided cheaply)
        return False
    text = clean(raw)
    if any(p in text for p in _CURRENT):
        return False
    if _OLD_TABLE_HEADER.search(text):
        return True
    return year is not None and year <= LAST_LEGACY_YEAR and any(h in text for h in _OLD_HEADINGS)


def old_outline(units: list[Unit]) -> bool:
    """Whether the text prints a heading of the old outline (:data:`_OLD_HEADINGS`)."""
    text = clean("\n".join(u.text for u in units))
    return any(h in text for h in _OLD_HEADINGS)


def read_figures(units: list[Unit]) -> tuple[dict[str, Value], dict[str, dict]]:
    """The headline figures (key → value) and their provenance (``legacy.<key>`` → text,
    line/page, and where: ``table`` or ``text``)."""
    values: dict[str, Value] = {}  # every figure read is a number (Value: the report's type)
    provenance: dict[str, dict] = {}
    for unit in units:
        if unit.in_table:
            _table_row(unit, values, provenance)
    for unit in units:
        if not unit.in_table:
            _sentences(unit, values, provenance)
    return values, provenance


def _position(unit: Unit) -> dict:
    pos = getattr(unit, "pos", None)
    return pos.as_dict() if pos is not None else {}


def _table_row(unit: Unit, values: dict, provenance: dict) -> None:
    """``(一)收到申请数 | 件 | 46``: label, unit, number."""
    texts = [t for t in unit.tokens if t.kind == "text"]
    numbers = [t for t in unit.tokens if t.kind == "num"]
    if not texts or len(numbers) != 1:
        return
    label = _NUMBERED.sub("", clean(texts[0].text)).strip()
    figure = _BY_ROW.get(label)
    printed_unit = next((clean(t.text) for t in texts[1:] if clean(t.text) in _UNITS), None)
    if figure is None or figure.key in values or (printed_unit and printed_unit != figure.unit):
        return
    values[figure.key] = numbers[0].value
    provenance[f"legacy.{figure.key}"] = {"text": numbers[0].text, "row": clean(texts[0].text),
                                          "unit": printed_unit, "from": "table", **_position(unit)}


def _sentences(unit: Unit, values: dict, provenance: dict) -> None:
    text = clean(unit.text)
    for figure in FIGURES:
        if figure.sentence is None:
            continue
        m = re.search(figure.sentence, text)
        if not m:
            continue
        said = float(m.group(1)) if "." in m.group(1) else int(m.group(1))
        _stated(figure.key, said, m.group(0), unit, values, provenance)
    no_fees = _NO_FEES.search(text)
    if no_fees:
        _stated("fees", 0, no_fees.group(0), unit, values, provenance)


def _stated(key: str, said: float | int, words: str, unit: Unit, values: dict, provenance: dict) -> None:
    """A figure the text states: the value when the table has none, else kept beside it."""
    where = f"legacy.{key}"
    if key not in values:
        values[key] = said
        provenance[where] = {"text": words, "from": "text", **_position(unit)}
    elif provenance[where].get("from") == "table" and "text_says" not in provenance[where] and said != values[key]:
        provenance[where]["text_says"] = {"text": words, "value": said, **_position(unit)}
