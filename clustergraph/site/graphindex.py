"""The graph as plain lookup tables, so page builders ask simple questions quickly.

The site reads every triple once from a pyoxigraph store into two dictionaries (outgoing and
incoming edges); a graph of this size (~20 000 triples) fits easily, and dictionary lookups keep
the page builders short and deterministic (every answer is sorted).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from clustergraph.query.results import Term

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "CG",
    "CGID",
    "DCT",
    "GEO",
    "OA",
    "ORG",
    "OWL",
    "PROV",
    "QB",
    "RDFS",
    "RDF_TYPE",
    "SKOS",
    "WD",
    "XSD",
    "GraphIndex",
    "local_name",
]

CG = "https://w3id.org/clustergraph/ontology#"
CGID = "https://w3id.org/clustergraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
ORG = "http://www.w3.org/ns/org#"
OA = "http://www.w3.org/ns/oa#"
GEO = "http://www.opengis.net/ont/geosparql#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
QB = "http://purl.org/linked-data/cube#"
WD = "http://www.wikidata.org/entity/"
XSD = "http://www.w3.org/2001/XMLSchema#"
_PINYIN = "zh-latn-pinyin"
_LABELS = (RDFS + "label", SKOS + "prefLabel")


def local_name(iri: str) -> str:
    """The last path segment or fragment of ``iri``."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def _term(node: Any) -> Term:
    import pyoxigraph

    if isinstance(node, pyoxigraph.NamedNode):
        return Term("uri", node.value)
    if isinstance(node, pyoxigraph.BlankNode):
        return Term("bnode", node.value)
    return Term("literal", node.value, node.language, node.datatype.value)


class GraphIndex:
    """Outgoing and incoming edges of every node, with label helpers."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        out: dict[str, dict[str, set[Term]]] = defaultdict(lambda: defaultdict(set))
        inc: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for quad in store:
            subject = _term(quad.subject)
            obj = _term(quad.object)
            out[subject.value][quad.predicate.value].add(obj)
            if obj.type == "uri":
                inc[obj.value][quad.predicate.value].add(subject.value)
        self._out = {
            s: {p: sorted(o, key=_sort_key) for p, o in ps.items()} for s, ps in out.items()
        }
        self._inc = {o: {p: sorted(s) for p, s in ps.items()} for o, ps in inc.items()}
        self.store = store

    # -- edges ------------------------------------------------------------------------------------
    def has(self, node: str) -> bool:
        """True when ``node`` is the subject of at least one triple."""
        return node in self._out

    def predicates(self, node: str) -> dict[str, list[Term]]:
        """Every outgoing edge of ``node`` (predicate → sorted objects)."""
        return self._out.get(node, {})

    def objects(self, node: str, predicate: str) -> list[Term]:
        """The objects of ``node predicate ?o``, sorted."""
        return self._out.get(node, {}).get(predicate, [])

    def iris(self, node: str, predicate: str) -> list[str]:
        """The IRI objects of ``node predicate ?o``, sorted."""
        return [t.value for t in self.objects(node, predicate) if t.type == "uri"]

    def iri(self, node: str, predicate: str) -> str | None:
        """The first IRI object, or None."""
        found = self.iris(node, predicate)
        return found[0] if found else None

    def value(self, node: str, predicate: str, lang: str | None = None) -> str | None:
        """The first literal value (in language ``lang`` when given), or None."""
        for term in self.objects(node, predicate):
            if term.type == "literal" and (lang is None or term.lang == lang):
                return term.value
        return None

    def values(self, node: str, predicate: str, lang: str | None = None) -> list[str]:
        """Every literal value (in language ``lang`` when given), sorted."""
        return [
            t.value
            for t in self.objects(node, predicate)
            if t.type == "literal" and (lang is None or t.lang == lang)
        ]

    def subjects(self, predicate: str, node: str) -> list[str]:
        """The subjects of ``?s predicate node``, sorted."""
        return self._inc.get(node, {}).get(predicate, [])

    def incoming(self, node: str) -> dict[str, list[str]]:
        """Every incoming edge of ``node`` (predicate → sorted subjects)."""
        return self._inc.get(node, {})

    def types(self, node: str) -> list[str]:
        """The classes of ``node``."""
        return self.iris(node, RDF_TYPE)

    def is_a(self, node: str, cls: str) -> bool:
        """True when ``node`` is typed ``cls``."""
        return cls in self.types(node)

    def instances(self, cls: str) -> list[str]:
        """Every IRI typed ``cls``, sorted."""
        return self.subjects(RDF_TYPE, cls)

    # -- labels -----------------------------------------------------------------------------------
    def label(self, node: str, lang: str = "zh") -> str:
        """The label in ``lang`` (rdfs:label, then skos:prefLabel), else any, else the local name."""
        for predicate in _LABELS:
            text = self.value(node, predicate, lang)
            if text:
                return text
        for predicate in _LABELS:
            for term in self.objects(node, predicate):
                if term.type == "literal" and term.lang != _PINYIN:
                    return term.value
        return local_name(node)

    def label_in(self, node: str, lang: str) -> str | None:
        """The label in exactly ``lang``, or None."""
        for predicate in _LABELS:
            text = self.value(node, predicate, lang)
            if text:
                return text
        return None

    def pinyin(self, node: str) -> str | None:
        """The ``@zh-Latn-pinyin`` label, or None."""
        return self.value(node, RDFS + "label", _PINYIN)

    def alt_labels(self, node: str) -> list[str]:
        """The skos:altLabel values, sorted."""
        return self.values(node, SKOS + "altLabel")


def _sort_key(term: Term) -> tuple[str, str, str, str]:
    return (term.type, term.value, term.lang or "", term.datatype or "")
