"""The wheel carries the data folders, and an installed (non-editable) copy builds the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import COMMITTED_GRAPH, ROOT

pytestmark = pytest.mark.slow

DATA_DIRS = ("ontology", "queries", "kg")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (path,) = out.glob("clustergraph-*.whl")
    return path


def _tracked(prefixes: tuple[str, ...]) -> set[str]:
    proc = subprocess.run(
        ["git", "ls-files", *prefixes], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return {line for line in proc.stdout.splitlines() if line}


def test_wheel_holds_exactly_the_tracked_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packaged = {
        n.removeprefix("clustergraph/_data/") for n in names if n.startswith("clustergraph/_data/")
    }
    wanted = _tracked(DATA_DIRS)
    assert packaged == wanted, (sorted(wanted - packaged), sorted(packaged - wanted))
    assert "clustergraph/py.typed" in names


def test_installed_copy_builds_committed_bytes_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import clustergraph; print(clustergraph.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(target))
    proc = subprocess.run(
        [sys.executable, "-m", "clustergraph.cli", "build", "-o", "out.ttl"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (elsewhere / "out.ttl").read_bytes() == COMMITTED_GRAPH.read_bytes()
