"""Tables in the syntax of text markup languages (readers/markup_tables.py) and Jira's escapes
(readers/pandoc_marks.py), found on fresh8's unseen corpus (docs/renderings.md §48): a report
page converted by ``pandoc -t rst|asciidoc|mediawiki|jira`` reads exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.readers.markup_tables import markup_tables_as_pipes
from ogi.synth.shapes.score import score_report

FIXTURES = Path(__file__).parent / "fixtures" / "markup"


def test_a_grid_table_row_wrapped_over_lines_is_one_pipe_row():
    text = ("前言\n"
            "+-------+-----+------+\n"
            "| 3     | 0   | 12   |\n"
            "| .危及 |     | 3    |\n"
            "| 稳定  |     |      |\n"
            "+=======+=====+======+\n"
            "| 规章  |     | 0    |\n"
            "+-------+-----+------+\n"
            "后记")
    out = markup_tables_as_pipes(text).split("\n")
    # a cell's pieces joined (a label cut at its numbering, a number wrapped); a blank cell kept
    assert out == ["前言", "", "| 3.危及稳定 | 0 | 123 |", "", "", "", "| 规章 |  | 0 |", "", "后记"]


def test_a_grid_table_with_a_span_is_left_as_it_is():
    text = "+----+----+\n| 规章      |\n+----+----+\n| 1  | 2  |\n+----+----+"
    assert markup_tables_as_pipes(text) == text


def test_an_asciidoc_row_wrapped_over_lines_is_grouped_by_its_columns():
    text = ('[cols=",,,",options="header",]\n|===\n|信息内容 |本年制发件数\n|本年废止件数 |现行有效件数\n\n'
            "|规章 | |0 |3\n|===\n")
    assert markup_tables_as_pipes(text).split("\n") == ["", "", "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
                                                        "", "", "| 规章 |  | 0 | 3 |", "", ""]
    # a cell's words wrapped onto the next line (a label printed with spaces: 结果 维持)
    wrapped = '[cols=",,",]\n|===\n|结果\n维持 |总计 |0\n|==='
    assert markup_tables_as_pipes(wrapped).split("\n") == ["", "", "| 结果维持 | 总计 | 0 |", "", ""]
    # cells that do not fill whole rows: not the plain syntax, left
    broken = '[cols=",,,",]\n|===\n|规章 |0 |3\n|==='
    assert markup_tables_as_pipes(broken) == broken


def test_a_mediawiki_table_a_cell_a_line_is_a_row_a_line():
    text = "{|\n! 信息内容\n! 本年制发件数\n|-\n| 规章\n| style=\"x\" | 0\n|-\n| 文件 || 2\n|}"
    assert markup_tables_as_pipes(text).split("\n") == ["", "| 信息内容 | 本年制发件数 |", "", "", "| 规章 | 0 |", "",
                                                        "", "| 文件 | 2 |", ""]
    spanned = "{|\n| rowspan=\"2\" | 规章\n| 0\n|}"
    assert markup_tables_as_pipes(spanned) == spanned


def test_a_jira_escaped_sign_or_bracket_at_a_cell_start_is_the_printed_text():
    text = ("某某局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "| 第二十条第(五)项 |  |  |  |\n| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
            "| 行政许可 | 1863 | \\-429 | 6647 |\n")
    report = parse(text.encode(), name="j.txt")
    assert report.table2["licensing"] == {"items_prev_year": 1863, "items_change": -429, "decisions": 6647}


@pytest.mark.parametrize("name,expected", [
    ("rst_old_columns.txt", "old_columns.json"), ("asciidoc_old_columns.txt", "old_columns.json"),
    ("mediawiki_old_columns.txt", "old_columns.json"), ("jira_old_columns.txt", "old_columns.json"),
    ("jira_explain_rows.txt", "explain_rows.json"), ("org_old_columns.txt", "old_columns.json"),
    ("mediawiki_joint.txt", "joint.json"),
    # blank cells beside a label whose colspan pandoc flattened into empty cells (fresh6 wild40
    # zero_blank): as TAB fields, 6 zeros were read a column off; as pipe rows, in place
    ("mediawiki_zero_blank.txt", "zero_blank.json"), ("rst_zero_blank.txt", "zero_blank.json"),
])
def test_pandoc_markup_of_a_wild_page_reads_exactly(name, expected):
    # before: rst 608 wrong numbers (with findings) in 18 reports, mediawiki 13% of cells, asciidoc and
    # jira wrong numbers in table 二 (docs/renderings.md §48)
    want = json.loads((FIXTURES / expected).read_text(encoding="utf-8"))
    score = score_report(want, parse(FIXTURES / name))
    assert score.right == score.cells, score.examples
    assert score.meta_right == score.meta


@pytest.mark.parametrize("name", ["org_old_columns.txt", "asciidoc_old_columns.txt", "mediawiki_old_columns.txt",
                                  "jira_old_columns.txt", "rst_old_columns.txt"])
def test_a_markup_heading_is_the_title_without_its_marks(name):
    # before: "*涪城区商务局…" (Org), "h1.{anchor:…}…" (Jira) read as the title and agency
    meta = parse(FIXTURES / name).meta
    assert meta.title == "涪城区商务局2019年度政府信息公开工作年度报告"
    assert meta.agency == "涪城区商务局"


def test_a_mediawiki_anchor_above_a_heading_is_not_the_title():
    meta = parse(FIXTURES / "mediawiki_joint.txt").meta
    assert meta.title == "湾沚区滨江新区办事处湾沚区财政局2021年度政府信息公开工作年度报告"
    assert meta.agency.startswith("湾沚区滨江新区办事处")


def test_heading_marks_need_a_title_and_two_sections():
    text = "= 一行\n正文"
    assert markup_tables_as_pipes(text) == text
