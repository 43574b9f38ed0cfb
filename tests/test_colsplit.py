"""Table 三 cut by its columns into two tables (extract/colsplit.py, extract/colsplit_text.py):
joined where the headers name which columns each piece holds and the labels and row
identity agree; a page whose two printings are not two pieces of one table stays refused."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest
from lxml import html as lxml_html

from ogi import NotAReport, parse
from ogi.document import Cell, Document, Paragraph, Table
from ogi.extract import extract
from ogi.extract.colsplit import join, piece, tables_joined
from ogi.extract.colsplit_text import lines_joined
from ogi.readers import read
from ogi.synth.wild5 import make

PAGE = make(random.Random("colsplit:4"), "column_split")  # table 三 cut after 社会公益组织, table 四 cut too
MESSAGE = "表三按列分成两张表印出(每张都印有标签列),已按表头和各行标签合并为一张表读入"


def _pieces() -> tuple[Table, Table]:
    doc = read(PAGE.html, "page.html")
    a, b = [t for t in doc.blocks if isinstance(t, Table) and piece(t) is not None]
    return a, b


def _as_text(page: bytes) -> str:
    """The page as a text browser prints it: a line a paragraph or table row, cells between
    three spaces."""
    root = lxml_html.document_fromstring(page)
    lines = []
    for el in root.iter("p", "h1", "h2", "h3", "tr"):
        cells = [c.text_content().strip() for c in el.iter("td", "th")] if el.tag == "tr" else [el.text_content()]
        lines.append("   ".join(c for c in cells if c))
    return "\n".join(lines) + "\n"


def test_the_two_pieces_of_a_web_page_are_read_as_one_table_三(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.html)
    report = parse(path)
    got = report.model_dump()
    assert (got["table3"], got["table4"]) == (PAGE.expected["table3"], PAGE.expected["table4"])
    (joined,) = [f for f in report.findings if f.message == MESSAGE]
    assert (joined.code, joined.where, joined.severity.value) == ("TEMPLATE_DEVIATION", "table3", "warning")


def test_a_piece_names_its_columns_by_their_headers():
    a, b = _pieces()
    left, right = piece(a), piece(b)
    assert left is not None and right is not None
    assert (left.first, left.width, sorted(left.headers.values())) == (3, 3, [0, 1, 2, 3])  # 自然人 … 社会公益组织
    assert (right.first, right.width, sorted(right.headers.values())) == (3, 3, [4, 5, 6])  # 法律服务机构, 其他, 总计


def test_the_joined_table_has_the_seven_columns_and_one_header_over_them():
    a, b = _pieces()
    table = join(piece(a), piece(b))
    assert table is not None and (table.n_rows, table.n_cols) == (a.n_rows, 10)
    spanning = {c.text: (c.row, c.col, c.colspan) for c in table.cells if c.text in ("申请人情况", "法人或其他组织")}
    assert spanning == {"申请人情况": (0, 3, 7), "法人或其他组织": (1, 4, 5)}
    assert [c.text for c in table.cells if c.row == 2] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_one_grid_printing_the_pieces_one_under_the_other_is_cut_and_joined():
    a, b = _pieces()
    lower = [replace(c, row=c.row + a.n_rows) for c in b.cells]
    doc, findings = tables_joined(Document([Table(list(a.cells) + lower)], "csv"))
    (table,) = doc.blocks
    assert isinstance(table, Table) and table.n_cols == 10 and table.n_rows == a.n_rows
    assert [f.message for f in findings] == [MESSAGE]


def test_two_pieces_printing_the_same_columns_are_not_joined_and_the_page_stays_refused():
    a, _ = _pieces()
    assert join(piece(a), piece(a)) is None
    doc = Document([a, Paragraph("续表"), a], "html")
    assert tables_joined(doc) == (doc, [])


def test_pieces_whose_rows_do_not_add_up_are_not_joined():
    a, b = _pieces()
    first = piece(b).first
    cell = next(c for c in b.cells if c.row == first and c.col == b.n_cols - 1)  # the first row's 总计
    wrong = Table([replace(c, text=str(int(c.text) + 1)) if c is cell else c for c in b.cells])
    assert join(piece(a), piece(wrong)) is None


def test_the_pieces_as_lines_of_text_are_joined_row_by_row():
    text = _as_text(PAGE.html)
    report = parse(text.encode())
    assert report.model_dump()["table3"] == PAGE.expected["table3"]
    assert MESSAGE in [f.message for f in report.findings]


def test_lines_whose_second_piece_prints_自然人_again_are_left_as_they_are():
    text = _as_text(PAGE.html)
    lines = text.splitlines()
    second = [i for i, line in enumerate(lines) if line.startswith("一、本年新收")][1]
    header = max(i for i in range(second) if "申请人情况" in lines[i])
    lines[header + 1] = "自然人   " + lines[header + 1]
    doc = Document([Paragraph(line) for line in lines], "txt")
    assert lines_joined(doc) == (doc, [])
    with pytest.raises(NotAReport, match="2 reports"):
        parse(("\n".join(lines) + "\n").encode())


def test_a_header_wrapped_a_character_a_line_still_names_its_labels():
    from ogi.extract.colsplit_text import _prints, _same_row

    assert _prints("申请人情况自法人或其他组织商业科研然人企业机构", "自然人")  # w3m's narrow 自/然/人 column
    assert not _prints("申请人情况法人或其他组织法律服其务机构他", "自然人")
    assert _same_row("二部分公开区分处理的只计这一情形不计其他", "二部分公开区分处理的只计这一情形不计其他情形")
    assert not _same_row("1本机关不掌握相关政府信息", "2没有现成信息需要另行制作")


def test_one_grid_printing_table_三_whole_twice_is_not_cut():
    a, b = _pieces()
    whole = join(piece(a), piece(b))
    lower = [replace(c, row=c.row + whole.n_rows) for c in whole.cells]
    doc = Document([Table(list(whole.cells) + lower)], "csv")
    assert tables_joined(doc) == (doc, [])


def _text(page: bytes, cell_sep: str | None) -> str:
    """The page as text: a line a paragraph; a table row's cells on one line between
    ``cell_sep`` (a TAB text's), or — ``cell_sep`` None — a cell a line (docx2txt's,
    LibreOffice's text export's)."""
    root = lxml_html.document_fromstring(page)
    lines = []
    for el in root.iter("p", "h1", "h2", "h3", "tr"):
        if el.tag != "tr":
            lines.append(el.text_content().strip())
            continue
        cells = [c.text_content().strip() for c in el.iter("td", "th")]
        cells = [c for c in cells if c]
        lines += cells if cell_sep is None else [cell_sep.join(cells)]
    return "\n".join(line for line in lines if line) + "\n"


def test_the_pieces_printed_a_cell_a_line_are_joined_row_by_row():
    report = parse(_text(PAGE.html, None).encode())
    assert report.model_dump()["table3"] == PAGE.expected["table3"]
    assert MESSAGE in [f.message for f in report.findings]


def test_a_cell_a_line_second_piece_keeps_its_values_where_they_were_printed():
    lines = _text(PAGE.html, None).splitlines()
    doc, joined = lines_joined(Document([Paragraph(line) for line in lines], "txt"))
    assert joined
    texts = [b.text for b in doc.blocks]
    first = texts.index(next(t for t in texts if t.startswith("一、本年新收")))
    want = PAGE.expected["table3"]["new_received"]
    assert [int(t) for t in texts[first + 1:first + 8]] == [want[k] for k in (
        "natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")]
    assert sum(1 for t in texts if t.startswith("一、本年新收")) == 1  # the second piece dropped


def test_a_cell_a_line_piece_whose_row_does_not_add_up_is_not_joined():
    lines = _text(PAGE.html, None).splitlines()
    second = [i for i, line in enumerate(lines) if line.startswith("一、本年新收")][1]
    lines[second + 1] = str(int(lines[second + 1]) + 1)  # a value of the second piece's first row
    doc = Document([Paragraph(line) for line in lines], "txt")
    assert lines_joined(doc) == (doc, [])
    with pytest.raises(NotAReport, match="2 reports"):
        parse(("\n".join(lines) + "\n").encode())


def test_a_tab_text_cut_into_two_grids_by_a_line_between_is_joined():
    text = _text(PAGE.html, "\t").replace("\n第5页\n", "\n续表\n")  # the line between: two grids
    report = parse(text.encode())
    assert report.model_dump()["table3"] == PAGE.expected["table3"]
    assert MESSAGE in [f.message for f in report.findings]


def test_two_whole_tables_三_in_a_tab_text_stay_two():
    lines = _text(PAGE.html, "\t").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    top = max(i for i in range(first) if "申请人情况" in lines[i])
    end = next(i for i in range(first, len(lines)) if lines[i].startswith("四、结转下年度"))
    whole = lines[top:end + 1]
    doc = read(("\n".join([*whole, "续表", *whole]) + "\n").encode(), "t.txt")
    assert lines_joined(doc) == (doc, [])


PDF_LINES = """申请人情况
法人或其他组织
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 自然
商业 科研 社会公
人
企业 机构 益组织
一、本年新收政府信息公开申请数量 3 1 0 0
三、本年度办理结果 (一)予以公开 2 1 0 0
1.申请人无正当理由逾期不补正、行政机关不再处
1 0 0 0
理其政府信息公开申请
四、结转下年度继续办理 0 0 0 0
- 7 -
申请人情况
法人或其他组
织 总
法律服务 其 计
机构 他
一、本年新收政府信息公开申请数量 0 0 4
三、本年度办理结果 (一)予以公开 0 0 3
1.申请人无正当理由逾期不补正、行政机关不再处理其政
0 0 1
府信息公开申请
四、结转下年度继续办理 0 0 0
"""


def test_a_pdf_texts_values_alone_under_a_wrapped_label_pair_by_the_words_around_them():
    doc, joined = lines_joined(Document([Paragraph(line) for line in PDF_LINES.splitlines()], "txt"))
    assert joined
    texts = [b.text for b in doc.blocks]
    assert texts[6:12] == [
        "一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4",
        "三、本年度办理结果 (一)予以公开 2 1 0 0 0 0 3",
        "1.申请人无正当理由逾期不补正、行政机关不再处",
        "1 0 0 0 0 0 1",  # a separator between the pieces' values
        "理其政府信息公开申请",
        "四、结转下年度继续办理 0 0 0 0 0 0 0",
    ]
    assert texts[12:] == ["- 7 -"]


def test_a_header_printed_again_at_a_pages_top_is_no_row_of_a_piece():
    lines = PDF_LINES.splitlines()
    again = ["申请人情况", "法人或其他组织", "自然人 商业企业 科研机构 社会公益组织"]
    cut = lines.index("1.申请人无正当理由逾期不补正、行政机关不再处")
    lines[cut:cut] = again[1:]  # (a page's top: the header again with no 申请人情况 line)
    doc, joined = lines_joined(Document([Paragraph(line) for line in lines], "txt"))
    assert joined and doc.blocks[6].text == "一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4"


def _zeros(lines: list[str]) -> list[str]:
    """The lines with every count of table 三 (from its first header to its second piece's
    last row) printed 0: a table of zeros, whose row identity holds under any pairing."""
    tops = [i for i, line in enumerate(lines) if "申请人情况" in line]
    last = max(i for i, line in enumerate(lines) if line.startswith("四、结转下年度"))
    return [re.sub(r"\d+", "0", line) if tops[0] <= i <= last and re.fullmatch(r"[\d\t ]+", line) else line
            for i, line in enumerate(lines)]


def _zero_table3() -> dict:
    return {row: ({k: (0 if v is not None else None) for k, v in cols.items()} if isinstance(cols, dict) else cols)
            for row, cols in PAGE.expected["table3"].items()}


def test_a_table_of_zeros_whose_headers_name_each_pieces_columns_is_joined():
    report = parse(("\n".join(_zeros(_text(PAGE.html, None).splitlines())) + "\n").encode())
    assert report.model_dump()["table3"] == _zero_table3()
    assert MESSAGE in [f.message for f in report.findings]


def test_a_table_of_zeros_whose_second_header_also_names_自然人_stays_refused():
    lines = _zeros(_text(PAGE.html, None).splitlines())
    second = [i for i, line in enumerate(lines) if line.startswith("一、本年新收")][1]
    header = max(i for i in range(second) if "申请人情况" in lines[i])
    lines.insert(header + 1, "自然人")
    doc = Document([Paragraph(line) for line in lines], "txt")
    assert lines_joined(doc) == (doc, [])
    with pytest.raises(NotAReport, match="2 reports"):
        parse(("\n".join(lines) + "\n").encode())


def test_a_table_of_zeros_whose_header_does_not_name_its_columns_stays_refused():
    lines = _zeros(_text(PAGE.html, None).splitlines())
    second = [i for i, line in enumerate(lines) if line.startswith("一、本年新收")][1]
    lines.pop(second - 1)  # the second piece's last header cell (总计) lost: 7 − n values, fewer names
    doc = Document([Paragraph(line) for line in lines], "txt")
    assert lines_joined(doc) == (doc, [])


def test_a_header_names_its_columns_by_their_characters_however_wrapped():
    from ogi.extract.colsplit_text import _named

    # pdfplumber's text of a narrow piece: the note and the labels wrapped among each other
    wrapped = "申请人情况本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之法人或其他组织总和社会公益组法律服务机其计织构他"
    assert _named(wrapped) == {"社会公益组织", "法律服务机构", "其他", "总计"}
    assert _named("申请人情况自然人法人或其他组织商业企业科研机构") == {"自然人", "商业企业", "科研机构"}
    assert _named("申请人情况总计") == {"总计"}  # no 法人或其他组织 over a piece of 总计 alone
    assert _named("申请人情况自然人小计") is None  # 小计: a column none of the seven
    assert _named("申请人情况自然人表三") is None  # words no header prints
    assert _named("申请人情况自然人自然人") is None  # a header printed twice


def _with_last_year(table: Table, header: str = "上年同期") -> Table:
    """The piece with a column of last year's totals right of its 总计 (year_compare's)."""
    first = piece(table).first
    col = table.n_cols
    extra = [Cell(header, 0, col, rowspan=first)]
    extra += [Cell(str(7 + r), r, col) for r in range(first, table.n_rows)]
    return Table(list(table.cells) + extra)


def test_a_column_of_last_years_totals_right_of_总计_leaves_the_pieces_joined():
    a, b = _pieces()
    right = piece(_with_last_year(b))
    assert right is not None and sorted(right.headers.values()) == [4, 5, 6]
    table = join(piece(a), right)
    assert table is not None and table.n_cols == 11  # the label block, the seven, 上年同期
    doc = read(PAGE.html, "page.html")
    blocks = [_with_last_year(t) if t is b or t == b else t for t in doc.blocks]
    report = extract(replace(doc, blocks=blocks))
    assert report.model_dump()["table3"] == PAGE.expected["table3"]
    assert MESSAGE in [f.message for f in report.findings]


def test_a_column_no_header_names_or_one_left_of_总计_is_no_piece():
    a, b = _pieces()
    assert piece(_with_last_year(b, "备注")) is None
    assert piece(_with_last_year(a)) is None  # the first piece holds no 总计: no last-year column beside it


LAST_YEAR = "表三在总计右侧另印上年数一列,该列未读入(各行前六列之和等于总计,已核)"


def _last_year_text(lines: list[str], cell_sep: str | None, value: str = "9") -> list[str]:
    """The text with a 上年同期 column right of the second piece's 总计: its header after
    申请人情况 and one more value after each row's (a TAB text's: on the row's line, the header
    on 申请人情况's; a cell a line: a line after the row's last value, the header after
    申请人情况's)."""
    second = [i for i, line in enumerate(lines) if line.startswith("一、本年新收")][1]
    top = max(i for i in range(second) if "申请人情况" in lines[i])
    end = next(i for i in range(second, len(lines)) if lines[i].startswith("四、结转下年度"))
    value_line = re.compile(r"\d+")
    out = []
    for i, line in enumerate(lines):
        if cell_sep is not None:
            out.append(line + cell_sep + value if second <= i <= end + 1 and re.search(r"\t\d+$", line) else line)
        else:
            out.append(line)
            last_value = value_line.fullmatch(line) and not value_line.fullmatch(lines[i + 1] if i + 1 < len(lines) else "")
            if second <= i and (i <= end or lines[end + 1:i + 1] and all(value_line.fullmatch(t) for t in lines[end + 1:i + 1])) \
                    and last_value:
                out.append(value)
        if i == top and cell_sep is None:
            out.append("上年同期")
        elif i == top:
            out[-1] += cell_sep + "上年同期"  # (a cell of the header's first row, rows 3 high)
    return out


@pytest.mark.parametrize("cell_sep", [None, "\t"])
def test_a_second_piece_printing_last_years_totals_right_of_总计_is_joined_without_them(cell_sep):
    lines = _last_year_text(_text(PAGE.html, cell_sep).splitlines(), cell_sep)
    report = parse(("\n".join(lines) + "\n").encode())
    assert report.model_dump()["table3"] == PAGE.expected["table3"]
    messages = [f.message for f in report.findings]
    assert MESSAGE in messages and LAST_YEAR in messages


def test_a_last_year_column_that_any_other_column_could_be_stays_refused():
    lines = _last_year_text(_zeros(_text(PAGE.html, None).splitlines()), None, "0")  # zeros: any column sums
    doc = Document([Paragraph(line) for line in lines], "txt")
    assert lines_joined(doc) == (doc, [])


def _orgs_swapped(lines: list[str]) -> list[str]:
    """The first piece's header printing 科研机构 before 商业企业: its columns in another order."""
    a, b = lines.index("商业企业"), lines.index("科研机构")
    lines = list(lines)
    lines[a], lines[b] = lines[b], lines[a]
    return lines


def test_pieces_whose_header_prints_its_columns_in_another_order_are_not_joined():
    lines = _orgs_swapped(_text(PAGE.html, None).splitlines())  # summands swapped: no identity tells
    doc = Document([Paragraph(line) for line in lines], "txt")
    assert lines_joined(doc) == (doc, [])
    zeros = Document([Paragraph(line) for line in _zeros(lines)], "txt")  # zeros: any order reads the same
    assert [f.message for f in lines_joined(zeros)[1]] == [MESSAGE]


def test_the_template_order_is_read_from_whole_organisation_words_only():
    from ogi.extract.colsplit_text import _in_template_order

    assert _in_template_order("申请人情况自然人法人或其他组织商业企业科研机构", "申请人情况法人或其他组织总计社会公益组织法律服务机构其他")
    assert not _in_template_order("申请人情况自然人法人或其他组织社会公益组织", "申请人情况法人或其他组织商业企业总计")
    assert not _in_template_order("申请人情况自然人法人或其他组织其他商业企业", "申请人情况总计")
    # a PDF prints 自然人 (two rows high) after the group, and wraps the group as 法人或其他组 / 织
    assert _in_template_order("申请人情况加法人或其他组织第四项之和自然人科研社会公商业企业机构益组织", "申请人情况总计其他")
    assert _in_template_order("申请人情况自然法人或其他组之和人织商业企业", "申请人情况法人或其他组织科研社会公益法律服务其总计机构组织机构他")
