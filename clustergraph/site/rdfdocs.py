"""The RDF beside each entity page: Turtle and JSON-LD of its description and evidence.

The description is the entity's Concise Bounded Description (every triple with the entity as
subject; the graph has no blank nodes), plus the nodes it owns (objects whose IRI extends the
entity's, such as a region's geometry or a policy's tiers) and every evidence node with its two
selectors. Both serialisations are deterministic: Turtle through the project's sorted writer,
JSON-LD written here with sorted nodes, keys and values and an inline ``@context`` (no remote
context, so it parses offline).
"""

from __future__ import annotations

import json
from typing import Any

from clustergraph.query.results import Term
from clustergraph.site.graphindex import CG, OA, RDF_TYPE, GraphIndex

__all__ = ["description", "to_jsonld", "to_ttl"]

Triple = tuple[str, str, Term]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def description(index: GraphIndex, iri: str) -> list[Triple]:
    """The entity's CBD, the nodes it owns and its evidence (with selectors), sorted."""
    nodes = [iri]
    seen = {iri}
    position = 0
    while position < len(nodes):
        node = nodes[position]
        position += 1
        for predicate, objects in index.predicates(node).items():
            for term in objects:
                if term.type != "uri" or term.value in seen:
                    continue
                owned = term.value.startswith(node + "/")
                evidence = predicate == CG + "evidence" or predicate == OA + "hasSelector"
                if owned or evidence:
                    seen.add(term.value)
                    nodes.append(term.value)
    triples = [
        (node, predicate, term)
        for node in nodes
        for predicate, objects in index.predicates(node).items()
        for term in objects
    ]
    return sorted(triples, key=lambda t: (t[0], t[1], t[2].type, t[2].value, t[2].lang or ""))


def to_ttl(triples: list[Triple]) -> bytes:
    """Sorted Turtle (clustergraph.graph.serialize)."""
    from rdflib import Graph, Literal, URIRef

    from clustergraph.graph.namespaces import bind_prefixes
    from clustergraph.graph.serialize import to_turtle

    graph = bind_prefixes(Graph())
    for subject, predicate, term in triples:
        if term.type == "uri":
            obj: Any = URIRef(term.value)
        elif term.lang:
            obj = Literal(term.value, lang=term.lang)
        elif term.datatype:
            obj = Literal(term.value, datatype=URIRef(term.datatype))
        else:
            obj = Literal(term.value)
        graph.add((URIRef(subject), URIRef(predicate), obj))
    return to_turtle(graph)


def _prefixes() -> list[tuple[str, str]]:
    from clustergraph.graph.namespaces import PREFIXES

    return sorted((prefix, str(ns)) for prefix, ns in PREFIXES.items())


def _compact(iri: str, by_length: list[tuple[str, str]]) -> str:
    for prefix, namespace in by_length:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace) :]
            if not local.startswith("//"):
                return f"{prefix}:{local}"
    return iri


def to_jsonld(triples: list[Triple]) -> bytes:
    """JSON-LD 1.1 (compacted with prefixes only; every value an array, sorted)."""
    prefixes = _prefixes()
    by_length = sorted(prefixes, key=lambda item: len(item[1]), reverse=True)
    nodes: dict[str, dict[str, list[Term]]] = {}
    for subject, predicate, term in triples:
        nodes.setdefault(subject, {}).setdefault(predicate, []).append(term)
    graph = []
    for subject in sorted(nodes):
        properties = nodes[subject]
        node: dict[str, Any] = {"@id": _compact(subject, by_length)}
        types = sorted(_compact(t.value, by_length) for t in properties.get(RDF_TYPE, []))
        if types:
            node["@type"] = types
        for predicate in sorted(p for p in properties if p != RDF_TYPE):
            values = [_value(term, by_length) for term in properties[predicate]]
            node[_compact(predicate, by_length)] = sorted(
                values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)
            )
        graph.append(node)
    document = {"@context": dict(prefixes), "@graph": graph}
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False)
    return (text + "\n").encode("utf-8")


def _value(term: Term, by_length: list[tuple[str, str]]) -> dict[str, str]:
    if term.type == "uri":
        return {"@id": _compact(term.value, by_length)}
    value = {"@value": term.value}
    if term.lang:
        value["@language"] = term.lang
    elif term.datatype and term.datatype != _XSD_STRING:
        value["@type"] = _compact(term.datatype, by_length)
    return value
