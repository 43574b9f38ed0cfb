"""One finding per fact: the parser's per-row cell findings grouped per table and pattern,
on the real report that fills only the 自然人 and 总计 columns of table 三."""

from __future__ import annotations

from checks_support import SEED, peer

from ogi import parse


def test_shuyang_blank_columns_are_one_finding():
    report = peer("shuyang_fgj_2023.html")
    (blank,) = [f for f in report.findings if f.code == "CELL_BLANK"]
    assert blank.where == "table3" and blank.line == 417
    assert blank.message == ("表三 125 个单元格为空,只填了自然人、总计列:25 行(一、二、(一)、(二)、(三)1、(三)2、(三)3、"
                             "(三)4等)的商业企业、科研机构、社会公益组织、法律服务机构、其他列,取空值")
    assert blank.message_en.startswith("table 3: 125 cells blank — columns 商业企业, 科研机构")
    assert report.table3["total"]["commercial"] is None and report.table3["total"]["natural_person"] is not None


def test_different_patterns_stay_apart():
    """Seed 001: words in 行政规范性文件's cells and a blank 收费 amount are two facts."""
    report = parse(SEED["001"])
    cells = [(f.code, f.where) for f in report.findings if f.code.startswith("CELL_")]
    assert cells == [("CELL_TEXT", "table2.normative_documents"), ("CELL_BLANK", "table2.fees.amount")]
