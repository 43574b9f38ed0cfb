"""The model's dataclasses write and read what the pydantic model wrote and read.

``ogi.model`` was a set of pydantic models; it is now dataclasses (so that ``ogi parse``
does not import pydantic), with pydantic's methods served by a ``TypeAdapter``. The
pydantic models are kept here, as they were, as the reference: for every report of the
shared corpus, the samples and the text fixtures, the stored document
(``model_dump_json``), the Python dump and the ``ogi parse`` JSON must be the ones the
pydantic model gives for the same values, and validating the parsed values through the
pydantic model must change nothing (the parser makes values of the declared types).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field, field_validator

from ogi import parse
from ogi.model import SCHEMA_VERSION, Finding, Meta, Report, SectionText, Source
from ogi.template import Severity

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
PEER = ROOT.parent / "shared" / "corpus" / "peer"

Value = int | float | None


class FindingModel(BaseModel):
    code: str
    severity: Severity
    message: str
    where: str | None = None
    message_en: str = ""
    line: int | None = None
    page: int | None = None


class SourceModel(BaseModel):
    path: str | None = None
    sha256: str | None = None
    format: str | None = None


class MetaModel(BaseModel):
    title: str | None = None
    agency: str | None = None
    year: int | None = None
    template: str | None = None
    published_date: str | None = None
    index_number: str | None = None


class SectionTextModel(BaseModel):
    heading: str | None = None
    text: str = ""
    line: int | None = None
    page: int | None = None
    places: list[tuple[int | None, int | None]] = Field(default_factory=list)


class ReportModel(BaseModel):
    schema_version: int = SCHEMA_VERSION
    source: SourceModel = Field(default_factory=SourceModel)
    meta: MetaModel = Field(default_factory=MetaModel)
    table2: dict[str, dict[str, Value]] = Field(default_factory=dict)
    table3: dict[str, dict[str, Value]] = Field(default_factory=dict)
    table4: dict[str, dict[str, Value]] = Field(default_factory=dict)
    findings: list[FindingModel] = Field(default_factory=list)
    provenance: dict[str, dict[str, Any]] = Field(default_factory=dict)
    sections: dict[str, SectionTextModel] = Field(default_factory=dict)
    legacy: dict[str, Value] | None = None

    @field_validator("schema_version")
    @classmethod
    def _current(cls, version: int) -> int:
        if version > SCHEMA_VERSION:
            raise ValueError(f"schema_version {version} is newer than this ogi ({SCHEMA_VERSION})")
        return SCHEMA_VERSION


def _files() -> list[Path]:
    found = sorted(SEEDS.glob("*.txt")) + sorted(p for p in PEER.glob("*.html"))
    found += sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".html", ".docx"))
    found += sorted((ROOT / "tests" / "fixtures" / "txt").glob("*.txt"))
    return found


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_the_document_is_the_pydantic_models(path):
    report = parse(path)
    reference = ReportModel.model_validate(report.model_dump())
    assert report.model_dump_json() == reference.model_dump_json()
    assert report.model_dump() == reference.model_dump()  # validation changed no value
    assert (json.dumps(report.as_json(), ensure_ascii=False, indent=1)
            == json.dumps(_as_json(reference), ensure_ascii=False, indent=1))
    back = Report.model_validate_json(reference.model_dump_json())
    assert back == report
    assert all(type(f) is Finding for f in back.findings) and all(type(s) is SectionText for s in back.sections.values())


def _as_json(m: ReportModel) -> dict:
    """What ``ogi parse`` printed from the pydantic model (``Report.as_json`` as it was)."""
    return {
        "schema_version": m.schema_version,
        "source": m.source.model_dump(),
        "meta": m.meta.model_dump(),
        "table2": m.table2,
        "table3": m.table3,
        "table4": m.table4,
        "sections": {k: {"heading": s.heading, "text": s.text, "line": s.line, "page": s.page}
                     for k in ("s1", "s2", "s3", "s4", "s5", "s6") if (s := m.sections.get(k)) is not None},
        "findings": [{"code": f.code, "severity": f.severity.value, "message": f.message, "where": f.where}
                     for f in m.findings],
        "provenance": m.provenance,
    } | ({"legacy": m.legacy or {}} if m.meta.template == "legacy" else {})


def test_validation_coerces_and_refuses_as_the_model_did():
    document = json.dumps({"schema_version": 1, "meta": {"year": "2023", "unknown": 1},
                           "findings": [{"code": "T3_BALANCE", "severity": "error", "message": "x"}]})
    report = Report.model_validate_json(document)
    reference = ReportModel.model_validate_json(document)
    assert report.model_dump_json() == reference.model_dump_json()
    assert (report.schema_version, report.meta.year, report.findings[0].severity) == (2, 2023, Severity.ERROR)
    with pytest.raises(ValueError, match="schema_version 3 is newer than this ogi"):
        Report.model_validate_json('{"schema_version": 3}')
    with pytest.raises(ValueError, match="schema_version 3 is newer than this ogi"):
        Report(schema_version=3)
    assert Report.from_json({"meta": {"year": "2020"}}).meta.year == 2020


def test_copies_and_constructors_behave_as_the_models_did():
    report = Report(meta=Meta(year=2023), sections={"s1": SectionText(text="a", places=[(1, None)])},
                    findings=[Finding(code="T3_BALANCE", severity="error", message="x")])
    deep = report.model_copy(deep=True)
    assert deep == report and deep.sections["s1"] is not report.sections["s1"]
    moved = report.model_copy(update={"meta": report.meta.model_copy(update={"agency": "甲"})})
    assert (moved.meta.agency, report.meta.agency, moved.findings is report.findings) == ("甲", None, True)
    assert report.findings[0].severity is Severity.ERROR
    assert Source().model_dump() == SourceModel().model_dump()
    with pytest.raises(TypeError):
        Meta(None)  # keyword arguments only, as pydantic's
