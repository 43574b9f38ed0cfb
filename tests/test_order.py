"""Table 四 read one value a line: the evidence of its order (extract/order.py, docs/renderings.md §24).

The fixtures are texts of the shape matrix's synthetic reports: BeautifulSoup's
``get_text("\\n", strip=True)`` (soup_lines) of 00059 (table 三 all zeros, table 四's own
直接起诉 sum broken: 0 0 0 0 → 3) and 00021 (table 三 whole and holding, 复议后起诉's own sum
broken: 14 3 0 4 → 24), and PyMuPDF's text of 00033 (table 三's balance broken by the report,
table 四's sums holding in any order of their parts)."""

from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.order import T4_HEADER_GRID

TXT = Path(__file__).parent / "fixtures" / "txt"
HEADER_ZERO_T3 = TXT / "soup_lines_table4_header_zero_table3.txt"
OWN_SUM_BROKEN = TXT / "soup_lines_table4_own_sum_broken.txt"
T3_BROKEN = TXT / "pymupdf_table4_header_table3_broken.txt"
PAGED_OWN_SUM_BROKEN = TXT / "paged_pdftotext_table4_own_sum_broken.txt"
DOUBTFUL = ("表四的数值只能按读出的顺序认定(版面的阅读顺序不可靠:行标题或表头与数值交错,或数值逐个成行),"
            "而按此顺序合计关系不成立,无法区分是报告本身的错误还是阅读顺序造成的,整表未采用")
ZEROS = dict.fromkeys(("upheld", "corrected", "other", "pending", "total"), 0)


def _parse(text: str):
    return parse(text.encode("utf-8"), name="page.txt")


def _table4_findings(report) -> list[tuple[str, str, str]]:
    return [(f.code, f.where, f.message) for f in report.findings if f.where and f.where.startswith("table4")]


def _swap_header_words(text: str) -> str:
    """The header with 未经复议直接起诉 and 复议后起诉 (however their lines wrap) printed after the
    result words they head (a reading order of its own), the values untouched."""
    lines = text.split("\n")
    a = next(i for i, line in enumerate(lines) if line.startswith("未经复"))
    b = next(i for i in range(a, len(lines)) if lines[i].endswith("后起诉"))
    moved = lines[a:b + 1]
    del lines[a:b + 1]
    first_value = next(i for i in range(a, len(lines)) if lines[i].isdigit())
    return "\n".join(lines[:first_value] + moved + lines[first_value:])


def test_the_header_grid_is_the_formats_merged_header_row_by_row():
    results = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    assert T4_HEADER_GRID == ("行政复议", "行政诉讼", *results, "未经复议直接起诉", "复议后起诉", *results, *results)


def test_a_header_in_the_grids_order_keeps_a_table4_whose_own_sum_fails():
    # table 三 all zeros vouches for nothing; the header, cell by cell in the grid's order, does:
    # the row is the report's as printed, and its broken sum is the report's (T4_TOTAL)
    report = _parse(HEADER_ZERO_T3.read_text(encoding="utf-8"))
    assert report.table4 == {"review": ZEROS, "litigation_direct": {**ZEROS, "total": 3},
                             "litigation_after_review": ZEROS}
    assert _table4_findings(report) == [
        ("T4_TOTAL", "table4.litigation_direct",
         "结果维持+结果纠正+其他结果+尚未审结 = 0+0+0+0 = 0 ≠ 总计 = 3 (行政诉讼(未经复议直接起诉))")]


def test_a_header_out_of_the_grids_order_vouches_for_nothing():
    report = _parse(_swap_header_words(HEADER_ZERO_T3.read_text(encoding="utf-8")))
    assert report.table4 == {g: dict.fromkeys(ZEROS) for g in ("review", "litigation_direct", "litigation_after_review")}
    assert [(c, w) for c, w, _ in _table4_findings(report)] == [("ROW_AMBIGUOUS", "table4"), ("RULE_NOT_ASSESSABLE", "table4")]
    assert _table4_findings(report)[0][2] == DOUBTFUL


def test_a_header_word_among_the_values_vouches_for_nothing():
    text = HEADER_ZERO_T3.read_text(encoding="utf-8")
    lines = text.split("\n")
    last = max(i for i, line in enumerate(lines) if line == "总计")
    assert lines[last + 10] == "3"
    lines.insert(last + 8, "总计")  # the header's last word again, among the values
    report = _parse("\n".join(lines))
    assert report.table4["litigation_direct"] == dict.fromkeys(ZEROS)


def test_table3_read_whole_does_not_keep_a_table4_whose_own_sum_fails():
    # 00021 with its header out of order: table 三 (every cell read, every identity holding)
    # is no evidence for a table 四 whose sums fail — poppler's order below shows why
    report = _parse(_swap_header_words(OWN_SUM_BROKEN.read_text(encoding="utf-8")))
    assert report.table4["litigation_after_review"] == dict.fromkeys(ZEROS)
    assert ("ROW_AMBIGUOUS", "table4", DOUBTFUL) in _table4_findings(report)


def test_poppler_scrambles_table4_under_a_table3_every_identity_confirms():
    # paged pdftotext of 00021: table 三 read whole and confirmed (its rows rebuilt by
    # extract/pagedrows.py), table 四's values in another order with header words among them
    # (0 0 19 ⏎ 复议后起诉 … 3 0 0 19 14 4 24): kept, it read 0 0 19 3 | 0 as 直接起诉 and 0 19 14 4 |
    # 24 — silent wrong parts. It stays null
    text = PAGED_OWN_SUM_BROKEN.read_text(encoding="utf-8")
    report = _parse(text)
    assert report.table3["new_received"]["natural_person"] == 4319
    assert not [f for f in report.findings if f.where and f.where.startswith("table3")]
    assert report.table4 == {g: dict.fromkeys(ZEROS) for g in ("review", "litigation_direct", "litigation_after_review")}
    assert [(c, w) for c, w, _ in _table4_findings(report)] == [("ROW_AMBIGUOUS", "table4"), ("RULE_NOT_ASSESSABLE", "table4")]


def _own_sum_mended(text: str) -> str:
    """00021 with 复议后起诉's total printed as its parts' sum (14 3 0 4 → 21): every sum holds."""
    head, sep, tail = text.rpartition("\n4\n24\n")
    assert sep
    return head + "\n4\n21\n" + tail


def test_table3_read_whole_keeps_the_parts_of_table4s_sums():
    # the header out of order, every sum holding: table 三 vouches, the parts are kept
    report = _parse(_own_sum_mended(_swap_header_words(OWN_SUM_BROKEN.read_text(encoding="utf-8"))))
    assert report.table4["litigation_after_review"] == {
        "upheld": 14, "corrected": 3, "other": 0, "pending": 4, "total": 21}
    assert _table4_findings(report) == []


def test_table3_still_keeps_the_parts_where_a_header_word_stands_among_table4s_values():
    # poppler prints a column block's header, then its values (seed 002, paged pdftotext:
    # 行政复议's words ⏎ 0 2 0 3 5 ⏎ 未经复议直接起诉 复议后起诉 … ⏎ 4 2 2 3 11 0 1 0 0 1): a header
    # word among the values is no evidence against the order, and §21's rule stands
    lines = _own_sum_mended(_swap_header_words(OWN_SUM_BROKEN.read_text(encoding="utf-8"))).split("\n")
    at = lines.index("47", lines.index("四、政府信息公开行政复议、行政诉讼情况"))  # 行政复议's total, the 5th value
    lines.insert(at + 1, "复议后起诉")
    report = _parse("\n".join(lines))
    assert report.table4["litigation_after_review"] == {
        "upheld": 14, "corrected": 3, "other": 0, "pending": 4, "total": 21}
    assert _table4_findings(report) == []


# ------------------------------------------------------------------ the crawler's one line (benchmarks/crawler_nulls.py)

def test_a_glued_run_with_a_dash_stays_null_it_reads_two_ways():
    # 其他对外管理服务事项6-20: 6, −2, 0 (the '-' the sign of 本年增/减) or 6, —, 20 (a
    # not-applicable dash cell): left null with its finding, never read
    text = (TXT / "crawler_glued_2019.txt").read_text(encoding="utf-8")
    assert text.count("其他对外管理服务事项126310") == 1
    report = _parse(text.replace("其他对外管理服务事项126310", "其他对外管理服务事项6-20"))
    assert report.table2["other_services"] == dict.fromkeys(("items_prev_year", "items_change", "decisions"))
    # the splitter now tries both readings itself (docs/renderings.md §43): the finding names the run
    assert [(f.code, f.message) for f in report.findings if f.where == "table2.other_services"] == [
        ("CELL_AMBIGUOUS", "“其他对外管理服务事项”行数字粘连(6 - 20),有多种拆分方式,未采用")]


def test_the_crawler_proof_counts_both_readings_of_a_dash():
    import importlib.util
    from ogi.template.formats import Kind

    spec = importlib.util.spec_from_file_location(
        "crawler_nulls", Path(__file__).parent.parent / "benchmarks" / "crawler_nulls.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    kinds = [Kind.COUNT, Kind.SIGNED, Kind.COUNT]
    assert module.signed_readings("6 -20", kinds) == ([[6, -2, 0]], [[6, "-", 20]])
    assert module.signed_readings("62 -80", kinds) == ([[62, -8, 0]], [[62, "-", 80]])
    assert module.signed_readings("3 -129", kinds) == ([[3, -1, 29], [3, -12, 9]], [[3, "-", 129]])


# ------------------------------------------------------------------ a glued row's readings, cut at the limit

@pytest.mark.parametrize("others, resolved", [(22, True), (23, False)])
def test_a_reading_list_cut_at_the_limit_is_not_resolved_by_the_identities(others, resolved):
    # 一、本年新收 glued into more readings than AMBIGUOUS_LIMIT keeps: the one kept reading that
    # fits the column identities may not be the only one that would — left null
    from ogi.extract.align import AMBIGUOUS_LIMIT, Placed, _resolve_by_identities
    from ogi.template import FORMATS

    spec = FORMATS["2021"].table3
    out = Placed()
    for row in spec.rows:
        for r, c, _ in row.cells:
            out.cells[(r, c)] = None if r == "new_received" else 0
    wrong = [[n, 0, 0, 0, 0, 0, n] for n in range(1, others + 1)]
    out.ambiguous["new_received"] = ([*wrong, [0] * 7], "0000000", None)
    assert len(out.ambiguous["new_received"][0]) == others + 1 and AMBIGUOUS_LIMIT == 24
    _resolve_by_identities(spec, out)
    got = [out.cells[("new_received", c)] for _, c, _ in spec.row("new_received").cells]
    assert got == ([0] * 7 if resolved else [None] * 7)
    assert ("new_received" in out.ambiguous) is not resolved
