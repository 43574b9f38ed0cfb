"""An <iframe srcdoc>'s document is read in the frame's place (readers/html_srcdoc, fresh18)."""

from __future__ import annotations

import html as html_escape
import random

from ogi import parse
from ogi.readers.html_srcdoc import frames_in_place
from ogi.synth.wild6 import make


def test_a_page_without_srcdoc_is_returned_unchanged():
    text = "<html><body><iframe src='/a.html'></iframe><p>x</p></body></html>"
    assert frames_in_place(text) is text


def test_the_frame_document_replaces_the_frame_between_the_shell_lines():
    inner = "<html><head><style>p{color:red}</style></head><body><h1>标题</h1><p>正文</p></body></html>"
    text = f"<html><body><p>首页 &gt; 年报</p><iframe srcdoc=\"{html_escape.escape(inner, quote=True)}\"></iframe><p>尾</p></body></html>"
    out = frames_in_place(text)
    assert "<iframe" not in out
    assert out.index("首页") < out.index("<h1>标题</h1>") < out.index("正文") < out.index("尾")
    assert "<style>p{color:red}</style>" in out


def test_an_empty_srcdoc_leaves_an_empty_place():
    out = frames_in_place("<html><body><iframe srcdoc=''></iframe><p>尾</p></body></html>")
    assert '<div class="srcdoc"></div>' in out and "尾" in out


def test_a_framed_report_is_read_whole(tmp_path):
    for i in range(40):
        w = make(random.Random(f"srcdoc:{i}"), "framed")
        if "framed" in w.kinds:
            break
    path = tmp_path / "framed.html"
    path.write_bytes(w.html)
    report = parse(path)
    t3 = w.expected["table3"]
    assert report.table3["total"]["total"] == t3["total"]["total"]
    assert report.table3["new_received"]["natural_person"] == t3["new_received"]["natural_person"]
    assert report.meta.year == w.synthetic.profile.year
    assert report.meta.published_date == w.synthetic.profile.published.isoformat()
