"""CSV text: a report's tables as pandas or a spreadsheet writes them (readers/csvtext.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.readers.csvtext import csv_as_tabs
from ogi.synth.shapes import converters
from ogi.synth.shapes.score import score_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = next((ROOT.parent / "shared" / "corpus" / "seeds").glob("000_*.txt"), None)


def test_a_report_text_is_not_csv():
    text = (SAMPLES / "txt_rows.txt").read_text(encoding="utf-8")
    assert csv_as_tabs(text) is None


def test_a_tab_text_is_left_alone():
    assert csv_as_tabs("a,b,c\td\n" * 10) is None


def test_too_few_records_are_not_csv():
    assert csv_as_tabs("规章,0,0,1\n行政规范性文件,0,0,2\n") is None


def test_a_line_without_a_comma_makes_it_no_csv():
    text = "一、总体情况\n" + "规章,0,0,1\n" * 6
    assert csv_as_tabs(text) is None


def test_records_become_tab_lines_on_their_own_line_numbers():
    text = ('信息内容,本年制发件数,本年废止件数,现行有效件数\n'
            '"规\n章",0,0,1\n'
            '行政规范性文件,0,0,2\n'
            ',,,\n'
            '行政许可,8,8,8\n'
            '行政处罚,41,41,41\n')
    assert csv_as_tabs(text) == ("信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
                                 "规章\t0\t0\t1\n"
                                 "\n"  # the quoted field's second line
                                 "行政规范性文件\t0\t0\t2\n"
                                 "\n"  # a record of empty fields
                                 "行政许可\t8\t8\t8\n"
                                 "行政处罚\t41\t41\t41\n")


def test_pandas_column_index_rows_are_blanked():
    text = "0,1,2,3\n信息内容,本年制发件数,本年废止件数,现行有效件数\n规章,0,0,1\n行政规范性文件,0,0,2\n行政许可,8,8,8\n"
    assert csv_as_tabs(text).splitlines()[0] == ""


def test_pandas_row_index_column_is_dropped():
    text = (",0,1,2,3\n"
            "0,信息内容,本年制发件数,本年废止件数,现行有效件数\n"
            "1,规章,0,0,1\n"
            "2,行政规范性文件,0,0,2\n"
            "3,行政许可,8,8,8\n")
    assert csv_as_tabs(text).splitlines() == ["", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
                                              "规章\t0\t0\t1", "行政规范性文件\t0\t0\t2", "行政许可\t8\t8\t8"]


def test_one_row_starting_with_zero_after_an_empty_header_keeps_its_zero():
    # table 四's header begins with an empty cell; its one row of values begins with 0
    text = (",行政复议,行政复议,行政复议\n,结果维持,结果纠正,其他结果\n0,0,1,0\n"
            "行政许可,8,8,8\n行政处罚,41,41,41\n")
    assert csv_as_tabs(text).splitlines()[2] == "0\t0\t1\t0"


def _expected(name: str) -> dict:
    return json.loads((SAMPLES / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def test_pandas_csv_of_a_report_page_reads_every_cell(tmp_path):
    pytest.importorskip("pandas")
    page = (SAMPLES / "html_html.html").read_text(encoding="utf-8")
    path = tmp_path / "tables.csv"
    path.write_text(converters.pandas_csv(page), encoding="utf-8")
    report = parse(path)
    score = score_report(_expected("html_html"), report, "")
    assert (score.right, score.cells) == (207, 207)
    assert report.table2["licensing"]["decisions"] == 8  # pandas printed 行政许可,8,8,8
    lines = path.read_text(encoding="utf-8").splitlines()
    prov = report.provenance["table3.new_received.total"]
    assert lines[prov["line"] - 1].startswith("3,一、本年新收政府信息公开申请数量,")  # after the row index
    assert not [f for f in report.findings if f.code == "ROW_AMBIGUOUS"]  # the frames' 0,1,2… rows are no rows


def test_pandas_csv_of_a_report_nested_in_a_page_layout_table_reads_every_cell(tmp_path):
    """An old portal's page: the report's tables nested in a cell of a layout table, a list of
    links in a one-column table beside it (fresh9's wild44 ``layout_table``: 0 cells read —
    pandas' frame of the layout table repeats every nested table's rows, and the file was
    refused as three reports)."""
    pytest.importorskip("pandas")
    import re

    page = (SAMPLES / "html_html.html").read_text(encoding="utf-8")
    body = re.search(r"<body[^>]*>(.*)</body>", page, re.S).group(1)
    links = "<table>" + "".join(f"<tr><td>{t}</td></tr>" for t in ("政府信息公开指南", "依申请公开", "监督保障")) + "</table>"
    nested = page.replace(body, f"<table><tr><td>政府信息公开专栏</td><td></td></tr>"
                                f"<tr><td>{body}</td><td>{links}</td></tr></table>")
    path = tmp_path / "tables.csv"
    path.write_text(converters.pandas_csv(nested), encoding="utf-8")
    score = score_report(_expected("html_html"), parse(path), "")
    assert (score.right, score.cells) == (207, 207)


def _frame(rows: list[str], header: str = ",信息内容,本年制发件数,本年废止件数") -> str:
    return header + "\n" + "".join(f"{i},{row}\n" for i, row in enumerate(rows))


def test_a_frame_repeating_the_rows_of_two_later_frames_is_dropped():
    two = ["规章,0,0", "行政规范性文件,1.0,0.0"]
    three = ["一、本年新收政府信息公开申请数量,5,5", "二、上年结转政府信息公开申请数量,0,0"]
    outer = _frame(two + three + ["政府信息公开专栏,,"])
    text = outer + _frame(["规章,0,0", "行政规范性文件,1,0"]) + _frame(three)
    lines = csv_as_tabs(text).splitlines()
    assert not any(lines[:6]) and lines[7:9] == ["规章\t0\t0", "行政规范性文件\t1\t0"]


def test_a_frame_printed_again_by_one_later_frame_is_kept():
    rows = ["规章,0,0", "行政规范性文件,1,0"]
    text = _frame(rows) + _frame(rows) + _frame(["行政许可,8,8", "行政处罚,4,4"])
    assert csv_as_tabs(text).splitlines()[1:3] == ["规章\t0\t0", "行政规范性文件\t1\t0"]


def test_pandas_row_index_of_one_row_under_a_header_of_several_rows_is_dropped():
    # table 四 as pandas writes a one-row DataFrame with a three-level header: the index's 0
    text = ("规章,0,0,1\n" * 5 +
            ",行政复议,行政复议,行政诉讼\n,结果维持,总计,结果维持\n,结果维持,总计,结果维持\n0,3,3,0\n")
    assert csv_as_tabs(text).splitlines()[-1] == "3\t3\t0"
    one_head = "规章,0,0,1\n" * 5 + ",行政复议,行政复议,行政诉讼\n0,3,3,0\n"  # a header of one row: kept
    assert csv_as_tabs(one_head).splitlines()[-1] == "0\t3\t3\t0"


def test_a_grids_label_columns_lose_their_empty_fields_its_value_columns_keep_them():
    text = (",,,申请人情况,,\n"
            "一、本年新收政府信息公开申请数量,,,,0,\n"
            "三、本年度办理结果,(一)予以公开,,5,,5\n"
            ",(三)不予公开,1.属于国家秘密,0,,0\n"
            ",,2.其他法律行政法规禁止公开,,,\n")
    assert csv_as_tabs(text).splitlines() == [
        "申请人情况\t\t",
        "一、本年新收政府信息公开申请数量\t\t0\t",  # the label's span out, the blank cells kept
        "三、本年度办理结果\t(一)予以公开\t5\t\t5",
        "(三)不予公开\t1.属于国家秘密\t0\t\t0",
        "2.其他法律行政法规禁止公开\t\t\t",
    ]


def test_pdfplumber_tables_of_a_report_pdf_read_every_cell(tmp_path):
    # merged cells empty but their first position, a cell's text wrapped in its box ("自\n然\n人")
    path = tmp_path / "tables.csv"
    path.write_text(converters.pdfplumber_csv((SAMPLES / "pdf_pdf.pdf").read_bytes()), encoding="utf-8")
    assert '"自\n然\n人"' in path.read_text(encoding="utf-8")
    report = parse(path)
    score = score_report(_expected("pdf_pdf"), report, "")
    assert (score.right, score.cells) == (207, 207)


def test_a_number_wrapped_in_its_box_is_one_number():
    text = 'x,a,b\n' * 4 + '一、本年新收政府信息公开申请数量,"１\n９",0\n'
    assert csv_as_tabs(text).splitlines()[4] == "一、本年新收政府信息公开申请数量\t１９\t0"
    assert csv_as_tabs('x,"Total\nvalue",1\n' * 5).splitlines()[0] == "x\tTotal value\t1"


def test_pandas_xlsx_of_a_report_page_reads_every_cell(tmp_path):
    pytest.importorskip("pandas")
    page = (SAMPLES / "html_html.html").read_text(encoding="utf-8")
    path = tmp_path / "tables.xlsx"
    path.write_bytes(converters.pandas_xlsx(page))
    score = score_report(_expected("html_html"), parse(path), "")
    assert (score.right, score.cells) == (207, 207)


def test_a_sheets_empty_cells_are_blank_cells_in_their_columns(tmp_path):
    from openpyxl import Workbook

    from ogi.readers import read

    wb = Workbook()
    ws = wb.active
    ws.append(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    ws.append(["规章", None, 0, 5])  # a report that leaves zeros blank
    ws.append(["行政许可", 278])
    ws.merge_cells("B3:D3")
    path = tmp_path / "t.xlsx"
    wb.save(path)
    table = read(path.read_bytes(), "t.xlsx").blocks[0]
    rows = [[(c.col, c.text) for c in row] for row in table.rows()]
    assert rows[1] == [(0, "规章"), (1, ""), (2, "0"), (3, "5")]
    assert rows[2] == [(0, "行政许可"), (1, "278")]  # a merged range is no blank


@pytest.mark.parametrize("field, want", [
    ("1 属于国家秘密\n.", "1.属于国家秘密"),  # the point of the numbering sorted below its line
    ("18 5202\n.", "18.5202"),  # an amount's decimal point
    ("429\n-", "-429"),  # a minus sign before the digits
    ("1 申请人无正当理由逾期不补正 行政\n. 、\n机关不再处理", "1.申请人无正当理由逾期不补正、行政机关不再处理"),
    ("3 危及“三安全 一稳定”\n.", "3.危及“三安全 一稳定”"),  # one point, two gaps: after the digit
    ("政府信\n息", "政府信息"),  # a wrapped cell, no mark
    # the label's mark wrapped before the line's end: the last mark there, where joining puts it
    ("1 申请人无正当理由逾期不补正\n. 、\n行政机关不再处理其政府信息公开申请",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    # the numbering's point left no gap: it follows the digit, the 、 takes the gap
    ("1申请人无正当理由逾期不补正 行政机关不\n. 、\n再处理其政府信息公开申请",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    # a mark line after each wrapped line of the label: each into the line above it
    ("2 申请人逾期未按收费通知要求缴\n.\n纳费用 行政机关不再处理其政\n、\n府信息公开申请",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("24\n.\n56\n.", "24.56."),  # two mark lines under digits: no label, joined as printed
    ("甲 乙 丙\n.\n丁", "甲 乙 丙.丁"),  # more gaps than marks: unplaced, joined as printed
    ("abc\n-", "abc-"),  # a sign with no digits to stand before: as printed
])
def test_marks_a_pdf_table_extractor_set_below_are_put_back(field, want):
    from ogi.readers.csvtext import _one_line

    assert _one_line(field) == want


def test_a_point_set_apart_from_digits_with_no_gap_makes_no_number():
    from ogi.readers.csvtext import UNPLACED_POINT, _one_line

    assert _one_line("224\n.") == UNPLACED_POINT  # 2.24, 22.4 or 224.: which, nothing shows
    assert _one_line("252268万元\n.") == UNPLACED_POINT
    assert _one_line("1属于国家秘密\n.") == "1.属于国家秘密"  # a label's numbering: the point follows it
