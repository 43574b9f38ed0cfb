"""The narrative ``ogi synth`` writes: the phrasings real reports use, every figure in
agreement with the tables, so that clean synthetic reports raise no text finding."""

from __future__ import annotations

import random

from ogi import parse
from ogi.synth import narrative
from ogi.synth.corpus import plan, write_one
from ogi.synth.profile import profile

TEXT_CODES = {"TEXT_TABLE_MISMATCH", "FEE_CONTRADICTION", "FEE_NOT_REPORTED", "YEAR_MISMATCH_TEXT",
              "OVERVIEW_INCOMPLETE", "PROBLEMS_TRIVIAL", "TEXT_COPIED"}


def _t4(review, direct, after):
    return {g: {"upheld": v, "corrected": 0, "other": 0, "pending": 0, "total": v}
            for g, v in (("review", review), ("litigation_direct", direct), ("litigation_after_review", after))}


def test_appeals_phrasings():
    said = {narrative.appeals(random.Random(i), "我局", _t4(2, 1, 1)) for i in range(40)}
    assert said == {"我局因政府信息公开申请引发行政复议2件、行政诉讼2件。", "全年发生政府信息公开行政复议2件,行政诉讼2件。",
                    "本年度共发生政府信息公开行政复议和行政诉讼4件,其中行政复议2件、行政诉讼2件。",
                    "全年因政府信息公开被申请行政复议和提起行政诉讼各2件。"}
    none = {narrative.appeals(random.Random(i), "全区", _t4(0, 0, 0)) for i in range(40)}
    assert "全区全年未发生因政府信息公开引起的行政复议、行政诉讼。" in none and len(none) == 3


def test_scopes_of_governments_departments_and_townships():
    seen = {}
    for i in range(300):
        p = profile(random.Random(i))
        seen.setdefault(p.scale, set()).add(narrative._self(p, random.Random(i)))
    assert seen["city"] == {"全市"}
    assert {"我局", "本机关", "我单位"} <= seen["county"] and seen["county"] & {"全区", "全县", "全市"}
    assert seen["township"] <= {"我镇", "我乡", "我街道", "本单位"}


def test_clean_synthetic_reports_raise_no_text_finding():
    checked = 0
    for stem, fmt, mangling, error, rng in plan(160, 7, ("txt", "html")):
        data, _ = write_one(rng, fmt, mangling, error)
        if error:
            continue
        report = parse(data, name=f"{stem}.{fmt}")
        assert not [f.message for f in report.findings if f.code in TEXT_CODES], stem
        checked += 1
    assert checked > 100
