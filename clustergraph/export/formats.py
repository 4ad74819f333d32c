"""Write the graph in the formats engineers already use; every file is written atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from clustergraph.fileio import atomic_write_bytes
from clustergraph.resources import data_path

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["FORMATS", "export", "load_context"]

FORMATS = ("ttl", "nt", "jsonld", "csv")


def load_context() -> dict:
    """The published JSON-LD ``@context`` (ontology/context.jsonld)."""
    return json.loads(data_path("ontology/context.jsonld").read_text(encoding="utf-8"))


def export(graph: Graph, fmt: str, out_dir: Path) -> list[Path]:
    """Write ``graph`` as ``fmt`` into ``out_dir``; return the files written (sorted)."""
    from clustergraph.graph.serialize import to_turtle

    out_dir.mkdir(parents=True, exist_ok=True)
    if fmt == "ttl":
        return [atomic_write_bytes(out_dir / "clustergraph.ttl", to_turtle(graph))]
    if fmt == "nt":
        lines = sorted(graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines())
        body = "\n".join(line for line in lines if line.strip()) + "\n"
        return [atomic_write_bytes(out_dir / "clustergraph.nt", body.encode("utf-8"))]
    if fmt == "jsonld":
        return _jsonld(graph, out_dir)
    if fmt == "csv":
        from clustergraph.export.tables import write_tables

        return write_tables(graph, out_dir)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _jsonld(graph: Graph, out_dir: Path) -> list[Path]:
    context = load_context()
    text = graph.serialize(format="json-ld", context=context["@context"], sort_keys=True,
                           indent=1, ensure_ascii=False)
    document = json.loads(text)
    if isinstance(document.get("@graph"), list):
        document["@graph"].sort(key=lambda node: str(node.get("@id", "")))
    data = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    context_text = json.dumps(context, ensure_ascii=False, indent=2) + "\n"
    return [
        atomic_write_bytes(out_dir / "clustergraph.jsonld", data.encode("utf-8")),
        atomic_write_bytes(out_dir / "context.jsonld", context_text.encode("utf-8")),
    ]
