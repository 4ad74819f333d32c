"""Shared fixtures: the bundled source, the committed graph and one fresh build per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
GENRE = ROOT / "tests" / "fixtures" / "genre" / "provincial-cluster-report.txt"
COMMITTED_GRAPH = ROOT / "kg" / "clustergraph.ttl"


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``clustergraph ARGS`` in a fresh interpreter (the way users run it)."""
    return subprocess.run(
        [sys.executable, "-m", "clustergraph.cli", *args],
        cwd=cwd or ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """One validated build of the white paper, shared by the end-to-end tests."""
    from clustergraph.pipeline import build

    out = tmp_path_factory.mktemp("build") / "clustergraph.ttl"
    result = build(SOURCE, out)
    return result, out
