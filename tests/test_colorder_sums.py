"""Table 三 printed total first and read by position where no header could be read: the row
sums show the order, and every cell the two orders read differently is left null
(``ogi.extract.colorder_sums``)."""

from __future__ import annotations

from checks_support import from_expected

from ogi.extract.colorder_sums import null_where_sums_refute_order
from ogi.template import APPLICANT_COLUMNS

COLUMNS = [m.key for m in APPLICANT_COLUMNS]


def _read_by_position_printed_total_first(report):
    """Each table 三 row as a text reader places a row printed 总计 first: the printed values
    (total, parts…) put into the template's slots (parts…, total)."""
    for key, cells in report.table3.items():
        printed = [cells[COLUMNS[-1]], *(cells[c] for c in COLUMNS[:-1])]
        report.table3[key] = dict(zip(COLUMNS, printed))
    return report


def test_rows_read_by_position_from_a_total_first_table_are_null_where_the_orders_differ():
    truth = from_expected("huaian_city_2024")
    report = _read_by_position_printed_total_first(from_expected("huaian_city_2024"))
    found = null_where_sums_refute_order(report)
    assert [(f.code, f.where) for f in found] == [("TEMPLATE_DEVIATION", "table3")]
    assert found[0].message.startswith("表三按规定列序多行合计不等,而按“总计列在前”的列序每行都相等")
    wrong = [(k, c) for k, cells in report.table3.items() for c, v in cells.items()
             if v is not None and v != truth.table3[k][c]]
    assert wrong == []  # nothing kept is wrong
    kept = sum(v is not None for cells in report.table3.values() for v in cells.values())
    assert kept > 0  # rows of zeros read the same either way


def test_a_table_in_the_template_order_is_left_alone_even_with_one_slip():
    report = from_expected("huaian_city_2024")
    before = {k: dict(v) for k, v in report.table3.items()}
    assert null_where_sums_refute_order(report) == []
    report.table3["granted"]["total"] += 1  # an agency's own slip: one row fails
    assert null_where_sums_refute_order(report) == []
    before["granted"]["total"] += 1
    assert report.table3 == before
