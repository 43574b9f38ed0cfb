"""Page numbers among a paged table's boxes (``extract/boxes_pagenums.py``) and values
printed on their row label's line (``boxes.on_label_lines``, ``boxes.run_bands``)."""

from __future__ import annotations

from ogi.document import Position
from ogi.extract import boxes
from ogi.extract.boxes import Run, on_label_lines, run_bands
from ogi.extract.boxes_pagenums import (
    MAX_CHOICES,
    page_number_choices,
    read_without_page_numbers,
)
from ogi.extract.layout import Event
from ogi.extract.tokens import NUM, Token
from ogi.template.formats import FORMATS
from ogi.template.labels import segment

SPEC = FORMATS["2021"].table3  # 25 rows of 7 cells


def _tok(value: int) -> Token:
    return Token(NUM, str(value), Position(), 0, value, free=True)


def _run(values: list[int], page: int | None, line: bool = False, row: int | None = None) -> Run:
    return Run(0, tuple(_tok(v) for v in values), line=line, page=page, row=row)


def test_a_lone_line_of_its_pages_number_on_a_page_one_value_over_whole_rows_is_set_aside():
    # page 1 (the text's second: number 2) holds 28 + 1 values, page 2 (number 3) 147 + 1
    runs = [_run([0] * 28, 1), _run([2], 1), _run([0] * 140, 2), _run([3], 2), _run([0] * 7, 2)]
    assert page_number_choices(SPEC, runs) == [(1, 3)]
    # a page whose count is whole rows sets nothing aside, and needs no line of its number
    assert page_number_choices(SPEC, [_run([0] * 28, 1), _run([0] * 147, 2), _run([3], 2)]) == [(2,)]


def test_two_lines_of_a_pages_number_are_two_choices():
    runs = [_run([0] * 27, 1), _run([2], 1), _run([2], 1), _run([0] * 147, 2)]
    assert page_number_choices(SPEC, runs) == [(1,), (2,)]


def test_no_page_number_is_set_aside_where_the_pages_do_not_say_so():
    # the number of another page, a run of two values, no page breaks, a page two over whole rows
    assert page_number_choices(SPEC, [_run([0] * 28, 1), _run([3], 1), _run([0] * 147, 2)]) is None
    assert page_number_choices(SPEC, [_run([0] * 27, 1), _run([2, 2], 1), _run([0] * 147, 2)]) is None
    assert page_number_choices(SPEC, [_run([0] * 28, None), _run([2], None), _run([0] * 147, None)]) is None
    assert page_number_choices(SPEC, [_run([0] * 28, 1), _run([2], 1), _run([2], 1), _run([0] * 147, 2)]) is None
    assert page_number_choices(SPEC, [_run([0] * 175, 1)]) is None  # every page whole rows: none over


def test_choices_beyond_the_limit_are_not_read():
    lone = [_run([2], 1) for _ in range(MAX_CHOICES + 1)]
    runs = [_run([0] * 20, 1)] + lone + [_run([0] * 147, 2)]  # page 1: 29 values, nine lines of 2
    assert len(page_number_choices(SPEC, runs)) == MAX_CHOICES + 1
    assert read_without_page_numbers(SPEC, runs, [None] * len(runs)) is None


def test_a_table_of_zeros_with_its_page_numbers_set_aside_reads_whole():
    runs = [_run([0] * 28, 1), _run([2], 1), _run([0] * 147, 2), _run([3], 2)]
    cells = read_without_page_numbers(SPEC, runs, [None] * len(runs))
    assert cells is not None and len(cells) == 175
    assert {tok.value for tok in cells.values()} == {0}


def test_a_search_that_spends_its_budget_reads_nothing_for_any_choice(monkeypatch):
    def spent(spec, runs, named, budgets=None):
        raise boxes._Spent

    monkeypatch.setattr("ogi.extract.boxes_pagenums.read_runs", spent)
    runs = [_run([0] * 28, 1), _run([2], 1), _run([0] * 147, 2), _run([3], 2)]
    assert read_without_page_numbers(SPEC, runs, [None] * len(runs)) is None


def _phrase(text: str, unit: int) -> Event:
    return Event("phrase", Position(), segment=segment(text)[0], unit=unit)


def _value(value: int, unit: int) -> Event:
    return Event("value", Position(), token=_tok(value), unit=unit)


def test_a_value_on_its_row_labels_line_lies_in_that_row():
    evs = [_phrase("7.属于行政执法案卷", 1), _value(4, 1), _phrase("其他", 2), _value(0, 2),
           _phrase("1.属于国家秘密", 3), _value(5, 4), _value(6, 5)]
    runs = boxes.runs_of(evs, SPEC)
    assert runs is not None and [len(r.values) for r in runs] == [1, 1, 2]
    marked = on_label_lines(SPEC, "2021", evs, runs)
    row = next(r for r, spec_row in enumerate(SPEC.rows) if spec_row.key == "denied.enforcement_file")
    # 其他 may be a column header as well as a row's label: it marks no row
    assert [r.row for r in marked] == [row, None, None]
    assert run_bands(SPEC, marked) == [(row, row + 1), (0, 25), (0, 25)]


def test_a_label_row_off_its_page_leaves_the_run_no_row():
    runs = [_run([0] * 28, 1, row=10), _run([0] * 147, 2)]
    assert run_bands(SPEC, runs) == [(10, 10), (4, 25)]
    assert run_bands(SPEC, [_run([0] * 28, 1), _run([0] * 147, 2)]) == [(0, 4), (4, 25)]


def test_the_choices_share_one_tables_budgets(monkeypatch):
    seen = []

    def record(spec, runs, named, budgets=None):
        seen.append(budgets)

    monkeypatch.setattr("ogi.extract.boxes_pagenums.read_runs", record)
    runs = [_run([0] * 27, 1), _run([2], 1), _run([2], 1), _run([0] * 147, 2)]
    assert read_without_page_numbers(SPEC, runs, [None] * len(runs)) is None  # no choice has a reading
    assert len(seen) == 2 and seen[0] is seen[1]
    assert seen[0] == ([boxes.MAX_STATES], [boxes.PIECES_STEPS], [boxes.FIRST_NAMED_STEPS])


def test_a_paged_table_with_its_page_numbers_among_the_boxes_is_read_whole(monkeypatch):
    # paged_bands_2021.txt (pages of 4, 17 and 4 rows, read whole) with the numbers of its second
    # and third pages printed among the boxes, as pdfminer prints a page number's box: 177 values
    import json
    from pathlib import Path

    from ogi import parse
    from ogi.extract import boxes_pagenums

    path = Path(__file__).parent / "fixtures" / "boxes" / "paged_bands_2021.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert (lines[142], lines[332]) == ("申请人情况", "供")
    lines[333:333] = ["3", ""]
    lines[143:143] = ["2", ""]
    text = "\n".join(lines)
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))["table3"]
    report = parse(text.encode("utf-8"), name=path.name)
    assert report.table3 == expected
    assert report.provenance["table3.total.total"]["by"] == "boxes"
    # without setting them aside: two values too many, nothing read from the boxes
    monkeypatch.setattr(boxes_pagenums, "page_number_choices", lambda spec, runs: None)
    again = parse(text.encode("utf-8"), name=path.name)
    assert not any(p.get("by") == "boxes" for k, p in again.provenance.items() if k.startswith("table3."))
