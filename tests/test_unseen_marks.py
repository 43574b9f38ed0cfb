"""Marks and cell texts found on fresh7's unseen corpus (docs/renderings.md §42): what a
converter writes for what the report printed."""

from ogi import parse
from ogi.template.normalize import clean


def test_a_figure_dash_is_the_dash_mark_the_report_printed():
    # pymupdf4llm's table cells print a cell holding "–" (a zero or not-applicable mark) as "‒"
    # (U+2012): it is a dash mark (read as the hyphen, as the other hyphen glyphs are), not text
    # that shifts the row's values a column left
    assert clean("‒") == clean("‐") == "-"
    text = ("某某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\n|第二十条第(一)项||||\n"
            "|---|---|---|---|\n|信息内容|本年制发件数|本年废止件数|现行有效件数|\n"
            "|规章|‒|‒|‒|\n|行政规范性文件|‒|0|‒|\n\n三、收到和处理政府信息公开申请情况\n")
    report = parse(text.encode(), name="p.md")
    assert report.table2["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert report.table2["normative_documents"] == {"issued": None, "repealed": 0, "in_force": None}


def test_a_number_a_narrow_cell_wrapped_is_one_number():
    from ogi.readers.wrapped import wrapped_number

    # a PDF's Markdown/HTML keeps each printed line of a cell: "１<br>８" under 自然人 is 18
    assert wrapped_number(["１", "８"]) == "１８"
    assert wrapped_number(["1", "5", "0"]) == "150"
    assert wrapped_number(["15", "0"]) == "150"
    # not one wrap: the last line longer, a unit, a label, one line
    assert wrapped_number(["1", "50"]) is None
    assert wrapped_number(["12", "3", "4"]) is None
    assert wrapped_number(["0件", "0件"]) is None
    assert wrapped_number(["然", "人"]) is None
    assert wrapped_number(["18"]) is None


def test_a_wrapped_number_in_a_pipe_cell_and_in_an_html_cell():
    from ogi.readers import read
    from ogi.readers.pandoc_marks import strip_attributes

    line = "|(二)部分<br>他情形)|１<br>８|０| 15<br/>0 |1<br>50|a1<br>2|\n"
    assert strip_attributes(line.encode()).decode() == "|(二)部分<br>他情形)|１８|０| 150 |1<br>50|a1<br>2|\n"
    # an HTML table: a cell spanning two rows keeps its lines (they may be the rows' values)
    page = ("<html><body><table><tr><td>a</td><td>１<br/>８</td><td>15<br>0</td><td rowspan=2>1<br>8</td></tr>"
            "<tr><td>b</td></tr></table></body></html>")
    table = read(page.encode(), "p.html").blocks[0]
    assert [c.text for c in table.cells] == ["a", "１８", "150", "1\n8", "b"]


def test_pymupdf4llm_full_width_numbers_wrapped_in_table_three():
    # wild30 00027 (fullwidth_digits) as pymupdf4llm prints it: 140, 10 and 18 read whole
    head = ("某某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\n"
            "|(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)||自然人|商业企业|科研机构|"
            "社会公益组织|法律服务机构|其他|总计|\n|---|---|---|---|---|---|---|---|---|\n")
    rows = ("|一、本年新收政府信息公开申请数量||１<br>４<br>０|0|0|０|0|0|140|\n"
            "|二、上年结转政府信息公开申请数量||１<br>０|0|0|０|0|0|１０|\n"
            "|三、本年度办理结果|(一)予以公开|１<br>８|０|０|0|0|0|１８|\n")
    report = parse((head + rows + "\n四、政府信息公开行政复议、行政诉讼情况\n").encode(), name="p.md")
    assert report.table3["new_received"]["natural_person"] == 140
    assert report.table3["carried_over"]["natural_person"] == 10
    assert report.table3["granted"] == {"natural_person": 18, "commercial": 0, "research": 0,
                                        "social_welfare": 0, "legal_service": 0, "other_org": 0, "total": 18}


def test_a_title_a_narrow_page_wrapped_over_two_lines():
    from ogi.extract.meta import read_meta

    # an A5 page's text (paged_pdftotext of wild30 00000): the title's last words on a line of their own
    lines = ["淮安市人民政府门户网站 www.example.gov.cn", "", "寿光市白鹤乡2019年度政府信息公开工作", "年度报告",
             "索引号:11FFJ8945HFBNAU605/2020-85492", "发布机构:寿光市白鹤乡", "一、总体情况"]
    meta = read_meta(lines)
    assert meta.title == "寿光市白鹤乡2019年度政府信息公开工作年度报告"
    assert (meta.agency, meta.year) == ("寿光市白鹤乡", 2019)
    # wrapped inside a word: 年 / 度报告
    assert read_meta(["洪泽区龙泉镇2025年政府信息公开工作年", "度报告", "一、总体情况"]).title == \
        "洪泽区龙泉镇2025年政府信息公开工作年度报告"
    # wrapped inside the title words (html30 00028): 信 / 息公开工作年度报告
    assert read_meta(["偃师区住房和城乡建设局2025年度政府信", "息公开工作年度报告", "一、总体情况"]).title == \
        "偃师区住房和城乡建设局2025年度政府信息公开工作年度报告"
    # not a title's tail: prose above (no year), a line already holding 告, a long line
    assert read_meta(["政府信息公开工作", "年度报告", "一、总体情况"]).title is None
    assert read_meta(["本报告中所列数据2019年", "年度报告", "一、总体情况"]).title is None
