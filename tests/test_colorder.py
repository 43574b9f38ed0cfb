"""Table 三's applicant columns printed in another order than the template's
(``ogi.extract.colorder``): a grid's header says which column is which."""

from __future__ import annotations

from pathlib import Path

import pytest

import ogi.extract as extract_module
from ogi import parse
from ogi.document import Cell, Document, Paragraph, Table
from ogi.extract.colorder import columns_in_template_order

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def _table(headers: list[str], values: list[str], spans: tuple[Cell, ...] = ()) -> Table:
    cells = [Cell("申请人情况", 0, 1, 1, 7), *spans]
    cells += [Cell(h, 1, 1 + i) for i, h in enumerate(headers)]
    cells += [Cell("一、本年新收政府信息公开申请数量", 2, 0)] + [Cell(v, 2, 1 + i) for i, v in enumerate(values)]
    return Table(cells)


def _row(table: Table, row: int) -> list[str]:
    return [c.text for c in sorted((c for c in table.cells if c.row == row), key=lambda c: c.col)]


def test_swapped_columns_are_put_in_the_templates_order_headers_and_values_alike():
    printed = ["自然人", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", "总计"]
    doc, notes = columns_in_template_order(Document([_table(printed, ["5", "2", "3", "0", "0", "0", "10"])], "html"))
    table = doc.blocks[0]
    assert _row(table, 1) == ORDER
    assert _row(table, 2) == ["一、本年新收政府信息公开申请数量", "5", "3", "2", "0", "0", "0", "10"]
    assert notes == ["自然人、科研机构、商业企业、社会公益组织、法律服务机构、其他、总计"]


def test_total_printed_first_moves_to_the_last_column():
    printed = ["总计", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    doc, _ = columns_in_template_order(Document([_table(printed, ["10", "5", "3", "2", "0", "0", "0"])], "html"))
    assert _row(doc.blocks[0], 2)[1:] == ["5", "3", "2", "0", "0", "0", "10"]


@pytest.mark.parametrize("headers,spans", [
    (ORDER, ()),  # the template's order: nothing to do
    (["自然人", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", "其他"], ()),  # 总计 missing, 其他 twice
    # a cell spanning 商业企业 and 社会公益组织 only, which move apart: its column cannot be told
    (["自然人", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", "总计"], (Cell("法人", 0, 3, 1, 2),)),
])
def test_a_table_whose_columns_cannot_be_told_is_left_as_it_is(headers, spans):
    doc = Document([_table(headers, ["1"] * 7, spans)], "html")
    assert columns_in_template_order(doc) == (doc, [])


def _page(swap: tuple[str, str] | None = None) -> bytes:
    """samples/html_html.html with 3 商业企业 applications more in row 一 (its 总计 too, so that
    商业企业 and 科研机构 differ), and the table 三 columns headed ``swap`` exchanged, header
    and values: in every row the two one-column cells in those columns change places."""
    from lxml import html as lxml_html

    page = lxml_html.fromstring((ROOT / "samples" / "html_html.html").read_bytes())
    table = next(t for t in page.iter("table") if "予以公开" in t.text_content())
    taken: set[tuple[int, int]] = set()
    grid: list[dict[int, object]] = []
    for r, tr in enumerate(table.findall(".//tr")):  # each cell's column, spans counted
        c, cells = 0, {}
        for td in tr.findall("td"):
            while (r, c) in taken:
                c += 1
            span, down = int(td.get("colspan", 1)), int(td.get("rowspan", 1))
            taken |= {(r + i, c + j) for i in range(down) for j in range(span)}
            if span == 1:
                cells[c] = td
            c += span
        grid.append(cells)
    col = {td.text_content().strip(): c for cells in grid for c, td in cells.items()}
    first = next(cells for cells in grid if col["商业企业"] in cells and cells[col["商业企业"]].text.strip().isdigit())
    for name in ("商业企业", "总计"):
        first[col[name]].text = str(int(first[col[name]].text) + 3)
    for cells in grid if swap else ():
        x, y = cells.get(col[swap[0]]), cells.get(col[swap[1]])
        if x is not None and y is not None:
            x.text, y.text = y.text, x.text
    return lxml_html.tostring(page, encoding="utf-8")


def test_a_web_page_with_two_columns_swapped_reads_every_value_with_a_finding(monkeypatch):
    """The page with 商业企业 and 科研机构 swapped, header and values, reads as the page in the
    template's order, with a finding. Before the rule, 商业企业's 3 went to 科研机构 with no
    finding (every identity holds whatever the order)."""
    straight = parse(_page(), name="straight.html")
    swapped = parse(_page(("商业企业", "科研机构")), name="swapped.html")
    assert straight.table3["new_received"]["commercial"] == 3
    assert swapped.table3 == straight.table3
    assert [f.message for f in swapped.findings if f.code == "TEMPLATE_DEVIATION"] == [
        "表三申请人各列的顺序与规定格式不同(印为:自然人、科研机构、商业企业、社会公益组织、法律服务机构、其他、总计),已按表头读入各列"]
    monkeypatch.setattr(extract_module, "columns_in_template_order", lambda doc: (doc, []))
    # without the grid's rule, its rows read as lines of text still show the swap, its header
    # whole: read in the order the header prints (sixteenth session; null before)
    unmoved = parse(_page(("商业企业", "科研机构")), name="swapped.html")
    assert unmoved.table3 == straight.table3
    assert [f.message for f in unmoved.findings if f.code == "TEMPLATE_DEVIATION"] == [TEXT_READ.format(
        "自然人、法人或其他组织(科研机构、商业企业、社会公益组织、法律服务机构、其他)、总计")]
    monkeypatch.setattr(extract_module, "order_printed_in_text", lambda doc: None)
    before = parse(_page(("商业企业", "科研机构")), name="swapped.html")
    assert (before.table3["new_received"]["commercial"], before.table3["new_received"]["research"]) == (0, 3)


# --- running text: the header's words, not the cells, say the order (docs/renderings.md §15)

from ogi.extract.colorder import order_printed_in_lines, order_printed_in_text  # noqa: E402
from ogi.synth.shapes.text import crawler_text, inner_text_walk  # noqa: E402

TEXT_READ = "表三表头所印申请人各列的顺序与规定格式不同(印为:{}),已按表头所印顺序读入各列"
TEXT_FINDING = ("表三表头所印申请人各列的顺序与规定格式不同(印为:{}),各列数值无法按位置对应,表三申请人各列未读入")
APPLICANT_KEYS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def _lynx(page: bytes) -> bytes:
    """The page as a text browser prints a table: a row a line, its cells between single
    spaces (innerText, its TABs made spaces)."""
    return inner_text_walk(page.decode("utf-8")).replace("\t", " ").encode("utf-8")


@pytest.mark.parametrize("render", [
    _lynx, lambda page: crawler_text(page.decode("utf-8")).encode("utf-8"),
])
def test_a_swapped_header_in_running_text_is_read_in_the_order_it_prints_with_a_finding(render, monkeypatch):
    """商业企业 and 科研机构 swapped, header and values, in a text browser's rows and a
    crawler's one line: the header read whole (its first row, then the five on one line or
    in one run), table 三 read in its order, one finding naming it. Before the rule,
    商业企业's 3 was read as 科研机构's with no finding; from the seventh to the fifteenth
    session every applicant cell was left null."""
    swapped = parse(render(_page(("商业企业", "科研机构"))), name="swapped.txt")
    straight = parse(render(_page()), name="straight.txt")
    assert swapped.table3 == straight.table3
    assert [f.message for f in swapped.findings if f.code == "TEMPLATE_DEVIATION"] == [TEXT_READ.format(
        "自然人、法人或其他组织(科研机构、商业企业、社会公益组织、法律服务机构、其他)、总计")]
    assert [f.where for f in swapped.findings if f.code == "TEMPLATE_DEVIATION"] == ["table3"]
    assert straight.table3["new_received"]["commercial"] == 3
    assert not [f for f in straight.findings if f.code == "TEMPLATE_DEVIATION"]
    monkeypatch.setattr(extract_module, "order_printed_in_text", lambda doc: None)
    monkeypatch.setattr("ogi.readers.text.order_printed_in_lines", lambda lines: None)
    before = parse(render(_page(("商业企业", "科研机构"))), name="swapped.txt")
    assert (before.table3["new_received"]["commercial"], before.table3["new_received"]["research"]) == (0, 3)


HEAD = ["三、收到和处理政府信息公开申请情况", "申请人情况"]
FIRST_ROW = ["一、本年新收政府信息公开申请数量 5 3 0 0 0 0 8"]


@pytest.mark.parametrize("header,printed", [
    # lynx, pandoc plain, inscriptis: the two header rows a line each, 商业企业 and 科研机构 swapped
    # (read whole since the sixteenth session: the first row, and the five on one line)
    (["自然人 法人或其他组织 总计", "科研机构 商业企业 社会公益组织 法律服务机构 其他"],
     "自然人、法人或其他组织(科研机构、商业企业、社会公益组织、法律服务机构、其他)、总计"),
    # the first row whole on one line places its three cells (twentieth session): every column named
    (["总计 法人或其他组织 自然人", "商业企业 科研机构 社会公益组织 法律服务机构 其他"],
     "总计、法人或其他组织(商业企业、科研机构、社会公益组织、法律服务机构、其他)、自然人"),
    # w3m, pdftotext -layout: cells wrapped in their columns, the first line of each cell begins its label
    # (然 is 自然人's and no other label's: the line's reading names it since the ninth session)
    (["自  法人或其他组织", "然  其 法律 社会公 科研 商业 总", "人  他 服务 益组织 机构 企业 计"],
     "自然人、法律服务机构、社会公益组织、科研机构、商业企业、总计"),
    # pdftotext -raw, PDFium, PyMuPDF: a piece a line, in the order the cells were drawn
    (["自", "然", "人", "法人或其他组织 总", "计", "其", "他", "法律服", "务机构", "社会公", "益组织", "科研", "机构",
      "商业", "企业"], "自然人、总计、其他、法律服务机构、社会公益组织、科研机构、商业企业"),
    # w3m, pdftotext -layout: 自然人 after the five, its first line on the line of theirs (hold18 00013)
    (["法人或其他组织", "商  科  社会  法律      自然", "业  研  公益  服务  其  人   总计", "企  机  组织  机构  他",
      "业  构"], "商业企业、科研机构、社会公益组织、法律服务机构、自然人"),
])
def test_the_order_a_text_header_prints_is_read_where_it_is_certain(header, printed):
    assert order_printed_in_lines([*HEAD, *header, *FIRST_ROW]) == printed


@pytest.mark.parametrize("header", [
    # the template's order, the two header rows interleaved as converters print them
    ["自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"],
    ["自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 法人或其他组织 总计"],
    ["法人或其他组织", "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"],
    # pandoc's text of a Word file: a cell wrapped on the next line (社会公 ⏎ 益组织)
    ["自然人 法人或其他组织 总计", "商业 企业  科研机构  社会公  法律服务机构  其他", "益组织"],
    # pdftotext -layout: wrapped cells, and 其 printed after 总计's 计 on the last line
    ["自然     法人或其他组织        总", "商业 科研  社会公  法律服", "人 企业 机构 益组织 务机构 他 计其"],
    # pdftotext (reading order): the cells' first lines a line each, their second lines on one line
    ["自然", "法人或其他组织", "总", "商业", "科研", "社会公", "法律服", "其", "人 企业 机构 益组织 务机构 他 计"],
    # pdfminer: the pieces of several wrapped cells in turn — the labels it leaves whole are in no order
    ["自然", "法人或其他组织", "总计", "人", "社 会", "法律", "公 益", "服务", "其", "他", "组织", "机构", "商业", "企业",
     "科", "研", "机", "构"],
    ["自", "然", "人", "法人或其他组织", "社会", "法律", "公益", "服务", "其", "他", "组织", "机构", "商", "业", "企", "业",
     "科", "研", "机", "构"],
    # pdfminer: whole cells, a piece a line, in no column's order (总计 before 自然人)
    ["法人或 其他组织", "商业", "科研", "社会 公", "法律服", "企业", "机构", "益组织", "务 机构", "总", "计", "其", "他",
     "自", "然", "人"],
])
def test_a_text_header_in_the_templates_order_or_read_in_no_certain_order_is_no_evidence(header):
    assert order_printed_in_lines([*HEAD, *header, *FIRST_ROW]) is None


def test_labels_before_table_threes_header_are_not_read_as_it():
    """A sentence naming applicants in another order, before the table, is not its header."""
    lines = ["(二)依申请公开。科研机构和商业企业的申请共3件,结转下年度继续办理0件。", *HEAD,
             "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他", *FIRST_ROW]
    assert order_printed_in_lines(lines) is None


# --- ninth session: a cell's other lines, PDFium's baselines, a wrapped 申请人情况, a PDF's glyphs (§19)

from ogi.extract.colorder import PARTS, _may_start


def test_a_part_of_one_label_only_names_its_column_and_a_part_several_hold_names_none():
    assert {part: PARTS[part] for part in ("商业", "企业", "益组织", "务机构", "然", "计", "研机构")} == {
        "商业": "商业企业", "企业": "商业企业", "益组织": "社会公益组织", "务机构": "法律服务机构", "然": "自然人",
        "计": "总计", "研机构": "科研机构"}
    assert not {"机构", "组织", "其", "他", "人", "法", "法人或", "其他组织", "自然人", "总计"} & set(PARTS)


@pytest.mark.parametrize("header,printed", [
    # pdftotext (reading order): the cells' last lines on one line — 法律服务机构 printed second (a 3-cycle)
    (["自然", "法人或其他组织", "总", "法律服", "商业", "社会公", "科研", "其", "人 务机构 企业 益组织 机构 他 计"],
     "法律服务机构、商业企业、社会公益组织、总计"),
    # w3m: 总计 printed first, 自然人 last, each a character a line, vertically centred
    (["(本列数据的勾稽关系为:第一项加第二项之和,等于第     法人或其他组织           自",
      "三项加第四项之和)                               总  商业 科研 社会  法律  其 然",
      "                                                计  企业 机构 公益  服务  他 人",
      "                                                              组织  机构"],
     "总计、商业企业、科研机构、社会公益组织、法律服务机构、自然人"),
    # PDFium: a vertically centred 总计 on the baseline of 科研机构's first line (科研 总计 ⏎ 机构)
    (["自然", "人", "法人或其他组织", "科研 总计", "机构", "商业", "企业", "社会公", "益组织", "法律服", "务机构", "其", "他"],
     "自然人、总计、科研机构、商业企业、社会公益组织、法律服务机构、其他"),
])
def test_a_wrapped_cells_last_line_and_a_label_on_another_cells_baseline_are_read(header, printed):
    assert order_printed_in_lines([*HEAD, *header, *FIRST_ROW]) == printed


def test_applicant_situation_wrapped_in_its_cell_starts_the_header():
    """pandoc's text of a Word file: 申请人情况 wrapped beside the 勾稽关系 note's column."""
    header = ["  (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)      申请人",
              "                                                                情况",
              "      自然人  法人或  总计", "              其他组织", "",
              "              法律服  商业  社会公  科研机构  其他", "              务机构  企业  益组织"]
    lines = ["三、收到和处理政府信息公开申请情况", *header, *FIRST_ROW]
    assert order_printed_in_lines(lines) == "法律服务机构、商业企业、社会公益组织、科研机构、其他"
    straight = [*lines[:6], "              商业  科研机构  社会公  法律服  其他", "              企业  益组织  务机构",
                *FIRST_ROW]
    assert order_printed_in_lines(straight) is None


@pytest.mark.parametrize("header", [
    # PDFium in the template's order: 商业企业's first line on 总计's baseline
    ["自然", "人", "法人或其他组织", "商业 总计", "企业", "科研", "机构", "社会公", "益组织", "法律服", "务机构", "其", "他"],
    # pdftotext and w3m in the template's order
    ["自然", "法人或其他组织", "总", "商业", "科研", "社会公", "法律服", "其", "人 企业 机构 益组织 务机构 他 计"],
    ["(本列数据的勾稽关系为:第一项加第二项之和,等于第 自  法人或其他组织",
     "三项加第四项之和)                               然  商业 科研 社会  法律  其 总",
     "                                                人  企业 机构 公益  服务  他 计"],
    # a first-row fragment beside 总计 (自然 总计): 总计 is not read before it
    ["自然 总计", "人", "法人或其他组织", "商业", "企业", "科研", "机构", "社会公", "益组织", "法律服", "务机构", "其", "他"],
    # a cell letter-spaced on its line: one label twice on the line, no order read from it
    ["自然人 法人或其他组织 总计", "科 研 商 业 社会公益组织 法律服务机构 其他"],
    # BeautifulSoup's get_text(" ", strip=True) of cells wrapped by a line break in their text
    # (法人或 ⏎ 其他组织): 其他组织's 其他 is 法人或其他组织's, not the 其他 column
    ["自然人 法人或", "其他组织 总计 商业", "企业 科研", "机构 社会", "公益组织 法律服务", "机构 其他"],
])
def test_the_new_readings_in_the_templates_order_or_uncertain_are_no_evidence(header):
    assert order_printed_in_lines([*HEAD, *header, *FIRST_ROW]) is None


@pytest.mark.parametrize("text,may", [
    ("申请人情况", True), ("申请人 情况", True), ("一、本年新收政府信息公开申请数量 5 3 0 0 0 0 8", False),
    ("ascii 123", False), ("申请\u3000人情况", True), ("收到和处理政府信息公开申请情况", True), ("商业企业 科研机构", False),
])
def test_a_line_that_cannot_start_the_header_is_skipped_without_a_key(text, may):
    assert _may_start(text) is may


from ogi.readers.pdf_colorder import printed_order
from ogi.readers.pdf_lines import Line
from ogi.readers.pdf_page import Fragment

H = 12.0  # pt: a glyph's height and width


def _glyphs(top: float, *pieces: tuple[float, str]) -> Line:
    """A line of glyphs 12 pt wide, touching within a piece; each piece starts at its x."""
    return Line([Fragment(ch, x + i * H, top, x + (i + 1) * H, top + H) for x, text in pieces for i, ch in enumerate(text)])


def _office_pdf(first: str, second: str, third: str) -> list[Line]:
    """LibreOffice's PDF of table 三's header (00000_html_html, 商业企业 and 科研机构 swapped):
    the glyphs of one line glued by the layout (自然人科研), apart by the cell padding."""
    return [_glyphs(228, (283.6, "申请人情况")), _glyphs(256, (324.9, "法人或其他组织")),
            _glyphs(270, (58.2, "(本列数据的勾稽关系为:第一项加第二项")), _glyphs(284, (411.8, "社会")),
            _glyphs(298, (58.2, "之和,等于第三项加第四项之和)"), (283.6, "自然人"), (324.9, first), (449.8, "法律服务"),
                    (536.8, "总计")),
            _glyphs(312, (358.5, second), (411.8, "公益"), (507.5, "其他")),
            _glyphs(326, (324.9, third), (449.8, "机构")), _glyphs(340, (411.8, "组织")),
            _glyphs(368, (58.2, "一、本年新收政府信息公开申请数量"), (283.6, "27"), (324.9, "0"))]


def test_a_pdf_header_is_read_by_its_glyphs_positions():
    # every column's place is seen, so the reading names them all (the extractor reads the values by it)
    assert printed_order([(_office_pdf("科研", "商业企业", "机构"), [])]) == \
        "自然人、法人或其他组织(科研机构、商业企业、社会公益组织、法律服务机构、其他)、总计"
    assert printed_order([(_office_pdf("商业", "科研机构", "企业"), [])]) is None  # the template's order


def test_a_pdf_header_with_cells_glued_or_overlapping_is_not_read():
    lines = _office_pdf("科研", "商业企业", "机构")
    glued = [*lines[:4], _glyphs(298, (283.6, "自然人科研")), *lines[5:]]  # no gap between two cells' glyphs
    assert printed_order([(glued, [])]) is None
    # 商业企业 wrapped under 科研机构's column: two organisations' spans overlap
    overlapping = [*lines[:5], _glyphs(312, (330.0, "商业企业"), (411.8, "公益"), (507.5, "其他")), *lines[6:]]
    assert printed_order([(overlapping, [])]) is None


@pytest.mark.parametrize("header,printed", [
    # soup, docx2txt, a PDF's text layer of the cells in drawing order: a piece a line, and
    # 自然人 drawn after the five organisations (wild5 ``reordered``, seventeenth session)
    (["法人或其他组织", "自然人", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
     "法人或其他组织、自然人、总计"),
    # the template's order a piece a line: nothing to say
    (["自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], None),
    # a text browser's grid or a PDF's text: 自然人 centred down its two rows, on the line under
    # 法人或其他组织 beside 总计 — the joined reading says nothing where a line holds two pieces
    (["法人或其他组织", "自然人          总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"], None),
])
def test_the_first_rows_order_a_header_printed_a_piece_a_line_shows(header, printed):
    assert order_printed_in_lines([*HEAD, *header, *FIRST_ROW]) == printed


def test_a_piece_a_line_header_with_自然人_after_the_organisations_leaves_table_三_null():
    # wild5 00002 in BeautifulSoup's lines: read by position its 14 applicant values were in
    # each other's columns with no finding
    report = parse((FIXTURES_REORDERED / "soup_lines_natural_person_after.txt").read_bytes(), name="soup.txt")
    assert all(v is None for cells in report.table3.values() for v in cells.values())
    assert TEXT_FINDING.format("法人或其他组织、自然人、总计") in [f.message for f in report.findings]


FIXTURES_REORDERED = Path(__file__).parent / "fixtures" / "reordered"


def test_a_pdf_header_with_自然人_right_of_the_five_is_out_of_order_across_its_rows():
    # each header row in the template's order (自然人 before 总计; the five in order), but 自然人
    # printed after the five organisations (wild5 ``reordered`` in LibreOffice's PDF: 14 wrong
    # numbers with no finding before)
    from ogi.readers.pdf_colorder import _across_rows

    five = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    spans = {label: (100.0 + 50 * i, 140.0 + 50 * i) for i, label in enumerate(five)}
    assert _across_rows({**spans, "自然人": (40.0, 80.0), "总计": (360.0, 390.0)}) is None
    assert _across_rows({**spans, "自然人": (360.0, 390.0), "总计": (400.0, 430.0)}) == \
        "商业企业、科研机构、社会公益组织、法律服务机构、其他、自然人、总计"
    assert _across_rows({**spans, "自然人": (300.0, 390.0), "总计": (400.0, 430.0)}) is None  # spans overlap


def _cut_header_grid(repeated: bool) -> Document:
    """Table 三 as PyMuPDF's Markdown grids it: 申请人情况 and 法人或其他组织 cut into cells, each
    second-row label in a cell of its own with a line break, the five shuffled (hold18 00024);
    with ``repeated``, the header printed again a column off after a page break."""
    header = [["", "申请", "人情", "况", "", "", "", ""], ["(本列数据)", "", "法人或", "其他", "组织", "", "", ""],
              ["", "自然<br>人", "商业<br>企业", "法律服务<br>机构", "其<br>他", "科研<br>机构", "社会公益<br>组织", "总<br>计"]]
    rows = [*header, ["一、本年新收政府信息公开申请数量", "82", "0", "130", "10", "0", "0", "222"]]
    if repeated:
        rows += [["", "", "商业<br>企业", "法律服务<br>机构", "其<br>他", "科研<br>机构", "社会公益<br>组织", "计"],
                 ["(一)予以公开", "41", "0", "56", "6", "0", "0", "103"]]
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row) if text]
    return Document([Paragraph("三、收到和处理政府信息公开申请情况"), Table(cells)], "md")


def test_a_grid_whose_cells_cut_the_header_is_reordered_or_its_order_named():
    doc, notes = columns_in_template_order(_cut_header_grid(repeated=False))  # 其他 of 法人或其他组织 is no column
    assert notes == ["自然人、商业企业、法律服务机构、其他、科研机构、社会公益组织、总计"]
    doc = _cut_header_grid(repeated=True)  # a header twice, a column off: not moved, its order named
    assert columns_in_template_order(doc) == (doc, [])
    assert order_printed_in_text(doc) == "自然人、商业企业、法律服务机构、其他、科研机构、社会公益组织、总计"


def test_a_grid_that_cuts_申请人_after_申请_still_names_the_five_shuffled():
    # hold19 wild5c 00035 in PyMuPDF's Markdown (nineteenth session): ``申请<br>法人 | 人情<br>或其``
    # leaves no cell row holding 申请人, so the header was not read and the five organisations'
    # values stood in each other's columns with no finding (42 numbers)
    header = [["(本列数据)", "为:第一项加第二项之和", "自然", "", "申请<br>法人", "人情<br>或其", "况<br>他组织", "", "总"],
              ["", "第四项之和)", "人", "社会公<br>益组织", "科研<br>机构", "其<br>他", "商业<br>企业", "法律服<br>务机构", "计"]]
    rows = [*header, ["一、本年新收政府信息", "公开申请数量", "336", "0", "0", "1", "115", "0", "452"]]
    cells = [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row) if text]
    doc = Document([Paragraph("三、收到和处理政府信息公开申请情况"), Table(cells)], "md")
    assert order_printed_in_text(doc) == "社会公益组织、科研机构、其他、商业企业、法律服务机构、总计"


def test_a_pdf_header_seen_left_to_right_names_every_column_where_the_five_stand_side_by_side():
    # wild5 ``reordered`` in LibreOffice's PDF (nineteenth session): 自然人 right of the five
    # organisations, or the five shuffled — each column's span apart from the others'
    from ogi.extract.colorder_read import column_order
    from ogi.readers.pdf_colorder import _seen_left_to_right

    five = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    spans = {label: (100.0 + 50 * i, 140.0 + 50 * i) for i, label in enumerate(five)}
    after = _seen_left_to_right({**spans, "自然人": (360.0, 390.0), "总计": (400.0, 430.0)})
    assert after == "法人或其他组织(商业企业、科研机构、社会公益组织、法律服务机构、其他)、自然人、总计"
    assert column_order(after) == (*five, "自然人", "总计")
    shuffled = {label: spans[other] for label, other in zip(five, [five[1], five[0], *five[2:]])}
    assert _seen_left_to_right({**shuffled, "自然人": (40.0, 80.0), "总计": (360.0, 390.0)}) == \
        "自然人、法人或其他组织(科研机构、商业企业、社会公益组织、法律服务机构、其他)、总计"
    assert _seen_left_to_right({**spans, "自然人": (40.0, 80.0), "总计": (360.0, 390.0)}) is None  # the template's
    # 自然人 between two organisations: no two-row header draws that, no column named
    assert _seen_left_to_right({**spans, "自然人": (142.0, 148.0), "总计": (360.0, 390.0)}) is None
    # two spans overlap: which stands left cannot be told
    assert _seen_left_to_right({**spans, "自然人": (300.0, 390.0), "总计": (400.0, 430.0)}) is None
