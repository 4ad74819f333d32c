"""Standard exports of the graph: Turtle, N-Triples, JSON-LD (with the published context), CSV+CSVW."""

from __future__ import annotations

from clustergraph.export.formats import FORMATS, export

__all__ = ["FORMATS", "export"]
