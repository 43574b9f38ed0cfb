"""The twentieth session's measuring tools in ``benchmarks/parse_speed.py`` (issue 14):
``--census`` counts the objects a report makes, by class, and ``--stages`` times the parse's
stages. What is pinned here is what they count and that they leave the package as they found
it — never a time (the machine is shared: times are printed, not asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "txt" / "crawler_spaces_2021.txt"


@pytest.fixture(scope="module")
def speed():
    spec = importlib.util.spec_from_file_location("parse_speed_census", ROOT / "benchmarks" / "parse_speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tokens_made(data: bytes, monkeypatch: pytest.MonkeyPatch) -> int:
    """The tokens the tokenizer makes in a parse of the report (each one a ``Token``), counted
    where the parse calls it — after the passes that drop a page's chrome (pager, pager_end), so
    not the tokens of the document as read."""
    import ogi.extract
    from ogi import parse

    made: list[int] = []
    tokenize = ogi.extract.tokenize

    def counted(doc):  # type: ignore[no-untyped-def]
        units = tokenize(doc)
        made.append(sum(len(u.tokens) for u in units))
        return units

    monkeypatch.setattr(ogi.extract, "tokenize", counted)
    parse(data, name=FIXTURE.name)
    monkeypatch.undo()
    return sum(made)


def test_the_census_counts_every_token_the_tokenizer_makes(speed, monkeypatch):
    data = FIXTURE.read_bytes()
    rows = speed.census([(FIXTURE, data)])
    assert rows[0][:2] == ("(parse)", 1.0)
    counts = {name: count for name, count, _, _ in rows[1:]}
    # the tokenizer's tokens, and those the aligner and layout copy (dataclasses.replace): no fewer
    assert counts["Token"] >= _tokens_made(data, monkeypatch) > 0
    assert counts["Event"] > 0 and counts["Unit"] > 0


def test_the_census_counts_per_report(speed):
    # the same report twice: the same objects each time (a kept reading gives fresh tokens)
    data = FIXTURE.read_bytes()
    once = {name: count for name, count, _, _ in speed.census([(FIXTURE, data)])[1:]}
    twice = {name: count for name, count, _, _ in speed.census([(FIXTURE, data), (FIXTURE, data)])[1:]}
    assert twice["Token"] == once["Token"] and twice["Event"] == once["Event"]
    assert twice["Cell"] == once["Cell"]


def test_the_stages_are_timed_and_put_back(speed):
    import ogi.extract
    import ogi.extract.tokens

    tokenize = ogi.extract.tokens.tokenize
    held = [m for m in list(sys.modules.values()) if getattr(m, "__name__", "").startswith("ogi")
            and any(v is tokenize for v in vars(m).values())]
    rows = speed.stages([(FIXTURE, FIXTURE.read_bytes())],
                        ("ogi.extract:extract", "ogi.extract.tokens:tokenize"))
    assert [name for name, _ in rows][0] == "(parse)"
    assert sorted(name for name, _ in rows[1:]) == ["ogi.extract.tokens:tokenize", "ogi.extract:extract"]
    # every module that held the tokenizer holds it again, not the wrapper
    assert held and all(any(v is tokenize for v in vars(m).values()) for m in held)
    assert ogi.extract.tokens.tokenize is tokenize


def test_through_call_leaves_the_parse_as_it_was_and_never_nests(speed, monkeypatch):
    import operator

    from ogi import parse

    data = FIXTURE.read_bytes()
    before = parse(data, name=FIXTURE.name).model_dump_json()
    running: list[int] = []
    calls: list[str] = []

    def call(fn, *args, **kwargs):  # operator.call, recording its depth
        assert not running, "a stage called through operator.call inside another"
        running.append(1)
        calls.append(fn.__name__)
        try:
            return fn(*args, **kwargs)
        finally:
            running.pop()

    monkeypatch.setattr(operator, "call", call)
    swapped = speed.through_call(speed.FUSED)
    try:
        after = parse(data, name=FIXTURE.name).model_dump_json()
    finally:
        for mod, key, fn in swapped:
            setattr(mod, key, fn)
    assert after == before
    assert {"tokenize", "events", "align"} <= set(calls)
