"""A cell printing its count and, under it, a breakdown of that count in brackets
(``198<br>（含网上申请120件）``, ``15（其中依申请6件）``): the note is a part of the count, no
cell of its own (extract/tokens.py, ``_COMPARISON_NOTE``). Read as a value, its number took
the next cell's place and the row's values moved a column on (wild8 ``cell_notes``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.tokens import split_free_text

PAGE = Path(__file__).parent / "fixtures" / "html" / "2021_nonzero_cms.html"
CELLS = ('<td align="center" valign="middle">198</td>\n    <td align="center" valign="middle">15</td>')


@pytest.mark.parametrize("note", ["<br>（含网上申请12件）", "<br>（其中依申请6件）", "（包括转办3件）", "<br/>(含当面申请 9 件)"])
def test_a_breakdown_under_a_count_is_no_cell(note: str) -> None:
    html = PAGE.read_text(encoding="utf-8")
    assert CELLS in html
    noted = html.replace(CELLS, CELLS.replace("198</td>", f"198{note}</td>").replace(">15<", f">15{note}<"))
    want, got = parse(html.encode("utf-8"), name="r.html"), parse(noted.encode("utf-8"), name="r.html")
    assert got.table3 == want.table3
    assert got.table3["granted"]["natural_person"] == 198 and got.table3["granted"]["commercial"] == 15
    assert not [f for f in got.findings if f.code in ("TEMPLATE_DEVIATION", "ROW_AMBIGUOUS")]


def test_a_breakdown_in_running_text_is_blanked() -> None:
    pieces = [p for p in split_free_text("（一）予以公开 8（含转办6件） 0 0 8（其中依申请6件）") if p[0] == "num"]
    assert [p[3] for p in pieces] == [8, 0, 0, 8]


def test_a_bracketed_label_after_a_count_stays_a_label() -> None:
    pieces = [p for p in split_free_text("0 0 0（三）不予公开 1.属于国家秘密 0") if p[0] == "num"]
    assert [p[3] for p in pieces] == [0, 0, 0, 0]


def test_a_breakdown_larger_than_its_count_is_no_cell_either() -> None:
    html = PAGE.read_text(encoding="utf-8")
    noted = html.replace(CELLS, CELLS.replace(">15<", ">15（含网上申请30件）<"))
    got = parse(noted.encode("utf-8"), name="r.html")
    assert got.table3 == parse(html.encode("utf-8"), name="r.html").table3  # the cell states 15; 30 is no cell
    assert got.table3["granted"]["commercial"] == 15
