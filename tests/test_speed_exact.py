"""The shortcuts the speed work takes give the answers of the long way, exactly.

Each test pins a shortcut against the reading it replaces: the page-wide "nothing hidden"
test against the element-by-element one, a cell's span read by its attribute names, the
kept section sentences against the text they came from, the prose test kept once per unit.
"""

from __future__ import annotations

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
