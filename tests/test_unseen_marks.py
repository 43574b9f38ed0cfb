"""Marks and cell texts found on fresh7's unseen corpus (docs/renderings.md §37): what a
converter writes for what the report printed."""

from ogi import parse
from ogi.template.normalize import clean


def test_a_figure_dash_is_the_en_dash_the_report_printed():
    # pymupdf4llm's table cells print a cell holding "–" (a zero or not-applicable mark) as "‒"
    # (U+2012): it is the same mark, not text that shifts the row's values a column left
    assert clean("‒") == clean("–") == "–"
    text = ("某某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\n|第二十条第(一)项||||\n"
            "|---|---|---|---|\n|信息内容|本年制发件数|本年废止件数|现行有效件数|\n"
            "|规章|‒|‒|‒|\n|行政规范性文件|‒|0|‒|\n\n三、收到和处理政府信息公开申请情况\n")
    report = parse(text.encode(), name="p.md")
    assert report.table2["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert report.table2["normative_documents"] == {"issued": None, "repealed": 0, "in_force": None}
