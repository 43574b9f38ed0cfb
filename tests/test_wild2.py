"""County and township reports as agencies write them (ogi.synth.wild2, docs/renderings.md §48):
each deviation is drawn as it should be, and reads exactly or null with a finding."""

from __future__ import annotations

import random
from datetime import date

import pytest

from ogi import parse
from ogi.synth.corpus import MANGLINGS, generate, write_one
from ogi.synth.shapes.score import score_report
from ogi.synth.wild2 import KINDS, SPARSE_ZERO_MARKS, cn_date, cn_number, cn_year, make
from ogi.template import FORMATS
from ogi.template.layout import HEADER

# text flattenings drop a blank cell: a sparse report's rows with blanks are null with a finding
NOT_EXACT_TEXT = {"sparse", "mixed2"}


def test_chinese_numerals_of_a_year_and_a_date():
    assert cn_year(2021) == "二〇二一"
    assert [cn_number(n) for n in (1, 9, 10, 15, 20, 23, 31)] == ["一", "九", "十", "十五", "二十", "二十三", "三十一"]
    assert cn_date(date(2022, 1, 15)) == "二〇二二年一月十五日"


def test_a_sparse_report_prints_zeros_several_ways_and_only_0_states_a_number():
    w = make(random.Random("sparse-test"), "sparse")
    derived = set(FORMATS[w.synthetic.template].table3.derived)  # summed again from their parts
    marks = set()
    for t in ("table2", "table3", "table4"):
        for r, cols in w.synthetic.printed[t].items():
            for c, printed in cols.items():
                if (t, r) == ("table3", r) and r in derived:
                    continue
                if printed in SPARSE_ZERO_MARKS and printed != "0":
                    marks.add(printed)
                    assert w.expected[t][r][c] is None
                elif printed == "0":
                    assert w.expected[t][r][c] == 0
    assert len(marks) >= 3  # one report, several ways


def test_a_late_2019_report_keeps_its_year_and_format():
    w = make(random.Random("late-test"), "late_2019")
    p = w.synthetic.profile
    assert p.year in (2019, 2020) and p.template == "2019"
    assert p.published.year >= p.year + 2  # published when the 2021 format was in force


def test_old_column_names_and_a_repeated_header():
    w = make(random.Random("cols-test"), "old_columns")
    t3 = w.page.parts[2].table
    headers = {c.text for c in t3.cells if c.role == HEADER}
    assert "商业企业" not in headers or "科研机构" not in headers
    w = make(random.Random("head-test"), "repeated_header")
    t3 = w.page.parts[2].table
    assert sum(c.text == "自然人" for c in t3.cells) == 2  # the header rows again, mid-table


@pytest.mark.parametrize("fmt,kind", [(f, k) for f in ("wild2", "wild2_html") for k in KINDS])
def test_every_wild2_deviation_reads_exactly_or_null_with_a_finding(tmp_path, fmt, kind):
    data, expected = write_one(random.Random(f"test_wild2:{kind}"), fmt, kind, "")
    path = tmp_path / f"{kind}.{'html' if fmt == 'wild2_html' else 'txt'}"
    path.write_bytes(data)
    score = score_report(expected, parse(path))
    assert score.wrong_silent == 0 and score.wrong_flagged == 0 and score.null_silent == 0, score.examples
    if fmt == "wild2_html" or kind not in NOT_EXACT_TEXT:
        assert score.right == score.cells, score.examples
    assert score.meta_right == score.meta


def test_the_wild2_formats_cycle_every_kind_and_are_deterministic(tmp_path):
    n = len(KINDS)
    first = generate(n, tmp_path / "a", seed=8, formats=("wild2_html",))
    again = generate(n, tmp_path / "b", seed=8, formats=("wild2_html",))
    assert [w.data for w in first] == [w.data for w in again]
    assert {w.mangling for w in first} == set(KINDS) == set(MANGLINGS["wild2_html"])
    assert not any(w.error for w in first)


# ---- metadata of wild2 reports (extract/meta.py, the smallest changes: docs/renderings.md §48)

SIDEBAR = ("南京市江宁区人民政府门户网站设为首页 | 加入收藏 | 无障碍 | 登录 | 注册桌面时间:2025年12月30日 星期二首页要闻动态"
           "政务公开当前位置:首页 > 政务公开 > 政府信息公开年度报告信息公开目录政府信息公开年报依申请公开年度报告"
           "2021年政府信息公开工作年度报告2018年政府信息公开工作年度报告热点信息南京市市财政局2018年度政府信息公开"
           "工作报告2019-01-20南京市市民政局2020年度政府信息公开工作报告2021-02-21南京市市教育局2020年度政府信息公开"
           "工作报告2021-03-22标题:湾沚区司法局二〇二〇年度政府信息公开工作年度报告发布时间:2021-01-23 09:30:00"
           "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。")


def test_a_title_whose_year_is_in_chinese_numerals_beats_a_listed_title_of_another_organ():
    from ogi.extract.meta import read_meta

    # a portal's lists of other reports (crawler_text_sidebar), then the report's own title with its
    # year as 二〇二〇: a listed title naming the body's year in digits was taken — agency, title and
    # year (2018 or 2022 in two reports) another report's
    meta = read_meta([SIDEBAR])
    assert (meta.title, meta.agency, meta.year) == ("湾沚区司法局二〇二〇年度政府信息公开工作年度报告", "湾沚区司法局", 2020)


def test_a_joint_reports_two_agencies_in_a_crawlers_line_and_in_its_signature():
    from ogi.extract.meta import read_meta

    line = ("淮安市人民政府门户网站设为首页 | 加入收藏 | 无障碍 | 登录 | 注册桌面时间:2025年12月30日 星期二首页要闻动态"
            "政务公开当前位置:首页 > 政务公开 > 政府信息公开年度报告标题:洪泽区白鹤乡、洪泽区政务服务管理局2024年度"
            "政府信息公开工作年度报告发布时间:2025-01-23 09:30:00来源:淮安市人民政府办公室")
    meta = read_meta([line])
    assert meta.title == "洪泽区白鹤乡、洪泽区政务服务管理局2024年度政府信息公开工作年度报告"
    assert meta.agency == "洪泽区白鹤乡、洪泽区政务服务管理局"
    # no title (a main-content extractor dropped it): the signature's two organs, a line each
    meta = read_meta(["一、总体情况", "本年度未收取信息处理费。", "洪泽区白鹤乡", "洪泽区财政局", "2025年2月12日"])
    assert meta.agency == "洪泽区白鹤乡、洪泽区财政局"


def test_a_title_wrapped_before_its_words_or_in_chinese_numerals_is_joined():
    from ogi.extract.meta import read_meta

    # a paged PDF's text (A5): a joint title breaks right before the title words; the second line
    # alone was taken as the title ("政府信息公开工作年度报告")
    meta = read_meta(["洪泽区白鹤乡、洪泽区政务服务管理局2024年度", "政府信息公开工作年度报告", "索引号:123456789/2025-00001"])
    assert meta.title == "洪泽区白鹤乡、洪泽区政务服务管理局2024年度政府信息公开工作年度报告"
    # a year in Chinese numerals on the first line: the title was None
    meta = read_meta(["湾沚区司法局二〇二〇年度政府信息公开工作年度", "报告", "索引号:123456789/2021-00001"])
    assert meta.title == "湾沚区司法局二〇二〇年度政府信息公开工作年度报告"


def test_a_signature_of_one_organ_under_a_sentence_or_repeated_is_one_organ():
    from ogi.extract.meta import read_meta

    body = ["一、总体情况", "本年度未收取信息处理费。无其他需要报告的事项。洪泽区一平浪镇", "洪泽区财政局", "2025年2月12日"]
    assert read_meta(body).agency == "洪泽区一平浪镇、洪泽区财政局"
    body = ["一、总体情况", "无其他需要报告的事项。", "湾沚区一平浪镇", "湾沚区一平浪镇", "2025年2月12日"]
    assert read_meta(body).agency == "湾沚区一平浪镇"
