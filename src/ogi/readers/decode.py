"""Turn bytes into text: BOMs, UTF-8, and the Chinese legacy encodings (GBK/GB2312 are
subsets of GB18030), declared or not."""

from __future__ import annotations

import codecs
import re

from ..errors import OgiError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
            "cp936": "gb18030", "utf8": "utf-8", "big5": "big5hkscs"}
# Western single-byte charsets decode any bytes, so declaring one proves nothing: a Chinese
# page that declares one is tried as GB18030 first.
_SINGLE_BYTE = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii"}
# control characters other than \t \n \v \f \r: text has next to none of them, binary data many
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class DecodeError(OgiError, ValueError):
    """The bytes are not text in any encoding a report uses."""


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta>, if any (first 4 KiB)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns the text and the encoding used.

    Order: a BOM, UTF-8, the declared encoding, GB18030. A declaration that fails to
    decode is ignored (pages often lie about it); a Western single-byte declaration comes
    after GB18030, since those decode anything. UTF-8 with a few broken bytes (a page cut
    short mid-character) is still UTF-8, the broken bytes replaced."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    candidates = ["utf-8"]
    declared = _ALIASES.get(declared.lower(), declared.lower()) if declared else None
    if declared and declared not in _SINGLE_BYTE:
        candidates.append(declared)
    candidates.append("gb18030")
    if declared:
        candidates.append(declared)
    for enc in dict.fromkeys(candidates):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            mended = _mostly_utf8(data) if enc == "utf-8" else None
            if mended is None:
                continue
            text = mended
        if _looks_binary(text):
            raise DecodeError("the file is binary, not text")
        return text, enc
    raise DecodeError("the file is not text in UTF-8 or GBK/GB18030")


def _mostly_utf8(data: bytes) -> str | None:
    """The UTF-8 reading of ``data`` if under 1 % of its non-ASCII characters are broken;
    GBK read as UTF-8 breaks at nearly every character."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    valid = non_ascii - text.count("\ufffd")  # non-ASCII characters other than U+FFFD
    return text if broken * 100 <= valid else None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return "\x00" in sample or controls / len(sample) > 0.02
