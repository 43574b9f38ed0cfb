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
            cells = cells[:at + 6] + [str(sum(values[1:6]) + 1)] + cells[at + 6:]
            cells[at + 7] = str(int(cells[at + 7]) + 1)  # one organisation applied: the subtotal differs from 总计
            cells[at + 1] = str(int(cells[at + 1]) + 1)
        out.append(" | ".join(cells).replace(HEADER_OTHER, f"{HEADER_OTHER} {word} |"))
    return "\n".join(out)


def test_a_heji_column_beside_zongji_is_a_subtotal_read_past():
    report = parse(_with_column("合计").encode())
    assert report.table3["new_received"] == dict(report.table3["new_received"], natural_person=10, commercial=1,
                                                 total=11)
    assert report.table3["total"]["commercial"] == 1 and report.table3["total"]["total"] == 10
    deviation = [f for f in report.findings if f.code == "TEMPLATE_DEVIATION" and f.where == "table3"]
    assert [f.message for f in deviation] == ["表三多出“合计”列(不在规定格式中),已略去"]
    assert not any(f.code in ("CELL_BLANK", "ROW_AMBIGUOUS", "T3_ROW_TOTAL") for f in report.findings)


def test_a_xiaoji_column_still_names_xiaoji():
    report = parse(_with_column("小计").encode())
    assert report.table3["new_received"]["total"] == 11
    assert any(f.code == "TEMPLATE_DEVIATION" and "小计" in f.message for f in report.findings)


def test_heji_alone_heads_the_total_column():
    """合计 printed where the official form prints 总计 (no 总计 in the header) is the total."""
    text = "\n".join(_seed_lines()).replace("自然人 | 法人或其他组织 | 总计 |", "自然人 | 法人或其他组织 | 合计 |")
    assert "| 合计 |" in text
    report = parse(text.encode())
    assert report.table3["new_received"]["total"] == 10 and report.table3["total"]["total"] == 9
    assert not any(f.code == "TEMPLATE_DEVIATION" and f.where == "table3" for f in report.findings)
