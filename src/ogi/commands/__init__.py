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
    "parse": ("parse", "把报告解析为统一数据模型,附检查发现。 / Parse reports into the canonical model, with the findings of the "
        "checks."),
    "check": ("check", "逐条检查报告:表格勾稽关系、合理性、正文与表格、日期;多份报告还查跨年度规则和照搬文字。 / Check reports: the table identities, "
        "plausibility, text against tables, dates and, given several files, the rules across "
        "years and copied text."),
    "render": ("render", "按 2019 或 2021 年官方格式绘制报告,先做检查。 / Draw a report in the official 2019 or 2021 format, "
        "checked first."),
    "form": ("form", "生成供机关填报的 Excel 表,或依申请公开台账模板。 / Write a spreadsheet for an agency to fill in, or the "
        "application ledger template."),
    "synth": ("synth", "生成数值已知的合成报告及其期望 JSON,或已标注报告的各种变形。 / Write synthetic reports with known values and their"
        " expected JSON, or every rendering of labelled reports."),
    "ingest": ("ingest", "解析报告并入库,连同数值、来源和检查发现。 / Parse reports and store them with their values, provenance "
        "and findings."),
    "reparse": ("reparse", "用当前版本的解析器从原文件重新解析已入库的报告。 / Parse stored reports again with this parser version, "
        "from their files."),
    "fetch": ("fetch", "下载报告页面及其链接的 PDF/DOC/DOCX/WPS 附件。 / Download report pages and the PDF/DOC/DOCX/WPS files"
        " they link to."),
    "stats": ("stats", "已入库报告的合计与比率。 / Totals and rates over the stored reports."),
    "compare": ("compare", "逐格比较两个机关,或两个年度。 / Compare two agencies, or two years, cell by cell."),
    "findings": ("findings", "入库报告的检查发现(本报告的检查、跨年度规则、上下级汇总)。 / The findings stored with the reports (their own "
        "checks, cross-year rules, roll-ups)."),
    "review": ("findings", "确认或驳回一条发现;重新解析后结论仍保留。 / Confirm or dismiss a finding; the verdict stays when the "
        "report is parsed again."),
    "export": ("export", "导出整洁数据表、统计或整个数据库,附编码手册。 / Export tidy tables, statistics, or the whole database; the "
        "codebook goes beside."),
    "sql": ("sql", "在数据库上运行一条只读、有时间和行数限制的 SQL 查询。 / Run one SQL query on the database, read-only and bounded."),
    "agencies": ("agencies", "跨年度的机关:列出、合并、拆分。 / Agencies across years: list them, merge two, split one."),
    "serve": ("serve", "启动网页版:总览、报告页(原件对照)、机关、对比、上传和 JSON API(/docs)。 / Serve the web app: overview, report "
        "pages with the original beside, agencies, comparisons, uploads, and the JSON API "
        "(/docs)."),
    "codebook": ("codebook", "编码手册:每个单元格键及其中英文标签、格式、单位和勾稽关系。 / The codebook: every cell key with its Chinese "
        "and English labels, formats, unit and identities."),
    "trend": ("trend", "某项指标的逐年变化:数值、上年、增减和增减百分比。 / A measure year over year: value, the year before, change "
        "and percent change."),
    "versions": ("versions", "某机关某年度报告的各个版本,以及每个变化的单元格。 / The versions of one agency's report of a year, and "
        "every cell that changed."),
    "author": ("author", "在 ogi 中编写报告:草稿 → 已校验 → 已发布,保留每个版本。 / Write a report in ogi: draft → checked → "
        "published, every version kept."),
    "ledger": ("ledger", "依申请公开台账:由台账得出表三、表四,单元格背后的申请,答复期限。 / The application ledger: tables 三/四 from the "
        "ledger, the rows behind a cell, deadlines."),
    "users": ("users", "网页版账号:审核员和管理员。 / Web accounts: reviewers and administrators."),
}


__all__ = ["COMMANDS"]
