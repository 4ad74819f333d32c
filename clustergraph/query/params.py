"""Typed, injection-safe query parameters.

User text never becomes query text. Each value is parsed by its declared type into one RDF
:class:`~clustergraph.query.results.Term`; the embedded engine hands the term to pyoxigraph as an
initial binding, and a remote run writes it into a ``VALUES`` block as one N-Triples-escaped term.
So ``x> } ; DROP ALL ; #`` is either a harmless string or an invalid-IRI error, never syntax.
A parameter used as a ``SERVICE ?name`` is also written over that variable as ``<iri>`` for remote
runs: engines need a constant service IRI there (Oxigraph reports an unbound service otherwise).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping

from clustergraph.errors import QueryError
from clustergraph.query.catalogue import CannedQuery, Parameter
from clustergraph.query.results import XSD, Term
from clustergraph.query.sparqltext import prefixes, tokens, where_brace

__all__ = [
    "bind_parameters",
    "bind_service_names",
    "inject_values",
    "parse_assignments",
    "parse_value",
]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20\s]*$")
_CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_.\-]*)?:([^<>\"{}|^`\\\x00-\x20\s]*)$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_YEAR = re.compile(r"^[0-9]{4}$")
_YEAR_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")


def _show(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def parse_value(
    parameter: Parameter, raw: str, known_prefixes: Mapping[str, str] | None = None
) -> tuple[str, Term]:
    """Parse ``raw`` as ``parameter``'s type; return (variable to bind, term).

    :raises QueryError: for a value that is not of the declared type.
    """
    kind = parameter.type
    if kind == "iri":
        iri = _as_iri(raw, known_prefixes or {})
        if iri is not None:
            return parameter.name, Term.iri(iri)
        if parameter.or_label and not _SCHEME.match(raw) and raw.strip():
            return str(parameter.label_variable), Term.literal(raw.strip())
        wanted = "an absolute IRI or a label" if parameter.or_label else "an absolute IRI"
        raise QueryError(f"parameter '{parameter.name}' needs {wanted}, got {_show(raw)}")
    if kind == "integer":
        if not _INTEGER.match(raw.strip()):
            raise QueryError(f"parameter '{parameter.name}' needs an integer, got {_show(raw)}")
        return parameter.name, Term.literal(str(int(raw)), datatype=XSD + "integer")
    if kind == "date":
        return parameter.name, _date(parameter.name, raw.strip())
    if kind == "enum":
        if raw not in parameter.values:
            raise QueryError(
                f"parameter '{parameter.name}' must be one of {', '.join(parameter.values)}, "
                f"got {_show(raw)}"
            )
        return parameter.name, Term.literal(raw)
    return parameter.name, Term.literal(raw)


def _as_iri(raw: str, known_prefixes: Mapping[str, str]) -> str | None:
    value = raw.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    match = _CURIE.match(value)
    if match and (match.group(1) or "") in known_prefixes and not match.group(2).startswith("//"):
        value = known_prefixes[match.group(1) or ""] + match.group(2)
    return value if _IRI.match(value) else None


def _date(name: str, raw: str) -> Term:
    if _YEAR.match(raw):
        return Term.literal(raw, datatype=XSD + "gYear")
    if _YEAR_MONTH.match(raw):
        return Term.literal(raw, datatype=XSD + "gYearMonth")
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        raise QueryError(
            f"parameter '{name}' needs YYYY, YYYY-MM or YYYY-MM-DD, got {_show(raw)}"
        ) from None
    return Term.literal(day.isoformat(), datatype=XSD + "date")


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """Turn ``["k=v", …]`` from the command line into a dict; QueryError on a malformed one."""
    given: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise QueryError(f"parameters are written name=value, got {_show(pair)}")
        if name in given:
            raise QueryError(f"parameter '{name}' is given twice")
        given[name] = value
    return given


def bind_parameters(query: CannedQuery, given: Mapping[str, str]) -> dict[str, Term]:
    """Check ``given`` against the query's declared parameters; return variable → term.

    Defaults fill in parameters that were not given; optional ones stay unbound.

    :raises QueryError: unknown or missing parameters and badly typed values.
    """
    for name in given:
        query.parameter(name)  # raises for an unknown name, listing the known ones
    known_prefixes = prefixes(query.text)
    bindings: dict[str, Term] = {}
    for parameter in query.parameters:
        raw = given.get(parameter.name, parameter.default)
        if raw is None:
            if parameter.required:
                raise QueryError(
                    f"query '{query.name}' needs parameter {parameter.describe()}"
                    + (f" ({parameter.description})" if parameter.description else "")
                )
            continue
        variable, term = parse_value(parameter, raw, known_prefixes)
        bindings[variable] = term
    return bindings


def inject_values(query_text: str, bindings: Mapping[str, Term]) -> str:
    """Return ``query_text`` with ``VALUES ?var { term }`` right after the WHERE brace.

    Each value is one N-Triples term built by :meth:`Term.n3`, which escapes the text; IRIs were
    validated when parsed. This is how parameters reach a remote endpoint.
    """
    if not bindings:
        return query_text
    query_text = bind_service_names(query_text, bindings)
    try:
        brace = where_brace(query_text)
    except ValueError as error:
        raise QueryError(str(error)) from None
    for variable in bindings:
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", variable):
            raise QueryError(f"bad variable name {_show(variable)}")
    block = " ".join(
        f"VALUES ?{variable} {{ {term.n3()} }}" for variable, term in sorted(bindings.items())
    )
    return f"{query_text[: brace + 1]} {block}\n{query_text[brace + 1 :]}"


def bind_service_names(query_text: str, bindings: Mapping[str, Term]) -> str:
    """Write each bound ``SERVICE [SILENT] ?var`` name into ``query_text`` as ``<iri>``.

    Only a token the lexer reads as that variable right after ``SERVICE`` is replaced (never text
    inside strings, IRIs or comments), and only by an IRI that passes the same check as user input.

    :raises QueryError: a service variable bound to something that is not a valid IRI.
    """
    stream = list(tokens(query_text))
    edits: list[tuple[int, int, str]] = []
    for index, token in enumerate(stream):
        if token.kind != "word" or token.text.upper() != "SERVICE":
            continue
        following = stream[index + 1 : index + 3]
        if following and following[0].kind == "word" and following[0].text.upper() == "SILENT":
            following = following[1:]
        if not following or following[0].kind != "var" or following[0].text not in bindings:
            continue
        name = following[0]
        term = bindings[name.text]
        if term.type != "uri" or not _IRI.match(term.value):
            raise QueryError(f"?{name.text} names a SERVICE and needs an absolute IRI")
        edits.append((name.start, name.start + 1 + len(name.text), term.n3()))
    for start, end, text in reversed(edits):
        query_text = query_text[:start] + text + query_text[end:]
    return query_text
