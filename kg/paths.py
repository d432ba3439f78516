"""Where files are. The ontology, shapes and competency questions ship inside the package (kg.ontology,
which is the repository's ontology/ folder); a user's files (seeds/, exports/, the store and cache under .kg/) are the
current folder's, so an installed `kg` run anywhere reads and writes there and never in the checkout."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from kg.errors import InputError

DEFAULT_SEEDS = "seeds"
DEFAULT_EXPORTS = "exports"
# the store is a database (its files differ from build to build), so it sits beside the output folder, in
# .kg/ with the build cache, not among the exports, which are deterministic files committed to git
STORE_FOLDER = Path(".kg") / "store"


def project_path(relative: str) -> Path:
    """A default path of the user's project: relative to the current folder."""
    return Path(relative)


def default_store(out_dir: Path | None = None) -> Path:
    """The store of a build into out_dir (default exports/): .kg/store in the folder that holds out_dir."""
    return (Path(out_dir).parent if out_dir is not None else Path(".")) / STORE_FOLDER


def ontology_folder() -> Path:
    """The installed ontology folder (the checkout's ontology/ under an editable install)."""
    resource = files("kg.ontology")
    # A wheel or an editable install gives real folders; as_file would only copy out of a zip import.
    with as_file(resource) as folder:
        return Path(folder)


def ontology_file(name: str) -> Path:
    path = ontology_folder() / name
    if not path.exists():
        raise InputError(f"ontology file {name} not found under {ontology_folder()}; reinstall kg")
    return path
