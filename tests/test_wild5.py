"""How agencies' pages carry the official tables, drawn by no earlier wild set (ogi.synth.wild5):
each deviation is drawn as it should be, and the expected values are what the page states."""

from __future__ import annotations

import random

from lxml import html as lxml_html

from ogi.render.layout import draw_table
from ogi.synth.corpus import MANGLINGS, generate
from ogi.synth.report import synthesize
from ogi.synth.wild5 import (
    EXCLUSIVE,
    KINDS,
    _width,
    cut_columns,
    cut_rows,
    kinds_of,
    make,
    old_rows,
    pre_text,
    reordered,
)
from ogi.template.layout import VALUE, table_grid


def _doc(page: bytes):
    return lxml_html.document_fromstring(page)


def _rows(table) -> list[list[str]]:
    return [[c.text_content() for c in tr.iter("td", "th")] for tr in table.iter("tr")]


def _first(kind: str, want=lambda w: True, tries: int = 40):
    for i in range(tries):
        w = make(random.Random(f"t5:{kind}:{i}"), kind)
        if want(w):
            return w
    raise AssertionError(f"no {kind} page drawn as wanted")


def _drawn(seed: int, key: str, years=(2019, 2025)):
    s = synthesize(random.Random(seed), "", years=years)
    return s, draw_table(table_grid(s.template, key), s.printed[key])


def _values(table) -> dict:
    """(row key, column key) → text of every value slot of a drawn table."""
    return {c.cell: c.text for c in table.cells if c.role == VALUE and c.cell}


def test_every_kind_is_a_format_mangling_and_mixed5_names_three_that_go_together():
    assert MANGLINGS["wild5_html"] == tuple(KINDS)
    for seed in range(30):
        kinds = kinds_of(random.Random(seed), "mixed5")
        assert len(kinds) == 3 and "mixed5" not in kinds
        assert not any(pair <= set(kinds) for pair in EXCLUSIVE)


def test_only_old_rows_changes_the_expected_values():
    for kind in KINDS:
        w = make(random.Random(f"values:{kind}"), kind)
        if "old_rows" not in w.kinds:
            assert w.expected == w.synthetic.expected_values(), kind


def test_cut_rows_repeats_the_header_and_carries_a_spanning_label_over_the_cut():
    _, t3 = _drawn(5, "table3")
    at = 10  # inside 三、本年度办理结果 and (三)不予公开
    first, second = cut_rows(random.Random(1), t3, at)
    head = [c for c in t3.cells if c.row < 3]
    assert all(c in first.cells and c in second.cells for c in head)
    assert _values(first).keys() | _values(second).keys() == _values(t3).keys()
    assert not _values(first).keys() & _values(second).keys()
    outer = max((c for c in t3.cells if c.rowspan > 1 and c.row >= 3), key=lambda c: c.rowspan)
    cut = next(c for c in first.cells if (c.row, c.col) == (outer.row, outer.col))
    carried = next(c for c in second.cells if c.col == outer.col and c.row == 3 and c.rowspan > 1)
    assert cut.rowspan + carried.rowspan == outer.rowspan and cut.row + cut.rowspan == at
    assert carried.text in (outer.text, "")


def test_header_repeated_prints_table_三_as_pieces_each_with_the_header():
    w = _first("header_repeated")
    pieces = [t for t in _doc(w.html).iter("table") if t.get("data-table") == "table3"]
    assert len(pieces) in (2, 3)
    assert all("申请人情况" in _rows(p)[0][-1] for p in pieces)
    assert [p.get("data-continued") for p in pieces] == [None] + [str(i) for i in range(1, len(pieces))]


def test_cut_columns_keeps_the_label_block_in_both_and_splits_a_spanning_header():
    _, t3 = _drawn(5, "table3")
    left, right = cut_columns(t3, 5)  # 自然人, 商业企业 | 科研机构 … 总计
    assert {c.cell[1] for c in left.cells if c.cell} == {"natural_person", "commercial"}
    assert {c.cell[1] for c in right.cells if c.cell} == {"research", "social_welfare", "legal_service", "other_org",
                                                          "total"}
    orgs = [c for c in left.cells + right.cells if c.text == "法人或其他组织"]
    assert [(c.col, c.colspan) for c in orgs] == [(4, 1), (3, 4)]
    labels = [c.text for c in t3.cells if c.col < 3]
    assert [c.text for c in right.cells if c.col < 3] == labels == [c.text for c in left.cells if c.col < 3]


def test_reordered_moves_each_value_with_its_header():
    _, t4 = _drawn(7, "table4")
    moved = reordered(random.Random(0), t4)
    assert _values(moved) == _values(t4)
    by_col = {c.col: c.cell for c in moved.cells if c.cell}
    assert [by_col[i][0] for i in (0, 5, 10)] == ["litigation_direct", "litigation_after_review", "review"]
    head = {c.text: c.col for c in moved.cells if c.row == 0}
    assert head == {"行政诉讼": 0, "行政复议": 10}


def test_old_rows_prints_其他处理_as_one_row_and_nulls_its_sub_rows():
    s, t3 = _drawn(11, "table3", years=(2021, 2025))
    expected = s.expected_values()
    merged = old_rows(random.Random(0), t3, expected)
    assert merged.n_rows == t3.n_rows - 2
    other = next(c for c in merged.cells if c.text == "(六)其他处理")
    assert (other.rowspan, other.colspan) == (1, 2)
    row = sorted((c for c in merged.cells if c.row == other.row and c.role == VALUE), key=lambda c: c.col)
    sums = expected["table3"]["other"]
    assert [int(c.text) for c in row] == list(sums.values())
    for sub in ("other.no_correction", "other.no_fee", "other.other"):
        assert expected["table3"][sub] == dict.fromkeys(sums)  # null even where the sum is 0: schema.md


def test_old_rows_adds_the_2019_rows_to_table_二():
    w = _first("old_rows")
    t2 = next(t for t in _doc(w.html).iter("table") if t.get("data-table") == "table2")
    labels = [r[0] for r in _rows(t2)]
    assert "其他对外管理服务事项" in labels and "政府集中采购" in labels
    assert w.synthetic.template == "2021"


def test_pre_text_aligns_values_right_under_their_columns():
    _, t2 = _drawn(3, "table2")
    text = pre_text(t2, bars=True).splitlines()
    assert text[0].startswith("─") and text[-1].startswith("─")
    rows = [ln for ln in text if "规章" in ln]
    assert len(rows) == 1 and rows[0].startswith("│规章") and rows[0].endswith("│")
    assert len({_width(ln) for ln in text}) == 1  # every line as wide as the rules (a wide character is 2)


def test_div_grid_and_pre_table_replace_one_official_table():
    for kind, tag in (("div_grid", "div"), ("pre_table", "pre")):
        w = _first(kind)
        doc = _doc(w.html)
        drawn = doc.xpath(f"//{tag}[@data-table]")
        assert len(drawn) == 1
        assert len(doc.xpath("//table[@data-table]")) == 2
        assert "规章" in drawn[0].text_content() or "自然人" in drawn[0].text_content() \
            or "行政复议" in drawn[0].text_content()


def test_tfoot_rows_are_written_before_the_body():
    w = _first("tfoot_rows")
    t3 = _doc(w.html).xpath("//table[@data-table='table3']")[0]
    assert [el.tag for el in t3] == ["thead", "tfoot", "tbody"]
    foot = _rows(t3.find("tfoot"))
    assert foot[0][0] == "(七)总计" and foot[1][0] == "四、结转下年度继续办理"


def test_decoy_tables_are_not_official_and_leave_the_official_ones_whole():
    w = _first("decoy_tables")
    doc = _doc(w.html)
    assert len(doc.xpath("//table[@data-table]")) == 3
    assert len(doc.xpath("//table[not(@data-table)]")) == 2


def test_year_compare_keeps_this_years_values_and_adds_last_years():
    w = _first("year_compare", lambda w: "本年度" in w.html.decode() or "上年" in w.html.decode())
    t4 = next(t for t in _doc(w.html).iter("table") if t.get("data-table") == "table4")
    labels = [r[0] for r in _rows(t4)[3:]]
    assert len(labels) in (2, 3)
    year = w.synthetic.profile.year
    assert set(labels[:2]) in ({"本年度", "上年度"}, {f"{year}年", f"{year - 1}年"})


def test_the_corpus_is_the_same_bytes_for_a_seed(tmp_path):
    a = generate(11, tmp_path / "a", seed=9300, formats=("wild5_html",))
    b = generate(11, tmp_path / "b", seed=9300, formats=("wild5_html",))
    assert [w.data for w in a] == [w.data for w in b]
    assert [w.mangling for w in a] == list(KINDS)


def test_a_tfoot_written_before_the_body_is_read_under_it(tmp_path):
    """HTML 4 wrote ``<tfoot>`` before ``<tbody>``; a browser draws it at the bottom, and so
    does the reader (readers/html_tables.row_groups): table 三's 总计 and 结转 rows in place."""
    from ogi import parse

    w = _first("tfoot_rows")
    path = tmp_path / "tfoot.html"
    path.write_bytes(w.html)
    got = parse(path).model_dump()
    assert got["table3"] == w.expected["table3"] and got["table2"] == w.expected["table2"]


def test_a_text_header_printing_自然人_after_the_organisations_is_out_of_order():
    """wild5 ``reordered`` 00002 as text: ``法人或其他组织 自然人 总计`` keeps 自然人 before 总计, so
    only 法人或其他组织's place shows the order (extract/colorder._first_row_on_line); before,
    14 numbers a text rendering were read into the wrong column with no finding."""
    from ogi.extract.colorder import order_printed_in_lines

    rows = ["一、本年新收政府信息公开申请数量 0 0 0 0 0 4 4"]
    moved = ["申请人情况", "法人或其他组织 自然人 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他", *rows]
    total_first = ["申请人情况", "自然人 总计 法人或其他组织", "商业企业 科研机构 社会公益组织 法律服务机构 其他", *rows]
    template = ["申请人情况", "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他", *rows]
    # the three whole on one line place their cells: every column named (twentieth session, §91)
    assert order_printed_in_lines(moved) == "法人或其他组织(商业企业、科研机构、社会公益组织、法律服务机构、其他)、自然人、总计"
    assert order_printed_in_lines(total_first) is not None
    assert order_printed_in_lines(template) is None
    # one label a line (a PDF's text may print 自然人, centred down two rows, after 法人或其他组织): not read
    assert order_printed_in_lines(["申请人情况", "法人或其他组织", "自然人", "总计", *rows]) is None


def test_the_reordered_page_as_text_leaves_table_三s_applicant_cells_null_with_the_finding(tmp_path):
    from ogi import parse
    from ogi.synth.shapes.text import crawler_text

    w = _first("reordered", lambda w: "自然人" in _doc(w.html).xpath("//table[@data-table='table3']//tr")[1][-2]
               .text_content())  # 自然人 printed after the five organisations
    path = tmp_path / "reordered.txt"
    path.write_text(crawler_text(w.html.decode()), encoding="utf-8")
    report = parse(path).model_dump()
    assert all(v is None for row in report["table3"].values() for v in row.values())
    assert any("表三表头所印申请人各列的顺序与规定格式不同" in f["message"] for f in report["findings"])


def test_a_wrapped_first_row_label_counts_on_its_line():
    """w3m prints narrow cells a character a line: ``法人或其他组织 自`` (自 of 自然人, right of the
    organisations) is a line out of order."""
    from ogi.extract.colorder import order_printed_in_lines

    rows = ["一、本年新收政府信息公开申请数量 0 0 0 0 0 4 4"]
    moved = ["申请人情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第 法人或其他组织 自",
             "三项加第四项之和) 商业 科研 社会 法律 其 然 总", "企业 机构 公益 服务 他 人 计", "组织 机构", *rows]
    kept = ["申请人情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第 自 法人或其他组织",
            "三项加第四项之和) 然 商业 科研 社会 法律 其 总", "人 企业 机构 公益 服务 他 计", "组织 机构", *rows]
    assert order_printed_in_lines(moved) is not None
    assert order_printed_in_lines(kept) is None


def test_traditional_headers_out_of_order_are_read_by_their_header(tmp_path):
    """A grid whose applicant headers are printed in traditional characters (總計, 商業企業) and
    out of the template's order is reordered by them, not read by position."""
    from ogi import parse

    w = _first("reordered", lambda w: "自然人" in _doc(w.html).xpath("//table[@data-table='table3']//tr")[1][-2]
               .text_content())
    page = w.html.decode()
    for simple, traditional in (("总计", "總計"), ("商业企业", "商業企業"), ("科研机构", "科研機構"),
                                ("社会公益组织", "社會公益組織"), ("法律服务机构", "法律服務機構")):
        page = page.replace(f'<td class="header">{simple}</td>', f'<td class="header">{traditional}</td>')
        page = page.replace(f'<td class="header" rowspan="2">{simple}</td>',
                            f'<td class="header" rowspan="2">{traditional}</td>')
    assert "總計" in page and "商業企業" in page
    path = tmp_path / "traditional.html"
    path.write_text(page, encoding="utf-8")
    report = parse(path).model_dump()
    assert report["table3"] == w.expected["table3"]
    assert any("表三申请人各列的顺序与规定格式不同" in f["message"] for f in report["findings"])


def test_markdown_escapes_do_not_cut_the_index_number_or_the_date():
    """mammoth's Markdown writes ``索引号:375299036/2024\\-29534`` and ``发布日期:2024\\-03\\-14``."""
    from ogi.extract.meta import read_meta

    meta = read_meta(["# 洪泽区滨江新区办事处2023年政府信息公开工作年度报告", "索引号:375299036/2024\\-29534",
                      "发布机构:洪泽区滨江新区办事处", "发布日期:2024\\-03\\-14"])
    assert (meta.index_number, meta.published_date) == ("375299036/2024-29534", "2024-03-14")
