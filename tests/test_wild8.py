"""What agencies' pages print that no earlier wild set draws (ogi.synth.wild8): each deviation
is drawn as it should be, and the expected values are what the page states."""

from __future__ import annotations

import random
import re

from lxml import html as lxml_html

from ogi.render.layout import draw_table
from ogi.synth.corpus import MANGLINGS
from ogi.synth.report import synthesize
from ogi.synth.wild8 import EXCLUSIVE, KINDS, kinds_of, make, no_total, rate_row
from ogi.template.layout import HEADER, LABEL, VALUE, table_grid


def _first(kind: str, want=lambda w: True, tries: int = 40):
    for i in range(tries):
        w = make(random.Random(f"t8:{kind}:{i}"), kind)
        if want(w):
            return w
    raise AssertionError(f"no {kind} page drawn as wanted")


def _drawn(seed: int, key: str):
    s = synthesize(random.Random(seed), "")
    return s, draw_table(table_grid(s.template, key), s.printed[key])


def _doc(w):
    return lxml_html.document_fromstring(w.html.decode("utf-8"))


def test_every_kind_is_a_format_mangling_and_mixed8_names_three_that_go_together():
    assert MANGLINGS["wild8_html"] == tuple(KINDS)
    for seed in range(30):
        kinds = kinds_of(random.Random(seed), "mixed8")
        assert len(kinds) == 3 and "mixed8" not in kinds
        assert not any(pair <= set(kinds) for pair in EXCLUSIVE)


def test_only_no_total_changes_the_expected_values():
    for kind in KINDS:
        if kind in ("no_total", "mixed8"):
            continue
        w = make(random.Random(f"same:{kind}"), kind)
        assert w.expected == w.synthetic.expected_values()


def test_no_total_drops_the_column_and_nulls_the_totals():
    _, t = _drawn(3, "table3")
    cut = no_total(t)
    assert cut.n_cols == t.n_cols - 1
    assert not [c for c in cut.cells if c.role == HEADER and c.text == "总计"]
    assert not [c for c in cut.cells if c.cell and c.cell[1] == "total"]
    assert {c.cell: c.text for c in cut.cells if c.role == VALUE} == \
        {c.cell: c.text for c in t.cells if c.role == VALUE and c.cell[1] != "total"}
    w = _first("no_total")
    assert all(cols["total"] is None for cols in w.expected["table3"].values())
    assert w.expected["table3"]["new_received"]["natural_person"] == w.synthetic.printed["table3"]["new_received"]["natural_person"]


def test_rate_row_is_a_last_row_of_percentages():
    _, t = _drawn(5, "table3")
    r = rate_row(random.Random(1), t)
    last = max(c.row for c in r.cells)
    row = [c for c in r.cells if c.row == last]
    assert row[0].role == LABEL and row[0].text in ("办结率", "按时办结率", "公开率")
    assert all(c.cell is None and (c.text.endswith("%") or c.text == "—") for c in row[1:])
    assert len(row) - 1 == len({c.col for c in t.cells if c.role == VALUE})


def test_tables_order_moves_sections_with_their_tables():
    w = _first("tables_order")
    heads = [h.text_content()[0] for h in _doc(w).xpath("//h2")]
    assert heads != list("一二三四五六") and sorted(heads, key="一二三四五六".index) == list("一二三四五六")
    assert heads.index("一") == 0 and heads[-2:] == ["五", "六"]


def test_cell_notes_put_a_smaller_number_under_the_value():
    w = _first("cell_notes", lambda w: b"<br>" in w.html)
    notes = [td for td in _doc(w).xpath("//td[br]")]
    assert 1 <= len(notes) <= 4
    for td in notes:
        value, note = int(td.text), td[0].tail
        assert re.fullmatch(r"（(含|其中)\D+(\d+)件）", note)
        assert int(re.search(r"\d+", note).group()) < value


def test_th_cells_and_caption_tag():
    doc = _doc(_first("th_cells"))
    assert not doc.xpath("//table[@data-table]//td") and doc.xpath("//table[@data-table]//th")
    doc = _doc(_first("caption_tag"))
    for el in doc.xpath("//table[@data-table]"):
        assert el[0].tag == "caption" and el[0].text.startswith("表")
        assert "单位" in el.xpath(".//thead/tr[1]/td")[0].text


def test_first_page_ends_after_table3_and_keeps_table4_expected():
    w = _first("first_page")
    doc = _doc(w)
    assert not doc.xpath("//table[@data-table='table4']")
    assert "下一页" in doc.xpath("//div[@class='pager']")[0].text
    assert w.expected["table4"] == w.synthetic.expected_values()["table4"]


def test_zone_agency_names_the_zone_everywhere():
    w = _first("zone_agency")
    p = w.synthetic.profile
    assert p.agency.endswith(("委员会", "管委会", "办事处")) and p.short == p.agency
    doc = _doc(w)
    assert doc.find(".//title").text.startswith(p.agency)
    assert p.agency in doc.text_content()


def test_a_seed_gives_the_same_bytes():
    for kind in KINDS:
        assert make(random.Random(f"b:{kind}"), kind).html == make(random.Random(f"b:{kind}"), kind).html
