"""The canonical model of a parsed report, serialised exactly as ``schema.md`` says.

The classes are standard-library dataclasses, so that parsing a report and printing its
JSON never imports pydantic (importing it and building the first model costs more CPU than
parsing a text report; see ``benchmarks/startup.py``). What needs validation or the stored
JSON document goes through pydantic, imported then: :class:`_Pydantic` gives every class
pydantic's model methods the rest of the code uses — ``model_dump``, ``model_dump_json``
(the document the store keeps), ``model_validate_json``, ``model_validate`` and
``model_copy`` — from a ``TypeAdapter`` of the dataclass, which validates and serialises a
dataclass as it did the model (same fields, same order, same JSON; a test holds every
parsed corpus report's document equal to the one the pydantic model wrote).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from typing import Any

from .template import BY_CODE, FORMATS, Severity

SCHEMA_VERSION = 2  # 2: ``sections`` (the narrative) in the JSON
SECTION_KEYS = ("s1", "s2", "s3", "s4", "s5", "s6")

Value = int | float | None
KEYS_KEPT = 4096  # schema keys whose parts are kept once split (the two formats have about 500)


_ADAPTERS: dict[type, Any] = {}  # class → its pydantic TypeAdapter, made on first use


def _adapter(cls: type) -> Any:
    if cls not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


def prepare() -> None:
    """Build the validator and serialiser of every class now (this imports pydantic), so
    that a process about to store reports does not pay it during its first one."""
    for cls in (Finding, Source, Meta, SectionText, Report):
        _adapter(cls)


class _Pydantic:
    """pydantic's model methods, for a dataclass (see the module docstring)."""

    def model_dump(self) -> dict:
        return _adapter(type(self)).dump_python(self)

    def model_dump_json(self) -> str:
        return _adapter(type(self)).dump_json(self).decode()

    @classmethod
    def model_validate(cls, data):
        return _adapter(cls).validate_python(data)

    @classmethod
    def model_validate_json(cls, document: str | bytes):
        return _adapter(cls).validate_json(document)

    def model_copy(self, update: dict | None = None, deep: bool = False):
        """A copy (``deep``: of everything it holds), with the fields in ``update`` replaced
        (not validated)."""
        new = copy.deepcopy(self) if deep else copy.copy(self)
        for name, value in (update or {}).items():
            setattr(new, name, value)
        return new


@dataclass(kw_only=True)
class Finding(_Pydantic):
    """One finding: a stable code, its severity, a message and the cell or part it concerns.

    ``message`` is Chinese and ``message_en`` English; ``where`` is a schema key such as
    ``table3.total.total``, a section (``section.s5``), or ``meta.published_date``.
    ``line``/``page`` locate it in the source when known. Only the four keys of
    ``schema.md`` appear in the JSON of ``ogi parse``.
    """

    code: str
    severity: Severity
    message: str
    where: str | None = None
    message_en: str = ""
    line: int | None = None
    page: int | None = None

    @classmethod
    def of(cls, code: str, message: str, message_en: str = "", where: str | None = None,
           line: int | None = None, page: int | None = None) -> "Finding":
        return cls(code=code, severity=BY_CODE[code].severity, message=message, where=where,
                   message_en=message_en, line=line, page=page)

    def __post_init__(self) -> None:
        if not isinstance(self.severity, Severity):  # the code's name of it, e.g. "error"
            self.severity = Severity(self.severity)

    def as_json(self) -> dict:
        return {"code": self.code, "severity": self.severity.value, "message": self.message, "where": self.where}


@dataclass(kw_only=True)
class Source(_Pydantic):
    path: str | None = None
    sha256: str | None = None
    format: str | None = None

    def as_json(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "format": self.format}


@dataclass(kw_only=True)
class Meta(_Pydantic):
    title: str | None = None
    agency: str | None = None
    year: int | None = None
    template: str | None = None  # "2019" | "2021" | "legacy"
    published_date: str | None = None  # ISO date
    index_number: str | None = None

    def as_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(kw_only=True)
class SectionText(_Pydantic):
    """A section's heading as printed (None when lost) and its text, one paragraph a line,
    with the source line and page of the heading and of each paragraph (``places``, one
    per line; not part of the JSON, which gives where the section starts)."""

    heading: str | None = None
    text: str = ""
    line: int | None = None
    page: int | None = None
    places: list[tuple[int | None, int | None]] = field(default_factory=list)

    def locate(self, sentence: str, probe: int = 12) -> tuple[int | None, int | None]:
        """(line, page) of the text line that holds ``sentence`` (its first ``probe``
        characters, compared normalised); the heading's when it is not found."""
        from .template.normalize import clean

        head = clean(sentence)[:probe]
        for text, place in zip(self.text.split("\n"), self.places):
            if head and head in clean(text):
                return place
        return self.line, self.page

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n") if p.strip()]

    def as_json(self) -> dict:
        return {"heading": self.heading, "text": self.text, "line": self.line, "page": self.page}

    @classmethod
    def from_json(cls, data: dict) -> "SectionText":
        return cls(heading=data.get("heading"), text=data.get("text") or "", line=data.get("line"),
                   page=data.get("page"))


@dataclass(kw_only=True)
class Report(_Pydantic):
    schema_version: int = SCHEMA_VERSION
    source: Source = field(default_factory=Source)
    meta: Meta = field(default_factory=Meta)
    table2: dict[str, dict[str, Value]] = field(default_factory=dict)
    table3: dict[str, dict[str, Value]] = field(default_factory=dict)
    table4: dict[str, dict[str, Value]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    provenance: dict[str, dict[str, Any]] = field(default_factory=dict)
    sections: dict[str, SectionText] = field(default_factory=dict)  # s1 … s6, in printed order
    legacy: dict[str, Value] | None = None  # template "legacy": headline figures (extract/legacy.py)

    def __post_init__(self) -> None:
        """A report stored or written by an earlier schema reads as the current one (version 1
        lacked only ``sections``); one from a later schema is refused."""
        if self.schema_version > SCHEMA_VERSION:
            raise ValueError(f"schema_version {self.schema_version} is newer than this ogi ({SCHEMA_VERSION})")
        self.schema_version = SCHEMA_VERSION

    def value(self, dotted: str) -> Value:
        """A value by its schema key, e.g. ``table3.denied.state_secret.total``."""
        table, row, col = _key_parts(dotted)
        return getattr(self, table).get(row, {}).get(col)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def as_json(self) -> dict:
        """The object ``ogi parse --format json`` prints."""
        return {
            "schema_version": self.schema_version,
            "source": self.source.as_json(),
            "meta": self.meta.as_json(),
            "table2": self.table2,
            "table3": self.table3,
            "table4": self.table4,
            "sections": {k: self.sections[k].as_json() for k in SECTION_KEYS if k in self.sections},
            "findings": [f.as_json() for f in self.findings],
            "provenance": self.provenance,
        } | ({"legacy": self.legacy or {}} if self.meta.template == "legacy" else {})

    @classmethod
    def from_json(cls, data: dict) -> "Report":
        """Read back what :meth:`as_json` wrote (findings keep code, severity, message, where).

        Both schema versions read: version 1 had no ``sections`` (the report then has none);
        the object read is of the current version."""
        findings = [{"code": f["code"], "severity": f.get("severity") or BY_CODE[f["code"]].severity,
                     "message": f.get("message", ""), "where": f.get("where")}
                    for f in data.get("findings") or []]
        sections = {k: SectionText.from_json(v) for k, v in (data.get("sections") or {}).items()
                    if k in SECTION_KEYS and isinstance(v, dict)}
        return cls.model_validate({  # validated as the pydantic model did: "2023" is the year 2023
            "source": data.get("source") or {}, "meta": data.get("meta") or {},
            "table2": data.get("table2") or {}, "table3": data.get("table3") or {}, "table4": data.get("table4") or {},
            "findings": findings, "provenance": data.get("provenance") or {},
            "sections": {k: v.as_json() for k, v in sections.items()}, "legacy": data.get("legacy")})


def empty_tables(template: str) -> dict[str, dict[str, dict[str, Value]]]:
    """Every row and column key of a format, all null: what a report of it holds at least."""
    return {table: {row: dict.fromkeys(cols) for row, cols in rows} for table, rows in _output_keys(template)}


@cache
def _output_keys(template: str) -> tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]:
    """(table key, (row key, column keys) …) of a format, read off the template once."""
    return tuple((t.key, tuple(t.output_rows().items())) for t in FORMATS[template].tables)


@lru_cache(maxsize=KEYS_KEPT)
def _key_parts(dotted: str) -> tuple[str, str, str]:
    """(table, row, column) of a schema key, split once per key (the checks ask for the same
    keys of every report)."""
    table, rest = dotted.split(".", 1)
    row, col = rest.rsplit(".", 1)
    return table, row, col


__all__ = [
    "SCHEMA_VERSION", "SECTION_KEYS", "Value", "Finding", "Source", "Meta", "SectionText", "Report", "empty_tables"
]
