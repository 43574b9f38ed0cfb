"""``ogi synth``: a synthetic corpus with expected values, for scoring the parser."""

from __future__ import annotations

from pathlib import Path

import typer

from ..cli import app, err, out


@app.command("synth")
def synth_cmd(
    n: int = typer.Argument(..., min=1, help="How many reports."),
    out_dir: Path = typer.Option(..., "--out", "-o", help="Folder to write (reports, expected/, manifest.csv)."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same corpus."),
    formats: str = typer.Option("txt,html", "--formats", help="Comma-separated: txt, html, pdf, docx."),
    panel: bool = typer.Option(False, "--panel", help="Agencies reporting across years (carry-over and stocks "
                                                      "consistent), governments with departments, renamed agencies."),
) -> None:
    """Write N synthetic reports with known values and their expected JSON, for
    'python shared/tools/score.py DIR'. PDF needs WeasyPrint and a CJK font."""
    from ..synth import MANGLINGS, generate

    kinds = tuple(f.strip() for f in formats.split(",") if f.strip())
    unknown = [f for f in kinds if f not in MANGLINGS]
    if unknown or not kinds:
        err.print(f"[red]ogi: unknown format(s) {', '.join(unknown) or '(none)'}; choose from "
                  f"{', '.join(MANGLINGS)}[/red]")
        raise typer.Exit(2)
    if out_dir.exists() and not out_dir.is_dir():
        err.print(f"[red]ogi: {out_dir} is not a folder[/red]")
        raise typer.Exit(2)
    written = generate(n, out_dir, seed=seed, formats=kinds, panel=panel)
    errors = sum(1 for w in written if w.error)
    out.print(f"{len(written)} reports ({errors} with a deliberate error) → {out_dir}")
