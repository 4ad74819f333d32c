"""The metrics users expect of a network, computed by networkx and stored on the graph.

Per node: ``degree``, ``weighted_degree``, ``betweenness`` (normalised, on hop counts),
``community`` (Louvain with a fixed seed), ``component`` (connected component), and the broker
flags. Communities and components are numbered by size (largest first, ties by smallest node IRI),
so the numbers are stable. A *broker between regions* is a node with high betweenness whose
neighbours lie in two or more provinces; the top ``BROKERS`` of them get ``broker_rank`` 1, 2, ….
Floats are rounded so outputs are byte-identical across runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    import networkx as nx

__all__ = ["BROKERS", "DIGITS", "SEED", "annotate", "brokers", "summary"]

SEED = 42
BROKERS = 10
DIGITS = 6


def _ranked(groups: Iterable[Iterable[str]]) -> list[list[str]]:
    """Groups as sorted lists, largest first, ties broken by their smallest member."""
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0] if g else ""))


def _round(value: float) -> float:
    return round(float(value), DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0


def annotate(graph: nx.Graph, *, seed: int = SEED, top: int = BROKERS) -> nx.Graph:
    """Compute the metrics and store them as node and graph attributes; returns ``graph``."""
    import networkx as nx

    betweenness = nx.betweenness_centrality(graph, normalized=True) if len(graph) else {}
    weighted = dict(graph.degree(weight="weight"))
    components = _ranked(nx.connected_components(graph))
    communities = (
        _ranked(nx.community.louvain_communities(graph, weight="weight", seed=seed))
        if len(graph)
        else []
    )
    for index, group in enumerate(components):
        for node in group:
            graph.nodes[node]["component"] = index
    for index, group in enumerate(communities):
        for node in group:
            graph.nodes[node]["community"] = index
    for node, attrs in graph.nodes(data=True):
        provinces = _neighbour_provinces(graph, node)
        attrs["degree"] = graph.degree(node)
        attrs["weighted_degree"] = _round(weighted.get(node, 0))
        attrs["betweenness"] = _round(betweenness.get(node, 0.0))
        attrs["neighbour_provinces"] = len(provinces)
        attrs["broker"] = False
        attrs["broker_rank"] = 0
    for rank, node in enumerate(brokers(graph, top=top), start=1):
        graph.nodes[node]["broker"] = True
        graph.nodes[node]["broker_rank"] = rank
    modularity = (
        nx.community.modularity(graph, communities, weight="weight")
        if graph.number_of_edges()
        else 0.0
    )
    graph.graph.update(
        {
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "density": _round(nx.density(graph)) if len(graph) > 1 else 0.0,
            "components": len(components),
            "largest_component": len(components[0]) if components else 0,
            "communities": len(communities),
            "modularity": _round(modularity),
            "louvain_seed": seed,
        }
    )
    return graph


def _neighbour_provinces(graph: nx.Graph, node: str) -> set[str]:
    found: set[str] = set()
    for neighbour in graph.neighbors(node):
        found.update(graph.nodes[neighbour].get("provinces") or ())
    return found


def brokers(graph: nx.Graph, *, top: int = BROKERS) -> list[str]:
    """Nodes with the highest betweenness whose neighbours span ≥ 2 provinces (best first)."""
    candidates = [
        (node, attrs)
        for node, attrs in graph.nodes(data=True)
        if attrs.get("betweenness", 0.0) > 0 and len(_neighbour_provinces(graph, node)) >= 2
    ]
    candidates.sort(
        key=lambda item: (
            -item[1].get("betweenness", 0.0),
            -len(_neighbour_provinces(graph, item[0])),
            item[0],
        )
    )
    return [node for node, _ in candidates[:top]]


def summary(graph: nx.Graph, *, top: int = 5) -> dict[str, Any]:
    """A JSON-ready digest: graph-level numbers, the top nodes by degree and the brokers."""

    def row(node: str) -> dict[str, Any]:
        attrs = graph.nodes[node]
        return {
            "id": node,
            "label": attrs.get("label", ""),
            "degree": attrs.get("degree", 0),
            "betweenness": attrs.get("betweenness", 0.0),
        }

    by_degree = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("degree", 0), n))
    ranked = sorted(
        (n for n in graph.nodes if graph.nodes[n].get("broker")),
        key=lambda n: graph.nodes[n]["broker_rank"],
    )
    keys = ("nodes", "edges", "density", "components", "largest_component", "communities")
    digest: dict[str, Any] = {key: graph.graph.get(key) for key in keys}
    digest["modularity"] = graph.graph.get("modularity")
    digest["top_degree"] = [row(n) for n in by_degree[:top]]
    digest["brokers"] = [row(n) for n in ranked]
    return digest
