"""SHACL validation of a graph against ontology/shapes.ttl, with a report grouped by shape.

Speed notes (the build validates ~20k triples and must stay well under a second):

- ``sh:class`` needs the ontology's class hierarchy in the data graph (a ``cg:Enterprise`` must
  satisfy ``sh:class cg:Institution``). Passing the ontology as pySHACL's ``ont_graph`` makes it
  copy the whole data graph first; instead the few ``rdfs:subClassOf`` triples are added to the
  data graph, pySHACL runs in place, and exactly the added triples are removed again.
- ``sh:sparql`` constraints are part of SHACL-SPARQL, which pySHACL runs without ``advanced=True``
  (that flag only adds SHACL-AF rules/functions and forces another copy of the data graph).
- pySHACL re-parses a SPARQL constraint's text for every focus node, and rdflib's parser is slow
  (0.3 s for the GB 32100 check), so parsed queries are cached while pySHACL runs; and pySHACL's
  list of constraint parameters gets a hashed membership test (see ``_faster_pyshacl``).
- The shapes are written for pySHACL's cost model (targeted property shapes, few nested shapes):
  see the header of ontology/shapes.ttl.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from clustergraph.errors import InputError
from clustergraph.graph.namespaces import PREFIXES

__all__ = ["SHAPES_NS", "ValidationResult", "Violation", "class_hierarchy", "validate_graph"]

SHAPES_NS = "https://w3id.org/clustergraph/shapes#"
_EXAMPLES = 5
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL validation result, as plain strings (full IRIs; blank nodes as ``_:``)."""

    shape: str
    focus: str
    path: str
    message: str
    severity: str
    component: str = ""
    value: str = ""
    message_zh: str = ""


@dataclass
class ValidationResult:
    """Whether the graph conforms, and every violation sorted by shape, focus node and path."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    def by_shape(self) -> dict[str, list[Violation]]:
        """Violations grouped by shape IRI, largest group first (ties by IRI)."""
        groups: dict[str, list[Violation]] = {}
        for violation in self.violations:
            groups.setdefault(violation.shape, []).append(violation)
        ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
        return {shape: sorted(items) for shape, items in ordered}

    def summary(self) -> str:
        """One line: conforms, or how many violations of how many shapes."""
        if self.conforms:
            return f"conforms: {self.triples} triples, 0 violations"
        shapes = len({v.shape for v in self.violations})
        noun = "violation" if len(self.violations) == 1 else "violations"
        return (
            f"does not conform: {len(self.violations)} {noun} of {shapes} "
            f"shape{'' if shapes == 1 else 's'} in {self.triples} triples"
        )

    def grouped_text(self, examples: int = _EXAMPLES) -> str:
        """The violations grouped by shape with counts and up to ``examples`` examples each."""
        lines: list[str] = []
        for shape, items in self.by_shape().items():
            first = items[0]
            lines.append(f"{_short(shape)} ({len(items)}): {first.message}")
            if first.message_zh:
                lines.append(f"    {first.message_zh}")
            for violation in items[:examples]:
                detail = f"  - {_short(violation.focus)}"
                if violation.path:
                    detail += f"  {_short(violation.path)}"
                if violation.value:
                    detail += f"  = {_short(violation.value)}"
                lines.append(detail)
            if len(items) > examples:
                lines.append(f"  … and {len(items) - examples} more")
        return "\n".join(lines)


def validate_graph(
    data: Graph,
    *,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
) -> ValidationResult:
    """Validate ``data`` against the shapes (default: ontology/shapes.ttl).

    :param data: the graph to check. Its content is the same after the call (the class hierarchy
        is added only while pySHACL runs).
    :param shapes: another shapes graph (e.g. ``clustergraph validate --shapes``).
    :param ontology: the ontology whose ``rdfs:subClassOf`` triples ``sh:class`` may need
        (default: ontology/clustergraph.ttl).
    :returns: the result, with violations sorted (deterministic).
    :raises InputError: the shapes are not usable SHACL.
    """
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError

    started = time.perf_counter()
    shapes_graph = shapes if shapes is not None else _default_shapes()
    hierarchy = _default_hierarchy() if ontology is None else class_hierarchy(ontology)
    added = [triple for triple in hierarchy if triple not in data]
    for triple in added:
        data.add(triple)
    try:
        with _faster_pyshacl(), _quiet_pyshacl():
            conforms, report, _text = pyshacl.validate(
                data,
                shacl_graph=shapes_graph,
                inference="none",
                advanced=False,
                inplace=True,
                allow_warnings=False,
            )
    except ReportableRuntimeError as error:  # malformed shapes (pySHACL's load errors)
        raise InputError(f"the shapes cannot be used: {_one_line(str(error))}") from None
    finally:
        for triple in added:
            data.remove(triple)
    if not isinstance(report, Graph):  # pySHACL returns a ValidationFailure instead of a report
        raise InputError(f"the shapes cannot be used: {_one_line(str(report))}")
    violations = sorted(_violations(report, shapes_graph))
    return ValidationResult(
        conforms=bool(conforms) and not violations,
        violations=violations,
        triples=len(data),
        seconds=time.perf_counter() - started,
    )


def class_hierarchy(ontology: Graph) -> list[tuple[Node, Node, Node]]:
    """The named ``rdfs:subClassOf`` triples of ``ontology`` (what ``sh:class`` follows)."""
    return sorted(
        (s, RDFS.subClassOf, o)
        for s, o in ontology.subject_objects(RDFS.subClassOf)
        if isinstance(s, URIRef) and isinstance(o, URIRef)
    )


@lru_cache(maxsize=1)
def _default_shapes() -> Graph:
    """The bundled shapes, in a context-free store.

    pySHACL reads shape definitions again for every shape it evaluates; ``SimpleMemory`` lookups
    make validation 10-15 % faster than the default store.
    """
    from clustergraph.resources import data_path
    from clustergraph.validate.ontology import SHAPES_FILE

    return Graph(store="SimpleMemory").parse(data_path(SHAPES_FILE), format="turtle")


@lru_cache(maxsize=1)
def _default_hierarchy() -> tuple[tuple[Node, Node, Node], ...]:
    from clustergraph.validate.ontology import load_ontology

    return tuple(class_hierarchy(load_ontology()))


_QUERY_CACHE: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], Any] = {}


class _ParameterList(list):  # type: ignore[type-arg]
    """pySHACL's list of constraint parameters, with a hashed ``in``.

    pySHACL tests membership for every predicate of every shape it evaluates.
    """

    def __init__(self, items: list[Any]) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


@contextmanager
def _faster_pyshacl() -> Iterator[None]:
    """While active, parse each SPARQL text once and look up constraint parameters in a set.

    rdflib then treats a repeated query text like ``prepareQuery``. Both patches are undone on
    exit; if pySHACL's internals ever change, only the speed-up is lost.
    """
    import pyshacl.shape
    from rdflib.plugins.sparql import processor

    original_query = processor.SPARQLProcessor.query

    def query(
        self: Any,
        strOrQuery: Any,  # rdflib's parameter names
        initBindings: Any = None,
        initNs: Any = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Any:
        if isinstance(strOrQuery, str):
            namespaces = tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items()))
            key = (strOrQuery, base, namespaces)
            prepared = _QUERY_CACHE.get(key)
            if prepared is None:
                parsed = processor.parseQuery(strOrQuery)
                prepared = processor.translateQuery(parsed, base, initNs)
                _QUERY_CACHE[key] = prepared
            strOrQuery = prepared
        return original_query(self, strOrQuery, initBindings, initNs, base, DEBUG)

    original_params = getattr(pyshacl.shape, "CONSTRAINT_PARAMS", None)
    try:
        from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

        pyshacl.shape.CONSTRAINT_PARAMS = (  # type: ignore[attr-defined]
            _ParameterList(list(ALL_CONSTRAINT_PARAMETERS)),
            CONSTRAINT_PARAMETERS_MAP,
        )
    except ImportError:  # pragma: no cover - another pySHACL layout: run unpatched
        pass
    processor.SPARQLProcessor.query = query  # type: ignore[method-assign]
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original_query  # type: ignore[method-assign]
        if original_params is None:
            if hasattr(pyshacl.shape, "CONSTRAINT_PARAMS"):
                del pyshacl.shape.CONSTRAINT_PARAMS
        else:
            pyshacl.shape.CONSTRAINT_PARAMS = original_params  # type: ignore[attr-defined]


@contextmanager
def _quiet_pyshacl() -> Iterator[None]:
    """Silence pySHACL's own stderr logger: its errors reach the user as one InputError line."""
    logger = logging.getLogger("pyshacl-validate")
    disabled = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = disabled


def _violations(report: Graph, shapes: Graph) -> Iterator[Violation]:
    for result in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(result, SH.sourceShape)
        english, chinese = _messages(report, result, shapes, shape)
        yield Violation(
            shape=_text(shape),
            focus=_text(report.value(result, SH.focusNode)),
            path=_path(report, report.value(result, SH.resultPath)),
            message=english or chinese,
            severity=_local(report.value(result, SH.resultSeverity)),
            component=_local(report.value(result, SH.sourceConstraintComponent)),
            value=_text(report.value(result, SH.value)),
            message_zh=chinese,
        )


def _messages(report: Graph, result: Node, shapes: Graph, shape: Node | None) -> tuple[str, str]:
    """The English and Chinese result messages.

    pySHACL drops the language tags of messages it fills in (``{?code}`` in SPARQL constraints)
    and also repeats the shape's own generic messages, so language is recognised by script and the
    filled-in messages are preferred.
    """
    literals = [m for m in report.objects(result, SH.resultMessage) if isinstance(m, Literal)]
    generic = {str(m) for m in shapes.objects(shape, SH.message)} if shape is not None else set()
    specific = [m for m in literals if str(m) not in generic] or literals
    chinese = sorted(str(m) for m in specific if _is_chinese(m))
    english = sorted(str(m) for m in specific if not _is_chinese(m))
    return (english[0] if english else ""), (chinese[0] if chinese else "")


def _is_chinese(message: Literal) -> bool:
    """By language tag, or for untagged text by script (English messages may quote Chinese)."""
    if message.language:
        return message.language.lower().startswith("zh")
    text = str(message)
    han = len(_HAN.findall(text))
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    return han > latin


def _text(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return "_:"
    if isinstance(node, Literal):
        return node.n3()
    return str(node)


def _local(node: Node | None) -> str:
    text = _text(node)
    return text.rsplit("#", 1)[-1] if text.startswith(str(SH)) else text


def _path(report: Graph, node: Node | None) -> str:
    """A SHACL path as text: ``iri``, ``^iri``, ``a/b``, ``a|b``."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return str(node)
    inverse = report.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + _path(report, inverse)
    alternatives = report.value(node, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_path(report, n) for n in Collection(report, alternatives))
    if report.value(node, RDF.first) is not None:
        return "/".join(_path(report, n) for n in Collection(report, node))
    return "_:"


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 200 else line[:197] + "..."


def _short(text: str) -> str:
    """Abbreviate a full IRI with the project's prefixes (``cgsh:`` for shapes) for reports."""
    if text.startswith(SHAPES_NS):
        return "cgsh:" + text[len(SHAPES_NS) :]
    matches = [(len(str(ns)), p, str(ns)) for p, ns in PREFIXES.items() if text.startswith(str(ns))]
    if not matches:
        return text
    _length, prefix, namespace = max(matches)
    return f"{prefix}:{text[len(namespace) :]}"
