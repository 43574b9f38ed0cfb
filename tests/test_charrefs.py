"""Numeric character references in a text rendering read as their characters (readers/charrefs,
fresh18: pandoc's Textile writes every - as &#45;)."""

from __future__ import annotations

from ogi.extract.meta import read_meta
from ogi.readers import read_txt
from ogi.readers.charrefs import character_references


def test_a_text_without_references_is_returned_as_it_is():
    text = "规章 | 3 | 0 | 12"
    assert character_references(text) is text


def test_decimal_and_hex_references_are_their_characters():
    assert character_references("|&#45;59|&#x2D;18|") == "|-59|-18|"
    assert character_references("307271704/2021&#45;75911") == "307271704/2021-75911"


def test_a_reference_to_no_text_character_and_named_ones_are_left():
    assert character_references("&#0;&#1114112;&#xD800;&#127;&gt;") == "&#0;&#1114112;&#xD800;&#127;&gt;"


def test_a_textile_table_row_keeps_its_sign():
    doc = read_txt("||其他对外管理服务事项|329|&#45;59|0|\n".encode())
    assert "-59" in "".join(str(b) for b in doc.blocks)


def test_a_textile_heading_signature_is_no_part_of_the_title():
    m = read_meta(["h1(#夷陵区农业农村局2019年政府信息公开工作年度报告). 夷陵区农业农村局2019年政府信息公开工作年度报告",
                   "索引号:1168K3TPDY9PHD3BGK/2020&#45;04247", "h2(#一总体情况). 一、总体情况"])
    assert m.title == "夷陵区农业农村局2019年政府信息公开工作年度报告"
