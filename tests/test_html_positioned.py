"""A page whose lines are placed by coordinates (pdftohtml's "online preview" of a PDF) is
laid out as text by its coordinates, then read as text (readers/html_positioned.py)."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from ogi import parse
from ogi.readers.html_positioned import MIN_PLACED, _vertical_words, positioned_text, preformatted_text
from ogi.synth.shapes.score import score_report

STYLE = """<style type="text/css">
.ft1{font-size:16px;font-family:Serif;}
.ft2{font-size:16px;line-height:24px;font-family:Serif;}
</style>"""


def _p(top: int, left: int, text: str, cls: str = "ft1") -> str:
    return f'<p style="position:absolute;top:{top}px;left:{left}px;white-space:nowrap" class="{cls}">{text}</p>'


def _page(n: int, ps: list[str]) -> str:
    return f'<a name="{n}"></a><div id="page{n}-div" style="position:relative;width:892px;height:1262px;">' \
           + "\n".join(ps) + "</div>"


def _html(*pages: str, extra: str = "") -> str:
    return f"<html><head><title>t</title></head><body>{STYLE}{extra}{''.join(pages)}</body></html>"


def _filler(start: int, n: int) -> list[str]:
    return [_p(start + 30 * i, 80, f"第{i}行正文") for i in range(n)]


def test_rows_are_laid_out_by_top_and_left_in_half_width_columns():
    # pieces in the converter's reading order (a column after a column), placed by coordinates
    ps = [_p(100, 80, "规章"), _p(130, 80, "规范性文件"), _p(100, 400, "1"), _p(130, 400, "26"),
          _p(100, 480, "0"), _p(130, 480, "3"), *_filler(200, MIN_PLACED)]
    text = positioned_text(lxml.html.fromstring(_html(_page(1, ps))))
    assert text is not None
    lines = text.splitlines()
    assert lines[0] == " " * 10 + "规章" + " " * 36 + "1" + " " * 9 + "0"  # left/8px: columns 10, 50, 60
    assert lines[1] == " " * 10 + "规范性文件" + " " * 30 + "26" + " " * 8 + "3"


def test_br_lines_stand_a_line_height_apart_and_values_beside_the_middle_line_join_it():
    # a label wrapped on three lines (line height 24px from its class), its values centred
    # beside the second line two pixels lower: one printed row, as pdftotext -layout prints it
    ps = [_p(304, 144, "（二）部分公开（区分处理<br/>的，只计这一情形，不计其他<br/>情形）", "ft2"),
          *[_p(330, 392 + 45 * i, "0") for i in range(3)], *_filler(400, MIN_PLACED)]
    lines = positioned_text(lxml.html.fromstring(_html(_page(1, ps)))).splitlines()
    assert [line.strip() for line in lines[:3]] == [
        "（二）部分公开（区分处理", "的，只计这一情形，不计其他     0     0    0", "情形）"]  # columns 49, 55, 60


def test_pieces_that_touch_are_one_run_and_pages_are_joined_by_a_form_feed():
    ps1 = [_p(100, 80, "一、总体"), _p(100, 144, "情况"), *_filler(200, MIN_PLACED)]  # 80 + 4×16 = 144: touching
    ps2 = [_p(100, 80, "二、主动公开")]
    text = positioned_text(lxml.html.fromstring(_html(_page(1, ps1), _page(2, ps2))))
    assert text.splitlines()[0] == " " * 10 + "一、总体情况"
    assert text.count("\f") == 1 and text.split("\f")[1].strip() == "二、主动公开"


def test_an_ordinary_page_is_not_laid_out():
    few = _html(_page(1, _filler(100, MIN_PLACED - 1)))  # a floating box or two: not a preview
    assert positioned_text(lxml.html.fromstring(few)) is None
    prose = "<p>" + "正文" * 2000 + "</p>"  # most text flows normally
    assert positioned_text(lxml.html.fromstring(_html(_page(1, _filler(100, MIN_PLACED)), extra=prose))) is None


def test_a_preview_page_of_a_report_reads_its_tables_by_position():
    # table 二 of the 2021 format, its column printed after its labels (poppler's reading order)
    rows = [("规章", (1, 0, 11)), ("行政规范性文件", (8, 26, 66))]
    ps = [_p(60, 80, "某县人民政府2023年政府信息公开工作年度报告"),
          _p(100, 80, "二、主动公开政府信息情况"), _p(130, 80, "第二十条第（一）项"),
          _p(160, 80, "信息内容"), _p(160, 330, "本年制发件数"), _p(160, 500, "本年废止件数"),
          _p(160, 670, "现行有效件数")]
    ps += [_p(190 + 30 * i, 80, label) for i, (label, _) in enumerate(rows)]
    for col, left in enumerate((420, 590, 760)):
        ps += [_p(190 + 30 * i, left, str(values[col])) for i, (_, values) in enumerate(rows)]
    ps += _filler(300, MIN_PLACED)
    report = parse(_html(_page(1, ps)).encode(), name="preview.html")
    assert report.table2["regulations"] == {"issued": 1, "repealed": 0, "in_force": 11}
    assert report.table2["normative_documents"] == {"issued": 8, "repealed": 26, "in_force": 66}


# ------------------------------------------------------------------ a text file in an HTML wrapper

HTML_FIXTURES = Path(__file__).parent / "fixtures" / "html"
SAMPLES = Path(__file__).parent.parent / "samples"


def test_a_page_that_is_one_pre_is_read_as_the_text_it_holds():
    # pdftotext -htmlmeta -layout of samples/html_html.html printed on paged A4/B5/A5 (the
    # shape paged_pdftotext_layout_html): the columns of spaces, the form feeds and the page
    # chrome are the text file's; read by the HTML walk, which collapses spaces, 22 of the 207
    # cells were lost (with findings)
    page = HTML_FIXTURES / "pdftotext_htmlmeta_layout_sample.html"
    expected = json.loads((SAMPLES / "expected" / "html_html.json").read_text(encoding="utf-8"))
    score = score_report(expected, parse(page))
    assert (score.right, score.cells, score.null_flagged, score.wrong_flagged) == (207, 207, 0, 0)
    text = preformatted_text(lxml.html.fromstring(page.read_bytes()))
    assert text is not None and "\f" in text  # the pages' form feeds kept


def test_a_short_pre_or_one_beside_the_page_text_is_not_the_page():
    code = "<html><body><p>" + "正文" * 300 + "</p><pre>a  =  1</pre></body></html>"
    assert preformatted_text(lxml.html.fromstring(code)) is None
    short = "<html><body><pre>" + "一、总体情况  " * 10 + "</pre></body></html>"
    assert preformatted_text(lxml.html.fromstring(short)) is None


# ------------------------------------------------------------------ a vertical group label

@pytest.mark.parametrize("lines, want", [
    (["无", "法", "提", "供"], [(0, "无法"), (2, "提"), (3, "供")]),
    (["结", "无"], [(0, "结无")]),  # a mark at the label's end goes with the one before
    (["暂", "无"], [(0, "暂"), (1, "无")]),  # together a mark again: left as it is
    (["不", "予", "公", "开"], [(0, "不"), (1, "予"), (2, "公"), (3, "开")]),
    (["无", "无"], [(0, "无"), (1, "无")]),  # a column of marks is no label
    (["0", "无", "1"], [(0, "0"), (1, "无"), (2, "1")]),
    (["无法", "提供"], [(0, "无法"), (1, "提供")]),
])
def test_a_label_printed_a_character_a_line_keeps_no_mark_alone(lines, want):
    assert _vertical_words(lines) == want


def test_a_vertical_group_label_beside_a_wrapped_row_label_is_no_cell():
    # pdftohtml's page of table 三 (a report of the unseen corpus): the group label 无法提供
    # starts six pixels under the values of 1.本机关不掌握…, beside the label's wrapped 息
    ps = [_p(601, 181, "1.本机关不掌握相关政府信<br/>息"), _p(620, 139, "无<br/>法<br/>提<br/>供"),
          *[_p(614, 405 + 42 * i, v) for i, v in enumerate("2200004")],
          *[_p(800 + 30 * i, 80, f"第{i}行正文") for i in range(MIN_PLACED)]]
    text = positioned_text(lxml.html.fromstring(_html(_page(1, ps))))
    rows = [line.split() for line in text.splitlines()[:4]]
    assert rows == [["1.本机关不掌握相关政府信"], ["2", "2", "0", "0", "0", "0", "4"], ["无法", "息"], ["提"]]


def test_a_preview_page_whose_group_label_starts_with_a_mark_reads_table_three():
    # the unseen corpus's report (pdftohtml of its paged print): table 三's 182 cells were
    # null; the report's own error (carried_forward, T3_BALANCE) is still found
    # (a fixture folder of its own: the report's expected values do not balance, by design)
    folder = Path(__file__).parent / "fixtures" / "positioned"
    page = folder / "pdftohtml_vertical_label_2021.html"
    expected = json.loads((folder / "expected" / "pdftohtml_vertical_label_2021.json").read_text(encoding="utf-8"))
    report = parse(page)
    score = score_report(expected, report)
    assert (score.right, score.cells, score.null_flagged, score.wrong_flagged) == (207, 207, 0, 0)
    assert [f.where for f in report.findings if f.code == "T3_BALANCE"] == ["table3.total.natural_person",
                                                                          "table3.total.total"]
