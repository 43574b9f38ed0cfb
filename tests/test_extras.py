"""Heavy libraries are optional extras: a missing one is met by one line naming the install.

Each test runs ``ogi`` in a fresh interpreter in which the extra's library cannot be
imported (``sys.modules[name] = None`` makes Python refuse it, as if it were not
installed), and checks the exact message and the exit status. A test also checks that the
extras of ``pyproject.toml`` and the table of their modules (``ogi.errors.EXTRAS``) agree.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from ogi.errors import EXTRAS, MissingExtra, MissingReader, OgiError, UnreadableFile, install_command, needs_extra

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "txt_rows.txt"

_RUN = """
import sys
for name in sys.argv[1].split(","):
    sys.modules[name] = None  # an import of it fails as if it were not installed
sys.argv = ["ogi", *sys.argv[2:]]
from ogi.cli import app
app()
"""


def run_without(missing: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``ogi ARGS`` in a fresh interpreter where the modules ``missing`` (comma-separated)
    cannot be imported."""
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COLUMNS": "200", "HOME": str(cwd or ROOT)}
    return subprocess.run([sys.executable, "-c", _RUN, missing, *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def message(extra: str, zh: str, en: str) -> str:
    return f"{zh}需要 {extra} 组件 / {en} needs the {extra} extra: pip install 'ogi-reports[{extra}]'"


WEB = message("web", "网页版(ogi serve)", "the web app (ogi serve)")


def test_the_extras_table_is_the_pyprojects():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert set(extras) == set(EXTRAS) | {"all", "test"}
    assert extras["all"] == [f"ogi-reports[{','.join(EXTRAS)}]"]
    assert "ogi-reports[all]" in extras["test"]


def test_install_command():
    assert install_command("pdf-render") == "pip install 'ogi-reports[pdf-render]'"


@pytest.mark.parametrize("module", ["fastapi", "uvicorn", "jinja2", "python_multipart"])
def test_serve_without_the_web_extra(tmp_path, module):
    done = run_without(module, "serve", "--db", str(tmp_path / "ogi.duckdb"), cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"ogi: {WEB}\n")


def test_serve_without_the_web_extra_ingests_nothing(tmp_path):
    done = run_without("fastapi", "serve", str(SAMPLE), "--db", str(tmp_path / "ogi.duckdb"), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, f"ogi: {WEB}\n")
    assert not (tmp_path / "ogi.duckdb").exists()


def test_render_pdf_without_the_pdf_render_extra(tmp_path):
    data = tmp_path / "report.json"
    parsed = subprocess.run([sys.executable, "-m", "ogi.cli", "parse", str(SAMPLE)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}, check=True)
    data.write_text(parsed.stdout, encoding="utf-8")
    done = run_without("weasyprint", "render", str(data), "--to", "pdf", "--force", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines()[-1] == f"ogi: {message('pdf-render', 'PDF 输出', 'rendering PDF')}"
    assert not data.with_suffix(".pdf").exists()


def test_postgres_without_the_postgres_extra(tmp_path):
    done = run_without("psycopg", "stats", "--db", "postgresql://127.0.0.1:9/none", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"ogi: {message('postgres', 'PostgreSQL 数据库', 'a PostgreSQL database')}\n"


def test_an_image_without_the_ocr_extra(tmp_path):
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("RGB", (40, 20), "white").save(image)
    expected = message("ocr", "读取扫描件和图片(OCR)", "reading scans and images (OCR)")
    for module in ("rapidocr", "onnxruntime", "cv2"):
        done = run_without(module, "parse", str(image), cwd=tmp_path)
        assert (done.returncode, done.stdout, done.stderr) == (1, "", f"ogi: {image}: {expected}\n"), module


def test_ingest_on_ray_without_the_ray_extra(tmp_path):
    done = run_without("ray", "ingest", str(SAMPLE), "--engine", "ray", "--db", str(tmp_path / "ogi.duckdb"),
                       cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == f"ogi: {message('ray', '--engine ray ', '--engine ray')}"


def test_parse_needs_no_extra(tmp_path):
    """A plain install (no extra) parses: none of the extras' modules is needed."""
    every = ",".join(m for modules in EXTRAS.values() for m in modules)
    done = run_without(every, "parse", str(SAMPLE), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["meta"]["year"] == 2023


def test_the_python_api_meets_a_missing_extra_with_the_same_error(monkeypatch):
    import ogi.web

    monkeypatch.setitem(sys.modules, "python_multipart", None)
    with pytest.raises(MissingExtra) as caught:
        ogi.web.create_app  # noqa: B018 - the attribute is the import
    assert str(caught.value) == WEB
    assert (caught.value.extra, caught.value.module) == ("web", "python_multipart")
    assert isinstance(caught.value, OgiError) and not isinstance(caught.value, ImportError)


def test_a_reader_without_its_extra_is_an_unreadable_file(monkeypatch):
    from ogi.readers.ocr import require_engine

    monkeypatch.setitem(sys.modules, "rapidocr", None)
    with pytest.raises(MissingReader) as caught:
        require_engine()
    assert isinstance(caught.value, UnreadableFile) and isinstance(caught.value, MissingExtra)


def test_needs_extra_lets_other_import_errors_through(monkeypatch):
    monkeypatch.setitem(sys.modules, "some_unrelated_module", None)
    with pytest.raises(ImportError) as caught, needs_extra("web", "网页版", "the web app"):
        import some_unrelated_module  # noqa: F401
    assert not isinstance(caught.value, MissingExtra)
    with needs_extra("web", "网页版", "the web app"):
        io.StringIO()  # nothing raised, nothing changed
