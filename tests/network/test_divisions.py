"""The ``industry-division`` edges of the cluster-cluster projection (shared GB/T 4754 大类).

On fixtures/divisions.ttl, clusters A (电器) and B (电池) both map into divisions C34 and C38;
C (材料) reaches C38 and C39 only through codes that must not count (a relatedMatch code, a
relatedMatch on B's side, an SEI area, another scheme's look-alike notation).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from clustergraph.network import load_projection, project
from clustergraph.network.html import payload, reasons
from clustergraph.network.layout import positions
from clustergraph.network.style import RELATION_COLOURS, relation_colour, relation_name
from clustergraph.query.engine import EmbeddedEngine

DIVISIONS = Path(__file__).with_name("fixtures") / "divisions.ttl"
CLUSTER = "https://w3id.org/clustergraph/id/cluster/"
APPLIANCES = CLUSTER + "ce-shi-dian-qi-ji-qun"
BATTERIES = CLUSTER + "ce-shi-dian-chi-ji-qun"
MATERIALS = CLUSTER + "ce-shi-cai-liao-ji-qun"
GBT4754 = "https://w3id.org/clustergraph/id/gbt4754/"


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    return project("cluster-cluster", DIVISIONS)


def test_two_clusters_sharing_divisions_are_linked_and_the_third_is_not(graph: nx.Graph) -> None:
    assert set(graph.nodes) == {APPLIANCES, BATTERIES, MATERIALS}
    assert list(graph.edges) == [(BATTERIES, APPLIANCES)]
    assert graph.edges[APPLIANCES, BATTERIES] == {
        "weight": 2,  # one per shared division, like every other kind
        "relations": "industry-division",
        "shares": "industry-division:C34; industry-division:C38 电气机械和器材制造业",
    }
    assert graph.degree(MATERIALS) == 0


def test_division_rows_name_the_division_concept_or_its_iri() -> None:
    rows = EmbeddedEngine(DIVISIONS).run(load_projection("cluster-cluster").text).rows
    found = {
        (row["via"].value, row["viaLabel"].value)
        for row in rows
        if "relation" in row and row["relation"].value == "industry-division"
    }
    # C38 is a concept of the graph (its name joins the label); C34 is not, so the row carries the
    # IRI the concept would have and the bare code
    assert found == {(GBT4754 + "C34", "C34"), (GBT4754 + "C38", "C38 电气机械和器材制造业")}


def test_metrics_see_the_division_edge(graph: nx.Graph) -> None:
    assert graph.nodes[APPLIANCES]["weighted_degree"] == 2.0
    assert graph.nodes[MATERIALS]["degree"] == 0
    assert graph.graph["components"] == 2


def test_division_edges_have_a_colour_and_a_name() -> None:
    colour = RELATION_COLOURS["industry-division"]
    assert colour not in {c for k, c in RELATION_COLOURS.items() if k != "industry-division"}
    assert relation_colour("industry-division;province") == colour
    assert relation_colour("province;toolbox-category") == relation_colour("")
    assert relation_name("industry-division") == ("行业大类", "GB/T 4754 division")
    assert relation_name("no-such-kind") == ("no-such-kind", "no-such-kind")


def test_payload_lists_the_kind_and_each_reason(graph: nx.Graph) -> None:
    data = payload(graph, positions(graph))
    assert data["relations"] == [
        {
            "key": "industry-division",
            "zh": "行业大类",
            "en": "GB/T 4754 division",
            "colour": RELATION_COLOURS["industry-division"],
            "edges": 1,
        }
    ]
    (edge,) = data["edges"]
    assert edge["colour"] == RELATION_COLOURS["industry-division"]
    assert edge["reasons"] == [
        {"relation": "industry-division", "label": "C34"},
        {"relation": "industry-division", "label": "C38 电气机械和器材制造业"},
    ]


def test_reasons_read_back_the_shares() -> None:
    assert reasons("place;province", "place:宁波市; province:浙江省") == [
        {"relation": "place", "label": "宁波市"},
        {"relation": "province", "label": "浙江省"},
    ]
    # a kind whose name has a colon is matched whole; a kind sharing nothing named is still listed
    assert reasons("located-in;role:host", "role:host:某中心") == [
        {"relation": "role:host", "label": "某中心"},
        {"relation": "located-in", "label": ""},
    ]
    assert reasons("industry", "industry:a; b") == [{"relation": "industry", "label": "a; b"}]
