"""Blank cells of tables laid out with spaces (w3m, pandoc plain, inscriptis, pdftotext -layout):
read by position where the columns are certain, left alone everywhere else."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.spaced import spaced_cells
from ogi.synth.blanks import blank_zeros
from ogi.synth.shapes.score import score_report

FIXTURES = Path(__file__).parent / "fixtures" / "txt"

R1 = "一、本年新收政府信息公开申请数量"
R2 = "二、上年结转政府信息公开申请数量"
R7 = "(七)总计"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _line(cells: list[tuple[int, str]], display: bool = True) -> str:
    """A line with each text starting at its column (display width, or characters)."""
    out = ""
    for col, text in cells:
        at = _width(out) if display else len(out)
        assert at <= col, (out, col, text)
        out += " " * (col - at) + text
    return out


HEADER_W3M = [  # w3m's header of table 三: each leaf cell starts its column, left-aligned
    _line([(0, "(本列数据的勾稽关系为"), (36, "申请人情况")]),
    _line([(36, "自"), (40, "法人或其他组织")]),
    _line([(36, "然"), (40, "商业"), (45, "科研"), (50, "社会"), (56, "法律"), (62, "其"), (65, "总")]),
    _line([(36, "人"), (40, "企业"), (45, "机构"), (50, "公益"), (56, "服务"), (62, "他"), (65, "计")]),
]
COLS_W3M = (36, 40, 45, 50, 56, 62, 65)


def _rows(rows: list[tuple[str, dict[int, str]]], cols=COLS_W3M, display: bool = True) -> list[str]:
    return [_line([(0, label)] + [(cols[i], v) for i, v in sorted(vals.items())], display) for label, vals in rows]


def test_a_header_whose_cells_start_its_columns_places_the_values_of_rows_with_no_full_row():
    rows = _rows([(R1, {0: "27", 1: "3", 6: "30"}), (R2, {0: "2", 6: "2"}), (R7, {0: "29", 1: "3", 6: "32"})])
    text = "\n".join(["三、收到和处理政府信息公开申请情况", ""] + HEADER_W3M + rows)
    out = spaced_cells(text).split("\n")
    assert out[-3:] == [f"{R1}\t27\t3\t\t\t\t\t30", f"{R2}\t2\t\t\t\t\t\t2", f"{R7}\t29\t3\t\t\t\t\t32"]
    assert out[:-3] == text.split("\n")[:-3]  # the header and heading untouched


def test_a_full_row_gives_the_columns_where_no_header_does():
    rows = _rows([(R1, {0: "27", 1: "3", 2: "1", 3: "1", 4: "1", 5: "1", 6: "34"}),
                  (R2, {0: "2", 6: "2"}), (R7, {1: "13", 5: "2", 6: "15"})])
    out = spaced_cells("\n".join(rows)).split("\n")
    assert out == [rows[0], f"{R2}\t2\t\t\t\t\t\t2", f"{R7}\t\t13\t\t\t\t2\t15"]


def test_columns_counted_in_characters_where_the_tool_pads_by_characters():
    # inscriptis and pdftotext pad by characters: by display width the labels (8 and 16 wide
    # characters) put the same column at different places, by characters they agree
    rows = _rows([(R1, {0: "27", 1: "3", 2: "1", 3: "1", 4: "1", 5: "1", 6: "34"}),
                  (R7, {0: "29", 6: "29"})], cols=(20, 25, 30, 35, 40, 45, 50), display=False)
    assert spaced_cells("\n".join(rows)).split("\n") == [rows[0], f"{R7}\t29\t\t\t\t\t\t29"]


def test_pandocs_ruling_gives_the_columns_of_table_4s_unlabelled_row():
    ruling = _line([(i * 9, "-" * 8) for i in range(15)])
    heads = _line([(i * 9, h) for i, h in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)])
    row = _line([(9, "9"), (27, "2"), (36, "11"), (90, "4"), (99, "4")])
    out = spaced_cells("\n".join(["四、政府信息公开行政复议、行政诉讼情况", "", ruling, heads, row, ruling]))
    assert out.split("\n")[4] == "\t9\t\t2\t11\t\t\t\t\t\t4\t4\t\t\t"


@pytest.mark.parametrize("case", ["no header, no full row", "straddles two columns", "label reaches the columns",
                                  "header width not the row's"])
def test_where_the_geometry_leaves_a_choice_the_text_is_left_as_it_was(case):
    if case == "no header, no full row":  # a column no row prints cannot be told from one further right
        lines = _rows([(R1, {0: "26", 6: "26"}), (R2, {0: "0", 6: "0"}), (R7, {0: "26", 6: "26"})])
    elif case == "straddles two columns":
        lines = HEADER_W3M + _rows([(R1, {0: "27", 6: "30"})]) + [_line([(0, R2), (38, "12345"), (65, "2")])]
    elif case == "label reaches the columns":  # inscriptis: a row with two label cells shifted a column right
        lines = HEADER_W3M + _rows([(R1, {0: "27", 6: "30"})]) + [_line([(0, "三、本年度办理结果"), (34, "(一)予以公开"),
                                                                           (50, "10"), (70, "10")])]
    else:  # a header cell with a space inside: 3 "columns" where the template's row has 2
        lines = ["第二十条第(九)项", _line([(0, "信息 内容"), (16, "采购项目"), (26, "数量"), (34, "采购总金额")]),
                 _line([(0, "政府集中采购"), (16, "10"), (34, "2.85")])]
    text = "\n".join(lines)
    assert spaced_cells(text) == text


@pytest.mark.parametrize("name", ["blank_w3m_dump_2021", "blank_pandoc_plain_2019"])
def test_reports_with_blank_zeros_read_every_cell(name):
    # w3m (display width, header path; table 四 by its header) and pandoc plain (its rulings)
    # of synthetic reports whose zero cells are blank: every cell right, none ambiguous
    want = json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    report = parse(FIXTURES / f"{name}.txt")
    score = score_report(want, report, name)
    blanks = sum(v is None for t in ("table2", "table3", "table4") for r in want[t].values() for v in r.values())
    assert (score.right, score.cells, score.meta_right, score.meta) == (score.cells, score.cells, score.meta, score.meta), score.examples
    assert blanks >= 100  # most cells blank: the point of the fixture
    assert [f.code for f in report.findings if f.code in ("CELL_AMBIGUOUS", "ROW_AMBIGUOUS")] == []


def test_blank_zeros_empties_printed_zeros_and_nulls_them_in_the_expected_values(tmp_path):
    src = tmp_path / "src"
    (src / "expected").mkdir(parents=True)
    page = ("<html><body><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>0</td><td> 0 </td><td>3</td></tr>"
            "</table></body></html>")
    (src / "a.html").write_text(page, encoding="utf-8")
    want = {"meta": {"template": "2021"}, "table2": {"regulations": {"issued": 0, "repealed": 0, "in_force": 3}},
            "table3": {}, "table4": {}}
    (src / "expected" / "a.json").write_text(json.dumps(want), encoding="utf-8")
    (src / "b.html").write_text(page, encoding="utf-8")  # one zero more printed than expected
    want["table2"]["regulations"]["repealed"] = 1
    (src / "expected" / "b.json").write_text(json.dumps(want), encoding="utf-8")
    written, skipped = blank_zeros(src, tmp_path / "out")
    assert (written, skipped) == (["a"], ["b.html: 2 cells printed 0 but 1 expected zeros"])
    out = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    assert "<td>规章</td><td></td><td></td><td>3</td>" in out
    got = json.loads((tmp_path / "out" / "expected" / "a.json").read_text(encoding="utf-8"))
    assert got["table2"] == {"regulations": {"issued": None, "repealed": None, "in_force": 3}}


def test_a_row_printed_over_two_lines_is_left_for_the_aligner():
    # pdftotext -layout wraps (二)'s label: its first value on the first line, the other six
    # on the next, whose label names no row; rewritten as two rows of blanks it was lost
    full = _rows([(R1, {i: "1" for i in range(7)})], display=False)
    top = _line([(0, "(二)部分公开(区分处理的,只计这一情"), (36, "0")], display=False)
    rest = _line([(0, "形,不计其他情形)")] + [(c, "0") for c in COLS_W3M[1:]], display=False)
    shorter = _rows([(R7, {0: "5", 6: "5"})], display=False)
    text = "\n".join(full + [top, rest] + shorter)
    assert spaced_cells(text).split("\n") == full + [top, rest, f"{R7}\t5\t\t\t\t\t\t5"]


def test_table_2s_parts_are_read_each_under_its_own_header():
    # w3m: 规章 and 行政规范性文件 print only 现行有效件数, so no value stands under the next
    # part's header (信息内容  本年处理决定数量) to show it is one: the block is cut there
    lines = ["第二十条第(一)项",
             _line([(0, "信息内容"), (15, "本年制发件数"), (28, "本年废止件数"), (41, "现行有效件数")]),
             _line([(0, "规章"), (41, "269")]),
             _line([(0, "行政规范性文件"), (41, "21")]),
             "第二十条第(六)项",
             _line([(0, "信息内容"), (21, "上一年项目数量"), (36, "本年增/减"), (51, "处理决定数量")]),
             "行政处罚",
             _line([(0, "行政强制"), (51, "195")])]
    out = spaced_cells("\n".join(lines)).split("\n")
    assert [out[2], out[3], out[7]] == ["规章\t\t\t269", "行政规范性文件\t\t\t21", "行政强制\t\t\t195"]


# ------------------------------------------------------------------ numbers wrapped one full-width digit a line (§44)

R_PART = "(二)部分公开(区分处理的,"
R_SECRET = "1.属于国家秘密"
ZEROS = {k: "０" for k in range(1, 6)}


def _w3m_stacked(second_row_piece: dict[int, str]) -> list[str]:
    """w3m's table 三 of a report in full-width digits: a number wider than its column wraps a
    digit a line, centred in its row's height (140 over three lines, 10 and 18 over two)."""
    return HEADER_W3M + _rows([
        ("", {0: "１"}), (R1, {0: "４", **ZEROS, 6: "140"}), ("", {0: "０"}),
        (R2, {0: "１", **ZEROS, 6: "１"}), ("", {0: "０", 6: "０"}),
        ("(一)予以公开", {0: "62", **ZEROS, 6: "62"}),
        (R_PART, {0: "１", **ZEROS, 6: "１"}), ("只计这一情形)", second_row_piece),
        (R_SECRET, {0: "１", **ZEROS, 6: "１"}),
        ("2.其他法律行政法规禁止公开", {0: "０", **ZEROS, 6: "０"})])


def test_a_number_wrapped_a_digit_a_line_is_read_whole_where_one_reading_holds_the_sums():
    out = spaced_cells("\n".join(_w3m_stacked({0: "８", 6: "８"}))).split("\n")[len(HEADER_W3M):]
    zeros = "\t".join(["０"] * 5)
    assert out[:4] == ["", f"{R1}\t140\t{zeros}\t140", "", f"{R2}\t10\t{zeros}\t10"]
    # the sums alone let 18 above or 81 below (both rows print their first and last columns
    # only); the pieces the rows above take (one above and one below their line: centred)
    # leave the row above
    assert out[6:9] == [f"{R_PART}\t18\t{zeros}\t18", "只计这一情形)", f"{R_SECRET}\t１\t{zeros}\t１"]
    report = parse("\n".join(["三、收到和处理政府信息公开申请情况", ""] + _w3m_stacked({0: "８", 6: "８"})).encode(),
                   name="x.txt")
    assert [report.table3[r]["natural_person"] for r in ("new_received", "carried_over", "granted",
                                                          "partially_granted", "denied.state_secret")] == [140, 10, 62, 18, 1]


def test_pieces_no_reading_places_are_left_as_printed_and_their_rows_null():
    # 8 under 部分公开's 1 but 9 under its total: 18 and 19 break the row's sum, 81 and 91 the
    # next row's — no cut reads; the pieces' line is no row of its own (it had been, and the row
    # above kept the heads: 1 for 18, a wrong number)
    lines = _w3m_stacked({0: "８", 6: "９"})
    out = spaced_cells("\n".join(lines)).split("\n")[len(HEADER_W3M):]
    assert out[7] == lines[len(HEADER_W3M) + 7]
    report = parse("\n".join(["三、收到和处理政府信息公开申请情况", ""] + lines).encode(), name="x.txt")
    assert report.table3["partially_granted"]["natural_person"] is None
    assert report.table3["new_received"]["natural_person"] == 140
    assert any(f.code == "CELL_AMBIGUOUS" and f.where == "table3.partially_granted" for f in report.findings)


W3M_WILD = Path(__file__).parent / "fixtures" / "spaced"  # ogi synth 40 --formats wild_html --seed 8486, w3m -dump


def _w3m_wild(name: str):
    want = json.loads((W3M_WILD / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    report = parse(W3M_WILD / f"{name}.txt")
    return report, score_report(want, report, name)


def test_a_w3m_table_in_full_width_digits_reads_its_wrapped_numbers_whole():
    # 41 (４ ⏎ １), 16 and 16 (１ ⏎ ６ in the first and last columns), …: every cell right
    report, score = _w3m_wild("w3m_dump_s8486_00027_wild_html_fullwidth_digits")
    assert (score.right, score.wrong_flagged, score.wrong_silent) == (score.cells, 0, 0), score.examples
    assert [report.table3[r]["natural_person"] for r in ("new_received", "granted")] == [41, 16]


def test_a_row_whose_label_wraps_around_its_values_keeps_its_blank_cells():
    # w3m of a report that leaves zeros blank: 2.申请人逾期未按收费通知… over three lines, its
    # values on the middle one. The label is rejoined (readers/text.rejoin_wrapped_labels) and
    # the cells the spaced reader placed are kept, blank ones too (they had been dropped: the
    # two 0s of 社会公益组织 and 其他 read as 自然人's and 科研机构's — two wrong numbers)
    report, score = _w3m_wild("w3m_dump_s8486_00032_wild_html_zero_blank")
    assert list(report.table3["other.no_fee"].values()) == [None, None, None, 0, None, 0, None]
    assert (score.wrong_flagged, score.wrong_silent, score.null_silent) == (0, 0, 0)


SPARSE_COLS = (45, 54, 63, 69, 77, 85, 94)  # pdftotext -layout of a Word table 三: values centred, by characters
R_GRANTED = "(一)予以公开"
R_SECRET = "1.属于国家秘密"


def _sparse(rows: list[tuple[str, dict[int, str]]], shift: dict[int, int] | None = None) -> list[str]:
    """Rows of a sparse table 三 by characters; ``shift`` moves a row's values (by its index)."""
    out = []
    for k, (label, vals) in enumerate(rows):
        d = (shift or {}).get(k, 0)
        out.append(_line([(0, label)] + [(SPARSE_COLS[i] + d, v) for i, v in sorted(vals.items())], display=False))
    return out


SPARSE_ROWS = [(R1, {0: "1", 3: "0", 6: "1"}), (R2, {1: "0", 4: "0", 5: "0", 6: "0"}),
               (R_GRANTED, {0: "1", 2: "0", 3: "0", 6: "1"}), (R_SECRET, {1: "0", 2: "0", 4: "0", 5: "0"}),
               (R7, {0: "1", 1: "0", 5: "0", 6: "1"})]


def test_a_sparse_table_3_whose_values_fall_in_seven_clusters_is_read_by_them():
    # no row prints all seven values and no header names the columns: the values' own
    # clusters, seven of them, are the seven columns
    lines = _sparse(SPARSE_ROWS)
    out = spaced_cells("\n".join(lines)).split("\n")
    assert out == [f"{R1}\t1\t\t\t0\t\t\t1", f"{R2}\t\t0\t\t\t0\t0\t0", f"{R_GRANTED}\t1\t\t0\t0\t\t\t1",
                   f"{R_SECRET}\t\t0\t0\t\t0\t0\t", f"{R7}\t1\t0\t\t\t\t0\t1"]
    # a row's values a character right of their columns (the layout's rounding) read the same
    shifted = spaced_cells("\n".join(_sparse(SPARSE_ROWS, {0: 1}))).split("\n")
    assert shifted[0] == f"{R1}\t1\t\t\t0\t\t\t1" and shifted[1:] == out[1:]


@pytest.mark.parametrize("case", ["six clusters", "two blanks apart", "parts over the total", "too few rows named"])
def test_a_sparse_table_3_whose_clusters_leave_a_choice_is_left_as_it_was(case):
    rows = SPARSE_ROWS
    if case == "six clusters":  # column 科研机构 blank in every row: six clusters, which six columns?
        rows = [(label, {i: v for i, v in vals.items() if i != 2}) for label, vals in rows]
    elif case == "two blanks apart":  # one column's values shifted further than rounding moves them, or two columns
        lines = _sparse(rows[:4], {0: 3}) + _sparse(rows[4:])
        assert spaced_cells("\n".join(lines)) == "\n".join(lines)
        return
    elif case == "parts over the total":  # the clusters read a row whose parts sum past its total
        rows = rows[:4] + [(R7, {0: "2", 1: "0", 5: "0", 6: "1"})]
    else:
        rows = [("甲", vals) for _, vals in rows[:3]] + rows[3:]
    text = "\n".join(_sparse(rows))
    assert spaced_cells(text) == text


def test_none_alone_in_a_cell_is_a_value_where_no_reading_without_it_stands():
    # a mixed table 三 printing 无 beside 0, / and —: its 无 cells are values of the columns
    rows = [(R1, {0: "1", 3: "无", 6: "1"}), (R2, {1: "0", 4: "0", 5: "无", 6: "0"}),
            (R_GRANTED, {0: "1", 2: "0", 3: "/", 6: "1"}), (R_SECRET, {1: "无", 2: "0", 4: "0", 5: "—"}),
            (R7, {0: "1", 1: "0", 5: "0", 6: "1"})]
    out = spaced_cells("\n".join(_sparse(rows))).split("\n")
    assert out == [f"{R1}\t1\t\t\t无\t\t\t1", f"{R2}\t\t0\t\t\t0\t无\t0", f"{R_GRANTED}\t1\t\t0\t/\t\t\t1",
                   f"{R_SECRET}\t\t无\t0\t\t0\t—\t", f"{R7}\t1\t0\t\t\t\t0\t1"]
    # a row the first pass reads (numbers and marks only) keeps that reading: the 无 lines
    # around it stand apart
    assert "无" not in "\n".join(_sparse(SPARSE_ROWS)) and spaced_cells("\n".join(_sparse(SPARSE_ROWS))) == \
        "\n".join([f"{R1}\t1\t\t\t0\t\t\t1", f"{R2}\t\t0\t\t\t0\t0\t0", f"{R_GRANTED}\t1\t\t0\t0\t\t\t1",
                   f"{R_SECRET}\t\t0\t0\t\t0\t0\t", f"{R7}\t1\t0\t\t\t\t0\t1"])


def test_a_label_wrapped_around_its_values_in_a_sparse_word_table_is_no_value_cell():
    # pdftotext -layout of LibreOffice's PDF of a Word table 三 that leaves zeros blank
    # (ogi synth 30 --formats wild2_html --seed 9150, 00000): 1.申请人无正当理由逾期不补 ⏎
    # 正、行政机关不再处理其政府  0  0  0  0 ⏎ 信息公开申请. The clusters place the four values;
    # the label's middle piece before them is the label, not a text cell — taken as one, the
    # row's values were read a column right (three wrong numbers, 0 for a blank cell)
    report, score = _w3m_wild("word_pdftotext_layout_s9150_00000_wild2_html_sparse")
    assert list(report.table3["other.no_correction"].values()) == [0, None, 0, None, 0, 0, None]
    assert not [f for f in report.findings if f.code == "CELL_TEXT" and "no_correction" in (f.where or "")]
    assert (score.wrong_flagged, score.wrong_silent, score.null_silent) == (0, 0, 0)
