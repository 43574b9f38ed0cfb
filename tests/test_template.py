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


# ------------------------------------------------------------------ identities as data

def test_each_table_lists_its_identities_with_the_code_a_break_raises():
    from ogi.template import IDENTITY_CODES, Per

    for fmt in (FORMAT_2019, FORMAT_2021):
        assert fmt.table2.identities == ()
        assert [(i.code, i.per) for i in fmt.table3.identities] == [
            ("T3_ROW_TOTAL", Per.ROW), ("T3_BALANCE", Per.COLUMN), ("T3_OUTCOME_TOTAL", Per.COLUMN)]
        assert [(i.code, i.left, i.right, i.per) for i in fmt.table4.identities] == [
            ("T4_TOTAL", ("total",), ("upheld", "corrected", "other", "pending"), Per.ROW)]
        row_total, balance, outcome = fmt.table3.identities
        assert (row_total.left, row_total.right) == (
            ("total",), ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"))
        assert (balance.left, balance.right) == (("new_received", "carried_over"), ("total", "carried_forward"))
        assert outcome.left == ("total",) and outcome.right[:2] == ("granted", "partially_granted")
    assert FORMAT_2019.table3.identities[2].right[-1] == "other"
    assert FORMAT_2021.table3.identities[2].right[-3:] == ("other.no_correction", "other.no_fee", "other.other")
    assert IDENTITY_CODES == ("T3_BALANCE", "T3_ROW_TOTAL", "T3_OUTCOME_TOTAL", "T4_TOTAL")


def test_printed_row_sums_are_read_off_the_row_identities():
    assert FORMAT_2021.table4.rows[0].sums == ((4, (0, 1, 2, 3)), (9, (5, 6, 7, 8)), (14, (10, 11, 12, 13)))
    assert {r.sums for r in FORMAT_2019.table3.rows} == {((6, (0, 1, 2, 3, 4, 5)),)}
    assert {r.sums for r in FORMAT_2021.table2.rows} == {()}


def test_identity_instances_and_broken_codes():
    from ogi.template.arithmetic import broken, instances

    spec = FORMAT_2021.table4
    (t4_total,) = spec.identities
    assert list(instances(spec, t4_total))[1] == (
        [("litigation_direct", "total")],
        [("litigation_direct", c) for c in ("upheld", "corrected", "other", "pending")])
    balance = FORMAT_2021.table3.identities[1]
    assert len(list(instances(FORMAT_2021.table3, balance))) == 7
    values = {("review", "upheld"): 2, ("review", "total"): 3}
    assert broken(spec, lambda r, c: values.get((r, c), 0)) == ["T4_TOTAL"]
    assert broken(spec, lambda r, c: values.get((r, c))) == []  # an instance with a null input is not tested


def test_value_cells_and_table_names_come_from_the_template():
    assert (FORMAT_2019.value_cells, FORMAT_2021.value_cells) == (22 + 161 + 15, 10 + 175 + 15)
    assert [(t.name.zh, t.name.topic, t.name.en) for t in FORMAT_2021.tables] == [
        ("表二", "主动公开", "table 2"), ("表三", "依申请公开", "table 3"), ("表四", "复议诉讼", "table 4")]
    assert FORMAT_2021.table3.group("other").label == "(六)其他处理"


def test_format_detection_counts_values_against_the_templates_value_cells():
    """Phrases both formats print tie the vote; the count of values read decides, nearest
    to ``Format.value_cells`` (198 for 2019, 200 for 2021), the later format at equal distance."""
    from ogi.extract import detect_format
    from ogi.extract.layout import Event
    from ogi.extract.tokens import Position

    (shared,) = segment("自然人")
    phrases = [Event("phrase", Position(), segment=shared)] * 3

    def detected(values: int) -> str | None:
        return detect_format(phrases + [Event("value", Position())] * values)
    assert [detected(n) for n in (150, 198, 199, 200, 260)] == ["2019", "2019", "2021", "2021", "2021"]
    assert detect_format(phrases[:2]) is None


def test_a_tied_format_vote_is_broken_by_the_reports_year_before_the_count_of_values():
    """A 2023 report whose format-specific rows were lost (LibreOffice's DOCX of its PDF)
    printed about 2019's count of values: its year says 2021, and the year decides."""
    from ogi.extract import detect_format
    from ogi.extract.layout import Event
    from ogi.extract.tokens import Position

    (shared,) = segment("自然人")
    evs = [Event("phrase", Position(), segment=shared)] * 3 + [Event("value", Position())] * 150
    assert [detect_format(evs), detect_format(evs, 2023), detect_format(evs, 2021), detect_format(evs, 2020)] == [
        "2019", "2021", "2021", "2019"]
    assert detect_format(evs[:2], 2023) is None  # no table: no format, whatever the year
