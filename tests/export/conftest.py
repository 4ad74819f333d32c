"""One validated build, exported in every format twice by the CLI (different hash seeds)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import run_cli

FORMATS = ("ttl", "nt", "jsonld", "csv")


def export_cli(fmt: str, data: Path, out: Path, seed: str) -> list[Path]:
    """Run ``clustergraph export`` as a user would; return the paths it reports."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = run_cli("export", "--format", fmt, "--data", str(data), "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    return [Path(line) for line in done.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def source(built) -> tuple[Graph, Path]:
    """The built graph (as parsed back from its Turtle file) and that file."""
    _, path = built
    return Graph().parse(path), path


@pytest.fixture(scope="session")
def exported(built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """format → (first export folder, second export folder)."""
    _, path = built
    root = tmp_path_factory.mktemp("export")
    folders: dict[str, tuple[Path, Path]] = {}
    for fmt in FORMATS:
        first, second = root / fmt / "1", root / fmt / "2"
        reported = export_cli(fmt, path, first, "1")
        assert sorted(reported) == sorted(p for p in first.iterdir()), fmt
        export_cli(fmt, path, second, "2")
        folders[fmt] = (first, second)
    return folders
