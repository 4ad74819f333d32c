"""Write the graph in the formats engineers already use; every file is written atomically.

Every format is deterministic: the same graph gives byte-identical files (sorted Turtle, sorted
N-Triples lines, sorted JSON-LD nodes and values, sorted CSV rows).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from clustergraph.fileio import atomic_write_bytes
from clustergraph.resources import data_path

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["CONTEXT_FILE", "FORMATS", "export", "load_context"]

FORMATS = ("ttl", "nt", "jsonld", "csv")
#: the published JSON-LD context, written unchanged beside every JSON-LD export
CONTEXT_FILE = "ontology/context.jsonld"


def load_context() -> dict:
    """The published JSON-LD context document (``{"@context": {...}}``)."""
    return json.loads(data_path(CONTEXT_FILE).read_text(encoding="utf-8"))


def export(graph: Graph, fmt: str, out_dir: Path) -> list[Path]:
    """Write ``graph`` as ``fmt`` into ``out_dir``; return the files written (sorted)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "ttl":
        from clustergraph.graph.serialize import to_turtle

        return [atomic_write_bytes(out_dir / "clustergraph.ttl", to_turtle(graph))]
    if fmt == "nt":
        return [atomic_write_bytes(out_dir / "clustergraph.nt", to_ntriples(graph))]
    if fmt == "jsonld":
        return _jsonld(graph, out_dir)
    if fmt == "csv":
        from clustergraph.export.tables import write_tables

        return write_tables(graph, out_dir)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def to_ntriples(graph: Graph) -> bytes:
    """N-Triples 1.1 (UTF-8), one triple per line, lines sorted."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def _jsonld(graph: Graph, out_dir: Path) -> list[Path]:
    """The graph with the published context inlined, plus that context file beside it."""
    from clustergraph.export.jsonld import to_jsonld

    context_bytes = data_path(CONTEXT_FILE).read_bytes()
    context = json.loads(context_bytes.decode("utf-8"))["@context"]
    data = to_jsonld(graph, context)
    return sorted(
        [
            atomic_write_bytes(out_dir / "clustergraph.jsonld", data.encode("utf-8")),
            atomic_write_bytes(out_dir / "context.jsonld", context_bytes),
        ]
    )
