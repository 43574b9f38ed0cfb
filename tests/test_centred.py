"""A row whose values stand beside the middle line of its three-line label (extract/centred.py).

The texts are pdfplumber's ``extract_text`` of paged PDFs of the matrix's reports
(``ogi synth --shapes paged_pdfplumber_text``), and PDFium's / poppler's of the same."""

from __future__ import annotations

from ogi.extract.centred import rejoin_centred_rows

# synth100 00064: the group cell 三、本年度办理结果 wraps beside the row, its pieces on lines of their own
PLUMBER = """三、本 (一)予以公开 83 0 0 0 0 0 83
年度办
(二)部分公开(区分处理的,
理结果
只计这一情形,不计其他情 22 0 0 0 0 0 22
形)
(三) 1.属于国家秘密 0 0 0 0 0 0 0"""


def test_the_label_is_joined_on_the_middle_line_and_its_other_lines_emptied():
    out = rejoin_centred_rows(PLUMBER).split("\n")
    assert out[4] == "(二)部分公开(区分处理的,只计这一情形,不计其他情形) 22 0 0 0 0 0 22"
    assert out[2] == out[5] == ""
    assert out[3] == "理结果"  # the group cell's piece stays where it was
    assert len(out) == len(PLUMBER.split("\n"))


def test_a_label_with_no_piece_between_its_lines():
    """samples/docx_docx: no group cell beside the row."""
    text = "（二）部分公开（区分处理\n的，只计这一情形，不计其他 0 0 0 0 0 0 0\n情形）\n1.属于国家秘密 0 0 0 0 0 0 0"
    out = rejoin_centred_rows(text).split("\n")
    assert out[1] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0"


def test_the_middle_words_may_be_the_group_cell_and_the_label_two_lines():
    """synth100 00015 (a label printed without its numbering): 无法提供 is the group cell's
    text beside the values; the label is the lines above and below. In ``pdftotext -layout``
    the values stand apart by several spaces: they are written one space apart."""
    text = ("           2.没有现成信息需要另行\n"
            "    无法提供                       0   0    0     0   0   0   0\n"
            "           制作\n"
            "           3.补正后申请内容仍不明")
    out = rejoin_centred_rows(text).split("\n")
    assert out[1] == "2.没有现成信息需要另行制作 0 0 0 0 0 0 0"
    assert out[0] == out[2] == ""


def test_a_label_whose_lines_make_no_template_label_is_left():
    text = PLUMBER.replace("形)", "形)等")
    assert rejoin_centred_rows(text) is text


def test_a_line_between_that_is_no_group_piece_is_left():
    text = PLUMBER.replace("理结果", "备注")
    assert rejoin_centred_rows(text) is text


def test_a_row_with_the_wrong_number_of_values_is_left():
    text = PLUMBER.replace("22 0 0 0 0 0 22", "22 0 0 0 0 22")
    assert rejoin_centred_rows(text) is text


def test_a_complete_label_above_keeps_its_next_line_for_the_next_row():
    """The first two lines already a row label: the third line is the next row's."""
    text = "1.属于国家秘密\n0 0 0 0 0 0 0\n2.其他法律行政法规禁止公开 0 0 0 0 0 0 0"
    assert rejoin_centred_rows(text) is text


def test_a_text_with_no_such_line_is_returned_as_it_is():
    text = "一、总体情况\n2023年,本机关收到申请26件。\n"
    assert rejoin_centred_rows(text) is text


def test_values_alone_on_the_middle_line_and_a_variant_label_the_template_lists():
    """synth100 00039 (html_variants): ``2.其他法律法规禁止公开`` is the template's variant of
    ``2.其他法律行政法规禁止公开``; 开 is the last piece of the group cell (三)不予公开."""
    text = "2.其他法律法规\n0 0 0 0 0 0 0\n开\n禁止公开\n3.危及“三安全"
    out = rejoin_centred_rows(text).split("\n")
    assert out[1] == "2.其他法律法规禁止公开 0 0 0 0 0 0 0"
    assert out[0] == out[3] == "" and out[2] == "开"


def test_a_two_line_label_each_line_begun_by_a_piece_of_the_group_cell():
    """``pdftotext -layout`` of synth100 00035: 度办 and 理结 are pieces of 本年度办理结果 (the
    variant of 三、本年度办理结果) printed at the start of the label's lines."""
    text = ("本年 予以公开                       9    0    0    0   0   0   9\n"
            "度办 部分公开(区分处理的,只计这\n"
            "理结 一情形,不计其他情形)                 7   0    0   0    0   0   7\n\n果")
    out = rejoin_centred_rows(text).split("\n")
    assert out[1] == "度办"
    assert out[2] == "理结 部分公开(区分处理的,只计这一情形,不计其他情形) 7 0 0 0 0 0 7"


def test_pieces_of_no_one_group_label_are_left():
    text = "度办 部分公开(区分处理的,只计这\n备注 一情形,不计其他情形)   7   0   0   0   0   0   7"
    assert rejoin_centred_rows(text) is text
