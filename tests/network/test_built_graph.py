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


def test_cluster_pairs_sharing_a_gbt4754_division() -> None:
    """The counts measured on the built white-paper graph.

    10 pairs share a division (大类) of their primary GB/T 4754 codes; 8 of them had no other reason
    to be linked, so the 49 edges of the other kinds grow to 57.
    """
    graph = project("cluster-cluster", BUILT)
    by_division: dict[str, int] = {}
    division_only = 0
    for _, _, attrs in graph.edges(data=True):
        shares = [s for s in attrs["shares"].split("; ") if s.startswith("industry-division:")]
        for share in shares:
            code = share.removeprefix("industry-division:").split(" ")[0]
            by_division[code] = by_division.get(code, 0) + 1
        division_only += attrs["relations"] == "industry-division"
    assert by_division == {"C34": 3, "C37": 1, "C38": 3, "C39": 3}
    assert (graph.number_of_nodes(), graph.number_of_edges(), division_only) == (20, 57, 8)
    labels = {graph.nodes[n]["label"]: n for n in graph}
    security, cameras = labels["天津信息安全集群"], labels["浙江杭州数字安防集群"]
    assert graph.edges[security, cameras]["shares"] == (
        "industry-division:C39 计算机、通信和其他电子设备制造业"
    )
    assert graph.graph["communities"] == 4
    top = min(
        (n for n in graph if graph.nodes[n]["broker"]), key=lambda n: graph.nodes[n]["broker_rank"]
    )
    assert graph.nodes[top]["label"] == "浙江杭州数字安防集群"
