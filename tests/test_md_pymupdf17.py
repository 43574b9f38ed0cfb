"""pymupdf4llm's Markdown and HTML, and pymupdf's table CSV, of wild4's PDFs (round 2, seventeenth
session): empty columns beside a header (readers/md_emptycols.py), cells of two values and a
footnote mark wrapped (readers/wrapped.py, pandoc_marks.py), table 三 turned over with its
header lost (readers/md_turned.py), HTML cells of two numbers (readers/md_guessed.py) and the
picture text printing a table's rows twice (readers/md_picture.py). The whole-report
fixtures are wild4's (fresh10, seed 9200): each was read with wrong numbers (with findings) or
refused before."""

from __future__ import annotations

from pathlib import Path

from grid_support import grid_of, table_of

from ogi import parse
from ogi.document import Paragraph
from ogi.readers.md_emptycols import join_empty_columns
from ogi.readers.md_guessed import guessed_grids_as_lines
from ogi.readers.md_picture import drop_repeated_rows
from ogi.readers.md_turned import turn_headerless_table3
from ogi.readers.pandoc_marks import _joined_cells
from ogi.readers.wrapped import wrapped_number

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


_table, _grid = table_of, grid_of


def _row(*values: int) -> dict[str, int]:
    return dict(zip(APPLICANTS, values))


# ---------------------------------------------------------------- md_emptycols

HEADER_T2 = ["", "信息内容", "本年制发件数", "", "本年废止件数", "", "现行有效件数", ""]


def test_a_header_beside_its_values_is_joined_to_them():
    """wild4 00005: each header stands one column left of its values; three filled columns for
    规章's three cells — each empty column between the first value and the last is joined to
    the filled one right of it (those before the first value are the labels' side)."""
    table = _table([HEADER_T2, ["规章", "", "", "0", "", "0", "", "27"], ["行政规范性文件", "", "", "5", "", "0", "", "29"]])
    out = _grid(join_empty_columns(table))
    assert out[0] == [(0, "", 1), (1, "信息内容", 1), (2, "本年制发件数", 1), (3, "", 1), (4, "本年废止件数", 2),
                      (6, "现行有效件数", 2)]
    assert out[1] == [(0, "规章", 1), (1, "", 1), (2, "", 1), (3, "0", 1), (4, "0", 2), (6, "27", 2)]


def test_a_blank_value_column_is_no_empty_column_of_the_guess():
    """Two filled columns for a row of three cells: the empty one is the report's blank column."""
    table = _table([HEADER_T2[:6], ["规章", "", "0", "", "", "7"], ["行政规范性文件", "", "0", "", "", "9"]])
    assert join_empty_columns(table) is table


def test_a_part_of_one_data_row_is_left():
    table = _table([HEADER_T2, ["规章", "", "", "0", "", "0", "", "27"]])
    assert join_empty_columns(table) is table


def test_rows_naming_no_template_row_are_left():
    table = _table([HEADER_T2, ["甲", "", "", "0", "", "0", "", "27"], ["乙", "", "", "5", "", "0", "", "29"]])
    assert join_empty_columns(table) is table


def test_stacked_headers_beside_their_values_read_exactly():
    """wild4 00027 (pymupdf4llm): 科研机构's header lost, an empty column before its values —
    总计 was read 0 in 23 rows (the last value left over)."""
    report = parse(FIXTURES / "pymupdf4llm_header_beside_values.md")
    assert report.table3["new_received"] == _row(2783, 0, 0, 0, 0, 0, 2783)
    assert report.table3["total"] == _row(2717, 0, 0, 0, 0, 0, 2717)


def test_stacked_headers_of_table_2_read_exactly():
    """wild4 00005 (pymupdf4llm): 现行有效件数 was read 0 (27 left over)."""
    report = parse(FIXTURES / "pymupdf4llm_header_beside_values_t2.md")
    assert report.table2["regulations"] == {"issued": 0, "repealed": 0, "in_force": 27}
    assert report.table2["normative_documents"] == {"issued": 5, "repealed": 0, "in_force": 29}
    assert report.table3["granted"] == _row(26, 0, 0, 0, 0, 0, 26)


# ---------------------------------------------------------------- wrapped numbers and marks

def test_no_wrapped_number_begins_with_a_zero():
    assert wrapped_number(["0", "4"]) is None
    assert wrapped_number(["０", "０"]) is None
    assert wrapped_number(["1", "0"]) == "10"
    assert wrapped_number(["14", "28"]) == "1428"


def test_a_row_with_a_cell_of_several_values_joins_none_of_its_cells():
    """wild4 00030: ``0<br>1`` is two values, so ``1<br>0`` in its row is read as its lines too."""
    assert _joined_cells("|一、本年新收|1<br>0|0|0|0|0<br>1|") == "|一、本年新收|1<br>0|0|0|0|0<br>1|"
    assert _joined_cells("|一、本年新收|1<br>0|0|") == "|一、本年新收|10|0|"


def test_a_footnote_mark_wrapped_onto_its_own_lines_is_joined_to_its_number():
    assert _joined_cells("|a|0<br>注<br>1|0①|") == "|a|0注1|0①|"
    assert _joined_cells("|a|12<br>*|") == "|a|12*|"
    assert _joined_cells("|a|0<br>x<br>5|") == "|a|0<br>x<br>5|"  # 0x5 reads as no number


def test_two_values_in_a_cell_beside_merged_zero_rows_read_exactly():
    """wild4 00030 (pymupdf4llm): ``1<br>0`` was read 10 under 自然人 and ``0<br>1`` 1 under 其他."""
    report = parse(FIXTURES / "pymupdf4llm_two_values_a_cell.md")
    assert report.table3["new_received"] == _row(1, 0, 0, 0, 0, 0, 1)
    assert report.table3["total"] == _row(1, 0, 0, 0, 0, 0, 1)


def test_a_wrapped_footnote_mark_reads_exactly():
    """wild4 00014 (pymupdf4llm): ``0<br>注<br>1`` is 0 with its mark (its 1 was read as 总计)."""
    report = parse(FIXTURES / "pymupdf4llm_wrapped_footnote.md")
    assert report.table3["new_received"] == _row(0, 0, 0, 0, 0, 0, 0)


# ---------------------------------------------------------------- md_turned

TURNED = [["自然人", "9", "0", "5"], ["商业企业", "0", "0", "0"], ["科研机构", "0", "0", "0"],
          ["社会公益组织", "0", "0", "0"], ["法律服务机构", "0", "0", "0"], ["其他", "0", "0", "0"],
          ["总计", "9", "0", "5"]]


def test_seven_applicant_rows_of_23_values_are_turned_back():
    rows = [[label] + values + ["0"] * 20 for label, *values in TURNED]
    out = _grid(turn_headerless_table3(_table([["表头"]] + rows + [["其后"]])))
    assert out[1] == [(c, label, 1) for c, label in enumerate(r[0] for r in TURNED)]
    assert out[2] == [(c, v, 1) for c, v in enumerate(["9", "0", "0", "0", "0", "0", "9"])]
    assert out[4] == [(c, v, 1) for c, v in enumerate(["5", "0", "0", "0", "0", "0", "5"])]
    assert len(out) == 1 + 1 + 23 + 1 and out[-1] == [(0, "其后", 1)]


def test_applicant_rows_of_another_count_or_beside_outcome_labels_are_left():
    short = _table([[label] + values for label, *values in TURNED])
    assert turn_headerless_table3(short) is short
    labelled = _table([["", "一、本年新收政府信息公开申请数量"]] + [[label] + values + ["0"] * 20 for label, *values in TURNED])
    assert turn_headerless_table3(labelled) is labelled


def test_a_turned_table_3_without_its_header_reads_exactly():
    """wild4 00013: pymupdf4llm's Markdown and pymupdf's table CSV keep only the applicant rows."""
    for name in ("pymupdf4llm_turned_headerless.md", "pymupdf_tables_turned_headerless.csv"):
        report = parse(FIXTURES / name)
        assert report.table3["new_received"] == _row(9, 0, 0, 0, 0, 0, 9), name
        assert report.table3["granted"] == _row(5, 0, 0, 0, 0, 0, 5), name
        assert report.table3["unable.needs_creation"] == _row(2, 0, 0, 0, 0, 0, 2), name
        assert report.table3["total"] == _row(9, 0, 0, 0, 0, 0, 9), name


# ---------------------------------------------------------------- HTML of guessed columns, picture text

def test_an_html_table_with_two_numbers_in_a_cell_is_read_as_lines():
    table = _table([["", "行政复议", "行政诉讼"], ["改进情况", "2 2 13", "0 0 0"]])
    out = guessed_grids_as_lines([table])
    assert [b.text for b in out if isinstance(b, Paragraph)] == ["行政复议 行政诉讼", "改进情况 2 2 13 0 0 0"]
    spaced = _table([["规章", "1 234"]])
    assert guessed_grids_as_lines([spaced])[0] is spaced


def test_a_guessed_html_table_4_is_null_not_misplaced():
    """wild4 00026 (pymupdf4llm_html): nine numbers under fifteen columns; 2 and 13 were read as
    复议's 结果维持 and 其他结果."""
    report = parse(FIXTURES / "pymupdf4llm_html_guessed_cells.md")
    assert all(v is None for block in report.table4.values() for v in block.values())
    assert any(f.where and f.where.startswith("table4") for f in report.findings)


def test_picture_text_lines_a_table_prints_too_are_dropped():
    page = ("<!-- Start of picture text -->\n规章 0 0 7<br>⼀、本年新收政府信息公开申请数量 0 0<br>"
            "二、上年结转政府信息公开申请数量 5 5<!-- End of picture text -->\n"
            "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>0</td><td>0</td></tr>"
            "<tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td></tr></table>")
    out = drop_repeated_rows(page.encode()).decode()
    assert "规章 0 0 7<br>二、上年结转政府信息公开申请数量 5 5<!--" in out  # 二's numbers differ: kept
    assert "⼀、本年新收" not in out
    assert drop_repeated_rows(b"<p>no picture</p>") == b"<p>no picture</p>"


def test_a_picture_over_table_3_no_longer_makes_two_reports():
    """wild4 00037 (pymupdf4llm_html): refused as two reports; now read whole."""
    report = parse(FIXTURES / "pymupdf4llm_html_picture_twice.md")
    assert report.table3["new_received"] == _row(0, 0, 0, 0, 0, 0, 0)
    assert report.table3["carried_forward"] == _row(0, 0, 0, 0, 0, 0, 0)


def test_a_turned_table_cut_at_a_page_keeps_its_header_for_the_extractor():
    # wild4 00021 in HTML: table 三 turned over and cut at a page break, its outcome labels in
    # the first table, the seven applicant rows in the next; turned here without that header
    # its 161 cells were lost — extract.rows_turned.flat_turned_split reads the two as one
    import json
    from pathlib import Path

    from ogi import parse

    folder = Path(__file__).parent / "fixtures" / "wild4"
    report = parse((folder / "turned_cut_at_a_page.html").read_bytes(), name="page.html")
    expected = json.loads((folder / "turned_cut_at_a_page.json").read_text(encoding="utf-8"))["table3"]
    assert report.table3 == expected
