"""Rendered PDF → parse: does every value and every paragraph come back, wherever the
page breaks fall?

One synthetic report per format, its section 一 grown one paragraph at a time (0 … N
paragraphs of varied length), so that the page breaks sweep over every row of the three
tables and through the paragraphs. Each layout is rendered twice in the same run — with
ragged-right paragraphs (``justify=False``, the renderer before justification) and
justified (``justify=True``, what ``ogi render --to pdf`` writes) — and parsed back.

    PYTHONPATH=src python benchmarks/render_roundtrip.py [N]

Prints, per format and setting: layouts whose values came back all equal, whose section
texts came back equal (paragraph breaks included), and the findings the parse raised
that the data does not call for (SECTION_MISSING, TABLE_MISSING, ROW_*).
"""

from __future__ import annotations

import random
import sys
from collections import Counter

from ogi import parse
from ogi.model import Meta, Report, SectionText
from ogi.render.layout import page_of
from ogi.render.pdf import page_pdf
from ogi.synth.report import synthesize

PARAGRAPH = ("本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
             "推进决策、执行、管理、服务、结果公开。")
STRUCTURAL = {"SECTION_MISSING", "TABLE_MISSING", "ROW_MISSING", "ROW_AMBIGUOUS", "ROW_LABEL_MISSING"}


def base(template: str) -> Report:
    s = synthesize(random.Random(7), years=(2023, 2023) if template == "2021" else (2020, 2020))
    return Report(meta=Meta(title=s.profile.title, agency=s.profile.agency, year=s.profile.year, template=template,
                            published_date=s.profile.published.isoformat(), index_number=s.profile.index_number),
                  **s.expected_values())


def paragraphs(n: int) -> str:
    """n paragraphs of varied length (no two lines alike, so none reads as a running header)."""
    return "\n".join(f"{i + 1}.{PARAGRAPH[:20 + i * 7 % 45]}{PARAGRAPH * (i % 3)}" for i in range(n))


def sweep(template: str, n: int) -> None:
    report = base(template)
    for justify in (False, True):
        values_ok = texts_ok = 0
        spurious: Counter = Counter()
        for k in range(n):
            report.sections = {"s1": SectionText(text=paragraphs(k)),
                               "s5": SectionText(text="存在问题：宣传解读仍需加强。\n改进措施：加强业务培训。"),
                               "s6": SectionText(text="本机关未收取信息处理费。")}
            back = parse(page_pdf(page_of(report), justify=justify), name="r.pdf")
            values_ok += all(getattr(back, t) == getattr(report, t) for t in ("table2", "table3", "table4"))
            texts_ok += all(back.sections.get(key, SectionText()).text == s.text for key, s in report.sections.items())
            spurious.update(f.code for f in back.findings if f.code in STRUCTURAL)
        print(f"{template} {'justified' if justify else 'ragged   '}: {n} layouts, values equal {values_ok}, "
              f"texts equal {texts_ok}, structural findings {dict(spurious) or 0}", flush=True)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 45
    for template in ("2021", "2019"):
        sweep(template, n)
