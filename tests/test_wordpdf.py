"""Table 三 of a Word PDF printed by poppler as column stacks (extract/wordpdf.py), and table
三's last-year column in an office PDF's text where one run of numbers holds several rows
(extract/yearcols._rows_of).

The fixtures are texts of the seventh unseen corpus (wild5, seed 9300): ``pdftotext`` of the
Word file's PDF of 00004 (table 三 over two pages, its values as stacks after the labels) and
of the office suite's PDF of 00030 (a 上年同期 column right of 总计, rows whose label wraps
printed after their values)."""

from pathlib import Path

from ogi import parse
from ogi.document import Position
from ogi.extract import wordpdf
from ogi.extract.tokens import NUM, Token

FIXTURES = Path(__file__).parent / "fixtures" / "wordpdf"
WORD_STACKS = FIXTURES / "word_pdftotext_stacks_wild5.txt"
OFFICE_YEAR_COLUMN = FIXTURES / "office_pdftotext_year_column_wild5.txt"
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
ZEROS = dict.fromkeys(COLUMNS, 0)


def _blocks(*blocks: tuple[int, ...]) -> list[list[Token]]:
    return [[Token(NUM, str(v), Position(), 0, v) for v in b] for b in blocks]


def _read(blocks, rows, width=7):
    out = wordpdf._page_rows(blocks, rows, width)
    return None if out is None else {r: (tok.value, whole) for r, (tok, whole) in out.items()}


def test_the_word_pdfs_stacks_give_the_rows_of_one_value_and_each_rows_total():
    report = parse(WORD_STACKS)
    t3 = report.table3
    # page 1: 一 0 0 0 0 0 1 1 (自然人 1), 二 all zeros, (一) like 一; page 2: (七) like 一
    for row in ("new_received", "granted", "total"):
        assert t3[row] == {**dict.fromkeys(COLUMNS), "total": 1}
    read = [k for k, v in t3.items() if v == ZEROS]
    assert len(read) == 23 and "carried_over" in read and "carried_forward" in read
    assert [f.message for f in report.findings if f.code == "CELL_AMBIGUOUS" and f.where == "table3"] == [(
        "表三的数值按列分块印出(各块所属的列无法确定),只读入各种读法下全为同一数值的 22 行及 3 行的总计,"
        "其余 18 个单元格未采用")]


def test_a_page_of_stacks_is_read_row_by_row_whatever_column_each_block_is():
    # page 2 of the fixture: a band of six rows (seven stacks), three one-row bands (tall rows),
    # a band of three rows whose middle row is 1 in two columns (自然人 and 总计)
    blocks = _blocks(*[(0,) * 6] * 7, *[(0,)] * 21, (0, 1, 0), *[(0, 0, 0)] * 5, (0, 1, 0))
    read = _read(blocks, 12)
    assert read == {**{r: (0, True) for r in range(12) if r != 10}, 10: (1, False)}


def test_the_block_under_the_header_may_be_printed_row_after_row():
    # wild5 00005: 科研 公益 服务's first three rows printed 34 4 75 ⏎ 0 0 0 ⏎ 14 1 30, a value a
    # line: read column after column no row of 1 2 3 ⏎ 0 0 0 sums; read across, both do
    assert _read(_blocks((1, 2, 3, 0, 0, 0)), 2, width=3) == {0: (3, False), 1: (0, True)}


def test_a_print_that_needs_a_third_flow_is_not_read():
    # a band of two rows (stacks of two) and a tall row (stacks of one), their stacks
    # alternating: twice is two flows (the columns left of 其他/总计, then the right ones) …
    assert _read(_blocks((0, 0), (0,), (0, 0), (0,)), 3, width=2) == {0: (0, True), 1: (0, True), 2: (0, True)}
    # … three times is no print of poppler's: nothing is read, not even a table of zeros
    assert _read(_blocks((0, 0), (0,), (0, 0), (0,), (0, 0), (0,)), 3, width=3) is None
    assert wordpdf.MAX_FLOWS == 2


def test_values_not_whole_rows_of_a_page_are_not_read():
    blocks = _blocks((0, 0, 0), (0, 0, 0), (0, 0))  # eight values: no cutting into rows of three
    assert _read(blocks, 3, width=3) is None


def test_the_office_pdfs_run_of_several_rows_is_cut_into_rows_of_eight():
    # (二)部分公开's label wraps, and poppler prints (二)'s eight values and those of every row
    # of (三) as one run, their labels after: each eight read against the row identity, the
    # eighth (上年同期) left
    report = parse(OFFICE_YEAR_COLUMN)
    assert report.table3["partially_granted"] == ZEROS
    assert report.table3["denied.state_secret"] == ZEROS
    assert all(v is not None for row in report.table3.values() for v in row.values())
    assert [f.message for f in report.findings if f.where == "table3" and f.code == "TEMPLATE_DEVIATION"] == [
        "表三在总计右侧另印上年数一列,该列未读入(各行前六列之和等于总计,已核)"]
