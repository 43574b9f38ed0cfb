"""Reports that leave zeros blank, in the multi-line text renderings (docs/renderings.md §31).

Each fixture is a synthetic wild report (``ogi synth 40 --formats wild_html --seed 5151``,
reports 00012 and 00032, ``zero_blank``: some zeros printed ``0``, others left blank, which
the expected values hold as null) in one converter's rendering. Every row pinned here was a
wrong number (with a finding) or a lost row before."""

from __future__ import annotations

from pathlib import Path

from ogi import parse
from ogi.readers.text import (
    _continued_cells,
    _runs_of_equal_rows,
    _spans_shown,
    _tab_row,
    parse_text,
)

FIXTURES = Path(__file__).parent / "fixtures"
BLANK7 = dict.fromkeys(("natural_person", "commercial", "research", "social_welfare", "legal_service",
                        "other_org", "total"))


def row3(**values) -> dict:
    return {**BLANK7, **values}


def row4(**values) -> dict:
    return {**dict.fromkeys(("upheld", "corrected", "other", "pending", "total")), **values}


# ------------------------------------------------------------------ markitdown: a span's `` |`` cells

def test_markitdowns_one_space_cells_continue_the_label_before_them():
    # `| 二、上年结转… | | |  |  | 0 | 0 |  |  |  |`: markdownify writes a label spanning three
    # columns as the label and two one-space cells, an empty cell as two spaces; read as three
    # blank value cells the zeros landed under 法律服务机构 and 其他
    report = parse(FIXTURES / "markdown" / "markitdown_zero_blank.md")
    assert report.table3["carried_over"] == row3(research=0, social_welfare=0)
    assert report.table3["new_received"] == row3(natural_person=94, commercial=0, research=0, total=94)
    assert report.table3["total"] == row3(natural_person=83, social_welfare=0, other_org=0, total=83)
    assert report.table4["litigation_after_review"] == row4(upheld=0, pending=0)
    assert report.table4["review"] == row4()


def test_one_space_cells_are_spans_only_where_the_table_pads_its_empty_cells():
    assert _continued_cells("| 二、上年结转 | | |  |  | 0 | 0 |") == frozenset({1, 2})
    assert _continued_cells("| 申请人情况 | | | |") == frozenset()  # a header row: no value
    assert _continued_cells("| 0 | |  | 1 |") == frozenset({1})  # after a value (read only after a label)
    lines = ["| 一、本年新收 | | | 94 |  |", "| 二、上年结转 | | | 5 | 0 |"]
    assert _spans_shown(lines) == [frozenset({1, 2}), frozenset({1, 2})]
    # no empty cell printed with two spaces: one space may be how this writer prints an empty cell
    assert _spans_shown(["| 规章 | | 5 |", "| 规范性文件 | 1 | 2 |"]) == [frozenset(), frozenset()]
    doc = parse_text("| 一、本年新收政府信息公开申请数量 | | | 94 |  | 0 |\n| 二、上年结转政府信息公开申请数量 | | |  | 3 |  |\n")
    row = doc.blocks[0].rows()[1]
    assert [(c.text, c.col, c.colspan) for c in row] == [
        ("二、上年结转政府信息公开申请数量", 0, 3), ("", 3, 1), ("3", 4, 1), ("", 5, 1)]


# ------------------------------------------------------------------ trafilatura: tables in one block

def test_trafilaturas_tables_in_one_block_are_read_each_as_its_own_grid():
    # trafilatura prints table 二, 三 and 四 with no line between: rows of 4, 10 and 15 cells in
    # one block; table 三's rows, a grid of their own, show its three label columns
    report = parse(FIXTURES / "txt" / "trafilatura_zero_blank.txt")
    assert report.table3["total"] == row3(commercial=0, research=0)
    assert report.table3["carried_forward"] == row3(research=0)
    assert report.table3["new_received"] == row3(commercial=0, total=0)
    assert report.table4["review"] == row4(upheld=0, other=0)
    assert report.table4["litigation_direct"] == row4(corrected=0, pending=0)
    assert report.table4["litigation_after_review"] == row4(corrected=0)


def test_runs_of_rows_with_as_many_cells():
    rows = [(1, ["a", "b"]), (2, ["c", "d"]), (3, ["e", "f", "g"]), (4, ["h", "i"])]
    assert [[r for r, _, _ in run] for run in _runs_of_equal_rows(rows)] == [[0, 1], [2], [3]]


# ------------------------------------------------------------------ w3m: a tall group label's pieces

def test_a_group_labels_piece_beginning_the_next_row_is_no_value_cell_of_the_row_above():
    # w3m prints 三、本年度办理结果 (a cell spanning the rows) a piece a line beside them:
    # `果` begins the row after `3.补正后申请内容仍不明确 … 0`; taken as that row's 8th cell,
    # its 0 was read under 其他
    report = parse(FIXTURES / "txt" / "w3m_zero_blank_group_pieces.txt")
    t3 = report.table3
    assert t3["unable.still_unclear"] == row3(total=0)
    assert t3["not_processed.publication"] == row3(research=0, social_welfare=0, other_org=0, total=0)
    assert t3["denied.security_stability"] == row3(other_org=0)
    texts = [f.where for f in report.findings if f.code == "CELL_TEXT"]
    assert not [w for w in texts if w.startswith(("table3.unable.still_unclear", "table3.not_processed.publication"))]
    # a row short of its cells (its trailing blanks left out) still takes the piece, and is
    # read no further than its text: `不予` in 3.危及…'s 总计, null with CELL_TEXT
    assert "table3.denied.security_stability.total" in texts


# ------------------------------------------------------------------ table 四 printed whole

def test_table4s_row_keeps_its_blank_cells_at_both_ends():
    # `⇥⇥⇥⇥⇥⇥⇥⇥⇥⇥0⇥⇥⇥0⇥`: the spaced reader writes the row whole; the line's TABs at either end
    # are blank cells, and a row of 15 cells and no label is table 四's, each cell in its place
    report = parse(FIXTURES / "txt" / "w3m_zero_blank_table4.txt")
    assert report.table4 == {"review": row4(), "litigation_direct": row4(),
                             "litigation_after_review": row4(upheld=0, pending=0)}


def test_a_tab_rows_outer_tabs_are_cells_a_tab_indented_paragraph_is_none():
    assert _tab_row(" \t\t0\t\t5\t \f") == "\t\t0\t\t5\t"
    doc = parse_text("\t一、总体情况\n\t\t0\t\t5\t\n")
    assert doc.blocks[0].text == "一、总体情况"
    assert [c.text for c in doc.blocks[1].rows()[0]] == ["", "", "0", "", "5", ""]


# ------------------------------------------------------------------ a page's source text, a cell a line

def test_lines_that_read_two_ways_place_no_value():
    # `8.属于行政查询事项 ⏎⏎⏎⏎ 0 ⏎⏎⏎⏎⏎ (四)…`: a <td> a line with two blank lines between rows
    # reads as well as a cell and a blank line a value, an empty line a blank cell — 0 under
    # 社会公益组织 one way, under 科研机构 the other, and zeros hold every sum: null, with a finding
    report = parse(FIXTURES / "txt" / "soup_text_zero_blank.txt")
    assert report.table3["denied.administrative_query"] == row3()
    found = [f for f in report.findings if f.where == "table3.denied.administrative_query"]
    assert [f.code for f in found] == ["CELL_AMBIGUOUS"]
    assert "无法确定各数值所在的列" in found[0].message


def test_a_table_drawn_without_borders_has_empty_cells_at_its_rows_ends():
    # html2text draws no outer pipes (its rule line is `---|---`): table 四's row whose first
    # ten cells and last are blank prints `|  |  | … | 0 |  |  | 0 |`; its end pipes are the
    # boundaries of those blank cells, not a border (taken as one, the row had 13 cells of 15)
    report = parse(FIXTURES / "markdown" / "html2text_zero_blank.md")
    assert report.table4 == {"review": row4(), "litigation_direct": row4(),
                             "litigation_after_review": row4(upheld=0, pending=0)}
    doc = parse_text("a | b\n---|---\n|  | 0 |\n\n| a | b |\n|---|---|\n| 1 | 0 |\n")
    # the empty line ends the borderless table: the next one draws its border
    assert [[c.text for c in r] for r in doc.blocks[0].rows()] == [["a", "b"], ["", "", "0", ""], ["a", "b"], ["1", "0"]]
