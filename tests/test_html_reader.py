"""The HTML reader on small pages: grids with spans, layout tables, inline runs, white
space, ``<div>`` tables, encodings, what a page hides, positions and page metadata."""

from __future__ import annotations

import pytest

from ogi.document import Paragraph, Table
from ogi.readers import UnreadableFile, read
from ogi.readers.decode import decode
from ogi.readers.html import read_html
from ogi.readers.html_meta import iso_date


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html>\n<html><head>{head}</head><body>\n{body}\n</body></html>".encode()


def blocks(body: str, head: str = '<meta charset="utf-8">') -> list:
    return read_html(page(body, head)).blocks


def tables(body: str) -> list[Table]:
    return [b for b in blocks(body) if isinstance(b, Table)]


def paragraphs(body: str) -> list[str]:
    return [b.text for b in blocks(body) if isinstance(b, Paragraph)]


def spans(table: Table) -> dict[str, tuple[int, int, int, int]]:
    """Cell text → (row, col, rowspan, colspan)."""
    return {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in table.cells if c.text}


# ------------------------------------------------------------------ grids

THREE_LEVEL_HEADER = """
<table border="1">
  <tr><td rowspan="3" colspan="3">note</td><td colspan="7">申请人情况</td></tr>
  <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
  <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
  <tr><td colspan="3">一、本年新收</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
  <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>
      <td>4</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
  <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td>
      <td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
  <tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>"""


def test_three_level_header_places_every_cell_past_earlier_spans():
    (t,) = tables(THREE_LEVEL_HEADER)
    s = spans(t)
    assert s["note"] == (0, 0, 3, 3)
    assert s["申请人情况"] == (0, 3, 1, 7)
    assert s["自然人"] == (1, 3, 2, 1)
    assert s["法人或其他组织"] == (1, 4, 1, 5)
    assert s["总计"] == (1, 9, 2, 1)
    assert [s[k][:2] for k in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")] == \
        [(2, 4), (2, 5), (2, 6), (2, 7), (2, 8)]
    assert s["三、本年度办理结果"] == (4, 0, 3, 1)
    assert s["（三）不予公开"] == (5, 1, 2, 1)
    assert s["2.其他法律行政法规禁止公开"] == (6, 2, 1, 1)
    assert (t.n_rows, t.n_cols) == (7, 10)
    grid = t.grid()
    assert grid[2][9].text == "总计" and grid[2][0].text == "note"
    assert [c.text for c in grid[6][3:]] == ["0"] * 7
    assert grid[6][0].text == "三、本年度办理结果" and grid[6][1].text == "（三）不予公开"


def test_spans_stop_at_the_end_of_their_row_group_and_rowspan_0_fills_it():
    (t,) = tables("""<table>
      <thead><tr><th rowspan="5">a</th><th>b</th></tr><tr><th>c</th></tr></thead>
      <tbody><tr><td rowspan="0">d</td><td colspan="2px">e</td></tr><tr><td>f</td></tr><tr><td>g</td></tr></tbody>
    </table>""")
    s = spans(t)
    assert s["a"] == (0, 0, 2, 1)
    assert s["d"] == (2, 0, 3, 1)
    assert s["e"] == (2, 1, 1, 2)
    assert s["f"][:2] == (3, 1) and s["g"][:2] == (4, 1)


def test_hidden_rows_and_cells_are_not_in_the_grid():
    (t,) = tables("""<table><tr><td>a</td><td style="display:none">x</td><td>b</td></tr>
      <tr style="display: none"><td>y</td><td>z</td></tr><tr><td>c</td><td>d</td></tr></table>""")
    assert spans(t) == {"a": (0, 0, 1, 1), "b": (0, 1, 1, 1), "c": (1, 0, 1, 1), "d": (1, 1, 1, 1)}


def test_blank_cells_stay_in_the_grid_and_a_table_of_blanks_is_dropped():
    (t,) = tables("""<table><tr><td>a</td><td><p><span><o:p> </o:p></span></p></td><td>&nbsp;</td></tr>
      <tr><td>1</td><td>2</td><td>3</td></tr></table>
      <table><tr><td>&nbsp;</td><td> </td></tr></table>""")
    assert [c.text for c in t.rows()[0]] == ["a", "", ""]


# ------------------------------------------------------------------ layout tables

def test_one_cell_frame_is_unwrapped_and_its_data_table_kept():
    got = blocks("""<table width="100%"><tr><td>
      <h2>标题</h2><p>第一段。</p>
      <table><tr><td>规章</td><td>1</td></tr><tr><td>行政规范性文件</td><td>2</td></tr></table>
      <p>第二段。</p></td></tr></table>""")
    assert [type(b).__name__ for b in got] == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    assert [c.text for c in got[2].cells] == ["规章", "1", "行政规范性文件", "2"]


def test_layout_table_with_prose_cells_becomes_paragraphs_in_reading_order():
    prose = "这是一段很长的正文，" * 10 + "结束。"
    got = blocks(f"""<table><tr><td><a href="/">首页</a><br><a href="/a">年报</a></td>
      <td><p>{prose}</p><p>第二段</p></td></tr></table>""")
    assert [b.text for b in got] == ["首页", "年报", prose, "第二段"]


def test_frame_with_a_row_of_links_and_a_page_of_text_is_unwrapped():
    text = "一、总体情况。" + "本机关认真贯彻落实条例，持续推进政务公开。" * 25
    links = "".join(f"<td><a href='/{i}'>栏目{i}</a></td>" for i in range(8))
    got = blocks(f"<table><tr>{links}</tr><tr><td colspan='8'>{text}<br>二、主动公开</td></tr></table>")
    assert [b.text for b in got] == [f"栏目{i}" for i in range(8)] + [text, "二、主动公开"]


def test_split_table_in_layout_rows_gives_consecutive_tables():
    got = blocks("""<table class="layout"><tr><td>
        <table><tr><td>一、本年新收</td><td>3</td></tr></table></td></tr>
      <tr><td><table><tr><td>（七）总计</td><td>3</td></tr></table></td></tr></table>""")
    assert [type(b).__name__ for b in got] == ["Table", "Table"]
    assert got[1].cells[0].text == "（七）总计"


def test_data_table_with_one_long_note_stays_a_table():
    note = "注：本表统计的是以本机关为被申请人的案件，其中尚未审结的案件将在下一年度报告中继续统计，特此说明。" * 2
    (t,) = tables(f"""<table><tr><td>行政复议</td><td>结果维持</td><td>结果纠正</td></tr>
      <tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td><td>6</td></tr>
      <tr><td colspan="3">{note}</td></tr></table>""")
    assert t.n_rows == 4


def test_caption_is_a_paragraph_before_its_table():
    got = blocks("<table><caption>表一</caption><tr><td>a</td><td>1</td></tr></table>")
    assert isinstance(got[0], Paragraph) and got[0].text == "表一" and isinstance(got[1], Table)


# ------------------------------------------------------------------ text of cells and paragraphs

def test_number_split_across_inline_tags_is_joined():
    (t,) = tables("""<table><tr><td><span lang="EN-US">1</span><span lang="EN-US">2</span><font>8</font></td>
      <td><p class="MsoNormal"><span>2</span><o:p></o:p><span>6</span></p></td></tr></table>""")
    assert [c.text for c in t.cells] == ["128", "26"]
    assert paragraphs("<p>共收到申请<font face='Times New Roman'>2</font><span>6</span>件</p>") == ["共收到申请26件"]


def test_nbsp_and_ideographic_space_are_spaces():
    (t,) = tables("<table><tr><td>&nbsp;12&nbsp;</td><td>行政\u3000许可</td><td>&nbsp;</td><td>\u3000</td></tr></table>")
    assert [c.text for c in t.cells] == ["12", "行政 许可", "", ""]


def test_br_and_blocks_in_a_cell_are_line_breaks():
    (t,) = tables("""<table><tr><td>本年新<br>制作数量</td><td><p>商业</p><p>企业</p></td>
      <td><p><o:p> </o:p></p><p>自然<span>人</span></p></td></tr></table>""")
    assert [c.text for c in t.cells] == ["本年新\n制作数量", "商业\n企业", "自然人"]


def test_br_separated_lines_are_paragraphs():
    assert paragraphs("<div>&nbsp;&nbsp;一、总体情况<br>\n&nbsp;&nbsp;第一行<br/><br/>第二行</div>") == \
        ["一、总体情况", "第一行", "第二行"]


def test_every_block_element_is_a_paragraph_and_inline_runs_join():
    got = paragraphs("""<h1>标题</h1><div>前言<p>段落<b>加粗</b>结尾</p>尾巴</div>
      <ul><li>一项</li><li>二项</li></ul>""")
    assert got == ["标题", "前言", "段落加粗结尾", "尾巴", "一项", "二项"]


def test_white_space_collapses_as_css_says():
    got = paragraphs("<p>根据《条例》\n    要求，现将\n2023 年\n报告 公布  如下</p><p>Open\n government</p>")
    assert got == ["根据《条例》要求，现将 2023 年报告 公布 如下", "Open government"]


def test_pre_keeps_its_line_breaks():
    assert paragraphs("<pre>第一行\n第二<b>行\n第三</b>行</pre>") == ["第一行", "第二行", "第三行"]


# ------------------------------------------------------------------ what a page does not show

def test_scripts_styles_comments_head_and_hidden_elements_are_left_out():
    got = paragraphs("""<script>var n = 12;</script><style>p{color:red}</style>
      <p>可见<!-- 注释 -->文字</p><noscript>请启用脚本</noscript>
      <div style="display: none">隐藏一</div><div style="visibility:hidden">隐藏二</div><div hidden>隐藏三</div>
      <div class="x"><title>站点</title><meta name="a" content="b">正文</div>""")
    assert got == ["可见文字", "正文"]


def test_a_page_that_hides_its_body_until_a_script_runs_is_read():
    head = '<style id="antiClickjack">body{display:none !important;}</style>'
    assert [b.text for b in blocks("<p>正文</p>", head)] == ["正文"]


def test_elements_hidden_by_the_page_style_sheet_are_left_out():
    got = paragraphs("""<style>.hide{display:none} #m .copy{visibility: hidden} a:hover{display:none}
      @media print{.screen{display:none}} .shown{display:none;display:block}</style>
      <div class="hide">隐藏</div><div id="m"><p class="copy">手机版</p><p>正文</p></div>
      <p class="screen">屏幕</p><p class="hide" style="display:block">显示</p><p><a href="#">链接</a></p>
      <p class="shown">后者为准</p>""")
    assert got == ["正文", "屏幕", "显示", "链接", "后者为准"]


# ------------------------------------------------------------------ <div> tables

def test_div_table_by_class_names():
    (t,) = tables("""<div class="table"><div class="tr"><div class="td">第二十条第（一）项</div></div>
      <div class="tr"><div class="td">信息内容</div><div class="td">本年制发件数</div></div>
      <div class="tr"><div class="td">规章</div><div class="td"><span>1</span><span>2</span></div></div></div>""")
    assert [[c.text for c in r] for r in t.rows()] == [["第二十条第（一）项"], ["信息内容", "本年制发件数"], ["规章", "12"]]


def test_div_table_by_css_display():
    (t,) = tables("""<div style="display:table"><div style="display: table-header-group">
      <div style="display:table-row"><span style="display:table-cell">a</span><span style="display:table-cell">b</span></div></div>
      <div style="display:table-row"><span style="display:table-cell">1</span><span style="display:table-cell">2</span></div></div>""")
    assert [[c.text for c in r] for r in t.rows()] == [["a", "b"], ["1", "2"]]


def test_div_grid_by_shape_of_equal_rows():
    (t,) = tables("""<div class="grid"><div><div>结果维持</div><div>总计</div><div>x</div></div>
      <div><div>1</div><div>2</div><div>3</div></div></div>""")
    assert (t.n_rows, t.n_cols) == (2, 3) and t.rows()[1][2].text == "3"


def test_page_boxes_are_not_div_tables():
    prose = "这是一段很长的正文，用来说明工作情况。" * 5
    got = blocks(f"""<div class="row"><div class="col-md-6"><p>{prose}</p></div><div class="col-md-6"><p>右栏</p></div></div>
      <div><div><div>{prose}</div><div>b</div></div><div><div>c</div><div>d</div></div></div>
      <div><div><div>a</div><div>b</div></div><div><div>c</div></div></div>
      <div><div><div class="l"></div><div class="r"></div></div><div><div></div><div></div></div></div>
      <div><p><span>a</span><span>b</span></p><p><span>c</span><span>d</span></p></div>""")
    assert not any(isinstance(b, Table) for b in got)


# ------------------------------------------------------------------ encodings

BODY = "<p>索引号：014314799/2024-00002</p><table><tr><td>自然人</td><td>26</td></tr></table>"


@pytest.mark.parametrize("head", [
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
    '<meta charset="GBK">',
    "<meta charset=gb18030>",
    "",
], ids=["http-equiv gb2312", "charset GBK", "charset gb18030", "undeclared"])
def test_gbk_pages_declared_or_not(head):
    data = f"<html><head>{head}<title>报告</title></head><body>{BODY}</body></html>".encode("gbk")
    doc = read_html(data)
    assert doc.blocks[0].text == "索引号：014314799/2024-00002"
    assert [c.text for c in doc.blocks[1].cells] == ["自然人", "26"]
    assert doc.meta["title"] == "报告"


def test_utf8_page_declared_gbk_and_xml_declaration():
    data = ('<?xml version="1.0" encoding="gbk"?><html><head><meta charset="gbk"></head>'
            f"<body>{BODY}</body></html>").encode()
    assert read_html(data).blocks[0].text == "索引号：014314799/2024-00002"
    assert read_html("\ufeff<p>带BOM</p>".encode()).blocks[0].text == "带BOM"


def test_decode_prefers_gb18030_over_a_single_byte_declaration_that_garbles_chinese():
    text, enc = decode("<p>政府信息公开工作年度报告</p>".encode("gbk"), "iso-8859-1")
    assert text == "<p>政府信息公开工作年度报告</p>" and enc == "gb18030"


def test_utf8_page_cut_short_mid_character_stays_utf8():
    data = ("<p>政府信息公开工作年度报告</p>" * 20 + "<p>报告").encode()[:-1]
    text, enc = decode(data, "gbk")
    assert enc == "utf-8" and text.endswith("<p>报\ufffd")
    gbk = ("<p>政府信息公开工作年度报告</p>" * 20).encode("gbk")
    assert decode(gbk, "utf-8") == (gbk.decode("gbk"), "gb18030")


# ------------------------------------------------------------------ positions and meta

def test_paragraphs_and_cells_keep_their_source_lines():
    doc = read_html(b"<html><body>\n<p>one</p>\n<div>two<br>\nthree</div>\n<table>\n<tr>\n<td>a</td>\n"
                    b"<td>\n1</td></tr></table></body></html>")
    assert [(b.text, b.pos.line) for b in doc.blocks[:3]] == [("one", 2), ("two", 3), ("three", 4)]
    table = doc.blocks[3]
    assert table.pos.line == 5 and [(c.text, c.pos.line) for c in table.cells] == [("a", 7), ("1", 8)]


def test_meta_tags_give_title_date_and_source():
    head = ('<title>报告_某某网</title><meta name="ArticleTitle" content="某局2023年政府信息公开工作年度报告">'
            '<meta name="PubDate" content="2024-01-17 10:20"><meta name="ContentSource" content="某局">')
    assert read_html(page("<p>x</p>", head)).meta == {
        "title": "某局2023年政府信息公开工作年度报告", "published_date": "2024-01-17", "agency": "某局"}


def test_title_is_the_h1_when_the_title_tag_adds_the_site_name():
    assert read_html(page("<h1>某局2023年报告</h1>", "<title>某局2023年报告-某县政府</title>")).meta == \
        {"title": "某局2023年报告"}
    assert read_html(page("<h1>网站名</h1>", "<title>某局2023年报告</title>")).meta == {"title": "某局2023年报告"}
    assert read_html(page("<h1>某局2023年报告</h1>", "")).meta == {"title": "某局2023年报告"}


@pytest.mark.parametrize("text,iso", [("2024-01-17 10:20", "2024-01-17"), ("2024/1/7", "2024-01-07"),
                                      ("2024年01月17日", "2024-01-17"), ("20240117", "2024-01-17"),
                                      ("2024-13-01", None), ("页面生成", None)])
def test_dates_in_meta_tags(text, iso):
    assert iso_date(text) == iso


# ------------------------------------------------------------------ bad input

def test_page_without_content_is_a_clear_error():
    with pytest.raises(UnreadableFile, match="HTML"):
        read_html(b"  <!-- -->  ")


def test_reader_is_chosen_for_html_bytes():
    doc = read(page("<p>正文</p>"))
    assert doc.format == "html" and doc.blocks[0].text == "正文"
