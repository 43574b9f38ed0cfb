"""Characters some reports print in another form than the template: traditional characters
(a report typed or converted in a traditional-character locale, a font's variant forms),
mapped to the template's own character. Data, read where labels are matched
(:mod:`ogi.extract.tokens`); only characters that occur in the template's labels, headers
and section headings are listed, so a label in traditional characters reads as the label.

Generated once, not at run time: every label, variant, header, caption and section heading
of :data:`ogi.template.formats.FORMATS` and ``SECTIONS`` converted with OpenCC's ``s2t``,
``s2tw``, ``s2hk`` and ``s2twp`` configurations (opencc-purepy 1.5.0), character by
character and label by label; a pair is kept where the other form is not itself a character
of the template and OpenCC's ``t2s`` converts it back to the template's character (which
drops the phrase-level rewrites such as 信息 → 資訊, whose characters are no forms of each
other). ``tests/test_wild.py`` checks both conditions on every pair.
"""

from __future__ import annotations

# the other form → the template's character
VARIANT_CHARS: dict[str, str] = {
    "萬": "万", "業": "业", "為": "为", "舉": "举", "於": "于", "會": "会", "體": "体", "關": "关", "內": "内", "決": "决",
    "況": "况", "減": "减", "製": "制", "辦": "办", "務": "务", "動": "动", "區": "区", "單": "单", "發": "发", "後": "后", "國": "国",
    "處": "处", "復": "复", "複": "复", "審": "审", "對": "对", "屬": "属", "廢": "废", "開": "开", "強": "强", "當": "当",
    "總": "总", "執": "执", "護": "护", "報": "报", "據": "据", "數": "数", "無": "无", "機": "机",
    "權": "权", "條": "条", "構": "构", "沒": "没", "現": "现", "確": "确", "祕": "秘", "穩": "稳", "類": "类", "係": "系", "糾": "纠",
    "納": "纳", "組": "组", "織": "织", "經": "经", "結": "结", "繼": "继", "續": "续", "維": "维", "繳": "缴", "罰": "罚", "範": "范",
    "獲": "获", "補": "补", "規": "规", "計": "计", "認": "认", "議": "议", "許": "许", "訟": "讼", "訪": "访", "訴": "诉", "詢": "询",
    "請": "请", "購": "购", "費": "费", "轉": "转", "過": "过", "這": "这", "進": "进", "採": "采", "問": "问", "項": "项",
    "題": "题", "額": "额",
}

__all__ = ["VARIANT_CHARS"]
