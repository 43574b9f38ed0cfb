"""A crawler's one-line text of reports that print their labels otherwise (``ogi.extract.crawl_filled``,
``ogi.extract.crawl_years``, ``ogi.extract.crawl_serial``): a filled span's label glued again after
itself printed once, a year printed in a label written in words, table 二's 序号 glued before its
rows' labels dropped where the header and the rows' order fix them — and everything else left as
printed.

Fixtures (``tests/fixtures/crawl20``): ``ogi synth 44 --formats wild7_html --seed 20020`` rendered by
``ogi synth --shapes crawler_text`` (docs/renderings.md, twentieth session, crawl20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.crawl_cards import glued_cards_dropped
from ogi.extract.crawl_filled import glued_fills_dropped
from ogi.extract.crawl_serial import table2_serials_dropped
from ogi.extract.crawl_years import label_years_in_words

FIXTURES = Path(__file__).parent / "fixtures" / "crawl20"
TABLES = ("table2", "table3", "table4")


def _cells(stem: str) -> tuple[int, int, int, list]:
    """(right, null, wrong, report) of a fixture against its expected values."""
    expected = json.loads((FIXTURES / "expected" / f"{stem}.json").read_text(encoding="utf-8"))
    report = parse(FIXTURES / f"{stem}.txt")
    right = null = wrong = 0
    for table in TABLES:
        got = getattr(report, table) or {}
        for row, cols in (expected.get(table) or {}).items():
            for col, want in cols.items():
                have = (got.get(row) or {}).get(col)
                if have is None and want is not None:
                    null += 1
                elif have == want:
                    right += 1
                else:
                    wrong += 1
    return right, null, wrong, report


# ------------------------------------------------------------------ whole reports

@pytest.mark.parametrize("stem, right", [
    ("00006_wild7_html_filled_spans", 207),  # main: 158 (table 三's rows blank, every run refused)
    ("00003_wild7_html_serial_table2", 207),  # main: 197 (table 二 refused whole)
    ("00001_wild7_html_year_headers", 201),  # main: 176 (table 二 refused, three rows of 三 too many values)
])
def test_crawler_lines_read_whole(stem, right):
    got, null, wrong, _ = _cells(stem)
    assert (got, wrong) == (right, 0)
    assert null == 207 - right


def test_a_run_that_splits_two_ways_stays_null_with_its_finding():
    *_, report = _cells("00001_wild7_html_year_headers")
    assert report.table2["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    messages = [f.message for f in report.findings if f.code == "CELL_AMBIGUOUS"]
    assert messages == ["“规章”行数字粘连(4014),有多种拆分方式,未采用",
                        "“行政规范性文件”行数字粘连(2020),有多种拆分方式,未采用"]


# ------------------------------------------------------------------ filled spans

NEW = "一、本年新收政府信息公开申请数量"
HEADER4 = "结果维持结果纠正其他结果尚未审结总计"


def test_a_spanned_label_glued_again_after_itself_printed_once():
    text = f"其他{NEW * 3}270002029二、上年结转政府信息公开申请数量" + "(一)予以公开" * 2 + "110001012"
    assert glued_fills_dropped(text) == f"其他{NEW}270002029二、上年结转政府信息公开申请数量(一)予以公开110001012"


def test_chinese_punctuation_is_the_same_label():
    assert glued_fills_dropped("三、本年度办理结果（一）予以公开（一）予以公开5") == "三、本年度办理结果（一）予以公开5"


def test_what_the_format_prints_twice_is_left():
    text = f"行政复议行政诉讼{HEADER4}未经复议直接起诉复议后起诉{HEADER4 * 3}000"  # table 四's header, three blocks
    assert glued_fills_dropped(text) is text
    assert glued_fills_dropped(f"{NEW}6{NEW}") == f"{NEW}6{NEW}"  # a value between: no fill


# ------------------------------------------------------------------ years in labels

def test_a_year_in_a_label_written_in_words_one_character_for_one():
    text = ("信息内容2024年制发件数2024年废止件数截至2024年底现行有效件数规章0021"
            "一、2024年新收政府信息公开申请数量6000006二、2023年结转政府信息公开申请数量0000000"
            "三、2024年度办理结果(一)予以公开4000004四、结转2025年继续办理0000000")
    out = label_years_in_words(text)
    assert out == ("信息内容二〇二四年制发件数二〇二四年废止件数截至二〇二四年底现行有效件数规章0021"
                   "一、二〇二四年新收政府信息公开申请数量6000006二、二〇二三年结转政府信息公开申请数量0000000"
                   "三、二〇二四年度办理结果(一)予以公开4000004四、结转二〇二五年继续办理0000000")
    assert len(out) == len(text)


def test_a_year_in_the_prose_is_left():
    text = ("一、总体情况2024年,在区委的领导下……统计期限自2024年1月1日起至2024年12月31日止。"
            "2024年制发规范性文件3件。全年新收申请6件。")
    assert label_years_in_words(text) is text


# ------------------------------------------------------------------ table 二's serials

HEAD1 = "第二十条第(一)项序号信息内容本年制发件数本年废止件数现行有效件数"
HEAD5 = "第二十条第(五)项序号信息内容本年处理决定数量"
HEAD6 = "第二十条第(六)项序号信息内容本年处理决定数量"
TAIL = "三、收到和处理政府信息公开申请情况"


def test_serials_numbered_over_the_table_dropped():
    text = f"{HEAD1}1规章0022行政规范性文件005{HEAD5}3行政许可215{HEAD6}4行政处罚795行政强制38{TAIL}"
    assert table2_serials_dropped(text) == \
        f"{HEAD1}规章002行政规范性文件005{HEAD5}行政许可215{HEAD6}行政处罚79行政强制38{TAIL}"


def test_serials_numbered_in_each_block_dropped():
    text = f"{HEAD1}1规章0022行政规范性文件005{HEAD5}1行政许可215{HEAD6}1行政处罚792行政强制38{TAIL}"
    assert table2_serials_dropped(text) == \
        f"{HEAD1}规章002行政规范性文件005{HEAD5}行政许可215{HEAD6}行政处罚79行政强制38{TAIL}"


@pytest.mark.parametrize("text", [
    f"{HEAD1}1规章0023行政规范性文件005{HEAD5}3行政许可215{TAIL}",  # 规章's digits do not end in its serial 2
    f"{HEAD1}1规章0022行政规范性文件005{HEAD5}行政许可215{TAIL}",  # a block's first row without its serial
    f"{HEAD1}1规章0022行政规范性文件005{HEAD5.replace('序号', '')}3行政许可215{TAIL}",  # a header without 序号
    f"{HEAD1}1规章0022行政规范性文件005",  # no table 三 after it: where table 二 ends is not known
])
def test_serials_the_evidence_does_not_fix_are_left(text):
    assert table2_serials_dropped(text) is text


def test_a_serial_the_numbering_fixes_is_dropped_even_where_the_digits_left_are_too_few():
    # 1 … 3 is one sequence over the table: 行政规范性文件 is its row 2, so the 2 before it is its
    # serial; 规章 keeps 00, two digits for three cells, and the aligner refuses that row
    text = f"{HEAD1}1规章002行政规范性文件005{HEAD5}3行政许可215{TAIL}"
    assert table2_serials_dropped(text) == f"{HEAD1}规章00行政规范性文件005{HEAD5}行政许可215{TAIL}"


def test_one_block_fits_both_numberings_alike():
    text = f"{HEAD1}1规章0022行政规范性文件005{TAIL}"
    assert table2_serials_dropped(text) == f"{HEAD1}规章002行政规范性文件005{TAIL}"


def test_serials_a_line_each_blanked_so_no_line_moves():
    text = ("第二十条第(一)项\n\n序号\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n\n\n1\n规章\n0\n0\n2\n\n\n"
            f"2\n行政规范性文件\n0\n0\n5\n\n{TAIL}")
    out = table2_serials_dropped(text)
    assert out == text.replace("\n1\n规章", "\n \n规章").replace("\n2\n行政", "\n \n行政")
    assert out.count("\n") == text.count("\n")


def test_a_tab_separated_table_is_left_to_its_grid():
    text = f"第二十条第(一)项\n序号\t信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n1\t规章\t0\t0\t2\n2\t行政规范性文件\t0\t0\t5\n{TAIL}"
    assert table2_serials_dropped(text) is text


# ------------------------------------------------------------------ a phone copy's cards

ROWS = "四、结转下年度继续办理0000000(一)予以公开1200003"


def test_cards_that_copy_the_table_before_them_dropped():
    cards = ("一、本年新收政府信息公开申请数量  自然人：1；商业企业：2；总计：3"
             "三、本年度办理结果 (一)予以公开  自然人：1；商业企业：2；科研机构：0；社会公益组织：0；法律服务机构：0；其他：0；总计：3")
    text = f"一、本年新收政府信息公开申请数量123{ROWS}{cards}四、政府信息公开行政复议"
    assert glued_cards_dropped(text) == f"一、本年新收政府信息公开申请数量123{ROWS}四、政府信息公开行政复议"


def test_cards_whose_numbers_the_page_did_not_print_are_left():
    text = f"{ROWS}一、本年新收政府信息公开申请数量  自然人：5；总计：5(一)予以公开  自然人：7；总计：7"
    assert glued_cards_dropped(text) is text
    one = f"{ROWS}(一)予以公开  自然人：1200003；总计：3"  # one card alone is no copy
    assert glued_cards_dropped(one) is one
