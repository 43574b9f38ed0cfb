"""A breakdown note under a count in its cell (``12<br>（含网上申请5件）``) as each lightweight markup
breaks it off (readers/md_notes.py), and MediaWiki's table caption (readers/markup_tables.py):
fresh20's unseen wild8 ``cell_notes`` and ``caption_tag`` (docs/renderings.md, markup20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.readers.markup_tables import markup_tables_as_pipes
from ogi.readers.md_notes import join_cell_notes
from ogi.synth.shapes.score import score_report

FIXTURES = Path(__file__).parent / "fixtures" / "markup"


def test_a_markdown_note_in_the_middle_of_a_row_joins_its_count_and_the_row_goes_on():
    text = ("三、本年度办理结果 | (一)予以公开 | 8  \n（含转办6件） | 0 | 0 | 0 | 0 | 0 | 8  \n（其中依申请6件）  \n"
            "(二)部分公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0  ")
    assert join_cell_notes(text).split("\n") == [
        "三、本年度办理结果 | (一)予以公开 | 8（含转办6件） | 0 | 0 | 0 | 0 | 0 | 8（其中依申请6件）  ", "", "",
        "(二)部分公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0  "]


def test_mediawiki_jira_asciidoc_and_dokuwiki_line_breaks_in_a_cell():
    assert join_cell_notes("| 216<br />\n（其中当面申请172件）\n|-") == "| 216（其中当面申请172件）\n\n|-"
    assert join_cell_notes("| 行政许可 | 216\n（其中当面申请172件） |  |  |") == "| 行政许可 | 216（其中当面申请172件） |  |  |\n"
    assert join_cell_notes("|结果 | |8 +\n（含转办6件） |0 |8") == "|结果 | |8（含转办6件） |0 |8\n"
    assert join_cell_notes("|结果 | |8\\\\ （含转办6件）|0 |") == "|结果 | |8（含转办6件）|0 |"


def test_a_note_line_goes_on_with_values_after_spaces_where_the_writer_dropped_the_pipes():
    text = "三、本年度办理结果 (一)予以公开 8  \n（含转办6件） 0 0 — 0 0 8  \n（其中依申请6件）  "
    assert join_cell_notes(text) == "三、本年度办理结果 (一)予以公开 8（含转办6件） 0 0 — 0 0 8（其中依申请6件）  \n\n"


def test_an_org_note_row_joins_the_cells_above_it():
    text = "| 行政许可 | 216\\\\ |  |\n|          | （其中当面申请172件） |  |"
    assert join_cell_notes(text) == "| 行政许可 | 216（其中当面申请172件） |  |\n"


def test_a_laid_out_note_under_its_count_is_blanked_with_the_break_mark():
    text = "  行政许可   793\\   5\n             （其中依申请360件）"
    assert join_cell_notes(text) == "  行政许可   793    5\n"


@pytest.mark.parametrize("text", [
    "共收到申请12件。\n（其中网上申请5件）",  # prose: no line break inside a cell
    "| 行政许可 | 216 |\n（其中当面申请172件）",  # the row above is closed
    "| 行政许可 | 216 |  |\n|          | （其中当面申请172件） |  |",  # Org: no \\ under the note
    "| 规章 | 3  \n（其中规章5件）以及其他",  # the line goes on with text after the note, no cells
    "  行政许可   793\\   5\n        （其中依申请360件）",  # laid out: the note stands in no count's column
    # a layout text (pdfplumber) pads its lines and indents a cell's second line under its column
    "      规章      0       0  \n                  （含转办1件）        ",
])
def test_a_note_is_joined_only_where_the_markup_says_it_is_the_cell_s(text):
    assert join_cell_notes(text) == text


def test_a_mediawiki_caption_is_a_line_above_its_table_and_the_unit_row_a_row():
    text = "{|\n|+ 表二：主动公开政府信息情况\n! 单位：件\n!\n|-\n| 规章\n| 0\n|}"
    assert markup_tables_as_pipes(text).split("\n") == ["", "表二：主动公开政府信息情况", "| 单位：件 |  |", "", "",
                                                        "| 规章 | 0 |", "", ""]


@pytest.mark.parametrize("name,expected", [
    # before: MediaWiki's |+ caption joined the first row, the rows were uneven and the table was
    # read as lines: 1.7% of cells right, 1 wrong with a finding
    ("w8_mediawiki_caption.txt", "w8_caption.json"),
    # before: each note read as a sub-row or a value, the row's cells a column off (wrong with findings)
    ("w8_mediawiki_notes20.txt", "w8_notes20.json"), ("w8_markdown_notes20.md", "w8_notes20.json"),
    ("w8_jira_notes20.txt", "w8_notes20.json"), ("w8_asciidoc_notes20.txt", "w8_notes20.json"),
    ("w8_dokuwiki_notes20.txt", "w8_notes20.json"), ("w8_org_notes29.txt", "w8_notes29.json"),
    ("w8_pandoc_markdown_notes29.md", "w8_notes29.json"),
    # html2text without tables: the note line goes on with the row's values after spaces (before: 14 null)
    ("w8_html2text_notables_notes29.txt", "w8_notes29.json"),
])
def test_wild8_markup_renderings_read_exactly(name, expected):
    want = json.loads((FIXTURES / expected).read_text(encoding="utf-8"))
    score = score_report(want, parse(FIXTURES / name))
    assert score.right == score.cells, score.examples
    assert score.meta_right == score.meta


def test_a_tab_row_broken_inside_a_cell_joins_again() -> None:
    # a browser's copy (innerText): the cell's line break is the text's, and the row goes on after the note
    text = ("三、本年度办理结果\t(一)予以公开\t8\n（含转办6件）\t0\t0\t0\t0\t0\t8\n（其中依申请6件）\n"
            "(二)部分公开\t0\t0\t0\t0\t0\t0\t0")
    assert join_cell_notes(text).split("\n") == [
        "三、本年度办理结果\t(一)予以公开\t8（含转办6件）\t0\t0\t0\t0\t0\t8（其中依申请6件）", "", "",
        "(二)部分公开\t0\t0\t0\t0\t0\t0\t0"]


def test_a_note_after_a_tab_line_of_words_is_left() -> None:
    text = "说明\t本年度\n（含网上申请5件）\t0"
    assert join_cell_notes(text) == text
