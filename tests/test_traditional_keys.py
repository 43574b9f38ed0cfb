"""A report printed in traditional characters (a site's 繁體 page): its headings and labels
are keyed as the template's (template.normalize.label_key folds the OpenCC pairs of
template.variant_chars), so the report is found and read as the simplified one is."""

from __future__ import annotations

import random
import re

from lxml import html as lxml_html

from ogi import parse
from ogi.extract.lines import logical_lines
from ogi.synth.wild6 import make, traditional
from ogi.template.formats import FORMATS, SECTIONS
from ogi.template.labels import section_of
from ogi.template.normalize import label_key, nfkc
from ogi.template.variant_chars import VARIANT_CHARS


def test_a_traditional_label_keys_as_the_templates():
    assert label_key("（二）部分公開（區分處理的，只計這一情形，不計其他情形）") == \
        label_key("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
    assert label_key("總計") == "总计"


def test_no_template_label_changes_its_key():
    for fmt in FORMATS.values():
        for spec in fmt.tables:
            for row in spec.rows:
                if row.label:
                    unfolded = re.sub(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+", "", nfkc(row.label))
                    assert label_key(row.label) == unfolded and not set(unfolded) & set(VARIANT_CHARS), row.label


def test_every_section_heading_in_traditional_characters_is_its_section():
    for section in SECTIONS:
        assert section_of(traditional(section.heading)) == section.key, section.heading


def test_a_crawlers_one_line_is_cut_at_traditional_headings():
    text = "一、總體情況本年度。二、主動公開政府信息情況第二十條第(一)項信息內容本年制發件數規章000三、收到和處理政府信息公開申請情況申請人情況"
    pieces = [p for p, _ in logical_lines(text)]
    assert "二、主動公開政府信息情況" in pieces and "三、收到和處理政府信息公開申請情況" in pieces


def test_a_traditional_page_reads_whole_in_html_and_in_a_crawlers_text():
    w = make(random.Random("t6:traditional_all:1"), "traditional_all")  # refused before
    text = lxml_html.document_fromstring(w.html).body.text_content().encode()
    for name, data in (("page.html", w.html), ("page.txt", text)):
        got = parse(data, name).model_dump()
        assert {t: got[t] for t in w.expected} == w.expected, name
