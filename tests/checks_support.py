"""Helpers of the checks' tests: seed reports re-parsed with a minimal change to their
text, reports built from the values of an expected file, and the codes raised."""

from __future__ import annotations

import json
from pathlib import Path

from expected import PEER, SEEDS

from ogi import parse
from ogi.model import Meta, Report

SEED = {stem[:3]: SEEDS / f"{stem}.txt" for stem in (
    "000_231d42344d228242", "001_dab922a29014b33d", "002_806d6c890c9d0d8d", "003_ba6749b85648d9bd",
    "004_3f0a03dfd5eda10b")}


def seed_text(seed: str) -> str:
    return SEED[seed].read_text(encoding="utf-8")


def reparse(text: str, name: str = "copy.txt") -> Report:
    return parse(text.encode("utf-8"), name=name)


def changed(seed: str, *replacements: tuple[str, str]) -> str:
    """The seed's text with each (old, new) replaced; each old must occur exactly once."""
    text = seed_text(seed)
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in seed {seed}"
        text = text.replace(old, new)
    return text


def with_lines(seed: str, lines: dict[int, str]) -> str:
    """The seed's text with whole lines (1-based) replaced."""
    rows = seed_text(seed).split("\n")
    for number, new in lines.items():
        rows[number - 1] = new
    return "\n".join(rows)


def codes(findings) -> set[str]:
    return {f.code for f in findings}


def from_expected(stem: str, folder: Path = PEER) -> Report:
    """A report holding the values of an expected file (read by hand from the real
    report): the tables, the year, the format and the agency named there."""
    exp = json.loads((folder / "expected" / f"{stem}.json").read_text(encoding="utf-8"))
    meta = exp["meta"]
    return Report(meta=Meta(agency=meta.get("agency_contains"), year=meta.get("year"), template=meta.get("template"),
                            published_date=meta.get("published_date"), index_number=meta.get("index_number")),
                  table2=exp["table2"], table3=exp["table3"], table4=exp["table4"])


def peer(name: str) -> Report:
    """A real report of the peer corpus, parsed; skipped while its reader is not there."""
    import pytest

    from ogi import UnreadableFile

    try:
        return parse(PEER / name)
    except UnreadableFile as exc:
        pytest.skip(f"{name}: {exc}")
