"""The official formats of the annual report as data: tables, rows, columns, labels, their
variants, sections, and the finding codes with their rules. Defined once; read by the
parser, the checks and the renderer."""

from .formats import (
    APPLICANT_COLUMNS,
    FORMAT_2019,
    FORMAT_2021,
    FORMATS,
    IDENTITY_CODES,
    OTHER_SUBROWS,
    SECTIONS,
    T4_GROUPS,
    T4_RESULTS,
    TABLE_NAMES,
    Format,
    Identity,
    Kind,
    Per,
    PrintedRow,
    Section,
    TableSpec,
    expected_format,
)
from .normalize import clean, label_key, nfkc
from .rules import BY_CODE, RULES, Rule, Severity, rule

__all__ = [
    "APPLICANT_COLUMNS", "FORMAT_2019", "FORMAT_2021", "FORMATS", "IDENTITY_CODES", "OTHER_SUBROWS", "SECTIONS",
    "T4_GROUPS", "T4_RESULTS", "TABLE_NAMES", "Format", "Identity", "Kind", "Per", "PrintedRow", "Section", "TableSpec",
    "expected_format", "clean", "label_key", "nfkc", "BY_CODE", "RULES", "Rule", "Severity", "rule",
]
