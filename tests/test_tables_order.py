"""A report may print its table sections in another order (表三 before 表二, 表二 after 表四):
the tables are read by their section headings wherever they stand (extract/__init__.py,
``_tables_start`` and ``_split_tables``). The same report with its sections 二-四 moved reads
the same tables, with no TABLE_MISSING."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi import parse

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "txt_cells.txt"
HEADS = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况")


def _pieces(text: str) -> tuple[str, dict[str, str], str]:
    """The text before section 二, sections 二, 三, 四 by their headings, and the rest."""
    lines = text.splitlines(keepends=True)
    at = [next(i for i, line in enumerate(lines) if line.strip() == head) for head in HEADS]
    part = {key: "".join(lines[a:b]) for key, a, b in zip(("s2", "s3", "s4"), at, at[1:])}
    return "".join(lines[:at[0]]), part, "".join(lines[at[3]:])


@pytest.mark.parametrize("order", [("s3", "s2", "s4"), ("s3", "s4", "s2"), ("s2", "s4", "s3"), ("s4", "s3", "s2")])
def test_tables_read_in_any_section_order(order: tuple[str, ...]) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    head, part, tail = _pieces(text)
    want = parse(text.encode("utf-8"), name="report.txt")
    got = parse((head + "".join(part[k] for k in order) + tail).encode("utf-8"), name="report.txt")
    assert got.table2 == want.table2
    assert got.table3 == want.table3
    assert got.table4 == want.table4
    assert not [f for f in got.findings if f.code == "TABLE_MISSING"]
    assert got.table3["new_received"]["total"] == 69  # the sample's own values, read in every order
    assert got.table2["regulations"]["made"] == 5
