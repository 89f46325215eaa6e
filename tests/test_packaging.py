"""The wheel a user installs: built from a copy of the tree with the venv's setuptools (no
network, no build isolation), checked for what it must carry, installed into a fresh
virtual environment, and its ``outagewatch demo`` run there to an incident report.

The fresh venv has no system site-packages. To keep the suite fast and offline, the
wheel is installed with ``--no-deps`` and a ``.pth`` file appends this test venv's
site-packages (where the dependencies are) after the fresh venv's own: the package
itself, its data files and its console script come from the wheel alone (asserted).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".git", ".venv", "demo", "build", "dist", "*.egg-info", "__pycache__",
                                ".pytest_cache", "test-artifacts", "node_modules")

pytestmark = pytest.mark.slow


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("OUTAGEWATCH_")}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    """(the wheel, everything the build printed)."""
    work = tmp_path_factory.mktemp("build")
    src = work / "src"
    shutil.copytree(REPO, src, symlinks=True, ignore=IGNORE)
    out = work / "dist"
    proc = subprocess.run(
        [sys.executable, "-W", "default", "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
         "-v", "-w", str(out), str(src)],
        capture_output=True, text=True, env=_clean_env(PYTHONWARNINGS="default"), timeout=600)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    wheels = list(out.glob("outagewatch-*.whl"))
    assert len(wheels) == 1, log[-2000:]
    return wheels[0], log


def test_build_prints_no_deprecation_warning(built):
    _, log = built
    assert "running bdist_wheel" in log  # the backend's own output is in the log we check
    noisy = [line for line in log.splitlines() if "deprecat" in line.lower() or "Warning" in line]
    assert noisy == []


def test_wheel_carries_license_types_capture_and_declared_dependencies(built):
    wheel, _ = built
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(meta_name).decode())
    assert "outagewatch/py.typed" in names
    # the default wheel is pure Python: no extension, no record of a compiled build (setup.py's switch is off)
    assert not [n for n in names if n.endswith(".so")] and "outagewatch/nlp/compiled.json" not in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    capture = "outagewatch/captures/aws-us-east-1-2020-11-25/"
    assert capture + "manifest.json" in names
    assert capture + "x/tweets.jsonl" in names
    assert sum(n.startswith(capture + "bodies/") for n in names) > 100
    assert meta["License-Expression"] == "Apache-2.0"
    assert any("Typing :: Typed" == c for c in meta.get_all("Classifier"))
    assert meta.get_all("Project-URL") is None  # no public repository to point at yet
    requires = meta.get_all("Requires-Dist")
    core = {r.split(">")[0].split("<")[0].split("=")[0].strip().lower() for r in requires if "extra ==" not in r}
    assert {"numpy", "spacy", "typer", "httpx", "feedparser", "jinja2"} <= core
    assert not core & {"elasticsearch", "fastapi", "uvicorn", "scrapy", "tweepy", "atproto", "pytest", "playwright"}
    assert set(meta.get_all("Provides-Extra")) >= {"es", "api", "collectors", "all", "test"}


@pytest.mark.parametrize("switch, wants_mypy", [("1", True), ("0", False), (None, False)])
def test_the_compiled_switch_asks_pip_for_mypy_only_when_on(tmp_path, switch, wants_mypy):
    """What pip asks setuptools' backend before building (``get_requires_for_build_wheel``), in a copy
    of what the Docker image's first stage copies, with mypyc not importable there, as in pip's fresh
    build environment: OUTAGEWATCH_COMPILED=1 must bring mypy in (the wheel is then compiled with it);
    off, the build needs nothing more than pyproject.toml says."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy(REPO / name, src / name)
    shutil.copytree(REPO / "outagewatch", src / "outagewatch", ignore=IGNORE)
    code = ("import sys, json; sys.modules['mypyc'] = sys.modules['mypyc.build'] = None; "
            "from setuptools import build_meta; print(json.dumps(build_meta.get_requires_for_build_wheel()))")
    env = _clean_env(**({} if switch is None else {"OUTAGEWATCH_COMPILED": switch}))
    done = subprocess.run([sys.executable, "-c", code], cwd=src, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    requires = json.loads(done.stdout.strip().splitlines()[-1])
    assert any(r.replace(" ", "").startswith("mypy>=") for r in requires) == wants_mypy, requires


def test_an_editable_install_with_the_compiled_switch_is_refused_with_the_way_to_compile_a_checkout(tmp_path):
    """An editable install's extensions would sit beside sources that change under them, without the
    record the tagger checks: setuptools' real backend is asked for it and must stop, saying what to do."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy(REPO / name, src / name)
    shutil.copytree(REPO / "outagewatch", src / "outagewatch", ignore=IGNORE)
    code = f"from setuptools import build_meta; build_meta.build_editable({str(tmp_path / 'out')!r})"
    done = subprocess.run([sys.executable, "-c", code], cwd=src, capture_output=True, text=True, timeout=120,
                          env=_clean_env(OUTAGEWATCH_COMPILED="1"))
    assert done.returncode != 0
    assert "not an editable install" in done.stderr and "make compiled" in done.stderr
    assert not list(src.rglob("*.so")) and not list(src.rglob("compiled.json"))


def test_fresh_venv_demo_ends_with_an_incident_report(built, tmp_path):
    wheel, _ = built
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index",
                              "--quiet", str(wheel)], capture_output=True, text=True, env=_clean_env(), timeout=300)
    assert install.returncode == 0, install.stderr
    fresh_site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                     capture_output=True, text=True, check=True, env=_clean_env()).stdout.strip())
    (fresh_site / "zz_test_venv_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")

    where = subprocess.run([str(py), "-c", "import outagewatch; print(outagewatch.__file__)"],
                           capture_output=True, text=True, env=_clean_env(), check=True, cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(fresh_site), where

    out_dir = tmp_path / "run" / "demo"
    proc = subprocess.run([str(venv / "bin" / "outagewatch"), "demo", str(out_dir)], capture_output=True, text=True,
                          cwd=tmp_path, env=_clean_env(), timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = proc.stdout
    assert report.startswith("# ") and "likely cause Amazon Kinesis" in report.splitlines()[0]
    assert "## Summary" in report and "## Timeline" in report
    assert report.rstrip().splitlines()[-1].startswith("- ")  # the report is the last thing printed
    assert (out_dir / "report.html").read_text().lstrip().lower().startswith("<!doctype html")
    assert (out_dir / "report.md").read_text() == report
    assert "report:" in proc.stderr and "incident(s)" in proc.stderr
