"""A package that works once installed: a wheel built from the sources, installed (not editable) into a
fresh virtual environment, gives a `kg` that builds and answers competency questions from an empty folder,
and every default path is the current folder's.

The fresh environment gets the wheel alone (--no-deps); its dependencies come from this test run's
environment through a .pth path line, which adds that folder to sys.path without running its .pth files,
so the editable install there cannot shadow the wheel. About 15-25 s."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

SOURCES = ("kg", "ontology", "setup.py", "pyproject.toml", "README.md")


def _run(cmd, cwd, env=None, timeout=300):
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _tree_mtimes(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    root = tmp_path_factory.mktemp("install")
    src = root / "src"
    src.mkdir()
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, src / name)
    dist = root / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", dist, src], root)
    wheel = next(dist.glob("kg-*.whl"))
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], root)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel], root)
    site = Path(subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        text=True).strip())
    (site / "kg-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return wheel, venv


def test_the_wheel_carries_the_ontology_shapes_and_questions(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("diplomacy.ttl", "shapes.ttl", "context.jsonld"):
        assert f"kg/ontology/{name}" in names
    shipped = {n.rsplit("/", 1)[1] for n in names if n.startswith("kg/ontology/cq/")}
    assert shipped == {p.name for p in (REPO / "ontology" / "cq").iterdir() if p.suffix in (".rq", ".csv")}


def test_installed_kg_builds_and_queries_from_an_empty_folder(installed, tmp_path):
    _, venv = installed
    kg = venv / "bin" / "kg"
    where = _run([venv / "bin" / "python", "-c", "import kg, kg.paths; print(kg.__file__, kg.paths.ontology_folder())"],
                 tmp_path).stdout
    assert str(REPO) not in where, f"the wheel's kg must not come from the checkout: {where}"
    work = tmp_path / "work"
    work.mkdir()
    before = _tree_mtimes(REPO / "exports")
    built = _run([kg, "build", REPO / "seeds"], work)
    assert "SHACL:    conforms" in built.stdout
    assert (work / "exports" / "kg.ttl").is_file()
    answer = _run([kg, "query", "offices", "--format", "csv"], work).stdout
    expected = (REPO / "ontology" / "cq" / "01-offices.expected.csv").read_text(encoding="utf-8")
    assert sorted(answer.splitlines()) == sorted(expected.splitlines())
    assert _tree_mtimes(REPO / "exports") == before, "an installed kg wrote into the checkout's exports/"


def test_editable_kg_run_elsewhere_writes_there(tmp_path):
    before = _tree_mtimes(REPO / "exports")
    built = subprocess.run([sys.executable, "-m", "kg", "build", str(REPO / "seeds")], cwd=tmp_path,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "exports" / "kg.ttl").is_file()
    assert _tree_mtimes(REPO / "exports") == before


def test_no_seeds_in_the_current_folder_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg", "build"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 2 and "seeds" in result.stderr and "Traceback" not in result.stderr
