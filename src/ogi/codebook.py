"""The codebook: every cell key of the two official formats, described for a researcher.

It is generated from the template (:mod:`ogi.template`), never written by hand: each value
cell of tables 二, 三 and 四 in either format gives one entry, keyed ``table.row.column``
as the store and every export key it. An entry carries

- the Chinese label path as the official form prints it (table heading › group › row ›
  column header), and an English label;
- the formats that print the cell (``2019``, ``2021`` or both) and whether a format
  derives it rather than prints it (``table3.other.*`` in 2021 is the sum of its three
  sub-rows);
- its unit (件 counts, signed counts, 万元 amounts) from the template's value kinds;
- the identities it takes part in: the hard ones read off the template's
  ``TableSpec.identities``, each with its code (``T3_ROW_TOTAL``, ``T4_TOTAL``, ``T3_BALANCE``,
  ``T3_OUTCOME_TOTAL``), derived rows, and the plausibility and cross-year relations of
  ``template.md`` §4, listed in :data:`RELATIONS` by the cells they read.

English labels are the one thing the template does not hold (it spells what reports
print); they are here, keyed by the template's own keys, and a test fails when a key of
the template has none. ``ogi codebook`` prints the entries as CSV, JSON or Markdown;
``docs/codebook.md`` is the Markdown output, and every export writes one beside it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from functools import cache

from .template import FORMATS, IDENTITY_CODES
from .template.arithmetic import instances
from .template.formats import APPLICANT_COLUMNS, T4_GROUP_LABELS, T4_RESULTS, Kind

PATH_SEPARATOR = " › "
FIELDS = ("key", "table", "row", "column", "label_zh", "label_en", "formats", "unit", "derived_in", "identities")

UNITS = {Kind.COUNT: "件 (count)", Kind.SIGNED: "件, signed (count, may be negative)", Kind.AMOUNT: "万元 (10,000 yuan)"}
TABLE_EN = {"table2": "Table 2: information disclosed on the agency's own initiative",
            "table3": "Table 3: applications for disclosure received and handled",
            "table4": "Table 4: administrative review and litigation over disclosure"}

ROW_EN = {
    # table 二 items
    "regulations": "regulations (规章)",
    "normative_documents": "normative documents",
    "licensing": "administrative licensing",
    "other_services": "other external administrative services",
    "punishment": "administrative punishment",
    "coercion": "administrative coercion",
    "fees": "administrative fees",
    "procurement": "government centralised procurement",
    # table 三 rows
    "new_received": "new applications received this year",
    "carried_over": "applications carried over from last year",
    "granted": "outcome: disclosed",
    "partially_granted": "outcome: partially disclosed",
    "denied.state_secret": "not disclosed: state secret",
    "denied.prohibited_by_law": "not disclosed: prohibited by other laws and regulations",
    "denied.security_stability": "not disclosed: endangers security or stability",
    "denied.third_party_rights": "not disclosed: protects a third party's lawful rights",
    "denied.internal_affairs": "not disclosed: internal affairs information",
    "denied.process_information": "not disclosed: process information",
    "denied.enforcement_file": "not disclosed: administrative enforcement file",
    "denied.administrative_query": "not disclosed: an administrative query matter",
    "unable.not_held": "unable to provide: not held by the agency",
    "unable.needs_creation": "unable to provide: would have to be created",
    "unable.still_unclear": "unable to provide: request still unclear after correction",
    "not_processed.complaint": "not processed: petition, report or complaint",
    "not_processed.repeated": "not processed: repeated application",
    "not_processed.publication": "not processed: asks for a publication",
    "not_processed.excessive": "not processed: excessive repeated applications without good reason",
    "not_processed.confirm_existing": "not processed: asks to confirm or re-issue information already obtained",
    "other": "other handling",
    "other.no_correction": "other handling: applicant did not correct the application in time",
    "other.no_fee": "other handling: applicant did not pay the fee in time",
    "other.other": "other handling: other",
    "total": "total handled",
    "carried_forward": "carried forward to next year",
    # table 四 groups
    "review": "administrative review",
    "litigation_direct": "litigation without prior review",
    "litigation_after_review": "litigation after review",
}
COLUMN_EN = {
    # table 二 measures
    "issued": "issued this year", "repealed": "repealed this year", "in_force": "in force",
    "decisions": "decisions this year", "amount": "amount", "made": "newly made this year",
    "published": "newly published this year", "total_published": "total published",
    "items_prev_year": "items last year", "items_change": "change this year", "projects": "projects",
    # table 三 applicants
    "natural_person": "natural persons", "commercial": "commercial enterprises", "research": "research institutions",
    "social_welfare": "public-welfare organisations", "legal_service": "legal service institutions",
    "other_org": "other organisations", "total": "total",
    # table 四 results
    "upheld": "upheld", "corrected": "corrected", "pending": "pending",
}
COLUMN_EN_T4 = {"other": "other result"}

# Plausibility and cross-year relations (template.md §4) and the cells they read, per format.
_STOCK_2021 = tuple((r, c) for r in ("regulations", "normative_documents") for c in ("issued", "repealed", "in_force"))
_ITEMS_2019 = tuple((r, c) for r in ("licensing", "other_services", "punishment", "coercion", "fees")
                    for c in ("items_prev_year", "items_change"))
RELATIONS: dict[str, dict[str, tuple[tuple[str, str, str], ...]]] = {
    "T2_STOCK": {"2021": tuple(("table2", r, c) for r, c in _STOCK_2021)},
    "CROSS_YEAR_STOCK": {"2021": tuple(("table2", r, c) for r, c in _STOCK_2021)},
    "T2_PUBLISHED": {"2019": tuple(("table2", r, c) for r in ("regulations", "normative_documents")
                                   for c in ("published", "total_published"))},
    "T2_CHANGE_LARGE": {"2019": tuple(("table2", r, c) for r, c in _ITEMS_2019)},
    "CROSS_YEAR_ITEMS": {"2019": tuple(("table2", r, c) for r, c in _ITEMS_2019)},
    "CROSS_YEAR_CARRY": {f: tuple(("table3", r, m.key) for r in ("carried_over", "carried_forward")
                                  for m in APPLICANT_COLUMNS) for f in ("2019", "2021")},
}
DERIVED = "DERIVED"  # a row the format does not print, filled as the sum of its sub-rows
HARD_IDENTITIES = IDENTITY_CODES
CODE_ORDER = (*HARD_IDENTITIES, DERIVED, *RELATIONS)


@dataclass(frozen=True)
class Entry:
    """One cell key, described."""

    key: str
    table: str
    row: str
    column: str
    label_zh: str
    label_en: str
    formats: str  # "2019,2021", "2019" or "2021"
    unit: str
    derived_in: str  # formats that derive the cell instead of printing it ("" if none)
    identities: str  # rule codes, comma-separated, in template order


def _table3_path(spec, row_key: str) -> list[str]:
    groups = {g.key: g.label for g in spec.groups}
    if row_key in spec.derived:
        return [groups["outcomes"], groups[row_key]]
    row = spec.row(row_key)
    path = []
    if row.group is not None or row_key == "total":  # 三、本年度办理结果 spans (一)予以公开 … (七)总计
        path.append(groups["outcomes"])
    if row.group in groups and row.group != "outcomes":
        path.append(groups[row.group])
    return path + [row.label]


def _column_zh(table: str, row_key: str, col: str, spec) -> str:
    if table == "table3":
        labels = {m.key: m.label for m in APPLICANT_COLUMNS}
        return ("申请人情况" + PATH_SEPARATOR + ("" if col in ("natural_person", "total") else "法人或其他组织"
                + PATH_SEPARATOR) + labels[col])
    if table == "table4":
        return {m.key: m.label for m in T4_RESULTS}[col]
    row = spec.row(row_key)
    return dict(zip((c for _, c, _ in row.cells), row.column_labels))[col]


def _label_zh(table: str, row_key: str, col: str, spec) -> str:
    if table == "table2":
        row = spec.row(row_key)
        parts = [spec.title, row.caption, row.label, _column_zh(table, row_key, col, spec)]
    elif table == "table3":
        parts = [spec.title, *_table3_path(spec, row_key), _column_zh(table, row_key, col, spec)]
    else:
        group = T4_GROUP_LABELS[row_key]
        parts = [spec.title, *group.replace(")", "").split("("), _column_zh(table, row_key, col, spec)]
    return PATH_SEPARATOR.join(parts)


def _label_en(table: str, row_key: str, col: str) -> str:
    column = COLUMN_EN_T4.get(col) if table == "table4" else None
    return f"{ROW_EN[row_key]} — {column or COLUMN_EN[col]}"


def _identities(fmt_name: str) -> dict[tuple[str, str, str], list[str]]:
    """Cell → the identity codes it takes part in, in one format."""
    fmt = FORMATS[fmt_name]
    out: dict[tuple[str, str, str], list[str]] = {}

    def add(cell, code):
        codes = out.setdefault(cell, [])
        if code not in codes:
            codes.append(code)

    for table in fmt.tables:
        for identity in table.identities:
            for left, right in instances(table, identity):
                for cell in left + right:
                    add((table.key, *cell), identity.code)
        columns = [m.key for m in APPLICANT_COLUMNS]
        for derived, derived_parts in table.derived.items():
            for derived_row in (derived, *derived_parts):
                for col in columns:
                    add((table.key, derived_row, col), DERIVED)
    for code, by_format in RELATIONS.items():
        for related in by_format.get(fmt_name, ()):
            add(related, code)
    return out


@cache
def entries() -> tuple[Entry, ...]:
    """Every cell key of both formats, in printed order (2021 first, then what only 2019 has)."""
    seen: dict[tuple[str, str, str], dict] = {}
    for fmt_name in ("2021", "2019"):
        ids = _identities(fmt_name)
        fmt = FORMATS[fmt_name]
        for spec in fmt.tables:
            kinds = {(r, c): k for printed in spec.rows for r, c, k in printed.cells}
            for row_key, cols in spec.output_rows().items():
                for col in cols:
                    cell = (spec.key, row_key, col)
                    item = seen.setdefault(cell, {"formats": [], "derived_in": [], "identities": [],
                                                  "label_zh": _label_zh(spec.key, row_key, col, spec),
                                                  "kind": kinds.get((row_key, col), Kind.COUNT)})
                    item["formats"].append(fmt_name)
                    if row_key in spec.derived:
                        item["derived_in"].append(fmt_name)
                    item["identities"] += [c for c in ids.get(cell, []) if c not in item["identities"]]
    return tuple(
        Entry(".".join(cell), cell[0], cell[1], cell[2], item["label_zh"], _label_en(*cell),
              ",".join(sorted(item["formats"])), UNITS[item["kind"]], ",".join(sorted(item["derived_in"])),
              ",".join(sorted(item["identities"], key=CODE_ORDER.index)))
        for cell, item in seen.items())


@cache
def labels_zh() -> dict[str, str]:
    """Cell key → its Chinese label path."""
    return {e.key: e.label_zh for e in entries()}


# ------------------------------------------------------------------ output

CODEBOOK_FORMATS = ("csv", "json", "md")


def to_csv() -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FIELDS)
    w.writerows([getattr(e, f) for f in FIELDS] for e in entries())
    return buf.getvalue()


def to_json() -> str:
    return json.dumps([asdict(e) for e in entries()], ensure_ascii=False, indent=1) + "\n"


MD_INTRO = """# Codebook

Every cell key of the statistical tables of the annual report (政府信息公开工作年度报告), as
the store, `ogi parse --format json` and every export key it (`table.row.column`). Generated
from the template by `ogi codebook --format md`; do not edit by hand (a test compares this
file with the generated one). `ogi export` writes the same codebook beside every export.

- **formats**: the official formats that have the cell — 2019 (国办公开办函〔2019〕60号, report
  years 2019–2020) and 2021 (国办公开办函〔2021〕30号, report years from 2021).
- **derived in**: the format does not print the cell; the parser fills it as the sum of its
  sub-rows (so that 2019 and 2021 reports compare on one key).
- **identities**: the rules the cell takes part in. Hard identities (a report breaking one is
  left out of rates unless asked): `T3_BALANCE` (一+二 = (七)+四, every column), `T3_ROW_TOTAL`
  (总计 = the six applicant columns), `T3_OUTCOME_TOTAL` ((七)总计 = every outcome row),
  `T4_TOTAL` (总计 = 维持+纠正+其他+尚未审结). Plausibility and cross-year: `T2_STOCK`,
  `T2_PUBLISHED`, `T2_CHANGE_LARGE`, `CROSS_YEAR_CARRY`, `CROSS_YEAR_STOCK`, `CROSS_YEAR_ITEMS`;
  `DERIVED`: the derived row and its parts.
"""


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown() -> str:
    lines = [MD_INTRO]
    for table in ("table2", "table3", "table4"):
        lines += [f"## {FORMATS['2021'].table(table).title} — {TABLE_EN[table]}", "",
                  "| key | 中文 | English | formats | unit | derived in | identities |",
                  "|---|---|---|---|---|---|---|"]
        for e in entries():
            if e.table == table:
                zh = PATH_SEPARATOR.join(e.label_zh.split(PATH_SEPARATOR)[1:])  # the table title is the heading
                lines.append("| " + " | ".join(_md_cell(x) for x in (
                    f"`{e.key}`", zh, e.label_en, e.formats, e.unit, e.derived_in, e.identities)) + " |")
        lines.append("")
    return "\n".join(lines)


def render(fmt: str) -> str:
    """The codebook as ``csv``, ``json`` or ``md``."""
    return {"csv": to_csv, "json": to_json, "md": to_markdown}[fmt]()


__all__ = [
    "PATH_SEPARATOR", "FIELDS", "UNITS", "TABLE_EN", "ROW_EN", "COLUMN_EN", "COLUMN_EN_T4", "RELATIONS",
    "DERIVED", "HARD_IDENTITIES", "CODE_ORDER", "Entry", "entries", "labels_zh", "CODEBOOK_FORMATS",
    "to_csv", "to_json", "MD_INTRO", "to_markdown", "render"
]
