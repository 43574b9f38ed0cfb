"""Table 四's blocks in another order, read from a PDF's glyph positions (readers/pdf_order4)
and the values moved to the blocks they stand under (extract/colorder_t4pdf): wild5
``reordered`` in LibreOffice's PDF, nineteenth session."""

from ogi.extract.colorder_t4pdf import read_blocks_in_printed_order
from ogi.readers.pdf_lines import Line
from ogi.readers.pdf_order4 import printed_blocks
from ogi.readers.pdf_page import Fragment

W = 12.0  # pt: a glyph's height and width
X = (58.2, 93.7, 129.1, 164.5, 199.3)  # the five result columns' left edges in the first block
STEP = 169.4  # pt from one block's first column to the next's


def _glyphs(top: float, *pieces: tuple[float, str]) -> Line:
    """A line of glyphs 12 pt wide, touching within a piece; each piece starts at its x."""
    return Line([Fragment(ch, x + i * W, top, x + (i + 1) * W, top + W) for x, text in pieces for i, ch in enumerate(text)])


def _header(blocks: tuple[str, str, str], values: str = "0") -> list[Line]:
    """LibreOffice's PDF of table 四 printed 行政诉讼 first (wild5 00002): each block label at
    its block's left edge, each result label wrapped in its column (结果 ⏎ 维持), 总计 lower."""
    def at(block: int, col: int) -> float:
        return X[col] + STEP * block
    return [
        _glyphs(211, (57.0, "四、政府信息公开行政复议、行政诉讼情况")),
        _glyphs(255, (at(0, 0), "行政诉讼"), (at(2, 0), blocks[2])),
        _glyphs(283, (at(0, 0), blocks[0]), (at(1, 0), blocks[1])),
        _glyphs(311, *[(at(b, c), text) for b in range(3) for c, text in enumerate(("结果", "结果", "其他", "尚未"))]),
        _glyphs(325, *[(at(b, 4), "总计") for b in range(3)]),
        _glyphs(339, *[(at(b, c), text) for b in range(3) for c, text in enumerate(("维持", "纠正", "结果", "审结"))]),
        _glyphs(367, *[(at(b, c), values) for b in range(3) for c in range(5)]),
    ]


def test_the_blocks_order_is_read_where_every_result_cell_stands_apart():
    printed = printed_blocks([(_header(("未经复议直接起诉", "复议后起诉", "行政复议")), [])])
    assert printed == "未经复议直接起诉、复议后起诉、行政复议"
    assert printed_blocks([(_header(("行政复议", "未经复议直接起诉", "复议后起诉")), [])]) is None  # the template's


def test_a_header_with_a_cell_that_is_no_results_part_or_a_label_twice_is_not_read():
    lines = _header(("未经复议直接起诉", "复议后起诉", "行政复议"))
    glossed = [*lines[:5], _glyphs(339, (58.2, "Upheld")), *lines[6:]]
    assert printed_blocks([(glossed, [])]) is None  # an English gloss: no result's part
    twice = [*lines[:2], _glyphs(283, (58.2, "行政复议"), (227.6, "复议后起诉")), *lines[3:]]
    assert printed_blocks([(twice, [])]) is None  # 行政复议 twice, 未经复议直接起诉 never
    no_values = lines[:-1]
    assert printed_blocks([(no_values, [])]) is None  # no line of values below: no header


def _table4(*blocks: tuple[int, ...]) -> dict[str, dict]:
    keys = ("upheld", "corrected", "other", "pending", "total")
    return {g: dict(zip(keys, b)) for g, b in zip(("review", "litigation_direct", "litigation_after_review"), blocks)}


def test_each_run_of_five_moves_to_the_block_it_stands_under():
    # hold18 00002: 直接起诉, 复议后起诉, 行政复议 left to right
    table4 = _table4((0, 1, 2, 6, 9), (4, 0, 5, 1, 10), (0, 0, 3, 22, 25))
    provenance = {"table4.review.total": {"line": 7}}
    assert read_blocks_in_printed_order(table4, provenance, "未经复议直接起诉、复议后起诉、行政复议")
    assert table4 == _table4((0, 0, 3, 22, 25), (0, 1, 2, 6, 9), (4, 0, 5, 1, 10))
    assert provenance == {"table4.litigation_direct.total": {"line": 7}}


def test_a_value_missing_or_a_block_that_does_not_sum_leaves_table_四_as_it_was():
    for table4 in (_table4((0, 1, 2, 6, None), (4, 0, 5, 1, 10), (0, 0, 3, 22, 25)),
                   _table4((0, 1, 2, 6, 8), (4, 0, 5, 1, 10), (0, 0, 3, 22, 25))):
        before = {g: dict(v) for g, v in table4.items()}
        assert not read_blocks_in_printed_order(table4, {}, "未经复议直接起诉、复议后起诉、行政复议")
        assert table4 == before
    assert not read_blocks_in_printed_order(_table4((0,) * 5, (0,) * 5, (0,) * 5), {}, None)
    assert not read_blocks_in_printed_order(_table4((0,) * 5, (0,) * 5, (0,) * 5), {}, "行政诉讼、行政复议")
