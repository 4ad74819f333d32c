"""Fixtures for the query-layer tests: the hand-written fixture graph, the built graph when it
exists, a real ``oxigraph serve-read-only`` endpoint, and a helper to run the CLI."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the package may not be installed while the tree is being built
    sys.path.insert(0, str(ROOT))

FIXTURE = Path(__file__).with_name("fixtures") / "mini.ttl"
BUILT = ROOT / "kg" / "clustergraph.ttl"


def built_graph_reason() -> str | None:
    """Why the built graph cannot be tested, or None when it can."""
    if not BUILT.is_file():
        return f"{BUILT.relative_to(ROOT)} does not exist yet (run 'clustergraph build')"
    if BUILT.stat().st_size == 0:
        return f"{BUILT.relative_to(ROOT)} is empty (not built yet; run 'clustergraph build')"
    return None


#: pytest params for "run on the fixture and, when present, on the built graph"
GRAPHS = [
    pytest.param(FIXTURE, id="fixture"),
    pytest.param(
        BUILT,
        id="built",
        marks=pytest.mark.skipif(
            built_graph_reason() is not None, reason=str(built_graph_reason())
        ),
    ),
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_missing() -> str | None:
    """Why the oxigraph CLI cannot be used, or None."""
    from clustergraph.errors import ClusterGraphError
    from clustergraph.query.server import find_oxigraph

    try:
        find_oxigraph()
    except ClusterGraphError as error:
        return str(error)
    return None


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``clustergraph ARGS`` in a fresh interpreter, as users do."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-m", "clustergraph.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    # decoded by hand: text=True would turn the CSV format's CRLF line ends into LF
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


@pytest.fixture(scope="module", params=GRAPHS)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, str]]:
    """(graph file, query URL) of a real read-only Oxigraph server holding that graph."""
    reason = oxigraph_missing()
    if reason:
        pytest.skip(f"oxigraph binary missing: {reason}")
    from clustergraph.query.server import LocalServer, load_location

    data: Path = request.param
    location = tmp_path_factory.mktemp("oxigraph-store")
    load_location(data, location)
    server = LocalServer(location, "127.0.0.1", free_port())
    server.start()
    try:
        yield data, server.url
    finally:
        server.stop()
