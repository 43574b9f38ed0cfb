"""A table whose column order neither header nor sums show, beside one shown printed total
first (``ogi.extract.colorder_alike``): its rows that sum when read total first lose the
cells the two orders read differently, and keep the rest."""

from __future__ import annotations

from pathlib import Path

from checks_support import from_expected

from ogi import parse
from ogi.document import Cell, Document, Table
from ogi.extract.colorder_alike import (
    null_doubtful,
    t4_header_in_template_order,
    total_first,
)
from ogi.template import APPLICANT_COLUMNS
from ogi.template.formats import T4_RESULTS

FIXTURES = Path(__file__).parent / "fixtures" / "colorder"
T3 = [m.key for m in APPLICANT_COLUMNS]
T4 = [m.key for m in T4_RESULTS]
NO_HEADER = Document(blocks=[], format="txt")


def _report_with_review(values):
    report = from_expected("huaian_city_2024")
    for group in report.table4:
        report.table4[group] = dict.fromkeys(T4, 0)
    report.table4["review"] = dict(zip(T4, values))
    return report


def test_total_first_reads_the_first_label_of_every_block():
    assert total_first("总计、自然人、法人或其他组织(商业企业、科研机构、社会公益组织、法律服务机构、其他)")
    assert total_first(["行政复议:总计、结果维持、结果纠正、其他结果、尚未审结;复议后起诉:总计、结果维持"])
    assert not total_first("自然人、总计")
    assert not total_first(None) and not total_first([])


def test_a_block_that_sums_both_ways_loses_the_two_cells_the_orders_read_differently():
    # printed 总计 1, 结果维持 0, 结果纠正 0, 其他结果 0, 尚未审结 1 and read by position
    report = _report_with_review([1, 0, 0, 0, 1])
    found = null_doubtful(report, NO_HEADER, shown3=True, shown4=False, read3=True, read4=False)
    assert report.table4["review"] == {"upheld": None, "corrected": 0, "other": 0, "pending": None, "total": 1}
    assert [(f.code, f.where) for f in found] == [("TEMPLATE_DEVIATION", "table4")]
    assert found[0].message == ("表三的总计列印在各项之前,表四表头未能读出列序:表四中按两种列序都相等而数值不同的行,"
                                "两种读法不同的单元格未读入")


def test_a_block_that_fails_as_read_and_sums_total_first_is_left_null_where_the_orders_differ():
    # printed 总计 1, 结果维持 0, 结果纠正 1, 其他结果 0, 尚未审结 0: one block alone is too few
    # for the sums to show the order, table 三's header shows it
    report = _report_with_review([1, 0, 1, 0, 0])
    null_doubtful(report, NO_HEADER, shown3=True, shown4=False, read3=True, read4=False)
    assert report.table4["review"] == {"upheld": None, "corrected": None, "other": None, "pending": 0, "total": None}


def test_nothing_is_doubted_where_no_table_is_shown_total_first_or_the_header_was_read():
    for shown3, read4 in ((False, False), (True, True)):
        report = _report_with_review([1, 0, 0, 0, 1])
        assert null_doubtful(report, NO_HEADER, shown3=shown3, shown4=False, read3=True, read4=read4) == []
        assert report.table4["review"]["upheld"] == 1


def test_a_grid_header_of_table_四_in_the_template_order_is_believed():
    header = [Cell("行政复议", 0, 0, colspan=5), Cell("行政诉讼", 0, 5, colspan=10),
              Cell("未经复议直接起诉", 1, 5, colspan=5), Cell("复议后起诉", 1, 10, colspan=5)]
    results = [Cell(m.label, 2 if c >= 5 else 1, c) for c, m in enumerate(T4_RESULTS * 3)]
    grid = Document(blocks=[Table(cells=header + results)], format="html")
    assert t4_header_in_template_order(grid)
    report = _report_with_review([1, 0, 0, 0, 1])
    assert null_doubtful(report, grid, shown3=True, shown4=False, read3=True, read4=False) == []


def test_table_三_rows_that_sum_both_ways_are_doubted_beside_a_table_四_shown_total_first():
    report = from_expected("huaian_city_2024")
    report.table3["granted"] = dict(zip(T3, [4, 0, 0, 0, 0, 0, 4]))  # all 自然人, or all 其他 printed total first
    found = null_doubtful(report, NO_HEADER, shown3=False, shown4=True, read3=False, read4=True)
    assert report.table3["granted"] == dict(zip(T3, [None, 0, 0, 0, 0, None, 4]))
    assert [f.where for f in found] == ["table3"]


def test_a_text_browsers_totals_first_report_keeps_no_wrong_number_in_table_四():
    # w3m stacks each header cell's characters (总 ⏎ 计): table 三's header still shows 总计
    # first, table 四's does not; its review block 1 0 0 0 1 read by position was 结果维持 1
    for name in ("w3m_totals_first_50036.txt", "pymupdf4llm_totals_first_50036.md"):
        report = parse((FIXTURES / name).read_bytes(), name=name)
        assert report.table4["review"] == {"upheld": None, "corrected": 0, "other": 0, "pending": None, "total": 1}
        assert any(f.where == "table4" and f.message.startswith("表三的总计列印在各项之前") for f in report.findings)
