"""Bilingual reports (readers/gloss.py): the English after a Chinese label or header is a gloss,
taken out of the document before the tables are read. Fixtures: ``ogi synth 22 --formats
wild5_html --seed 9318`` (html 00003: ``自然人<br>Natural persons``; its crawler text; soup_lines
00014: ``自然人 Natural persons``, a line a cell) — not the wild5 corpus (seed 9300)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Cell, Document, Paragraph, Position, Table
from ogi.readers.gloss import is_bilingual, strip_gloss, strip_glosses

FIXTURES = Path(__file__).parent / "fixtures" / "gloss"


@pytest.mark.parametrize("text, want", [
    ("自然人\nNatural persons", "自然人"),
    ("自然人 Natural persons", "自然人"),
    ("商业企业（Businesses）", "商业企业"),
    ("(七)总计Total0000000", "(七)总计0000000"),  # a crawler glues the row's values to the gloss
    ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)Partly disclosed0 0 0", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)0 0 0"),
    ("本年收费金额(单位:万元)Fees collected (10,000 yuan)行政事业性收费", "本年收费金额(单位:万元)行政事业性收费"),
    ("公益组织Public-interest organizations法律服务机构", "公益组织法律服务机构"),
    ("自然人\\\nNatural persons", "自然人"),  # pandoc Markdown's hard line break before the gloss
    ("采购总金额 Amount (10,000\nyuan)", "采购总金额"),  # the bracket wrapped over two lines
])
def test_a_gloss_is_taken_out(text, want):
    assert strip_gloss(text) == want


@pytest.mark.parametrize("text", [
    "索引号:11LYRJGHHC720049DX/2022-34573",  # letters after digits: an index number, not a gloss
    "规章 0 0 6",
    "第 x 项",  # a single letter is no word of a gloss
    "全年(APP 3)件",  # a bracketed count: digits leave only inside a gloss's words
])
def test_what_is_no_gloss_is_left(text):
    assert strip_gloss(text) == text


def test_a_gloss_between_two_numbers_leaves_them_apart():
    assert strip_gloss("12 Total34") == "12 34"  # never 1234


def test_a_report_is_bilingual_by_three_template_headers_glossed():
    assert is_bilingual(["自然人", "Natural persons", "商业企业 Businesses", "总计（Total）"])
    assert not is_bilingual(["自然人 Natural persons", "总计 Total"])  # two are not enough
    # a Chinese report that names an app or a site: no header of the template glossed
    assert not is_bilingual(["通过政务APP发布信息", "总计", "网址 www.gov.cn", "自然人"])


def test_a_document_not_bilingual_is_returned_as_it_is():
    doc = Document([Paragraph("通过政务APP Store发布信息", Position(line=1))], "txt")
    assert strip_glosses(doc).blocks[0].text == "通过政务APP Store发布信息"


def test_paragraphs_of_glosses_are_dropped():
    doc = Document([Paragraph("自然人 Natural persons 商业企业 Businesses 总计 Total", Position(line=2)),
                    Paragraph("其他", Position(line=3)), Paragraph("Legal service providers", Position(line=4)),
                    Paragraph("一、本年新收政府信息公开申请数量 New requests this year", Position(line=5))], "txt")
    out = strip_glosses(doc)
    assert [(b.text, b.pos.line) for b in out.blocks] == [
        ("自然人 商业企业 总计", 2), ("其他", 3), ("一、本年新收政府信息公开申请数量", 5)]


def test_a_text_tables_first_cell_of_glosses_is_dropped_and_its_row_moves_left():
    # a TAB text of 三、本年度办理结果<br>Outcomes this year: the English line opens the next row
    cells = [Cell("自然人\nNatural persons", 0, 0), Cell("商业企业 Businesses", 0, 1), Cell("总计 Total", 0, 2),
             Cell("Outcomes this year", 1, 0), Cell("(一)予以公开 Disclosed", 1, 1), Cell("3", 1, 2)]
    out = strip_glosses(Document([Table(cells)], "txt")).blocks[0]
    assert [(c.text, c.row, c.col) for c in out.cells] == [
        ("自然人", 0, 0), ("商业企业", 0, 1), ("总计", 0, 2), ("(一)予以公开", 1, 0), ("3", 1, 1)]


def test_a_cell_of_glosses_in_a_grid_with_spans_is_kept():
    cells = [Cell("自然人 Natural persons", 0, 0, rowspan=2), Cell("商业企业 Businesses", 0, 1),
             Cell("总计 Total", 0, 2), Cell("Others", 1, 1), Cell("3", 1, 2)]
    out = strip_glosses(Document([Table(cells)], "html")).blocks[0]
    assert [(c.text, c.row, c.col) for c in out.cells] == [
        ("自然人", 0, 0), ("商业企业", 0, 1), ("总计", 0, 2), ("Others", 1, 1), ("3", 1, 2)]


def _cells(tables: dict) -> dict[str, object]:
    return {f"{t}.{r}.{c}": v for t in ("table2", "table3", "table4")
            for r, cols in (tables.get(t) or {}).items() for c, v in cols.items()}


@pytest.mark.parametrize("name", ["html_00003_wild5_html_bilingual.html", "crawler_text_00003_wild5_html_bilingual.txt",
                                  "soup_lines_00014_wild5_html_bilingual.txt"])
def test_a_bilingual_report_is_read_whole(name):
    # before: html 165/207 (the row-spanning 三、本年度办理结果<br>Outcomes this year read as a
    # value cell of four rows), crawler text 0/207 (table 三 lost), soup_lines 148/198
    report = parse(FIXTURES / name)
    want = _cells(json.loads((FIXTURES / "expected" / (name.rsplit(".", 1)[0] + ".json")).read_text(encoding="utf-8")))
    got = _cells(json.loads(report.model_dump_json()))
    assert {k: (v, got[k]) for k, v in want.items() if got[k] != v} == {}
    assert not [f for f in report.findings if f.code in ("CELL_TEXT", "ROW_AMBIGUOUS", "TABLE_MISSING")]
