"""Metrics: degree, weighted degree, betweenness, seeded Louvain communities, components, brokers."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from clustergraph.network import project
from clustergraph.network.metrics import annotate, brokers, summary
from tests.network.conftest import BRIDGE, PLANTED_CLUSTER


def two_provinces() -> nx.Graph:
    """Two triangles (Jiangsu, Zhejiang) joined through one node, plus a separate pair."""
    graph = nx.Graph()
    provinces = {"a1": "江苏省", "a2": "江苏省", "a3": "江苏省", "b1": "浙江省", "b2": "浙江省"}
    provinces.update({"b3": "浙江省", "hub": "上海市", "x": "四川省", "y": "四川省"})
    for node, province in sorted(provinces.items()):
        graph.add_node(node, provinces=[province], label=node)
    edges = [("a1", "a2"), ("a1", "a3"), ("a2", "a3"), ("b1", "b2"), ("b1", "b3"), ("b2", "b3")]
    edges += [("a1", "hub"), ("b1", "hub"), ("x", "y")]
    for source, target in edges:
        graph.add_edge(source, target, weight=2 if "hub" in (source, target) else 1)
    return graph


def test_node_metrics_match_networkx() -> None:
    graph = annotate(two_provinces())
    reference = nx.betweenness_centrality(two_provinces(), normalized=True)
    for node, attrs in graph.nodes(data=True):
        assert attrs["degree"] == graph.degree(node)
        assert attrs["betweenness"] == pytest.approx(reference[node], abs=1e-6)
    assert graph.nodes["hub"]["weighted_degree"] == 4.0
    assert graph.nodes["a1"]["weighted_degree"] == 4.0


def test_components_and_communities_are_numbered_by_size() -> None:
    graph = annotate(two_provinces())
    assert graph.graph["components"] == 2 and graph.graph["largest_component"] == 7
    assert graph.nodes["x"]["component"] == 1 and graph.nodes["hub"]["component"] == 0
    assert graph.nodes["a2"]["community"] == graph.nodes["a3"]["community"]
    assert graph.nodes["b2"]["community"] == graph.nodes["b3"]["community"]
    assert graph.nodes["a2"]["community"] != graph.nodes["b2"]["community"]
    assert graph.nodes["x"]["community"] == graph.nodes["y"]["community"]
    assert graph.graph["communities"] == 3 and graph.graph["modularity"] > 0.3


def test_brokers_bridge_provinces() -> None:
    graph = annotate(two_provinces())
    # hub's neighbours are in Jiangsu and Zhejiang; a1/b1 touch Shanghai through hub
    assert brokers(graph)[0] == "hub"
    assert graph.nodes["hub"]["broker_rank"] == 1 and graph.nodes["hub"]["broker"] is True
    assert graph.nodes["hub"]["neighbour_provinces"] == 2
    assert not graph.nodes["a2"]["broker"]  # betweenness 0, one province
    assert not graph.nodes["x"]["broker"]
    assert [row["id"] for row in summary(graph)["brokers"]] == brokers(graph)


def test_metrics_are_deterministic(planted: Path) -> None:
    first = project("cluster-institution-region", planted)
    second = project("cluster-institution-region", planted)
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert first.graph == second.graph


def test_planted_bridge_is_a_broker(planted: Path) -> None:
    graph = project("cluster-institution-region", planted)
    assert graph.nodes[BRIDGE]["broker"] and graph.nodes[PLANTED_CLUSTER]["broker"]
    assert graph.nodes[BRIDGE]["neighbour_provinces"] == 2


def test_empty_and_edgeless_graphs() -> None:
    assert annotate(nx.Graph()).graph["nodes"] == 0
    lonely = nx.Graph()
    lonely.add_nodes_from(["b", "a"])
    annotate(lonely)
    assert lonely.graph["modularity"] == 0.0 and lonely.graph["components"] == 2
    assert lonely.nodes["a"]["community"] == 0  # ties go to the smallest IRI
