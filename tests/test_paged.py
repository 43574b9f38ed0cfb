"""Page chrome: page numbers, running headers and footers, and table headers repeated at page
breaks, in text extracted from a PDF (``ogi.extract.pagemarks``) and in the PDF reader
(``ogi.readers.pdf_chrome``, ``pdf_layout``). Each rule pins what goes and what stays: a
number is taken for a page number only where the pages prove it, never otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.pagemarks import drop_page_marks, numbered_page_ends, page_number, page_sequence
from ogi.readers.text import parse_text
from ogi.document import Paragraph
from ogi.readers.pdf_chrome import drop_page_chrome
from ogi.readers.pdf_page import Fragment, PageContent, edge

from expected import SEEDS, differences

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _pages(*pages: list[str]) -> str:
    """pdftotext's output: each page's lines, a form feed at each page's end."""
    return "".join("\n".join(lines) + "\n\f" for lines in pages)


def _kept(text: str) -> list[str]:
    return [ln for ln in drop_page_marks(text).replace("\f", "").split("\n") if ln.strip()]


# ------------------------------------------------------------------ text: running lines

def test_a_running_header_and_a_print_line_with_the_page_number_go_line_numbers_stay():
    text = _pages(
        ["滨江新区办事处", "", "一、总体情况", "正文。", "", "打印日期：2024-01-15        1"],
        ["滨江新区办事处", "", "规章  0  0  0", "规范性文件  0  0  0", "", "打印日期：2024-01-15        2"],
        ["滨江新区办事处", "", "行政许可  3  0  3", "", "打印日期：2024-01-15        3"],
    )
    out = drop_page_marks(text)
    assert len(out.split("\n")) == len(text.split("\n"))  # every line where it was
    assert out.count("\f") == 3
    assert _kept(text) == ["一、总体情况", "正文。", "规章  0  0  0", "规范性文件  0  0  0", "行政许可  3  0  3"]


def test_a_line_at_the_edge_of_fewer_than_half_the_pages_stays():
    text = _pages(["南京市江宁区人民政府", "正文一"], ["正文二", "规章 0 0 0"], ["正文三", "正文四"],
                  ["南京市江宁区人民政府", "正文五"], ["正文六", "正文七"])
    assert _kept(text)[0] == "南京市江宁区人民政府"
    assert _kept(text).count("南京市江宁区人民政府") == 2


def test_text_without_form_feeds_is_unchanged():
    text = "滨江新区办事处\n规章 0 0 0\n1\n滨江新区办事处\n规范性文件 0 0 0\n2\n"
    assert drop_page_marks(text) is text


# ------------------------------------------------------------------ text without form feeds

# pypdfium2's text of a paged print of the peer page (pages joined by a line break): the
# running footer with its decorated number, then the print line, between table 三's rows
PDFIUM_PAGES = "\n".join([
    "（三）不予", "公开", "1.属于国家秘密 0 0", "2.其他法律行政法规", "禁止公开", "0 0",
    "淮安市人民政府政务公开专栏 — 6 —", "打印日期：2024-03-02",
    "3.危及“三安全一稳定” 0 0", "4.保护第三方合法权益 0 0",
    "淮安市人民政府政务公开专栏 — 7 —", "打印日期：2024-03-02",
    "5.属于三类内部事务信息 0 0", "6.属于四类过程性信息 0 0",
    "淮安市人民政府政务公开专栏 — 8 —", "打印日期：2024-03-02",
    "7.属于行政执法案卷 0 0",
])


def test_pages_joined_by_line_breaks_are_found_by_their_numbers():
    assert numbered_page_ends(PDFIUM_PAGES) == {6, 10, 14}
    out = drop_page_marks(PDFIUM_PAGES)
    assert len(out.split("\n")) == len(PDFIUM_PAGES.split("\n"))  # every line where it was
    # the footer goes at every page's end, the print line at every page's top but the first
    assert _kept(PDFIUM_PAGES) == [
        "（三）不予", "公开", "1.属于国家秘密 0 0", "2.其他法律行政法规", "禁止公开", "0 0",
        "3.危及“三安全一稳定” 0 0", "4.保护第三方合法权益 0 0",
        "5.属于三类内部事务信息 0 0", "6.属于四类过程性信息 0 0", "7.属于行政执法案卷 0 0"]


@pytest.mark.parametrize("line", ["— 3 —", "第 3 页 共 9 页", "3/9", "顺德区自然资源局 第3页", "泰州市人民政府信息公开 3/9"])
def test_every_decorated_form_numbers_pages_without_form_feeds(line):
    lines = [line.replace("3", str(n)) for n in (3, 4)]
    text = f"规章 0 0 0\n{lines[0]}\n规范性文件 0 0 0\n{lines[1]}\n行政许可 1 0 1"
    assert numbered_page_ends(text) == {1, 3}
    assert _kept(text) == ["规章 0 0 0", "规范性文件 0 0 0", "行政许可 1 0 1"]


def test_a_bare_number_after_words_numbers_pages_only_on_three_lines():
    two = "打印日期：2024-01-15 1\n规章 0 0 0\n打印日期：2024-01-15 2\n规范性文件 0 0 0"
    assert numbered_page_ends(two) == set()
    assert drop_page_marks(two) is two
    three = two + "\n打印日期：2024-01-15 3\n行政许可 0 0 0"
    assert numbered_page_ends(three) == {0, 2, 4}
    assert _kept(three) == ["规章 0 0 0", "规范性文件 0 0 0", "行政许可 0 0 0"]


@pytest.mark.parametrize("text", [
    "专栏 — 3 —\n规章 0 0 0\n专栏 — 5 —\n规范性文件 0 0 0",  # does not count up by one
    "专栏 — 3 —\n规章 0 0 0\n专栏 — 4 —\n规范性文件 0 0 0\n专栏 — 4 —",  # a number twice
    "第 3 页 共 2 页\n规章 0 0 0\n第 4 页 共 2 页",  # beyond its own total
    "2021年 12\n2022年 13\n2023年 14",  # bare numbers after words that differ: rows of a table
    "规章 0 0 3\n规范性文件 0 0 4\n行政许可 0 0 5",  # the same
])
def test_numbers_that_prove_no_pages_leave_the_text_as_it_is(text):
    assert numbered_page_ends(text) == set()
    assert drop_page_marks(text) is text


@pytest.mark.parametrize("lines", [
    ["— 3 —", "Page 4 of 9", "第4页", "p. 5", "共9页 第6页", "7／9"],  # forms alone: one key, ""
    ["专栏 — 3 —", "专栏 第4页 共9页", "专栏 5/9", "专栏-6-"],  # one key after words
    ["打印日期：2024-03-02 第3页", "打印日期：2025-12-31 — 4 —"],  # the date's digits keyed as #
    ["打印日期：2024-01-15 3", "打印日期：2024-01-15\u3000 4"],  # a bare number: its words to the character
    ["x1bare — 3 —", "x 4"], ["a1bare#bare — 3 —", "a1bare 4"],  # decorated keys that spell the bare mark
])
def test_lines_keyed_alike_are_sketched_alike(lines):
    """The exact shortcut of ``numbered_page_ends``: a line whose sketch no other line has
    is never tried, which holds only because lines in one run share their sketch."""
    from ogi.extract.pagemarks import _numbered_line, _sketch, _BARE_MARK
    import re
    keys = set()
    for line in lines:
        words, _, _ = _numbered_line(line)
        keys.add(words if words.endswith(_BARE_MARK) else re.sub(r"\d+", "#", words))
    assert len(keys) == 1
    assert len({_sketch(line) for line in lines}) == 1


def test_rows_ending_in_numbers_are_not_tried_unless_their_sketch_repeats():
    from ogi.extract.pagemarks import _runnable_lines
    text = "规章 5 5 23\n规范性文件 17 17 42\n专栏 — 3 —\n行政许可 19 2 339\n专栏 — 4 —\n其他 1\n其他 2"
    assert _runnable_lines(text) == [(2, "专栏 — 3 —"), (4, "专栏 — 4 —"), (5, "其他 1"), (6, "其他 2")]
    assert numbered_page_ends(text) == {2, 4}


# ------------------------------------------------------------------ text: page numbers

@pytest.mark.parametrize("line,want", [
    ("3", (3, None)), ("- 3 -", (3, None)), ("— 3 —", (3, None)), ("—3—", (3, None)), ("第3页", (3, None)),
    ("第 3 页 共 5 页", (3, 5)), ("共 5 页 第 3 页", (3, 5)), ("3/5", (3, 5)), ("3 / 5", (3, 5)),
    ("Page 3 of 5", (3, 5)), ("\f   12   ", (12, None)),
    ("3.5", None), ("-3", None), ("—3", None), ("3-", None), ("第三页", None), ("3 0 0", None), ("打印日期：2024-01-15", None), ("12345", None),
])
def test_page_number_forms(line, want):
    assert page_number(line) == want


def test_bare_numbers_running_with_the_pages_are_page_numbers():
    text = _pages(["一、总体情况", "规章 0 0 0", "", "1"], ["规范性文件 0 0 0", "行政许可 0 0 0", "2"],
                  ["行政处罚 5 0 5", "3"])
    assert _kept(text) == ["一、总体情况", "规章 0 0 0", "规范性文件 0 0 0", "行政许可 0 0 0", "行政处罚 5 0 5"]


def test_bare_page_numbers_may_start_on_the_second_page():
    text = _pages(["一、总体情况", "正文"], ["规章 0 0 0", "2"], ["行政许可", "7"], ["行政处罚", "4"])
    assert "7" in _kept(text)  # page 3 does not fit: no sequence at all
    text = _pages(["一、总体情况", "正文"], ["规章 0 0 0", "2"], ["行政许可", "3"], ["行政处罚", "4"])
    assert _kept(text) == ["一、总体情况", "正文", "规章 0 0 0", "行政许可", "行政处罚"]


def test_bare_numbers_that_do_not_run_with_the_pages_stay():
    # a value column broken by the page: the last line of each page is a value, not a number
    text = _pages(["自然人", "0", "26"], ["0", "1"], ["0", "0"])
    assert _kept(text) == ["自然人", "0", "26", "0", "1", "0", "0"]
    # one page out of step is enough to keep them all
    text = _pages(["规章", "1"], ["规范性文件", "5"], ["行政许可", "3"])
    assert _kept(text) == ["规章", "1", "规范性文件", "5", "行政许可", "3"]


def test_a_decrease_at_a_page_edge_is_a_value():
    # table 二's 本年增/减 printed one value a line (reading order), a page break after -1, -2
    text = _pages(["本年增/减", "-1"], ["-2", "行政许可"], ["行政处罚", "-3"])
    assert _kept(text) == ["本年增/减", "-1", "-2", "行政许可", "行政处罚", "-3"]


def test_two_pages_need_both_numbers():
    assert _kept(_pages(["规章", "0"], ["规范性文件", "2"])) == ["规章", "0", "规范性文件", "2"]
    assert _kept(_pages(["规章", "1"], ["规范性文件", "2"])) == ["规章", "规范性文件"]


def test_a_page_with_two_numbers_of_the_sequence_keeps_both():
    # page 2 ends with a value 2 and its page number 2: which one is the number is not certain
    assert page_sequence([[(0, 1)], [(5, 2), (6, 2)], [(9, 3)]]) == []
    assert page_sequence([[(0, 1)], [(6, 2)], [(9, 3)]]) == [(0, 0), (1, 6), (2, 9)]


def test_decorated_page_numbers_at_an_edge_go_whatever_their_sequence():
    text = _pages(["规章 0 0 0", "- 1 -"], ["第 2 页 共 9 页", "规范性文件 0 0 0"], ["行政许可 1 0 1", "7/9"])
    assert _kept(text) == ["规章 0 0 0", "规范性文件 0 0 0", "行政许可 1 0 1"]


# ------------------------------------------------------------------ text: whole reports

def test_a_bare_page_number_between_table_rows_is_not_read():
    """pdftotext -layout of a report printed with a bare page number in the footer and
    another organ's portal as running header (the paged_pdftotext_layout shape of a
    synthetic report): the number closing each page sits between table rows. Before the
    rule, page 3's ``2`` made table 三's row (六)1 null with ROW_AMBIGUOUS."""
    path = FIXTURES / "txt" / "paged_layout_2021.txt"
    report = parse(path)
    assert differences(FIXTURES / "txt" / "expected" / "paged_layout_2021.json", report) == []
    assert report.meta.agency == "涪城区城关镇"  # not the portal of the running header
    # no value left without a row (the group label (六)其 printed beside its sub-label is
    # another matter: ROW_LABEL_MISSING, placed by position)
    assert not [f for f in report.findings if f.code in ("ROW_AMBIGUOUS", "CELL_AMBIGUOUS")]
    text = path.read_text(encoding="utf-8")
    assert "\n                                                                3\n" in text  # the chrome is there
    blocks = parse_text(drop_page_marks(text)).blocks
    assert not any(isinstance(b, Paragraph) and b.text in ("1", "2", "3", "4") for b in blocks)
    assert not any(isinstance(b, Paragraph) and "顺德区" in b.text for b in blocks)


# ------------------------------------------------------------------ the PDF reader

H = 800.0  # page height of the synthetic pages (pt)


def _page(number: int, lines: list[tuple[str, float]], edges=()) -> PageContent:
    """A page whose lines are single fragments at the given tops, 10 pt high."""
    frags = [Fragment(text, 100.0, top, 100.0 + 10 * len(text), top + 10) for text, top in lines]
    return PageContent(number, 600.0, H, frags, [edge(*e) for e in edges])


def _texts(page: PageContent) -> list[str]:
    return [f.text for f in page.fragments]


def test_pdf_running_header_and_page_numbers_in_the_margins_go():
    pages = [_page(n, [("泰州市人民政府门户网站", 30), ("正文", 200), ("规章 0 0 0", 400), (f"- {n} -", 770)])
             for n in (1, 2, 3)]
    drop_page_chrome(pages)
    assert [_texts(p) for p in pages] == [["正文", "规章 0 0 0"]] * 3


def test_pdf_bare_numbers_in_the_margin_go_only_in_sequence():
    pages = [_page(n, [("正文", 200), (str(n), 770)]) for n in (1, 2, 3)]
    drop_page_chrome(pages)
    assert [_texts(p) for p in pages] == [["正文"]] * 3
    pages = [_page(n, [("正文", 200), (v, 770)]) for n, v in ((1, "0"), (2, "0"), (3, "26"))]
    drop_page_chrome(pages)
    assert [_texts(p) for p in pages] == [["正文", "0"], ["正文", "0"], ["正文", "26"]]


def test_pdf_margin_text_inside_a_table_stays():
    """A table running into the bottom band: its column lines cross its last row, whose
    label repeats on every page (a table continued page after page) and whose number runs
    with the pages — it is the table's, not the page's."""
    columns = [(90.0, 600.0, 90.0, 790.0), (400.0, 600.0, 400.0, 790.0)]  # from the body down into the band
    pages = [_page(n, [("正文", 200), ("合计", 760), (str(n), 775)], edges=columns) for n in (1, 2, 3)]
    drop_page_chrome(pages)
    assert [_texts(p) for p in pages] == [["正文", "合计", str(n)] for n in (1, 2, 3)]


def test_pdf_one_page_is_left_to_the_layout():
    pages = [_page(1, [("泰州市人民政府门户网站", 30), ("正文", 200), ("1", 770)])]
    drop_page_chrome(pages)
    assert _texts(pages[0]) == ["泰州市人民政府门户网站", "正文", "1"]


def test_pdf_a_margin_box_frame_goes_with_its_text():
    frame = [(60.0, 0.0, 60.0, 60.0), (300.0, 0.0, 300.0, 60.0), (60.0, 0.0, 300.0, 0.0), (60.0, 60.0, 300.0, 60.0)]
    table = [(60.0, 60.0, 60.0, 500.0), (540.0, 60.0, 540.0, 500.0)]
    pages = [_page(n, [("泰州市人民政府门户网站", 30), ("规章 0 0 0", 70)], edges=frame + table) for n in (1, 2)]
    drop_page_chrome(pages)
    for p in pages:
        assert _texts(p) == ["规章 0 0 0"]
        assert sorted((e["x0"], e["top"], e["bottom"]) for e in p.edges if e["orientation"] == "v") == \
            [(60.0, 60.0, 500.0), (540.0, 60.0, 500.0)]  # the frame's sides went, the table's stay


def test_a_framed_running_header_over_a_continued_table_is_not_a_row():
    """report_2021 printed with a framed header box whose bottom is the top border of table
    三 continued on page 2, and a bare page number: the box and its text made a row of the
    table (7 cells of 1.本机关不掌握相关政府信息 null, CELL_TEXT) before the chrome pass."""
    from fixtures.pdf import build
    from test_pdf_report import _wrong

    report = parse(build.report_2021(framed_chrome=True), name="report.pdf")
    assert _wrong(report) == []
    assert not {f.code for f in report.findings} & {"CELL_TEXT", "TEMPLATE_DEVIATION", "ROW_AMBIGUOUS",
                                                     "CELL_AMBIGUOUS"}
    assert report.meta.agency == "某某县测试局"


# ------------------------------------------------------------------ the paged shapes

def _source(stem: str, page: str = "<html><head></head><body><h1>某某县民政局2023年政府信息公开工作年度报告</h1></body></html>"):
    from ogi.synth.shapes.sources import Source

    meta = {"meta": {"agency": "某某县民政局", "year": 2023}}
    return Source(stem, page, json.dumps(meta).encode(), "as is")


def test_the_page_chrome_is_chosen_by_the_stem():
    from ogi.synth.shapes import paged

    css = paged.page_css(_source("c"))
    assert css.startswith("@page { size: A5; margin: 18mm 14mm; @top-center { content: "
                          "\"佛山市顺德区人民政府门户网站  www.example.gov.cn\";")
    assert '@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页";' in css
    assert '@bottom-left { content: "http://www.example.gov.cn/zwgk/ndbg/";' in css
    assert paged.page_css(_source("c")) == css  # the same report, the same chrome
    styles = {paged.page_css(_source(stem)).split("@bottom-")[0] for stem in "abcdefgh"}
    assert len(styles) > 4
    assert "某某县民政局" not in paged.page_css(_source("c"))  # another organ's portal here
    assert paged.chromium_templates(_source("c"))["footer"].endswith(
        '<span>打印日期：2024-01-15</span><span>第 <span class="pageNumber"></span> 页 共 '
        '<span class="totalPages"></span> 页</span></div>')


def test_leading_rows_without_digits_become_the_repeated_header():
    from ogi.synth.shapes import paged

    page = ("<html><body><table><tr><td>申请人情况</td></tr><tr><td>自然人</td></tr>"
            "<tr><td>一、本年新收</td><td>5</td></tr></table>"
            "<table><tr><td rowspan=\"2\">项目</td></tr><tr><td>3</td></tr></table></body></html>")
    out = paged.paged_page(_source("a", page))
    assert "<table><thead><tr><td>申请人情况</td></tr><tr><td>自然人</td></tr></thead>" \
           "<tr><td>一、本年新收</td><td>5</td></tr></table>" in out
    assert "<table><tr><td rowspan=\"2\">项目</td></tr>" in out  # a header spanning into the data stays
    assert "@page { size: A4;" in out


def test_the_paged_pdf_prints_its_chrome_on_every_page(tmp_path):
    pytest.importorskip("weasyprint")
    from ogi.synth.shapes import make_shapes

    src = tmp_path / "src"
    (src / "expected").mkdir(parents=True)
    seed = SEEDS / "002_806d6c890c9d0d8d.txt"
    (src / seed.name).write_bytes(seed.read_bytes())
    (src / "expected" / f"{seed.stem}.json").write_bytes((SEEDS / "expected" / f"{seed.stem}.json").read_bytes())
    outcome = make_shapes(src, tmp_path / "out", ["paged_pdf"])
    assert outcome.written == {"paged_pdf": [seed.stem]}
    pdf = (tmp_path / "out" / "paged_pdf" / f"{seed.stem}.pdf").read_bytes()
    from ogi.readers.pdf import _pdfium_pages
    from ogi.readers.pdf_lines import group_lines

    contents, _ = _pdfium_pages(pdf)
    assert len(contents) == 4
    for n, page in enumerate(contents, start=1):
        lines = [ln.text.replace(" ", "") for ln in group_lines(page.fragments)]
        assert lines[0] == "南京市江宁区人民政府政务公开专栏"
        assert lines[-1] == f"打印日期：2025-01-20—{n}—"  # a print line left, the number centred
    report = parse(tmp_path / "out" / "paged_pdf" / f"{seed.stem}.pdf")
    assert differences(SEEDS / "expected" / f"{seed.stem}.json", report) == []


def test_a_header_repeated_on_every_page_of_a_long_table_is_dropped_on_each():
    """A ruled table over four pages with its header row repeated on each (reportlab's
    repeatRows): the third page's copy was compared with the second page's part, which had
    lost its copy already, and stayed as a row; it is compared with the first part now."""
    from fixtures.pdf import build

    from ogi.document import Table
    from ogi.readers.pdf import read_pdf

    tables = [b for b in read_pdf(build.ruled_report(split_rows=120)).blocks if isinstance(b, Table)]
    assert [(t.pos.page, len(t.rows())) for t in tables] == [(1, 6), (1, 8), (2, 38), (3, 38), (4, 37)]
    headers = [(t.pos.page, r) for t in tables for r, row in enumerate(t.rows()) if row[0].text == "项目"]
    assert headers == [(1, 0)]
    values = [row[0].text for t in tables[1:] for row in t.rows()[1 if t is tables[1] else 0:]]
    assert values == [f"第{i}项" for i in range(1, 121)]


def test_a_bare_page_number_beside_the_running_line_ends_pages_in_either_order():
    """pdfplumber prints the page number at a page's foot and then the next page's running
    header; PDFium the footer's words and then the number: three lines with the same words
    beside numbers counting up prove the page ends, after the number."""
    from ogi.extract.pagemarks import numbered_page_ends

    header = "宿迁市人民政府门户网站 www.example.gov.cn"
    plumber = "\n".join([header, "标题", "正文一", "1", header, "正文二", "2", header, "正文三", "3", header, "正文四"])
    assert numbered_page_ends(plumber) == {3, 6, 9}
    pdfium = "\n".join(["正文一", header, "1", "正文二", header, "2", "正文三", header, "3", "正文四"])
    assert numbered_page_ends(pdfium) == {2, 5, 8}


def test_bare_values_beside_a_repeated_label_are_no_page_numbers():
    """A one-value-a-line table prints 总计 before values that do not count up, or twice only."""
    from ogi.extract.pagemarks import numbered_page_ends

    assert numbered_page_ends("\n".join(["总计", "0", "总计", "0", "总计", "0"])) == set()
    assert numbered_page_ends("\n".join(["总计", "1", "结果维持", "总计", "2", "结果维持"])) == set()
