"""What sections 一, 五 and 六 must say: the overview covers its five aspects, the
problems are more than a line, and (2021 format) the 信息处理费 is reported and not
contradicted by table 三."""

from __future__ import annotations

import re

from ..model import Finding, Report
from ..template import TABLE_NAMES
from .cells import not_assessable
from .prose import section_name, section_text, sentences

_T3 = TABLE_NAMES["table3"].zh  # 表三

# section 一's required aspects (template.md §2) and the wordings that cover each
OVERVIEW_ASPECTS: tuple[tuple[str, str, re.Pattern], ...] = (
    ("主动公开", "proactive disclosure", re.compile(r"主动公开|主动发布")),
    ("依申请公开", "disclosure on request", re.compile(r"依申请|申请公开|公开申请")),
    ("政府信息管理", "information management", re.compile(r"信息[^。]{0,6}管理|审核|审查|审批|把关")),
    ("平台建设", "platforms", re.compile(r"平台|网站|新媒体|公开栏|公示栏|政务微博|微信")),
    ("监督保障", "oversight and support", re.compile(r"监督|保障|考核|培训|问责|责任追究|评议|督查|督导")),
)
_FEE = re.compile(r"处理费|收费|收取[^。]{0,12}费|费用")
_NO_NOTICE = re.compile(r"(?:未|没有|无|不曾)(?:向[^,。]{0,10})?(?:发出|出具|下发|送达|发送|开具)过?(?:任何)?[^,。]{0,6}"
                        r"(?:收费|缴费)通知|(?:收费|缴费)通知书?[^,。\d]{0,4}(?:0|零)\s*(?:份|件|次)")
_NOTHING = re.compile(r"^(?:无|暂无|没有|无其他需要报告的事项|暂无其他需要报告的事项)?[。.]?$")
TRIVIAL_SENTENCES = 1  # section 五 with at most this many sentences says nothing


def check_sections(report: Report) -> list[Finding]:
    out = _overview(report) + _problems(report)
    if report.meta.template == "2021":
        out += _fee(report)
    return out


def _at(report: Report, key: str) -> dict:
    section = report.sections.get(key)
    return {"line": section.line, "page": section.page} if section else {}


def _overview(report: Report) -> list[Finding]:
    text = section_text(report, "s1")
    if not text:
        return []  # SECTION_MISSING says so
    missing = [(zh, en) for zh, en, words in OVERVIEW_ASPECTS if not words.search(text)]
    if not missing:
        return []
    return [Finding.of("OVERVIEW_INCOMPLETE", f"第一部分没有谈到:{'、'.join(zh for zh, _ in missing)}",
                       f"section 一 says nothing of: {', '.join(en for _, en in missing)}", "section.s1",
                       **_at(report, "s1"))]


def _problems(report: Report) -> list[Finding]:
    if "s5" not in report.sections:
        return []  # SECTION_MISSING says so
    text = section_text(report, "s5")
    said = sentences(report, ("s5",))
    if not _NOTHING.match(text) and len(said) > TRIVIAL_SENTENCES:
        return []
    shown = f"“{text}”" if text else "空白"
    return [Finding.of("PROBLEMS_TRIVIAL", f"第五部分只有{shown}", f"section 五 holds only {shown if text else 'nothing'}",
                       "section.s5", **_at(report, "s5"))]


def _fee(report: Report) -> list[Finding]:
    """Section 六 (or, with its heading lost, the whole text) must speak of the fee; it
    must not say no fee notice went out when table 三 counts applications dropped for
    a fee not paid. Table 二's 行政事业性收费 is another matter."""
    six = section_text(report, "s6") if "s6" in report.sections else \
        "\n".join(section_text(report, s) for s in report.sections)
    out: list[Finding] = []
    if not _FEE.search(six):
        out.append(Finding.of("FEE_NOT_REPORTED", "第六部分没有说明信息处理费的收取情况",
                              "section 六 does not say what 信息处理费 was collected", "section.s6", **_at(report, "s6")))
    notice = _NO_NOTICE.search(six)
    if notice:
        key = "table3.other.no_fee.total"
        dropped = report.value(key)
        if dropped is None:
            out.append(not_assessable("FEE_CONTRADICTION", _T3, "table 3", [key], "table3.other.no_fee"))
        elif dropped > 0:
            zh, en = section_name("s6")
            out.append(Finding.of(
                "FEE_CONTRADICTION",
                f"{zh}称“{notice.group(0)}”,而{_T3}“申请人逾期未按收费通知要求缴纳费用”有 {dropped} 件",
                f"{en} says “{notice.group(0)}”, but table 3 counts {dropped} applications dropped for a fee not paid "
                f"({key})", key, **_at(report, "s6")))
    return out
