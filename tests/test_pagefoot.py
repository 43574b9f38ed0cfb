"""A page footer too narrow for its page number wraps it onto two lines (``- 3`` then ``-``,
``第 3 页 共`` then ``9 页``): extract/pagemarks.py proves such numbers by the pages they run
with and takes them out (docs/renderings.md §26)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.pagemarks import drop_page_marks, numbered_page_ends, split_page_number
from ogi.synth.shapes.score import score_report

URL = "http://www.example.gov.cn/zwgk/"


def _pages(*pages: list[str]) -> str:
    """pdftotext's output: each page's lines, a form feed at each page's end."""
    return "".join("\n".join(lines) + "\n\f" for lines in pages)


def _kept(text: str) -> list[str]:
    return [ln for ln in drop_page_marks(text).replace("\f", "").split("\n") if ln.strip()]


# ------------------------------------------------------------------ the wrapped forms

@pytest.mark.parametrize("first, second, want", [
    ("- 3", "-", ("", 3, None)),
    ("— 12", "—", ("", 12, None)),
    ("第 3 页 共", "9 页", ("", 3, 9)),
    ("第 3 页", "共 9 页", None),  # the first line is a page number alone: read as it is
    ("第3", "页", ("", 3, None)),
    ("3 /", "9", ("", 3, 9)),
    (URL + " 第3", "ndbg/ 页", (URL + "ndbg/", 3, None)),  # two margin boxes side by side
    (URL + " 第 3 页 共", "ndbg/ 9 页", (URL + "ndbg/", 3, 9)),
])
def test_a_page_number_wrapped_onto_two_lines_is_read_whole(first, second, want):
    assert split_page_number(first, second) == want


@pytest.mark.parametrize("first, second", [
    ("规章 0 0 19", "规范性文件 0 0 0"),  # rows ending in numbers
    ("3", "-"),  # a value, then a blank cell's mark
    ("-", "3"),
    ("1", "2"),  # two bare numbers are two values
    ("- 3 -", "-"),  # a whole page number, then a mark
    ("行政许可 24 1", "-"),
    ("本年增/减", "3 /"),
])
def test_lines_that_print_no_wrapped_page_number(first, second):
    assert split_page_number(first, second) is None


# ------------------------------------------------------------------ with form feeds

# poppler's -raw text of a paged print (A5, narrow margin boxes): the running header, the
# address wrapped, and the page number wrapped under them, between table 二's rows
RAW = _pages(
    ["二、主动公开政府信息情况", "第二十条第(五)项", "行政许可 24 1 1682", "涪城区文化和旅游局", URL, "ndbg/", "- 1", "-"],
    ["第二十条第(六)项", "行政处罚 0 0 469", "行政强制 62 -8 0", "涪城区文化和旅游局", URL, "ndbg/", "- 2", "-"],
    ["第二十条第(八)项", "行政事业性收费 16 6", "涪城区文化和旅游局", URL, "ndbg/", "- 3", "-"],
)


def test_a_wrapped_page_number_at_the_pages_foot_goes_where_the_numbers_run_with_the_pages():
    out = drop_page_marks(RAW)
    assert len(out.split("\n")) == len(RAW.split("\n"))  # every line where it was
    assert out.count("\f") == 3
    # the running lines above the number stand deeper than the edge lines: they stay
    chrome = ["涪城区文化和旅游局", URL, "ndbg/"]
    assert _kept(RAW) == ["二、主动公开政府信息情况", "第二十条第(五)项", "行政许可 24 1 1682", *chrome,
                          "第二十条第(六)项", "行政处罚 0 0 469", "行政强制 62 -8 0", *chrome,
                          "第二十条第(八)项", "行政事业性收费 16 6", *chrome]


def test_a_wider_number_wraps_where_a_narrower_one_did_not():
    text = _pages(["规章 0 0 0", "- 9 -"], ["规范性文件 0 0 0", "- 10", "-"], ["行政许可 1 0 1", "- 11", "-"])
    assert _kept(text) == ["规章 0 0 0", "规范性文件 0 0 0", "行政许可 1 0 1"]


@pytest.mark.parametrize("text", [
    _pages(["规章 0 0 0", "- 3", "-"], ["规范性文件 0 0 0", "- 5", "-"]),  # not the pages' sequence
    _pages(["规章 0 0 0"], ["规范性文件 0 0 0", "- 2", "-"]),  # two pages: both must print it
    _pages(["规章 0 0 0", "- 1", "-"], ["规范性文件 0 0 0", "- 1", "-"], ["行政许可 1 0 1", "- 1", "-"]),
])
def test_wrapped_numbers_that_do_not_run_with_the_pages_stay(text):
    assert drop_page_marks(text) == text


# ------------------------------------------------------------------ without form feeds

def test_wrapped_numbers_end_pages_without_form_feeds_on_three_pages():
    # pypdfium2's text of the same print: pages joined by a line break
    lines = ["行政许可 24 1 1682", "湖州市人民政府", "第1", "页", "行政处罚 0 0 469", "湖州市人民政府", "第2", "页",
             "行政强制 62 -8 0", "湖州市人民政府", "第3", "页"]
    text = "\n".join(lines)
    assert numbered_page_ends(text) == {3, 7, 11}
    assert _kept(text) == ["行政许可 24 1 1682", "行政处罚 0 0 469", "行政强制 62 -8 0"]
    two = "\n".join(lines[:8])  # on two pages a wrapped number proves nothing
    assert numbered_page_ends(two) == set()
    assert drop_page_marks(two) is two


def test_a_wrapped_number_after_a_wrapped_address_ends_pages_and_goes_with_it():
    # pdfplumber prints the two margin boxes side by side, line by line
    text = "\n".join(["规章 0 0 27", f"{URL} 第 1 页 共", "ndbg/ 3 页", "顺德区人民政府信息公开",
                      "规范性文件 0 0 42", f"{URL} 第 2 页 共", "ndbg/ 3 页", "顺德区人民政府信息公开",
                      "行政许可 0 0 5", f"{URL} 第 3 页 共", "ndbg/ 3 页", "顺德区人民政府信息公开"])
    assert numbered_page_ends(text) == {2, 6, 10}
    assert _kept(text) == ["规章 0 0 27", "规范性文件 0 0 42", "行政许可 0 0 5"]


def test_the_rest_of_the_last_footer_after_its_number_is_no_page_of_its_own():
    # pdfplumber: the address's first line, the bare number, the address's second line
    pages = [["（三）政府信息管理。", "正文一。"], ["行政许可 0", "行政处罚 29"], ["行政事业性收费 0"]]
    lines = [ln for n, page in enumerate(pages, start=1) for ln in page + [URL, str(n), "ndbg/"]]
    text = "\n".join(lines)
    assert numbered_page_ends(text) == {3, 8, 12}
    # the ``ndbg/`` after the last number stands at the top of a page of its own, as after
    # every other number: a page for the running lines, not one that must print its number
    assert _kept(text) == ["（三）政府信息管理。", "正文一。", "行政许可 0", "行政处罚 29", "行政事业性收费 0"]


# ------------------------------------------------------------------ whole reports

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "txt"


@pytest.mark.parametrize("name, expected, cells", [
    # poppler's -raw text of an A5 print: ``- 2`` and ``-`` under the running lines, with
    # form feeds, between table 二's rows (all of table 二 was left null: 22 cells)
    ("paged_raw_wrapped_dash_2019.txt", "paged_raw_wrapped_dash_2019.json", 198),
    # PDFium's text: ``第 2 页 共`` and ``6 页``, no form feeds (table 二's 10 cells were null)
    ("paged_pdfium_wrapped_total_2021.txt", "paged_wrapped_total_2021.json", 207),
    # pdfplumber's: ``http://…/zwgk/ 第 2 页 共`` and ``ndbg/ 6 页``, two margin boxes side by side
    ("paged_pdfplumber_wrapped_beside_2021.txt", "paged_wrapped_total_2021.json", 207),
])
def test_a_report_whose_footer_wraps_its_page_number_reads_every_cell(name, expected, cells):
    report = parse(FIXTURES / name)
    score = score_report(json.loads((FIXTURES / "expected" / expected).read_text(encoding="utf-8")), report)
    assert (score.right, score.cells) == (cells, cells)
    assert not [f for f in report.findings if f.code in ("ROW_AMBIGUOUS", "CELL_AMBIGUOUS")]
