"""The projections on the built graph kg/clustergraph.ttl (skipped until it is built)."""

from __future__ import annotations

import pytest

from clustergraph.network import project, projection_names
from clustergraph.query.engine import EmbeddedEngine
from tests.network.conftest import ROOT, SOURCE

BUILT = ROOT / "kg" / "clustergraph.ttl"

pytestmark = pytest.mark.skipif(
    not BUILT.is_file() or BUILT.stat().st_size == 0,
    reason="kg/clustergraph.ttl is not built yet (run 'clustergraph build')",
)


def clusters() -> set[str]:
    rows = EmbeddedEngine(BUILT).run(
        "SELECT ?c WHERE { ?c a <https://w3id.org/clustergraph/ontology#Cluster> }"
    )
    return {row["c"].value for row in rows.rows}


@pytest.mark.parametrize("name", projection_names())
def test_projection_on_the_built_graph(name: str) -> None:
    graph = project(name, BUILT)
    assert graph.number_of_nodes() > 0 and graph.number_of_edges() > 0
    raw = SOURCE.read_text(encoding="utf-8")
    for node, attrs in graph.nodes(data=True):
        assert attrs["type"] in ("cluster", "institution", "region"), node
        assert attrs["label"] and attrs["pinyin"], node
        for quote in attrs["evidence"]:
            assert raw[quote["start"] : quote["end"]] == quote["exact"], node


def test_every_cluster_is_in_the_cluster_networks() -> None:
    wanted = clusters()
    assert len(wanted) >= 10
    for name in ("cluster-cluster", "cluster-institution-region", "map"):
        graph = project(name, BUILT)
        assert {n for n, t in graph.nodes(data="type") if t == "cluster"} == wanted, name
