"""CLI commands: each module registers its commands on ``ogi.cli.app`` when imported.

Modules are imported only when one of their commands runs or shows its help (see
``ogi.cli.LazyGroup``), so that ``ogi parse`` does not pay for the database, the web app or
the renderer. ``ogi --help`` lists every command from the table below without importing any
of them; a test checks that each line matches what its module registers.

A module missing from the table still works: it is imported whenever the command list is
needed, which costs start-up time for every command — add its line here.
"""

from __future__ import annotations

# command → (module in this package, one-line help as ``ogi --help`` shows it), in the
# order ``ogi --help`` lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "parse": ("parse", "Parse reports into the canonical model, with the findings of the checks."),
    "check": ("check", "Check reports: the table identities, plausibility, text against tables, dates "
        "and, given several files, the rules across years and copied text."),
    "render": ("render", "Draw a report in the official 2019 or 2021 format: six sections, three tables "
        "with merged header cells and group rows. The data is checked first; errors stop "
        "the rendering unless --force, which marks every page “草稿 · 未通过校验”. Exit status: "
        "0 rendered, 1 bad input or errors."),
    "form": ("form", "Write a spreadsheet to fill in: one sheet per table laid out like the official "
        "tables, totals as formulas, input cells validated, a sheet for the text. Read it "
        "back with 'ogi render FILE' or 'ogi parse FILE'. With --ledger: the ledger "
        "template, one row per application, read by 'ogi ledger …'."),
    "synth": ("synth", "Write N synthetic reports with known values and their expected JSON, for 'python "
        "shared/tools/score.py DIR'. PDF needs WeasyPrint and a CJK font."),
    "ingest": ("ingest", "Parse reports and store them with their values, provenance and findings."),
    "reparse": ("reparse", "Parse stored reports again with this parser version, from their files."),
    "fetch": ("fetch", "Download report pages and the PDF/DOC/DOCX/WPS files they link to."),
    "stats": ("stats", "Totals and rates over the stored reports."),
    "compare": ("compare", "Compare two agencies, or two years, cell by cell."),
    "findings": ("findings", "The findings stored with the reports (their own checks, cross-year rules, roll-ups)."),
    "review": ("findings", "Confirm or dismiss a finding; the verdict stays when the report is parsed again."),
    "export": ("export", "Export tidy tables, statistics, or the whole database; the codebook goes beside."),
    "sql": ("sql", "Run one SQL query on the database, read-only and bounded."),
    "agencies": ("agencies", "Agencies across years: list them, merge two, split one."),
    "serve": ("serve", "Serve the web app: overview, report pages with the original beside, agencies, "
        "comparisons, uploads, and the JSON API (/docs)."),
    "codebook": ("codebook", "The codebook: every cell key (table.row.column) with its Chinese label path, "
        "English label, the formats that print it (2019/2021), its unit and the "
        "identities it takes part in. Generated from the template; ``ogi export`` writes "
        "it beside every export."),
    "trend": ("trend", "A measure year over year: value, the year before, change and percent change."),
    "versions": ("versions", "The versions of one agency's report of a year, and every cell that changed."),
    "author": ("author", "Write a report in ogi: draft → checked → published, every version kept."),
    "ledger": ("ledger", "依申请公开台账: tables 三/四 from the ledger, the rows behind a cell, deadlines."),
    "users": ("users", "Web accounts: reviewers and administrators."),
}


__all__ = ["COMMANDS"]
