"""Agency names: one agency under its spellings, its kind, its fields of work."""

from __future__ import annotations

import pytest

from ogi.agency import (
    AgencyKind,
    AgencyName,
    fields_of,
    kind,
    names_self,
    organisation_code,
    parse_name,
    same_agency,
)


@pytest.mark.parametrize("name,divisions,organ", [
    ("淮安市洪泽区人民政府", ("淮安市", "洪泽区"), "人民政府"),
    ("湖州市吴兴区发改经信局", ("湖州市", "吴兴区"), "发改经信局"),
    ("区发改经信局", (), "发改经信局"),
    ("县信访局", (), "信访局"),
    ("靖江市滨江新区办事处", ("靖江市", "滨江新区"), "办事处"),
    ("淮安市市场监督管理局", ("淮安市",), "市场监督管理局"),
    ("沭阳县住房和城乡建设局", ("沭阳县",), "住房和城乡建设局"),
])
def test_divisions_and_organ(name, divisions, organ):
    assert parse_name(name) == AgencyName(divisions, organ)


@pytest.mark.parametrize("a,b,same", [
    ("淮安市洪泽区人民政府", "洪泽区人民政府", True),
    ("洪泽区人民政府办公室", "淮安市洪泽区人民政府", True),  # the office publishes the government's report
    ("洪泽区人民政府", "淮安市人民政府", False),
    ("湖州市吴兴区发改经信局", "区发改经信局", True),
    ("沭阳县发展和改革局", "沭阳县信访局", False),
    ("一平浪镇", "禄丰市一平浪镇人民政府", True),
])
def test_same_agency_by_name(a, b, same):
    assert same_agency(a, b) is same


def test_the_index_numbers_organisation_code_decides():
    assert organisation_code("11330524MB15359635/2024-00007") == "MB1535963"
    assert organisation_code("785560680/2021-00060") == "785560680"
    assert same_agency("区发改经信局", "吴兴区发展和改革局", "11330524MB15359635/2024-00007", "MB1535963/2023-00001")
    assert not same_agency("县信访局", "县信访局", "785560680/2021-00060", "014314799/2024-00002")


def test_the_text_naming_the_report_agency():
    assert names_self("县发展和改革局", "沭阳县发展和改革局")
    assert names_self("区政府", "重庆市北碚区人民政府")
    assert not names_self("区政府办", "淮安市洪泽区人民政府")  # the office's count is not the government's


@pytest.mark.parametrize("name,expected", [
    ("区发改经信局", AgencyKind.DEPARTMENT), ("沭阳县发展和改革局", AgencyKind.DEPARTMENT),
    ("重庆市北碚区人民政府", AgencyKind.GOVERNMENT), ("淮安市人民政府办公室", AgencyKind.GOVERNMENT),
    ("一平浪镇", AgencyKind.TOWNSHIP), ("靖江市滨江新区办事处", AgencyKind.TOWNSHIP),
    ("经济技术开发区管委会", None), (None, None),
])
def test_kind(name, expected):
    assert kind(name) is expected


def test_fields_of_a_departments_name():
    assert fields_of("沭阳县住房和城乡建设局") == {"housing"}
    assert fields_of("县信访局") == {"petitions"}
    assert fields_of("区发改经信局") == set()
    assert fields_of("淮安市人民政府") == set()  # 人民政府 holds 民政 but is no department
