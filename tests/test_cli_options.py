"""One vocabulary for the command line's output options, and one way to print errors:
``--format/-f`` with ``text`` for the terminal and the same file-format names everywhere,
``-o/--output`` wherever a command writes, the old spellings (``table``, ``--out``,
``render --to/-t``) still accepted but not shown; errors and warnings as ``ogi: MESSAGE``
lines on standard error, a list of problems indented under its line."""

from __future__ import annotations

import json
from pathlib import Path

import typer.main
from typer.testing import CliRunner

from ogi.api import parse
from ogi.cli import ALIASES, app
from ogi.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "html_html.html"  # no error found: it renders without --force
FILE_FORMATS = {"json", "csv", "xlsx", "parquet", "md", "html", "docx", "pdf"}


def _every_command():
    group = typer.main.get_group(app)
    root = group.context_class(group, info_name="ogi")
    for name in COMMANDS:
        command = group.get_command(root, name)
        ctx = command.context_class(command, info_name=name, parent=root)
        yield f"ogi {name}", command, ctx
        for sub in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
            subcommand = command.get_command(ctx, sub)
            yield f"ogi {name} {sub}", subcommand, subcommand.context_class(subcommand, info_name=sub, parent=ctx)


def _options():
    for path, command, ctx in _every_command():
        for p in command.params:
            if p.param_type_name == "option":
                yield path, p, ctx


def test_every_format_option_speaks_one_vocabulary():
    formats = {}
    for path, p, ctx in _options():
        if "--format" in p.opts:
            assert "-f" in p.opts, path
            formats[path] = set(p.display_type(ctx).strip("<>").split("|"))
    assert formats["ogi parse"] == {"json", "text", "csv"}
    assert formats["ogi check"] == formats["ogi ledger check"] == {"text", "json"}
    assert formats["ogi stats"] == formats["ogi agencies list"] == {"text", "csv", "json"}
    assert formats["ogi render"] == {"html", "docx", "pdf", "md"}
    assert formats["ogi export"] == {"csv", "xlsx", "parquet", "json"}
    for path, choices in formats.items():
        assert choices - {"text"} <= FILE_FORMATS, path  # terminal output is "text", files by their name


def test_old_spellings_are_not_shown():
    for path, p, _ in _options():
        assert not {"--out", "--to", "-t"} & set(p.opts), (path, p.opts)
        if "-o" in p.opts:
            assert p.opts == ["--output", "-o"], path
    assert ALIASES == {"table": "text", "out": "output"}


def test_table_still_means_text():
    runner = CliRunner()
    for command in (["parse", str(SAMPLE)], ["check", str(SAMPLE)]):
        old = runner.invoke(app, [*command, "--format", "table"])
        new = runner.invoke(app, [*command, "-f", "text"])
        assert old.exit_code == new.exit_code == 0, old.output
        assert old.stdout == new.stdout and "洪泽区龙泉镇" in new.stdout


def test_out_still_means_output(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["codebook", "-f", "csv", "--out", str(tmp_path / "old.csv")]).exit_code == 0
    assert runner.invoke(app, ["codebook", "-f", "csv", "--output", str(tmp_path / "new.csv")]).exit_code == 0
    assert (tmp_path / "old.csv").read_bytes() == (tmp_path / "new.csv").read_bytes()
    assert (tmp_path / "new.csv").read_text(encoding="utf-8").startswith("key,")


def test_render_to_is_format_for_render_only(tmp_path):
    data = tmp_path / "r.json"
    data.write_text(json.dumps(parse(SAMPLE).as_json(), ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    for i, option in enumerate((["--format", "md"], ["-f", "md"], ["--to", "md"], ["-t", "md"], ["--to=md"])):
        done = runner.invoke(app, ["render", str(data), *option, "-o", str(tmp_path / f"{i}.md")])
        assert done.exit_code == 0, done.output
    assert len({(tmp_path / f"{i}.md").read_bytes() for i in range(5)}) == 1
    other = runner.invoke(app, ["synth", "2", "-t", "x", "-o", str(tmp_path / "s")])
    assert other.exit_code == 2 and "No such option: -t" in other.output  # the alias is render's own


def test_a_forced_render_warns_in_one_line_with_the_errors_under_it(tmp_path):
    report = parse(SAMPLE).as_json()
    report["table3"]["granted"]["natural_person"] += 5  # the row total no longer holds
    data = tmp_path / "bad.json"
    data.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(app, ["render", str(data), "-f", "md"])
    lines = refused.stderr.splitlines()
    assert refused.exit_code == 1 and not (tmp_path / "bad.md").exists()
    assert lines[0].startswith("ogi: ") and lines[0].endswith("errors; not rendered (use --force to render anyway):")
    assert lines[1:] and all(line.startswith("  T3_") for line in lines[1:]), lines
    forced = runner.invoke(app, ["render", str(data), "-f", "md", "--force"])
    warned = forced.stderr.splitlines()
    assert forced.exit_code == 0 and forced.stdout == f"{tmp_path / 'bad.md'}\n"
    assert warned[0] == (f"ogi: {tmp_path / 'bad.md'} 标注为“草稿 · 未通过校验” / marked as a draft that failed "
                         "the checks; the errors:")
    assert warned[1:] == lines[1:]


def test_a_list_of_problems_is_one_error_line_and_indented_lines(tmp_path):
    data = tmp_path / "bad.json"
    report = parse(SAMPLE).as_json()
    report["table3"]["granted"]["natural_person"] = "abc"
    data.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    done = CliRunner().invoke(app, ["render", str(data)])
    assert done.exit_code == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"ogi: {data}: 数据有误,无法绘制 / the data cannot be rendered:",
        "  table3.granted.natural_person: “abc”不是数字 ('abc' is not a number)",
    ]
