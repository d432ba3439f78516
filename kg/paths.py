"""Where the project's files are: ontology/, seeds/, exports/ at the top of the repository.

Commands run from a checkout, so paths are relative to the current directory first and fall back to
the folder above the installed package (an editable install of the repository)."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

REPO_ROOT = Path(__file__).resolve().parent.parent


def project_path(relative: str) -> Path:
    here = Path(relative)
    if here.exists():
        return here
    return REPO_ROOT / relative


def ontology_file(name: str) -> Path:
    path = project_path("ontology") / name
    if not path.exists():
        raise InputError(f"ontology file {name} not found under {project_path('ontology')}")
    return path
