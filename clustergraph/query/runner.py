"""What ``clustergraph queries`` and ``clustergraph query`` do, as plain functions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from clustergraph.errors import QueryError
from clustergraph.query.catalogue import CannedQuery, load_all, load_file, load_query
from clustergraph.query.engine import DEFAULT_TIMEOUT, EmbeddedEngine, Engine, RemoteEngine
from clustergraph.query.formats import render
from clustergraph.query.params import bind_parameters, parse_assignments
from clustergraph.query.results import ResultTable
from clustergraph.query.sparqltext import prefixes

__all__ = ["default_data", "list_queries", "run_canned", "run_query"]


def list_queries(as_json: bool = False) -> str:
    """The catalogue: one line per query (name, then English title), or JSON."""
    queries = load_all()
    if as_json:
        return json.dumps([q.summary() for q in queries], ensure_ascii=False, indent=1) + "\n"
    width = max((len(q.name) for q in queries), default=0)
    return "".join(f"{q.name.ljust(width)}  {q.title.en}\n" for q in queries)


def default_data() -> Path:
    """The bundled graph, ``kg/clustergraph.ttl``."""
    from clustergraph.resources import DEFAULT_GRAPH, data_path

    return data_path(DEFAULT_GRAPH)


def run_canned(
    query: CannedQuery,
    params: dict[str, str] | None = None,
    *,
    data: Path | None = None,
    endpoint: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> ResultTable:
    """Bind ``params`` to ``query`` and run it embedded on ``data`` or on ``endpoint``."""
    if data is not None and endpoint is not None:
        raise QueryError("give either --data or --endpoint, not both")
    bindings = bind_parameters(query, params or {})
    engine: Engine = (
        RemoteEngine(endpoint, timeout=timeout)
        if endpoint is not None
        else EmbeddedEngine(data or default_data(), disk_cache=True)
    )
    return engine.run(query.text, bindings)


def run_query(
    name: str | None,
    *,
    file: Path | None = None,
    params: Sequence[str] = (),
    data: Path | None = None,
    endpoint: str | None = None,
    fmt: str = "table",
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """Run canned query ``name`` (or the query in ``file``) and render the results."""
    if (name is None) == (file is None):
        raise QueryError("give a query name or --file FILE (see 'clustergraph queries')")
    query = load_file(file) if file is not None else load_query(str(name))
    table = run_canned(
        query, parse_assignments(params), data=data, endpoint=endpoint, timeout=timeout
    )
    return render(table, fmt, prefixes(query.text))
