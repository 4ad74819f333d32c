"""The JSON-LD writer on small graphs: every literal shape survives the round trip unchanged."""

from __future__ import annotations

import json

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from clustergraph.export.formats import load_context
from clustergraph.export.jsonld import to_jsonld
from clustergraph.graph.namespaces import CG, CGID, DCTERMS, OA, RDF, RDFS, XSD

CONTEXT = load_context()["@context"]
NODE = CGID["cluster/x"]


def round_trip(graph: Graph) -> tuple[Graph, dict]:
    text = to_jsonld(graph, CONTEXT)
    return Graph().parse(data=text, format="json-ld"), json.loads(text)


def tricky_graph() -> Graph:
    graph = Graph()
    graph.add((NODE, RDF.type, CG.Cluster))
    graph.add((NODE, RDFS.label, Literal("宁波", lang="zh")))
    graph.add((NODE, RDFS.label, Literal("níng bō", lang="zh-Latn-pinyin")))
    graph.add((NODE, RDFS.label, Literal("plain label")))  # no language: cannot go in the map
    graph.add((NODE, DCTERMS.title, Literal("Ningbo", lang="en")))
    graph.add((NODE, CG.docNumberIssuer, Literal("苏政发", datatype=XSD.string)))
    graph.add((NODE, CG.caseNumber, Literal("7", datatype=XSD.integer)))
    graph.add((NODE, CG.ordinal, Literal("1.0", datatype=XSD.decimal)))  # not the term's type
    graph.add((NODE, CG.value, Literal("3.0E0", datatype=XSD.double)))
    graph.add((NODE, CG.spansMultipleCities, Literal("true", datatype=XSD.boolean)))
    graph.add((NODE, OA.exact, Literal('line "one"\nline two')))
    graph.add((NODE, CG.locatedIn, CGID["region/330200"]))
    graph.add((NODE, CG.locatedIn, CGID["region/330100"]))
    graph.add((NODE, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    return graph


def test_every_literal_shape_round_trips() -> None:
    graph = tricky_graph()
    back, _ = round_trip(graph)
    assert isomorphic(back, graph)
    assert (NODE, CG.docNumberIssuer, Literal("苏政发", datatype=XSD.string)) in back
    assert (NODE, CG.caseNumber, Literal("7", datatype=XSD.integer)) in back


def test_terms_are_used_only_where_they_fit() -> None:
    _, document = round_trip(tricky_graph())
    (node,) = document["@graph"]
    assert node["label"] == {"zh": "宁波", "zh-Latn-pinyin": "níng bō"}
    assert node["rdfs:label"] == "plain label"
    assert node["caseNumber"] == "7"  # coerced by the term: the lexical form, as a string
    assert node["cg:ordinal"] == {"@type": "xsd:decimal", "@value": "1.0"}
    assert node["cg:docNumberIssuer"] == {"@type": "xsd:string", "@value": "苏政发"}
    assert node["locatedIn"] == ["cgid:region/330100", "cgid:region/330200"]  # sorted
    assert node["dct:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}


def test_output_does_not_depend_on_insertion_order() -> None:
    triples = sorted(tricky_graph())
    forward, backward = Graph(), Graph()
    for triple in triples:
        forward.add(triple)
    for triple in reversed(triples):
        backward.add(triple)
    assert to_jsonld(forward, CONTEXT) == to_jsonld(backward, CONTEXT)


def test_blank_nodes_are_refused() -> None:
    graph = Graph()
    graph.add((NODE, CG.locatedIn, BNode()))
    with pytest.raises(TypeError, match="blank nodes"):
        to_jsonld(graph, CONTEXT)


def test_an_iri_that_would_read_back_as_a_compact_iri_is_refused() -> None:
    graph = Graph()
    graph.add((NODE, CG.locatedIn, URIRef("geo:30.27,120.15")))  # scheme "geo" is a prefix
    with pytest.raises(ValueError, match="scheme"):
        to_jsonld(graph, CONTEXT)
