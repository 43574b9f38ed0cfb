"""Ingest into a large store: 1,000 new reports into a 100,000-report store, under a memory limit.

    .venv/bin/python benchmarks/store_scale.py BASE_DIR NEW_DIR [--copies 10] [--limit-gb 4] [-j 2]
                                               [--work DIR] [--out FILE.md]

BASE_DIR and NEW_DIR are folders of reports (``ogi synth 10000 --out BASE_DIR --formats txt``,
``ogi synth 1000 --seed 7 --out NEW_DIR --formats txt``). The 100,000-report store is built
quickly: BASE_DIR is ingested once, then its rows are cloned in SQL ``--copies - 1`` times
with new ids, new sha256s, and new agencies (each clone's agencies and aliases are distinct
identities: ``#k`` appended to their names and alias keys), keeping every table's shape
(reports, cells, findings, text prints, agencies, aliases). NEW_DIR is then ingested into
that store by ``ogi ingest -j N`` in a child process whose address space is limited to
``--limit-gb`` (``RLIMIT_AS``, inherited by its workers): running out of it fails the run.
Prints the time, CPU and peak RSS (parent, largest worker) of that ingest, and of a full
``ogi findings`` listing (CSV to /dev/null) of the grown store, as a markdown fragment. The
parent's peak is its ``VmHWM``; a worker's is ``ru_maxrss`` (workers start by ``spawn`` from
the small ingest process, so theirs is their own).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ogi import __version__  # noqa: E402
from ogi.store import open_store  # noqa: E402
from ogi.store.ingest import collect, ingest  # noqa: E402

GIB = 1 << 30
# a child process: run the ogi CLI with its address space limited; prints its rusage at the end
_CHILD = """
import resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.argv = ["ogi", *sys.argv[2:]]
from ogi.cli import app
code = 0
try:
    app()
except SystemExit as exc:
    code = exc.code or 0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
# this process's own peak: VmHWM (ru_maxrss would include the RSS of the parent it was forked from)
peak = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM:"))
print(f"RUSAGE {me.ru_utime + me.ru_stime} {peak} {kids.ru_utime + kids.ru_stime} {kids.ru_maxrss}",
      file=sys.stderr)
sys.exit(code)
"""


def report_files(folder: Path):
    files, _, _ = collect([str(folder)])
    return [f for f in files if "expected" not in Path(f.path).parts]


def clone(db, copies: int) -> None:
    """Every row of the store ``copies - 1`` more times, as other reports of other agencies."""
    r_max = db.scalar("SELECT max(id) FROM reports")
    a_max = db.scalar("SELECT max(id) FROM agencies")
    report_cols = [c for (c,) in db.execute("SELECT column_name FROM information_schema.columns "
                                            "WHERE table_name = 'reports' AND table_schema = current_schema() "
                                            "ORDER BY ordinal_position")]
    finding_cols = [c for (c,) in db.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = 'findings' AND table_schema = current_schema() "
                                             "AND column_name <> 'id' ORDER BY ordinal_position")]
    shifted = {"id": "id + $1", "sha256": "sha256 || ':' || $2", "location": "location || '#' || $2",
               "agency_id": "agency_id + $3"}
    select = ", ".join(shifted.get(c, c) for c in report_cols)
    for k in range(1, copies):
        with db.transaction():
            params = [k * r_max, str(k), k * a_max]
            db.execute(f"INSERT INTO reports ({', '.join(report_cols)}) SELECT {select} FROM reports "
                       "WHERE id <= $4", [*params, r_max])
            db.execute("INSERT INTO cells SELECT report_id + ?, table_key, row_key, column_key, value, text, line, "
                       "page, derived, provenance FROM cells WHERE report_id <= ?", [k * r_max, r_max])
            fcols = ", ".join(finding_cols)
            fsel = ", ".join("report_id + ?" if c == "report_id" else c for c in finding_cols)
            db.execute(f"INSERT INTO findings ({fcols}) SELECT {fsel} FROM findings WHERE report_id <= ?",
                       [k * r_max, r_max])
            db.execute("INSERT INTO text_prints SELECT report_id + ?, section, print FROM text_prints "
                       "WHERE report_id <= ?", [k * r_max, r_max])
            db.execute("INSERT INTO agencies (id, name, region, level, kind, parent_name) SELECT id + ?, "
                       "name || '#' || ?, region, level, kind, parent_name FROM agencies WHERE id <= ?",
                       [k * a_max, str(k), a_max])
            db.execute("INSERT INTO agency_aliases (alias, agency_id, kind, name) SELECT alias || '#' || ?, "
                       "agency_id + ?, kind, name || '#' || ? FROM agency_aliases WHERE agency_id <= ?",
                       [str(k), k * a_max, str(k), a_max])
    # the sequences past the cloned ids
    for seq, top in (("report_id_seq", copies * r_max), ("agency_id_seq", copies * a_max)):
        db.execute(f"SELECT max(nextval('{seq}')) FROM range({int(top)})")


def limited_ogi(limit: int, *args: str) -> tuple[float, float, int, float, int, str]:
    """(seconds, parent CPU, parent peak RSS KB, workers CPU, largest worker RSS KB, stderr tail)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, str(limit), *args], env=env, capture_output=True,
                          text=True, check=False)
    seconds = time.perf_counter() - start
    line = next((x for x in done.stderr.splitlines() if x.startswith("RUSAGE ")), None)
    if done.returncode not in (0, 1) or line is None:
        raise SystemExit(f"ogi {' '.join(args[:2])} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    _, cpu, rss, kcpu, krss = line.split()
    return seconds, float(cpu), int(rss), float(kcpu), int(krss), done.stdout.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--limit-gb", type=float, default=4.0)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, help="folder for the store (default: a temporary one)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        url = str(work / "scale.duckdb")
        limit = int(args.limit_gb * GIB)
        t0 = time.perf_counter()
        with open_store(url) as db:
            base = ingest(db, report_files(args.base), args.jobs)
        t_base = time.perf_counter() - t0
        t0 = time.perf_counter()
        with open_store(url) as db:
            clone(db, args.copies)
            n_reports = db.scalar("SELECT count(*) FROM reports")
            n_cells = db.scalar("SELECT count(*) FROM cells")
            n_prints = db.scalar("SELECT count(*) FROM text_prints")
            n_agencies = db.scalar("SELECT count(*) FROM agencies")
        t_clone = time.perf_counter() - t0
        new_files = report_files(args.new)
        ing = limited_ogi(limit, "ingest", str(args.new), "--db", url, "-j", str(args.jobs))
        with open_store(url) as db:
            after = db.scalar("SELECT count(*) FROM reports")
            n_findings = db.scalar("SELECT count(*) FROM findings")
        lst = limited_ogi(limit, "findings", "--db", url, "--format", "csv")
        size = sum(p.stat().st_size for p in work.glob("scale.duckdb*"))

    rss = lambda kb: f"{kb / 1024:,.0f} MB"  # noqa: E731
    lines = [
        f"## Store at scale: {len(new_files):,} reports into a {n_reports:,}-report store ({time.strftime('%Y-%m-%d')})",
        "",
        (f"`.venv/bin/python benchmarks/store_scale.py {args.base} {args.new} --copies {args.copies} "
         f"--limit-gb {args.limit_gb:g} -j {args.jobs}` — ogi {__version__}, Python {platform.python_version()}, "
         f"{os.cpu_count()} cores, DuckDB"),
        "",
        "| step | result | seconds | CPU s (parent / workers) | peak RSS (parent / largest worker) |",
        "|---|---|---:|---:|---:|",
        f"| ingest the base folder | {base.stored:,} stored, {len(base.failed)} failed | {t_base:.1f} | | |",
        (f"| clone it in SQL to {args.copies}× | {n_reports:,} reports, {n_cells:,} cells, {n_prints:,} prints, "
         f"{n_agencies:,} agencies | {t_clone:.1f} | | |"),
        (f"| `ogi ingest -j {args.jobs}` {len(new_files):,} new reports, address space ≤ {args.limit_gb:g} GB | "
         f"{after - n_reports:,} stored; {ing[5]} | {ing[0]:.1f} | {ing[1]:.1f} / {ing[3]:.1f} | "
         f"{rss(ing[2])} / {rss(ing[4])} |"),
        (f"| `ogi findings --format csv` (all {n_findings:,}, streamed), same limit | | {lst[0]:.1f} | "
         f"{lst[1]:.1f} / — | {rss(lst[2])} / — |"),
        f"| DuckDB file | {size / 1e6:,.0f} MB | | | |",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
