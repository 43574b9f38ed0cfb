"""The shortcuts the speed work takes give the answers of the long way, exactly.

Each test pins a shortcut against the reading it replaces: the page-wide "nothing hidden"
test against the element-by-element one, a cell's span read by its attribute names, the
kept section sentences against the text they came from, the prose test kept once per unit.
"""

from __future__ import annotations

import pytest
from lxml import etree

from ogi.checks.prose import sentences
from ogi.document import Position
from ogi.extract.tokens import Unit
from ogi.model import Report, SectionText
from ogi.readers.html import read_html
from ogi.readers.html_tables import cell_groups, line_position, place
from ogi.readers.html_text import hides_nothing, is_hidden, nothing_hidden


def _root(html: str) -> etree._Element:
    return etree.fromstring(html, etree.HTMLParser())


def test_a_page_hides_nothing_only_when_no_element_is_hidden():
    assert hides_nothing(_root("<p style='color:red'>a</p><td class='hidden-x'>b</td>")) is True
    assert hides_nothing(_root("<p hidden>a</p>")) is False
    assert hides_nothing(_root("<p style='DISPLAY : none'>a</p>")) is False
    assert hides_nothing(_root("<p style='color:red; visibility:hidden'>a</p>")) is False
    # a style that names "none" elsewhere hides nothing, and is_hidden agrees element by element
    root = _root("<p style='border:none'>a</p>")
    assert hides_nothing(root) is True
    assert [is_hidden(el) for el in root.iter()] == [False] * len(list(root.iter()))


def test_inside_a_page_that_hides_nothing_no_attribute_is_read():
    root = _root("<p hidden>a</p>")
    with nothing_hidden(root):
        assert is_hidden(root.find(".//p")) is True  # the page hides something: read as before
    plain = _root("<p>a</p>")
    with nothing_hidden(plain):
        assert is_hidden(plain.find(".//p")) is False
    assert is_hidden(root.find(".//p")) is True  # outside the reading: the attributes decide


def test_a_hidden_cell_is_left_out_beside_a_page_that_hides_nothing():
    doc = read_html("<table><tr><td>1</td><td style='display:none'>9</td><td>2</td></tr>"
                    "<tr><td>3</td><td>4</td></tr></table>".encode())
    (table,) = doc.blocks
    assert [c.text for c in table.cells] == ["1", "2", "3", "4"]


def test_spans_are_read_only_from_cells_that_name_them():
    root = _root("<table><tr><td class='a' rowspan='2'>a</td><td>b</td><td colspan='0'>c</td></tr>"
                 "<tr><td width='3'>d</td><td>e</td></tr></table>")
    grid = place(cell_groups(root.find(".//table")), Position(line=1))
    assert [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in grid.cells] == [
        ("a", 0, 0, 2, 1), ("b", 0, 1, 1, 1), ("c", 0, 2, 1, 1), ("d", 1, 1, 1, 1), ("e", 1, 2, 1, 1)]


def test_cells_of_one_source_line_share_one_position_across_tables():
    assert line_position(7) is line_position(7)
    assert line_position(7) == Position(line=7)
    assert line_position(None) == Position()


def test_kept_sentences_follow_the_section_text():
    report = Report()
    report.sections["s1"] = SectionText(text="一、总体情况\n本年收到申请5件。办结4件")
    assert [s.text for s in sentences(report)] == ["一、总体情况", "本年收到申请5件。", "办结4件"]
    report.sections["s1"] = SectionText(text="本年收到申请6件。")
    assert [(s.text, s.section) for s in sentences(report)] == [("本年收到申请6件。", "s1")]


def test_a_units_prose_test_is_made_once_and_kept():
    unit = Unit("本机关全年共收到政府信息公开申请5件。", [], Position(line=1), False)
    assert "prose" not in unit.__dict__
    assert unit.prose is True
    assert unit.__dict__["prose"] is True  # kept: later reads find it without the test
    assert Unit("一、本年新收政府信息公开申请数量", [], Position(line=2), True).prose is False


# ------------------------------------------------------------------ eleventh session (txtspeed5)

def _trim_blanks_one_pass(tokens):
    """The row's blank cells trimmed as the one Python pass over the row did it (the reference)."""
    has_value, has_blank, last_text, last = False, False, -1, -1
    for i, t in enumerate(tokens):
        if t.kind != "blank":
            last = i
            last_text = i if t.kind == "text" else last_text
            has_value = has_value or t.kind in ("num", "na")
        else:
            has_blank = True
    if not has_blank:
        return tokens
    if not has_value:
        return [t for t in tokens if t.kind != "blank"]
    return [t for i, t in enumerate(tokens[:last + 1]) if t.kind != "blank" or i > last_text]


def test_blank_cells_are_trimmed_as_the_one_pass_trimmed_them():
    from itertools import product

    from ogi.extract.layout import _trim_blanks
    from ogi.extract.tokens import Token

    for n in range(6):
        for kinds in product(("num", "na", "blank", "text"), repeat=n):
            row = [Token(k, str(i), Position(line=1), 0) for i, k in enumerate(kinds)]
            assert [id(t) for t in _trim_blanks(row)] == [id(t) for t in _trim_blanks_one_pass(row)], kinds
    row = [Token("num", "1", Position(), 0)]
    assert _trim_blanks(row) is row  # nothing to trim: the row itself


def test_events_read_their_segment_and_token():
    from ogi.extract.layout import Event
    from ogi.extract.tokens import Token
    from ogi.template.labels import segment

    seg = segment("其他")[0]
    tok = Token("num", "3", Position(line=4), 0, 3)
    assert Event("phrase", Position(), segment=seg).seg is seg
    assert Event("value", Position(), token=tok).tok is tok


def test_grid_sizes_count_spans():
    from ogi.document import Cell, Table

    table = Table([Cell("a", 0, 0, rowspan=3), Cell("b", 0, 1, colspan=4), Cell("c", 1, 2)])
    assert (table.n_rows, table.n_cols) == (3, 5)
    assert (Table([]).n_rows, Table([]).n_cols) == (0, 0)


def test_a_tree_no_larger_than_the_depth_limit_is_not_walked():
    from ogi import limits
    from ogi.limits import LimitExceeded, Limits
    from ogi.readers.html import _check_depth, _pairs

    root = _root("<div><p>a</p><p><b>b</b></p></div>")  # html > body > div > p > b: 6 elements
    walked = sum(len(list(el.iterancestors())) + 1 for el in root.iter())
    assert _check_depth(root) is None  # 5000 deep allowed, 8 nodes (6 elements, 2 texts): none nests deeper
    assert _pairs(root) == walked == 1 + 2 + 3 + 4 + 4 + 5
    with limits.scope(Limits(depth=7)):  # fewer than its nodes: walked, pairs returned
        assert _check_depth(root) == walked
    with limits.scope(Limits(depth=4)), pytest.raises(LimitExceeded, match=r"^HTML elements nest more than 4 deep"):
        _check_depth(root)


def test_row_indexes_give_each_key_its_first_row():
    from ogi.extract.align import _row_indexes
    from ogi.template import FORMATS

    spec = FORMATS["2021"].table3
    indexes = _row_indexes(spec)
    assert indexes == {r.key: next(i for i, x in enumerate(spec.rows) if x.key == r.key) for r in spec.rows}
    assert _row_indexes(spec) is indexes  # kept per table


def test_kept_clauses_and_scopes_are_the_ones_read():
    from ogi.checks.prose import _clauses, clauses
    from ogi.checks.text import _read_subject, _subject

    sentence = "2023年,我局共收到申请12件(其中依申请公开3件),全部按时答复"
    assert clauses(sentence) == _clauses(sentence)
    assert clauses(sentence) is clauses(sentence)
    assert [_subject(c) for _, c in clauses(sentence)] == [_read_subject(c) for _, c in clauses(sentence)]
    assert _subject("2023年我局共收到申请12件") == "我局"
