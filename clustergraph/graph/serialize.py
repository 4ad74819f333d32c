"""Deterministic Turtle: the same graph always gives byte-identical output.

rdflib's Turtle serializer is correct but slow and orders some terms by internal state; this writer
sorts subjects, predicates (``rdf:type`` first) and objects by their N-Triples form and uses the
project's prefixes. The graph must contain no blank nodes (all IRIs are minted from content).
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from clustergraph.graph.namespaces import PREFIXES

__all__ = ["to_turtle"]

_INDENT = "    "


def to_turtle(graph: Graph, header: str = "") -> bytes:
    """Serialise ``graph`` as sorted Turtle (UTF-8, LF line ends).

    :param graph: a graph without blank nodes.
    :param header: comment lines put at the top (each prefixed with ``# ``).
    :raises TypeError: when the graph contains a blank node.
    """
    prefixes = sorted((p, str(ns)) for p, ns in PREFIXES.items())
    by_length = sorted(prefixes, key=lambda item: len(item[1]), reverse=True)
    cache: dict[object, str] = {}

    def term(node: object) -> str:
        text = cache.get(node)
        if text is None:
            text = _term(node, by_length)
            cache[node] = text
        return text

    subjects: dict[str, dict[str, list[str]]] = {}
    for s, p, o in graph:
        if isinstance(s, BNode) or isinstance(o, BNode):
            raise TypeError("blank nodes cannot be serialised deterministically; mint an IRI")
        subjects.setdefault(term(s), {}).setdefault(term(p), []).append(term(o))

    lines: list[str] = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in prefixes]
    rdf_type = term(RDF.type)
    for subject in sorted(subjects):
        predicates = subjects[subject]
        order = sorted(predicates, key=lambda pred: (pred != rdf_type, pred))
        lines.append("")
        parts = []
        for predicate in order:
            objects = sorted(set(predicates[predicate]))
            shown = "a" if predicate == rdf_type else predicate
            parts.append(f"{shown} " + f" ,\n{_INDENT}{_INDENT}".join(objects))
        lines.append(f"{subject} " + f" ;\n{_INDENT}".join(parts) + " .")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _term(node: object, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(node, URIRef):
        value = str(node)
        for prefix, namespace in prefixes:
            if value.startswith(namespace):
                local = value[len(namespace) :]
                if _is_pname_local(local):
                    return f"{prefix}:{local}"
        return f"<{value}>"
    if isinstance(node, Literal):
        return _literal(node, prefixes)
    raise ValueError(f"cannot serialise {node!r}")


def _literal(node: Literal, prefixes: list[tuple[str, str]]) -> str:
    text = str(node)
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    escaped = escaped.replace("\t", "\\t")
    if node.language:
        return f'"{escaped}"@{node.language}'
    if node.datatype is not None:
        return f'"{escaped}"^^{_term(node.datatype, prefixes)}'
    return f'"{escaped}"'


def _is_pname_local(local: str) -> bool:
    """A conservative PN_LOCAL test: letters, digits, ``_`` and inner ``-``/``.`` only."""
    if not local or local[0] in "-." or local[-1] in "-.":
        return False
    return all(ch.isascii() and (ch.isalnum() or ch in "_-.") for ch in local) and "/" not in local
