"""How agencies' sites serve a report, drawn by no earlier wild set (ogi.synth.wild6): each
deviation is drawn as it should be, and the expected values are what the page states."""

from __future__ import annotations

import html as html_escape
import random
import re

from lxml import html as lxml_html

from ogi.render.layout import draw_table
from ogi.synth.corpus import MANGLINGS, generate
from ogi.synth.report import synthesize
from ogi.synth.wild6 import (
    EXCLUSIVE,
    KINDS,
    caption_column,
    kinds_of,
    make,
    row_tables,
    traditional,
    unspanned_rows,
)
from ogi.template.layout import CAPTION, VALUE, table_grid


def _first(kind: str, want=lambda w: True, tries: int = 40):
    for i in range(tries):
        w = make(random.Random(f"t6:{kind}:{i}"), kind)
        if want(w):
            return w
    raise AssertionError(f"no {kind} page drawn as wanted")


def _drawn(seed: int, key: str):
    s = synthesize(random.Random(seed), "")
    return s, draw_table(table_grid(s.template, key), s.printed[key])


def _values(table) -> dict:
    return {c.cell: c.text for c in table.cells if c.role == VALUE and c.cell}


def _text(w) -> str:
    return w.html.decode("utf-8")


def test_every_kind_is_a_format_mangling_and_mixed6_names_three_that_go_together():
    assert MANGLINGS["wild6_html"] == tuple(KINDS)
    for seed in range(30):
        kinds = kinds_of(random.Random(seed), "mixed6")
        assert len(kinds) == 3 and "mixed6" not in kinds
        assert not any(pair <= set(kinds) for pair in EXCLUSIVE)


def test_no_kind_changes_the_expected_values():
    for kind in KINDS:
        rng = random.Random(f"same:{kind}")
        w = make(rng, kind)
        assert w.expected == w.synthetic.expected_values()


def test_caption_column_puts_each_caption_beside_its_block():
    _, t2 = _drawn(3, "table2")
    moved = caption_column(t2)
    assert moved.n_cols == t2.n_cols + 1
    assert moved.n_rows == t2.n_rows - 4  # the four caption rows go
    caps = sorted((c for c in moved.cells if c.role == CAPTION), key=lambda c: c.row)
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in caps] == [(0, 0, 3, 1), (3, 0, 2, 1), (5, 0, 3, 1), (8, 0, 2, 1)]
    assert caps[0].text.startswith("第二十条第")
    assert _values(moved) == _values(t2)


def test_unspanned_rows_prints_a_spanning_label_once_and_leaves_the_rows_under_it_empty():
    _, t3 = _drawn(4, "table3")
    flat = unspanned_rows(t3)
    assert all(c.rowspan == 1 for c in flat.cells)
    assert flat.n_rows == t3.n_rows and flat.n_cols == t3.n_cols
    tall = max(t3.cells, key=lambda c: c.rowspan)
    below = [c for c in flat.cells if c.col == tall.col and tall.row < c.row < tall.row + tall.rowspan]
    assert below and all(c.text == "" for c in below)
    assert _values(flat) == _values(t3)


def test_row_tables_writes_one_table_per_row():
    _, t4 = _drawn(5, "table4")
    tables = row_tables(t4)
    assert len(tables) == t4.n_rows
    assert all(len(t.xpath(".//tr")) == 1 for t in tables)
    assert tables[-1].xpath(".//td")[0].text.isdigit()


def test_traditional_converts_labels_and_page_words():
    assert traditional("收到和处理政府信息公开申请情况") == "收到和處理政府信息公開申請情況"
    assert traditional("偃师区东城街道2025年度报告") == "偃师區東城街道2025年度報告"


def test_a_traditional_page_asks_the_agency_in_its_characters():
    w = _first("traditional_all")
    assert w.agency == traditional(w.synthetic.profile.short)
    assert w.agency in _text(w)


def test_a_framed_page_holds_the_report_in_srcdoc():
    w = _first("framed")
    doc = lxml_html.document_fromstring(w.html)
    frame = doc.xpath("//iframe")[0]
    inner = lxml_html.document_fromstring(frame.get("srcdoc"))
    assert len(inner.xpath("//table[@data-table]")) == 3
    assert not doc.xpath("//table")
    assert html_escape.escape("<table", quote=True) in _text(w)


def test_paged_join_repeats_the_title_and_prints_a_pager_at_each_page():
    w = _first("paged_join")
    doc = lxml_html.document_fromstring(w.html)
    pagers = doc.xpath("//div[@class='pager']")
    titles = doc.xpath("//h1")
    assert len(pagers) == len(titles) >= 2
    assert all(t.text_content().startswith(titles[0].text_content()) for t in titles)


def test_paged_join_may_cut_table_三_under_its_header_again():
    w = _first("paged_join", lambda w: b"data-continued" in w.html)
    doc = lxml_html.document_fromstring(w.html)
    pieces = doc.xpath("//table[@data-table='table3']")
    assert len(pieces) == 2
    assert pieces[1].getprevious().tag == "h1"


def test_mobile_copy_is_hidden_and_not_an_official_table():
    w = _first("mobile_copy")
    doc = lxml_html.document_fromstring(w.html)
    hidden = doc.xpath("//div[@class='m-only']")
    assert len(hidden) == 1 and "display:none" in hidden[0].get("style")
    assert len(doc.xpath("//table[@data-table]")) == 3


def test_meta_table_states_a_written_date_before_the_published_one():
    w = _first("meta_table")
    text = lxml_html.document_fromstring(w.html).xpath("//table[@class='meta-table']")[0].text_content()
    dates = re.findall(r"\d{4}-\d\d-\d\d", text)
    assert dates[1] == w.synthetic.profile.published.isoformat() and dates[0] < dates[1]


def test_spacer_cells_end_each_table_with_an_empty_row():
    w = _first("spacer_cells")
    doc = lxml_html.document_fromstring(w.html)
    for t in doc.xpath("//table[@data-table]"):
        last = t.xpath(".//tr")[-1]
        assert last.get("height") == "0" and not last.text_content().strip()


def test_archive_links_name_earlier_years_only():
    w = _first("archive_links")
    doc = lxml_html.document_fromstring(w.html)
    years = [int(y) for y in re.findall(r"(\d{4})年", doc.xpath("//div[@class='archive']")[0].text_content())]
    assert years and max(years) == w.synthetic.profile.year - 1


def test_the_corpus_is_the_same_bytes_for_a_seed(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate(10, a, seed=9400, formats=("wild6_html",))
    generate(10, b, seed=9400, formats=("wild6_html",))
    names = sorted(p.name for p in a.iterdir() if p.is_file())
    assert names == sorted(p.name for p in b.iterdir() if p.is_file())
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
