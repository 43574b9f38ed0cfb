"""An index number a laid-out text printed with gaps inside (poppler's ``pdftohtml -c`` places the
letters and the digits of ``11YGUGGHJW1N4N0B2B/2026-15591`` in two fonts, and the layout text
leaves a gap where the fonts change): joined where the pieces make one number of the format's
shape (organ code / year - sequence), as found where the first piece is one or other text follows."""

from __future__ import annotations

import pytest

from ogi.extract.meta import read_meta


def _index(line: str) -> str | None:
    return read_meta(["某县某局2024年政府信息公开工作年度报告", line, "一、总体情况"]).index_number


@pytest.mark.parametrize("line, number", [
    ("索引号:11YGUGGHJW   1N4N0B2B/2026-15591", "11YGUGGHJW1N4N0B2B/2026-15591"),
    ("索引号:11RTL2TKU  48AWNT  942/2026-38345", "11RTL2TKU48AWNT942/2026-38345"),
    ("索引号:11B95JXKALHGCK   4AHH/  2023-74114", "11B95JXKALHGCK4AHH/2023-74114"),
    ("索引号:11RYJ0290J0J9LCUYM/  2026-82211", "11RYJ0290J0J9LCUYM/2026-82211"),
])
def test_the_pieces_of_a_cut_index_number_are_joined(line, number):
    assert _index(line) == number


@pytest.mark.parametrize("line, number", [
    ("索引号：000014349/2024-00012  发布机构：某县某局", "000014349/2024-00012"),  # whole, a label after it
    ("索引号：ABC123 2024/01/15", "ABC123"),  # a date after it is no piece of it
    ("索引号：ABC123 2024-01-15", "ABC123"),
    ("索引号：XM00100-0200-2024-00001", "XM00100-0200-2024-00001"),  # another shape, whole
    ("索引号：11320000014000000K/2024-00015   12", "11320000014000000K/2024-00015"),
])
def test_an_index_number_of_its_shape_or_one_followed_by_other_text_stays(line, number):
    assert _index(line) == number
