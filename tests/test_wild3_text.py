"""Plain and one-line texts of reports printed the way agencies print them (``synth/wild3.py``):
labels shortened and mistyped, a 备注 column at the tables' right, comparisons with the year
before beside the counts — each cell read exactly, or null with a finding; never a wrong number.

Fixtures: ``ogi synth 66 --formats wild3_html --seed 9311`` rendered by ``ogi synth --shapes
crawler_text,docx2txt,w3m_dump,lynx_dump`` (a corpus no rule was made on: the rules were made on
fresh9's wild44, seed 9190); docs/renderings.md, "crawl10"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.spaced import blank_wrapped_notes
from ogi.extract.tokens import NUM, _read_free
from ogi.template.formats import FORMATS
from ogi.template.labels_match import common_in_order, mistyped_label, named_row, resembles
from ogi.template.normalize import label_key

FIXTURES = Path(__file__).parent / "fixtures" / "wild3text"
# fixture → the rows left null (each with a finding); every other cell exact
EXACT = {
    "crawler_text_00000_remark_column": (),  # 备注: 含网上申请3件, 无, 已全部办结 after the rows' values
    "docx2txt_00022_remark_column": (),  # the remark a paragraph of its own after the row's cells
    "crawler_text_00015_misspelled": (),  # 申清人无正当理由…: table 三 was prose (a long unknown run)
    "crawler_text_00036_abbreviated": (),  # 新收申请数, 逾期未缴费, 其他法规禁止公开 …
    "crawler_text_00045_yoy_values": (),  # 45（同比持平）-112763（同比持平）: the run after a note glued
    "lynx_dump_00010_mixed3": (),  # 已全部办结 ⏎ 4.涉及第三方权益: a remark read with the next label
    # w3m: 0（同比 ⏎ 持平）wrapped in the 总计 column; the rows whose total stands on the label's
    # first line, and table 四, stay null with a finding (were: 10 of 207 right)
    "w3m_dump_00056_yoy_values": ("table3.denied.process_information", "table3.granted",
                                  "table3.not_processed.complaint", "table4.litigation_after_review",
                                  "table4.litigation_direct", "table4.review"),
}


def _cells(tables: dict) -> dict[str, object]:
    return {f"{t}.{r}.{c}": v for t in ("table2", "table3", "table4")
            for r, cols in (tables.get(t) or {}).items() for c, v in cols.items()}


def _read(name: str):
    report = parse(FIXTURES / f"{name}.txt")
    expected = json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    return report, _cells(json.loads(report.model_dump_json())), _cells(expected)


@pytest.mark.parametrize("name", EXACT)
def test_every_cell_exact_or_null_with_a_finding(name):
    report, got, want = _read(name)
    off = {k: got[k] for k in want if got[k] != want[k]}
    assert set(off.values()) <= {None}, off  # never a wrong number
    assert sorted({k.rsplit(".", 1)[0] for k in off}) == sorted(EXACT[name])
    pointed = {f.where for f in report.findings if f.where}
    for key in off:
        assert any(key == w or key.startswith(w + ".") for w in pointed), key


def test_a_mark_after_a_glued_run_is_chosen_remark_by_the_identities():
    # …3.其他0000001无(七)总计…: 0·0·0·0·0·0·1 with 无 the remark, or 0·0·0·0·0·01… and 无 the total
    report, got, want = _read("crawler_text_00000_remark_column")
    prov = report.provenance["table3.other.other.total"]
    assert prov["by"] == "identities" and prov["split_from"].endswith(" 无")
    assert got["table3.other.other.total"] == want["table3.other.other.total"]


def test_the_reworded_label_is_placed_by_position_and_said_so():
    report, got, want = _read("lynx_dump_00010_mixed3")
    missing = [(f.where, f.message_en) for f in report.findings if f.code == "ROW_LABEL_MISSING"]
    assert missing == [("table3.denied.third_party_rights",
                        "row label lost; placed by position as '4.保护第三方合法权益'")]


# ------------------------------------------------------------------ labels by their own text

T3 = FORMATS["2021"].table3


@pytest.mark.parametrize("printed,row", [
    ("一、新收申请数", "new_received"),  # shortened: the template's words in order
    ("2.其他法规禁止公开", "denied.prohibited_by_law"),
    ("2.逾期未缴费", "other.no_fee"),  # 5 of 36 characters, the only label holding them in order
    ("1.申清人无正当理由逾期不补正", "other.no_correction"),  # mistyped: one character in four otherwise
    ("3.补正后仍不明确", "unable.still_unclear"),
    ("4.涉及第三方权益", None),  # reworded (保护→涉及, 合法 left out): two characters in seven
    ("3.逾期未缴费", None),  # the numbering names another row
    ("申请数量", None),  # resembles most labels of the table
    ("三、办理结果", None),  # a group's label, not a row's
    ("其他", None),  # too short to tell
])
def test_a_label_names_the_one_row_it_resembles(printed, row):
    assert named_row(T3, label_key(printed)) == row


def test_resemblance_is_characters_in_order_with_a_typo_in_four():
    assert common_in_order("逾期未缴费", "申请人逾期未按收费通知要求缴纳费用") == 5
    assert resembles("没有现成信息", "没有现成信息需要另行制作")
    assert not resembles("重复申清", "重复申请")  # short: no typo allowed
    assert resembles("申请人无正当理由逾期不补证", "申请人无正当理由逾期不补正")  # one in four
    assert not resembles("复申清求", "重复申请")
    assert not resembles("信息事务", "属于三类内部事务信息")


def test_a_long_mistyped_label_is_no_prose_a_sentence_is():
    assert mistyped_label("申清人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
    assert not mistyped_label("本机关严格按照条例规定的时限答复申请人并做好登记归档工作")


# ------------------------------------------------------------------ comparison notes

def test_a_run_between_two_notes_of_a_one_line_text_stays_glued():
    readings = _read_free("行政强制45（同比持平）-112763（同比持平）第二十条")
    assert [(r[1], r[4]) for r in readings if r[0] == NUM] == [("45", True), ("-112763", True)]
    spaced = _read_free("行政强制 45（同比持平） -11 2763（同比持平） 第二十条")
    assert [(r[1], r[4]) for r in spaced if r[0] == NUM] == [("45", False), ("-11", False), ("2763", False)]


def test_a_note_wrapped_in_its_cell_is_blanked_its_count_kept():
    # w3m pads by display width (the note's rest under the cell's first column), lynx by characters
    text = ("二、上年结转政府信息公开申请数量  0  0  0（同比\n"
            + " " * 40 + "持平）\n"
            "(一)予以公开 1  0  1(上年\n"
            + " " * 14 + "3)\n")
    assert blank_wrapped_notes(text).splitlines() == [
        "二、上年结转政府信息公开申请数量  0  0  0" + " " * 6,
        " " * 40 + " " * 6,
        "(一)予以公开 1  0  1" + " " * 5,
        " " * 14 + " " * 2,
    ]


def test_an_unclosed_bracket_that_is_no_comparison_is_left():
    text = "规章  3（其中\n      2件）\n"
    assert blank_wrapped_notes(text) == text
