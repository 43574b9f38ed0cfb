"""Which OCR readings could explain a failing identity (ogi.readers.ocr_explain): a sure value
is doubted only where a misreading of it, beside the doubtful readings, could explain it."""

from __future__ import annotations

from ogi.readers.ocr_explain import (
    FAILS,
    MAX_DOUBTFUL,
    MISREAD,
    SETTLED,
    UNTESTED,
    Term,
    alternatives,
    judge,
)


def _row(values: list[int], total: int, doubtful: tuple[int, ...] = ()) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """A row sum: parts p0, p1 … = total t; the parts at ``doubtful`` read doubtfully."""
    parts = tuple(Term(f"p{i}", v, str(v), i in doubtful) for i, v in enumerate(values))
    return parts, (Term("t", total, str(total)),)


def test_an_identity_that_holds_with_no_other_doubtful_term_settles():
    assert judge("p0", "1288", [_row([1288, 21, 53], 1362)]) == judge("t", "1362", [_row([1288, 21, 53], 1362)])
    assert judge("p0", "1288", [_row([1288, 21, 53], 1362)]).kind == SETTLED
    # it holds only through a doubtful reading: it settles nothing, and tests nothing
    assert judge("p0", "1288", [_row([1288, 21, 53], 1362, doubtful=(1,))]).kind == UNTESTED


def test_a_failure_no_single_misreading_explains_is_the_reports():
    """A total off by 55 (two digits): the report disagrees; no value is doubted."""
    row = _row([1288, 21, 53], 1417)
    assert {judge(k, t, [row]).kind for k, t in (("p0", "1288"), ("p1", "21"), ("t", "1417"))} == {FAILS}


def test_a_misreading_of_the_value_explains_a_failure():
    verdict = judge("p0", "7288", [_row([7288, 21, 53], 1362)])
    assert (verdict.kind, verdict.needed, verdict.doubtful) == (MISREAD, 1288, ())


def test_the_doubtful_reading_alone_explains_a_failure_so_the_sure_values_stay():
    """A ``/`` read ``1`` (0 printed) at 0.6 in a row of 12+0+/ = 12: the row fails as read,
    and the doubtful reading printed as 0 (a mark) makes it hold — the sure values stay."""
    row = _row([12, 0, 1], 12, doubtful=(2,))
    assert judge("p0", "12", [row]).kind == UNTESTED and judge("t", "12", [row]).kind == UNTESTED


def test_a_sure_misreading_beside_a_doubtful_one_is_caught():
    """Two errors in one row: a 0 confidently read 6 and a ``/`` read 1 (0+6+1 against a total
    0). No single misreading explains it; the 6 read as its misreading 0 with the doubtful 1
    printed as 0 does — the 6 is null. The total, read 0, could have been 7: null too."""
    row = _row([0, 6, 1], 0, doubtful=(2,))
    verdict = judge("p1", "6", [row])
    assert (verdict.kind, verdict.needed, verdict.doubtful) == (MISREAD, 0, (("p2", 0),))
    verdict = judge("t", "0", [row])
    assert (verdict.kind, verdict.needed, verdict.doubtful) == (MISREAD, 7, ())


def test_sums_far_off_beside_a_doubtful_reading_keep_their_sure_values():
    """Numbers that number their cells (a test fixture) break the row by thousands: the doubtful
    1004 cannot explain it, nor can any misreading of a sure value beside one of 1004's. The
    report disagrees: each sure value stays (scan7's rule nulled them all)."""
    row = _row([1000, 1001, 1002, 1003, 1004, 1005], 1006, doubtful=(4,))
    for i in (0, 1, 2, 3, 5):
        assert judge(f"p{i}", str(1000 + i), [row]).kind == FAILS
    assert judge("t", "1006", [row]).kind == FAILS


def test_beyond_the_listed_doubtful_terms_each_is_any_count():
    values = [5, *([1] * (MAX_DOUBTFUL + 1))]
    row = _row(values, 0, doubtful=tuple(range(1, MAX_DOUBTFUL + 2)))
    verdict = judge("p0", "5", [row])  # 5+1+1+1 = 0 fails whatever the doubtful 1s were
    assert verdict.kind == MISREAD and verdict.needed == 0
    assert verdict.doubtful == tuple((f"p{i}", None) for i in range(1, MAX_DOUBTFUL + 2))
    assert judge("t", "8", [_row(values, 8, doubtful=tuple(range(1, MAX_DOUBTFUL + 2)))]).kind == UNTESTED


def test_alternatives_of_a_doubtful_reading():
    assert alternatives(Term("k", 1, "1", True)) >= {0, 1, 7, 11, 21}  # a mark; a misreading
    assert -1 not in alternatives(Term("k", 1, "1", True))  # a count
    assert alternatives(Term("k", 0, "", True)) == {0}


def test_a_doubtful_reading_that_is_no_number_is_any_count():
    unread = Term("p1", 0, "l", doubtful=True, known=False)
    parts = (Term("p0", 5, "5"), unread)
    assert judge("t", "9", [(parts, (Term("t", 9, "9"),))]).kind == UNTESTED  # 5 + 4 = 9
    verdict = judge("t", "3", [(parts, (Term("t", 3, "3"),))])  # 5 + any count ≠ 3
    assert (verdict.kind, verdict.needed, verdict.doubtful) == (MISREAD, 5, (("p1", None),))
