"""A Markdown writer's backslash escapes, taken off before a text is read
(readers/md_escapes.py).

The fixture is mammoth's Markdown of a report's office DOCX (``ogi synth --shapes
mammoth_markdown`` of a wild5 page): no pipe tables, a table cell a paragraph, and every
ASCII punctuation mark of the text escaped — ``1\\.属于国家秘密``, ``\\(一\\)予以公开``."""

from __future__ import annotations

import json
from pathlib import Path

from ogi import parse
from ogi.readers.md_escapes import unescaped_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def _flat(table: dict) -> dict:
    return {f"{r}.{c}": v for r, cells in table.items() for c, v in cells.items()}


def test_mammoths_escaped_numbering_and_brackets_read_as_printed():
    assert unescaped_markdown("1\\.属于国家秘密") == "1.属于国家秘密"
    assert unescaped_markdown("\\(一\\)予以公开") == "(一)予以公开"
    assert unescaped_markdown("发布日期:2025\\-01\\-31") == "发布日期:2025-01-31"


def test_an_escaped_backslash_is_one_backslash_and_escapes_nothing_after_it():
    assert unescaped_markdown("a\\\\(b") == "a\\(b"


def test_an_escaped_pipe_and_a_backslash_before_no_punctuation_are_left():
    text = "| 规章 \\| 注 | 0 |\nD:\\报告\\2024\\n 行尾\\\n"
    assert unescaped_markdown(text) == text


def test_a_text_without_a_backslash_is_the_same_object():
    text = "（一）予以公开\t11"
    assert unescaped_markdown(text) is text


def test_mammoth_markdown_of_a_report_reads_every_cell():
    report = parse(FIXTURES / "mammoth_cells_escaped.md")
    want = json.loads((FIXTURES / "mammoth_cells_escaped.json").read_text(encoding="utf-8"))
    for table in ("table2", "table3", "table4"):
        assert _flat(getattr(report, table)) == _flat(want[table]), table
    assert report.table3["denied.state_secret"]["total"] == 0
    assert report.table3["unable.not_held"]["natural_person"] == 4
    assert not [f for f in report.findings if "出现在不应出现的位置" in f.message]
