"""The shapes file itself: bilingual names and messages, Violation severity, nothing left uncovered."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from clustergraph.graph.namespaces import CG
from clustergraph.validate.ontology import load_ontology, load_shapes
from clustergraph.validate.shacl import SHAPES_NS


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def named_shapes(shapes: Graph) -> list[URIRef]:
    found = {
        s
        for kind in (SH.NodeShape, SH.PropertyShape)
        for s in shapes.subjects(RDF.type, kind)
        if isinstance(s, URIRef)
    }
    return sorted(found)


def languages(graph: Graph, node: object, predicate: URIRef) -> list[str]:
    return sorted(
        o.language or "" for o in graph.objects(node, predicate) if isinstance(o, Literal)
    )


def test_all_shapes_are_in_our_namespace(shapes: Graph) -> None:
    assert named_shapes(shapes)
    assert all(str(s).startswith(SHAPES_NS) for s in named_shapes(shapes))


def test_every_shape_has_bilingual_name_and_message_and_violation_severity(shapes: Graph) -> None:
    problems = []
    for shape in named_shapes(shapes):
        if languages(shapes, shape, SH.name) != ["en", "zh"]:
            problems.append(f"{shape}: sh:name @en and @zh")
        if languages(shapes, shape, SH.message) != ["en", "zh"]:
            problems.append(f"{shape}: sh:message @en and @zh")
        if list(shapes.objects(shape, SH.severity)) != [SH.Violation]:
            problems.append(f"{shape}: sh:severity sh:Violation")
    assert not problems, "\n".join(problems)


def test_sparql_constraints_have_bilingual_messages(shapes: Graph) -> None:
    constraints = list(shapes.objects(None, SH.sparql))
    assert len(constraints) == 2
    for constraint in constraints:
        assert languages(shapes, constraint, SH.message) == ["en", "zh"]
        assert shapes.value(constraint, SH.prefixes) == URIRef(
            "https://w3id.org/clustergraph/shapes"
        )


def test_every_ontology_class_is_targeted(shapes: Graph) -> None:
    onto = load_ontology()
    targeted = set(shapes.objects(None, SH.targetClass))
    missing = []
    for cls in onto.subjects(RDF.type, OWL.Class):
        lineage = {cls, *onto.transitive_objects(cls, RDFS.subClassOf)}
        if not lineage & targeted:
            missing.append(str(cls))
    assert not missing


def test_every_ontology_property_is_constrained(shapes: Graph) -> None:
    onto = load_ontology()
    paths: set[object] = set()
    for path in shapes.objects(None, SH.path):
        paths.add(path)
        if isinstance(path, BNode):  # sequence and inverse paths
            paths |= set(shapes.items(path)) if shapes.value(path, RDF.first) else set()
            paths.add(shapes.value(path, SH.inversePath))
    properties = {
        p
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for p in onto.subjects(RDF.type, kind)
    }
    assert sorted(str(p) for p in properties - paths) == []


def test_shape_messages_do_not_use_placeholders_outside_sparql(shapes: Graph) -> None:
    for shape in named_shapes(shapes):
        for message in shapes.objects(shape, SH.message):
            assert "{?" not in str(message) and "{$" not in str(message), shape


def test_cg_terms_in_shapes_are_declared(shapes: Graph) -> None:
    onto = load_ontology()
    declared = {s for s in onto.subjects() if isinstance(s, URIRef)}
    used = {
        t
        for triple in shapes
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(CG)) and t != URIRef(str(CG))
    }
    assert sorted(str(t) for t in used - declared) == []
