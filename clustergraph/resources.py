"""Locate the project's data files (ontology, shapes, queries, bundled graph and sources).

In an installed wheel they live in ``clustergraph/_data/`` (mapped there at build time, see
pyproject.toml); in a source checkout or editable install they are the top-level folders.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEFAULT_GRAPH", "DEFAULT_SOURCE", "data_path", "repo_root"]

DEFAULT_SOURCE = "kg/sources/ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
DEFAULT_GRAPH = "kg/clustergraph.ttl"


def repo_root() -> Path | None:
    """The checkout root when running from source (has pyproject.toml beside the package)."""
    root = Path(__file__).resolve().parent.parent
    return root if (root / "pyproject.toml").is_file() and (root / "ontology").is_dir() else None


def data_path(relative: str) -> Path:
    """Return a filesystem path for ``relative`` (e.g. ``"ontology/shapes.ttl"``).

    :param relative: a path under the repository's data folders.
    :returns: the packaged copy if present, else the checkout's file.
    """
    # The package is always a folder on disk (the wheel is not zip-safe: data files are read by
    # path), so this is what importlib.resources.files() would give, without importing zipfile,
    # tempfile and shutil on every start-up.
    packaged = Path(__file__).resolve().parent.joinpath("_data", *relative.split("/"))
    if packaged.exists():
        return packaged
    root = repo_root()
    if root is not None:
        return root / relative
    return packaged
