"""Shared fixtures: the bundled source, the committed graph and one fresh build per session."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
GENRE = ROOT / "tests" / "fixtures" / "genre" / "provincial-cluster-report.txt"
COMMITTED_GRAPH = ROOT / "kg" / "clustergraph.ttl"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the query store cache of this test run (and its subprocesses) out of the home folder."""
    if "CLUSTERGRAPH_CACHE_DIR" not in os.environ:
        os.environ["CLUSTERGRAPH_CACHE_DIR"] = tempfile.mkdtemp(prefix="clustergraph-test-cache-")


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
