"""Tables that pdfminer.six's layout analysis printed as text boxes (``extract/boxes.py``).

The fixtures are pdfminer's own ``extract_text`` of two synthetic reports printed by a
browser (the shape matrix's ``pdfminer`` shape), with their expected values beside them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ogi import parse
from ogi.document import Position
from ogi.extract.boxes import Run, runs_of
from ogi.extract.layout import Event
from ogi.extract.tokens import NUM, Token
from ogi.template.labels import segment

FIXTURES = Path(__file__).parent / "fixtures" / "boxes"
ONE_RUN = FIXTURES / "one_run_2021.txt"  # table 三 as one run of 7 × 25 values
JOINED = FIXTURES / "columns_and_joined_rows_2021.txt"  # runs of 25, 100, … and lines like "0 30"


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def _parse_text(text: str, name: str):
    return parse(text.encode("utf-8"), name=name)


def test_table3_printed_column_after_column_in_one_run_is_read_whole():
    report = parse(ONE_RUN)
    assert report.table3 == _expected(ONE_RUN)["table3"]
    assert report.table3["new_received"] == {"natural_person": 6, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0,
                                             "total": 6}
    assert report.provenance["table3.new_received.total"]["by"] == "boxes"
    assert not [f for f in report.findings if f.where and f.where.startswith("table3")
                and f.code in ("CELL_AMBIGUOUS", "ROW_AMBIGUOUS", "CELL_BLANK")]


def test_rows_joined_on_a_line_and_columns_named_by_their_header_box():
    # 自然人's 25 values after its header, four columns of 100, then 其他 and 总计 as
    # "0 30" (one row's two cells on one line), stretches of one value a line, "0 32"
    report = parse(JOINED)
    assert report.table3 == _expected(JOINED)["table3"]
    assert report.table3["new_received"] == {"natural_person": 27, "commercial": 3, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0,
                                             "total": 30}
    assert report.table3["total"]["total"] == 32


def test_without_the_header_box_only_the_cells_every_reading_agrees_on_are_read():
    # drop "⾃ ⏎ 然 ⏎ ⼈" before the first run: it may then be any applicant column the
    # other runs leave (the row totals cannot tell two applicant columns apart) — cells the
    # readings give different values stay null, the others are read
    lines = JOINED.read_text(encoding="utf-8").split("\n")
    assert lines[180:185] == ["\u2f83", "", "然", "", "\u2f08"]
    report = _parse_text("\n".join(lines[:180] + lines[185:]), JOINED.name)
    expected = _expected(JOINED)["table3"]
    read = {(r, c): v for r, cols in report.table3.items() for c, v in cols.items() if v is not None}
    assert all(expected[r][c] == v for (r, c), v in read.items())  # never a wrong number
    assert report.table3["new_received"] == {"natural_person": None, "commercial": None, "research": 0,
                                             "social_welfare": 0, "legal_service": None, "other_org": 0,
                                             "total": 30}
    nulls = sum(1 for cols in report.table3.values() for v in cols.values() if v is None)
    assert nulls == 37  # 34 printed cells, and three cells of (六)其他处理 derived from them
    finding = next(f for f in report.findings if f.code == "CELL_AMBIGUOUS" and f.where == "table3")
    assert finding.message == "表三按文本框(逐列)读出时,34 个单元格有多种读法,未采用"


def test_a_broken_row_total_leaves_the_boxes_unread():
    # 自然人 of 一、本年新收 printed 7 where its row's 总计 is 6: no reading satisfies the row
    # sums, so nothing is read from the boxes and the table stays null with its findings
    lines = ONE_RUN.read_text(encoding="utf-8").split("\n")
    assert lines[214] == "6"
    lines[214] = "7"
    report = _parse_text("\n".join(lines), ONE_RUN.name)
    assert all(v is None for cols in report.table3.values() for v in cols.values())
    assert any(f.code == "CELL_AMBIGUOUS" and f.where == "table3.carried_forward" for f in report.findings)
    assert not any(f.message.startswith("表三按文本框") for f in report.findings)


def test_a_lost_value_leaves_the_boxes_unread():
    lines = ONE_RUN.read_text(encoding="utf-8").split("\n")
    del lines[214:216]  # 自然人 of 一、本年新收 and its blank line: 174 values for 175 cells
    report = _parse_text("\n".join(lines), ONE_RUN.name)
    assert all(v is None for cols in report.table3.values() for v in cols.values())


def _value(text: str, unit: int) -> Event:
    return Event("value", Position(), token=Token(NUM, text, Position(), 0, int(text), free=True), unit=unit)


def test_runs_a_line_of_several_values_is_a_row_of_its_own():
    header = Event("phrase", Position(), segment=segment("总计")[0])
    evs = [_value("27", 1), _value("2", 2), _value("0", 3), _value("30", 3), _value("0", 4), _value("2", 5),
           header, _value("4", 6)]
    runs = runs_of(evs)
    assert runs is not None
    assert [(r.at, [t.value for t in r.values], r.line) for r in runs] == [
        (0, [27, 2], False), (2, [0, 30], True), (4, [0, 2], False), (7, [4], False)]
    assert isinstance(runs[0], Run)


def test_runs_refuse_a_value_that_is_no_number_of_running_text():
    glued = Event("value", Position(), token=Token(NUM, "1203", Position(), 0, 1203, glued=True, free=True), unit=1)
    assert runs_of([_value("3", 0), glued]) is None


PAGE_BREAK = FIXTURES / "page_break_2021.txt"  # runs of 8, 2, 2, 2, 19, 1, 3, 92, 2, 40, 2, 2


def test_a_column_cut_by_a_page_break_is_read_from_the_top_down(monkeypatch):
    # the first rows in runs of their own, the rest after the page break: with each column's
    # pieces taken from the top down the search ends within its budget and reads every cell;
    # without that rule it spends the budget on orders pdfminer does not print — and then the
    # print-order search (ninth session), which has the rule in its state, reads it all
    report = parse(PAGE_BREAK)
    assert report.table3 == _expected(PAGE_BREAK)["table3"]
    assert report.table3["new_received"] == {"natural_person": 3038, "commercial": 0, "research": 21,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0,
                                             "total": 3059}
    from ogi.extract import boxes

    monkeypatch.setattr(boxes._Tiling, "_in_order", lambda self, column, j, top, bottom: True)
    assert parse(PAGE_BREAK).table3 == report.table3
    monkeypatch.setattr(boxes, "_Stacks", _SpentSearch)
    # the text's form feeds put each run in the rows of its page (twelfth session): the exact
    # cover alone then reads it within its budget; without them it spends it, and nothing is read
    assert parse(PAGE_BREAK).table3 == report.table3
    monkeypatch.setattr(boxes, "bands", lambda spec, runs: None)
    assert all(v is None for cols in parse(PAGE_BREAK).table3.values() for v in cols.values())


# ---------------------------------------------------------------- eighth session (boxes2)

PAGED_ZEROS = FIXTURES / "paged_zeros_dated_2021.txt"  # samples' web page, paged print: a table of zeros, "打印日期：2023-12-28" among its boxes
HEADER_PIECES = FIXTURES / "header_pieces_2019.txt"  # 社会公 ⏎ 法律服 ⏎ 益组织 … cut, then 总计 ⏎ 其他, then 12 values of six columns
AMOUNT_AMONG_COUNTS = FIXTURES / "amount_among_counts_2021.txt"  # table 二's amount "58.16" printed among table 三's boxes


class _SpentSearch:
    """A print-order search that spends its budget at once (nothing is read after it)."""

    def __init__(self, *args, **kwargs):
        pass

    def holds(self):
        from ogi.extract import boxes

        raise boxes._Spent("spent")


def _table3_cells(report) -> list:
    return [v for cols in report.table3.values() for v in cols.values()]


def test_a_table_of_one_number_is_read_whole_whatever_the_order_of_its_boxes(monkeypatch):
    # 175 values, every one 0, in runs of 1, 1, 68, 1, 1, 68, 7, 7, 21: the exact cover search
    # spends its budget on the orders of equal values, but every reading gives every cell 0
    # extract/pagedrows reads this table whole first, its label pieces split from their cells
    # (``7.属于行政执法案卷 0``); refused here, the boxes' reader is what is tested
    assert parse(PAGED_ZEROS).table3 == _expected(PAGED_ZEROS)["table3"]
    from ogi.extract import pagedrows

    monkeypatch.setattr(pagedrows, "_label_then_cells", lambda line: (None, []))
    report = parse(PAGED_ZEROS)
    assert report.table3 == _expected(PAGED_ZEROS)["table3"]
    assert set(_table3_cells(report)) == {0}
    assert report.provenance["table3.carried_forward.total"]["by"] == "boxes"
    from ogi.extract import boxes

    monkeypatch.setattr(boxes, "_uniform", lambda spec, runs: None)
    without = parse(PAGED_ZEROS).table3
    assert [r for r, cols in without.items() if any(v is not None for v in cols.values())] == ["other.no_fee"]


def test_a_running_date_line_among_the_boxes_is_not_a_value(monkeypatch):
    # a paged print's running line "打印日期：2025-01-20" printed right before the run (pdfminer
    # prints it where its box falls): -01 and -20 are read as numbers glued to text, so
    # without the rule the values are not all numbers of running text and nothing is read
    lines = ONE_RUN.read_text(encoding="utf-8").split("\n")
    assert lines[214] == "6"
    lines[214:214] = ["打印日期：2025-01-20", ""]  # right before the run
    text = "\n".join(lines)
    report = _parse_text(text, ONE_RUN.name)
    assert report.table3 == _expected(ONE_RUN)["table3"]
    from ogi.extract import boxes

    monkeypatch.setattr(boxes, "DATE_AT_END", re.compile(r"(?!)"))
    assert all(v is None for v in _table3_cells(_parse_text(text, ONE_RUN.name)))


def test_a_table_of_one_number_whose_sums_fail_stays_null_with_findings():
    # every value of table 三 printed 1: one number in every cell, but a row's 总计 is not
    # the sum of its six 1s — no reading, and the aligner's nulls and findings stand
    lines = PAGED_ZEROS.read_text(encoding="utf-8").split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    lines[start:end] = ["1" if line == "0" else line for line in lines[start:end]]
    report = _parse_text("\n".join(lines), PAGED_ZEROS.name)
    assert all(v is None for v in _table3_cells(report))
    assert not any(f.message.startswith("表三按文本框") for f in report.findings)
    assert any(f.code in ("CELL_AMBIGUOUS", "ROW_AMBIGUOUS") and f.where and f.where.startswith("table3")
               for f in report.findings)


def test_header_pieces_beside_a_run_leave_its_columns_unnamed(monkeypatch):
    # before the run of 12 (商业企业 … 总计 of rows 一 and 二): the pieces 社会公益 ⏎ 法律服务 …
    # of the organisations' headers, then 总计 and 其他. Naming the run {商业企业, 法律服务机构,
    # 总计, 其他} from the headers read whole left no reading; with the pieces seen it reads
    report = parse(HEADER_PIECES)
    assert report.table3 == _expected(HEADER_PIECES)["table3"]
    assert report.table3["new_received"] == {"natural_person": 13, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0,
                                             "total": 13}
    from ogi.extract import boxes

    monkeypatch.setattr(boxes, "_pieces_of_headers", lambda spec, text: False)
    assert all(v is None for v in _table3_cells(parse(HEADER_PIECES)))


def test_a_number_no_cell_can_hold_is_not_counted_among_the_values(monkeypatch):
    # "58.16" (table 二's 本年收费金额, a fraction) printed among table 三's counts: 176 values
    # for 175 cells until it is set aside; then one reading, every cell right
    lines = AMOUNT_AMONG_COUNTS.read_text(encoding="utf-8").split("\n")
    assert lines[446] == "58.16"
    report = parse(AMOUNT_AMONG_COUNTS)
    assert report.table3 == _expected(AMOUNT_AMONG_COUNTS)["table3"]
    assert report.table3["new_received"] == {"natural_person": 23, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 1, "other_org": 0,
                                             "total": 24}
    from ogi.extract import boxes

    monkeypatch.setattr(boxes, "_foreign", lambda tok, kinds: False)
    # one value too many (ninth session): "58.16" suits no cell, so every reading sets it aside
    assert parse(AMOUNT_AMONG_COUNTS).table3 == report.table3
    monkeypatch.setattr(boxes, "_one_astray", lambda spec, runs, named: None)
    without = parse(AMOUNT_AMONG_COUNTS).table3  # the aligner's reading: 四、结转, its values on one line
    assert [r for r, cols in without.items() if any(v is not None for v in cols.values())] == ["carried_forward"]


# ---------------------------------------------------------------- ninth session (boxes3)

BUDGET_SPENT = FIXTURES / "budget_spent_2021.txt"  # runs of 12, 1, 12, 100, then 其他 and 总计 as lines "0 61" and 2, 18, 20: the exact cover search spends its 20,000 steps
ONE_ASTRAY = FIXTURES / "one_astray_2021.txt"  # 176 values for 175 cells: a 0 too many in the run of 97 (商业企业 … 法律服务机构, rows 一 to (七))


def test_the_same_readings_in_print_order_where_the_exact_cover_search_spends_its_budget(monkeypatch):
    # every run is one block, as before; placed in print order (a block only where its columns
    # are filled to) with equal states searched once, the readings are few — one here
    report = parse(BUDGET_SPENT)
    assert report.table3 == _expected(BUDGET_SPENT)["table3"]
    assert report.table3["new_received"] == {"natural_person": 61, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0,
                                             "total": 61}
    assert report.table3["total"]["total"] == 57
    assert report.table3["carried_forward"]["total"] == 4
    assert report.provenance["table3.total.total"]["by"] == "boxes"
    from ogi.extract import boxes

    monkeypatch.setattr(boxes, "_Stacks", _SpentSearch)
    assert all(v is None for v in _table3_cells(parse(BUDGET_SPENT)))


def test_the_print_order_search_gives_the_exact_cover_searchs_readings(monkeypatch):
    # with the exact cover search given no steps, the print-order search reads every fixture
    # the same — the same cells agreed, the same 34 left null without 自然人's header box
    from ogi.extract import boxes

    before = {path: parse(path).table3 for path in (ONE_RUN, JOINED, PAGE_BREAK, HEADER_PIECES)}
    lines = JOINED.read_text(encoding="utf-8").split("\n")
    headless = "\n".join(lines[:180] + lines[185:])
    before_headless = _parse_text(headless, JOINED.name)
    monkeypatch.setattr(boxes, "MAX_STEPS", 0)
    for path, table in before.items():
        assert parse(path).table3 == table, path.name
    after = _parse_text(headless, JOINED.name)
    assert after.table3 == before_headless.table3
    finding = next(f for f in after.findings if f.code == "CELL_AMBIGUOUS" and f.where == "table3")
    assert finding.message == "表三按文本框(逐列)读出时,34 个单元格有多种读法,未采用"


def test_one_value_too_many_is_set_aside_in_turn_and_the_agreed_cells_read(monkeypatch):
    # 176 values for 175 cells, the extra a 0 among 商业企业 … 法律服务机构's zeros: whichever
    # value is set aside, the readings that hold give every cell the same value
    report = parse(ONE_ASTRAY)
    assert report.table3 == _expected(ONE_ASTRAY)["table3"]
    assert report.table3["new_received"] == {"natural_person": 22, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0,
                                             "total": 22}
    assert report.table3["granted"]["total"] == 9
    assert report.provenance["table3.granted.total"]["by"] == "boxes"
    from ogi.extract import boxes

    monkeypatch.setattr(boxes, "_one_astray", lambda spec, runs, named: None)
    without = parse(ONE_ASTRAY).table3  # the aligner's reading: 四、结转, its seven values after the repeated header
    assert [r for r, cols in without.items() if any(v is not None for v in cols.values())] == ["carried_forward"]


def test_two_values_too_many_leave_the_boxes_unread():
    # one more 0 in the run of 97: which two are not the table's is not set aside
    lines = ONE_ASTRAY.read_text(encoding="utf-8").split("\n")
    at = lines.index("申请⼈情况")
    first_zero = next(i for i in range(at, len(lines)) if lines[i] == "0")
    lines[first_zero:first_zero] = ["0", ""]
    report = _parse_text("\n".join(lines), ONE_ASTRAY.name)
    assert [r for r, cols in report.table3.items() if any(v is not None for v in cols.values())] == ["carried_forward"]



SEVERAL_BLOCKS = FIXTURES / "several_blocks_2021.txt"  # 自然人 25, zeros 75, then 其他 and 总计 cut at tall rows: 36 = 18 + 9 + 9, 22 = 8 + 10 + 1 + 1 + 1 + 1


def test_runs_of_several_blocks_are_listed_as_printed(monkeypatch):
    # the print pdfminer makes of a table whose 其他 and 总计 columns it cut at tall rows: the
    # two first runs are whole columns, the others several column pieces of different heights
    from ogi.extract import boxes

    seen = {}
    real = boxes.read_boxes

    def spy(spec, fmt, evs, pages=()):
        read = real(spec, fmt, evs, pages)
        if spec.key == "table3":
            seen["runs"], seen["read"] = boxes.runs_of(evs, spec, pages), read
        return read

    monkeypatch.setattr(boxes, "read_boxes", spy)
    parse(SEVERAL_BLOCKS)
    runs = seen["runs"]
    assert [(len(r.values), r.line) for r in runs] == [
        (25, False), (75, False), (3, True), (3, False), (3, True), (36, False),
        (2, True), (22, False), (3, True), (3, False)]
    assert [t.text for t in runs[2].values] == ["0", "93", "541"]  # 一's 法律服务机构, 其他, 总计 on one line
    assert [t.text for t in runs[5].values[:3]] == ["47", "3", "2"]  # 总计 from (二) down, before 法律服务机构 and 其他
    # no reading as one block a run; cut into pieces (at most four a run), one reading
    assert len(seen["read"]) == 175 and all(tok is not None for tok in seen["read"].values())


def test_a_table_of_several_blocks_a_run_is_read_whole_in_pieces():
    # the runs of 36 and 22 are 总计 (二)…(六)1, 法律服务机构 and 其他 (二)…(三)8, then 其他 and
    # 法律服务机构 (四)2 down, then (六)2 and (六)3 row by row: with the print-order bounds the
    # search in pieces finds one reading in a few thousand steps (no finding on table 三)
    from ogi.synth.shapes.score import score_report

    report = parse(SEVERAL_BLOCKS)
    assert report.table3 == _expected(SEVERAL_BLOCKS)["table3"]
    assert report.table3["unable.not_held"] == {"natural_person": 68, "commercial": 0, "research": 0,
                                                  "social_welfare": 0, "legal_service": 0, "other_org": 17,
                                                  "total": 85}
    score = score_report(_expected(SEVERAL_BLOCKS), report)
    assert (score.cells, score.right, score.null_flagged, score.wrong_flagged, score.null_silent,
            score.wrong_silent) == (207, 201, 6, 0, 0, 0)  # 198, 9 before readorder8's stack rules (renderings §45)
    assert not [f for f in report.findings if f.where and f.where.startswith("table3")]
    # table 四 printed one value a line under its own header in the grid's order, which vouches
    # for the order of its one row (extract/order.header_in_grid_order, docs/renderings.md §24)
    assert report.table4["review"] == {"upheld": 0, "corrected": 9, "other": 0, "pending": 2, "total": 11}


def test_the_causes_benchmark_names_the_step_that_gave_up(monkeypatch):
    import importlib.util

    from ogi import extract

    path = Path(__file__).parents[1] / "benchmarks" / "boxes_causes.py"
    spec = importlib.util.spec_from_file_location("boxes_causes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    causes = {}
    real = extract.reread_boxes

    def hooked(table, fmt, evs, placed, pages=()):
        causes[table.key] = module.cause(table, fmt, evs, placed, pages)
        return real(table, fmt, evs, placed, pages)

    monkeypatch.setattr(extract, "reread_boxes", hooked)
    found = {}
    for path in (SEVERAL_BLOCKS, ONE_ASTRAY, BUDGET_SPENT):
        causes.clear()
        parse(path)
        found[path.name] = dict(causes)
    assert found == {
        "several_blocks_2021.txt": {"table2": "no identity", "table3": "pieces: read", "table4": "aligner full"},
        "one_astray_2021.txt": {"table2": "no identity", "table3": "astray: read", "table4": "aligner full"},
        "budget_spent_2021.txt": {"table2": "no identity", "table3": "stacks: read", "table4": "aligner full"},
    }


# ---------------------------------------------------------------- eleventh session (boxes5)


def test_pieces_that_form_one_block_are_searched_once():
    from ogi.extract.boxes import _one_block

    # previous piece: 2 rows of one column (5) from row 3; the same column from row 5 is one block
    assert _one_block((2, 1, 5, 3), 4, 1, 5, 5)
    # the same rows, the columns right of it: one block of two columns
    assert _one_block((2, 1, 5, 3), 2, 1, 6, 3)
    # another height, another row or a column apart: two blocks
    assert not _one_block((2, 1, 5, 3), 3, 1, 6, 3)
    assert not _one_block((2, 1, 5, 3), 2, 1, 6, 4)
    assert not _one_block((2, 2, 4, 3), 1, 1, 5, 5)  # a block of two columns continued under its last


def test_the_bounds_of_open_cells_come_from_their_identity_instances(monkeypatch):
    # a table 三 row: 总计 placed (47), 自然人 39 and four zeros placed, 法律服务机构 and 其他 open
    from ogi.extract import boxes

    seen = {}
    real = boxes.read_boxes

    def spy(spec, fmt, evs, pages=()):
        if spec.key == "table3":
            seen["spec"] = spec
        return real(spec, fmt, evs, pages)

    monkeypatch.setattr(boxes, "read_boxes", spy)
    parse(SEVERAL_BLOCKS)
    spec = seen["spec"]
    search = boxes._Pieces(spec, [boxes.Run(0, ())], [None])
    row = 3  # 部分公开
    n = next(n for n, (left, right) in enumerate(search.members)
             if {cell[0] for cell in left + right} == {row} and len(left + right) == 7)
    left, right = search.members[n]
    placed = {(row, c): v for (r, c), v in zip(sorted(left + right), [39, 0, 0, 0, None, None, 47])}
    diffs = [0] * len(search.members)
    rest = list(search.sides)
    for (r, c), v in placed.items():
        if v is None:
            continue
        sign = 1 if (r, c) in left else -1
        diffs[n] += sign * v
        lo, ro = rest[n]
        rest[n] = (lo - 1, ro) if sign > 0 else (lo, ro - 1)
    fills = tuple(row + 1 if c not in (4, 5) else row for c in range(7))
    limits = search._limits(fills, tuple(diffs), tuple(rest))
    assert limits[(row, 4)] == [0, 8] and limits[(row, 5)] == [0, 8]  # the two open parts share 47 − 39
    diffs[n] += (1 if (row, 4) in left else -1) * 8
    rest[n] = (rest[n][0] - ((row, 4) in left), rest[n][1] - ((row, 4) in right))
    fills = tuple(row + 1 if c != 5 else row for c in range(7))
    assert search._limits(fills, tuple(diffs), tuple(rest))[(row, 5)] == [0, 0]  # the last one is exact


def test_the_search_in_pieces_is_bounded_by_steps_and_then_reads_nothing(monkeypatch):
    # the several-blocks fixture needs 2,019 steps; with 2,000 the search gives up and the
    # aligner's nulls and findings stand — never a part of a reading
    from ogi.extract import boxes

    monkeypatch.setattr(boxes, "PIECES_STEPS", 2_000)
    report = parse(SEVERAL_BLOCKS)
    assert all(v is None for v in _table3_cells(report))
    codes = {(f.code, f.where) for f in report.findings if f.where and f.where.startswith("table3")}
    assert ("ROW_AMBIGUOUS", "table3") in codes
    monkeypatch.setattr(boxes, "PIECES_STEPS", 2_019)
    assert parse(SEVERAL_BLOCKS).table3 == _expected(SEVERAL_BLOCKS)["table3"]


# ---------------------------------------------------------------- twelfth session (boxes6)


def _value_on(text: str, unit: int, line: int) -> Event:
    return Event("value", Position(line=line), token=Token(NUM, text, Position(line=line), 0, int(text), free=True),
                 unit=unit)


def test_the_text_reader_leaves_where_each_page_opens():
    from ogi.extract.boxes import PAGE_STARTS, page_starts, pages_of
    from ogi.readers.text import parse_text

    # str.splitlines ends a line at a form feed: "3\f" is line 2, "页眉" line 3, "\f" alone line 5
    text = "标题\n3\f页眉\n4\n\f5\n"
    assert page_starts(text) == "3,6"
    assert pages_of({PAGE_STARTS: "3,6"}) == (3, 6)
    assert pages_of({}) == () and page_starts("一页\n") == ""
    assert parse_text(text).meta == {PAGE_STARTS: "3,6"}
    assert parse_text("一页\n3\n").meta == {}


def test_a_run_ends_at_a_page_break():
    evs = [_value_on("1", 1, 10), _value_on("2", 2, 11), _value_on("3", 3, 13), _value_on("4", 4, 14)]
    assert [[t.value for t in r.values] for r in runs_of(evs)] == [[1, 2, 3, 4]]
    runs = runs_of(evs, pages=(12,))
    assert [([t.value for t in r.values], r.page) for r in runs] == [([1, 2], 0), ([3, 4], 1)]


def test_the_rows_of_a_page_are_its_values_over_the_row_width():
    from ogi.extract.boxes import bands
    from ogi.template.formats import FORMATS

    spec = FORMATS["2021"].table3  # 25 rows of 7 cells

    def run(n: int, page: int | None) -> Run:
        return Run(0, tuple(Token(NUM, "0", Position(), 0, 0, free=True) for _ in range(n)), page=page)

    assert bands(spec, [run(21, 2), run(7, 2), run(147, 3)]) == [(0, 4), (0, 4), (4, 25)]
    assert bands(spec, [run(22, 2), run(153, 3)]) is None  # a page's values are no whole rows
    assert bands(spec, [run(28, None), run(147, None)]) is None  # the text shows no page break
    assert bands(spec, [run(175, 2)]) is None  # one page: nothing to say


def test_a_header_inside_a_wrapped_row_label_names_no_column():
    # the paged print of table 三: "只计这一情形,不计其他情 ⏎ 39 ⏎ 形)" — 其他 is read as a header
    # phrase, but its line holds words no label names: it is no header box, 39 is 自然人's
    from ogi.extract.boxes import _named_columns
    from ogi.template.formats import FORMATS

    spec = FORMATS["2021"].table3
    line = [Event("gap" if not seg.phrases else "phrase", Position(), segment=seg, unit=1)
            for seg in segment("只计这一情形,不计其他情")]
    assert [ev.kind for ev in line] == ["gap", "phrase", "gap"]
    evs = line + [_value_on(v, 2 + i, 2 + i) for i, v in enumerate(["39", "3", "2", "4", "4", "0", "0", "0", "0"])]
    runs = runs_of(evs)
    assert _named_columns(spec, "2021", evs, runs) == [None]
    alone = [Event("phrase", Position(), segment=segment("其他")[0], unit=1)] + evs[3:]
    assert _named_columns(spec, "2021", alone, runs_of(alone)) == [frozenset({5})]


PAGED_BANDS = FIXTURES / "paged_bands_2021.txt"  # synth100 00053, paged: table 三 over three pages, the second all zeros
PAGED_BY_POSITION = FIXTURES / "paged_by_position_2021.txt"  # synth100 00097, paged: no reading; rows by position


def test_a_paged_table_is_read_page_by_page_in_the_rows_each_page_holds(monkeypatch):
    # runs of 4, 8, 16 on the first page (28 values: rows 一…(二)), 119 zeros on the second
    # (17 rows), 28 on the third (4 rows): each run lies in its page's rows, and the exact
    # cover reads the table; without the pages it spends its budget and nothing is read
    from ogi.extract import boxes

    report = parse(PAGED_BANDS)
    assert report.table3 == _expected(PAGED_BANDS)["table3"]
    assert report.table3["total"] == {"natural_person": 6, "commercial": 0, "research": 0, "social_welfare": 0,
                                      "legal_service": 0, "other_org": 0, "total": 6}
    assert report.provenance["table3.total.total"]["by"] == "boxes"
    monkeypatch.setattr(boxes, "bands", lambda spec, runs: None)
    # without the pages, the values printed on their row label's line (boxes.on_label_lines)
    # still tie their runs to rows, and the table is read; without those either, nothing is
    assert parse(PAGED_BANDS).table3 == _expected(PAGED_BANDS)["table3"]
    monkeypatch.setattr(boxes, "on_label_lines", lambda spec, fmt, evs, runs: runs)
    assert all(v is None for v in _table3_cells(parse(PAGED_BANDS)))


def test_a_row_placed_by_position_on_a_page_of_other_rows_is_left_null():
    # the paged print of synth100 00097: the boxes have no reading within the budget, and the
    # aligner placed two rows by position alone (their labels lost). 二's (六)1 row "50 0 1 0 0
    # 0 51", printed one value a line on the page of rows (六)1…四 (its values 35 ÷ 7), was taken
    # for (五)5: three wrong numbers — null now; (六)2, on its own page's rows, stays as read
    report = parse(PAGED_BY_POSITION)
    assert report.table3["not_processed.confirm_existing"] == dict.fromkeys(
        ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"))
    assert report.table3["other.no_fee"] == {"natural_person": 35, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0, "total": 35}
    # its label's first piece (5.要求行政机关确) names the row by its own text since crawl10
    # (template/labels_match): no longer placed by position, the row is null for the 56 values
    # printed after its label (the boxes' finding named the row placed by position before)
    finding = next(f for f in report.findings if f.where == "table3.not_processed.confirm_existing")
    assert finding.code == "CELL_AMBIGUOUS" and finding.message.startswith("“5.要求行政机关确认或重新出具已获取信息”行只印出 56 个数值")
    expected = _expected(PAGED_BY_POSITION)
    wrong = [(t, r, c) for t in ("table2", "table3", "table4") for r, cols in expected[t].items()
             for c, v in cols.items() if (getattr(report, t).get(r) or {}).get(c) not in (None, v)]
    assert wrong == []


TOTAL_BEFORE_OTHER = FIXTURES / "total_before_other_2019.txt"  # synth100 00018's pdfminer text: 总计's piece, then 其他's


def test_a_run_whose_header_names_its_first_piece_only_is_read_in_pieces(monkeypatch):
    # 2019 table 三 cut by a page break: on the second page ``其 ⏎ 他`` is printed before the run
    # of 84 zeros (商业企业 … 法律服务机构, 21 rows) and ``总 ⏎ 计`` before a run of 38 that is
    # 总计 (一)…(六) then 其他 (一)…(六): no reading has every piece in the columns its headers
    # name; read with the headers naming each run's first piece, every cell agrees
    from ogi import extract
    from ogi.extract import boxes

    seen = {}
    real = extract.reread_boxes

    def hooked(table, fmt, evs, placed, pages=()):
        if table.key == "table3":
            runs = boxes.on_label_lines(table, fmt, evs, boxes.runs_of(evs, table, pages))
            named = boxes._named_columns(table, fmt, evs, runs)
            seen["runs"] = [(len(run.values), sorted(names) if names else None) for run, names in zip(runs, named)]
            seen["strict"] = boxes._Pieces(table, runs, named).holds()
            loose = boxes._Pieces(table, runs, named, first_named_only=True)
            # 其他 rows 0–18 then 总计's beside them would be one block of columns 5–6: under 总 ⏎ 计
            # (column 6 named) the one block is no reading, the two pieces are one
            seen["as one"] = (loose._named_as_one(6, 1, (19, 1, 5, 0), 1, 6), loose._named_as_one(6, 1, (19, 1, 6, 0), 1, 7),
                              boxes._Pieces(table, runs, named)._named_as_one(6, 1, (19, 1, 5, 0), 1, 6))
        return real(table, fmt, evs, placed, pages)

    monkeypatch.setattr(extract, "reread_boxes", hooked)
    report = parse(TOTAL_BEFORE_OTHER)
    assert seen["runs"] == [(2, None), (8, None), (2, None), (2, None), (21, [0]), (84, None), (38, [6]),
                            (2, None), (2, None)]
    assert seen["strict"] is False
    assert seen["as one"] == (False, False, True)
    assert report.table3 == _expected(TOTAL_BEFORE_OTHER)["table3"]
    assert report.table3["total"] == {"natural_person": 122, "commercial": 0, "research": 0, "social_welfare": 0,
                                      "legal_service": 0, "other_org": 0, "total": 122}
    assert report.provenance["table3.granted.total"]["by"] == "boxes"
    assert not [f for f in report.findings if f.where and f.where.startswith("table3")]
