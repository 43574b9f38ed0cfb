"""The shapes agencies give their tables that no earlier wild set draws (ogi.synth.wild4): each
deviation is drawn as it should be, and the values the report states are the expected ones."""

from __future__ import annotations

import base64
import random
import re

from lxml import html as lxml_html

from ogi.synth.corpus import MANGLINGS, generate
from ogi.synth.wild4 import EXCLUSIVE, KINDS, kinds_of, make


def _doc(page: bytes):
    return lxml_html.document_fromstring(page)


def _rows(table) -> list[list[str]]:
    return [[c.text_content() for c in tr.iter("td", "th")] for tr in table.iter("tr")]


def _official(page: bytes, key: str) -> list:
    return [t for t in _doc(page).iter("table") if t.get("data-table") == key]


def test_every_kind_is_a_format_mangling_and_mixed4_names_three_that_go_together():
    assert MANGLINGS["wild4_html"] == tuple(KINDS)
    for seed in range(20):
        kinds = kinds_of(random.Random(seed), "mixed4")
        assert len(kinds) == 3 and "mixed4" not in kinds
        assert not any(pair <= set(kinds) for pair in EXCLUSIVE)


def test_only_a_merged_无_changes_the_expected_values():
    for kind in KINDS:
        w = make(random.Random(f"values:{kind}"), kind)
        if not {"merged_zeros", "footnote_marks"} & set(w.kinds):  # a marked cell's value is re-read as text
            assert w.expected == w.synthetic.expected_values(), kind


def test_split_prose_cuts_table_二_at_its_captions_with_a_sentence_between():
    w = make(random.Random("split"), "split_prose")
    pieces = _official(w.html, "table2")
    assert len(pieces) >= 3
    assert all(_rows(p)[0][0].startswith("第二十条") for p in pieces)
    assert pieces[0].getnext().tag == "p"  # the sentence between two pieces
    assert len(_official(w.html, "table3")) == 2


def test_page_marks_number_the_pages_in_order_and_cut_table_三():
    w = make(random.Random("marks"), "page_marks")
    doc = _doc(w.html)
    marks = [p.text for p in doc.xpath("//p[@class='pageno']")]
    numbers = [int(re.search(r"\d+", m).group()) for m in marks]
    assert numbers == list(range(1, len(marks) + 1))
    t3 = _official(w.html, "table3")
    assert len(t3) == 2 and t3[0].getnext().get("class") == "pageno"


def test_transposed_table_三_puts_the_official_rows_in_its_header_row():
    w = make(random.Random("turned"), "transposed")
    rows = _rows(_official(w.html, "table3")[0])
    assert rows[0][1].startswith("一、本年新收") and rows[0][3].startswith("三、本年度办理结果")
    assert any(r[0] == "申请人情况" for r in rows)
    natural = next(r for r in rows if "自然人" in r)
    got = natural[natural.index("自然人") + 1]
    assert got == str(w.expected["table3"]["new_received"]["natural_person"])


def test_footnote_marks_keep_the_count_and_explain_the_mark_under_the_table():
    w = make(random.Random("notes"), "footnote_marks")
    marked = [(t, r, c, v) for t in ("table3", "table4") for r, cols in w.synthetic.printed[t].items()
              for c, v in cols.items() if isinstance(v, str)]
    assert 1 <= len(marked) <= 3
    for t, r, c, v in marked:
        assert v.startswith(str(w.expected[t][r][c])) and not v.isdigit()
    assert "注：" in _doc(w.html).text_content()


def test_table_image_replaces_one_table_by_a_png_of_it():
    w = make(random.Random("image"), "table_image")
    doc = _doc(w.html)
    assert len([t for t in doc.iter("table") if t.get("data-table")]) == 2
    src = doc.xpath("//img/@src")[0]
    assert src.startswith("data:image/png;base64,")
    assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def test_stacked_headers_print_a_character_a_line():
    w = make(random.Random("stack"), "stacked_headers")
    cells = _doc(w.html).xpath("//table[@data-table='table3']//td[br]")
    assert any([cell.text] + [br.tail for br in cell.iter("br")] == list("自然人") for cell in cells)


def test_inner_caption_is_the_first_row_over_the_whole_width():
    w = make(random.Random("caption"), "inner_caption")
    for key in ("table2", "table3", "table4"):
        first = _official(w.html, key)[0].xpath(".//tr")[0]
        assert len(first) == 1 and ("单位" in first[0].text_content() or "情况" in first[0].text_content())


def test_sum_rows_add_a_小计_row_of_column_sums_under_办理结果():
    w = make(random.Random("sums"), "sum_rows")
    rows = _rows(_official(w.html, "table3")[0])
    sub = next(r for r in rows if r[0] == "小计")
    t3 = w.expected["table3"]
    done = t3["total"]["total"]
    assert sub[-1] == str(done)  # the outcome rows sum to (七)总计
    assert any(r[0] == "合计" for r in _rows(_official(w.html, "table2")[0]))


def test_merged_zeros_print_an_all_zero_row_as_one_cell():
    w = make(random.Random("zeros-2"), "merged_zeros")
    cells = _doc(w.html).xpath("//table[@data-table]//td[@class='value'][@colspan]")
    texts = {c.text for c in cells}
    assert texts & {"0", "无"}
    if "无" in texts:
        assert any(v is None for t in ("table3", "table4") for cols in w.expected[t].values() for v in cols.values())


def test_table4_rows_is_three_rows_of_five_results():
    w = make(random.Random("t4"), "table4_rows")
    rows = _rows(_official(w.html, "table4")[0])
    assert [r[0] for r in rows[1:]] == ["行政复议", "未经复议直接起诉", "复议后起诉"]
    assert rows[0][1:] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    t4 = w.expected["table4"]
    assert rows[2][1:] == [str(t4["litigation_direct"][k]) for k in ("upheld", "corrected", "other", "pending", "total")]


def test_the_corpus_is_the_same_bytes_for_a_seed(tmp_path):
    a = generate(11, tmp_path / "a", seed=9200, formats=("wild4_html",))
    b = generate(11, tmp_path / "b", seed=9200, formats=("wild4_html",))
    assert [w.data for w in a] == [w.data for w in b]
    assert [w.mangling for w in a] == list(KINDS)


def test_sum_rows_after_merged_zeros_leave_the_table_as_is_when_no_outcome_cell_is_left(tmp_path):
    # seed 9170's 11th report draws merged_zeros + sum_rows + table_image: every outcome row of
    # table 三 is merged zeros, so there is nothing to sum (this crashed `ogi synth` once)
    reports = generate(11, tmp_path, seed=9170, formats=("wild4_html",))
    assert len(reports) == 11
