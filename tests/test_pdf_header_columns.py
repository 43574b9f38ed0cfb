"""An unruled table's value columns read from the column headers printed above it
(``pdf_columns._header_columns``), for tables whose values leave a column blank on the whole
page: glyph boxes laid out as LibreOffice lays out the wild corpora's office PDFs (cells
left-aligned, 12 pt glyphs, headers wrapped over lines)."""

from __future__ import annotations

from ogi.readers.pdf_columns import _column_words, _header_columns, _overlapping, _split, unruled_tables
from ogi.readers.pdf_lines import Line, group_lines
from ogi.readers.pdf_page import Fragment, PageContent

GLYPH = 12.0  # pt: width and height of a CJK glyph here
DIGIT = 6.5  # pt: width of a digit


def _text(text: str, x: float, top: float) -> list[Fragment]:
    out = []
    for ch in text:
        w = DIGIT if ch.isdigit() else GLYPH
        out.append(Fragment(ch, x, top, x + w, top + GLYPH))
        x += w
    return out


def _lines(*placed: tuple[str, float, float]) -> list[Line]:
    return group_lines([f for text, x, top in placed for f in _text(text, x, top)])


# table 三's header as LibreOffice sets it (wild40 00012, page 2), then rows with blank cells
T3_HEADER = (
    ("申请人情况", 284, 200), ("法人或其他组织", 325, 228), ("(本列数据的勾稽关系为:第一项加第二项", 58, 242),
    ("社会", 412, 256), ("之和,等于第三项加第四项之和)", 58, 269), ("自然人", 284, 269), ("科研", 378, 269),
    ("法律服务", 450, 269), ("总计", 537, 269), ("商业企业", 325, 284), ("公益", 412, 284), ("其他", 508, 284),
    ("机构", 378, 297), ("机构", 450, 297), ("组织", 412, 311),
)
COLUMNS_AT = (284, 325, 378, 412, 450, 508, 537)  # where each applicant column's header starts


def test_headers_stacked_over_lines_make_one_column_each():
    lines = _lines(*T3_HEADER, ("一、本年新收政府信息公开申请数量", 58, 339), ("0", 325, 339))
    split = [_split(ln) for ln in lines]
    row = len(lines) - 1
    columns = _header_columns(lines, split, row, 325)
    assert [round(a) for a, _ in columns] == list(COLUMNS_AT)
    assert [round(b) for _, b in columns] == [320, 373, 402, 436, 498, 532, 561]


def test_headers_set_edge_to_edge_are_cut_into_the_formats_column_words():
    line = _lines(("本年制发件数本年废止件数现行有效件数", 148, 561))[0]
    words = _column_words(line.chunks()[0])
    assert [w.text for w in words] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert [round(w.x0) for w in words] == [148, 220, 292]


def test_a_group_header_or_a_note_is_no_column_word():
    for text in ("法人或其他组织", "申请人情况", "信息内容", "(本列数据的勾稽关系为:第一项加第二项"):
        assert _column_words(_lines((text, 100, 10))[0].chunks()[0]) == []


def test_a_stack_that_spells_no_header_gives_no_columns():
    lines = _lines(("自然人", 284, 269), ("科研", 378, 269), ("组织", 378, 284), ("规章", 58, 300), ("0", 284, 300))
    split = [_split(ln) for ln in lines]
    assert _header_columns(lines, split, len(lines) - 1, 284) is None  # 科研组织 is no column


def test_a_value_between_two_headers_is_in_neither():
    columns = [(284.0, 320.0), (325.0, 373.0)]
    assert _overlapping(columns, _lines(("0", 325, 0))[0]) == 1
    assert _overlapping(columns, _lines(("12345", 300, 0))[0]) is None  # reaches over both


def test_blank_columns_read_from_the_header_not_from_the_values():
    """Values only under 商业企业, 科研机构 and 法律服务机构 (自然人, 社会公益组织, 其他, 总计 blank
    on the whole page): each value is read in the column whose header it stands under."""
    lines = _lines(
        *T3_HEADER,
        ("一、本年新收政府信息公开申请数量", 58, 339), ("0", 325, 339),
        ("二、上年结转政府信息公开申请数量", 58, 368), ("0", 325, 368), ("4", 378, 368), ("2", 450, 368),
    )
    page = PageContent(2, 595, 842, [f for ln in lines for f in ln.fragments])
    tables, _ = unruled_tables(lines, page)
    assert len(tables) == 1
    cells = {(c.row, c.col): c.text for c in tables[0].table.cells if c.text}
    rows = sorted({r for r, c in cells if cells[(r, c)].startswith(("一、", "二、"))})
    second = {c: t for (r, c), t in cells.items() if r == rows[1] and c > 0}
    assert second == {2: "0", 3: "4", 5: "2"}  # columns 1..7 after the label: 商业企业, 科研机构, 法律服务机构
    first = {c: t for (r, c), t in cells.items() if r == rows[0] and c > 0}
    assert first == {2: "0"}


def test_without_a_header_such_a_table_stays_text():
    lines = _lines(
        ("一、本年新收政府信息公开申请数量", 58, 339), ("0", 325, 339),
        ("二、上年结转政府信息公开申请数量", 58, 368), ("0", 325, 368), ("4", 378, 368), ("2", 450, 368),
    )
    page = PageContent(2, 595, 842, [f for ln in lines for f in ln.fragments])
    tables, free = unruled_tables(lines, page)
    assert tables == [] and len(free) == 2
