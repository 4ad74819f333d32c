"""Compact JSON-LD with the published context, lossless and byte-stable.

rdflib's JSON-LD serializer always writes native JSON values once a context is active (its
``use_native_types`` flag is a one-element tuple, so always true): ``"苏政发"^^xsd:string`` comes
back as a plain literal and doubles can turn into integers, and the order of values inside a node
follows the store's insertion order. This writer is small because the graph is simple (IRIs only, no
blank nodes, no lists): one flat node object per subject, terms of the context used only where
their coercion or container fits the value exactly, everything else written out in expanded form
(``{"@value", "@type"}`` / ``{"@value", "@language"}``), and every list sorted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["to_jsonld"]

_LANG_STRING = str(RDF.langString)
_GEN_DELIMS = (":", "/", "?", "#", "[", "]", "@")


@dataclass(frozen=True)
class _Term:
    name: str
    iri: str
    coerce: str | None  # "@id", a datatype IRI, or None
    container: str | None  # "@language" or None


class _Context:
    """The parts of a JSON-LD context this writer uses: prefixes and term definitions."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes: dict[str, str] = {}
        raw_terms: dict[str, dict[str, Any]] = {}
        for key, value in context.items():
            if key.startswith("@"):
                continue
            if isinstance(value, str):
                if not value.endswith(_GEN_DELIMS):
                    raise ValueError(f"context prefix {key!r} must end with / or #")
                self.prefixes[key] = value
            elif isinstance(value, dict):
                raw_terms[key] = value
        self.terms: dict[str, list[_Term]] = {}
        for name in sorted(raw_terms):
            definition = raw_terms[name]
            coerce = definition.get("@type")
            term = _Term(
                name=name,
                iri=self.expand(str(definition["@id"])),
                coerce=coerce if coerce in (None, "@id") else self.expand(str(coerce)),
                container=definition.get("@container"),
            )
            self.terms.setdefault(term.iri, []).append(term)
        # longest namespace first, so cgid: wins over a shorter prefix of the same IRI
        self._by_length = sorted(self.prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    def expand(self, value: str) -> str:
        prefix, sep, local = value.partition(":")
        if sep and prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        return value

    def compact(self, iri: str) -> str:
        """``prefix:local`` for the longest matching namespace, else the IRI itself."""
        for prefix, namespace in self._by_length:
            local = iri[len(namespace) :]
            if iri.startswith(namespace) and local and not local.startswith("//"):
                return f"{prefix}:{local}"
        scheme = iri.partition(":")[0]
        if scheme in self.prefixes:  # would be read back as a compact IRI
            raise ValueError(f"cannot write {iri!r}: its scheme is a context prefix")
        return iri

    def term_for(self, predicate: str, value: URIRef | Literal) -> _Term | None:
        """A term of the context that writes ``value`` under ``predicate`` without loss."""
        for term in self.terms.get(predicate, []):
            if isinstance(value, URIRef):
                if term.coerce == "@id" and term.container is None:
                    return term
            elif value.language is not None:
                if term.container == "@language" and term.coerce is None:
                    return term
            elif term.container is None:
                datatype = str(value.datatype) if value.datatype is not None else None
                if term.coerce is not None and term.coerce != "@id" and term.coerce == datatype:
                    return term
                if term.coerce is None and datatype is None:
                    return term
        return None


def to_jsonld(graph: Graph, context: dict[str, Any]) -> str:
    """``graph`` as compact JSON-LD using ``context`` (the ``@context`` object), sorted, UTF-8 text.

    :raises TypeError: when the graph contains a blank node.
    """
    ctx = _Context(context)
    nodes: dict[str, dict[str, Any]] = {}
    for s, p, o in graph:
        if isinstance(s, BNode) or isinstance(o, BNode):
            raise TypeError("blank nodes cannot be written deterministically; mint an IRI")
        node = nodes.setdefault(str(s), {"@id": ctx.compact(str(s))})
        if p == RDF.type and isinstance(o, URIRef):
            node.setdefault("@type", []).append(ctx.compact(str(o)))
            continue
        term = ctx.term_for(str(p), o)  # type: ignore[arg-type]
        if term is None:
            node.setdefault(ctx.compact(str(p)), []).append(_expanded_value(ctx, o))
        elif term.container == "@language":
            assert isinstance(o, Literal) and o.language is not None
            node.setdefault(term.name, {}).setdefault(o.language, []).append(str(o))
        elif term.coerce == "@id":
            node.setdefault(term.name, []).append(ctx.compact(str(o)))
        else:
            node.setdefault(term.name, []).append(str(o))
    document = {
        "@context": context,
        "@graph": [_tidy(nodes[key]) for key in sorted(nodes)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _expanded_value(ctx: _Context, value: object) -> Any:
    if isinstance(value, URIRef):
        return {"@id": ctx.compact(str(value))}
    assert isinstance(value, Literal)
    if value.language is not None:
        return {"@language": value.language, "@value": str(value)}
    if value.datatype is not None and str(value.datatype) != _LANG_STRING:
        return {"@type": ctx.compact(str(value.datatype)), "@value": str(value)}
    return str(value)


def _tidy(node: dict[str, Any]) -> dict[str, Any]:
    """Sort every multi-valued entry; a single value is written bare."""
    out: dict[str, Any] = {}
    for key, value in node.items():
        if isinstance(value, dict):  # a language map
            out[key] = {lang: _one_or_list(texts) for lang, texts in value.items()}
        elif isinstance(value, list):
            out[key] = _one_or_list(value)
        else:
            out[key] = value
    return out


def _one_or_list(values: list[Any]) -> Any:
    ordered = sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return ordered[0] if len(ordered) == 1 else ordered
