"""Agency names: one agency under its different spellings, the kind of body it is, and
the fields of work a department's name gives it.

A name is read as its administrative divisions (``淮安市`` ``洪泽区``) followed by the
organ (``人民政府``, ``发展和改革局``). Two reports are by the same agency when their
organs agree and one's divisions end the other's (``洪泽区人民政府`` is
``淮安市洪泽区人民政府``; ``淮安市人民政府`` is not), with the office of a government
standing for the government (its report is often published under the office's name).
When both reports print a 索引号, its organisation code decides instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .template.normalize import clean

_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "街道", "地区", "省", "市", "盟", "州",
             "区", "县", "旗", "镇", "乡")
_DIVISION = re.compile(r"([\u4e00-\u9fff]{1,10}?(?:" + "|".join(_SUFFIXES) + "))")
_NOT_A_PLACE = re.compile(r"[和与及、]|^城$")  # 住房和城乡…, 城乡/城市… are organ words, not places
# 县信访局, 区政府办: the county's, the district's (unnamed); not 市场…, 市政工程…
_LEVEL_ONLY = re.compile(r"^(?:省|市|区|县|州|旗|镇|乡)(?=.)(?!场|政(?!府)|容|属|级)")

GOVERNMENT_ORGANS = ("人民政府", "政府")
OFFICE_ORGANS = ("人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅", "政府办")
_TOWNSHIP_DIVISIONS = ("镇", "乡", "街道")
_TOWNSHIP_ORGANS = ("", "人民政府", "政府", "办事处", "街道办事处")
_DEPARTMENT_END = re.compile(r"(?:局|委|委员会|办|办公室|厅|中心|署)$")
_NOT_DEPARTMENT = re.compile(r"(?:管委会|管理委员会)$")


class AgencyKind(str, Enum):
    GOVERNMENT = "government"  # a 县级以上人民政府 (or its office, publishing its report)
    DEPARTMENT = "department"  # a 县级以上人民政府部门: 局, 委, 办, 厅, 中心…
    TOWNSHIP = "township"  # 乡镇, 街道, 办事处: local schedules


@dataclass(frozen=True)
class AgencyName:
    divisions: tuple[str, ...]  # 淮安市, 洪泽区 …, outermost first
    organ: str  # what follows them, spaces and a bare level prefix removed

    @property
    def identity_organ(self) -> str:
        """The organ for same-agency matching: a government's office stands for it."""
        if self.organ in OFFICE_ORGANS or self.organ in GOVERNMENT_ORGANS:
            return "人民政府"
        if self.divisions and self.divisions[-1].endswith(_TOWNSHIP_DIVISIONS) and self.organ in _TOWNSHIP_ORGANS:
            return "人民政府"
        return self.organ

    @property
    def text_organ(self) -> str:
        """The organ as the text names it: 区政府 is 区人民政府, but 区政府办 is its office."""
        return "人民政府" if self.organ in GOVERNMENT_ORGANS else self.organ


def parse_name(name: str) -> AgencyName:
    """Split an agency name into its divisions and organ."""
    text = re.sub(r"\s+", "", clean(name))
    divisions: list[str] = []
    at = 0
    while True:
        m = _DIVISION.match(text, at)
        if not m or _NOT_A_PLACE.search(m.group(1)[:-1]):
            break
        at = m.end()
        if m.group(1).endswith("州") and text[at:at + 1] in ("市", "区", "县"):
            at += 1  # 湖州市, 通州区: 州 is part of the place name
        divisions.append(text[m.start():at])
    organ = _LEVEL_ONLY.sub("", text[at:])
    return AgencyName(tuple(divisions), organ)


def _divisions_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One list of divisions ends the other (an unnamed county agrees with any)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return not short or long[-len(short):] == short


def organisation_code(index_number: str | None) -> str | None:
    """The organisation code a 索引号 starts with (``785560680/2021-00060`` → 785560680).
    An 18-character unified social credit code holds the 9-character code at 9–17."""
    if not index_number or "/" not in index_number:
        return None
    head = re.sub(r"[\s\-—]", "", index_number.split("/", 1)[0]).upper()
    if len(head) == 18:
        return head[8:17]
    return head if len(head) == 9 else None


def same_agency(name_a: str | None, name_b: str | None,
                index_a: str | None = None, index_b: str | None = None) -> bool:
    """Are two reports by the same agency? The 索引号's organisation code decides when
    both have one; otherwise the names must agree."""
    code_a, code_b = organisation_code(index_a), organisation_code(index_b)
    if code_a and code_b:
        return code_a == code_b
    if not name_a or not name_b:
        return False
    a, b = parse_name(name_a), parse_name(name_b)
    return bool(a.identity_organ) and a.identity_organ == b.identity_organ and _divisions_agree(a.divisions, b.divisions)


def names_self(unit: str, agency: str | None) -> bool:
    """Does a unit named in a report's text (``我局`` aside) name the report's own agency?
    Unlike :func:`same_agency`, a government's office is not the government here: the
    text that counts the office's work counts less than the government's table."""
    if not agency:
        return False
    u, a = parse_name(unit), parse_name(agency)
    return bool(u.text_organ) and u.text_organ == a.text_organ and _divisions_agree(u.divisions, a.divisions)


def kind(name: str | None) -> AgencyKind | None:
    """Government, department or township, from the name; None when it does not say."""
    if not name:
        return None
    n = parse_name(name)
    if n.divisions and n.divisions[-1].endswith(_TOWNSHIP_DIVISIONS) and n.organ in _TOWNSHIP_ORGANS:
        return AgencyKind.TOWNSHIP
    if n.organ.endswith("办事处"):
        return AgencyKind.TOWNSHIP
    if n.organ in GOVERNMENT_ORGANS or n.organ in OFFICE_ORGANS:
        return AgencyKind.GOVERNMENT
    if _DEPARTMENT_END.search(n.organ) and not _NOT_DEPARTMENT.search(n.organ):
        return AgencyKind.DEPARTMENT
    return None


# ---------------------------------------------------------------- fields of work

@dataclass(frozen=True)
class Field:
    """A field of work: the words a department's name carries for it, and the words
    a text uses for it."""

    key: str
    in_name: tuple[str, ...]
    in_text: tuple[str, ...]


FIELDS: tuple[Field, ...] = (
    Field("housing", ("住建", "住房和城乡建设", "住房城乡建设", "建设局"), ("住建", "住房和城乡建设", "住房城乡建设")),
    Field("transport", ("交通",), ("交通运输",)),
    Field("health", ("卫生健康", "卫健", "卫生和计划生育", "卫计"), ("卫生健康", "卫健")),
    Field("education", ("教育", "教体"), ("教育",)),
    Field("police", ("公安",), ("公安",)),
    Field("civil_affairs", ("民政",), ("民政",)),
    Field("human_resources", ("人力资源和社会保障", "人社"), ("人社", "人力资源和社会保障")),
    Field("natural_resources", ("自然资源", "国土"), ("自然资源", "国土资源")),
    Field("environment", ("生态环境", "环保", "环境保护"), ("生态环境", "环境保护")),
    Field("agriculture", ("农业农村", "农业", "农委"), ("农业农村",)),
    Field("water", ("水利", "水务"), ("水利", "水务")),
    Field("market", ("市场监督管理", "市场监管"), ("市场监管", "市场监督管理")),
    Field("emergency", ("应急管理",), ("应急管理",)),
    Field("medical_insurance", ("医疗保障", "医保"), ("医疗保障", "医保")),
    Field("petitions", ("信访",), ("信访",)),
)


def fields_of(name: str | None) -> set[str]:
    """The fields a department's name gives it (empty for other bodies, or when it names none)."""
    if name is None or kind(name) is not AgencyKind.DEPARTMENT:
        return set()
    organ = parse_name(name).organ
    return {f.key for f in FIELDS if any(w in organ for w in f.in_name)}


__all__ = [
    "GOVERNMENT_ORGANS", "OFFICE_ORGANS", "AgencyKind", "AgencyName", "parse_name", "organisation_code",
    "same_agency", "names_self", "kind", "Field", "FIELDS", "fields_of"
]
