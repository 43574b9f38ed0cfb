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


def test_a_grid_cell_holding_a_picture_is_cut_by_the_columns_and_blanked():
    text = ("+--------+----+----+\n"
            "| |表头| |    |    |\n"
            "+========+====+====+\n"
            "| 规章   | 1  | 12 |\n"
            "+--------+----+----+\n"
            "| 1      | 0  | 3  |\n"
            "| .属于  |    |    |\n"
            "+--------+----+----+\n"
            "\n"
            ".. |表头| image:: data:image/png;base64,AAAA")
    out = markup_tables_as_pipes(text).split("\n")
    assert out[:8] == ["", "|  |  |  |", "", "| 规章 | 1 | 12 |", "", "| 1.属于 | 0 | 3 |", "", ""]
    # a picture whose reference crosses a column's edge leaves the table as it is
    crossing = text.replace("| |表头| |    |", "| |表头表头|    |")
    assert markup_tables_as_pipes(crossing) == crossing


def test_a_grid_table_with_a_span_is_left_as_it_is():
    text = "+----+----+\n| 规章      |\n+----+----+\n| 1  | 2  |\n+----+----+"
    assert markup_tables_as_pipes(text) == text


def test_a_row_of_a_table_nested_in_a_layout_cell_is_split_at_its_gaps():
    """pandoc's plain text of a page whose report sits in a layout table's cell: the report's
    own tables print in the cell as simple tables, their rows wrapped at the cell's width."""
    text = ("+-------------+\n"
            "|  规章   2   |\n"
            "| 0     6     |\n"
            "|         0   |\n"
            "| 0   12      |\n"
            "+-------------+")
    # 2 ⏎ 0, 6 ⏎ 0: a line of several words stopping short broke at a gap; 0 ⏎ 0: no count
    # starts with a 0 (main read 20, 60 and 00)
    assert markup_tables_as_pipes(text).split("\n")[1] == "| 规章   2 0     6 0 0   12 |"


def test_a_number_alone_in_a_narrow_cell_is_joined_wherever_it_was_cut():
    text = "+-------+\n| 2     |\n| 5.226 |\n| 8万元 |\n+-------+"
    assert markup_tables_as_pipes(text).split("\n")[1] == "| 25.2268万元 |"


def _padded(cells: list[str], widths: list[int]) -> str:
    """A grid row's line: each cell padded to its width in display columns (an ideograph two)."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    return "|" + "|".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)) + "|"


def test_a_layout_table_holding_a_grid_table_is_unnested():
    widths = [24, 10]
    rule = "+" + "+".join("-" * w for w in widths) + "+"
    rows = [[" 报告标题的第一", " 指南"], [" 行续", " 公开年报"], ["", ""],
            [" +--------+-------+", ""], [" | 规章   | 0     |", ""], [" +--------+-------+", ""],
            [" | +----------+---", ""], [" | 3    | 0 |", ""]]
    text = "\n".join([rule] + [_padded(r, widths) for r in rows] + [rule, "后记"])
    assert markup_tables_as_pipes(text).split("\n") == [
        "指南 公开年报",  # the other cell's text, on the rule above the row
        "报告标题的第一行续", "",  # the cell's wrapped line joined
        "", "", "| 规章 | 0 |", "",  # its own grid table, a pipe row
        "", "",  # what is left of a table the cell wrapped: emptied, its | 3 | no value
        "", "后记"]


def test_a_report_in_a_layout_table_reads_exactly_in_pandocs_plain_text():
    """fresh9 wild44 00008 ``layout_table`` (pandoc -t plain): before, 0 of 207 cells (the
    table's rows wrapped in the cell read 0 ⏎ 0 as 00, its rule lines as values)."""
    want = json.loads((FIXTURES / "layout_table.json").read_text(encoding="utf-8"))
    score = score_report(want, parse(FIXTURES / "plain_layout_table.txt"))
    assert (score.right, score.cells, score.meta_right, score.meta) == (207, 207, 5, 5)


def test_a_report_in_a_layout_table_is_null_with_findings_in_rst_where_its_tables_were_wrapped():
    """The same page as reStructuredText: the report's tables, grid tables wider than the
    layout's cell, are wrapped there and cannot be read — 197 cells null with findings (before:
    396 cells of 4 reports null with no finding), table 二's 10 read, none wrong."""
    want = json.loads((FIXTURES / "layout_table.json").read_text(encoding="utf-8"))
    score = score_report(want, parse(FIXTURES / "rst_layout_table.txt"))
    assert (score.right, score.null_flagged, score.wrong_flagged, score.null_silent, score.wrong_silent) == (
        10, 197, 0, 0, 0)
    assert score.meta_right == score.meta


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
    # table 三's header pasted as a picture (fresh19 wild7 header_image): its |表头| reference split
    # the header line into extra fields and the table was read as text, a row off (13 wrong, with findings)
    ("rst_header_image.txt", "rst_header_image.json"),
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


WIDTH_TABLE = """[width="99%",cols="10%,10%,10%,10%",options="header",]
|===
|表头 | |
|甲 |乙 |丙 |丁

|(二)部分公开 |9 |0
|9

|a |1 |2 |3
|===
"""


def test_an_asciidoc_table_with_widths_and_uneven_header_rows_joins_its_wrapped_rows():
    """pandoc writes ``[width=…,cols=…]`` where the page set widths; the header's spans leave it
    rows of other widths, so the table is not rewritten whole — but a body row of exactly four
    cells wrapped over two lines is one row again, written as pandoc writes an unwrapped one."""
    out = markup_tables_as_pipes(WIDTH_TABLE).split("\n")
    assert out[5:7] == ["|(二)部分公开 |9 |0 |9", ""]
    assert out[8] == "|a |1 |2 |3"  # one line already: as it was


def test_an_asciidoc_layout_table_with_widths_is_left():
    text = '[width="100%",cols="50%,50%",]\n|===\n|政府信息公开专栏 |\n\na|\n== 标题\n\n正文 |\n|===\n'
    assert markup_tables_as_pipes(text) == text


def test_wild4_asciidoc_with_widths_reads_exactly():
    """wild4 00005 (pandoc_asciidoc): (二)'s row wrapped after its fifth value; its 9 and 0 were
    read as a row of their own and 9 went under 商业企业."""
    report = parse(FIXTURES / "asciidoc_width_cols_wrapped_row.txt")
    assert report.table3["partially_granted"] == {"natural_person": 9, "commercial": 0, "research": 0,
                                                  "social_welfare": 0, "legal_service": 0, "other_org": 0,
                                                  "total": 9}
