"""Planted faults: each file in cases/ breaks the valid fixture once and names the one violation.

A case file is Turtle. ``case:this`` describes the case: ``case:remove [ case:subject S ;
case:predicate P ; case:object O ]`` deletes triples from tests/shapes/fixtures/valid.ttl (without
``case:object``: every object), ``case:expect [ case:shape … ; case:focus … ; case:path … ;
case:component … ]`` is the expected violation (``case:focus case:blankNode`` for a blank focus).
Every other triple of the file is added to the base graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF, SH

from clustergraph.validate.ontology import load_shapes
from clustergraph.validate.shacl import SHAPES_NS, validate_graph

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "valid.ttl"
CASES = sorted((HERE / "cases").glob("*.ttl"))
CASE = Namespace("urn:clustergraph:case#")


@dataclass(frozen=True)
class Expected:
    shape: str
    focus: str
    path: str | None
    component: str | None


@pytest.fixture(scope="module")
def base() -> Graph:
    return Graph().parse(FIXTURE)


def load_case(path: Path, base: Graph) -> tuple[Graph, Expected]:
    """The base graph with the case applied, and the violation the case expects."""
    graph = Graph().parse(path)
    this = graph.value(predicate=RDF.type, object=CASE.Case)
    assert this is not None, f"{path.name}: no case:Case"
    meta, stack = Graph(), [this]
    while stack:
        node = stack.pop()
        for p, o in graph.predicate_objects(node):
            meta.add((node, p, o))
            if isinstance(o, BNode):
                stack.append(o)
    data = Graph()
    data += base
    for spec in meta.objects(this, CASE.remove):
        pattern = (
            meta.value(spec, CASE.subject),
            meta.value(spec, CASE.predicate),
            meta.value(spec, CASE.object),
        )
        assert list(data.triples(pattern)), f"{path.name}: nothing to remove for {pattern}"
        data.remove(pattern)
    for triple in graph:
        if triple not in meta:
            data.add(triple)
    expect = meta.value(this, CASE.expect)
    focus = meta.value(expect, CASE.focus)
    component = meta.value(expect, CASE.component)
    path_node = meta.value(expect, CASE.path)
    expected = Expected(
        shape=str(meta.value(expect, CASE.shape)),
        focus="_:" if focus == CASE.blankNode else str(focus),
        path=str(path_node) if path_node is not None else None,
        component=str(component).rsplit("#", 1)[-1] if component is not None else None,
    )
    return data, expected


def test_valid_fixture_conforms(base: Graph) -> None:
    result = validate_graph(base)
    assert result.conforms, result.grouped_text()
    assert result.violations == []


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_planted_fault_gives_exactly_its_violation(case_file: Path, base: Graph) -> None:
    data, expected = load_case(case_file, base)
    result = validate_graph(data)
    assert not result.conforms
    found = [(v.shape, v.focus, v.path, v.component) for v in result.violations]
    # One fault, one (shape, focus node) pair; a bad value may break several constraints of that
    # one shape (a string is both of the wrong datatype and not >= 1).
    assert {(v.shape, v.focus) for v in result.violations} == {(expected.shape, expected.focus)}, (
        f"expected only {expected}, got {found}"
    )
    if expected.path is not None:
        assert {v.path for v in result.violations} == {expected.path}
    if expected.component is not None:
        assert expected.component in {v.component for v in result.violations}, found
    for violation in result.violations:
        assert violation.severity == "Violation"
        assert violation.message and violation.message_zh


def test_every_shape_has_a_planted_case() -> None:
    shapes = load_shapes()
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    named = {
        str(s)
        for kind in (SH.NodeShape, SH.PropertyShape)
        for s in shapes.subjects(RDF.type, kind)
        if isinstance(s, URIRef)
        and str(s).startswith(SHAPES_NS)
        # shapes without targets are only used inside sh:or; their owner reports the violation
        and any(next(shapes.objects(s, t), None) is not None for t in targets)
    }
    covered = set()
    for case_file in CASES:
        graph = Graph().parse(case_file)
        covered |= {str(o) for o in graph.objects(None, CASE.shape)}
    assert not covered - named, f"cases name unknown shapes: {sorted(covered - named)}"
    missing = sorted(s[len(SHAPES_NS) :] for s in named - covered)
    assert not missing, f"shapes without a planted case in tests/shapes/cases/: {missing}"
