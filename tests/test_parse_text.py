"""Text reports parse to their expected values: the seeds (every flattening they show)
and the crawler shapes (a table on one line, cells separated by spaces or glued)."""

from __future__ import annotations

import pytest

from expected import FIXTURES, SEEDS, cases, differences
from ogi import parse

CHECK_FINDINGS = {"CELL_AMBIGUOUS", "ROW_LABEL_MISSING", "SECTION_MISSING", "CELL_TEXT", "CELL_BLANK"}


@pytest.mark.parametrize("path,expected", cases(SEEDS) + cases(FIXTURES / "txt"), ids=lambda p: p.stem)
def test_values_and_meta(path, expected):
    wrong = [w for w in differences(expected, parse(path))
             if not w.startswith("finding") or any(c in w for c in CHECK_FINDINGS)]
    assert wrong == []


def test_seed_000_places_the_row_whose_label_is_lost():
    report = parse(SEEDS / "000_231d42344d228242.txt")
    lost = [f for f in report.findings if f.code == "ROW_LABEL_MISSING"]
    assert [f.where for f in lost] == ["table3.denied.prohibited_by_law"]
    assert lost[0].line == 40  # the line with numbers and no label
    assert report.provenance["table3.denied.prohibited_by_law.total"]["line"] == 40


def test_seed_000_amount_with_unit_in_cell():
    report = parse(SEEDS / "000_231d42344d228242.txt")
    assert report.table2["procurement"] == {"projects": 9, "amount": 1428.9}
    assert report.provenance["table2.procurement.amount"]["text"] == "1428.9万元"


def test_seed_001_text_and_blank_cells_are_null_with_findings():
    report = parse(SEEDS / "001_dab922a29014b33d.txt")
    assert report.table2["normative_documents"] == {"issued": None, "repealed": None, "in_force": None}
    text = next(f for f in report.findings if f.code == "CELL_TEXT")
    assert "由市司法局填报" in text.message and text.where == "table2.normative_documents"
    assert report.provenance["table2.normative_documents.issued"]["text"] == "由市司法局填报"
    blank = next(f for f in report.findings if f.code == "CELL_BLANK")
    assert blank.where == "table2.fees.amount"


def test_2021_other_is_derived_from_its_subrows():
    report = parse(SEEDS / "004_3f0a03dfd5eda10b.txt")
    assert report.table3["other"]["total"] == 0
    assert report.provenance["table3.other.total"]["derived"] is True
    keys = list(report.table3)
    assert keys.index("other") == keys.index("other.no_correction") - 1


def test_every_template_key_is_present_even_when_null():
    report = parse(SEEDS / "001_dab922a29014b33d.txt")
    from ogi.model import empty_tables

    blank = empty_tables("2021")
    for table in ("table2", "table3", "table4"):
        assert {r: set(c) for r, c in getattr(report, table).items()} == {r: set(c) for r, c in blank[table].items()}


def test_glued_row_that_splits_two_ways_is_reported_not_guessed():
    report = parse(FIXTURES / "txt" / "crawler_glued_2021.txt")
    ambiguous = {f.where for f in report.findings if f.code == "CELL_AMBIGUOUS"}
    assert "table4.results" in ambiguous
    assert report.table4["review"] == dict.fromkeys(report.table4["review"])
    assert report.provenance["table4.review.upheld"]["text"]  # the printed digits are kept


def test_glued_row_resolved_by_row_total():
    report = parse(FIXTURES / "txt" / "crawler_glued_2021.txt")
    assert report.table3["new_received"]["total"] == 752
    assert report.provenance["table3.new_received.total"]["split_from"]


def test_2021_other_printed_as_one_row_is_a_deviation():
    text = (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8")
    start = text.index("(六)其他处理")
    end = text.index("(七)总计")
    one_row = "(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |\n"
    report = parse((text[:start] + one_row + text[end:]).encode())
    assert report.table3["other"]["total"] == 0
    assert report.table3["other.no_fee"] == dict.fromkeys(report.table3["other.no_fee"])
    assert any(f.code == "TEMPLATE_DEVIATION" and f.where == "table3.other" for f in report.findings)
    assert not any(f.code == "ROW_MISSING" for f in report.findings)


def test_missing_rows_are_reported_and_the_rest_parsed():
    lines = (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not ln.startswith(("2.重复申请", "7.属于行政执法案卷"))]
    report = parse("\n".join(kept).encode())
    missing = {f.where for f in report.findings if f.code == "ROW_MISSING"}
    assert missing == {"table3.not_processed.repeated", "table3.denied.enforcement_file"}
    assert report.table3["not_processed.repeated"]["total"] is None
    assert report.table3["unable.not_held"]["total"] == 6
    assert report.table3["carried_forward"]["total"] == 1


def test_label_typo_and_spaces_inside_labels():
    text = (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8")
    text = text.replace("2.其他法律行政法规禁止公开 | 0", "2.其他法律行政止公开 | 7")
    text = text.replace("4.无正当理由大量反复申请", "4.无正当理由大量反复 申请")
    report = parse(text.encode())
    assert report.table3["denied.prohibited_by_law"]["natural_person"] == 7
    assert report.table3["not_processed.excessive"]["total"] == 0
    assert not any(f.code in ("ROW_MISSING", "ROW_LABEL_MISSING") for f in report.findings)


def test_full_width_digits_thousands_and_negative_change():
    text = (SEEDS / "002_806d6c890c9d0d8d.txt").read_text(encoding="utf-8")
    text = text.replace("1074931 |", "1,074,931 |").replace("622 |", "６２２ |").replace("\n37 |", "\n-3 |")
    report = parse(text.encode())
    assert report.table2["other_services"]["decisions"] == 1074931
    assert report.table2["licensing"]["items_prev_year"] == 622
    assert report.table2["fees"]["items_change"] == -3


def test_gbk_text_is_decoded():
    data = (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8").encode("gb18030")
    report = parse(data)
    assert report.table3["new_received"]["total"] == 10
    assert report.meta.index_number == "11330524MB15359635/2024-00007"


def test_tables_are_found_when_their_section_headings_are_lost():
    import re

    text = (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8")
    text = re.sub(r"^[二三四]、.*情况$", "", text, flags=re.M)
    report = parse(text.encode())
    assert report.table3["new_received"]["total"] == 10
    assert report.table4["review"]["total"] == 1
    assert report.table2["normative_documents"]["in_force"] == 2
    assert not any(f.code in ("TABLE_MISSING", "ROW_MISSING") for f in report.findings)


def test_an_unofficial_subtotal_column_in_table3_is_read_past():
    """Some reports add 小计 after the five organisation columns: values stay in place."""
    out = []
    for line in (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        at = next((i for i, c in enumerate(cells) if c.isdigit()), None)
        if at is not None and len([c for c in cells if c.isdigit()]) == 7:
            values = [int(c) for c in cells[at:at + 7]]
            cells = cells[:at + 6] + [str(sum(values[1:6]))] + cells[at + 6:]
        out.append(" | ".join(cells).replace("法律服务机构 | 其他 |", "法律服务机构 | 其他 | 小计 |"))
    report = parse("\n".join(out).encode())
    assert report.table3["new_received"]["total"] == 10
    assert report.table3["carried_forward"] == dict(report.table3["carried_forward"], natural_person=1, total=1)
    assert "subtotal" not in report.table3["total"] and "小计" not in report.table3["total"]
    assert any(f.code == "TEMPLATE_DEVIATION" and f.where == "table3" for f in report.findings)
    assert not any(f.code in ("CELL_BLANK", "ROW_AMBIGUOUS", "T3_ROW_TOTAL") for f in report.findings)


LEGACY = """某县人民政府2015年政府信息公开工作年度报告
一、概述
2015年,我县认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
全年主动公开政府信息1200条。
三、依申请公开政府信息情况
全年收到申请12件,均已按时答复。
四、政府信息公开的收费及减免情况
未收取任何费用。
"""


def test_a_legacy_report_is_recognised_not_forced_into_the_current_keys():
    report = parse(LEGACY.encode())
    assert (report.meta.template, report.meta.year, report.meta.agency) == ("legacy", 2015, "某县人民政府")
    assert report.table3 == {} and "12件" in report.sections["s3"].text
    assert [f.code for f in report.findings] == ["RULE_NOT_ASSESSABLE"]  # the current rules do not apply


@pytest.mark.parametrize("head,want", [
    # PyMuPDF and pdfminer print a header block's label and its value on lines of their own
    ("名称\n沭阳县发展和改革局2023年政府信息公开年度报告\n索引号\n014314799/2024-00002\n分类\n信息公开年报",
     "014314799/2024-00002"),
    ("索引号：\n11330524MB15359635/2024-00007\n", "11330524MB15359635/2024-00007"),
    # a label alone followed by words, or by a number without a digit-bearing code, is no index
    ("索引号\n发布机构\n014314799/2024-00002", None),
    ("索引号\n沭阳县发改局", None),
])
def test_an_index_number_on_the_line_after_its_label(head, want):
    text = (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8")
    text = "\n".join(ln for ln in text.split("\n") if "11330524MB15359635" not in ln)
    report = parse((head + "\n" + text).encode())
    assert report.meta.index_number == want
