"""Reports laid out as agencies' documents and content systems lay them out (ogi.synth.wild3):
each deviation is drawn as it should be and leaves the values the report states unchanged."""

from __future__ import annotations

import random

from lxml import html as lxml_html

from ogi.synth.corpus import MANGLINGS, generate
from ogi.synth.wild3 import KINDS, kinds_of, make


def _tables(page: bytes) -> dict[str, list[list[str]]]:
    doc = lxml_html.document_fromstring(page)
    return {t.get("data-table") or f"t{i}": [[c.text_content() for c in tr.iter("td", "th")] for tr in t.iter("tr")]
            for i, t in enumerate(doc.iter("table"))}


def test_every_kind_is_a_format_mangling_and_mixed3_names_three_others():
    assert MANGLINGS["wild3_html"] == tuple(KINDS)
    kinds = kinds_of(random.Random(1), "mixed3")
    assert len(kinds) == 3 and "mixed3" not in kinds


def test_no_kind_changes_the_values_the_report_states():
    for kind in KINDS:
        rng = random.Random(f"values:{kind}")
        w = make(rng, kind)
        assert w.expected == w.synthetic.expected_values() or kind in ("yoy_values", "mixed3")


def test_a_remark_column_is_one_column_more_headed_备注():
    w = make(random.Random("remark"), "remark_column")
    t3 = _tables(w.html)["table3"]
    assert t3[0][-1] == "备注"
    # every body row ends in its 备注 cell after its total: a value row holds 7 values and a remark
    row = next(r for r in t3 if r[0].startswith("一、"))
    assert len(row) == 1 + 7 + 1 and row[-2] == str(w.expected["table3"]["new_received"]["total"])


def test_a_comparison_beside_a_count_keeps_the_count():
    w = make(random.Random("yoy-test"), "yoy_values")
    printed = [v for t in ("table2", "table4") for cols in w.synthetic.printed[t].values() for v in cols.values()
               if isinstance(v, str) and ("同比" in v or "上年" in v)]
    assert printed  # some counts carry a comparison
    for t in ("table2", "table4"):
        for r, cols in w.synthetic.printed[t].items():
            for c, v in cols.items():
                if isinstance(v, str) and ("同比" in v or "上年" in v):
                    assert v.startswith(str(w.expected[t][r][c]))


def test_totals_first_moves_the_total_column_before_its_parts():
    w = make(random.Random("totals"), "totals_first")
    t3 = _tables(w.html)["table3"]
    assert t3[1][0] == "总计" and t3[1][1] == "自然人"
    t4 = _tables(w.html)["table4"]
    assert t4[1][0] == "总计" and t4[2][0] == "总计" and t4[2][5] == "总计"


def test_two_reports_print_the_year_before_after_the_report():
    w = make(random.Random("two"), "two_reports")
    text = lxml_html.document_fromstring(w.html).text_content()
    year = w.synthetic.profile.year
    other = year - 1 if year > 2019 else year + 1
    assert text.index(f"{year}年") < text.index(f"{w.synthetic.profile.agency}{other}年度政府信息公开工作年度报告")
    doc = lxml_html.document_fromstring(w.html)
    assert sum(t.get("data-table") == "table3" for t in doc.iter("table")) == 2


def test_a_word_processors_html_wraps_every_cell_in_msonormal():
    w = make(random.Random("word"), "word_html")
    doc = lxml_html.document_fromstring(w.html)
    table = next(t for t in doc.iter("table") if "MsoNormalTable" in (t.get("class") or ""))
    assert all(td.find("p") is not None and td.find("p").get("class") == "MsoNormal" for td in table.iter("td"))


def test_a_layout_table_holds_the_report_beside_its_links():
    w = make(random.Random("layout"), "layout_table")
    doc = lxml_html.document_fromstring(w.html)
    outer = doc.body[0]
    assert outer.tag == "table" and outer.get("class") == "layout"
    assert "依申请公开" in outer.text_content() and "本年新收" in outer.text_content()


def test_the_corpus_is_the_same_bytes_for_a_seed(tmp_path):
    a = generate(11, tmp_path / "a", seed=9190, formats=("wild3_html",))
    b = generate(11, tmp_path / "b", seed=9190, formats=("wild3_html",))
    assert [w.data for w in a] == [w.data for w in b]
    assert [w.mangling for w in a] == list(KINDS)
