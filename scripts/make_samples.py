"""Write the bundled sample reports of samples/ (run once; the output is committed).

A few synthetic reports (ogi synth) in every input format and in the shapes real sites
give them, with their expected values beside them in samples/expected/, so that
`python ../shared/tools/score.py samples` scores the parser on them too.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ogi.synth import generate  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "samples"
PLAN = (("txt", 4, 11), ("html", 3, 12), ("pdf", 2, 13), ("docx", 1, 14))  # format, how many, seed


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    (OUT / "expected").mkdir(parents=True)
    for fmt, n, seed in PLAN:
        with tempfile.TemporaryDirectory() as tmp:
            for w in generate(n, Path(tmp), seed=seed, formats=(fmt,)):
                src = next(p for p in Path(tmp).iterdir() if p.is_file() and p.stem == w.stem)
                stem = f"{fmt}_{w.mangling}"
                shutil.copy(src, OUT / f"{stem}{src.suffix}")
                shutil.copy(Path(tmp) / "expected" / f"{w.stem}.json", OUT / "expected" / f"{stem}.json")


if __name__ == "__main__":
    main()
