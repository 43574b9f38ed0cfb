"""Splitting glued digit runs: only the one reading the row's identities allow."""

from ogi.extract.glue import Marks, splits
from ogi.extract.tokens import split_free_text
from ogi.template import FORMAT_2021
from ogi.template.formats import Kind

ROW = FORMAT_2021.table3.rows[0]
T4 = FORMAT_2021.table4.rows[0]


def test_unique_split_by_row_total():
    assert splits(["521000053"], 7, ROW.sums) == [[52, 1, 0, 0, 0, 0, 53]]


def test_all_zero_row():
    assert splits(["0000000"], 7, ROW.sums) == [[0] * 7]


def test_two_readings_are_both_returned():
    assert splits(["1040"], 3) == [[1, 0, 40], [10, 4, 0]]


def test_no_reading_when_no_split_satisfies_the_total():
    assert splits(["52100053"], 7, ROW.sums) == []


def test_no_leading_zeros():
    assert all(str(v) == str(int(v)) for r in splits(["10203"], 3, limit=50) for v in r)


def test_mixed_fixed_and_glued_tokens():
    assert splits([12, "30", 3], 4) == [[12, 3, 0, 3]]


def test_decimal_stays_in_one_number():
    assert splits(["66.5"], 2) == [[6, 6.5]]


def test_table4_groups_are_checked_separately():
    found = splits(["26275402071419602224301288"], 15, T4.sums, limit=5)
    assert [2, 6, 27, 5, 40, 20, 7, 14, 19, 60, 22, 24, 30, 12, 88] in found and len(found) == 2


def test_hopeless_input_has_no_reading():
    # 60 nines cannot fill seven cells of at most MAX_DIGITS digits: the search is cut by
    # its feasibility bound and its step budget (MAX_STEPS), not by a clock
    assert splits(["9" * 60], 7, ROW.sums) == []


def test_label_number_is_not_a_value():
    pieces = split_free_text("(三)不予公开 0 0 01.属于国家秘密 00000002.其他法律")
    nums = [p[1].strip() for p in pieces if p[0] == "num"]
    assert nums == ["0", "0", "0", "0000000"]
    assert pieces[-1][1].startswith("2.其他")


def test_units_and_signs():
    pieces = [(p[3], p[4]) for p in split_free_text("1428.9万元 251000元 减少3 -8") if p[0] == "num"]
    assert pieces == [(1428.9, "万元"), (251000, "元"), (-3, None), (-8, None)]


# ------------------------------------------------------------------ runs of marks (docs/renderings.md §43)

def test_a_run_of_marks_takes_the_one_count_the_row_allows():
    # 一、本年新收…0————0——00 (a crawler's line of a table marking its empty cells ——): ————
    # holds two to four marks, —— one or two, 00 two zeros; only 0·—·—·0·—·0·0 fills seven
    assert splits([0, Marks((2, 3, 4)), 0, Marks((1, 2)), "00"], 7, ROW.sums, limit=5) == [
        [0, None, None, 0, None, 0, 0]]


def test_a_sum_with_a_mark_in_it_is_a_bound():
    # (七)总计120////12: a marked part holds 0 or more, so the total is at least the parts
    # printed as numbers — 12·0·/·/·/·/·12 only (1·20·…·12 makes 12 of 21, 120·…·1·2 makes 2
    # of 121); without the row's sum every reading stands
    assert splits(["120", Marks((4,)), "12"], 7, ROW.sums, limit=5) == [[12, 0, None, None, None, None, 12]]
    assert len(splits(["120", Marks((4,)), "12"], 7, (), limit=5)) == 3
    # 104无02016 (a crawler's row of a report that prints its zeros 无): 10·4·无·0·2·0·16 only
    assert splits(["104", Marks((1,)), "02016"], 7, ROW.sums, limit=5) == [[10, 4, None, 0, 2, 0, 16]]
    # a marked total is not tested: 1·0·40 and 10·4·0 both stand
    assert splits(["1040", 0, 0, 0, Marks((1,))], 7, ROW.sums, limit=5) == [
        [1, 0, 40, 0, 0, 0, None], [10, 4, 0, 0, 0, 0, None]]


def test_a_mark_in_a_signed_cell_bounds_no_sum():
    # a mark in a cell that may hold a negative number says nothing of a sum it is part of
    kinds = [Kind.SIGNED, Kind.COUNT, Kind.COUNT]
    assert splits([Marks((1,)), "52"], 3, ((2, (0, 1)),), limit=5, kinds=kinds) == [[None, 5, 2]]
    assert splits([Marks((1,)), "52"], 3, ((2, (0, 1)),), limit=5, kinds=[Kind.COUNT] * 3) == []


def test_a_dash_before_a_number_is_its_sign_only_in_a_signed_cell():
    signed = [Kind.COUNT, Kind.SIGNED]
    # 行政事业性收费33-8: 33 and −8 (a dash cell would make three cells of two)
    assert splits(["33", Marks((1,), (0,)), 8], 2, (), limit=5, kinds=signed) == [[33, -8]]
    # 规章2-7 (three counts): the dash is a cell
    assert splits([2, Marks((1,), (0,)), 7], 3, (), limit=5, kinds=[Kind.COUNT] * 3) == [[2, None, 7]]
    # 行政强制7-120 (上一年项目数量, 本年增/减, 处理决定数量): 7·−1·20, 7·−12·0 or 7·—·120
    found = splits([7, Marks((1,), (0,)), "120"], 3, (), limit=5, kinds=[Kind.COUNT, Kind.SIGNED, Kind.COUNT])
    assert found == [[7, None, 120], [7, -1, 20], [7, -12, 0]]


def test_each_part_s_cells_are_reported():
    sizes: list[list[int]] = []
    assert splits(["40", Marks((1,)), 0, Marks((2,)), 4], 7, ROW.sums, limit=5, sizes=sizes) == [
        [4, 0, None, 0, None, None, 4]]
    assert sizes == [[2, 1, 1, 2, 1]]
