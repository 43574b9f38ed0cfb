"""Paged ``pdftotext`` (reading order), ninth session: the page numbering proved on the text
as printed, before ``extract/pagemarks`` takes the page chrome out (``pagedrows.numbering``),
and table 四's heading wrapped on a narrow page. Inputs are cut from the lead's matrix cache
(``paged_pdftotext`` of synthetic 00020 and seed 001, made by the repo's paged PDF and the
real pdftotext); each test pins exact values, and the rule's part is shown by switching it off."""

from __future__ import annotations

import ogi.extract.pagedrows as pagedrows
from ogi import parse
from ogi.extract import pagedtable4

# synthetic 00020 (2019 format), table 二 over pages 0–1: page 0's number (1) printed among
# 行政处罚's values (6 1 -2 0), where the reading order reached the page's foot; pages 1 and 2
# print their numbers (2, 3) as their last lines, which extract/pagemarks takes out
SYNTH_00020 = (
    "偃师区白鹤乡2019年度政府信息公开工作年度报告|二、主动公开政府信息情况|第二十条第(一)项|信息内容|本年新制作数量|"
    "本年新公开数量|对外公开总数量|规章|0|0|5|规范性文件|0|0|6|第二十条第(五)项|信息内容|上一年项目数量|本年增/减|"
    "处理决定数量|行政许可|0|0|0|其他对外管理服务事项|6|-2|189|第二十条第(六)项|信息内容|上一年项目数量|行政处罚|"
    "http://www.example.gov.cn/zwgk/ndbg/|本年增/减|6|1|处理决定数量|-2|0|"
    "\x0c沭阳县人民政府门户网站 www.example.gov.cn|第二十条第(一)项|信息内容|本年新制作数量|行政强制|本年新公开数量|6|"
    "对外公开总数量|-1|21|第二十条第(八)项|信息内容|上一年项目数量|行政事业性收费|本年增/减|0|0|第二十条第(九)项|"
    "信息内容|采购项目数量|政府集中采购|采购总金额|0|23.4711万元|三、收到和处理政府信息公开申请情况|申请人情况|"
    "http://www.example.gov.cn/zwgk/ndbg/|2|"
    "\x0c沭阳县人民政府门户网站 www.example.gov.cn|六、其他需要报告的事项|无。|"
    "http://www.example.gov.cn/zwgk/ndbg/|3|\x0c"
)


def _parse(text: str):
    return parse(text.replace("|", "\n").encode(), name="page.txt")


def _table(report, name: str) -> dict[str, list]:
    return {key: list(cells.values()) for key, cells in (getattr(report, name) or {}).items()}


def test_numbering_is_proved_by_the_bare_page_numbers_pagemarks_took_out():
    printed = SYNTH_00020.replace("|", "\n")
    taken_out = printed.replace("\n2\n\x0c", "\n\n\x0c").replace("\n3\n\x0c", "\n\n\x0c")
    # two pages end in their own number: too few for the text as printed alone (three) …
    assert pagedrows._page_offset(printed) is None
    # … but pagemarks took both out as one running sequence: page i prints i + 1
    assert pagedrows.numbering(taken_out, printed) == (1, frozenset({1, 2}))
    assert pagedrows.numbering(taken_out) == (None, frozenset())  # the text alone proves nothing


def test_a_page_number_among_table2s_values_is_dropped_where_pagemarks_proved_the_numbering(monkeypatch):
    report = _parse(SYNTH_00020)
    assert _table(report, "table2") == {
        "regulations": [0, 0, 5], "normative_documents": [0, 0, 6], "licensing": [0, 0, 0],
        "other_services": [6, -2, 189], "punishment": [6, -2, 0], "coercion": [6, -1, 21],
        "fees": [0, 0], "procurement": [0, 23.4711]}
    # proved on the text with its chrome taken out only, there is no numbering: 6 1 -2 0 is
    # four values for three cells, and table 二 is left to the aligner
    monkeypatch.setattr(pagedrows, "numbering", lambda text, printed=None: (None, frozenset()))
    assert _table(_parse(SYNTH_00020), "table2")["punishment"] == [None, None, None]


def test_a_value_equal_to_its_pages_number_taken_out_at_the_edge_is_a_value(monkeypatch):
    """Page 1 printed its number (2) as its last line, and pagemarks took it out: a 2 among
    page 1's cells is then a cell's value, never the page's number again."""
    printed = SYNTH_00020.replace("|", "\n").replace("本年新公开数量\n6\n", "本年新公开数量\n6\n2\n")
    taken_out = printed.replace("\n2\n\x0c", "\n\n\x0c").replace("\n3\n\x0c", "\n\n\x0c")
    offset, taken = pagedrows.numbering(taken_out, printed)
    assert offset == 1 and 1 in taken
    report = _parse(printed.replace("\n", "|"))
    assert _table(report, "table2")["coercion"] == [None, None, None]  # 6 2 -1 21: four values, left null
    # not knowing page 1's number was taken out, the 2 would be dropped as that number
    monkeypatch.setattr(pagedrows, "numbering", lambda text, printed=None: (1, frozenset()))
    assert _table(_parse(printed.replace("\n", "|")), "table2")["coercion"] == [6, -1, 21]


# seed 001 (2021 format), table 四 on page 6 (numbered 7): the heading wrapped after 行政复议,
# and the page's number printed among the fifteen zeros
SEED_001_TABLE4 = (
    "四、政府信息公开行政复议|行政复议|行政诉讼|未经复议直接起诉|结|结|其|尚|果|果|他|未|总|维|纠|结|审|计|持|正|果|"
    "结|0|0|0|0|0|结|结|其|尚|果|果|他|未|维|纠|结|审|持|正|果|结|0|0|0|0|7|复议后起诉|结|结|其|尚|总|果|果|他|未|"
    "总|计|维|纠|结|审|计|持|正|果|结|0|0|0|0|0|0|\x0c宿迁市人民政府门户网站 www.example.gov.cn|"
    "五、存在的主要问题及改进情况|"
)


def test_table4_under_a_wrapped_heading_with_its_pages_number_among_the_zeros_is_read(monkeypatch):
    pages = "".join(f"第{i}页的正文|{i + 1}|\x0c" for i in range(6))  # pages 0–5 end in i + 1
    text = "某县人民政府2022年政府信息公开工作年度报告|" + pages + SEED_001_TABLE4
    assert pagedtable4._HEADING == "四、政府信息公开行政复议"
    report = _parse(text)
    assert _table(report, "table4") == {
        "review": [0] * 5, "litigation_direct": [0] * 5, "litigation_after_review": [0] * 5}
    # the whole title as the heading: the wrapped one is not found, the 7 is a sixteenth value
    monkeypatch.setattr(pagedtable4, "_HEADING", pagedtable4._SPEC.title)
    assert _table(_parse(text), "table4")["litigation_direct"] == [None] * 5
