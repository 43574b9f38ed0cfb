"""The fourteenth session's shortcuts give the answers of the long way, exactly.

Each test pins a shortcut (docs/speed.md, "Fourteenth session") against the reading it
replaces: the label columns of a text grid found from the set of value texts, the value-kind
and confidence rules asked first in C, a table's cells picked by lxml where a page hides
nothing, the environment's limits kept per setting, the deadline test without its message.
"""

from __future__ import annotations

import random

import pytest
from lxml import etree

from ogi import limits
from ogi.checks.confidence import _no_confidence, low_confidence_findings
from ogi.checks.tables import _counts_only
from ogi.errors import BadSetting
from ogi.limits import Limits
from ogi.readers.html_tables import cell_groups, row_cells, row_groups
from ogi.readers.html_text import Run, nothing_hidden
from ogi.readers.text import _VALUE_CELL, _label_columns, _names_a_row


def _label_columns_long_way(rows: list[list[str]]) -> frozenset[int]:
    """``_label_columns`` as it was: every cell tested by the pattern, row by row and column by column."""
    width = len(rows[0])
    if width < 3 or any(len(parts) != width for parts in rows):
        return frozenset()
    data = [parts for parts in rows if any(t and _VALUE_CELL.fullmatch(t) for t in parts)]
    texts = [[parts[c] for parts in data if parts[c]] for c in range(width)]
    bare = [bool(col) and not any(_VALUE_CELL.fullmatch(t) for t in col) for col in texts]
    pairs = [c for c in range(width - 1) if bare[c] and bare[c + 1]]
    if not pairs:
        return frozenset()
    found = {c for c in {*pairs, *(c + 1 for c in pairs)} if all(map(_names_a_row, texts[c]))}
    return frozenset(c for c in found if c + 1 in found or c - 1 in found)


_POOL = ["", "", "0", "12", "1,234", "5万元", "3.5", "-2", "/", "—", "其他", "总计", "自然人", "商业企业",
         "予以公开", "(一)予以公开", "属于国家秘密", "三、本年度办理结果", "一、本年新收政府信息公开申请数量", "abc"]


def test_label_columns_from_the_value_set_equal_the_long_way_on_random_grids():
    rng = random.Random(14)
    spanned = 0
    for _ in range(20_000):
        width, height = rng.randint(1, 6), rng.randint(1, 5)
        rows = [[rng.choice(_POOL) for _ in range(width if rng.random() < 0.9 else rng.randint(1, 6))]
                for _ in range(height)]
        found = _label_columns(rows)
        assert found == _label_columns_long_way(rows), rows
        spanned += bool(found)
    assert spanned > 100  # the grids exercise the columns found, not only the empty answer


def test_label_columns_of_a_flattened_header_span():
    rows = [["三、本年度办理结果", "(一)予以公开", "", "3"], ["三、本年度办理结果", "(二)部分公开", "", "1"]]
    assert _label_columns(rows) == _label_columns_long_way(rows) == frozenset({0, 1})
    rows = [["(一)予以公开", "", "", "3", "0"], ["其他", "", "", "1", "2"]]  # columns blank in every row
    assert _label_columns(rows) == _label_columns_long_way(rows) == frozenset()
    assert _label_columns([["a", "b", "c"], ["1", "2", "3"]]) == frozenset()  # no row with a label beside a value
    assert _label_columns([["其他", "", "1"], ["其他", "1"]]) == frozenset()  # rows of another width


@pytest.mark.parametrize(("table", "only_counts"), [
    ({"a": {"x": 0, "y": 12}, "b": {"x": None}}, True),
    ({}, True),
    ({"a": {}}, True),
    ({"a": {"x": 3, "y": -1}}, False),  # a negative count
    ({"a": {"x": 3, "y": 2.5}}, False),  # a fraction
    ({"a": {"x": 3.0}}, False),  # a float, even a whole one: the rule reads it
    ({"a": {"x": True}}, False),  # not an int by type: the long way decides
])
def test_counts_only_is_the_value_kind_rules_first_test_for_every_cell(table, only_counts):
    assert _counts_only(table) is only_counts
    long_way = all(v is None or (type(v) is int and v >= 0) for row in table.values() for v in row.values())
    assert only_counts == long_way


def test_no_confidence_only_where_no_value_records_one():
    assert _no_confidence({}) is True
    assert _no_confidence({"table3.total.total": {"text": "5", "line": 3}}) is True
    assert _no_confidence({"table3.total.total": {"text": "5", "confidence": None}}) is True
    low = {"table3.total.total": {"text": "5"}, "table2.rules.made": {"text": "7", "confidence": 0.5}}
    assert _no_confidence(low) is False
    assert [f.code for f in low_confidence_findings(low)] == ["OCR_LOW_CONFIDENCE"]


_PAGE = """<html><body><table>
<tr><td>a</td><!-- note --><th>b</th><td>c</td></tr>
<tbody><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></tbody>
<tr><td>x</td></tr>
</table></body></html>"""


def test_cells_picked_by_lxml_where_nothing_is_hidden_are_the_cells_read_one_by_one():
    root = etree.fromstring(_PAGE, etree.HTMLParser())
    table = root.find(".//table")
    with nothing_hidden(root):
        fast = cell_groups(table)
    slow = [[row_cells(tr) for tr in group] for group in row_groups(table)]  # outside: each cell read
    assert fast == slow
    assert [[[c.text for c in row] for row in group] for group in fast] == [[["a", "b", "c"]], [["1", "2"], ["3"]],
                                                                             [["x"]]]


def test_a_hidden_cell_is_still_left_out():
    root = etree.fromstring(_PAGE.replace("<td>2</td>", "<td hidden>2</td>"), etree.HTMLParser())
    with nothing_hidden(root):
        groups = cell_groups(root.find(".//table"))
    assert [[[c.text for c in row] for row in group] for group in groups][1] == [["1"], ["3"]]


def test_a_run_reads_as_before():
    run = Run("text", 3)
    assert (run.text, run.line) == ("text", 3) and run == Run("text", 3) and isinstance(run, Run)


def test_limits_from_the_environment_kept_per_setting(monkeypatch):
    monkeypatch.delenv("OGI_MAX_PAGES", raising=False)
    first = Limits.from_env()
    assert Limits.from_env() is first and first == Limits()
    monkeypatch.setenv("OGI_MAX_PAGES", "7")
    assert Limits.from_env().pages == 7
    assert Limits.from_env(pages=3).pages == 3  # overrides as before
    assert Limits.from_env({"OGI_MAX_PAGES": "9"}).pages == 9  # an environment given as before
    monkeypatch.setenv("OGI_MAX_PAGES", "seven")
    for _ in range(2):  # a bad setting is never kept: it raises every time
        with pytest.raises(BadSetting, match="OGI_MAX_PAGES='seven' is not a number"):
            Limits.from_env()
    monkeypatch.delenv("OGI_MAX_PAGES")
    assert Limits.from_env() is first


def test_time_is_up_is_check_times_test():
    assert limits.time_is_up() is False  # no scope: no deadline
    with limits.scope(Limits(seconds=1000)):
        assert limits.time_is_up() is False
        limits.check_time("here")  # does not raise either
    with pytest.raises(limits.LimitExceeded, match="stopped at here"):
        with limits.scope(Limits(seconds=1000)):
            limits.extend_deadline(-2000.0)  # the deadline passed long ago
            assert limits.time_is_up() is True
            limits.check_time("here")
