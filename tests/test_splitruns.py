"""A number Word's HTML export split over runs, printed ``3 4`` by text extractors that space
inline elements (inscriptis, soup's spaced text): joined where exactly one joining of a row's
numbers makes its sums hold, kept for the column identities where several do, never placed
by position (``ogi.extract.splitruns``)."""

from __future__ import annotations

from pathlib import Path

from ogi import parse
from ogi.document import Position
from ogi.extract.splitruns import MAX_EXTRA_NUMBERS, candidate_rows
from ogi.extract.tokens import NUM, Token
from ogi.template.formats import TABLE3_2021

FIXTURES = Path(__file__).parent / "fixtures" / "splitruns"
NEW_RECEIVED = TABLE3_2021.rows[0]  # seven cells: six applicant columns and 总计, their sum


def _numbers(printed: str) -> list[Token]:
    return [Token(NUM, x, Position(line=1), 0, int(x)) for x in printed.split()]


def _readings(printed: str):
    found = candidate_rows(NEW_RECEIVED, _numbers(printed))
    return None if found is None else [[t.value for t in j] for j in found]


def test_one_joining_makes_the_row_sum_hold():
    found = candidate_rows(NEW_RECEIVED, _numbers("3 4 0 0 0 0 0 3 4"))
    assert [[t.value for t in j] for j in found] == [[34, 0, 0, 0, 0, 0, 34]]
    assert found[0][0].unit == "joined:3 4" and found[0][0].text == "34"
    assert _readings("2 1 1 0 0 0 0 2 2") == [[21, 1, 0, 0, 0, 0, 22]]


def test_several_joinings_are_all_returned_for_the_identities_to_choose():
    assert _readings("1 1 0 0 0 0 0 11") == [[1, 10, 0, 0, 0, 0, 11], [11, 0, 0, 0, 0, 0, 11]]


def test_no_joining_that_holds_decides_nothing():
    assert _readings("1 2 1 0 0 0 1 3") == []


def test_a_row_whose_numbers_hold_from_the_left_is_not_joined():
    assert _readings("1 0 0 0 0 0 1 5") is None  # the surplus 5 may be the next row's
    assert _readings("1 0 0 0 0 0 1") is None  # no surplus


def test_a_group_never_starts_with_zero():
    # 3·04 would make 3+4 = 7 hold with "0 4" read as 4: no printed number starts with 0
    assert _readings("3 0 4 0 0 0 0 7") == []


def test_a_long_surplus_is_another_rows_numbers():
    printed = " ".join(["1"] * (NEW_RECEIVED.width + MAX_EXTRA_NUMBERS + 1))
    assert _readings(printed) is None


def test_marks_or_units_among_the_numbers_are_left_to_the_aligner():
    values = _numbers("3 4 0 0 0 0 0 3 4")
    values[1] = Token(NUM, "4件", Position(line=1), 0, 4, "件")
    assert candidate_rows(NEW_RECEIVED, values) is None


def test_numbers_of_several_printed_rows_are_not_joined():
    values = _numbers("3 4 0 0 0 0 0 3 4")
    values[-1] = Token(NUM, "4", Position(line=2), 1, 4)  # the last number on the next line
    assert candidate_rows(NEW_RECEIVED, values) is None


def _check_word_mso(report):
    t3 = report.table3
    assert t3["new_received"] == {"natural_person": 34, "commercial": 0, "research": 0, "social_welfare": 0,
                                  "legal_service": 0, "other_org": 0, "total": 34}
    assert t3["granted"]["natural_person"] == 15 and t3["granted"]["total"] == 15
    assert t3["total"]["natural_person"] == 37 and t3["total"]["total"] == 37
    assert report.provenance["table3.new_received.total"]["joined_from"] == "3 4"
    assert not [f for f in report.findings if f.code.startswith("T3_")]


def test_inscriptis_text_of_words_html_reads_the_runs_joined():
    _check_word_mso(parse(FIXTURES / "word_mso_inscriptis.txt"))


def test_soups_spaced_text_of_words_html_reads_the_runs_joined():
    _check_word_mso(parse(FIXTURES / "word_mso_soup_spaced.txt"))
