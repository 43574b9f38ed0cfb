"""Turn bytes into text: BOMs, UTF-8, and the Chinese legacy encodings (GBK/GB2312 are
subsets of GB18030), declared or not."""

from __future__ import annotations

import codecs
import re

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
            "cp936": "gb18030", "utf8": "utf-8", "big5": "big5hkscs"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


class DecodeError(ValueError):
    """The bytes are not text in any encoding a report uses."""


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta>, if any (first 4 KiB)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns the text and the encoding used.

    Order: a BOM, strict UTF-8, the declared encoding, GB18030. A declaration that fails
    to decode is ignored (pages often lie about it)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    candidates = ["utf-8"]
    if declared:
        candidates.append(_ALIASES.get(declared.lower(), declared.lower()))
    candidates.append("gb18030")
    for enc in dict.fromkeys(candidates):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            raise DecodeError("the file is binary, not text")
        return text, enc
    raise DecodeError("the file is not text in UTF-8 or GBK/GB18030")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return "\x00" in sample or controls / len(sample) > 0.02
