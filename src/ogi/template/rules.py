"""Every finding code, as data: severity, what it means in Chinese and English, and for
the consistency rules the cells they read.

The codes are those of ``template.md`` section 4; they are stable and consumers key on
them. Messages of individual findings are written by the stage that raises them; the
descriptions here say what the rule is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Rule:
    """A finding code: its severity and its description in Chinese and English."""

    code: str
    severity: Severity
    zh: str
    en: str
    reads: str = ""  # the cells the rule reads, in schema keys ("" for structural findings)


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    # hard rules: the format itself implies them
    Rule("T3_BALANCE", E, "表三每一列:本年新收+上年结转 应等于 (七)总计+结转下年度继续办理",
         "table 三, every column: new_received + carried_over = total + carried_forward",
         "table3.{new_received,carried_over,total,carried_forward}.*"),
    Rule("T3_ROW_TOTAL", E, "表三每一行:总计 应等于 六类申请人之和",
         "table 三, every row: total = sum of the six applicant columns", "table3.*.*"),
    Rule("T3_OUTCOME_TOTAL", E, "表三每一列:(七)总计 应等于 各项办理结果之和",
         "table 三, every column: total = sum of all outcome rows", "table3.{granted…other}.*"),
    Rule("T4_TOTAL", E, "表四:复议、直接起诉、复议后起诉的总计 应等于 维持+纠正+其他+尚未审结",
         "table 四: each total = upheld + corrected + other + pending", "table4.*.*"),
    Rule("VALUE_NEGATIVE", E, "数量不应为负数(仅“本年增/减”可为负)",
         "a count below zero (only items_change may be negative)", "table2.*.*, table3.*.*, table4.*.*"),
    Rule("VALUE_NOT_INTEGER", E, "数量应为整数", "a count with a fraction", "table2.*.*, table3.*.*, table4.*.*"),
    Rule("SECTION_MISSING", E, "缺少规定的部分", "one of the six sections is missing"),
    Rule("TABLE_MISSING", E, "缺少规定的统计表", "one of the three tables is missing"),
    # structure, raised by the parser
    Rule("ROW_MISSING", W, "表中缺少规定的行", "a template row is not in the table"),
    Rule("ROW_LABEL_MISSING", W, "行标题缺失,按位置确定该行", "a row placed by position: its label is lost"),
    Rule("ROW_AMBIGUOUS", W, "无法确定数值所属的行,未采用", "values that could not be placed on a row"),
    Rule("CELL_TEXT", W, "数值单元格中是文字", "a value cell holds text"),
    Rule("CELL_BLANK", W, "数值单元格为空", "a value cell is blank"),
    Rule("CELL_NOT_APPLICABLE", I, "数值单元格为“/”“—”或“无”", "a value cell holds / — or 无"),
    Rule("CELL_AMBIGUOUS", W, "数字粘连,有多种拆分方式,未采用", "glued digits that split more than one way"),
    Rule("NO_DATA", W, "表格未填写任何数值", "every value is blank: an unfilled form"),
    Rule("TEMPLATE_YEAR_MISMATCH", W, "报告所用格式与报告年度不符", "the format does not fit the report year"),
    Rule("TEMPLATE_DEVIATION", W, "报告偏离了规定格式", "the report departs from its format"),
    Rule("TEMPLATE_UNKNOWN", W, "无法识别报告格式", "neither the 2019 nor the 2021 format was recognised"),
    Rule("TABLE_REPEATED", I, "统计表在报告之后(附表)再次印出,两处数值一致,按一处读入",
         "a table printed again after the report (an annex), its numbers the same: read once"),
    Rule("TABLE_COPIES_DIFFER", W, "统计表印了两次,该单元格两处数值不同,取空值",
         "a table printed twice whose copies differ in this cell: null"),
    Rule("RULE_NOT_ASSESSABLE", I, "规则的输入有空值,无法判断", "a rule could not be assessed: an input is null"),
    # plausibility
    Rule("T2_STOCK", W, "表二:现行有效件数 应不少于 本年制发−本年废止", "2021: in_force ≥ issued − repealed",
         "table2.{regulations,normative_documents}.*"),
    Rule("T2_PUBLISHED", W, "表二:对外公开总数量 应不少于 本年新公开数量", "2019: total_published ≥ published",
         "table2.{regulations,normative_documents}.*"),
    Rule("T2_CHANGE_LARGE", W, "表二:本年增/减 的绝对值大于上一年项目数量", "2019: |items_change| > items_prev_year",
         "table2.*.{items_prev_year,items_change}"),
    Rule("AMOUNT_UNIT", W, "金额单位不符或缺失", "an amount in 元 under a 万元 column, or without a unit",
         "table2.{fees,procurement}.amount"),
    Rule("TEXT_TABLE_MISMATCH", W, "正文数字与表格不一致", "a number in the text contradicts the table",
         "sections; table3.{new_received,carried_over,total,carried_forward}.total, table4.*.total, "
         "table2.{regulations,normative_documents}.*"),
    Rule("YEAR_MISMATCH_TEXT", W, "正文把其他年份当作本年度", "the text speaks of another year as this year's",
         "meta.year; section.s5, section.s6"),
    Rule("PUBLISHED_EARLY", W, "发布日期早于报告年度结束", "published before the report year ended",
         "meta.{year,published_date}"),
    Rule("PUBLISHED_LATE", W, "发布日期晚于法定期限", "published after the deadline", "meta.{year,published_date,agency}"),
    Rule("FEE_NOT_REPORTED", I, "第六部分未说明信息处理费收取情况", "section 六 says nothing of 信息处理费", "section.s6"),
    Rule("FEE_CONTRADICTION", W, "有逾期未缴费的申请,正文却称未发出收费通知",
         "other.no_fee > 0 but section 六 says no fee notices were issued", "table3.other.no_fee.total; section.s6"),
    Rule("PROBLEMS_TRIVIAL", W, "第五部分过于简单", "section 五 is empty, 无, or one sentence", "section.s5"),
    Rule("OVERVIEW_INCOMPLETE", W, "第一部分未涵盖规定的各方面", "section 一 misses required aspects", "section.s1"),
    # across reports
    Rule("CROSS_YEAR_CARRY", W, "本年上年结转 与上年结转下年度继续办理 不一致",
         "carried_over(Y) ≠ carried_forward(Y−1)", "table3.carried_over.* (Y); table3.carried_forward.* (Y−1)"),
    Rule("CROSS_YEAR_STOCK", W, "现行有效件数 与上年数、制发、废止不衔接",
         "in_force(Y) ≠ in_force(Y−1) + issued(Y) − repealed(Y)",
         "table2.{regulations,normative_documents}.{issued,repealed,in_force} (Y, Y−1)"),
    Rule("CROSS_YEAR_ITEMS", W, "上一年项目数量 与上年报告不衔接",
         "items_prev_year(Y) ≠ items_prev_year(Y−1) + items_change(Y−1)",
         "table2.*.{items_prev_year,items_change} (Y, Y−1)"),
    Rule("TEXT_COPIED", W, "正文与上年或其他机关报告大量雷同", "sections 一/五 largely copied",
         "section.s1, section.s5 (of each report)"),
    Rule("ROLLUP_MISMATCH", W, "政府报告与所属部门报告之和不一致", "a government's table ≠ sum of its departments'"),
    Rule("OCR_LOW_CONFIDENCE", W, "OCR 识别置信度低", "a value read by OCR below the confidence threshold"),
    # the application ledger (ogi.ledger): statutory deadlines, 条例 Art. 30 and 33
    Rule("REPLY_OVERDUE", W, "申请答复超过法定期限(20个工作日,延期再加20个)",
         "an application replied (or still open) after its statutory deadline", "ledger"),
    Rule("REPLY_DUE_SOON", I, "未答复的申请即将到期", "an open application close to its deadline", "ledger"),
    Rule("CORRECTION_LATE", W, "补正通知晚于收到申请后7个工作日",
         "the correction notice went out after 7 working days", "ledger"),
    Rule("OCR_UNSETTLED", W, "OCR 读数无法由勾稽关系确认,取空值",
         "a value read by OCR that the identities cannot settle (a sign, a dropped digit, a confusable digit, or below 0.99 confidence where no sum checks it); null"),
    # input
    Rule("NOT_A_REPORT", E, "不是政府信息公开工作年度报告", "the input is not an annual report"),
)

BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}


def rule(code: str) -> Rule:
    return BY_CODE[code]


def rules_markdown() -> str:
    """Every finding code as a Markdown table (``docs/finding-codes.md`` is this text)."""
    rows = ["# Finding codes", "",
            "Generated from `ogi.template.rules` (`python -c \"from ogi.template.rules import rules_markdown; "
            "print(rules_markdown(), end='')\" > docs/finding-codes.md`); a test keeps this page equal to it.",
            "Codes are stable: consumers key on them. Each finding's own message is written by the stage that",
            "raises it; the descriptions below say what the rule is.", "",
            "| code | severity | 说明 | meaning | cells read |", "|---|---|---|---|---|"]
    for rule in RULES:
        cells = [rule.code, rule.severity.value, rule.zh, rule.en, rule.reads]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"
