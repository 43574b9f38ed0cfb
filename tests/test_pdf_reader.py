"""The PDF reader on PDFs made here: ruled tables with merged cells, a table broken over
two pages, an unruled table with multi-line labels, rotated pages, headers and footers."""

from __future__ import annotations

import pytest
from fixtures.pdf import build

from ogi.document import Paragraph, Table
from ogi.readers import read
from ogi.readers.pdf import read_pdf


@pytest.fixture(scope="module")
def ruled():
    return read_pdf(build.ruled_report())


def _tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows()]


def test_ruled_table_keeps_merged_cells_and_whole_labels(ruled):
    table = _tables(ruled)[0]
    cells = {c.text: c for c in table.cells}
    assert (cells["分类"].rowspan, cells["分类"].colspan) == (2, 2)
    assert (cells["数量"].rowspan, cells["数量"].colspan) == (1, 2)
    assert (cells["二、办理结果"].rowspan, cells["二、办理结果"].col) == (3, 0)
    assert build.LONG_LABEL in cells  # a label over two lines is one cell text
    assert _texts(table)[4] == [build.LONG_LABEL, "3", "2"]
    assert all(c.pos.page == 1 for c in table.cells)
    x0, top, x1, bottom = cells["12"].pos.bbox  # the cell's box on the page, in points from the top left
    assert x0 < x1 < 595 and top < bottom < 842 and (x0, x1) == (cells["3"].pos.bbox[0], cells["3"].pos.bbox[2])


def test_table_broken_over_pages_is_consecutive_tables_without_the_repeated_header(ruled):
    first, second = _tables(ruled)[1:3]
    assert _texts(first)[0] == build.HEADER[0]
    assert first.pos.page == 1 and second.pos.page == 2
    assert _texts(second)[0][0] != build.HEADER[0][0]  # the header printed again is dropped
    labels = [row[0] for t in (first, second) for row in _texts(t)[1:]] + [_texts(second)[0][0]]
    assert sorted(set(labels)) == sorted(f"第{i}项" for i in range(1, 41))
    values = {row[0]: row[1:] for t in (first, second) for row in _texts(t)}
    assert values["第40项"] == ["40", "80", "120"]


def test_paragraphs_in_reading_order_without_headers_or_page_numbers(ruled):
    kinds = ["T" if isinstance(b, Table) else b.text[:4] for b in ruled.blocks]
    assert kinds == ["一、总体", "本报告依", "T", "二、明细", "T", "T", "三、结语"]
    texts = [b.text for b in ruled.blocks if isinstance(b, Paragraph)]
    assert not any(build.RUNNING_HEADER in t or t.startswith("-") for t in texts)
    assert texts[1] == "本报告依据有关规定编制。" * 12  # wrapped lines joined into one paragraph
    assert ruled.blocks[-1].pos.page == 2
    assert ruled.blocks[1].pos.bbox[1] > ruled.blocks[0].pos.bbox[3]  # the paragraph is below the heading


def test_unruled_table_rows_from_word_positions():
    doc = read_pdf(build.unruled_report())
    (table,) = _tables(doc)
    rows = _texts(table)
    assert rows[0] == ["项目", "甲类", "乙类", "合计"]
    assert rows[1] == ["一、收到数量", "12", "0", "12"]
    # numbers beside the first, the middle and the last line of a three-line label
    assert rows[2] == [build.LONG_LABEL, "3", "1", "4"]
    assert rows[4] == [build.LONG_LABEL.replace("部分办理", "另行处理"), "7", "2", "9"]
    assert rows[5] == [build.LONG_LABEL.replace("部分办理", "转交处理"), "8", "3", "11"]
    assert rows[6] == ["（六）总计", "35", "6", "41"]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)][-1] == "四、其他事项。"


def test_rotated_pages_read_upright():
    doc = read_pdf(build.rotated_report())
    assert doc.blocks[0].text.startswith("旋转页面的第一行")
    (table,) = _tables(doc)
    assert _texts(table) == [["项目", "甲类", "乙类"], ["规章", "1", "2"], ["规范性文件", "3", "4"]]
    assert table.pos.page == 2
    assert table.cells[0].pos.bbox is None  # a box on a turned page would not be the stored page's


def test_dispatch_by_content():
    assert read(build.ruled_report(split_rows=3), "report.bin").format == "pdf"


def test_row_cut_by_the_page_is_joined():
    data = build.page_broken_table(filler=560)  # the long label's row breaks after its first lines
    doc = read_pdf(data)
    rows = [row for t in _tables(doc) for row in _texts(t)]
    label = next(r for r in rows if r[0].startswith("（九）"))
    assert label == ["（九）需要较长说明的一项：" + "很长的说明文字" * 6, "99"]
    assert not any(r[0].startswith("说明文字") for r in rows)


def test_group_label_cut_by_the_page_leaves_no_blank_cell():
    doc = read_pdf(build.page_broken_table(filler=620))
    _, second = _tables(doc)
    assert second.pos.page == 2 and _texts(second)[0] == ["第5项", "5"]
    assert [c.col for c in second.rows()[0]] == [1, 2]  # the group label's lower part is left out


def test_numbers_wrapped_in_a_narrow_cell_are_whole():
    (table,) = _tables(read_pdf(build.split_numbers()))
    assert _texts(table) == [["项目", "金额"], ["收费", "1074931.25"], ["处罚", "3985758"]]


def test_cells_from_intersections_are_pdfplumbers_cells():
    # pdf_grid finds cells with pdfplumber's algorithm, its edge sets built once: the same
    # cells in the same order as pdfplumber's own function, on every page of a ruled report
    # with merged cells and a table broken by the page
    from pdfplumber.table import edges_to_intersections, merge_edges
    from pdfplumber.table import intersections_to_cells as plumbers

    from ogi.readers.pdf import _pdfium_pages
    from ogi.readers.pdf_grid import SNAP, intersections_to_cells

    contents, _ = _pdfium_pages(build.report_2021())
    compared = 0
    for page in contents:
        points = edges_to_intersections(merge_edges(page.edges, SNAP, SNAP, SNAP, SNAP), SNAP, SNAP)
        ours = intersections_to_cells(points)
        assert ours == plumbers(points)
        compared += len(ours)
    assert compared > 100


def test_a_label_cut_by_the_page_inside_a_lower_frame_keeps_its_own_cell():
    """WeasyPrint draws the table's border round its part on the page, below the last row
    that fits: the label columns cut by the page have no bottom line of their own (their
    rows go on overleaf), the value columns do. The open ends are joined up to the frame, so the
    label is one cell beside its rows, not a cell the size of the table holding every value."""
    from ogi.readers.pdf_grid import ruled_tables
    from ogi.readers.pdf_page import Fragment, PageContent, edge

    left, label, right, frame_bottom = 74.0, 121.0, 521.0, 786.0
    rows = [115.0, 174.0, 283.0, 762.0]
    cols = [label, 171.0, 299.0, 410.0, right]
    edges = [edge(left, 56.0, left, frame_bottom), edge(right, 56.0, right, frame_bottom),
             edge(left, frame_bottom, right, frame_bottom), edge(left, 56.0, right, 56.0), edge(left, 115.0, right, 115.0)]
    edges += [edge(x, 115.0, x, 762.0) for x in cols[:-1]]
    edges += [edge(label, y, right, y) for y in rows[1:-1]]
    edges.append(edge(171.0, 762.0, right, 762.0))  # the value rows close; the two label columns do not
    words = [Fragment("三、", 80, 120, 100, 130), Fragment("26", 300, 120, 312, 130), Fragment("26", 420, 120, 432, 130),
             Fragment("0", 300, 180, 306, 190), Fragment("0", 420, 290, 426, 300)]
    (placed,), _ = ruled_tables(PageContent(6, 595.0, 842.0, words, edges))
    cell = next(c for c in placed.table.cells if c.text == "三、")
    assert (cell.rowspan, cell.pos.bbox[3]) == (3, 762.0)
    assert [c.text for c in placed.table.rows()[0] if c.text] == ["三、", "26", "26"]
