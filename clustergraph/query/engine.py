"""Run SPARQL SELECT queries embedded (pyoxigraph) or against a remote SPARQL 1.1 endpoint.

Both engines share one interface, ``run(query_text, bindings) -> ResultTable``, and one result
shape (:mod:`clustergraph.query.results`), so a query answered locally and by a server compares
equal. The embedded engine binds parameters with pyoxigraph's initial bindings (SEP-0007
substitutions); the remote engine sends them as a ``VALUES`` block of escaped RDF terms.
pyoxigraph loads and queries roughly an order of magnitude faster than rdflib's memory store
(numbers in benchmarks/README.md), and importing it costs ~10 ms instead of rdflib's ~250 ms.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from clustergraph.errors import EndpointError, InputError, QueryError
from clustergraph.query.params import inject_values
from clustergraph.query.results import XSD, ResultTable, Term, unescape_string

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "DEFAULT_TIMEOUT",
    "DISK_CACHE_MIN_BYTES",
    "EmbeddedEngine",
    "Engine",
    "RemoteEngine",
    "load_store",
    "open_engine",
    "run",
    "solutions_table",
]

DEFAULT_TIMEOUT = 30.0
#: graph files this big or bigger are queried from the on-disk store cache (about 25,000 triples)
DISK_CACHE_MIN_BYTES = 2_000_000
_STORES: dict[tuple[str, int, int], pyoxigraph.Store] = {}


class Engine(Protocol):
    """Something that answers SELECT queries with a :class:`ResultTable`."""

    def run(self, query_text: str, bindings: Mapping[str, Term] | None = None) -> ResultTable:
        """Run ``query_text`` with ``bindings`` (variable name → term)."""
        ...


def open_engine(source: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> Engine:
    """An engine for ``source``: an ``http(s)://`` endpoint URL or an RDF file."""
    text = str(source)
    if text.startswith(("http://", "https://")):
        return RemoteEngine(text, timeout=timeout)
    return EmbeddedEngine(Path(source))


def run(
    query_text: str,
    bindings: Mapping[str, Term] | None,
    source: str | Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
) -> ResultTable:
    """Run one query against ``source`` (file or endpoint URL)."""
    return open_engine(source, timeout=timeout).run(query_text, bindings)


# -- embedded -------------------------------------------------------------------------------------
def load_store(path: Path, *, disk_cache: bool = False) -> pyoxigraph.Store:
    """Load an RDF file into a pyoxigraph store (kept per file version for this process).

    With ``disk_cache`` a file of :data:`DISK_CACHE_MIN_BYTES` or more comes from the on-disk
    cache of indexed stores (:mod:`clustergraph.query.storecache`) when it can, which saves the
    parse on every later process. Smaller files are parsed into memory: opening a RocksDB store
    costs about as much as parsing 20,000 triples (≈25 ms), so the cache only pays above that.

    :raises InputError: a missing, unreadable or unparsable file.
    """
    import pyoxigraph

    try:
        stat = path.stat()
    except FileNotFoundError:
        raise InputError(
            f"{path}: no such graph file; build it with 'clustergraph build' or give --data"
        ) from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    store = _STORES.get(key)
    if store is not None:
        return store
    rdf_format = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".") or "ttl")
    if rdf_format is None:
        raise InputError(f"{path.name}: unknown RDF file extension (use .ttl, .nt, .nq, .trig)")
    try:
        big = stat.st_size >= DISK_CACHE_MIN_BYTES
        store = _cached(path, rdf_format) if disk_cache and big else None
        if store is None:
            store = pyoxigraph.Store()
            if big:  # streams the file instead of holding it and its parse in memory
                store.bulk_load(path=str(path), format=rdf_format)
            else:  # one transaction: a few ms faster than bulk_load on small files
                store.load(path=str(path), format=rdf_format)
    except SyntaxError as error:
        first = str(error).splitlines()[0] if str(error) else "syntax error"
        raise InputError(f"{path.name}: not valid {rdf_format.name}: {first}") from None
    except (OSError, ValueError) as error:
        raise InputError(f"{path.name}: cannot load ({error})") from None
    _STORES.clear()  # keep one graph in memory at a time
    _STORES[key] = store
    return store


def _cached(path: Path, rdf_format: pyoxigraph.RdfFormat) -> pyoxigraph.Store | None:
    from clustergraph.query.storecache import cached_store

    return cached_store(path, rdf_format)


class EmbeddedEngine:
    """Queries an in-memory pyoxigraph store loaded from a file (or given directly)."""

    def __init__(self, data: Path | pyoxigraph.Store, *, disk_cache: bool = False) -> None:
        if isinstance(data, Path):
            self.store = load_store(data, disk_cache=disk_cache)
            self.name = str(data)
        else:
            self.store = data
            self.name = "store"

    def run(self, query_text: str, bindings: Mapping[str, Term] | None = None) -> ResultTable:
        """Evaluate with pyoxigraph; parameters become initial bindings, never text."""
        import pyoxigraph

        substitutions = {
            pyoxigraph.Variable(k): _to_oxigraph(v) for k, v in (bindings or {}).items()
        }
        try:
            solutions = self.store.query(query_text, substitutions=substitutions or None)
        except SyntaxError as error:
            raise QueryError(f"the query does not parse: {_first_line(error)}") from None
        except (RuntimeError, OSError, ValueError) as error:
            raise QueryError(f"the query failed: {_first_line(error)}") from None
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise QueryError("only SELECT queries are supported here")
        try:
            return solutions_table(solutions)
        except (RuntimeError, OSError, ValueError) as error:
            raise QueryError(f"the query failed: {_first_line(error)}") from None


def solutions_table(solutions: pyoxigraph.QuerySolutions) -> ResultTable:
    """Read pyoxigraph SELECT solutions (evaluated lazily, while reading) into a ResultTable.

    For answers of thousands of rows, reading one Python object per cell costs as much as the
    evaluation. So Oxigraph writes the whole answer as SPARQL TSV in one call (each cell an
    N-Triples term, or a bare Turtle number or boolean; an empty cell is an unbound variable),
    and each distinct cell becomes a Term once: labels, keywords and shared IRIs repeat across
    rows, and Terms are immutable, so rows can share them.
    """
    import pyoxigraph

    columns = [variable.value for variable in solutions.variables]
    text = solutions.serialize(format=pyoxigraph.QueryResultsFormat.TSV).decode("utf-8")
    # a header line, then one line per solution, each ending in "\n" (tabs and line ends inside
    # strings are escaped); not splitlines(), which would also split at U+2028 and the like
    lines = text.split("\n")[1:-1]
    terms = _TsvTerms()
    rows = [  # not strict: a solution of no variables is an empty line, one empty cell
        {name: terms[cell] for name, cell in zip(columns, line.split("\t"), strict=False) if cell}
        for line in lines
    ]
    return ResultTable(columns, rows)


class _TsvTerms(dict[str, Term]):
    """TSV cell → Term, converting a cell the first time it is seen."""

    def __missing__(self, cell: str) -> Term:
        term = self[cell] = _from_tsv(cell)
        return term


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _to_oxigraph(term: Term) -> Any:
    import pyoxigraph

    if term.type == "uri":
        return pyoxigraph.NamedNode(term.value)
    if term.type == "bnode":
        return pyoxigraph.BlankNode(term.value)
    if term.lang:
        return pyoxigraph.Literal(term.value, language=term.lang)
    if term.datatype:
        return pyoxigraph.Literal(term.value, datatype=pyoxigraph.NamedNode(term.datatype))
    return pyoxigraph.Literal(term.value)


def _from_oxigraph(value: Any) -> Term:
    import pyoxigraph

    if isinstance(value, pyoxigraph.NamedNode):
        return Term.trusted("uri", value.value)
    if isinstance(value, pyoxigraph.BlankNode):
        return Term.trusted("bnode", value.value)
    if isinstance(value, pyoxigraph.Literal):
        return Term.trusted("literal", value.value, value.language, value.datatype.value)
    return Term.trusted("literal", str(value))  # RDF-star triple terms: shown as text


def _from_tsv(cell: str) -> Term:
    """One (non-empty) cell of Oxigraph's TSV results, read as :func:`_from_oxigraph` would.

    IRIs, blank nodes, strings with a language tag or datatype and bare numbers and booleans
    are read here; anything else (RDF 1.2 triple terms) goes through pyoxigraph's own parser.
    """
    first = cell[0]
    if first == "<" and cell[1] != "<":
        return Term.trusted("uri", cell[1:-1])
    if first == '"':
        end = cell.rfind('"')
        value = unescape_string(cell[1:end])
        tail = cell[end + 1 :]
        if not tail:
            return Term.trusted("literal", value)
        if tail[0] == "@" and "--" not in tail:  # not a base direction (RDF 1.2)
            return Term.trusted("literal", value, tail[1:])
        if tail.startswith("^^<"):
            return Term.trusted("literal", value, None, tail[3:-1])
    elif first == "_":
        return Term.trusted("bnode", cell[2:])
    elif cell in ("true", "false"):
        return Term.trusted("literal", cell, None, XSD + "boolean")
    elif first in "+-.0123456789":  # Turtle's INTEGER, DECIMAL and DOUBLE: the text is the value
        kind = "double" if "e" in cell or "E" in cell else "decimal" if "." in cell else "integer"
        return Term.trusted("literal", cell, None, XSD + kind)
    import pyoxigraph

    (triple,) = pyoxigraph.parse(
        input=f"<urn:x:s> <urn:x:p> {cell} .", format=pyoxigraph.RdfFormat.TURTLE
    )
    return _from_oxigraph(triple.object)


# -- remote ---------------------------------------------------------------------------------------
_STATUS = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


class RemoteEngine:
    """Queries a SPARQL 1.1 endpoint over HTTP (SPARQLWrapper, JSON results, POST).

    The HTTP machinery is imported inside the methods: a local query must not pay for it.
    """

    def __init__(self, endpoint: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise EndpointError(f"endpoint must be an http(s) URL, got {endpoint!r}")
        self.endpoint = endpoint
        self.timeout = timeout

    def run(self, query_text: str, bindings: Mapping[str, Term] | None = None) -> ResultTable:
        """Send the query (parameters injected as a VALUES block) and read JSON results."""
        import math
        import urllib.error
        import warnings

        from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        text = inject_values(query_text, bindings or {})
        client = SPARQLWrapper(self.endpoint, agent="clustergraph")
        with warnings.catch_warnings():  # it warns (to stderr) about query forms it cannot guess
            warnings.simplefilter("ignore")
            client.setQuery(text)
        client.setReturnFormat(JSON)
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setTimeout(max(1, math.ceil(self.timeout)))
        try:
            response = client.query().response
            body = response.read()
        except SPARQLWrapperException as error:
            raise self._http_error(error) from None
        except urllib.error.HTTPError as error:
            raise EndpointError(
                f"{self.endpoint} answered HTTP {error.code}: {_body_line(error.read())}"
            ) from None
        except urllib.error.URLError as error:
            raise self._network_error(error.reason) from None
        except OSError as error:  # TimeoutError and ConnectionError included
            raise self._network_error(error) from None
        return _parse_json(body, self.endpoint)

    def _http_error(self, error: Exception) -> EndpointError:
        status = _STATUS.get(type(error).__name__, "error")
        message = str(error)
        body = b""
        if "Response:\n" in message:
            import ast

            try:
                body = ast.literal_eval(message.split("Response:\n", 1)[1].strip())
            except (ValueError, SyntaxError):
                body = b""
        return EndpointError(f"{self.endpoint} answered HTTP {status}: {_body_line(body)}")

    def _network_error(self, reason: object) -> EndpointError:
        import socket

        if isinstance(reason, TimeoutError):
            return EndpointError(
                f"{self.endpoint} did not answer within {self.timeout:g} s (try --timeout)"
            )
        if isinstance(reason, ConnectionRefusedError):
            detail = "connection refused"
        elif isinstance(reason, socket.gaierror):
            detail = "host name not resolved"
        else:
            detail = str(reason).splitlines()[0] if str(reason) else type(reason).__name__
        return EndpointError(f"cannot reach SPARQL endpoint {self.endpoint}: {detail}")


def _body_line(body: bytes | str) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return "(empty response)"


def _parse_json(body: bytes, endpoint: str) -> ResultTable:
    try:
        data = json.loads(body.decode("utf-8"))
        if isinstance(data, dict) and "boolean" in data:
            raise QueryError("only SELECT queries are supported here")
        columns = data["head"]["vars"]
        raw_rows = data["results"]["bindings"]
        if not isinstance(columns, list) or not isinstance(raw_rows, list):
            raise TypeError("vars and bindings must be lists")
        rows = [
            {str(name): Term.from_json(value) for name, value in row.items()} for row in raw_rows
        ]
    except (
        UnicodeDecodeError,
        json.JSONDecodeError,
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
    ) as error:
        raise EndpointError(
            f"{endpoint} answered with malformed SPARQL JSON results ({_first_line(error)})"
        ) from None
    return ResultTable([str(c) for c in columns], rows)
