"""Table 三's unofficial subtotal column (ogi.extract.subtotal): 小计 always, 合计 only where
the header also prints 总计 — a 合计 with no 总计 beside it is the table's total."""

from __future__ import annotations

from expected import SEEDS
from ogi import parse

HEADER_OTHER = "法律服务机构 | 其他 |"


def _seed_lines() -> list[str]:
    return (SEEDS / "004_3f0a03dfd5eda10b.txt").read_text(encoding="utf-8").splitlines()


def _with_column(word: str) -> str:
    """The seed's table 三 with a ``word`` column after the five organisations, holding their sum."""
    out = []
    for line in _seed_lines():
        cells = [c.strip() for c in line.split("|")]
        at = next((i for i, c in enumerate(cells) if c.isdigit()), None)
        if at is not None and len([c for c in cells if c.isdigit()]) == 7:
            values = [int(c) for c in cells[at:at + 7]]
            cells = cells[:at + 6] + [str(sum(values[1:6]))] + cells[at + 6:]
        out.append(" | ".join(cells).replace(HEADER_OTHER, f"{HEADER_OTHER} {word} |"))
    return "\n".join(out)


def test_a_heji_column_beside_zongji_is_a_subtotal_read_past():
    report = parse(_with_column("合计").encode())
    assert report.table3["new_received"] == dict(report.table3["new_received"], natural_person=10, commercial=0,
                                                 total=10)
    assert report.table3["total"] == dict(report.table3["total"], natural_person=9, commercial=0, total=9)
    deviation = [f for f in report.findings if f.code == "TEMPLATE_DEVIATION" and f.where == "table3"]
    assert [f.message for f in deviation] == ["表三多出“合计”列(不在规定格式中),已略去"]
    assert not any(f.code in ("CELL_BLANK", "ROW_AMBIGUOUS", "T3_ROW_TOTAL") for f in report.findings)


def test_a_xiaoji_column_still_names_xiaoji():
    report = parse(_with_column("小计").encode())
    assert report.table3["new_received"]["total"] == 10
    assert any(f.code == "TEMPLATE_DEVIATION" and "小计" in f.message for f in report.findings)


def test_heji_alone_heads_the_total_column():
    """合计 printed where the official form prints 总计 (no 总计 in the header) is the total."""
    text = "\n".join(_seed_lines()).replace("自然人 | 法人或其他组织 | 总计 |", "自然人 | 法人或其他组织 | 合计 |")
    assert "| 合计 |" in text
    report = parse(text.encode())
    assert report.table3["new_received"]["total"] == 10 and report.table3["total"]["total"] == 9
    assert not any(f.code == "TEMPLATE_DEVIATION" and f.where == "table3" for f in report.findings)


def _header_word_lost(text: str, word: str) -> str:
    """The header cell of the subtotal column printed with no word (a text that printed it
    down the cell, one character a line, loses it)."""
    return text.replace(f"{HEADER_OTHER} {word} |", f"{HEADER_OTHER} 小 |")


def test_a_subtotal_column_whose_header_word_is_lost_is_shown_by_its_rows():
    report = parse(_header_word_lost(_with_column("小计"), "小计").encode())
    assert report.table3["new_received"] == dict(report.table3["new_received"], natural_person=10, commercial=0,
                                                 total=10)
    assert report.table3["total"]["total"] == 9
    deviation = [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION" and f.where == "table3"]
    assert deviation == ["表三多出“法人或其他组织之和”列(不在规定格式中),已略去"]
    assert not any(f.code in ("CELL_BLANK", "ROW_AMBIGUOUS", "T3_ROW_TOTAL") for f in report.findings)


def test_eight_values_whose_sums_fail_are_not_read_as_a_subtotal():
    """An eighth value that is not the subtotal's shape (here: one row's subtotal off by one)
    widens nothing: the table is read as before, never a number moved by a guessed column."""
    text = _header_word_lost(_with_column("小计"), "小计")
    text = text.replace("一、本年新收政府信息公开申请数量 | 10 | 0 | 0 | 0 | 0 | 0 | 0 | 10",
                        "一、本年新收政府信息公开申请数量 | 10 | 0 | 0 | 0 | 0 | 0 | 1 | 10")
    assert "| 1 | 10" in text
    report = parse(text.encode())
    assert not any(f.code == "TEMPLATE_DEVIATION" and f.where == "table3" for f in report.findings)


def test_a_row_of_seven_values_keeps_the_official_width():
    """A subtotal-shaped eighth value beside rows of the official seven is not a column."""
    text = _header_word_lost(_with_column("小计"), "小计")
    text = text.replace("二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0")
    assert "数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |" in text
    report = parse(text.encode())
    assert not any(f.code == "TEMPLATE_DEVIATION" and f.where == "table3" for f in report.findings)


def test_a_table_of_zeros_with_a_subtotal_column_is_read_whole():
    """自然人 0 in every row: the eighth value equals the seventh, either reading the same cells."""
    lines = []
    for line in _header_word_lost(_with_column("小计"), "小计").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if sum(c.isdigit() for c in cells) == 8:
            cells = [("0" if c.isdigit() else c) for c in cells]
        lines.append(" | ".join(cells))
    report = parse("\n".join(lines).encode())
    assert all(v == 0 for row in report.table3.values() for v in row.values())
    assert any(f.code == "TEMPLATE_DEVIATION" and f.where == "table3" for f in report.findings)
