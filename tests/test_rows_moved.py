"""Rows out of the template's place (round 2, eighteenth session, foot18).

``ogi.extract.rows_moved`` places rows a page printed before the others (an HTML ``<tfoot>``
read in source order: table 三's (七)总计 and 四、结转, table 二's 第二十条第（八）项 block)
by their own labels, where the table's sums confirm it; ``ogi.extract.rows_old`` reads the
2019 rows of a 2021 report's table 二 as rows the format does not have. The fixtures are wild5 reports
(fresh17, seed 9300) as docx2txt's text, a crawler's text, LibreOffice's PDF and the page
itself; their expected tables beside them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Position
from ogi.extract.align import Entry
from ogi.extract.rows_moved import MOVED_BLOCKS, restore_order
from ogi.extract.tokens import NUM, TEXT, Token
from ogi.template import FORMATS

FIX = Path(__file__).resolve().parent / "fixtures" / "foot18"
EXPECTED = json.loads((FIX / "expected.json").read_text(encoding="utf-8"))
T3_MOVED = ("表三的“(七)总计”、“四、结转下年度继续办理”行印在其他行之前或之后(不在规定格式的位置),"
            "已按行标题归位,合计关系成立")
T2_MOVED = "表二的“行政事业性收费”行印在其他行之前或之后(不在规定格式的位置),已按行标题归位,各行数值格数与规定格式相符"
OUT_OF_PLACE = "出现在不应出现的位置"


def _tables(report) -> dict:
    return {key: {row: dict(cols) for row, cols in getattr(report, key).items()} for key in ("table2", "table3", "table4")}


def _messages(report, code: str) -> list[str]:
    return [f.message for f in report.findings if f.code == code]


@pytest.mark.parametrize("name, expected", [
    ("docx2txt_tfoot.txt", "tfoot_00005"),  # one cell a line
    ("crawler_tfoot.txt", "tfoot_00027"),  # every cell glued into one line: rows split by their sums
    ("office_tfoot.pdf", "tfoot_00016"),  # LibreOffice's PDF of the page: group labels beside later rows
])
def test_rows_printed_before_the_body_are_placed_by_their_labels(name, expected):
    report = parse(FIX / name)
    assert _tables(report) == EXPECTED[expected]
    deviations = _messages(report, "TEMPLATE_DEVIATION")
    assert T3_MOVED in deviations and T2_MOVED in deviations
    assert not any(OUT_OF_PLACE in m for m in deviations)
    assert report.provenance["table3.new_received.total"]["text"] == str(EXPECTED[expected]["table3"]["new_received"]["total"])


def test_moved_rows_the_sums_refute_are_ignored_as_before(tmp_path):
    """(七)总计's 自然人 cell changed from 1211 to 1212: the column identities fail, so the
    rows printed out of place are not placed: the table is read as before (the body after them
    ignored, the sums failing, the table null)."""
    text = (FIX / "docx2txt_tfoot.txt").read_text(encoding="utf-8")
    head, tail = text.split("(七)总计", 1)
    changed = tmp_path / "changed.txt"
    changed.write_text(head + "(七)总计" + tail.replace("1211", "1212", 1), encoding="utf-8")
    report = parse(changed)
    assert T3_MOVED not in _messages(report, "TEMPLATE_DEVIATION")
    assert any("“一、本年新收政府信息公开申请数量”" + OUT_OF_PLACE in m for m in _messages(report, "TEMPLATE_DEVIATION"))
    # as before: a table read out of order whose sums fail is left null whole
    assert all(v is None for cols in report.table3.values() for v in cols.values())
    assert any(m.startswith("表三的数值只能按读出的顺序认定") for m in _messages(report, "ROW_AMBIGUOUS"))


OTHER_SUBROWS = ("other.no_correction", "other.no_fee", "other.other")


def _per_schema(expected: dict) -> dict:
    """The expected tables with (六)其他处理's sub-rows null: ``schema.md`` keeps a 2021 report's
    one-row 其他处理 as ``other`` and its sub-rows null (wild5's generator expects 0 where the
    row is 0; the shared corpora hold them null, as the schema says)."""
    tables = json.loads(json.dumps(expected))
    for sub in OTHER_SUBROWS:
        tables["table3"][sub] = dict.fromkeys(tables["table3"][sub])
    return tables


@pytest.mark.parametrize("name, expected", [
    ("docx2txt_old_rows.txt", "old_00009"),
    ("crawler_old_rows.txt", "old_00020"),
    ("old_rows.html", "old_00009"),
])
def test_2019_rows_in_a_2021_report_are_left_out_with_a_finding(name, expected):
    report = parse(FIX / name)
    assert _tables(report) == _per_schema(EXPECTED[expected])
    extra = [m for m in _messages(report, "TEMPLATE_DEVIATION") if "多出" in m]
    assert extra == ["表二多出“其他对外管理服务事项”行(不在规定格式中),其数值已略去",
                     "表二多出“政府集中采购”行(不在规定格式中),其数值已略去"]
    assert not _messages(report, "ROW_AMBIGUOUS")
    assert report.table3["other"] == EXPECTED[expected]["table3"]["other"]


# ------------------------------------------------------------------ restore_order on its own

SPEC = FORMATS["2021"].table3
_AT = Position(line=1)


def _row(key: str, values=None, by_label: bool = True) -> Entry:
    row = next(i for i, r in enumerate(SPEC.rows) if r.key == key)
    width = SPEC.rows[row].width
    vals = [Token(NUM, "1", _AT, row) for _ in range(width)] if values is None else values
    return Entry(row=row, values=vals, by_label=by_label)


def _keys(entries) -> list[str | None]:
    return [SPEC.rows[e.row].key if e.row is not None else e.group for e in entries]


def test_a_foot_block_goes_to_the_end_and_is_named_moved():
    body = [_row("new_received"), _row("carried_over"), Entry(group="outcomes"), _row("granted")]
    restored = restore_order(SPEC, [_row("total"), _row("carried_forward")] + body)
    assert restored is not None
    assert _keys(restored.entries) == ["new_received", "carried_over", "granted", "total", "carried_forward"]
    assert restored.moved == ["total", "carried_forward"]


def _body() -> list[Entry]:
    return [_row("new_received"), _row("carried_over"), _row("granted")]


@pytest.mark.parametrize("entries, why", [
    ([_row("new_received"), _row("carried_over")], "in order: nothing to restore"),
    ([_row("total"), _row("new_received"), _row("total", values=[Token(NUM, "2", _AT, 0)] * 7)],
     "a row printed twice, other values"),
    ([_row("total", by_label=False)] + _body(), "a moved label only resembling a row"),
    ([_row("total"), Entry(values=[Token(NUM, "3", _AT, 0)])] + _body(), "moved values with no label"),
    ([_row("total", values=[Token(NUM, "1", _AT, 0)] * 8)] + _body(), "more values than cells"),
    ([_row("total", values=[Token(TEXT, "无", _AT, 0)])] + _body(), "a text among the values"),
    ([_row("granted"), _row("new_received"), _row("partially_granted"), _row("carried_over")], "interleaved runs"),
    ([_row("total"), _row("carried_forward"), _row("new_received", by_label=False), _row("carried_over")],
     "two runs as long, one uncertain"),
])
def test_orders_that_are_not_a_moved_block_are_left_as_printed(entries, why):
    assert restore_order(SPEC, entries) is None, why


def test_the_body_is_read_as_any_table_in_order():
    """Values with no label and a label only resembling its row are the body's, placed by
    their place as before; the moved rows at its head are certain by their labels."""
    loose = Entry(values=[Token(NUM, "3", _AT, 0)])
    body = [_row("new_received", by_label=False), loose, _row("granted"), _row("partially_granted")]
    restored = restore_order(SPEC, [_row("total"), _row("carried_forward")] + body)
    assert restored is not None
    assert restored.entries[:4] == body and restored.moved == ["total", "carried_forward"]


def test_more_runs_than_moved_blocks_are_left_as_printed():
    keys = ["carried_forward", "total", "other.other", "granted", "carried_over", "new_received"][:MOVED_BLOCKS + 1]
    assert restore_order(SPEC, [_row(k) for k in keys]) is None


def test_a_row_printed_again_as_it_was_is_read_once():
    """A browser's print repeats a <tfoot> at the foot of every page: (七)总计 and 四、结转
    under table 三's first rows, and again at its end."""
    total, again = _row("total"), _row("total")
    restored = restore_order(SPEC, [_row("new_received"), total, _row("carried_over"), _row("granted"), again])
    assert restored is not None
    assert _keys(restored.entries) == ["new_received", "carried_over", "granted", "total"]
    assert restored.entries[-1] is again and restored.repeated == ["total"] and restored.moved == ["total"]


def test_a_row_printed_again_with_other_values_is_left_as_printed():
    other = _row("total", values=[Token(NUM, "2", _AT, 0)] * 7)
    assert restore_order(SPEC, [_row("new_received"), _row("total"), _row("carried_over"), other]) is None


def test_pdf_print_repeating_the_footer_on_each_page():
    report = parse(FIX / "pdfplumber_tfoot_repeated.txt")
    assert _tables(report) == EXPECTED["tfoot_00016"]
    assert ("表三的“(七)总计”、“四、结转下年度继续办理”行以相同数值重复印出(如每页重复的表尾),只读一次,合计关系成立"
            in _messages(report, "TEMPLATE_DEVIATION"))
