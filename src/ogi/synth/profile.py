"""Who publishes a synthetic report and what its prose says: agency, year, dates, 索引号,
title (the narrative is ``narrative``'s)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

PLACES = (("江苏省", "泰州市", "靖江市"), ("重庆市", "", "北碚区"), ("云南省", "楚雄彝族自治州", "禄丰市"),
          ("浙江省", "湖州市", "吴兴区"), ("江苏省", "淮安市", "洪泽区"), ("江苏省", "宿迁市", "沭阳县"),
          ("山东省", "潍坊市", "寿光市"), ("四川省", "绵阳市", "涪城区"), ("河南省", "洛阳市", "偃师区"),
          ("广东省", "佛山市", "顺德区"), ("湖北省", "宜昌市", "夷陵区"), ("安徽省", "芜湖市", "湾沚区"))
TOWNS = ("城关镇", "新港街道", "一平浪镇", "滨江新区办事处", "龙泉镇", "东城街道", "白鹤乡", "清河镇")
DEPARTMENTS = ("发展和改革局", "财政局", "教育局", "民政局", "司法局", "自然资源局", "生态环境局",
               "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局",
               "卫生健康委员会", "应急管理局", "市场监督管理局", "信访局", "医疗保障局")


@dataclass
class Profile:
    agency: str  # full name, as the content system prints it
    short: str  # what the expected file asks the parsed agency to contain
    scale: str  # township | county | city
    year: int
    template: str
    published: date
    index_number: str
    title: str


def profile(rng: random.Random, years: tuple[int, int] = (2019, 2025)) -> Profile:
    province, city, county = rng.choice(PLACES)
    kind = rng.choices(("township", "county", "city"), (5, 4, 1))[0]
    if kind == "township":
        town = rng.choice(TOWNS)
        agency = county + town
        short = town if town.endswith("办事处") else agency
    elif kind == "county":
        short = county + rng.choice(DEPARTMENTS + ("人民政府",))
        agency = short
    else:
        short = (city or province) + "人民政府"
        agency = short
    year = rng.randint(*years)
    template = "2019" if year <= 2020 else "2021"
    published = date(year + 1, 1, 5) + timedelta(days=rng.randint(0, 80))
    code = "".join(rng.choice("0123456789") for _ in range(9)) if rng.random() < 0.6 else \
        "11" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(16))
    index = f"{code}/{year + 1}-{rng.randint(1, 99999):05d}"
    title = rng.choice((f"{agency}{year}年度政府信息公开工作年度报告", f"{agency}{year}年政府信息公开工作年度报告"))
    return Profile(agency, short, kind, year, template, published, index, title)


def preface(p: Profile) -> list[str]:
    return [(f"本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自{p.year}年1月1日起至"
             f"{p.year}年12月31日止。如对本报告有疑问,请与{p.agency}联系。")]
