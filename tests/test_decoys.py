"""Decoy tables (extract/decoys.py): an agency's own 政务公开 table printed right under table 三
— the applications quarter by quarter, with table 三's words as its row labels — never read as
table 三 nor giving it values. Fixtures: ``ogi synth 44 --formats wild5_html --seed 9319``,
report 00015 (the quarter table under table 三) as a crawler's one line and as BeautifulSoup's
lines — not the wild5 corpus (seed 9300)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.extract.decoys import decoy_cut

FIXTURES = Path(__file__).parent / "fixtures" / "decoys"

ONE_LINE_T3_TAIL = ("(六)其他处理0000000(七)总计5000005四、结转下年度继续办理0000000"
                    "各季度办理情况如下:项目第一季度第二季度第三季度第四季度合计收到申请31105予以公开00123")
T3_LABELS = ("一、本年新收政府信息公开申请数量5000005二、上年结转政府信息公开申请数量0000000"
             "(一)予以公开5000005(二)部分公开0000000(三)不予公开1.属于国家秘密0000000")


def test_a_decoy_glued_to_a_one_line_table_is_cut_where_it_begins():
    text = T3_LABELS + ONE_LINE_T3_TAIL
    cut = decoy_cut(text)
    assert text[cut:].startswith("各季度办理情况如下")
    assert text[:cut].endswith("四、结转下年度继续办理0000000")


def test_no_cut_before_a_table_has_labels_and_a_sentence_before_the_table_stays_its_own():
    assert decoy_cut(ONE_LINE_T3_TAIL) is None  # fewer labels than a table printed as one line
    text = "全年共受理申请5件。" + T3_LABELS + ONE_LINE_T3_TAIL  # the sentence is a logical line of its own
    assert text[decoy_cut(text):].startswith("各季度办理情况如下")
    prose = ("2021年本机关共收到申请5件,其中予以公开3件,部分公开1件,不予公开1件,按照条例规定的期限和程序"
             "全部办结,没有结转下年度继续办理的申请,全年未发生政府信息公开行政复议和行政诉讼")
    assert decoy_cut(prose) is None


def test_no_cut_where_the_last_label_has_no_values():
    text = T3_LABELS + "四、结转下年度继续办理各季度办理情况如下:项目第一季度第二季度第三季度第四季度合计收到申请31105"
    assert decoy_cut(text) is None


def _cells(tables: dict) -> dict[str, object]:
    return {f"{t}.{r}.{c}": v for t in ("table2", "table3", "table4")
            for r, cols in (tables.get(t) or {}).items() for c, v in cols.items()}


@pytest.mark.parametrize("name, before", [
    ("crawler_text_00015_wild5_html_decoy_tables", "29/198: the line was prose, table 三 missing"),
    ("soup_lines_00015_wild5_html_decoy_tables", "191/198: 四、结转 took the decoy's first row, 12 values"),
])
def test_table_three_is_read_whole_beside_the_decoy(name, before):
    report = parse(FIXTURES / f"{name}.txt")
    want = _cells(json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8")))
    got = _cells(json.loads(report.model_dump_json()))
    diff = {k: (v, got[k]) for k, v in want.items() if got[k] != v}
    if name.startswith("crawler_text"):  # table 二's glued runs that split more than one way: null, flagged
        flagged = {f.where for f in report.findings if f.code == "CELL_AMBIGUOUS"}
        assert all(g is None and k.rsplit(".", 1)[0] in flagged for k, (_, g) in diff.items())
        assert not [k for k in diff if k.startswith("table3")]
    else:
        assert diff == {}
    assert not [f for f in report.findings if f.code in ("TABLE_MISSING", "ROW_AMBIGUOUS")]
