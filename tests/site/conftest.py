"""Fixtures for the website tests: one fresh graph per session, one generated site per module."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitehelpers import SOURCE


@pytest.fixture(scope="session")
def site_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The white paper built now (not the committed file, which may lag behind the code).

    Validation is skipped: these tests are about the website, and SHACL has its own tests.
    """
    from clustergraph.pipeline import build

    out = tmp_path_factory.mktemp("site-graph") / "clustergraph.ttl"
    build(SOURCE, out, validate=False)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, site_graph: Path):
    """The generated site: (folder, report)."""
    from clustergraph.site import generate_site

    out = tmp_path_factory.mktemp("site")
    report = generate_site(out, data=site_graph)
    return out, report


@pytest.fixture(scope="module")
def store(site_graph: Path):
    """The graph in a pyoxigraph store, to compare pages with."""
    import pyoxigraph

    graph = pyoxigraph.Store()
    graph.bulk_load(path=str(site_graph), format=pyoxigraph.RdfFormat.TURTLE)
    return graph
