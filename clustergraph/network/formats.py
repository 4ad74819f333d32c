"""Write a projected network as GEXF, GraphML, node-link JSON or a metrics CSV table.

GEXF (Gephi) and GraphML (Cytoscape, Gephi, yEd) take scalar attributes only, so lists are joined
and evidence quotes become one string ``「quote」[start,end)``; node-link JSON keeps them
structured. Every format sorts nodes and edges, and networkx's GEXF date stamp is dropped, so the
same graph always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any

from clustergraph.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

    import networkx as nx

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "flat_graph",
    "format_for",
    "quote_text",
    "to_bytes",
    "to_csv",
    "to_gexf",
    "to_graphml",
    "to_json",
]

FORMATS = ("gexf", "graphml", "json", "csv")
CSV_COLUMNS = (
    "id",
    "label",
    "pinyin",
    "type",
    "category",
    "province",
    "degree",
    "weighted_degree",
    "betweenness",
    "community",
    "component",
    "neighbour_provinces",
    "broker_rank",
)
_GEXF_DATE = re.compile(r'\s+lastmodifieddate="[^"]*"')


def format_for(out: Path | None, fmt: str | None) -> str:
    """The output format: ``fmt`` if given, else from ``out``'s suffix, else JSON."""
    if fmt is not None:
        return fmt
    if out is None:
        return "json"
    suffix = out.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise InputError(
        f"cannot tell the format from '{out.name}'; give --format ({'|'.join(FORMATS)})"
    )


def quote_text(evidence: list[dict[str, Any]]) -> str:
    """Evidence quotes as one string: ``「exact」[start,end) | …``."""
    return " | ".join(f"「{q['exact']}」[{q['start']},{q['end']})" for q in evidence)


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set):
        return "、".join(str(v) for v in value)
    return str(value)


def flat_graph(graph: nx.Graph) -> nx.Graph:
    """A copy with scalar attributes only and nodes, edges and keys in sorted order."""
    import networkx as nx

    flat = nx.Graph()
    flat.graph.update({k: _scalar(v) for k, v in sorted(graph.graph.items()) if v is not None})
    for node in sorted(graph.nodes):
        attrs = dict(graph.nodes[node])
        attrs.pop("provinces", None)  # ``province`` holds the same names, joined
        attrs["evidence"] = quote_text(attrs.get("evidence") or [])
        flat.add_node(node, **{k: _scalar(v) for k, v in sorted(attrs.items()) if v is not None})
    for source, target in sorted(tuple(sorted(edge)) for edge in graph.edges):
        attrs = graph.edges[source, target]
        flat.add_edge(source, target, **{k: _scalar(v) for k, v in sorted(attrs.items())})
    return flat


def to_gexf(graph: nx.Graph) -> bytes:
    """GEXF 1.2 for Gephi (no date stamp)."""
    import networkx as nx

    text = "\n".join(nx.generate_gexf(flat_graph(graph), prettyprint=True))
    return (_GEXF_DATE.sub("", text, count=1) + "\n").encode("utf-8")


def to_graphml(graph: nx.Graph) -> bytes:
    """GraphML for Cytoscape, Gephi or yEd."""
    import networkx as nx

    flat = flat_graph(graph)
    flat.graph.clear()  # graph-level keys are not read by the viewers; keep the file plain
    return ("\n".join(nx.generate_graphml(flat, prettyprint=True)) + "\n").encode("utf-8")


def to_json(graph: nx.Graph) -> bytes:
    """Node-link JSON as networkx writes it (``nodes``/``edges``), evidence kept as objects."""
    import networkx as nx

    ordered = nx.Graph()
    ordered.graph.update(graph.graph)
    ordered.add_nodes_from((n, graph.nodes[n]) for n in sorted(graph.nodes))
    ordered.add_edges_from(
        (s, t, graph.edges[s, t]) for s, t in sorted(tuple(sorted(e)) for e in graph.edges)
    )
    data = nx.node_link_data(ordered, edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def to_csv(graph: nx.Graph) -> bytes:
    """The metrics table: one row per node, highest betweenness first (then degree, id)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    order = sorted(
        graph.nodes,
        key=lambda n: (
            -graph.nodes[n].get("betweenness", 0.0),
            -graph.nodes[n].get("degree", 0),
            n,
        ),
    )
    for node in order:
        attrs = graph.nodes[node]
        writer.writerow([node, *(_cell(attrs.get(column, "")) for column in CSV_COLUMNS[1:])])
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6f}"
    return str(value)


def to_bytes(graph: nx.Graph, fmt: str) -> bytes:
    """Serialise ``graph`` in ``fmt`` (one of :data:`FORMATS`)."""
    writers = {"gexf": to_gexf, "graphml": to_graphml, "json": to_json, "csv": to_csv}
    if fmt not in writers:
        raise InputError(f"unknown network format '{fmt}'; known: {', '.join(FORMATS)}")
    return writers[fmt](graph)
