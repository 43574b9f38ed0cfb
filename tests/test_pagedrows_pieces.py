"""Table 三 in poppler's reading order of LibreOffice's PDF: a row label's piece and its row's
first cells on one line (extract/pagedrows._label_then_cells).

The fixture is ``pdftotext`` (no ``-layout``) of LibreOffice's PDF of the unseen wild4 report
00011 (split_prose): table 三 one value a line, its labels displaced, and five lines where a
label's piece shares its row's baseline with cells of that row (``3.危及“三安全一稳 1``,
``7.属于行政执法案卷 1``, ``四、结转下年度继续办理 2 0 0 0 0 0 2``). The reader of such tables
refused the whole table at the first of those lines, and the aligner left 15 rows null."""

from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.pagedrows import _label_then_cells

FIXTURE = Path(__file__).parent / "fixtures" / "readorder" / "office_pdftotext_label_pieces_wild4.txt"
ONE = {"commercial": 0, "research": 0, "social_welfare": 0, "legal_service": 0, "other_org": 0}


def _parse(text: str):
    return parse(text.encode("utf-8"), name="page.txt")


@pytest.mark.parametrize(("line", "piece", "numbers"), [
    ("4.保护第三方合法权 0", "4.保护第三方合法权", [0]),
    ("(四)无 1.本机关不掌握相关政府 0", "(四)无 1.本机关不掌握相关政府", [0]),
    ("或重新出具已获取信 1", "或重新出具已获取信", [1]),
    ("四、结转下年度继续办理 2 0 0 0 0 0 2", "四、结转下年度继续办理", [2, 0, 0, 0, 0, 0, 2]),
])
def test_a_label_piece_then_its_rows_cells(line, piece, numbers):
    assert _label_then_cells(line) == (piece, numbers)


@pytest.mark.parametrize("line", [
    "6.属 7.属 8",        # a header's pieces, one character of a label a line
    "商业企业 0",          # no row of table 三 (a turned table's row)
    "0① 0",               # a number with a footnote mark
    "申 自然人 0",
    "四、结转下年度继续办理 2 0 0 0 0",  # five numbers: neither a row's first cells nor its row
])
def test_anything_else_leaves_the_table_as_printed(line):
    assert _label_then_cells(line) == (None, [])


def test_the_table_is_read_whole():
    report = _parse(FIXTURE.read_text(encoding="utf-8"))
    assert report.table3["denied.security_stability"] == {"natural_person": 1, **ONE, "total": 1}
    assert report.table3["denied.enforcement_file"] == {"natural_person": 1, **ONE, "total": 1}
    assert report.table3["total"] == {"natural_person": 69, **ONE, "total": 69}
    assert report.table3["carried_forward"] == {"natural_person": 2, **ONE, "total": 2}
    assert not [f for f in report.findings if (f.where or "").startswith("table3")]


def test_a_piece_that_names_no_row_leaves_the_table_to_the_aligner():
    text = FIXTURE.read_text(encoding="utf-8").replace("7.属于行政执法案卷 1", "7.属 1")
    report = _parse(text)
    assert report.table3["denied.enforcement_file"]["natural_person"] is None
