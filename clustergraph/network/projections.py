"""Projections: canned SPARQL queries under ``queries/projections/`` turned into networkx graphs.

The contract of a projection query (header tag ``projection``): it selects
``?source ?target ?relation ?via ?viaLabel``, one row per *reason* for an undirected edge between
``?source`` and ``?target`` (``?relation`` says what kind, ``?via`` what is shared, if anything);
a row without ``?target`` only adds ``?source`` as a node (so isolated clusters stay in the graph).
Rows are merged per node pair: the edge weight counts the distinct reasons. Nodes and edges are
inserted in sorted order so every writer and every metric sees the same graph on every run.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clustergraph.errors import QueryError

if TYPE_CHECKING:
    import networkx as nx

    from clustergraph.query.catalogue import CannedQuery
    from clustergraph.query.engine import Engine
    from clustergraph.query.results import ResultTable

__all__ = [
    "EDGE_COLUMNS",
    "PROJECTION_TAG",
    "assemble",
    "helper_query",
    "load_projection",
    "open_data",
    "project",
    "projection_names",
    "projections_dir",
]

PROJECTION_TAG = "projection"
EDGE_COLUMNS = ("source", "target", "relation", "via", "viaLabel")


def projections_dir() -> Path:
    """The folder of projection queries (checkout or installed wheel)."""
    from clustergraph.resources import data_path

    return data_path("queries/projections")


@lru_cache(maxsize=64)
def _parse(path: Path, mtime_ns: int) -> CannedQuery:
    from clustergraph.query.catalogue import parse_query

    return parse_query(path.read_text(encoding="utf-8"), path.stem, path)


def _read(path: Path) -> CannedQuery:
    return _parse(path, path.stat().st_mtime_ns)


def projection_names() -> list[str]:
    """Names of the projection queries (files tagged ``projection``), sorted."""
    folder = projections_dir()
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.rq") if PROJECTION_TAG in _read(p).tags)


def load_projection(name: str) -> CannedQuery:
    """The projection query ``name``; QueryError listing the known names otherwise."""
    names = projection_names()
    if name not in names:
        raise QueryError(f"unknown projection '{name}'; known: {', '.join(names) or 'none'}")
    query = _read(projections_dir() / f"{name}.rq")
    if tuple(query.columns) != EDGE_COLUMNS:
        raise QueryError(f"{name}.rq: a projection must select {' '.join(EDGE_COLUMNS)}")
    return query


def helper_query(name: str) -> CannedQuery:
    """One of the shared attribute queries (``nodes``, ``evidence``)."""
    path = projections_dir() / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"the network attribute query {path} is missing")
    return _read(path)


def open_data(data: str | Path | None) -> Engine:
    """An engine for ``data`` (RDF file or SPARQL endpoint URL; default: the bundled graph)."""
    from clustergraph.query.engine import open_engine
    from clustergraph.resources import DEFAULT_GRAPH, data_path

    return open_engine(data if data is not None else data_path(DEFAULT_GRAPH))


def project(
    name: str,
    data: str | Path | None = None,
    *,
    engine: Engine | None = None,
    metrics: bool = True,
) -> nx.Graph:
    """Build projection ``name`` from ``data`` and (by default) annotate it with the metrics."""
    from clustergraph.network.attributes import node_table

    query = load_projection(name)
    engine = engine if engine is not None else open_data(data)
    graph = assemble(engine.run(query.text), node_table(engine))
    graph.graph.update(
        {
            "name": name,
            "title_zh": query.title.zh,
            "title_en": query.title.en,
            "view": query.view,
        }
    )
    if metrics:
        from clustergraph.network.metrics import annotate

        annotate(graph)
    return graph


def _text(row: dict[str, Any], column: str) -> str | None:
    term = row.get(column)
    return None if term is None else str(term.value)


def assemble(result: ResultTable, table: dict[str, Any]) -> nx.Graph:
    """Merge projection rows into an undirected graph with sorted nodes and edges."""
    import networkx as nx

    from clustergraph.network.attributes import NodeInfo, local_name

    nodes: set[str] = set()
    reasons: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for row in result.rows:
        source, target = _text(row, "source"), _text(row, "target")
        if source is None:
            continue
        nodes.add(source)
        if target is None or target == source:
            continue
        nodes.add(target)
        via = _text(row, "via") or ""
        shared = _text(row, "viaLabel") or (local_name(via) if via else "")
        pair = (source, target) if source < target else (target, source)
        reasons[pair].add((_text(row, "relation") or "related", via, shared))

    graph = nx.Graph()
    for iri in sorted(nodes):
        info = table.get(iri) or NodeInfo(iri)
        graph.add_node(iri, **info.attributes())
    for (source, target), found in sorted(reasons.items()):
        ordered = sorted(found)
        graph.add_edge(
            source,
            target,
            weight=len(ordered),
            relations=";".join(sorted({relation for relation, _, _ in ordered})),
            shares="; ".join(f"{relation}:{shared}" for relation, _, shared in ordered if shared),
        )
    return graph
