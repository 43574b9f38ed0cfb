"""The official formats as data: keys of schema.md, labels, variants, the segmenter."""

from ogi.model import empty_tables
from ogi.template import FORMAT_2019, FORMAT_2021, label_key
from ogi.template.labels import section_of, segment

SCHEMA_T3 = ["new_received", "carried_over", "granted", "partially_granted",
             *[f"denied.{k}" for k in ("state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
                                       "internal_affairs", "process_information", "enforcement_file", "administrative_query")],
             "unable.not_held", "unable.needs_creation", "unable.still_unclear",
             *[f"not_processed.{k}" for k in ("complaint", "repeated", "publication", "excessive", "confirm_existing")],
             "other"]


def test_table3_keys_in_printed_order():
    assert list(empty_tables("2019")["table3"]) == SCHEMA_T3 + ["total", "carried_forward"]
    assert list(empty_tables("2021")["table3"]) == SCHEMA_T3 + [
        "other.no_correction", "other.no_fee", "other.other", "total", "carried_forward"]


def test_table2_keys():
    t2021 = empty_tables("2021")["table2"]
    assert t2021["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert set(t2021) == {"regulations", "normative_documents", "licensing", "punishment", "coercion", "fees"}
    t2019 = empty_tables("2019")["table2"]
    assert t2019["fees"] == {"items_prev_year": None, "items_change": None}
    assert t2019["procurement"] == {"projects": None, "amount": None}
    assert sum(r.width for r in FORMAT_2021.table2.rows) == 10
    assert sum(r.width for r in FORMAT_2019.table2.rows) == 22


def test_table4_keys():
    assert empty_tables("2021")["table4"]["litigation_after_review"] == dict.fromkeys(
        ["upheld", "corrected", "other", "pending", "total"])


def test_label_key_ignores_width_punctuation_and_spaces():
    assert label_key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == label_key(
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    assert label_key("商业 企业") == label_key("商业企业")
    assert label_key("1、属于国家秘密") == label_key("1．属于国家秘密") == label_key("1.属于国家秘密")


def test_segmenter_finds_run_together_labels():
    segs = segment("三、本年度办理结果（一）予以公开")
    assert [s.phrase.ref for s in segs] == ["outcomes", "granted"]


def test_segmenter_knows_variants_and_typos():
    assert segment("2.其他法律行政止公开")[0].phrase.ref == "denied.prohibited_by_law"
    assert segment("规范性文件")[0].phrases[0].ref == "normative_documents"


def test_section_headings_and_their_variants():
    assert section_of("一、工作开展情况") == "s1"
    assert section_of("三、收到和处理政府信息公开申请情况(各单位进行梳理,有的就要认真填报)") == "s3"
    assert section_of("四、政府信息公开行政复议(各相关单位)、行政诉讼情况(请市法院填报") == "s4"
    assert section_of("五、存在的主要问题及整改措施") == "s5"
    assert section_of("六、其它需要报告的情况") == "s6"
    assert section_of("三、本年度办理结果") is None
    assert section_of("(二)主动公开政府信息情况") is None  # a sub-heading, not section 二


def test_the_committed_finding_codes_doc_is_the_generated_one():
    from pathlib import Path

    from ogi.template.rules import rules_markdown

    doc = Path(__file__).resolve().parents[1] / "docs" / "finding-codes.md"
    assert doc.read_text(encoding="utf-8") == rules_markdown()
