"""What agencies' reports print that no earlier wild set draws (ogi.synth.wild7): each
deviation is drawn as it should be, and the expected values are what the page states."""

from __future__ import annotations

import random

from lxml import html as lxml_html

from ogi.render.layout import draw_table
from ogi.synth.corpus import MANGLINGS
from ogi.synth.report import synthesize
from ogi.synth.wild7 import (
    EXCLUSIVE,
    KINDS,
    filled_spans,
    kinds_of,
    make,
    serial_table2,
    subtotal_column,
    transposed,
    year_title,
    year_words,
)
from ogi.template.layout import HEADER, LABEL, VALUE, table_grid


def _first(kind: str, want=lambda w: True, tries: int = 40):
    for i in range(tries):
        w = make(random.Random(f"t7:{kind}:{i}"), kind)
        if want(w):
            return w
    raise AssertionError(f"no {kind} page drawn as wanted")


def _drawn(seed: int, key: str, template: str | None = None):
    for i in range(50):
        s = synthesize(random.Random(seed + 1000 * i), "")
        if template is None or s.template == template:
            return s, draw_table(table_grid(s.template, key), s.printed[key])
    raise AssertionError("no report of the template drawn")


def _values(table) -> dict:
    return {c.cell: c.text for c in table.cells if c.role == VALUE and c.cell}


def test_every_kind_is_a_format_mangling_and_mixed7_names_three_that_go_together():
    assert MANGLINGS["wild7_html"] == tuple(KINDS)
    for seed in range(30):
        kinds = kinds_of(random.Random(seed), "mixed7")
        assert len(kinds) == 3 and "mixed7" not in kinds
        assert not any(pair <= set(kinds) for pair in EXCLUSIVE)


def test_no_kind_changes_the_expected_values():
    for kind in KINDS:
        w = make(random.Random(f"same:{kind}"), kind)
        assert w.expected == w.synthetic.expected_values()


def test_year_title_keeps_agency_and_year_in_every_style():
    seen = set()
    for i in range(40):
        title, second = year_title(random.Random(i), "某区某局", 2023)
        assert "某区某局" in title and "2023" in title and title.endswith(("年度报告", "（2023年）", "（2023年度）"))
        seen.add((title, second))
    assert ("某区某局政府信息公开工作年度报告（2023年）", None) in seen
    assert ("2023年某区某局政府信息公开工作年度报告", None) in seen
    assert ("某区某局2023年政府信息公开工作年度报告", "2023年政府信息公开工作年度报告") in seen


def test_year_words_print_the_year_for_this_last_and_next_year():
    assert year_words("本年制发件数", 2023) == "2023年制发件数"
    assert year_words("现行有效件数", 2023) == "截至2023年底现行有效件数"
    assert year_words("二、上年结转政府信息公开申请数量", 2023) == "二、2022年结转政府信息公开申请数量"
    assert year_words("上一年项目数量", 2019) == "2018年项目数量"
    assert year_words("三、本年度办理结果", 2023) == "三、2023年度办理结果"
    assert year_words("四、结转下年度继续办理", 2023) == "四、结转2024年继续办理"


def test_subtotal_column_sums_the_five_organisations_under_their_header():
    _, t3 = _drawn(7, "table3")
    wide = subtotal_column(random.Random(1), t3)
    assert wide.n_cols == t3.n_cols + 1
    group = next(c for c in wide.cells if c.text == "法人或其他组织")
    assert group.colspan == 6
    sub = next(c for c in wide.cells if c.role == HEADER and c.text in ("小计", "合计"))
    assert sub.col == group.col + 5 and sub.row == group.row + 1
    assert _values(wide) == _values(t3)  # the subtotal is no cell of the report
    for row in wide.rows():
        vals = [c for c in row if c.role == VALUE]
        if vals:
            nums = [int(c.text) for c in sorted(vals, key=lambda c: c.col)]
            assert nums[6] == sum(nums[1:6])  # 自然人, five, subtotal, 总计


def test_serial_table2_numbers_the_value_rows_in_a_first_column():
    _, t2 = _drawn(8, "table2", "2021")
    numbered = serial_table2(t2)
    assert numbered.n_cols == t2.n_cols + 1
    serials = [c.text for c in sorted(numbered.cells, key=lambda c: c.row) if c.col == 0 and c.role == LABEL]
    assert serials == [str(i) for i in range(1, len(serials) + 1)] and len(serials) == 6
    assert _values(numbered) == _values(t2)


def test_filled_spans_leaves_no_merged_label_and_repeats_its_text():
    _, t3 = _drawn(9, "table3")
    flat = filled_spans(t3)
    assert all(c.rowspan == c.colspan == 1 for c in flat.cells if c.role != VALUE)
    tall = max(t3.cells, key=lambda c: c.rowspan)
    copies = [c for c in flat.cells if c.text == tall.text]
    assert len(copies) == tall.rowspan * tall.colspan
    assert _values(flat) == _values(t3)


def test_transposed_table4_is_fifteen_rows_of_one_value():
    _, t4 = _drawn(10, "table4")
    turned = transposed(t4)
    assert (turned.n_rows, turned.n_cols) == (t4.n_cols, t4.n_rows)
    assert all(c.col == t4.n_rows - 1 for c in turned.cells if c.role == VALUE)
    assert _values(turned) == _values(t4)


def test_header_image_takes_table_三_header_text_off_the_page():
    w = _first("header_image")
    doc = lxml_html.document_fromstring(w.html)
    t3 = doc.xpath("//table[@data-table='table3']")[0]
    assert t3.xpath(".//img") and "自然人" not in t3.text_content()


def test_annex_table_links_a_pdf_in_place_of_one_table():
    w = _first("annex_table")
    doc = lxml_html.document_fromstring(w.html)
    assert len(doc.xpath("//table[@data-table]")) == 2
    assert doc.xpath("//a[contains(@href, '.pdf')]")


def test_word_mso_writes_o_p_and_the_properties_block():
    text = _first("word_mso").html.decode("utf-8")
    assert "<o:p></o:p>" in text and "<!--[if gte mso 9]><xml>" in text and "<![if !supportLists]>" in text
    assert "@@" not in text


def test_listing_page_holds_the_report_in_one_article_among_others():
    w = _first("listing_page")
    doc = lxml_html.document_fromstring(w.html)
    articles = doc.xpath("//article")
    assert len(articles) >= 2
    assert sum(1 for a in articles if a.xpath(".//table[@data-table]")) == 1
