"""The ontology and the shapes as rdflib graphs, read from the data files (never from strings)."""

from __future__ import annotations

from rdflib import Graph

from clustergraph.resources import data_path

__all__ = ["ONTOLOGY_FILE", "SHAPES_FILE", "load_ontology", "load_shapes"]

ONTOLOGY_FILE = "ontology/clustergraph.ttl"
SHAPES_FILE = "ontology/shapes.ttl"


def load_ontology() -> Graph:
    """A fresh graph of ``ontology/clustergraph.ttl`` (the caller may modify it)."""
    return Graph().parse(data_path(ONTOLOGY_FILE), format="turtle")


def load_shapes() -> Graph:
    """A fresh graph of ``ontology/shapes.ttl`` (the caller may modify it)."""
    return Graph().parse(data_path(SHAPES_FILE), format="turtle")
