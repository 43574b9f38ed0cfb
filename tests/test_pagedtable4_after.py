"""Table 四's last values printed after the next section's heading, as poppler's reading order
prints Word's PDF (``word_pdftotext``: LibreOffice's PDF of the report's DOCX, read by
``pdftotext``) — ``ogi.extract.pagedtable4``, step 5. The excerpts are cut from wild5's and
wild4's ``word_pdftotext`` (``ogi synth --formats wild5_html --shapes word_pdftotext``); each
test pins exact values, and the rule's part is shown by switching it off."""

from __future__ import annotations

from ogi import parse
from ogi.extract import pagedtable4

# wild5 00006: fourteen zeros, 复议后起诉's 总计 with no value after it, the fifteenth zero
# after section 五's first paragraph
AFTER_A_PARAGRAPH = (
    "四、政府信息公开行政复议、行政诉讼情况|行政复议||行政诉讼||结果|维持||结果|纠正||其他|结果||尚未|审结||总计||"
    "0||0||0||0||0||结果|维持|0||未经复议直接起诉|结果 其他 尚未|纠正 结果 审结|0|0|0||总计|0||结果|维持|0||"
    "复议后起诉|结果 其他 尚未|纠正 结果 审结|0|0|0||总计||五、存在的主要问题及改进情况|"
    "2024 年，我局政府信息公开工作取得了一定成效，但仍存在公开内容不够全面、解读形式较|为单一等问题。||0||"
    "2025 年，我们将进一步拓展公开深度和广度，丰富政策解读形式，提升政府信息公开工作质|量。|六、其他需要报告的事项|"
)
# wild4 00009 (pdftotext, table 四 turned: a row per result): 五's heading after nine zeros
HEADING_AMONG_THE_ROWS = (
    "四、政府信息公开行政复议、行政诉讼情况|类别||行政复议|未经复议直接起诉|复议后起诉||结果维持||0|0|0||"
    "结果纠正||0|0|0||其他结果||0|0|0||尚未审结||五、存在的主要问题及改进情况||0|0|0||总计||0|0|0||"
    "2020年，本机关政府信息公开工作取得了一定成效。|六、其他需要报告的事项|"
)
TITLE = "某县人民政府2024年政府信息公开工作年度报告"


def _text(excerpt: str) -> str:
    # a form feed ends the title's page: the text is poppler's, cut into pages
    return TITLE + "\n\x0c" + excerpt.replace("|", "\n") + "\n"


def _table4(text: str) -> dict[str, list]:
    report = parse(text.encode(), name="page.txt")
    return {key: list(cells.values()) for key, cells in report.table4.items()}


def test_the_fifteenth_zero_after_the_next_sections_paragraph_completes_the_table(monkeypatch):
    text = _text(AFTER_A_PARAGRAPH)
    out = pagedtable4.rejoin_paged_table4(text, None)
    assert "\t".join(["0"] * 15) in out
    assert "为单一等问题。\n\n\n\n2025 年" in out  # the stray zero's line left empty
    assert out.count("\n") == text.count("\n") and out.count("\x0c") == text.count("\x0c")
    assert _table4(text) == {"review": [0] * 5, "litigation_direct": [0] * 5, "litigation_after_review": [0] * 5}
    monkeypatch.setattr(pagedtable4, "_with_values_after", lambda text: text)
    assert _table4(text)["litigation_after_review"] == [None] * 5


def test_the_next_heading_printed_among_the_rows_leaves_the_rest_to_its_section():
    text = _text(HEADING_AMONG_THE_ROWS)
    assert _table4(text) == {"review": [0] * 5, "litigation_direct": [0] * 5, "litigation_after_review": [0] * 5}


def test_a_value_outside_the_table_that_is_not_zero_leaves_it_as_printed():
    """Fifteen values, but one of them 2: no order of them holds every sum, so none is read."""
    text = _text(AFTER_A_PARAGRAPH.replace("为单一等问题。||0||", "为单一等问题。||2||"))
    assert pagedtable4.rejoin_paged_table4(text, None) == text


def test_one_value_too_many_or_too_few_outside_the_table_leaves_it_as_printed():
    for stray in ("0||0", ""):
        text = _text(AFTER_A_PARAGRAPH.replace("为单一等问题。||0||", f"为单一等问题。||{stray}||"))
        assert pagedtable4.rejoin_paged_table4(text, None) == text


def test_a_table_that_is_not_all_zeros_is_not_completed_from_outside():
    text = _text(AFTER_A_PARAGRAPH.replace("||0||0||0||0||0||结果|维持", "||1||0||0||0||1||结果|维持"))
    assert pagedtable4.rejoin_paged_table4(text, None) == text


def test_a_text_without_page_ends_is_left_as_printed():
    text = _text(AFTER_A_PARAGRAPH).replace("\x0c", "")
    assert pagedtable4.rejoin_paged_table4(text, None) is text
