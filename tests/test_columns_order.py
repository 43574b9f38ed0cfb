"""Table 二 read as column stacks only where its row labels print in the template's order
(``ogi.extract.columns.read_by_stacks``): a stack's values stand beside the labels as
printed, and table 二 has no identity to notice two rows read into each other."""

from __future__ import annotations

from pathlib import Path

from ogi import parse

FIXTURE = Path(__file__).parent / "fixtures" / "reordered" / "pdftotext_table2_rows_swapped.txt"


def test_table_二_with_two_pairs_of_rows_swapped_is_not_read_by_the_templates_order():
    # pdftotext of wild5 00002 (seventeenth session): 行政规范性文件 printed above 规章 and
    # 行政强制 above 行政处罚, then the values column by column (现行有效件数 1 3, 处理决定
    # 36 14 142); read in the template's order 规章 had 1 and 行政处罚 14, with no finding
    report = parse(FIXTURE.read_bytes(), name="pdftotext.txt")
    assert report.table2["regulations"]["in_force"] is None
    assert report.table2["punishment"]["decisions"] is None
    assert report.table2["coercion"]["decisions"] is None
    wrong = {(row, col) for row, cells in report.table2.items() for col, v in cells.items()
             if v is not None and v != {"regulations": {"in_force": 3}, "normative_documents": {"in_force": 1},
                                        "licensing": {"decisions": 36}, "punishment": {"decisions": 142},
                                        "coercion": {"decisions": 14}, "fees": {"amount": 6.57}}
             .get(row, {}).get(col, v)}
    assert wrong == set()
    assert "行“规章”出现在不应出现的位置,已忽略" in [f.message for f in report.findings]
