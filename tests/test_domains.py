"""Site domains as evidence of a region: the gov.cn hosts of the shared reports and of
real sites, read into 行政区划 codes; the committed spellings are the generated ones."""

from __future__ import annotations

from checks_support import SEED, peer, seed_text

from ogi.domains import SPELLINGS, generate, host_regions, hosts_in, site_regions, stem


def test_the_real_reports_sites_name_their_regions():
    assert hosts_in(seed_text("002")) == ["www.beibei.gov.cn"]  # 北碚区's report cites its portal
    assert hosts_in(seed_text("004")) == ["www.wuxing.gov.cn"]
    assert host_regions("www.beibei.gov.cn") == {"500109"}  # 重庆市北碚区
    assert host_regions("www.wuxing.gov.cn") == {"330502"}  # 浙江省湖州市吴兴区
    assert host_regions("www.shuyang.gov.cn") == {"321322"}  # 江苏省宿迁市沭阳县: the peer page's site
    assert host_regions("WWW.HONGZE.GOV.CN") == {"320813"}  # 江苏省淮安市洪泽区
    assert site_regions(peer("shuyang_fgj_2023.html").sections["s1"].text) == frozenset()


def test_prefixed_spellings_and_department_labels():
    assert host_regions("www.ynlf.gov.cn") == {"532302"}  # 云南 + 禄丰
    assert host_regions("www.njgl.gov.cn") == {"320106"}  # 南京 + 鼓楼
    assert host_regions("fgw.huaian.gov.cn") == {"130728", "320800", "320803"}  # 怀安县, 淮安市, 淮安区: fgw is no place
    assert host_regions("www.gov.cn") == frozenset() and host_regions("www.hongze.com.cn") == frozenset()
    gl = host_regions("www.gl.gov.cn")  # initials many places share: evidence that only narrows
    assert len(gl) == 16 and {"320106", "320302", "350102", "410204"} <= gl  # the four 鼓楼区


def test_hosts_in_text_urls_and_sentences():
    text = "见 http://www.Hongze.gov.cn/col/a.html,又见(www.beibei.gov.cn)与 abc.gov.cnx 和 x.gov.cn.example"
    assert hosts_in(text) == ["www.hongze.gov.cn", "www.beibei.gov.cn"]
    assert hosts_in(None) == []
    assert site_regions(text) == {"320813", "500109"}


def test_stems_keep_two_characters():
    assert [stem(n) for n in ("洪泽区", "泗县", "恩施土家族苗族自治州", "广西壮族自治区", "北京市")] == [
        "洪泽", "泗县", "恩施", "广西", "北京"]


def test_the_committed_spellings_are_the_generated_ones():
    """``python -m ogi.domains`` rewrites the file; it must match the region table."""
    assert SPELLINGS.read_text(encoding="utf-8") == generate()
    assert SEED  # the shared corpus is there (the tests above read it)
