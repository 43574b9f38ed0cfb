"""Tables drawn without ruling lines as an office suite sets them (LibreOffice's HTML → PDF),
and paragraphs set ragged-right with Chinese line-breaking rules: page contents built glyph
by glyph at the positions those programs use, read by the PDF reader's layout code."""

from __future__ import annotations

from ogi.document import Paragraph, Table
from ogi.readers.pdf_layout import document_blocks, page_layout
from ogi.readers.pdf_page import Fragment, PageContent

EM = 12.0  # pt: a Chinese character's advance
DIGIT = 6.7  # pt: a digit's advance
HEIGHT = 11.0  # pt: a glyph box's height
VALUE_X = (284.0, 325.3, 378.6, 412.2, 450.0, 507.5, 536.8)  # LibreOffice's seven value columns


def _glyphs(text: str, x: float, top: float) -> list[Fragment]:
    out = []
    for ch in text:
        width = EM if ord(ch) >= 0x2E80 else DIGIT
        out.append(Fragment(ch, x, top, x + width, top + HEIGHT))
        x += width
    return out


def _line(top: float, labels: list[tuple[float, str]], values: list[str] | None = None) -> list[Fragment]:
    out = [f for x, text in labels for f in _glyphs(text, x, top)]
    for x, v in zip(VALUE_X, values or []):
        out += _glyphs(v, x, top)
    return out


def _blocks(fragments: list[Fragment]) -> list:
    return document_blocks([page_layout(PageContent(1, 595.0, 842.0, fragments))])


def _rows(table: Table) -> list[list[tuple[int, str]]]:
    return [[(c.col, c.text) for c in row] for row in table.rows()]


ZEROS = ["0"] * 7


def test_three_label_columns_and_a_number_set_3pt_after_its_label():
    # 三、本年度办理结果 | （三）不予公开 | 1.… in three label columns, as LibreOffice sets
    # table 三: the group labels wrapped in their narrow columns beside the sub-labels, a
    # gap of a few points between the columns, and a long label ending 3.2 pt before the
    # first number
    pitch = 28.0
    lines = [
        _line(100 + 0 * pitch, [(58.2, "一、本年新收政府信息公开申请数量")], ["5", "1", "0", "0", "0", "0", "6"]),
        _line(100 + 1 * pitch, [(58.2, "三、本年"), (113.0, "（一）予以公开")], ["2", "1", "0", "0", "0", "0", "3"]),
        _line(100 + 2 * pitch, [(58.2, "度办理结"), (113.0, "（二）部分公开")], ZEROS),
        _line(100 + 3 * pitch, [(58.2, "果"), (113.0, "（三）"), (153.0, "1.属于国家秘密")], ZEROS),
        _line(100 + 4 * pitch, [(113.0, "不予公"), (153.0, "4.保护第三方合法权益")], ZEROS),
        _line(100 + 5 * pitch, [(113.0, "开"), (153.0, "6.本机关不掌握相关政府")], ["1", "0", "0", "0", "0", "0", "1"]),
    ]
    first_number, last_char = lines[5][-7], lines[5][-8]
    first_number.x0 = last_char.x1 + 3.2  # the first number 3.2 pt after 府
    first_number.x1 = first_number.x0 + DIGIT
    (table,) = [b for b in _blocks([f for ln in lines for f in ln]) if isinstance(b, Table)]
    rows = _rows(table)
    assert rows[0] == [(0, "一、本年新收政府信息公开申请数量"), (3, "5"), (4, "1"), (5, "0"), (6, "0"), (7, "0"),
                       (8, "0"), (9, "6")]
    assert rows[1][:2] == [(0, "三、本年度办理结果"), (1, "（一）予以公开")]
    assert rows[2][0] == (1, "（二）部分公开")
    assert rows[3][:2] == [(1, "（三）不予公开"), (2, "1.属于国家秘密")]
    assert rows[4][0] == (2, "4.保护第三方合法权益")
    assert rows[5] == [(2, "6.本机关不掌握相关政府"), (3, "1"), (4, "0"), (5, "0"), (6, "0"), (7, "0"), (8, "0"),
                       (9, "1")]
    spans = {c.text: (c.row, c.rowspan, c.col, c.colspan) for c in table.cells}
    assert spans["三、本年度办理结果"] == (1, 3, 0, 1)
    assert spans["（三）不予公开"] == (3, 3, 1, 1)
    assert spans["一、本年新收政府信息公开申请数量"] == (0, 1, 0, 3)


def test_a_label_line_that_only_finishes_the_row_label_above_joins_that_row():
    # the last lines of a long sub-label, set as far below its numbers as the next row is:
    # joined only because the template knows the whole label; 行政规范性文件 is a label of
    # its own and stays a row (without numbers)
    pitch = 28.0
    lines = [
        _line(100 - pitch, [(58.2, "二、上年结转政府信息公开申请数量")], ZEROS),
        _line(100, [(153.0, "1.属于国家秘密")], ZEROS),
        _line(100 + pitch, [(153.0, "2.申请人逾期未按收费")], ["3", "0", "0", "0", "0", "0", "3"]),
        _line(100 + 2 * pitch, [(153.0, "通知要求缴纳费用、行")]),
        _line(100 + 3 * pitch, [(153.0, "政机关不再处理其政府")]),
        _line(100 + 4 * pitch, [(153.0, "信息公开申请")]),
    ]
    (table,) = [b for b in _blocks([f for ln in lines for f in ln]) if isinstance(b, Table)]
    assert [r[0].text for r in table.rows()] == [
        "二、上年结转政府信息公开申请数量", "1.属于国家秘密", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]


def test_a_row_of_numbers_at_the_top_of_pages_is_not_a_running_header():
    # a row whose label is set on two lines around its numbers, cut by the page: its
    # numbers open each page (the same digits on every page are no running header)
    pages = []
    labels = (("5.属于行政执法案卷", "2.重复申请"), ("6.属于行政查询事项", "3.其他"), ("7.属于国家秘密", "4.无法提供"))
    for number, (first, second) in enumerate(labels, start=1):
        frags = _line(40, [], ZEROS) + _line(68, [(153.0, first)], ZEROS) + _line(96, [(153.0, second)], ZEROS)
        pages.append(page_layout(PageContent(number, 595.0, 842.0, frags)))
    tables = [b for b in document_blocks(pages) if isinstance(b, Table)]
    assert [sum(1 for c in t.cells if c.text == "0") for t in tables] == [21, 21, 21]


def _paragraph_lines(texts: list[tuple[str, float]]) -> list[Fragment]:
    return [f for k, (text, x_end) in enumerate(texts) for f in _glyphs(text, x_end - EM * len(text), 100 + 20 * k)]


def test_a_ragged_line_ends_short_when_the_next_unit_did_not_fit():
    # after a full line, the next ends two characters short because 例》， may not be
    # split (a line may not begin with 》 or ，): the paragraph goes on; a line ending
    # three characters short before 2.… (which would have fitted) ends its paragraph
    full = "本机关认真贯彻落实中华人民共和国政府信息公开条例坚持以公开为常态不公开为例外推进"
    right = 58.0 + EM * len(full)
    frags = _paragraph_lines([(full, right), (full[:-2], right - 2 * EM), ("例》，" + full[3:], right),
                              (full[:-3], right - 3 * EM), ("2.本机关认真贯彻落实。", 58.0 + 2 * DIGIT + 10 * EM)])
    texts = [b.text for b in _blocks(frags) if isinstance(b, Paragraph)]
    assert texts == [full + full[:-2] + "例》，" + full[3:] + full[:-3], "2.本机关认真贯彻落实。"]


def test_a_white_background_under_a_grid_draws_no_line_but_white_cells_do():
    from ogi.readers.pdf_pdfium import _without_backgrounds

    def side(x0, top, x1, bottom, paper=None):
        d = {"x0": x0, "top": top, "x1": x1, "bottom": bottom}
        return d if paper is None else {**d, "paper": paper}

    grid = [side(60, 42, 536, 42), side(60, 300, 536, 300), side(60.4, 42, 60.4, 766), side(271, 42, 271, 766)]
    background = [side(60, 42, 536, 42, 1), side(60, 801, 536, 801, 1), side(60, 42, 60, 801, 1),
                  side(536, 42, 536, 801, 1)]  # Chromium's table background, reaching 35 pt below the grid
    white_cell = [side(600, 42, 700, 42, 2), side(600, 80, 700, 80, 2), side(600, 42, 600, 80, 2),
                  side(700, 42, 700, 80, 2)]  # a cell painted white over a dark table: its border is the grid
    kept = _without_backgrounds(grid + background + white_cell)
    assert kept == grid + [{k: v for k, v in s.items() if k != "paper"} for s in white_cell]


def test_a_table_continued_on_the_next_page_keeps_its_label_columns_and_group_pieces_beside_numbers():
    # table 三 broken by the page: the first page shows its three label columns (a group
    # label beside a sub-label), the next only sub-labels with group labels on lines of
    # their own — 不予处 / 理, the numbers of row 4 set beside 理 (midway down the row).
    # The columns carry over; 理 is a piece of the group label, its numbers row 4's
    first = [
        _line(644, [(58.2, "三、本年"), (113.0, "（三）不"), (153.0, "7.属于行政执法案卷")], ZEROS),
        _line(672, [(58.2, "度办理结"), (113.0, "予公开"), (153.0, "8.属于行政查询事项")], ZEROS),
        _line(700, [(58.2, "果"), (113.0, "（四）无"), (153.0, "1.本机关不掌握相关政")], ZEROS),
        _line(714, [(113.0, "法提供"), (153.0, "府信息")]),
    ]
    second = [
        _line(40, [(153.0, "1.信访举报投诉类申请")], ZEROS),
        _line(68, [(153.0, "2.重复申请")], ZEROS),
        _line(96, [(153.0, "3.要求提供公开出版物")], ZEROS),
        _line(110, [(113.0, "不予处")]),
        _line(124, [(153.0, "4.无正当理由大量反复")]),
        _line(138, [(113.0, "理")], ["2", "0", "0", "0", "0", "0", "2"]),
        _line(152, [(153.0, "申请")]),
        _line(180, [(113.0, "（七）总计")], ["9", "0", "0", "0", "0", "0", "9"]),
    ]
    pages = [page_layout(PageContent(n, 595.0, 842.0, [f for ln in lines for f in ln]))
             for n, lines in ((1, first), (2, second))]
    tables = [b for b in document_blocks(pages) if isinstance(b, Table)]
    assert [t.pos.page for t in tables] == [1, 2]
    rows = _rows(tables[1])
    assert rows == [
        [(2, "1.信访举报投诉类申请")] + [(k, "0") for k in range(3, 10)],
        [(2, "2.重复申请")] + [(k, "0") for k in range(3, 10)],
        [(1, "不予处理"), (2, "3.要求提供公开出版物")] + [(k, "0") for k in range(3, 10)],
        [(2, "4.无正当理由大量反复申请"), (3, "2"), (4, "0"), (5, "0"), (6, "0"), (7, "0"), (8, "0"), (9, "2")],
        [(1, "（七）总计"), (3, "9"), (4, "0"), (5, "0"), (6, "0"), (7, "0"), (8, "0"), (9, "9")],
    ]
    spans = {c.text: (c.row, c.rowspan, c.col, c.colspan) for c in tables[1].cells}
    assert spans["不予处理"] == (2, 2, 1, 1)
    assert spans["（七）总计"] == (4, 1, 1, 2)


def _page_ending_in_group_four() -> list:
    """A page whose table 三 ends with (三)不予公开's last rows and (四)无法提供's first."""
    return [
        _line(644, [(58.2, "三、本年"), (113.0, "（三）不"), (153.0, "7.属于行政执法案卷")], ZEROS),
        _line(672, [(58.2, "度办理结"), (113.0, "予公开"), (153.0, "8.属于行政查询事项")], ZEROS),
        _line(700, [(58.2, "果"), (113.0, "（四）"), (153.0, "1.本机关不掌握相关政府")], ZEROS),
    ]


def test_a_group_piece_beside_the_first_numbers_of_a_page_takes_the_sub_label_above_it():
    # the page opens with a sub-label line without numbers (2.没有现成信息需要另), the row's
    # numbers beside 无法提 — a piece of the group label (四)无法提供 — below it: the row
    # starts at the sub-label, and 无法提 + 供 are its group label, not a row of their own
    first = _page_ending_in_group_four()
    second = [
        _line(40, [(153.0, "2.没有现成信息需要另")]),
        _line(54, [(113.0, "无法提")], ["1", "0", "0", "0", "0", "0", "1"]),
        _line(68, [(153.0, "行制作")]),
        _line(82, [(113.0, "供")]),
        _line(110, [(153.0, "3.补正后申请内容仍不")], ZEROS),
        _line(124, [(153.0, "明确")]),
    ]
    pages = [page_layout(PageContent(n, 595.0, 842.0, [f for ln in lines for f in ln]))
             for n, lines in ((1, first), (2, second))]
    blocks = document_blocks(pages)
    assert not [b for b in blocks if isinstance(b, Paragraph)]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert _rows(tables[1]) == [
        [(1, "无法提供"), (2, "2.没有现成信息需要另行制作"), (3, "1"), (4, "0"), (5, "0"), (6, "0"), (7, "0"),
         (8, "0"), (9, "1")],
        [(2, "3.补正后申请内容仍不明确")] + [(k, "0") for k in range(3, 10)],
    ]


def test_an_enumerator_alone_beside_numbers_is_a_piece_of_its_group_label():
    # （五） / 不予处 / 理 down the group column, the numbers of 3.要求提供公开出版物 beside （五）:
    # an enumerator with no words after it labels no row of its own
    first = _page_ending_in_group_four()
    second = [
        _line(40, [(153.0, "2.重复申请")], ZEROS),
        _line(68, [(153.0, "3.要求提供公开出版")]),
        _line(82, [(113.0, "（五）")], ["5", "0", "0", "0", "0", "0", "5"]),
        _line(96, [(153.0, "物")]),
        _line(110, [(113.0, "不予处")]),
        _line(124, [(153.0, "4.无正当理由大量反")]),
        _line(138, [(113.0, "理")], ZEROS),
        _line(152, [(153.0, "复申请")]),
    ]
    pages = [page_layout(PageContent(n, 595.0, 842.0, [f for ln in lines for f in ln]))
             for n, lines in ((1, first), (2, second))]
    tables = [b for b in document_blocks(pages) if isinstance(b, Table)]
    assert _rows(tables[1]) == [
        [(2, "2.重复申请")] + [(k, "0") for k in range(3, 10)],
        [(1, "（五）不予处理"), (2, "3.要求提供公开出版物"), (3, "5"), (4, "0"), (5, "0"), (6, "0"), (7, "0"),
         (8, "0"), (9, "5")],
        [(2, "4.无正当理由大量反复申请")] + [(k, "0") for k in range(3, 10)],
    ]
