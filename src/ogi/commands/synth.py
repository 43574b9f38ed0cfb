"""``ogi synth``: a synthetic corpus with expected values, for scoring the parser; with
``--shapes``, every rendering of a labelled folder's reports (see docs/shapes.md)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..cli import app, err, fail, out


@app.command("synth")
def synth_cmd(
    n: int = typer.Argument(None, min=1, help="How many reports (not with --from)."),
    out_dir: Path = typer.Option(..., "--output", "-o", help="Folder to write (reports, expected/, manifest.csv)."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same corpus."),
    formats: str = typer.Option("txt,html", "--formats", help="Comma-separated: txt, html, pdf, docx; on request "
                                 "scan, and wild, wild_html (deviations the template does not list, docs/wild.md)."),
    shapes: str = typer.Option(None, "--shapes", help="With --from: 'all' or comma-separated shapes "
                               "(crawler_text, inner_text, markdown, pdftotext, office_docx, chrome …)."),
    from_dir: Path = typer.Option(None, "--from", help="A labelled folder (reports + expected/<stem>.json) "
                                  "whose reports --shapes renders; writes OUT/<shape>/."),
    panel: bool = typer.Option(False, "--panel", help="Agencies reporting across years (carry-over and stocks "
                                                      "consistent), governments with departments, renamed agencies."),
) -> None:
    """生成数值已知的合成报告及其期望 JSON,或已标注报告的各种变形。 / Write synthetic reports with known values and their expected JSON, or
    every rendering of labelled reports.

    Write N synthetic reports with known values and their expected JSON, for 'python shared/tools/score.py
    DIR'. PDF needs WeasyPrint and a CJK font.

    With --shapes and --from: every rendering of the labelled reports of a folder (a crawler's one line, the
    browser's text, Markdown, pdftotext, office exports, scans, site chrome …), one folder per shape with the
    expected JSON carried over.

    示例 / Examples:

    * `ogi synth 20 -o synth/ --formats txt,html`
    * `ogi synth --shapes all --from samples/ -o shapes/`"""
    if shapes is not None or from_dir is not None:
        _shapes(n, shapes, from_dir, out_dir)
        return
    if n is None:
        raise fail("give N (how many reports), or --shapes with --from", 2)
    from ..synth import MANGLINGS, generate

    kinds = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in kinds if f not in MANGLINGS]
    if unknown or not kinds:
        raise fail(f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from "
                   f"{', '.join(MANGLINGS)}", 2)
    if out_dir.exists() and not out_dir.is_dir():
        raise fail(f"{out_dir} is not a folder", 2)
    written = generate(n, out_dir, seed=seed, formats=kinds, panel=panel)
    errors = sum(1 for w in written if w.error)
    out.print(f"{len(written)} reports ({errors} with a deliberate error) → {out_dir}")


def _shapes(n: int | None, shapes: str | None, from_dir: Path | None, out_dir: Path) -> None:
    from ..synth.shapes import make_shapes, parse_shapes

    if n is not None or shapes is None or from_dir is None:
        raise fail("--shapes and --from go together, without N "
                   "(ogi synth --shapes all --from DIR -o OUT)", 2)
    try:
        names = parse_shapes(shapes)
    except ValueError as exc:
        raise fail(f"{exc}", 2) from exc
    if not (from_dir / "expected").is_dir():
        raise fail(f"{from_dir} has no expected/ folder (reports beside expected/<stem>.json)", 2)
    if out_dir.exists() and not out_dir.is_dir():
        raise fail(f"{out_dir} is not a folder", 2)
    outcome = make_shapes(from_dir, out_dir, names, log=lambda line: err.print(line, highlight=False))
    total = sum(len(v) for v in outcome.written.values())
    out.print(f"{len(outcome.written)} shapes, {total} files → {out_dir}")
