"""Upload the graph to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

``PUT`` replaces the target graph, ``POST`` adds to it; the target is the default graph or the
named graph given with ``?graph=IRI``. Plain urllib: no client library needed for one request.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from clustergraph.errors import EndpointError, InputError

__all__ = ["MEDIA_TYPES", "count_triples", "graph_store_url", "publish"]

MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples"}
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20\s]*$")


def count_triples(data: Path) -> int:
    """Parse ``data`` once (which also checks it) and count its triples."""
    import pyoxigraph

    rdf_format = pyoxigraph.RdfFormat.from_extension(data.suffix.lstrip("."))
    if rdf_format is None:
        raise InputError(f"{data.name}: unknown RDF file extension (use .ttl or .nt)")
    try:
        return sum(1 for _ in pyoxigraph.parse(path=str(data), format=rdf_format))
    except SyntaxError as error:
        first = str(error).splitlines()[0] if str(error) else "syntax error"
        raise InputError(f"{data.name}: not valid {rdf_format.name}: {first}") from None


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """``endpoint?graph=IRI`` (indirect graph identification) or ``endpoint?default``."""
    if graph is not None and not _IRI.match(graph):
        raise InputError(f"--graph must be an absolute IRI, got {graph!r}")
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def publish(
    data: Path,
    endpoint: str,
    *,
    graph: str | None = None,
    append: bool = False,
    timeout: float = 60.0,
) -> str:
    """Send ``data`` to the Graph Store ``endpoint``; return a one-line report.

    :raises InputError: a missing or invalid file, or a bad graph IRI.
    :raises EndpointError: an unreachable store or an HTTP error status.
    """
    if not endpoint.startswith(("http://", "https://")):
        raise InputError(f"--endpoint must be an http(s) URL, got {endpoint!r}")
    if not data.is_file():
        raise InputError(f"{data}: no such graph file; build it with 'clustergraph build'")
    media_type = MEDIA_TYPES.get(data.suffix)
    if media_type is None:
        raise InputError(f"{data.name}: publish sends one graph: a .ttl or .nt file")
    triples = count_triples(data)
    url = graph_store_url(endpoint, graph)
    method = "POST" if append else "PUT"
    request = urllib.request.Request(  # noqa: S310 - http(s) checked above
        url,
        data=data.read_bytes(),
        method=method,
        headers={"Content-Type": f"{media_type}; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace").strip().splitlines()
        raise EndpointError(
            f"{url} answered HTTP {error.code} to {method}: {body[0][:200] if body else error.reason}"
        ) from None
    except urllib.error.URLError as error:
        raise EndpointError(f"cannot reach graph store {endpoint}: {error.reason}") from None
    except (TimeoutError, ConnectionError) as error:
        raise EndpointError(f"cannot reach graph store {endpoint}: {error}") from None
    target = f"graph <{graph}>" if graph else "the default graph"
    return f"sent {triples} triples to {target} at {endpoint} with {method}: HTTP {status}"
