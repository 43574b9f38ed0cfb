"""Legacy (2008–2018) reports: the 2019/2021 rules do not apply (no official tables or
sections), but a figure the text states against the same figure in the old statistics
table (``extract.legacy`` keeps the text's number beside the table's as ``text_says``) is
a contradiction as in any report (TEXT_TABLE_MISMATCH)."""

from __future__ import annotations

from ..extract.legacy import FIGURES
from ..model import Finding, Report
from .cells import number

_NAMES = {f.key: (f.zh, f.unit) for f in FIGURES}


def check_legacy(report: Report) -> list[Finding]:
    out = [Finding.of("RULE_NOT_ASSESSABLE", "旧格式(2008—2018年)报告没有规定的统计表和部分,2019/2021 年格式的规则不适用",
                      "a legacy (2008–2018) report: the rules of the 2019/2021 formats do not apply", "meta.template")]
    for where, prov in sorted(report.provenance.items()):
        said = prov.get("text_says") if where.startswith("legacy.") else None
        if not said:
            continue
        zh, unit = _NAMES[where.split(".", 1)[1]]
        table = (report.legacy or {}).get(where.split(".", 1)[1])
        out.append(Finding.of(
            "TEXT_TABLE_MISMATCH",
            f"正文“{said['text']}”:{zh} {number(said['value'])} {unit},而统计表“{prov.get('row', '')}”为 {number(table)} {unit}",
            f"the text “{said['text']}” gives {number(said['value'])}, the statistics table's row “{prov.get('row', '')}” "
            f"{number(table)} ({where})", where, line=said.get("line"), page=said.get("page")))
    return out
