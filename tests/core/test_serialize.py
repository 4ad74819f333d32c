"""The Turtle writer is deterministic, lossless and refuses blank nodes."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from clustergraph.graph.namespaces import CGID, PREFIXES

CG = PREFIXES["cg"]  # a plain namespace: these tests mint undeclared terms on purpose
from clustergraph.graph.serialize import to_turtle


def _graph(order: list[int]) -> Graph:
    graph = Graph()
    for i in order:
        node = CGID[f"cluster/c-{i}"]
        graph.add((node, RDF.type, CG.Cluster))
        graph.add((node, CG.caseNumber, Literal(i, datatype=XSD.integer)))
        graph.add((node, CG.note, Literal('引号"与\\反斜杠\n换行\t制表', lang="zh")))
        graph.add((node, CG.locatedIn, URIRef("https://w3id.org/clustergraph/id/region/330200")))
    return graph


def test_same_graph_any_insertion_order_gives_same_bytes() -> None:
    assert to_turtle(_graph([1, 2, 3])) == to_turtle(_graph([3, 1, 2]))


def test_round_trip_is_isomorphic() -> None:
    graph = _graph([1, 2])
    parsed = Graph().parse(data=to_turtle(graph, header="a\nb").decode("utf-8"), format="turtle")
    assert isomorphic(graph, parsed)


def test_type_comes_first_and_header_is_commented() -> None:
    text = to_turtle(_graph([1]), header="line one").decode("utf-8")
    assert text.startswith("# line one\n")
    body = text.split("\n\n", 1)[1]
    assert body.split(" ", 2)[1] == "a"


def test_blank_nodes_are_refused() -> None:
    graph = Graph()
    graph.add((BNode(), RDF.type, CG.Cluster))
    with pytest.raises(TypeError):
        to_turtle(graph)
